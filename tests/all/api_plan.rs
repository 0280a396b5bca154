//! `/api/v1/plan` on both engines: due dates in words resolved in the user's time zone,
//! ordering, updates, soft delete, ownership and validation.

use crate::common::*;
use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn create(app: &TestApp, user: &TestUser, body: Value) -> reqwest::Response {
    user.client
        .post(app.url("/api/v1/plan"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn instant(v: &Value) -> DateTime<Utc> {
    v.as_str()
        .unwrap_or_else(|| panic!("not a time: {v}"))
        .parse()
        .unwrap()
}

both_engines! {
    async fn due_dates_in_words_follow_the_users_time_zone(app: TestApp) {
        let user = app.user("planner").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"timezone": "Asia/Jerusalem"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let tz: chrono_tz::Tz = "Asia/Jerusalem".parse().unwrap();
        let today = Utc::now().with_timezone(&tz).date_naive();

        let resp = create(&app, &user, json!({"title": "Deload", "due": "מחר"})).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let item: Value = resp.json().await.unwrap();
        assert_eq!(item["all_day"], true);
        assert_eq!(item["status"], "pending");
        assert_eq!(item["priority"], "medium");
        let due = instant(&item["due_at"]).with_timezone(&tz);
        assert_eq!(due.date_naive(), today + Duration::days(1), "tomorrow in Jerusalem");
        assert_eq!((due.hour_minute()), (0, 0), "all-day items are due at the start of the day");

        let resp = create(&app, &user, json!({"title": "Long run", "due": "next Monday at 18:00", "priority": "high"})).await;
        let item: Value = resp.json().await.unwrap();
        assert_eq!(item["all_day"], false);
        let due = instant(&item["due_at"]).with_timezone(&tz);
        assert_eq!(due.weekday(), chrono::Weekday::Mon);
        assert_eq!(due.hour_minute(), (18, 0));
        assert!(due.date_naive() > today && due.date_naive() <= today + Duration::days(7));

        let resp = create(&app, &user, json!({"title": "Buy chalk"})).await;
        let undated: Value = resp.json().await.unwrap();
        assert!(undated["due_at"].is_null());

        let list = app.get_json(&user.client, "/api/v1/plan").await;
        let titles: Vec<&str> = list["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
        assert_eq!(titles, vec!["Deload", "Long run", "Buy chalk"], "soonest first, undated last");
        assert_eq!(list["total"], 3);
    }

    async fn update_complete_delete_and_ownership(app: TestApp) {
        let owner = app.user("owner").await;
        let other = app.user("other").await;
        let item: Value = create(&app, &owner, json!({"title": "Mobility", "due_date": "2030-01-15"})).await.json().await.unwrap();
        let id = item["id"].as_str().unwrap();
        let path = format!("/api/v1/plan/{id}");

        for resp in [
            other.client.get(app.url(&path)).send().await.unwrap(),
            other.client.patch(app.url(&path)).json(&json!({"status": "done"})).send().await.unwrap(),
            other.client.delete(app.url(&path)).send().await.unwrap(),
        ] {
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }

        let done: Value = owner.client.patch(app.url(&path)).json(&json!({"status": "done", "title": "Mobility flow"})).send().await.unwrap().json().await.unwrap();
        assert_eq!(done["status"], "done");
        assert_eq!(done["title"], "Mobility flow");
        assert_eq!(instant(&done["due_at"]), Utc.with_ymd_and_hms(2030, 1, 15, 0, 0, 0).unwrap(), "unchanged (UTC user)");
        let pending = app.get_json(&owner.client, "/api/v1/plan?status=pending").await;
        assert_eq!(pending["total"], 0);

        let cleared: Value = owner.client.patch(app.url(&path)).json(&json!({"due": ""})).send().await.unwrap().json().await.unwrap();
        assert!(cleared["due_at"].is_null());

        let resp = owner.client.delete(app.url(&path)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let resp = owner.client.get(app.url(&path)).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get_json(&owner.client, "/api/v1/plan").await["total"], 0);
    }

    async fn invalid_items_are_422_and_nothing_is_written(app: TestApp) {
        let user = app.user("strict").await;
        for (body, field) in [
            (json!({"title": ""}), "title"),
            (json!({"title": "x".repeat(201)}), "title"),
            (json!({"title": "Run", "due": "banana"}), "due"),
            (json!({"title": "Run", "due": "tomorrow", "due_date": "2030-01-01"}), "due"),
        ] {
            let body = assert_error(create(&app, &user, body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(detail_fields(&body)[0], field);
        }
        let resp = create(&app, &user, json!({"title": "Run", "priority": "urgent"})).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&body), vec!["priority"]);
        assert_eq!(app.count_rows("plan_items", &user.id).await, 0);
    }
}

trait HourMinute {
    fn hour_minute(&self) -> (u32, u32);
}

impl<T: chrono::Timelike> HourMinute for T {
    fn hour_minute(&self) -> (u32, u32) {
        (self.hour(), self.minute())
    }
}
