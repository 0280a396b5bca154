//! `POST /import?format=auto|strong|hevy|fitnotes|spotter&dry_run=&tz=&skip_invalid=`: a Strong,
//! Hevy or FitNotes CSV export, or a Spotter account export (JSON) to restore, as the body
//! (up to 20 MiB). See `server::services::import` for what happens to it.

use axum::Json;
use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;

use crate::domain::account::FieldError;
use crate::domain::import::{FORMATS_READ, FormatChoice};
use crate::server::auth::Caller;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiQuery;
use crate::server::services::import::{ImportError, ImportReport, ImportRun, import as run_import};

/// Import bodies may be this large; everything else keeps the 1 MiB JSON limit.
pub const IMPORT_BODY_LIMIT: usize = 20 * 1024 * 1024;

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ImportQuery {
    /// auto (default: told by the file), strong, hevy, fitnotes or spotter (the JSON of
    /// `GET /me/export`, restored).
    #[param(value_type = Option<String>)]
    #[serde(default)]
    pub format: FormatChoice,
    /// Preview only: nothing is written (default false).
    pub dry_run: Option<bool>,
    /// IANA time zone of the export's times (default: yours).
    pub tz: Option<String>,
    /// Import the good rows of a file with bad lines, skipping those (listed in `errors`);
    /// default false: such a file is refused whole.
    pub skip_invalid: Option<bool>,
}

/// Imports a Strong, Hevy or FitNotes CSV export, or restores a Spotter account export
/// (workouts, custom exercises, goals, plan items; records and achievements recomputed):
/// atomic and idempotent; a file with bad lines is
/// refused whole unless `skip_invalid=true`. Warnings (a workout timer left running) are
/// reported, grouped, and never refuse the file.
#[utoipa::path(post, path = "/api/v1/import", tag = "workouts", params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV export, or a Spotter export (application/json)"), responses(
    (status = 200, description = "Dry run preview (bad lines listed in `errors`)", body = ImportReport),
    (status = 201, description = "Imported: counts of what was stored", body = ImportReport),
    (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 413, body = ErrorBody),
    (status = 415, description = "Multipart, or JSON with a CSV format", body = ErrorBody),
    (status = 422, description = "Bad lines (details: every {line, message}), a header of no format Spotter reads (unknown_format), or an unknown time zone", body = ErrorBody)))]
pub async fn import(
    Caller(state, p): Caller,
    ApiQuery(q): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<ImportReport>), ApiError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let json_allowed = matches!(q.format, FormatChoice::Auto | FormatChoice::Spotter);
    if (content_type.starts_with("application/json") && !json_allowed)
        || content_type.starts_with("multipart/")
    {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the export file itself as the body: text/csv for a CSV export, \
             application/json for a Spotter export.",
        ));
    }
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::payload_too_large()
        } else {
            ApiError::bad_request(e.body_text())
        }
    })?;
    if body.is_empty() {
        return Err(ApiError::field(FieldError::new(
            "body",
            "required",
            "The body is empty: send the export file.",
        )));
    }
    let tz = match q.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(name) => Some(name.parse::<chrono_tz::Tz>().map_err(|_| {
            ApiError::field(FieldError::new(
                "tz",
                "invalid",
                "Unknown time zone. Use an IANA name such as Europe/London.",
            ))
        })?),
    };
    let dry_run = q.dry_run.unwrap_or(false);
    let run = ImportRun {
        tz,
        dry_run,
        skip_invalid: q.skip_invalid.unwrap_or(false),
    };
    match run_import(&state.db, &p.user, q.format, &body, run).await {
        Ok(report) => Ok((
            if dry_run {
                StatusCode::OK
            } else {
                StatusCode::CREATED
            },
            Json(report),
        )),
        Err(ImportError::BadRows(report)) => {
            let message = format!(
                "The file has {} bad line(s); nothing was imported. Fix them, or send \
                 skip_invalid=true to import the other {} set(s) without them.",
                report.error_count, report.sets
            );
            Err(
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows", message)
                    .with_details(report.errors),
            )
        }
        Err(ImportError::UnknownFormat(e)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_format",
            format!("Spotter reads exports of {FORMATS_READ}; {}", e.message),
        )
        .with_details(vec![e])),
        Err(ImportError::Db(e)) => Err(e.into()),
    }
}
