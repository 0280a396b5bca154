//! `spotter token create`: issue an API token for an account and print only the secret, so
//! that `TOKEN=$(spotter token create …)` works.

use clap::Subcommand;

use super::error::CliError;
use super::setup::Setup;
use super::user;
use crate::server::auth::api_tokens::{TokenError, create_token};

#[derive(Subcommand)]
pub(super) enum TokenCommand {
    /// Create an API token for an account and print it (it is shown only once).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

pub(super) async fn run(command: TokenCommand) -> Result<(), CliError> {
    match command {
        TokenCommand::Create { email, name } => {
            let state = Setup::open().await?.state().await?;
            let user = user::find(&state, &email).await?;
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
