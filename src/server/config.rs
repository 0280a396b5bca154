//! Runtime configuration from the environment (and `.env` when present). Every setting is
//! optional: the default is the embedded setup, a SQLite file under `./data/` and the offline
//! coach. Secrets are wrapped in [`Secret`], whose `Debug` never prints them.

use std::fmt;
use std::net::SocketAddr;

/// A value that must never reach logs: `Debug` and `Display` print `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spotter.db";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_LOGIN_LIMIT_PER_MINUTE: u32 = 10;
/// Messages per minute per user: far above a person typing, low enough to stop a runaway
/// script from spending a model's budget.
pub const DEFAULT_CHAT_LIMIT_PER_MINUTE: u32 = 20;
/// Tokens per user per UTC day: a long day of coaching on a small model.
pub const DEFAULT_DAILY_TOKENS: u64 = 200_000;
/// Seconds a model server may stay silent mid-reply (a small model on a slow CPU reads a long
/// prompt for a while before its first token).
pub const DEFAULT_LLM_STALL_SECS: u64 = 120;
/// Tokens one reply may take.
pub const DEFAULT_LLM_MAX_TOKENS: u32 = 2048;

#[derive(Clone, Debug)]
pub struct LlmConfig {
    pub base_url: Option<String>,
    pub api_key: Option<Secret>,
    pub model: Option<String>,
    /// `LLM_STALL_TIMEOUT`: seconds of silence after which a reply is cut off.
    pub stall_timeout_s: u64,
    /// `LLM_MAX_TOKENS`: the most tokens one reply may take.
    pub max_tokens: u32,
    /// `SPOTTER_OFFLINE_PACE_MS`: the offline coach's pause between words (0: none).
    pub offline_pace_ms: u64,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: Secret,
    /// Where to listen. `None`: take the address from `Leptos.toml`.
    pub addr: Option<SocketAddr>,
    pub llm: LlmConfig,
    pub secret_key: Option<Secret>,
    /// Login attempts allowed per minute, per client IP and per account.
    pub login_limit_per_minute: u32,
    /// Messages a user may send the coach per minute (`SPOTTER_CHAT_LIMIT`).
    pub chat_limit_per_minute: u32,
    /// Tokens a user's coach replies may use per UTC day (`SPOTTER_DAILY_TOKENS`).
    pub daily_token_budget: u64,
    /// Force the session cookie's `Secure` flag; by default it follows `X-Forwarded-Proto`.
    pub cookie_secure: Option<bool>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`SPOTTER_TRUSTED_PROXIES`,
    /// addresses separated by commas). From any other peer the header is ignored.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl Config {
    /// Reads the process environment (after loading `.env` if present).
    pub fn from_env() -> Result<Self, ConfigError> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds a config from any lookup function, so tests need not touch the environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let addr = get("SPOTTER_ADDR")
            .map(|a| {
                a.parse::<SocketAddr>().map_err(|e| ConfigError::Invalid {
                    name: "SPOTTER_ADDR",
                    reason: e.to_string(),
                })
            })
            .transpose()?;
        let positive = |name: &'static str, what: &str, default: u64| {
            get(name)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| ConfigError::Invalid {
                            name,
                            reason: format!("expected a positive number of {what}, got {v:?}"),
                        })
                })
                .transpose()
                .map(|n| n.unwrap_or(default))
        };
        let per_minute = |name, what, default: u32| {
            positive(name, what, u64::from(default)).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        };
        let login_limit_per_minute = per_minute(
            "SPOTTER_LOGIN_LIMIT",
            "attempts per minute",
            DEFAULT_LOGIN_LIMIT_PER_MINUTE,
        )?;
        let chat_limit_per_minute = per_minute(
            "SPOTTER_CHAT_LIMIT",
            "messages per minute",
            DEFAULT_CHAT_LIMIT_PER_MINUTE,
        )?;
        let daily_token_budget = positive(
            "SPOTTER_DAILY_TOKENS",
            "tokens per day",
            DEFAULT_DAILY_TOKENS,
        )?;
        let stall_timeout_s = positive("LLM_STALL_TIMEOUT", "seconds", DEFAULT_LLM_STALL_SECS)?;
        let max_tokens = per_minute("LLM_MAX_TOKENS", "tokens", DEFAULT_LLM_MAX_TOKENS)?;
        let offline_pace_ms = get("SPOTTER_OFFLINE_PACE_MS")
            .map(|v| {
                v.trim().parse::<u64>().map_err(|_| ConfigError::Invalid {
                    name: "SPOTTER_OFFLINE_PACE_MS",
                    reason: format!("expected a number of milliseconds, got {v:?}"),
                })
            })
            .transpose()?
            .unwrap_or(0);
        let cookie_secure = get("SPOTTER_COOKIE_SECURE")
            .map(|v| match v.trim() {
                "1" | "true" => Ok(true),
                "0" | "false" => Ok(false),
                other => Err(ConfigError::Invalid {
                    name: "SPOTTER_COOKIE_SECURE",
                    reason: format!("expected true or false, got {other:?}"),
                }),
            })
            .transpose()?;
        let trusted_proxies = get("SPOTTER_TRUSTED_PROXIES")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(|a| {
                        a.parse::<std::net::IpAddr>()
                            .map_err(|_| ConfigError::Invalid {
                                name: "SPOTTER_TRUSTED_PROXIES",
                                reason: format!(
                                    "expected IP addresses separated by commas, got {a:?}"
                                ),
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?
            .unwrap_or_default();
        Ok(Self {
            database_url: Secret::new(
                get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            ),
            addr,
            llm: LlmConfig {
                base_url: get("LLM_BASE_URL"),
                api_key: get("LLM_API_KEY").map(Secret::new),
                model: get("LLM_MODEL"),
                stall_timeout_s,
                max_tokens,
                offline_pace_ms,
            },
            secret_key: get("SPOTTER_SECRET_KEY").map(Secret::new),
            login_limit_per_minute,
            chat_limit_per_minute,
            daily_token_budget,
            cookie_secure,
            trusted_proxies,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url.expose(), DEFAULT_DATABASE_URL);
        assert_eq!(c.addr, None);
        assert_eq!(c.login_limit_per_minute, DEFAULT_LOGIN_LIMIT_PER_MINUTE);
        assert!(c.llm.base_url.is_none());
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let c = config(&[
            ("LLM_API_KEY", "sk-very-secret"),
            ("SPOTTER_SECRET_KEY", "hunter2hunter2"),
            ("DATABASE_URL", "postgres://app:pa55word@db/spotter"),
        ])
        .unwrap();
        let shown = format!("{c:?}");
        for secret in ["sk-very-secret", "hunter2hunter2", "pa55word"] {
            assert!(!shown.contains(secret), "{secret} leaked into {shown}");
        }
        assert!(shown.contains("[redacted]"));
    }

    #[test]
    fn bad_values_are_reported_by_name() {
        let err = config(&[("SPOTTER_ADDR", "not an address")]).unwrap_err();
        assert!(err.to_string().contains("SPOTTER_ADDR"));
        let err = config(&[("SPOTTER_LOGIN_LIMIT", "0")]).unwrap_err();
        assert!(err.to_string().contains("SPOTTER_LOGIN_LIMIT"));
        assert_eq!(
            config(&[("SPOTTER_LOGIN_LIMIT", "3")])
                .unwrap()
                .login_limit_per_minute,
            3
        );
    }
}
