//! `spotter migrate`: apply pending migrations (every command does so first) and say so.

use super::error::CliError;
use super::setup::Setup;

pub(super) async fn run() -> Result<(), CliError> {
    let setup = Setup::open().await?;
    println!("migrations applied ({:?})", setup.db.engine());
    Ok(())
}
