//! `spotter demo`: create (or with `--reset`, recreate) the demo account through
//! `server::demo`, and report what it holds.

use std::time::Instant;

use clap::Args;

use super::error::CliError;
use super::setup::Setup;
use super::stdin_password;
use crate::domain::demo_data::{DEFAULT_SEED, DEFAULT_WEEKS};
use crate::server::demo::{
    DEFAULT_EMAIL, DEFAULT_PASSWORD, DEFAULT_TIMEZONE, DemoError, DemoOptions, create_demo,
};

#[derive(Args)]
pub(super) struct DemoArgs {
    #[arg(long, default_value = DEFAULT_EMAIL)]
    email: String,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    /// Calendar weeks of history, ending with this week (1 to 104).
    #[arg(long, default_value_t = DEFAULT_WEEKS)]
    weeks: u32,
    /// Seed of the generator: the same seed gives the same history.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// IANA time zone of the account.
    #[arg(long, default_value = DEFAULT_TIMEZONE)]
    timezone: String,
    /// Delete the account at --email and everything it owns first, then recreate it.
    #[arg(long)]
    reset: bool,
}

pub(super) async fn run(args: DemoArgs) -> Result<(), CliError> {
    let setup = Setup::open().await?;
    let started = Instant::now();
    let password = if args.password_stdin {
        stdin_password::read()?
    } else {
        DEFAULT_PASSWORD.to_owned()
    };
    let options = DemoOptions {
        email: args.email,
        password,
        timezone: args.timezone,
        weeks: args.weeks,
        seed: args.seed,
        reset: args.reset,
        now: None,
    };
    let r = create_demo(&setup.db, &options)
        .await
        .map_err(|e| match e {
            DemoError::Db(e) => CliError::Sqlx(e),
            other => CliError::User(other.to_string()),
        })?;
    println!(
        "{} demo account {} (password: {})",
        if r.replaced { "recreated" } else { "created" },
        r.user.email,
        if args.password_stdin {
            "as given on standard input"
        } else {
            DEFAULT_PASSWORD
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
