//! The HTML of finished replies, rendered from Markdown once per process and kept: a finished
//! message's text never changes (a new answer is a new message), and a thread page shows the
//! same replies on every view. A reply still being written is rendered each time.
//!
//! The store is bounded by the bytes it holds; when a new entry would pass the bound it is
//! emptied and starts again (the replies people are reading come back at the next view). Each
//! entry remembers a hash of the text it came from, so a text that did change is never shown
//! with an old rendering.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock, RwLock};

use crate::server::db::Id;
use crate::server::markdown;

/// Rendered HTML kept at most (bytes of HTML).
const MAX_BYTES: usize = 16 * 1024 * 1024;

struct Store {
    by_id: HashMap<Id, (u64, Arc<str>)>,
    bytes: usize,
}

static STORE: LazyLock<RwLock<Store>> = LazyLock::new(|| {
    RwLock::new(Store {
        by_id: HashMap::new(),
        bytes: 0,
    })
});

fn fingerprint(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The HTML of message `id`'s Markdown `text`; `finished` replies are rendered once.
pub fn reply_html(id: &Id, text: &str, finished: bool) -> String {
    if !finished {
        return markdown::render(text);
    }
    let print = fingerprint(text);
    if let Ok(store) = STORE.read()
        && let Some((p, html)) = store.by_id.get(id)
        && *p == print
    {
        return html.to_string();
    }
    let html = markdown::render(text);
    if let Ok(mut store) = STORE.write() {
        if store.bytes + html.len() > MAX_BYTES {
            store.by_id.clear();
            store.bytes = 0;
        }
        store.bytes += html.len();
        if let Some((_, old)) = store
            .by_id
            .insert(id.clone(), (print, Arc::from(html.as_str())))
        {
            store.bytes -= old.len();
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_reply_is_rendered_like_markdown_and_a_changed_text_is_rendered_again() {
        let id = Id::new();
        assert_eq!(
            reply_html(&id, "**3 x 8**", true),
            markdown::render("**3 x 8**")
        );
        // Served from the store the second time, the same HTML.
        assert_eq!(
            reply_html(&id, "**3 x 8**", true),
            markdown::render("**3 x 8**")
        );
        assert_eq!(reply_html(&id, "*5 x 5*", true), "<p><em>5 x 5</em></p>\n");
        assert_eq!(
            reply_html(&id, "<script>x</script>", false),
            markdown::render("<script>x</script>")
        );
    }
}
