//! The `spotter` command line: `serve` (default), `migrate`, `user add`, `token create`.
//! Configuration comes from the environment (see `server::config`).

use std::io::BufRead;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leptos::config::LeptosOptions;

use super::auth::account::{self, Registration};
use super::config::Config;
use super::db::{Db, sessions, users};
use super::auth::api_tokens::{TokenError, create_token};
use super::state::AppState;
use super::training;
use crate::domain::account::{Language, normalize_email};
use crate::domain::import::Format;

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
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Import a Strong or Hevy CSV export into an account.
    Import {
        #[arg(long)]
        email: String,
        /// strong or hevy.
        #[arg(long)]
        format: String,
        /// Show what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// IANA time zone of the export's times (default: the account's).
        #[arg(long)]
        tz: Option<String>,
        file: std::path::PathBuf,
    },
    /// Rebuild points, records and achievements from the log (one account, or all).
    Recompute {
        #[arg(long)]
        email: Option<String>,
    },
    /// Create a demo account with about six months of training, goals, a plan and two
    /// conversations. Its password is `spotter-demo` unless --password-stdin gives another.
    Demo {
        #[arg(long, default_value = super::demo::DEFAULT_EMAIL)]
        email: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// Calendar weeks of history, ending with this week (1 to 104).
        #[arg(long, default_value_t = crate::domain::demo_data::DEFAULT_WEEKS)]
        weeks: u32,
        /// Seed of the generator: the same seed gives the same history.
        #[arg(long, default_value_t = crate::domain::demo_data::DEFAULT_SEED)]
        seed: u64,
        /// IANA time zone of the account.
        #[arg(long, default_value = super::demo::DEFAULT_TIMEZONE)]
        timezone: String,
        /// Delete the account at --email and everything it owns first, then recreate it.
        #[arg(long)]
        reset: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; the password is read from the first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, required = true)]
        password_stdin: bool,
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long, default_value = "en")]
        language: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for an account and print it (it is shown only once).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("configuration: {0}")]
    Config(#[from] super::config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] super::db::DbError),
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("site configuration (Leptos.toml): {0}")]
    Leptos(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    User(String),
}

pub async fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    match run(cli).await {
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

async fn run(cli: Cli) -> Result<(), CliError> {
    let config = Config::from_env()?;
    let db = Db::connect(config.database_url.expose()).await?;
    db.migrate().await?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config, db).await,
        Command::Migrate => {
            println!("migrations applied ({:?})", db.engine());
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    password_stdin: _,
                    display_name,
                    language,
                },
        } => {
            let password = read_password()?;
            let language: Language = language
                .parse()
                .map_err(|_| CliError::User("language must be en or he".into()))?;
            let state = AppState::new(
                config,
                db,
                LeptosOptions::builder().output_name("spotter").build(),
            )
            .await?;
            let registration = Registration {
                email: &email,
                password: &password,
                display_name: display_name.as_deref(),
                language,
                timezone: None,
            };
            let user = account::create_account(&state, registration)
                .await
                .map_err(|e| match e {
                    account::AccountError::Invalid(errors) => CliError::User(
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
        Command::Import {
            email,
            format,
            dry_run,
            tz,
            file,
        } => {
            let state = AppState::new(
                config,
                db,
                LeptosOptions::builder().output_name("spotter").build(),
            )
            .await?;
            let user = find_user(&state, &email).await?;
            let format: Format = format
                .parse()
                .map_err(|_| CliError::User("--format must be strong or hevy".into()))?;
            let tz = tz
                .map(|t| {
                    t.parse::<chrono_tz::Tz>()
                        .map_err(|_| CliError::User(format!("unknown time zone {t}")))
                })
                .transpose()?;
            let bytes = std::fs::read(&file)
                .map_err(|e| CliError::User(format!("{}: {e}", file.display())))?;
            let report =
                match training::import::import(&state.db, &user, format, &bytes, tz, dry_run).await
                {
                    Ok(report) => report,
                    Err(training::import::ImportError::BadRows(report)) => {
                        for e in &report.errors {
                            eprintln!("line {}: {}", e.line, e.message);
                        }
                        return Err(CliError::User(format!(
                            "{} bad line(s); nothing was imported",
                            report.error_count
                        )));
                    }
                    Err(training::import::ImportError::Db(e)) => return Err(e.into()),
                };
            println!(
                "{}{} workouts, {} sets ({} to {}), {} already imported, {} new exercises{}",
                if dry_run {
                    "would import "
                } else {
                    "imported "
                },
                report.workouts,
                report.sets,
                report
                    .from
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                report
                    .to
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                report.duplicates,
                report.new_exercises.len(),
                if report.new_exercises.is_empty() {
                    String::new()
                } else {
                    format!(": {}", report.new_exercises.join(", "))
                },
            );
            for e in &report.errors {
                println!("line {}: {}", e.line, e.message);
            }
            Ok(())
        }
        Command::Recompute { email } => {
            let state = AppState::new(
                config,
                db,
                LeptosOptions::builder().output_name("spotter").build(),
            )
            .await?;
            let accounts = match email {
                Some(email) => vec![find_user(&state, &email).await?],
                None => users::all(&state.db).await?,
            };
            for user in &accounts {
                training::recompute::recompute(
                    &state.db,
                    &user.id,
                    training::log::local_day_fn(user),
                )
                .await?;
            }
            println!("recomputed {} account(s)", accounts.len());
            Ok(())
        }
        Command::Demo {
            email,
            password_stdin,
            weeks,
            seed,
            timezone,
            reset,
        } => {
            use super::demo;
            let started = std::time::Instant::now();
            let password = if password_stdin {
                read_password()?
            } else {
                demo::DEFAULT_PASSWORD.to_owned()
            };
            let options = demo::DemoOptions {
                email,
                password,
                timezone,
                weeks,
                seed,
                reset,
                now: None,
            };
            let r = demo::create_demo(&db, &options)
                .await
                .map_err(|e| match e {
                    demo::DemoError::Db(e) => CliError::Sqlx(e),
                    other => CliError::User(other.to_string()),
                })?;
            println!(
                "{} demo account {} (password: {})",
                if r.replaced { "recreated" } else { "created" },
                r.user.email,
                if password_stdin {
                    "as given on standard input"
                } else {
                    demo::DEFAULT_PASSWORD
                },
            );
            println!(
                "{} workouts, {} sets, {} to {} ({} missed weeks); {} personal records, {} achievements, \
                 {} goals, {} plan items, {} conversations; {:.1} s",
                r.workouts,
                r.sets,
                r.from.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                r.to.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                r.missed_weeks,
                r.personal_records,
                r.achievements,
                r.goals,
                r.plan_items,
                r.conversations,
                started.elapsed().as_secs_f64(),
            );
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { email, name },
        } => {
            let state = AppState::new(
                config,
                db,
                LeptosOptions::builder().output_name("spotter").build(),
            )
            .await?;
            let user = users::find_by_email(&state.db, &normalize_email(&email))
                .await?
                .ok_or_else(|| CliError::User(format!("no account with email {email}")))?;
            let created = create_token(&state, &user.id, &name)
                .await
                .map_err(|e| match e {
                    TokenError::Invalid(error) => CliError::User(error.message),
                    TokenError::Db(e) => CliError::Sqlx(e),
                })?;
            println!("{}", created.token);
            Ok(())
        }
    }
}

async fn find_user(state: &AppState, email: &str) -> Result<users::User, CliError> {
    users::find_by_email(&state.db, &normalize_email(email))
        .await?
        .ok_or_else(|| CliError::User(format!("no account with email {email}")))
}

fn read_password() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    if password.is_empty() {
        return Err(CliError::User("no password on standard input".into()));
    }
    Ok(password)
}

/// Loads `Leptos.toml` (the site settings), or defaults when it is absent.
fn leptos_options(addr_override: Option<std::net::SocketAddr>) -> Result<LeptosOptions, CliError> {
    let mut options = if std::path::Path::new("Leptos.toml").exists() {
        leptos::config::get_configuration(Some("Leptos.toml"))
            .map_err(|e| CliError::Leptos(e.to_string()))?
            .leptos_options
    } else {
        leptos::config::get_configuration(None)
            .map_err(|e| CliError::Leptos(e.to_string()))?
            .leptos_options
    };
    if let Some(addr) = addr_override {
        options.site_addr = addr;
    }
    Ok(options)
}

async fn serve(config: Config, db: Db) -> Result<(), CliError> {
    let options = leptos_options(config.addr)?;
    let addr = options.site_addr;
    let purged = sessions::purge_expired(&db).await?;
    let state = AppState::new(config, db.clone(), options).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, engine = ?db.engine(), purged_sessions = purged, "Spotter is listening on http://{addr}");
    super::serve(listener, state, shutdown_signal()).await?;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
