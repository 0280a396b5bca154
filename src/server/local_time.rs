//! The user's wall clock ↔ UTC. Exports, the log form's "when", plan due dates and the demo all
//! give local times without a zone; they become instants here, one way for all of them.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

/// A local wall-clock time in `tz` as UTC. An ambiguous time (the autumn hour that happens
/// twice) is read as its first occurrence; a time skipped by the spring change is read an hour
/// later.
pub fn to_utc(tz: chrono_tz::Tz, local: NaiveDateTime) -> DateTime<Utc> {
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_become_utc_across_dst() {
        let tz: chrono_tz::Tz = "Asia/Jerusalem".parse().unwrap();
        let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        // Israel: UTC+2 in winter, UTC+3 in summer.
        assert_eq!(
            to_utc(tz, local("2026-01-15 18:30")).to_rfc3339(),
            "2026-01-15T16:30:00+00:00"
        );
        assert_eq!(
            to_utc(tz, local("2026-07-15 06:15")).to_rfc3339(),
            "2026-07-15T03:15:00+00:00"
        );
        // 02:30 on the spring-forward night does not exist: read an hour later.
        assert_eq!(
            to_utc(tz, local("2026-03-27 02:30")).to_rfc3339(),
            "2026-03-27T00:30:00+00:00"
        );
        // 01:30 on the autumn night happens twice: the first (summer-time) one.
        assert_eq!(
            to_utc(tz, local("2026-10-25 01:30")).to_rfc3339(),
            "2026-10-24T22:30:00+00:00"
        );
    }
}
