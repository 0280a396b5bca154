//! "Copy" on a reply: puts its text (the Markdown as written) on the clipboard and says
//! "Copied". Shown only once the page is hydrated: without JavaScript it could not work, and
//! the text can be selected as usual.

use leptos::prelude::*;

use crate::app::use_strings;

#[component]
pub fn CopyButton(text: String) -> impl IntoView {
    let t = use_strings();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copied = RwSignal::new(false);
    let text = StoredValue::new(text);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if write_to_clipboard(&text.read_value()) {
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = text;
    };
    move || {
        hydrated.get().then(|| {
            view! {
                <button type="button" class="btn btn-quiet" on:click=copy>
                    {move || if copied.get() { t.chat_copied } else { t.chat_copy }}
                </button>
            }
        })
    }
}

/// `navigator.clipboard.writeText(text)`, through `Reflect` (no extra web-sys bindings in
/// the bundle); `false` when the browser has no clipboard API here.
#[cfg(feature = "hydrate")]
fn write_to_clipboard(text: &str) -> bool {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let clipboard = Reflect::get(&window(), &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"clipboard".into()))
        .ok()
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    write.is_some_and(|f| f.call1(&clipboard, &JsValue::from_str(text)).is_ok())
}
