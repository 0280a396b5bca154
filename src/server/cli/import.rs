//! `spotter import`: read a Strong or Hevy CSV export into an account (or, with `--dry-run`,
//! only say what would be imported). A file with bad lines is refused whole, each listed.

use std::path::PathBuf;

use clap::Args;

use super::error::CliError;
use super::setup::Setup;
use super::user;
use crate::domain::import::Format;
use crate::server::services::import::{ImportError, import};

#[derive(Args)]
pub(super) struct ImportArgs {
    #[arg(long)]
    email: String,
    /// The app that wrote the export.
    #[arg(long, value_enum)]
    format: Format,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// IANA time zone of the export's times (default: the account's).
    #[arg(long)]
    tz: Option<String>,
    file: PathBuf,
}

pub(super) async fn run(args: ImportArgs) -> Result<(), CliError> {
    let ImportArgs {
        email,
        format,
        dry_run,
        tz,
        file,
    } = args;
    let state = Setup::open().await?.state().await?;
    let user = user::find(&state, &email).await?;
    let tz = tz
        .map(|t| {
            t.parse::<chrono_tz::Tz>()
                .map_err(|_| CliError::User(format!("unknown time zone {t}")))
        })
        .transpose()?;
    let bytes =
        std::fs::read(&file).map_err(|e| CliError::User(format!("{}: {e}", file.display())))?;
    let report = match import(&state.db, &user, format, &bytes, tz, dry_run).await {
        Ok(report) => report,
        Err(ImportError::BadRows(report)) => {
            for e in &report.errors {
                eprintln!("line {}: {}", e.line, e.message);
            }
            return Err(CliError::User(format!(
                "{} bad line(s); nothing was imported",
                report.error_count
            )));
        }
        Err(ImportError::Db(e)) => return Err(e.into()),
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
