//! The site's files (the wasm client and its bindings, the stylesheet, ECharts): written once
//! at build time in br and gzip beside each file ([`precompress`], `spotter precompress`), and
//! served in the best form the browser accepts ([`routes`]), so no request pays for compressing
//! a megabyte of wasm. The client's files also exist under names carrying their content hash
//! (`spotter.<hash>.js`, `spotter.<hash>.wasm`, listed in `hash.txt` beside the server binary
//! by scripts/build.sh): those are cached for a year as immutable; the other files for an hour,
//! then revalidated. Pages and JSON are never cached (`http::middleware`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use axum::Router;
use axum::http::HeaderValue;
use axum::http::header::CACHE_CONTROL;
use tower_http::services::{ServeDir, ServeFile};

/// Kinds of file worth compressing (the rest is already compressed, like images, or tiny).
const COMPRESSIBLE: &[&str] = &["js", "wasm", "css", "svg", "json", "html", "txt", "map"];
/// Smaller files are sent as they are.
const MIN_BYTES: u64 = 1024;
/// The files at the site's root that are served with their compressed forms.
const ROOT_FILES: &[&str] = &["main.css", "echarts.min.js", "charts.js", "favicon.svg"];

/// What [`precompress`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Precompressed {
    /// Files compressed this time (those whose `.br` and `.gz` were older or missing).
    pub written: usize,
    /// Files whose compressed forms were already up to date.
    pub fresh: usize,
    pub raw_bytes: u64,
    pub br_bytes: u64,
    pub gz_bytes: u64,
}

/// Writes `FILE.br` (brotli, best) and `FILE.gz` (gzip -9) beside every compressible file under
/// `dir` that has none newer than itself.
pub fn precompress(dir: &Path) -> io::Result<Precompressed> {
    let mut done = Precompressed::default();
    for path in files(dir)? {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let size = fs::metadata(&path)?.len();
        if !COMPRESSIBLE.contains(&ext) || size < MIN_BYTES {
            continue;
        }
        let br = with_suffix(&path, "br");
        let gz = with_suffix(&path, "gz");
        let modified = fs::metadata(&path)?.modified()?;
        let fresh = |p: &Path| {
            fs::metadata(p)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= modified)
        };
        if !(fresh(&br) && fresh(&gz)) {
            let raw = fs::read(&path)?;
            let mut out = Vec::with_capacity(raw.len() / 3);
            {
                let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
                writer.write_all(&raw)?;
            }
            fs::write(&br, &out)?;
            let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gzip.write_all(&raw)?;
            fs::write(&gz, gzip.finish()?)?;
            done.written += 1;
        } else {
            done.fresh += 1;
        }
        done.raw_bytes += size;
        done.br_bytes += fs::metadata(&br)?.len();
        done.gz_bytes += fs::metadata(&gz)?.len();
    }
    Ok(done)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Whether scripts/build.sh wrote the client's hashed names (`hash_file`) beside this binary.
pub fn hash_file_present(hash_file: &str) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(hash_file)))
        .is_some_and(|path| path.is_file())
}

/// `spotter.0123456789abcdef.js`: a name that changes whenever the content does.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(_), Some(hash), Some("js" | "wasm"), None | Some("br" | "gz"))
            if hash.len() == HASH_CHARS && hash.chars().all(|c| c.is_ascii_hexdigit())
    )
}

/// Hex characters of the content hash in a file name (scripts/build.sh writes them).
const HASH_CHARS: usize = 16;

async fn cache_for(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let hashed = is_hashed(req.uri().path());
    let mut res = next.run(req).await;
    if res.status().is_success() {
        res.headers_mut().insert(
            CACHE_CONTROL,
            HeaderValue::from_static(if hashed {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=3600, must-revalidate"
            }),
        );
    }
    res
}

/// `/pkg/*` and the root files of `site_root`, each in br or gzip when the browser accepts it
/// and the compressed form was written; missing files fall through to the page router's 404.
pub fn routes<S: Clone + Send + Sync + 'static>(site_root: &str) -> Router<S> {
    let mut router = Router::new().nest_service(
        "/pkg",
        ServeDir::new(Path::new(site_root).join("pkg"))
            .precompressed_br()
            .precompressed_gzip(),
    );
    for name in ROOT_FILES {
        let path = Path::new(site_root).join(name);
        if path.exists() {
            router = router.route_service(
                &format!("/{name}"),
                ServeFile::new(path).precompressed_br().precompressed_gzip(),
            );
        }
    }
    router.layer(axum::middleware::from_fn(cache_for))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        assert!(is_hashed("/pkg/spotter.0123456789abcdef.js"));
        assert!(is_hashed("/pkg/spotter.0123456789abcdef.wasm"));
        assert!(!is_hashed("/pkg/spotter.js"));
        assert!(!is_hashed("/pkg/spotter_bg.wasm"));
        assert!(!is_hashed("/pkg/spotter.0123456789abcdeg.js"));
        assert!(!is_hashed("/main.css"));
    }

    #[test]
    fn compressible_files_get_br_and_gzip_beside_them_once() {
        let dir = crate::scratch::tempdir().unwrap();
        let script: String = (0..400).map(|i| format!("let x{i} = {i};\n")).collect();
        fs::create_dir(dir.path().join("pkg")).unwrap();
        fs::write(dir.path().join("pkg/app.js"), &script).unwrap();
        fs::write(dir.path().join("tiny.css"), "body{}").unwrap();
        fs::write(dir.path().join("photo.png"), vec![7u8; 4096]).unwrap();

        let first = precompress(dir.path()).unwrap();
        assert_eq!((first.written, first.fresh), (1, 0), "{first:?}");
        let mut unbr = String::new();
        let br = fs::read(dir.path().join("pkg/app.js.br")).unwrap();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbr)
            .unwrap();
        assert_eq!(unbr, script);
        let mut ungz = String::new();
        let gz = fs::read(dir.path().join("pkg/app.js.gz")).unwrap();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungz)
            .unwrap();
        assert_eq!(ungz, script);
        assert!(
            br.len() * 5 < script.len(),
            "{} → {}",
            script.len(),
            br.len()
        );
        assert!(
            !dir.path().join("tiny.css.br").exists(),
            "tiny files stay as they are"
        );
        assert!(
            !dir.path().join("photo.png.br").exists(),
            "images are compressed already"
        );

        let again = precompress(dir.path()).unwrap();
        assert_eq!((again.written, again.fresh), (0, 1), "nothing to redo");
    }
}
