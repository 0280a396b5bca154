//! Levels from lifetime points: beginner → intermediate → advanced → expert, with the progress
//! (0–100 %) towards the next level.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

/// The lifetime points at which each level starts.
pub const THRESHOLDS: [(Level, i64); 4] = [
    (Level::Beginner, 0),
    (Level::Intermediate, 1_000),
    (Level::Advanced, 5_000),
    (Level::Expert, 15_000),
];

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
            Level::Expert => "expert",
        }
    }
    pub fn name_he(self) -> &'static str {
        match self {
            Level::Beginner => "מתחיל/ה",
            Level::Intermediate => "בינוני/ת",
            Level::Advanced => "מתקדם/ת",
            Level::Expert => "מומחה/ית",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelStatus {
    pub level: Level,
    /// Percent of the way to the next level (100 at expert).
    pub progress: u8,
    /// Points still needed for the next level (0 at expert).
    pub points_to_next: i64,
}

pub fn level_for(points: i64) -> LevelStatus {
    let points = points.max(0);
    let index = THRESHOLDS
        .iter()
        .rposition(|(_, start)| points >= *start)
        .unwrap_or(0);
    let (level, start) = THRESHOLDS[index];
    match THRESHOLDS.get(index + 1) {
        None => LevelStatus {
            level,
            progress: 100,
            points_to_next: 0,
        },
        Some((_, next)) => {
            let span = next - start;
            let progress = ((points - start) * 100 / span).clamp(0, 99) as u8;
            LevelStatus {
                level,
                progress,
                points_to_next: next - points,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_and_progress() {
        let cases = [
            (0, Level::Beginner, 0, 1000),
            (-5, Level::Beginner, 0, 1000),
            (500, Level::Beginner, 50, 500),
            (999, Level::Beginner, 99, 1),
            (1000, Level::Intermediate, 0, 4000),
            (3000, Level::Intermediate, 50, 2000),
            (14_999, Level::Advanced, 99, 1),
            (15_000, Level::Expert, 100, 0),
            (1_000_000, Level::Expert, 100, 0),
        ];
        for (points, level, progress, to_next) in cases {
            let s = level_for(points);
            assert_eq!(
                (s.level, s.progress, s.points_to_next),
                (level, progress, to_next),
                "{points}"
            );
        }
    }
}
