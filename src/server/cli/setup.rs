//! Where every command starts: the configuration from the environment and the database,
//! connected and migrated; for commands that act as the app, the [`AppState`] built from them.
//! Written once so that every command sees the same database the server does.

use leptos::config::LeptosOptions;

use super::error::CliError;
use crate::server::config::Config;
use crate::server::db::Db;
use crate::server::state::AppState;

pub(super) struct Setup {
    pub config: Config,
    pub db: Db,
}

impl Setup {
    /// Reads the configuration, connects (creating a SQLite file if needed) and migrates.
    pub async fn open() -> Result<Self, CliError> {
        Self::open_with(Config::from_env()?).await
    }

    /// [`Setup::open`] with a configuration already read.
    pub async fn open_with(config: Config) -> Result<Self, CliError> {
        let db = Db::connect(config.database_url.expose()).await?;
        db.migrate().await?;
        Ok(Self { config, db })
    }

    /// The application state for a command that renders no pages.
    pub async fn state(self) -> Result<AppState, CliError> {
        self.state_with(LeptosOptions::builder().output_name("spotter").build())
            .await
    }

    /// The application state with the site's settings (`serve`).
    pub async fn state_with(self, site: LeptosOptions) -> Result<AppState, CliError> {
        Ok(AppState::new(self.config, self.db, site).await?)
    }
}
