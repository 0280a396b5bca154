//! `spotter checkin --email E [--now]`: send an account's weekly check-in. With `--now`, the
//! one about the week that ended last Sunday, whatever the day (demos and tests); without it,
//! only when it is due (Monday from 07:00 in the user's zone, the weekly-report switch on).
//! Either way a week is sent once.

use chrono::{Duration, Utc};
use clap::Args;

use super::error::CliError;
use super::setup::Setup;
use super::user;
use crate::domain::checkin::monday_of;
use crate::server::services::checkin::{Checkins, Sent};

#[derive(Args)]
pub(super) struct CheckinArgs {
    #[arg(long)]
    email: String,
    /// Send the last week's check-in now, not only when it is due.
    #[arg(long)]
    now: bool,
}

pub(super) async fn run(args: CheckinArgs) -> Result<(), CliError> {
    let state = Setup::open().await?.state().await?;
    let account = user::find(&state, &args.email).await?;
    let checkins = Checkins::of(&state);
    let sent = if args.now {
        let today = Utc::now().with_timezone(&account.zone()).date_naive();
        let week = monday_of(today) - Duration::weeks(1);
        Some(checkins.send(&account, week).await?)
    } else {
        checkins.due(&account, Utc::now()).await?
    };
    match sent {
        Some(Sent::New(conversation)) => println!("sent: /c/{conversation}"),
        Some(Sent::Already) => println!("already sent this week"),
        None => println!("not due"),
    }
    Ok(())
}
