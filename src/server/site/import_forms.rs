//! The settings page's import: `POST /settings/import` (multipart: `format`, `tz`, `file`)
//! runs a dry run, keeps the upload in `pending_imports` (`server::db::pending_imports`) and sends
//! the user to the preview (`/settings?import=<token>#import`); `POST /settings/import/{token}`
//! imports it for real, `…/cancel` drops it. Same service as `POST /api/v1/import`.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;

use super::redirects::{Fields, field, fields, see_other};
use super::signed_in::SignedIn;
use crate::domain::i18n::FormError;
use crate::domain::import::FormatChoice;
use crate::server::auth::Principal;
use crate::server::db::pending_imports::{self, PendingImport};
use crate::server::services::import::{ImportError, ImportRun, import};
use crate::server::state::AppState;

/// Where the import section's outcomes land.
fn to_section(query: &str) -> Response {
    see_other(&format!("/settings?{query}#import"))
}

fn refused(error: FormError) -> Response {
    to_section(&format!("error={error}"))
}

/// `POST /settings/import`: the upload and its preview.
pub async fn preview(
    SignedIn(state, p): SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Ok(mut multipart) = multipart else {
        return refused(FormError::ImportFile);
    };
    let (mut format, mut tz_name, mut file) = (None, String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                // Too large or cut off: the whole upload is refused.
                let Ok(bytes) = field.bytes().await else {
                    return refused(FormError::ImportFile);
                };
                match name.as_str() {
                    "format" => {
                        format = std::str::from_utf8(&bytes)
                            .ok()
                            .and_then(|f| f.trim().parse::<FormatChoice>().ok())
                    }
                    "tz" => tz_name = String::from_utf8_lossy(&bytes).trim().to_owned(),
                    "file" => file = Some(bytes),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => return refused(FormError::ImportFile),
        }
    }
    let format = format.unwrap_or_default();
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return refused(FormError::ImportFile);
    };
    let tz = if tz_name.is_empty() {
        None
    } else {
        match tz_name.parse::<chrono_tz::Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => return refused(FormError::ImportTz),
        }
    };
    let preview = ImportRun {
        tz,
        dry_run: true,
        skip_invalid: false,
    };
    match import(&state.db, &p.user, format, &file, preview).await {
        Ok(report) => {
            let pending = PendingImport {
                format: report.format,
                tz,
                body: file.to_vec(),
                report,
            };
            match pending_imports::put(&state.db, &p.user.id, &pending).await {
                Ok(token) => to_section(&format!("import={token}")),
                Err(e) => {
                    tracing::error!(error = %e, "keeping an import preview failed");
                    refused(FormError::Generic)
                }
            }
        }
        Err(ImportError::BadRows(_)) => refused(FormError::ImportRows),
        Err(ImportError::UnknownFormat(_)) => refused(FormError::ImportFile),
        Err(ImportError::Db(e)) => {
            tracing::error!(error = %e, "import preview failed");
            refused(FormError::Generic)
        }
    }
}

/// `POST /settings/import/{token}`: import what was previewed; with `skip_invalid=true` (the
/// preview's "Import N sets, skip M lines") without its bad lines.
pub async fn confirm(
    SignedIn(state, p): SignedIn,
    Path(token): Path<String>,
    form: Fields,
) -> Response {
    let skip_invalid = field(&fields(form), "skip_invalid").is_some_and(|v| v == "true");
    // A file with bad lines and no explicit skip is refused with the upload kept, so the
    // preview's "skip" choice still works afterwards.
    if !skip_invalid
        && let Ok(Some(kept)) = pending_imports::get(&state.db, &p.user.id, &token).await
        && kept.report.error_count > 0
    {
        return refused(FormError::ImportRows);
    }
    let pending = match pending_imports::take(&state.db, &p.user.id, &token).await {
        Ok(Some(pending)) => pending,
        Ok(None) => return refused(FormError::ImportExpired),
        Err(e) => {
            tracing::error!(error = %e, "reading an import preview failed");
            return refused(FormError::Generic);
        }
    };
    let run = ImportRun {
        tz: pending.tz,
        dry_run: false,
        skip_invalid,
    };
    match import(
        &state.db,
        &p.user,
        pending.format.into(),
        &pending.body,
        run,
    )
    .await
    {
        Ok(report) => to_section(&format!(
            "imported={}&sets={}",
            report.workouts, report.sets
        )),
        Err(ImportError::BadRows(_)) => refused(FormError::ImportRows),
        Err(ImportError::UnknownFormat(_)) => refused(FormError::ImportFile),
        Err(ImportError::Db(e)) => {
            tracing::error!(error = %e, "import failed");
            refused(FormError::Generic)
        }
    }
}

/// `POST /settings/import/{token}/cancel`.
pub async fn cancel(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(token): Path<String>,
) -> Response {
    if let Some(axum::Extension(p)) = principal
        && let Err(e) = pending_imports::take(&state.db, &p.user.id, &token).await
    {
        tracing::error!(error = %e, "dropping an import preview failed");
    }
    to_section("")
}
