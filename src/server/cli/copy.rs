//! `spotter copy --from URL --to URL`: a whole instance into an empty database, either engine
//! to either engine (see `server::db::copy`). Stop the server first: what it writes during
//! the copy is not in the target.

use clap::Args;

use super::error::CliError;
use crate::server::db::Db;
use crate::server::db::copy::{CopyError, copy};

#[derive(Args)]
pub(super) struct CopyArgs {
    /// The database to copy: sqlite://path/to/spotter.db or postgres://…
    #[arg(long)]
    from: String,
    /// An empty database to copy into (migrated first; only the catalog may be there).
    #[arg(long)]
    to: String,
}

pub(super) async fn run(args: CopyArgs) -> Result<(), CliError> {
    if args.from.trim() == args.to.trim() {
        return Err(CopyError::SameDatabase.into());
    }
    let from = Db::connect(&args.from).await?;
    let to = Db::connect(&args.to).await?;
    let copied = copy(&from, &to, |table, rows| println!("{table}: {rows} rows")).await?;
    let total: i64 = copied.iter().map(|(_, rows)| rows).sum();
    println!(
        "copied {total} rows in {} tables, counts verified; point DATABASE_URL at the target",
        copied.len()
    );
    Ok(())
}
