//! A model server's refusal, read into an [`LlmError`]: the status picks the kind, the body's
//! message (OpenAI's `{"error": {"message"}}`, Ollama's `{"error": "…"}`, FastAPI's
//! `{"detail": …}` or plain text) says why, and 429's `Retry-After` says when to try again.

use super::accumulate::excerpt;
use super::wire::ErrorBody;
use crate::server::llm::LlmError;

/// The response itself when it succeeded, else why not.
pub async fn check(response: reqwest::Response) -> Result<reqwest::Response, LlmError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let retry_after_s = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = response.text().await.unwrap_or_default();
    Err(classify(status.as_u16(), retry_after_s, &body))
}

/// The error for an HTTP status and body.
pub fn classify(status: u16, retry_after_s: Option<u64>, body: &str) -> LlmError {
    let message = message(body).unwrap_or_else(|| format!("HTTP {status} without an explanation."));
    match status {
        401 | 403 => LlmError::Unauthorized(message),
        404 => LlmError::ModelNotFound(message),
        429 => LlmError::RateLimited {
            message,
            retry_after_s,
        },
        _ => LlmError::Server { status, message },
    }
}

/// The readable part of an error body, shortened, ending in a full stop.
fn message(body: &str) -> Option<String> {
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    let parsed: Option<ErrorBody> = serde_json::from_str(body).ok();
    let text = parsed
        .and_then(|b| {
            b.error.and_then(|e| e.message()).or(b.message).or_else(|| {
                b.detail.map(|d| match d {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                })
            })
        })
        .unwrap_or_else(|| body.to_owned());
    let text = excerpt(&text);
    Some(if text.ends_with(['.', '!', '?', '…']) {
        text
    } else {
        format!("{text}.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/llm/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn a_wrong_key_says_so_and_keeps_the_masked_key() {
        let e = classify(
            401,
            None,
            &fixture("e1_401_invalid_api_key__chat_completions_2024__dd-trace-py.json"),
        );
        let text = e.to_string();
        assert!(matches!(e, LlmError::Unauthorized(_)));
        assert!(
            text.contains("Incorrect API key provided: <not-a-r****key>"),
            "{text}"
        );
        assert!(text.contains("LLM_API_KEY"), "{text}");
    }

    #[test]
    fn an_unknown_model_names_it() {
        let e = classify(
            404,
            None,
            &fixture("e5_404_model_not_found__chat_completions__otel-contrib.json"),
        );
        assert!(matches!(e, LlmError::ModelNotFound(_)));
        assert!(
            e.to_string()
                .contains("`this-model-does-not-exist` does not exist")
        );
        assert!(e.to_string().contains("LLM_MODEL"));
    }

    #[test]
    fn busy_tells_when_to_try_again() {
        let e = classify(
            429,
            Some(7),
            r#"{"error":{"message":"Rate limit reached"}}"#,
        );
        assert_eq!(
            e.to_string(),
            "The model server is busy (HTTP 429): Rate limit reached. Try again in 7 s."
        );
        let e = classify(429, None, "");
        assert!(e.to_string().ends_with("Try again in a moment."), "{e}");
    }

    #[test]
    fn other_bodies_are_read_as_well_as_they_can_be() {
        assert_eq!(
            classify(500, None, r#"{"error":"model runner crashed"}"#).to_string(),
            "The model server failed (HTTP 500): model runner crashed."
        );
        assert_eq!(
            classify(503, None, r#"{"detail":"Service Unavailable"}"#).to_string(),
            "The model server failed (HTTP 503): Service Unavailable."
        );
        assert_eq!(
            classify(502, None, "<html>Bad gateway</html>").to_string(),
            "The model server failed (HTTP 502): <html>Bad gateway</html>."
        );
    }
}
