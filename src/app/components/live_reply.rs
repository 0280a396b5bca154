//! Replies followed live on a hydrated thread page, without page loads.
//!
//! - Sending: the composer hands its text to [`LiveThread::send`], which shows the question at
//!   once, posts it to `POST /api/v1/conversations/{id}/messages` with `Prefer:
//!   respond-async` (answered as soon as it is stored, with a `client_id` of its own so a
//!   retry is one message) and follows the reply.
//! - Following: `GET /api/v1/conversations/{id}/stream?question=…` (Server-Sent Events, read
//!   from the reply's hub on the server: every event from the start, then the live ones). The
//!   text grows as each `delta` arrives (deltas say where they start, so a resumed stream
//!   never shows a piece twice), tool steps and charts show as their events come (HTML made
//!   by the server; `public/charts.js` draws new charts), and at `done` or `error` the turn
//!   becomes the HTML the server sends with it: the thread's own items, as a reload shows
//!   them (their Copy and forms work through listeners on the document and the thread).
//! - Stop and "answer again": one `submit` listener on the thread ([`LiveThread::on_submit`])
//!   serves every such form, stored or live, through `POST /api/v1/messages/{id}/stop` and
//!   `…/regenerate` (the latter also `respond-async`).
//! - A page loaded while a reply is written ([`LiveThread::resume`]) follows it from the
//!   start in place of the copy the server rendered (`msg-pending`, taken off the page).
//!
//! With JavaScript off none of this runs: the forms post and the server redirects back.
//! [`LiveFlag`] marks a form sent from a hydrated page that still navigates (the home page's
//! first message: `live=1`), so the server answers as soon as the question is stored.

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

/// The live part of one thread page: the turns added since it loaded.
#[derive(Clone, Copy)]
pub struct LiveThread {
    conversation: StoredValue<String>,
    turns: RwSignal<Vec<Turn>>,
}

/// A question and its reply, as they happen.
#[derive(Clone, Copy)]
struct Turn {
    /// The user's words, shown at once (`None` when answering again or resuming).
    question: Option<StoredValue<String>>,
    reply: Reply,
}

/// A reply as far as it has come.
#[derive(Clone, Copy)]
struct Reply {
    /// The tool steps and charts so far, as the server's HTML.
    steps: RwSignal<String>,
    /// The text of the steps so far.
    text: RwSignal<String>,
    /// The step being written (what Stop stops).
    step: RwSignal<String>,
    /// The reply as the thread shows it (the server's HTML), once it has ended; or why the
    /// server refused the message.
    ended: RwSignal<Option<String>>,
}

impl Reply {
    fn new() -> Reply {
        Reply {
            steps: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            step: RwSignal::new(String::new()),
            ended: RwSignal::new(None),
        }
    }
}

impl LiveThread {
    pub fn new(conversation: String) -> LiveThread {
        LiveThread {
            conversation: StoredValue::new(conversation),
            turns: RwSignal::new(Vec::new()),
        }
    }

    fn add(&self, question: Option<String>) -> Reply {
        let reply = Reply::new();
        self.turns.update(|turns| {
            turns.push(Turn {
                question: question.map(StoredValue::new),
                reply,
            });
        });
        reply
    }

    /// Follows, once hydrated, the reply to `question` that the server rendered as pending.
    pub fn resume(&self, question: String) {
        #[cfg(feature = "hydrate")]
        {
            let this = *self;
            // After hydration has walked the page (the pending copy is part of it).
            leptos::task::spawn_local(async move {
                client::remove_pending();
                let reply = this.add(None);
                this.follow(question, reply);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = question;
    }

    /// Sends the composer's text and follows the reply.
    pub fn send(&self, text: String) {
        let reply = self.add(Some(text.clone()));
        #[cfg(feature = "hydrate")]
        {
            client::scroll_to_bottom();
            let conversation = self.conversation.get_value();
            let client_id = format!("{conversation}-{}", (js_sys::Math::random() * 1e15) as u64);
            let body = format!(
                "{{\"content\":{},\"client_id\":{}}}",
                client::json_string(&text),
                client::json_string(&client_id)
            );
            self.act(
                format!("/api/v1/conversations/{conversation}/messages"),
                Some(body),
                reply,
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, reply);
    }

    /// Stop and "answer again" without leaving the page; other forms post as usual.
    pub fn on_submit(&self, ev: leptos::ev::SubmitEvent) {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let action = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|form| form.get_attribute("action"))
                .unwrap_or_default();
            let prefix = format!("/c/{}/m/", self.conversation.get_value());
            let Some((message, what)) = action
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split_once('/'))
            else {
                return;
            };
            let reply = match what {
                // The streams watching the reply say how it ended.
                "stop" => Reply::new(),
                "regenerate" => self.add(None),
                _ => return,
            };
            ev.prevent_default();
            self.act(format!("/api/v1/messages/{message}/{what}"), None, reply);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    }

    /// Posts to the REST API with `Prefer: respond-async` (answered with the question as soon
    /// as it is stored) and follows the reply to that question.
    #[cfg(feature = "hydrate")]
    fn act(&self, url: String, body: Option<String>, reply: Reply) {
        let this = *self;
        let t = use_strings();
        leptos::task::spawn_local(async move {
            match client::post(&url, body).await {
                Ok(Some(question)) => this.follow(question, reply),
                Ok(None) => {}
                // The message is one of the page's own strings (no markup of anyone's).
                Err(why) => reply.ended.set(Some(format!(
                    "<li class=\"notice notice-error\" role=\"alert\">{}</li>",
                    why.message(t)
                ))),
            }
        });
    }

    #[cfg(feature = "hydrate")]
    fn follow(&self, question: String, reply: Reply) {
        let url = format!(
            "/api/v1/conversations/{}/stream?question={question}",
            self.conversation.get_value()
        );
        client::follow(&url, reply);
    }
}

/// The turns added since the page loaded.
#[component]
pub fn LiveTurns(live: LiveThread) -> impl IntoView {
    view! {
        // Turns are only ever added, and each keeps its state in signals: rebuilding the list
        // when one is added costs less than the bundle code of a keyed list.
        {move || live.turns.get().into_iter().map(|turn| view! {
            {turn.question.map(|q| view! {
                <li class="msg msg-user"><p class="msg-text" dir="auto">{q.get_value()}</p></li>
            })}
            <LiveReplyView reply=turn.reply conversation=live.conversation/>
        }).collect_view()}
    }
}

/// One reply: live while it is written, then the server's HTML of it. One tree for every
/// state (attributes change, nothing is swapped): the bundle pays for one view, not three.
#[component]
fn LiveReplyView(reply: Reply, conversation: StoredValue<String>) -> impl IntoView {
    let t = use_strings();
    let stop = move || {
        format!(
            "/c/{}/m/{}/stop",
            conversation.read_value(),
            reply.step.get()
        )
    };
    let live = move || reply.ended.read().is_none();
    view! {
        // Ended: `display: contents`, its items (`<li>`s of the thread) take its place.
        <li class=move || if live() { "msg msg-coach msg-live" } else { "turn-end" }
            aria-live="polite" aria-busy=move || live().to_string()>
            <ol class="thread-part" hidden=live
                inner_html=move || reply.ended.get().unwrap_or_default()></ol>
            <div class="msg-steps" hidden=move || !live() inner_html=move || reply.steps.get()></div>
            <p class="msg-text msg-stream" dir="auto" hidden=move || !live()>{move || reply.text.get()}</p>
            <div class="msg-actions" hidden=move || !live()>
                <span class="hint writing">{t.chat_writing}</span>
                <form method="post" action=stop>
                    <button type="submit" class="btn btn-quiet">{t.chat_stop}</button>
                </form>
            </div>
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    use super::Reply;
    use crate::domain::i18n::FormError;

    /// A field of the event's JSON (parsed by the browser: no JSON code in wasm for these).
    fn field(e: &web_sys::Event, name: &str) -> Option<wasm_bindgen::JsValue> {
        let data = e.dyn_ref::<MessageEvent>()?.data().as_string()?;
        let value = js_sys::JSON::parse(&data).ok()?;
        js_sys::Reflect::get(&value, &name.into()).ok()
    }

    fn text(e: &web_sys::Event, name: &str) -> Option<String> {
        field(e, name)?.as_string()
    }

    /// Opens the event stream and feeds `reply` until it ends. A dropped connection is
    /// reopened by the browser with `Last-Event-ID`; whatever comes twice is skipped.
    pub fn follow(url: &str, reply: Reply) {
        let Ok(source) = EventSource::new(url) else {
            return;
        };
        // The steps and tools this page has seen; the last entry is the step being written,
        // with how many bytes of its text the page has.
        let seen = StoredValue::new(Vec::<(String, usize)>::new());
        let first_time = move |id: String| {
            let new = !seen.read_value().iter().any(|(s, _)| *s == id);
            if new {
                seen.update_value(|s| s.push((id, 0)));
            }
            new
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
                if text(&e, "role").as_deref() != Some("assistant") {
                    return;
                }
                let Some(id) = text(&e, "id") else { return };
                if first_time(id.clone()) {
                    if !reply.text.read_untracked().is_empty() {
                        reply.text.update(|t| t.push_str("\n\n"));
                    }
                    reply.step.set(id);
                }
            }),
        );
        on(
            "delta",
            Box::new(move |e| {
                if text(&e, "message_id") != Some(reply.step.get_untracked()) {
                    return;
                }
                let piece = text(&e, "text").unwrap_or_default();
                let at = field(&e, "at").and_then(|a| a.as_f64()).unwrap_or(0.0) as usize;
                let have = seen.with_value(|s| s.last().map_or(0, |(_, n)| *n));
                // Only what this page does not have yet.
                let Some(new) = have.checked_sub(at).and_then(|skip| piece.get(skip..)) else {
                    return;
                };
                if new.is_empty() {
                    return;
                }
                seen.update_value(|s| {
                    if let Some((_, n)) = s.last_mut() {
                        *n += new.len();
                    }
                });
                let keep_in_view = near_bottom();
                reply.text.update(|t| t.push_str(new));
                if keep_in_view {
                    scroll_to_bottom();
                }
            }),
        );
        for step in ["tool_call", "chart"] {
            on(
                step,
                Box::new(move |e| {
                    let id = text(&e, "id").unwrap_or_default();
                    if let Some(html) = text(&e, "html")
                        && first_time(id)
                    {
                        reply.steps.update(|s| s.push_str(&html));
                    }
                }),
            );
        }
        for end in ["done", "error"] {
            let source = source.clone();
            on(
                end,
                Box::new(move |e| {
                    // An `error` without data is the connection: the browser reconnects.
                    let Some(html) = text(&e, "html") else {
                        return;
                    };
                    source.close();
                    // The live copy gives way to the reply as stored.
                    reply.steps.set(String::new());
                    reply.text.set(String::new());
                    reply.ended.set(Some(html));
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

    /// Takes the server's copy of the reply being written off the page (`msg-pending`).
    pub fn remove_pending() {
        while let Ok(Some(element)) = document().query_selector(".msg-pending") {
            element.remove();
        }
    }

    /// `value` as a JSON string (escaped by the browser).
    pub fn json_string(value: &str) -> String {
        js_sys::JSON::stringify(&value.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// POSTs to the API; the question of the exchange answered, or why it was refused (the
    /// API's error code, as the page's forms name it).
    pub async fn post(url: &str, body: Option<String>) -> Result<Option<String>, FormError> {
        let request = gloo_net::http::Request::post(url).header("prefer", "respond-async");
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(body),
            None => request.build(),
        };
        let response = request
            .map_err(|_| FormError::Generic)?
            .send()
            .await
            .map_err(|_| FormError::Generic)?;
        let json = response.text().await.ok();
        let value = json.and_then(|j| js_sys::JSON::parse(&j).ok());
        let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
        if response.ok() {
            return Ok(value
                .and_then(|v| get(&v, "user_message"))
                .and_then(|m| get(&m, "id"))
                .and_then(|id| id.as_string()));
        }
        let code = value
            .and_then(|v| get(&v, "error"))
            .and_then(|e| get(&e, "code"))
            .and_then(|c| c.as_string())
            .unwrap_or_default();
        Err(match response.status() {
            422 => FormError::Message,
            _ => FormError::from_query(&code),
        })
    }

    pub fn scroll_to_bottom() {
        if let Some(body) = document().body() {
            window().scroll_to_with_x_and_y(0.0, f64::from(body.scroll_height()));
        }
    }
}
