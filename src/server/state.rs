//! What every handler shares: the database, configuration, the secret key and throttles.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::auth::rate_limit::LoginThrottle;
use super::auth::secret::SecretKey;
use std::time::Duration;

use super::config::{Config, LlmConfig};
use super::db::Db;
use super::llm::LlmProvider;
use super::llm::offline::OfflineCoach;
use super::llm::openai::{OpenAiCompatible, Settings};
use super::sandbox::Sandbox;
use super::services::chat::live::Live;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub secret: SecretKey,
    pub throttle: Arc<LoginThrottle>,
    pub leptos: LeptosOptions,
    /// The coach's language model (the offline coach unless one is configured).
    pub llm: Arc<dyn LlmProvider>,
    /// The coach's replies this process is writing.
    pub live: Arc<Live>,
    /// Where the trainer's SQL runs (read-only, the user's rows only).
    pub sandbox: Sandbox,
}

impl AppState {
    /// Builds the state for an already-migrated database.
    pub async fn new(config: Config, db: Db, leptos: LeptosOptions) -> Result<Self, sqlx::Error> {
        let secret = SecretKey::load(config.secret_key.clone(), &db).await?;
        let llm = provider(&config.llm);
        super::db::exercises::seed_catalog(&db).await?;
        let live = Arc::new(Live::default());
        if let Db::Postgres(pool) = &db {
            // Replies followed and stopped across instances (LISTEN/NOTIFY).
            live.connect_relay(pool.clone());
        }
        Ok(Self {
            sandbox: Sandbox::new(&db),
            throttle: Arc::new(LoginThrottle::new(config.login_limit_per_minute)),
            config: Arc::new(config),
            db,
            secret,
            leptos,
            llm,
            live,
        })
    }
}

/// The model a configuration asks for: an OpenAI-compatible server when `LLM_BASE_URL` is
/// set, else the offline coach.
fn provider(config: &LlmConfig) -> Arc<dyn LlmProvider> {
    let offline = OfflineCoach {
        pace: Duration::from_millis(config.offline_pace_ms),
    };
    let Some(base_url) = &config.base_url else {
        return Arc::new(offline);
    };
    let settings = Settings {
        base_url: base_url.clone(),
        api_key: config.api_key.as_ref().map(|k| k.expose().to_owned()),
        model: config.model.clone(),
        stall_timeout: Duration::from_secs(config.stall_timeout_s),
        max_tokens: config.max_tokens,
    };
    match OpenAiCompatible::new(settings) {
        Ok(client) => {
            tracing::info!(
                base_url,
                model = config.model.as_deref().unwrap_or("(the server's first)"),
                "the coach speaks through an OpenAI-compatible model server"
            );
            Arc::new(client)
        }
        Err(e) => {
            tracing::error!("cannot use LLM_BASE_URL ({e}); the offline coach answers instead");
            Arc::new(offline)
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
