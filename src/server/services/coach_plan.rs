//! What the coach plans from the log: the next session of each exercise (double progression,
//! stalls, deloads), the balance of the last four weeks, and today's session. One read of the
//! recent log ([`Planner::load`]) and the user's training profile; the working out is
//! `domain::progression`, pure. Weights come out in the user's unit.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::log::local_day_fn;
use crate::domain::account::Units;
use crate::domain::catalog::catalog;
use crate::domain::profile::TrainingProfile;
use crate::domain::progression::balance::{Choices, HardSet, MuscleBalance, balance};
use crate::domain::progression::next_session::{
    NextSession, RepRange, Session, WorkSet, next_session,
};
use crate::domain::progression::today::{PastWorkout, TodayPlan, today};
use crate::domain::training::kg_to_lb;
use crate::server::db::users::User;
use crate::server::db::{Db, Id, training_history, training_profile};

/// How far back the planner reads.
pub const HISTORY_DAYS: i64 = 183;

/// The recent log, read once, and the profile.
pub struct Planner {
    pub units: Units,
    pub profile: TrainingProfile,
    pub today: NaiveDate,
    /// Each exercise's sessions, oldest first (working sets, in the user's unit).
    sessions: BTreeMap<String, Vec<Session>>,
    workouts: Vec<PastWorkout>,
    hard: Vec<HardSet>,
    /// Exercises by their last workout, the most recent first.
    recent: Vec<String>,
    plan_today: Option<String>,
}

impl Planner {
    pub async fn load(db: &Db, user: &User) -> Result<Planner, sqlx::Error> {
        Planner::load_at(db, user, Utc::now()).await
    }

    /// As if it were `now` (tests replay a real export as of the day after it ends).
    pub async fn load_at(db: &Db, user: &User, now: DateTime<Utc>) -> Result<Planner, sqlx::Error> {
        let day = local_day_fn(user);
        let today = day(&now);
        let from = now - Duration::days(HISTORY_DAYS);
        let sets: Vec<_> = training_history::since(db, &user.id, from)
            .await?
            .into_iter()
            .filter(|s| s.started_at <= now)
            .collect();
        let profile = training_profile::get(db, &user.id).await?;
        let unit = |kg: f64| match user.units {
            Units::Metric => (kg * 100.0).round() / 100.0,
            Units::Imperial => (kg_to_lb(kg) * 100.0).round() / 100.0,
        };
        let mut sessions: BTreeMap<String, Vec<Session>> = BTreeMap::new();
        let mut workouts: Vec<PastWorkout> = Vec::new();
        let mut hard = Vec::new();
        let mut current: Option<Id> = None;
        for s in &sets {
            let Some(exercise) = catalog().get(&s.slug) else {
                continue;
            };
            let reps = s.reps.unwrap_or(0).clamp(0, 1000) as u32;
            let warmup = s.set_type == "warmup";
            let workday = day(&s.started_at);
            if current.as_ref() != Some(&s.session_id) {
                current = Some(s.session_id.clone());
                workouts.push(PastWorkout {
                    day: workday,
                    name: s.workout_name.clone(),
                    exercises: Vec::new(),
                });
            }
            if reps > 0 && !warmup {
                if s.rpe.is_none_or(|r| r >= 7.0) {
                    hard.push(HardSet {
                        day: workday,
                        muscles: exercise.primary_muscles.clone(),
                    });
                }
                let lifted = matches!(
                    exercise.measured_by,
                    crate::domain::training::MeasuredBy::RepsWeight
                        | crate::domain::training::MeasuredBy::Reps
                );
                if lifted {
                    let w = workouts.last_mut().expect("a workout was pushed");
                    if !w.exercises.contains(&s.slug) {
                        w.exercises.push(s.slug.clone());
                    }
                    let list = sessions.entry(s.slug.clone()).or_default();
                    let set = WorkSet {
                        reps,
                        weight: unit(s.weight_kg.unwrap_or(0.0)),
                    };
                    match list.last_mut() {
                        Some(last) if last.day == workday => last.sets.push(set),
                        _ => list.push(Session {
                            day: workday,
                            sets: vec![set],
                        }),
                    }
                }
            }
        }
        workouts.retain(|w| !w.exercises.is_empty());
        let mut recent: Vec<String> = Vec::new();
        for w in workouts.iter().rev() {
            for slug in &w.exercises {
                if !recent.contains(slug) {
                    recent.push(slug.clone());
                }
            }
        }
        let plan_today = super::plan::due_today(db, user, today)
            .await?
            .into_iter()
            .next();
        Ok(Planner {
            units: user.units,
            profile,
            today,
            sessions,
            workouts,
            hard,
            recent,
            plan_today,
        })
    }

    /// The rep range of an exercise: the user's, or the default for its kind.
    pub fn range(&self, slug: &str) -> Option<RepRange> {
        let exercise = catalog().get(slug)?;
        Some(
            self.profile
                .rep_ranges
                .get(slug)
                .copied()
                .unwrap_or_else(|| RepRange::default_for(exercise)),
        )
    }

    /// The next session of one exercise, when it has been logged.
    pub fn next(&self, slug: &str) -> Option<NextSession> {
        let exercise = catalog().get(slug)?;
        let sessions = self.sessions.get(slug)?;
        next_session(
            exercise,
            sessions,
            self.range(slug)?,
            &self.profile.loading(self.units),
            self.units,
        )
    }

    /// Exercises logged, the most recently done first.
    pub fn recent(&self) -> &[String] {
        &self.recent
    }

    /// Hard sets a week per muscle over the last four weeks.
    pub fn balance(&self) -> Vec<MuscleBalance> {
        balance(&self.hard, self.today)
    }

    /// What the user likes, avoids and hurts, and what they have logged.
    pub fn choices(&self) -> Choices<'_> {
        Choices {
            preferred: &self.profile.preferred_exercises,
            avoided: &self.profile.avoided_exercises,
            injuries: &self.profile.injuries,
            logged: &self.recent,
        }
    }

    /// Today's session.
    pub fn today(&self) -> TodayPlan {
        today(
            &self.workouts,
            &|slug| self.next(slug),
            &self.balance(),
            catalog().exercises(),
            &self.choices(),
            self.plan_today.clone(),
        )
    }
}
