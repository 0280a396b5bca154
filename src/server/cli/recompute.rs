//! `spotter recompute`: rebuild points, records and achievements from the log, for one account
//! or for all of them.

use clap::Args;

use super::error::CliError;
use super::setup::Setup;
use super::user;
use crate::server::db::users;
use crate::server::services::recompute::recompute;

#[derive(Args)]
pub(super) struct RecomputeArgs {
    #[arg(long)]
    email: Option<String>,
}

pub(super) async fn run(args: RecomputeArgs) -> Result<(), CliError> {
    let state = Setup::open().await?.state().await?;
    let accounts = match args.email {
        Some(email) => vec![user::find(&state, &email).await?],
        None => users::all(&state.db).await?,
    };
    for account in &accounts {
        recompute(&state.db, account).await?;
    }
    println!("recomputed {} account(s)", accounts.len());
    Ok(())
}
