//! The coach's replies as HTML: Markdown rendered with pulldown-cmark, and nothing a reply
//! says can run or load anything. Raw HTML in the text is shown as text, links keep only
//! `http`, `https` and `mailto` targets (and open with `rel="nofollow noopener noreferrer"`),
//! and images become their alt text: no request ever leaves for another site.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_image = 0usize;
    let mut skipped_links = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = safe_url(&dest_url);
            skipped_links.push(!safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => match skipped_links.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out.replace("<a href=", "<a rel=\"nofollow noopener noreferrer\" href=")
}

fn safe_url(url: &CowStr<'_>) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            render("**Heavy** day"),
            "<p><strong>Heavy</strong> day</p>\n"
        );
        let list = render("Your records:\n- Squat: 140 kg\n- Bench: 100 kg");
        assert!(list.contains("<ul>\n<li>Squat: 140 kg</li>"), "{list}");
        assert!(render("| a | b |\n|---|---|\n| 1 | 2 |").contains("<table>"));
    }

    #[test]
    fn nothing_in_a_reply_runs_or_loads() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "hi <b onclick=\"x()\">there</b>",
            "[click](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![tracker](https://evil.example/pixel.png)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[a](<javascript:alert(1)>)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "```html\n<script>alert(1)</script>\n```",
        ];
        // Only the tags Markdown makes, with harmless attributes, and links only to http(s)
        // and mailto: the fuzzer's property (`crate::fuzzing::markdown`), on the known attacks.
        for case in cases {
            crate::fuzzing::markdown(case.as_bytes());
        }
        assert_eq!(
            render("![a squat rack](https://x.example/a.png)"),
            "<p>a squat rack</p>\n"
        );
        assert_eq!(
            render("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "shown as text, not dropped"
        );
    }

    #[test]
    fn safe_links_stay_and_cannot_reach_the_opener() {
        let html = render("[guide](https://example.com/squat)");
        assert!(
            html.contains(r#"<a rel="nofollow noopener noreferrer" href="https://example.com/squat">guide</a>"#),
            "{html}"
        );
        assert_eq!(
            render("[x](javascript:alert(1))"),
            "<p>x</p>\n",
            "the text stays, the link goes"
        );
    }
}
