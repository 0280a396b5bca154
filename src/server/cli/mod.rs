//! The `spotter` command line: `serve` (the default), `migrate`, `user add`, `token create`,
//! `import`, `copy`, `recompute`, `demo` and `checkin`, one module each. Configuration comes from the environment
//! (see `server::config`); every command opens the database through `setup`, which also builds
//! the application state the commands share with the server. Command output goes to stdout,
//! logs and errors to stderr.
//!
//! - `setup`: configuration, the migrated database and the [`AppState`](super::AppState).
//! - `error`: what a command can fail with, printed as `spotter: <message>`.
//! - `stdin_password`: `--password-stdin`, the only way a password is given.
//! - the commands: `serve`, `migrate`, `user`, `token`, `import`, `copy`, `recompute`, `demo`,
//!   `checkin`.

mod checkin;
mod copy;
mod demo;
mod error;
mod import;
mod migrate;
mod precompress;
mod recompute;
mod serve;
mod setup;
mod stdin_password;
mod token;
mod user;

use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::account::Language;
use crate::domain::import::FormatChoice;
use error::CliError;

#[derive(Parser)]
#[command(
    name = "spotter",
    version,
    about = "Spotter: a self-hosted AI personal trainer"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations and serve the app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: token::TokenCommand,
    },
    /// Import a Strong, Hevy or FitNotes CSV export into an account, or restore a Spotter
    /// export (the JSON of "Download all my data").
    Import(import::ImportArgs),
    /// Copy a whole instance into an empty database: SQLite to PostgreSQL, or back.
    Copy(copy::CopyArgs),
    /// Rebuild points, records and achievements from the log (one account, or all).
    Recompute(recompute::RecomputeArgs),
    /// Create a demo account with about six months of training, goals, a plan and two
    /// conversations. Its password is `spotter-demo` unless --password-stdin gives another.
    Demo(demo::DemoArgs),
    /// Write the site's files (wasm, scripts, styles) again as .br and .gz beside them, for the
    /// server to send as they are (scripts/build.sh runs it).
    Precompress(precompress::PrecompressArgs),
    /// Send an account's weekly check-in (`--now`: last week's, whatever the day).
    Checkin(checkin::CheckinArgs),
}

pub async fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    match run(cli.command.unwrap_or(Command::Serve)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("spotter: {err}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Logs go to stderr so stdout carries only command output (`TOKEN=$(spotter token create …)`).
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Serve => serve::run().await,
        Command::Migrate => migrate::run().await,
        Command::User { command } => user::run(command).await,
        Command::Token { command } => token::run(command).await,
        Command::Import(args) => import::run(args).await,
        Command::Copy(args) => copy::run(args).await,
        Command::Recompute(args) => recompute::run(args).await,
        Command::Demo(args) => demo::run(args).await,
        Command::Precompress(args) => precompress::run(args),
        Command::Checkin(args) => checkin::run(args).await,
    }
}

/// Domain enums as clap values, from their own variants and text forms: the command line
/// accepts exactly the words the API and the forms do.
macro_rules! text_enum_values {
    ($($name:ty),+) => {$(
        impl ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                <$name>::ALL
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.as_str()))
            }
        }
    )+};
}

text_enum_values!(Language, FormatChoice);
