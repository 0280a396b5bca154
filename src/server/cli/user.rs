//! `spotter user add`: create an account from the command line, with the same rules as
//! registering on the site. Also the account lookup by `--email` the other commands use.

use clap::Subcommand;

use super::error::CliError;
use super::setup::Setup;
use super::stdin_password;
use crate::domain::account::{Language, normalize_email};
use crate::server::auth::account::{self, AccountError, Registration};
use crate::server::db::users::{self, User};
use crate::server::state::AppState;

#[derive(Subcommand)]
pub(super) enum UserCommand {
    /// Create an account; the password is read from the first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        /// Read the password from the first line of standard input (required: a password is
        /// never taken as an argument).
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long, value_enum, default_value_t = Language::En)]
        language: Language,
    },
}

pub(super) async fn run(command: UserCommand) -> Result<(), CliError> {
    match command {
        UserCommand::Add {
            email,
            password_stdin,
            display_name,
            language,
        } => add(&email, password_stdin, display_name.as_deref(), language).await,
    }
}

async fn add(
    email: &str,
    password_stdin: bool,
    display_name: Option<&str>,
    language: Language,
) -> Result<(), CliError> {
    if !password_stdin {
        return Err(CliError::User(
            "user add reads the password from standard input: pass --password-stdin and pipe \
             it in, e.g. `printf '%s\\n' \"$PASSWORD\" | spotter user add --email E --password-stdin`"
                .into(),
        ));
    }
    let password = stdin_password::read()?;
    let state = Setup::open().await?.state().await?;
    let registration = Registration {
        email,
        password: &password,
        display_name,
        language,
        timezone: None,
    };
    let user = account::create_account(&state, registration)
        .await
        .map_err(|e| match e {
            AccountError::Invalid(errors) => CliError::User(
                errors
                    .into_iter()
                    .map(|e| e.message)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            other => CliError::User(other.to_string()),
        })?;
    println!("created user {} ({})", user.email, user.id);
    Ok(())
}

/// The account at `email` (normalized as at login), or a message naming it.
pub(super) async fn find(state: &AppState, email: &str) -> Result<User, CliError> {
    users::find_by_email(&state.db, &normalize_email(email))
        .await?
        .ok_or_else(|| CliError::User(format!("no account with email {email}")))
}
