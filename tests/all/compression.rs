//! Responses travel compressed when the client accepts it: pages and JSON in br or gzip
//! (decoded here to the same bytes as the uncompressed answer), event streams never (a reply
//! must reach the browser as it is written).

use std::io::Read;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("br");
    out
}

both_engines! {
    async fn pages_and_json_are_compressed_and_event_streams_are_not(app: TestApp) {
        let user = app.user("squeezed").await;
        for i in 0..3 {
            app.chat(&user.client, &format!("what can you do {i}")).await;
        }
        let conversations = app.get_json(&user.client, "/api/v1/conversations").await;
        let id = conversations["items"][0]["id"].as_str().unwrap().to_owned();
        let page = format!("/c/{id}");
        let json_path = format!("/api/v1/conversations/{id}/messages");

        // The same page and JSON, plain and in each encoding.
        let fetch = |path: String, encoding: Option<&'static str>| {
            let client = user.client.clone();
            let url = app.url(&path);
            async move {
                let mut req = client.get(url);
                if let Some(e) = encoding {
                    req = req.header("accept-encoding", e);
                }
                let resp = req.send().await.unwrap();
                assert_eq!(resp.status(), StatusCode::OK);
                let encoding = resp.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
                (encoding, resp.bytes().await.unwrap().to_vec())
            }
        };
        for path in [page.clone(), json_path.clone()] {
            let (none, plain) = fetch(path.clone(), None).await;
            assert_eq!(none, None, "{path}: nothing asked, nothing compressed");
            let (gz, gz_body) = fetch(path.clone(), Some("gzip")).await;
            assert_eq!(gz.as_deref(), Some("gzip"), "{path}");
            let (br, br_body) = fetch(path.clone(), Some("br, gzip")).await;
            assert_eq!(br.as_deref(), Some("br"), "{path}: br preferred when offered");
            let unzipped = gunzip(&gz_body);
            let unbrotlied = unbrotli(&br_body);
            // Pages carry a fresh CSP nonce each time: compare what the user reads.
            let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
            if path.starts_with("/api") {
                let plain: Value = serde_json::from_slice(&plain).unwrap();
                assert_eq!(serde_json::from_slice::<Value>(&unzipped).unwrap(), plain);
                assert_eq!(serde_json::from_slice::<Value>(&unbrotlied).unwrap(), plain);
            } else {
                for body in [text(&unzipped), text(&unbrotlied)] {
                    assert!(body.contains("what can you do 2"), "{path}: the page, decoded");
                    assert!(body.len().abs_diff(plain.len()) < 64, "{path}: same page");
                }
            }
            assert!(br_body.len() * 2 < plain.len(), "{path}: {} → {} bytes", plain.len(), br_body.len());
        }

        // A streamed reply stays an uncompressed event stream even when compression is offered.
        let resp = user.client.post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .header("accept", "text/event-stream")
            .header("accept-encoding", "br, gzip")
            .json(&json!({"content": "what can you do now"}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(header(&resp, "content-type").starts_with("text/event-stream"));
        assert!(resp.headers().get("content-encoding").is_none(), "event streams go as written");
        let body = String::from_utf8(resp.bytes().await.unwrap().to_vec()).unwrap();
        assert!(body.contains("event:"), "{body}");
    }
}

both_engines! {
    /// The site's files go in the form written at build time: br or gzip as accepted, the
    /// original otherwise, cacheable.
    async fn site_files_are_served_precompressed(app: TestApp) {
        let built = spotter::scratch::tempdir().unwrap();
        let script: String = (0..500).map(|i| format!("console.log({i});\n")).collect();
        let name = format!("zz-compression-{}.js", unique());
        std::fs::write(built.path().join(&name), &script).unwrap();
        spotter::server::static_files::precompress(built.path()).unwrap();
        let pkg = std::path::Path::new("target/site/pkg");
        std::fs::create_dir_all(pkg).unwrap();
        for suffix in ["", ".br", ".gz"] {
            std::fs::copy(built.path().join(format!("{name}{suffix}")), pkg.join(format!("{name}{suffix}"))).unwrap();
        }
        let client = app.bare_client();
        let get = |encoding: Option<&'static str>| {
            let mut req = client.get(app.url(&format!("/pkg/{name}")));
            if let Some(e) = encoding {
                req = req.header("accept-encoding", e);
            }
            req.send()
        };
        let plain = get(None).await.unwrap();
        assert_eq!(plain.status(), StatusCode::OK);
        assert!(plain.headers().get("content-encoding").is_none());
        assert!(header(&plain, "cache-control").starts_with("public"), "files may be cached");
        assert_eq!(plain.text().await.unwrap(), script);
        let br = get(Some("gzip, br")).await.unwrap();
        assert_eq!(header(&br, "content-encoding"), "br");
        assert_eq!(String::from_utf8(unbrotli(&br.bytes().await.unwrap())).unwrap(), script);
        let gz = get(Some("gzip")).await.unwrap();
        assert_eq!(header(&gz, "content-encoding"), "gzip");
        assert_eq!(String::from_utf8(gunzip(&gz.bytes().await.unwrap())).unwrap(), script);
        for suffix in ["", ".br", ".gz"] {
            let _ = std::fs::remove_file(pkg.join(format!("{name}{suffix}")));
        }
    }
}
