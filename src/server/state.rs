//! What every handler shares: the database, configuration, the secret key and throttles.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::auth::rate_limit::LoginThrottle;
use super::auth::secret::SecretKey;
use super::config::Config;
use super::db::Db;
use super::llm::LlmProvider;
use super::llm::offline::OfflineCoach;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub secret: SecretKey,
    pub throttle: Arc<LoginThrottle>,
    pub leptos: LeptosOptions,
    /// The coach's language model (the offline coach unless one is configured).
    pub llm: Arc<dyn LlmProvider>,
}

impl AppState {
    /// Builds the state for an already-migrated database.
    pub async fn new(config: Config, db: Db, leptos: LeptosOptions) -> Result<Self, sqlx::Error> {
        let secret = SecretKey::load(config.secret_key.clone(), &db).await?;
        if config.llm.base_url.is_some() {
            // Said at every start until the OpenAI-compatible provider lands (issue #9).
            tracing::warn!(
                "LLM_BASE_URL is set, but this version of Spotter only has the built-in offline \
                 coach; it answers instead"
            );
        }
        super::db::exercises::seed_catalog(&db).await?;
        Ok(Self {
            throttle: Arc::new(LoginThrottle::new(config.login_limit_per_minute)),
            config: Arc::new(config),
            db,
            secret,
            leptos,
            llm: Arc::new(OfflineCoach),
        })
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
