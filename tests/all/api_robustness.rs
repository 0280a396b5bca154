//! Bad requests as clients and scripts really send them, on every kind of endpoint: each gets
//! a 4xx in the error shape and changes nothing. Malformed JSON, wrong types and invalid UTF-8
//! are 400; a value a field does not take (an unknown enum variant, in a body or a query) is
//! 422 naming the field; a body over the limit 413; not JSON 415; an API address past 8 KB
//! 414.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::*;

both_engines! {
    async fn bad_requests_get_the_error_shape_and_change_nothing(app: TestApp) {
        let user = app.user("robust").await;
        app.log_workout(&user.client, json!({"exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let me_before = app.get_json(&user.client, "/api/v1/me").await;
        let send = |method: Method, path: &str, content_type: Option<&str>, body: Vec<u8>| {
            let mut req = user.client.request(method, app.url(path)).body(body);
            if let Some(ct) = content_type {
                req = req.header("content-type", ct);
            }
            req.send()
        };
        let json_type = Some("application/json");

        // (what, method, path, content type, body, status, code, field named)
        type Case<'a> = (&'a str, Method, &'a str, Option<&'a str>, Vec<u8>, StatusCode, &'a str, Option<&'a str>);
        let cases: Vec<Case> = vec![
            ("unknown units", Method::PATCH, "/api/v1/me", json_type, br#"{"units": "furlongs"}"#.to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("units")),
            ("unknown language", Method::PATCH, "/api/v1/me", json_type, br#"{"language": "klingon"}"#.to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("language")),
            ("unknown coach style", Method::PATCH, "/api/v1/me", json_type, br#"{"preferences": {"coach_style": "zen"}}"#.to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("preferences.coach_style")),
            ("unknown fitness level", Method::PATCH, "/api/v1/me/profile", json_type, br#"{"fitness_level": "godlike"}"#.to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("fitness_level")),
            ("unknown goal type", Method::POST, "/api/v1/goals", json_type, br#"{"goal_type": "fly", "target_value": 1, "timeframe": "weekly"}"#.to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("goal_type")),
            ("unknown period", Method::GET, "/api/v1/stats?period=fortnight", None, vec![], StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", Some("period")),
            ("wrong type", Method::PATCH, "/api/v1/me", json_type, br#"{"display_name": 5}"#.to_vec(), StatusCode::BAD_REQUEST, "invalid_json", None),
            ("cut-off JSON", Method::POST, "/api/v1/workouts", json_type, br#"{"exercises": ["#.to_vec(), StatusCode::BAD_REQUEST, "malformed_json", None),
            ("invalid UTF-8", Method::POST, "/api/v1/workouts", json_type, b"{\"name\": \"\xff\xfe\", \"exercises\": []}".to_vec(), StatusCode::BAD_REQUEST, "malformed_json", None),
            ("a JSON list", Method::PATCH, "/api/v1/me", json_type, b"[1, 2]".to_vec(), StatusCode::BAD_REQUEST, "invalid_json", None),
            ("text, not JSON", Method::POST, "/api/v1/workouts", Some("text/plain"), b"bench 3x5 at 80".to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", None),
            ("a form, not JSON", Method::POST, "/api/v1/goals", Some("application/x-www-form-urlencoded"), b"goal_type=workouts".to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", None),
            ("no content type", Method::PATCH, "/api/v1/me", None, br#"{"units": "imperial"}"#.to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", None),
            ("two megabytes", Method::POST, "/api/v1/workouts", json_type, format!(r#"{{"notes": "{}"}}"#, "a".repeat(2 << 20)).into_bytes(), StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", None),
        ];
        for (what, method, path, content_type, body, status, code, field) in cases {
            let resp = send(method, path, content_type, body).await.unwrap();
            assert_eq!(resp.status(), status, "{what}");
            let body = assert_error(resp, status, code).await;
            if let Some(field) = field {
                assert_eq!(body["error"]["details"][0]["field"], field, "{what}: {body}");
            }
        }

        // An API address longer than 8 KB: 414 in the shape.
        let resp = user.client.get(app.url(&format!("/api/v1/workouts?q={}", "x".repeat(9000)))).send().await.unwrap();
        assert_error(resp, StatusCode::URI_TOO_LONG, "uri_too_long").await;

        // Nothing changed.
        assert_eq!(app.get_json(&user.client, "/api/v1/me").await, me_before);
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 1);
        assert_eq!(app.count_rows("goals", &user.id).await, 0);
    }
}
