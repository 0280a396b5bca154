//! Random bearer secrets (session cookies, API tokens) and their keyed hashes. Only the hash
//! is stored: HMAC-SHA256 under the instance's secret key, so a copy of the database alone
//! cannot be used to forge a lookup.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::server::config::Secret;
use crate::server::db::{Db, server_settings};

/// API tokens start with this, so secret scanners and people can recognise them.
pub const API_TOKEN_PREFIX: &str = "spt_";
const SECRET_KEY_SETTING: &str = "secret_key";

#[derive(Clone)]
pub struct SecretKey(Secret);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey([redacted])")
    }
}

impl SecretKey {
    pub fn new(secret: Secret) -> Self {
        Self(secret)
    }

    /// The configured key, or the one stored in the database (generated on first start).
    pub async fn load(configured: Option<Secret>, db: &Db) -> Result<Self, sqlx::Error> {
        if let Some(secret) = configured {
            return Ok(Self(secret));
        }
        let stored =
            server_settings::get_or_insert(db, SECRET_KEY_SETTING, &random_token(32)).await?;
        Ok(Self(Secret::new(stored)))
    }

    /// Hex HMAC-SHA256 of `token` under this key.
    pub fn hash(&self, token: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.0.expose().as_bytes())
            .expect("HMAC accepts any key length");
        mac.update(token.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// `bytes` of OS randomness, base64url without padding.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", random_token(32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_depend_on_the_key_and_the_token() {
        let a = SecretKey::new(Secret::new("key-a"));
        let b = SecretKey::new(Secret::new("key-b"));
        assert_eq!(a.hash("t1"), a.hash("t1"));
        assert_ne!(a.hash("t1"), a.hash("t2"));
        assert_ne!(a.hash("t1"), b.hash("t1"));
        assert_eq!(a.hash("t1").len(), 64);
        assert!(!format!("{a:?}").contains("key-a"));
    }

    #[test]
    fn tokens_are_long_random_and_prefixed() {
        let t = new_api_token();
        assert!(t.starts_with("spt_"));
        assert_eq!(t.len(), 4 + 43);
        assert_ne!(t, new_api_token());
    }
}
