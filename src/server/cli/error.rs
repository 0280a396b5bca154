//! What a command can fail with. `main` prints it as `spotter: <message>` and exits with 1.

#[derive(Debug, thiserror::Error)]
pub(super) enum CliError {
    #[error("configuration: {0}")]
    Config(#[from] crate::server::config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] crate::server::db::DbError),
    #[error("database: {0}{hint}", hint = storage_hint(.0))]
    Sqlx(#[from] sqlx::Error),
    #[error("site configuration (Leptos.toml): {0}")]
    Leptos(String),
    #[error("copy: {0}")]
    Copy(#[from] crate::server::db::copy::CopyError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Something the operator can fix: a bad argument, an unknown account, invalid input.
    #[error("{0}")]
    User(String),
}

/// What an operator can do about a database that cannot be written.
fn storage_hint(err: &sqlx::Error) -> &'static str {
    use crate::server::http::error::Storage;
    match Storage::of(err) {
        Some(Storage::ReadOnly) => {
            " (the database is read-only: check the file's and its directory's permissions, and `mode=` in DATABASE_URL; nothing was changed)"
        }
        Some(Storage::Full) => " (the disk is full: free some space; nothing was changed)",
        Some(Storage::Failing) => " (the disk failed a read or write: check it and its free space)",
        None => "",
    }
}
