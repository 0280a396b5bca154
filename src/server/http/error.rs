//! The one error policy of the HTTP edge. Every failure a client can see is an [`ApiError`]
//! rendered as `{"error": {"code", "message", "details"?}}` with the status DESIGN.md lists:
//! 400 malformed JSON or wrong types, 401 no/invalid auth, 403 CSRF, 404 missing or another
//! user's, 409 conflict, 413 too large, 415 wrong content type, 422 invalid values, 429 rate
//! limited, 503 database unavailable (or read-only, or failing to write), 507 disk full. Internal errors are logged with detail and answered
//! with a generic 500 that reveals nothing.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::account::FieldError;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Option<serde_json::Value>,
    pub retry_after_s: Option<u64>,
}

/// The JSON body of every error response.
#[derive(Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable code such as `not_found` or `validation_failed`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// Field errors, CSV line errors or suggestions, depending on the endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: None,
            retry_after_s: None,
        }
    }

    pub fn with_details(mut self, details: impl Serialize) -> Self {
        self.details = serde_json::to_value(details).ok();
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Sign in or send a valid API token.",
        )
    }
    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            "Wrong email or password.",
        )
    }
    pub fn csrf() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "csrf_rejected",
            "Cross-site request refused.",
        )
    }
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "Not found.")
    }
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "Method not allowed on this resource.",
        )
    }
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }
    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "The request body is too large.",
        )
    }
    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the body as application/json.",
        )
    }
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let message = errors
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_else(|| "Invalid input.".into());
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            message,
        )
        .with_details(errors)
    }
    pub fn field(error: FieldError) -> Self {
        Self::validation(vec![error])
    }
    pub fn rate_limited(retry_after_s: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many attempts. Try again later.",
        );
        e.retry_after_s = Some(retry_after_s);
        e
    }
    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "The database is unavailable. Try again shortly.",
        )
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side.",
        )
    }
}

/// What a database error says about the storage under it, when it says something a user can
/// act on (or wait out): the disk is full, or the database cannot be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    Full,
    ReadOnly,
    /// The file could not be read or written (an I/O error below SQLite).
    Failing,
}

impl Storage {
    /// From SQLite's (extended) result code or PostgreSQL's SQLSTATE.
    pub fn of(err: &sqlx::Error) -> Option<Storage> {
        let sqlx::Error::Database(db) = err else {
            return None;
        };
        let code = db.code()?;
        if let Ok(n) = code.parse::<i64>() {
            // SQLite: the primary code is the low byte of the extended one.
            return match n & 0xff {
                13 => Some(Storage::Full),    // SQLITE_FULL
                8 => Some(Storage::ReadOnly), // SQLITE_READONLY
                10 => Some(Storage::Failing), // SQLITE_IOERR
                _ => None,
            };
        }
        match code.as_ref() {
            "53100" => Some(Storage::Full),     // disk_full
            "25006" => Some(Storage::ReadOnly), // read_only_sql_transaction
            "58030" => Some(Storage::Failing),  // io_error
            _ => None,
        }
    }
}

impl From<Storage> for ApiError {
    fn from(storage: Storage) -> Self {
        match storage {
            Storage::Full => Self::new(
                StatusCode::INSUFFICIENT_STORAGE,
                "storage_full",
                "The server's disk is full, so nothing was saved. Whoever runs this server needs to free some space.",
            ),
            Storage::ReadOnly => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "read_only",
                "The database cannot be written right now, so nothing was saved. Try again later.",
            ),
            Storage::Failing => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_error",
                "The server could not write to its storage, so nothing was saved. Try again shortly.",
            ),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        if let Some(storage) = Storage::of(&err) {
            tracing::error!(error = %err, ?storage, "database storage");
            return storage.into();
        }
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(error = %err, "database unavailable");
                Self::unavailable()
            }
            err => {
                tracing::error!(error = %err, "database error");
                Self::internal()
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
                details: self.details,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(s) = self.retry_after_s {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(s));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
