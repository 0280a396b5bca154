//! Request extractors that fail in the API error shape instead of axum's plain-text bodies.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::domain::pagination::{Page, PageRequest};

/// `Json<T>` whose rejections are 400 (malformed or wrong types), 422 (a value the field does
/// not take, such as an unknown enum variant), 413 (too large) or 415 (not
/// `application/json`).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::unsupported_media_type(),
        JsonRejection::JsonDataError(e) => unknown_value(&e.body_text()).unwrap_or_else(|| {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", e.body_text())
        }),
        JsonRejection::JsonSyntaxError(e) => {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", e.body_text())
        }
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::payload_too_large(),
        other => ApiError::new(StatusCode::BAD_REQUEST, "bad_request", other.body_text()),
    }
}

/// A value of the right type that the field does not take ("furlongs" for `units`): the
/// request was well formed, its content is not, so 422 with the field, as other invalid
/// values are. Read from serde's message, which names the field path first
/// ("…target type: units: unknown variant `furlongs`, expected `metric` or `imperial` at …").
fn unknown_value(message: &str) -> Option<ApiError> {
    let (before, after) = message.split_once(": unknown variant ")?;
    let field = before.rsplit(": ").next()?.trim();
    let allowed = after.split(" at line ").next().unwrap_or(after).trim();
    let text = format!("{field}: unknown value {allowed}.");
    Some(ApiError::field(crate::domain::account::FieldError::new(
        if field.is_empty() { "body" } else { field },
        "unknown_value",
        &text,
    )))
}

/// `Query<T>` whose rejection is a 400 in the API error shape (422 for a value the field does
/// not take).
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| ApiQuery(v))
            .map_err(|e: QueryRejection| {
                unknown_value(&e.body_text()).unwrap_or_else(|| {
                    ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", e.body_text())
                })
            })
    }
}

/// `?page=&per_page=` of a list endpoint, defaults applied and bounds enforced. A handler
/// takes it beside its own `ApiQuery` of filters; both read the same query string. Document
/// it with `params(PageRequest, …)`.
pub struct PageQuery(pub Page);

impl<S: Send + Sync> FromRequestParts<S> for PageQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiQuery(request) = ApiQuery::<PageRequest>::from_request_parts(parts, state).await?;
        Ok(PageQuery(request.normalized()))
    }
}

/// An optional JSON body: a request without a body (no `Content-Type`, no length) is `None`;
/// anything else must be valid JSON.
impl<T: DeserializeOwned, S: Send + Sync> axum::extract::OptionalFromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Option<Self>, Self::Rejection> {
        let headers = req.headers();
        let empty = !headers.contains_key(axum::http::header::CONTENT_TYPE)
            && headers
                .get(axum::http::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .is_none_or(|v| v.trim() == "0");
        if empty {
            return Ok(None);
        }
        <ApiJson<T> as FromRequest<S>>::from_request(req, state)
            .await
            .map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_enum_value_is_a_422_naming_its_field() {
        let e = unknown_value("Failed to deserialize the JSON body into the target type: preferences.coach_style: unknown variant `zen`, expected one of `balanced`, `encouraging`, `tough` at line 1 column 35").unwrap();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.code, "validation_failed");
        assert_eq!(
            e.message,
            "preferences.coach_style: unknown value `zen`, expected one of `balanced`, `encouraging`, `tough`."
        );
        assert_eq!(e.details.unwrap()[0]["field"], "preferences.coach_style");
        let q = unknown_value("Failed to deserialize query string: status: unknown variant `bogus`, expected `pending` or `done`").unwrap();
        assert_eq!(q.details.unwrap()[0]["field"], "status");
        assert!(unknown_value("Failed to deserialize the JSON body into the target type: units: invalid type: integer `5`, expected a string at line 1 column 10").is_none());
    }
}
