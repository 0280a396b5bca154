//! `spotter import`: read a Strong, Hevy or FitNotes CSV export, or restore a Spotter export
//! (`--format spotter`, or told by the file), into an account (or, with `--dry-run`,
//! only say what would be imported). A file with bad lines is refused whole, each listed,
//! unless `--skip-invalid`; warnings are listed, grouped.

use std::path::PathBuf;

use clap::Args;

use super::error::CliError;
use super::setup::Setup;
use super::user;
use crate::domain::import::{FormatChoice, LineGroup};
use crate::server::services::import::{ImportError, ImportRun, import};

#[derive(Args)]
pub(super) struct ImportArgs {
    #[arg(long)]
    email: String,
    /// The app that wrote the export (auto: told by the file's header).
    #[arg(long, value_enum, default_value_t = FormatChoice::Auto)]
    format: FormatChoice,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// IANA time zone of the export's times (default: the account's).
    #[arg(long)]
    tz: Option<String>,
    /// Import the good rows of a file with bad lines, skipping (and listing) those.
    #[arg(long)]
    skip_invalid: bool,
    file: PathBuf,
}

pub(super) async fn run(args: ImportArgs) -> Result<(), CliError> {
    let ImportArgs {
        email,
        format,
        dry_run,
        tz,
        skip_invalid,
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
    let run = ImportRun {
        tz,
        dry_run,
        skip_invalid,
    };
    let report = match import(&state.db, &user, format, &bytes, run).await {
        Ok(report) => report,
        Err(ImportError::BadRows(report)) => {
            for e in &report.errors {
                eprintln!("line {}: {}", e.line, e.message);
            }
            return Err(CliError::User(format!(
                "{} bad line(s); nothing was imported (--skip-invalid imports the other {} set(s))",
                report.error_count, report.sets
            )));
        }
        Err(ImportError::UnknownFormat(e)) => return Err(CliError::User(e.message)),
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
    if report.goals + report.plan_items > 0 {
        println!("{} goals, {} plan items", report.goals, report.plan_items);
    }
    for g in &report.warnings {
        println!("warning: {}", line_group(g));
    }
    let skipped = if report.skipped > 0 { "skipped " } else { "" };
    for e in &report.errors {
        println!("{skipped}line {}: {}", e.line, e.message);
    }
    Ok(())
}

/// "3 lines (2, 3, 4): workout duration 105h 45m ignored".
fn line_group(g: &LineGroup) -> String {
    let lines: Vec<String> = g.lines.iter().map(ToString::to_string).collect();
    let more = if g.count > g.lines.len() { ", …" } else { "" };
    match g.count {
        1 => format!("line {}: {}", lines.join(", "), g.message),
        n => format!("{n} lines ({}{more}): {}", lines.join(", "), g.message),
    }
}
