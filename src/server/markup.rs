//! The HTML the server makes outside a page (a logged workout's card, a chart's figure, a tool
//! line, the `/log` words box, the import preview, `/progress`'s charts) is written as Leptos
//! views like every page and turned into a string here. So there is one escaping layer:
//! tachys escapes every text and attribute, and no service writes markup by hand. Pages insert
//! these strings with `inner_html`, which keeps their code out of the wasm (its budget is spent).

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

/// `view` as HTML, without tachys's hydration markers: nothing hydrates these fragments, so
/// the empty comments it puts between pieces of text are only bytes on the wire. Every `<` of a
/// text or an attribute value comes out as `&lt;`, so a literal `<!>` can only be a marker.
pub fn html(view: impl IntoView) -> String {
    let out = Owner::new().with(|| view.into_view().to_html());
    if out.contains("<!>") {
        out.replace("<!>", "")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let evil = "\"><script>alert(1)</script>";
        let out = html(view! { <p title=evil>{evil}</p> });
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(out.starts_with("<p title=\"&quot;&gt;"), "{out}");
        let text = "a<!>b";
        let out = html(view! { <p>{text}" "{text}</p> });
        assert_eq!(out, "<p>a&lt;!&gt;b a&lt;!&gt;b</p>");
    }
}
