//! "Copy" on a reply: puts the reply's text, as the page shows it, on the clipboard and says
//! "Copied". The button is plain markup, shown only once the page runs JavaScript (`html.js`,
//! see `style/main.css`): without it, it could not work, and the text can be selected as
//! usual. One click listener on the document ([`install`], from `hydrate`) serves every
//! button, so a thread of fifty replies costs the bundle no per-button code.

use leptos::prelude::*;

use crate::app::use_strings;

#[component]
pub fn CopyButton() -> impl IntoView {
    let t = use_strings();
    view! {
        <button type="button" class="btn btn-quiet copy" data-copied=t.chat_copied>{t.chat_copy}</button>
    }
}

/// Marks the page as running JavaScript and answers clicks on any copy button: the text of the
/// `.msg-body` of its message goes to `navigator.clipboard` (through `Reflect`: no extra
/// bindings in the bundle).
#[cfg(feature = "hydrate")]
pub fn install() {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("js");
    }
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button.copy").ok().flatten())
        else {
            return;
        };
        let text = button
            .closest(".msg")
            .ok()
            .flatten()
            .and_then(|m| m.query_selector(".msg-body").ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|b| b.inner_text());
        let Some(text) = text else { return };
        let clipboard = Reflect::get(&window(), &"navigator".into())
            .and_then(|n| Reflect::get(&n, &"clipboard".into()))
            .ok()
            .filter(|c| !c.is_undefined());
        let Some(clipboard) = clipboard else { return };
        let write = Reflect::get(&clipboard, &"writeText".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if write.is_some_and(|f| f.call1(&clipboard, &JsValue::from_str(&text)).is_ok()) {
            button.set_text_content(button.get_attribute("data-copied").as_deref());
        }
    });
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_click.forget();
}
