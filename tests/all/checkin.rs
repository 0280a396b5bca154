//! The Monday check-in: sent once per user per week (also when two instances race for it, and
//! from `spotter checkin --now`), in the user's language, with the week's numbers from the log
//! and a chart of weekly volume; off with the weekly-report switch.

use chrono::{Datelike, Duration, TimeZone, Utc};
use spotter::domain::checkin::monday_of;
use spotter::server::db::Id;
use spotter::server::db::users;
use spotter::server::services::checkin::{Checkins, Sent};

use crate::cli::spotter as spotter_cli;

both_engines! {
    async fn a_check_in_holds_the_weeks_numbers_and_is_sent_once(app: TestApp) {
        let user = app.user("checked-in").await;
        let today = Utc::now().date_naive();
        let last_monday = monday_of(today) - Duration::weeks(1);
        let at = |day: chrono::NaiveDate| format!("{day}T10:00:00Z");
        // The week before last: 1 workout, 5 × 100 = 500 kg. Last week: 2 workouts, 5 × 80 and
        // 5 × 120.
        let lift = |reps: i64, kg: f64| serde_json::json!({"exercise": "bench-press", "sets": [{"reps": reps, "weight_kg": kg}]});
        app.log_workout(&user.client, serde_json::json!({"started_at": at(last_monday - Duration::days(3)), "exercises": [lift(5, 100.0)]})).await;
        app.log_workout(&user.client, serde_json::json!({"started_at": at(last_monday + Duration::days(1)), "exercises": [lift(5, 80.0)]})).await;
        app.log_workout(&user.client, serde_json::json!({"started_at": at(last_monday + Duration::days(3)), "exercises": [lift(5, 120.0)]})).await;
        // Last week: 400 + 600 = 1,000 kg against 500: +100 %; 120 kg is a new heaviest weight.
        let account = users::find_by_id(app.db(), &Id::parse(&user.id).unwrap()).await.unwrap().unwrap();
        let sent = Checkins::of(&app.state).send(&account, last_monday).await.unwrap();
        let Sent::New(conversation) = sent else { panic!("{sent:?}") };
        assert_eq!(Checkins::of(&app.state).send(&account, last_monday).await.unwrap(), Sent::Already, "once a week");

        let messages = app.messages(&user.client, &conversation.to_string()).await;
        let text = messages.last().unwrap()["content"].as_str().unwrap().to_owned();
        assert!(text.contains("Last week: 2 workouts, 1,000 kg of volume (+100% on the week before)."), "{text}");
        assert!(text.contains("**Bench Press (Barbell)**") && text.contains("120 kg"), "the record: {text}");
        let (_, html) = app.get_html(&user.client, &format!("/c/{conversation}")).await;
        assert!(html.contains(&format!("Week of {} ", last_monday.day())), "titled for the week: {html}");
        assert!(html.contains("<figure id=\"chart-"), "the weekly-volume chart: {html}");

        // Not about a week that ended before the account existed (it was made today).
        let this_monday = Utc.from_utc_datetime(&monday_of(today).and_hms_opt(9, 0, 0).unwrap());
        let earlier = last_monday - Duration::weeks(1);
        assert_eq!(Checkins::of(&app.state).due(&account, this_monday - Duration::weeks(1)).await.unwrap(), None, "{earlier}");
        // Off with the switch: nothing is due, whatever the day.
        let off = user.client.patch(app.url("/api/v1/me/profile")).json(&serde_json::json!({"weekly_reports": false})).send().await.unwrap();
        assert!(off.status().is_success());
        let monday_morning = Utc.from_utc_datetime(&(monday_of(today) + Duration::weeks(1)).and_hms_opt(9, 0, 0).unwrap());
        assert_eq!(Checkins::of(&app.state).due(&account, monday_morning).await.unwrap(), None);
    }

    async fn two_instances_send_one_check_in_in_the_users_language(app: TestApp) {
        let user = app.user("raced").await;
        let he = user.client.patch(app.url("/api/v1/me")).json(&serde_json::json!({"language": "he"})).send().await.unwrap();
        assert!(he.status().is_success());
        // Nothing last week; a workout the week before that, so the chart has a bar.
        // Next Monday: the check-in is about this week, which ends after the account began.
        let monday = monday_of(Utc::now().date_naive()) + Duration::weeks(1);
        app.log_workout(&user.client, serde_json::json!({"started_at": format!("{}T10:00:00Z", monday - Duration::days(10)),
            "exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let account = users::find_by_id(app.db(), &Id::parse(&user.id).unwrap()).await.unwrap().unwrap();
        let other = app.another_instance(&[]).await;
        // Monday 09:00 UTC (the user's zone is UTC): due, for the week before it.
        let monday = Utc.from_utc_datetime(&monday.and_hms_opt(9, 0, 0).unwrap());
        let (here, there) = (Checkins::of(&app.state), Checkins::of(&other.state));
        let (a, b) = tokio::join!(
            here.due(&account, monday),
            there.due(&account, monday),
        );
        let outcomes = [a.unwrap(), b.unwrap()];
        let new = outcomes.iter().filter(|o| matches!(o, Some(Sent::New(_)))).count();
        assert_eq!(new, 1, "{outcomes:?}");
        assert!(outcomes.contains(&Some(Sent::Already)), "{outcomes:?}");
        assert_eq!(app.count_rows("conversations", &user.id).await, 1);
        let conversation = outcomes
            .into_iter()
            .find_map(|o| match o {
                Some(Sent::New(id)) => Some(id),
                _ => None,
            })
            .expect("one was sent");
        let messages = app.messages(&user.client, &conversation.to_string()).await;
        let text = messages.last().unwrap()["content"].as_str().unwrap();
        assert!(text.contains("לא נרשמו אימונים בשבוע שעבר"), "Hebrew, and honest about an empty week: {text}");
        // The chart is drawn in Hebrew too (its tool answered without an error).
        let tool = messages.iter().find(|m| m["role"] == "tool").expect("the chart's tool message");
        assert!(tool["content"].as_str().unwrap().contains("visualization_id"), "{tool}");
    }

    async fn spotter_checkin_now_sends_last_weeks_once(app: TestApp) {
        let user = app.user("cli-checkin").await;
        let args = ["checkin", "--email", user.email.as_str(), "--now"];
        let out = spotter_cli(app.database_url(), &args, None);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with("sent: /c/"), "{stdout}");
        let again = spotter_cli(app.database_url(), &args, None);
        assert_eq!(String::from_utf8_lossy(&again.stdout).trim(), "already sent this week");
    }
}

both_engines! {
    async fn a_configured_model_writes_the_opening_and_never_the_numbers(app: TestApp, llm: FakeLlm) {
        use crate::common::fake_llm::{MODEL, Reply};
        let user = app.user("model-opening").await;
        let today = Utc::now().date_naive();
        let last_monday = monday_of(today) - Duration::weeks(1);
        app.log_workout(&user.client, serde_json::json!({"started_at": format!("{}T10:00:00Z", last_monday + Duration::days(2)),
            "exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let account = users::find_by_id(app.db(), &Id::parse(&user.id).unwrap()).await.unwrap().unwrap();
        let checkins = Checkins::of(&app.state);

        // Words without numbers: they open the check-in, and the numbers below are the log's.
        llm.then(Reply::text(&["A steady week", " of squats. Keep your depth honest this week."], std::time::Duration::ZERO));
        let Sent::New(first) = checkins.send(&account, last_monday).await.unwrap() else { panic!("not sent") };
        let messages = app.messages(&user.client, &first.to_string()).await;
        let answer = messages.last().unwrap();
        let text = answer["content"].as_str().unwrap();
        assert!(text.starts_with("A steady week of squats. Keep your depth honest this week.\n\nLast week: 1 workout, 500 kg of volume"), "{text}");
        assert_eq!(answer["model"], MODEL);
        assert!(answer["token_count"].as_i64().unwrap() > 0, "counted against the daily budget: {answer}");
        assert_eq!(answer["tokens_estimated"], true, "the fake server sends no usage");

        // What the model was asked: no tools, the numbers to talk around, in the user's language.
        let request = llm.requests().pop().unwrap();
        assert!(request.get("tools").is_none(), "{request}");
        let sent = request["messages"].as_array().unwrap();
        assert!(sent[0]["content"].as_str().unwrap().contains("Do not write any number") && sent[0]["content"].as_str().unwrap().contains("in English"), "{request}");
        assert!(sent[1]["content"].as_str().unwrap().contains("Last week: 1 workout, 500 kg of volume"), "{request}");

        // A model that writes a number (here a wrong one) is not printed: the template speaks.
        let he = user.client.patch(app.url("/api/v1/me")).json(&serde_json::json!({"language": "he"})).send().await.unwrap();
        assert!(he.status().is_success());
        let account = users::find_by_id(app.db(), &Id::parse(&user.id).unwrap()).await.unwrap().unwrap();
        llm.then(Reply::text(&["שבוע מצוין עם שלושה אימונים!"], std::time::Duration::ZERO));
        let Sent::New(second) = checkins.send(&account, last_monday - Duration::weeks(1)).await.unwrap() else { panic!("not sent") };
        let messages = app.messages(&user.client, &second.to_string()).await;
        let answer = messages.last().unwrap();
        let text = answer["content"].as_str().unwrap();
        assert!(text.starts_with("לא נרשמו אימונים בשבוע שעבר"), "the template alone: {text}");
        assert!(!text.contains("שלושה"), "{text}");
        assert_eq!(answer["model"], "spotter-checkin");
        assert!(answer["token_count"].as_i64().unwrap() > 0, "the tokens spent still count: {answer}");
        let asked = llm.requests().pop().unwrap();
        assert!(asked["messages"][0]["content"].as_str().unwrap().contains("in Hebrew"), "{asked}");

        // A model that fails: the check-in still goes out, from the template.
        llm.then(Reply::json(500, r#"{"error": {"message": "boom"}}"#));
        let Sent::New(third) = checkins.send(&account, last_monday - Duration::weeks(2)).await.unwrap() else { panic!("not sent") };
        let messages = app.messages(&user.client, &third.to_string()).await;
        assert!(messages.last().unwrap()["content"].as_str().unwrap().starts_with("לא נרשמו אימונים"), "{messages:?}");
    }
}
