//! A reply being written, followed live once the page is hydrated: the thread page renders
//! the reply's stored text on the server (readable with JavaScript off, with a Stop form);
//! in the browser this component reads `GET /api/v1/conversations/{id}/stream` (Server-Sent
//! Events from the reply's stored progress), shows the text as it grows and the tools the
//! coach uses, keeps the newest text in view unless the reader has scrolled up, and asks the
//! page to reload the thread once the reply ends.
//!
//! [`LiveFlag`] marks a form as sent from a hydrated page (`live=1`), so the server answers
//! it as soon as the question is stored instead of after the whole reply.

use leptos::prelude::*;

use crate::app::use_strings;

/// `<input name="live" value="1">`, only once hydrated.
#[component]
pub fn LiveFlag() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    move || {
        hydrated
            .get()
            .then(|| view! { <input type="hidden" name="live" value="1"/> })
    }
}

/// The reply being written in `conversation`, if any. `following` is true while it is shown
/// here (the page hides its server-rendered copy); `on_finished` runs when it ends.
#[component]
pub fn LiveReply(
    conversation: String,
    /// The question whose reply to follow (else the reply being written now).
    question: Option<String>,
    following: RwSignal<bool>,
    on_finished: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let text = RwSignal::new(String::new());
    let tools = RwSignal::new(Vec::<String>::new());
    let step = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    {
        let url = match &question {
            Some(q) => format!("/api/v1/conversations/{conversation}/stream?question={q}"),
            None => format!("/api/v1/conversations/{conversation}/stream"),
        };
        Effect::new(move |_| {
            client::follow(&url, following, text, tools, step, on_finished);
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (on_finished, question);
    let conversation = StoredValue::new(conversation);
    let stop = move || format!("/c/{}/m/{}/stop", conversation.read_value(), step.get());
    move || {
        following.get().then(|| {
            view! {
                <li class="msg msg-coach msg-live" aria-live="polite" aria-busy="true">
                    {move || tools.get().into_iter().map(|name| view! {
                        <p class="msg-tool hint">"⚙ "<code dir="ltr">{name}</code></p>
                    }).collect_view()}
                    <p class="msg-text msg-stream" dir="auto">{move || text.get()}</p>
                    <div class="msg-actions">
                        <span class="hint writing">{t.chat_writing}</span>
                        <form method="post" action=stop>
                            <button type="submit" class="btn btn-quiet">{t.chat_stop}</button>
                        </form>
                    </div>
                </li>
            }
        })
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    /// Opens the event stream and feeds the signals until the reply ends.
    pub fn follow(
        url: &str,
        following: RwSignal<bool>,
        text: RwSignal<String>,
        tools: RwSignal<Vec<String>>,
        step: RwSignal<String>,
        on_finished: Callback<()>,
    ) {
        let Ok(source) = EventSource::new(url) else {
            return;
        };
        // A field of the event's JSON, as text (parsed by the browser: no JSON code in wasm).
        let field = |e: &web_sys::Event, name: &str| -> Option<String> {
            let data = e.dyn_ref::<MessageEvent>()?.data().as_string()?;
            let value = js_sys::JSON::parse(&data).ok()?;
            js_sys::Reflect::get(&value, &name.into()).ok()?.as_string()
        };
        let on = |name: &str, handler: Box<dyn FnMut(web_sys::Event)>| {
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
            let _ = source.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
            // Lives as long as the page: one stream per reply.
            closure.forget();
        };
        on(
            "message",
            Box::new(move |e| {
                if field(&e, "role").as_deref() == Some("assistant") {
                    following.set(true);
                    if let Some(id) = field(&e, "id") {
                        step.set(id);
                    }
                }
            }),
        );
        on(
            "delta",
            Box::new(move |e| {
                let piece = field(&e, "text").unwrap_or_default();
                let keep_in_view = near_bottom();
                text.update(|t| t.push_str(&piece));
                if keep_in_view {
                    scroll_to_bottom();
                }
            }),
        );
        on(
            "tool_call",
            Box::new(move |e| {
                if let Some(name) = field(&e, "name") {
                    tools.update(|t| t.push(name));
                }
            }),
        );
        for end in ["done", "error"] {
            let source = source.clone();
            on(
                end,
                Box::new(move |_| {
                    // Also the stream closing (an `error` without data): never reconnect.
                    source.close();
                    if following.get_untracked() {
                        on_finished.run(());
                    }
                }),
            );
        }
    }

    /// The reader is at (or near) the end of the page.
    fn near_bottom() -> bool {
        let window = window();
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let y = window.scroll_y().unwrap_or(0.0);
        let total = document()
            .body()
            .map(|b| f64::from(b.scroll_height()))
            .unwrap_or(0.0);
        y + height >= total - 120.0
    }

    fn scroll_to_bottom() {
        if let Some(body) = document().body() {
            window().scroll_to_with_x_and_y(0.0, f64::from(body.scroll_height()));
        }
    }
}
