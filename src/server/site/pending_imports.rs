//! Uploads waiting between an import's preview and its confirmation. The settings page's
//! import is two plain form posts (preview, then confirm), and a browser cannot re-send a
//! file without the user choosing it again, so the preview keeps the upload here, in memory,
//! under an unguessable token bound to the user. Entries expire after [`TTL`]; one per user;
//! at most [`MAX_ENTRIES`] in all (the oldest goes first). A restart forgets them: the user
//! sees "the preview expired" and chooses the file again.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::domain::import::Format;
use crate::server::db::Id;
use crate::server::training::import::ImportReport;

pub const TTL: Duration = Duration::from_secs(30 * 60);
pub const MAX_ENTRIES: usize = 32;

#[derive(Clone, Debug)]
pub struct PendingImport {
    pub user_id: Id,
    pub format: Format,
    pub tz: Option<chrono_tz::Tz>,
    pub bytes: Bytes,
    /// The dry run's report, shown on the preview.
    pub report: ImportReport,
    created: Instant,
}

#[derive(Debug, Default)]
pub struct PendingImports {
    entries: Mutex<HashMap<String, PendingImport>>,
}

impl PendingImports {
    /// Keeps an upload and returns its token; the user's previous upload is dropped.
    pub fn put(
        &self,
        user_id: Id,
        format: Format,
        tz: Option<chrono_tz::Tz>,
        bytes: Bytes,
        report: ImportReport,
    ) -> String {
        use rand::RngCore;
        let mut raw = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut raw);
        let token: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        let mut entries = self.lock();
        entries.retain(|_, p| p.created.elapsed() < TTL && p.user_id != user_id);
        while entries.len() >= MAX_ENTRIES {
            let Some(oldest) = entries
                .iter()
                .min_by_key(|(_, p)| p.created)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            entries.remove(&oldest);
        }
        entries.insert(
            token.clone(),
            PendingImport {
                user_id,
                format,
                tz,
                bytes,
                report,
                created: Instant::now(),
            },
        );
        token
    }

    /// The user's upload under `token`, if it has not expired.
    pub fn get(&self, user_id: &Id, token: &str) -> Option<PendingImport> {
        self.lock()
            .get(token)
            .filter(|p| &p.user_id == user_id && p.created.elapsed() < TTL)
            .cloned()
    }

    /// Removes and returns the user's upload under `token`.
    pub fn take(&self, user_id: &Id, token: &str) -> Option<PendingImport> {
        let mut entries = self.lock();
        let mine = entries
            .get(token)
            .is_some_and(|p| &p.user_id == user_id && p.created.elapsed() < TTL);
        if mine { entries.remove(token) } else { None }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, PendingImport>> {
        // A panic while holding the lock cannot leave the map half-changed: recover it.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_belong_to_their_user_and_one_per_user_is_kept() {
        let store = PendingImports::default();
        let (alice, bob) = (Id::new(), Id::new());
        let put = |user: &Id| {
            store.put(
                user.clone(),
                Format::Strong,
                None,
                Bytes::from_static(b"x"),
                ImportReport::default(),
            )
        };
        let first = put(&alice);
        assert_eq!(first.len(), 32);
        assert!(store.get(&alice, &first).is_some());
        assert!(store.get(&bob, &first).is_none(), "another user's token");
        assert!(store.take(&bob, &first).is_none());
        let second = put(&alice);
        assert!(
            store.get(&alice, &first).is_none(),
            "replaced by the newer upload"
        );
        assert!(store.take(&alice, &second).is_some());
        assert!(store.take(&alice, &second).is_none(), "taken once");
        for _ in 0..MAX_ENTRIES + 5 {
            put(&Id::new());
        }
        assert_eq!(store.lock().len(), MAX_ENTRIES);
    }
}
