//! The `exercises` table: the shared catalog (rows with `user_id` NULL, upserted by slug from
//! `domain::catalog` at start-up) and each user's custom exercises.

use serde::Serialize;

use super::{BeginWrite, Db, Id, now, on_db, server_settings};
use crate::domain::catalog::{CatalogExercise, MatchTarget, catalog};
use crate::domain::custom_exercise::ValidCustomExercise;
use crate::domain::training::{ExerciseKind, MeasuredBy};

const CATALOG_VERSION_KEY: &str = "catalog_version";

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ExerciseRow {
    #[schema(value_type = String)]
    pub id: Id,
    /// Set for a user's custom exercise; absent for the shared catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub user_id: Option<Id>,
    pub slug: String,
    pub name_en: String,
    pub name_he: String,
    #[sqlx(try_from = "String")]
    pub kind: ExerciseKind,
    pub equipment: String,
    #[sqlx(try_from = "String")]
    pub measured_by: MeasuredBy,
}

impl ExerciseRow {
    pub fn is_custom(&self) -> bool {
        self.user_id.is_some()
    }
}

/// The user's custom exercises among `rows` as name-matcher targets (identified by id), to
/// search beside the catalog's own targets.
pub fn custom_match_targets(rows: &[ExerciseRow]) -> Vec<MatchTarget> {
    rows.iter()
        .filter(|e| e.is_custom())
        .map(|e| {
            MatchTarget::new(
                e.id.to_string(),
                &e.name_en,
                &e.name_he,
                std::iter::empty::<&str>(),
            )
        })
        .collect()
}

const COLUMNS: &str = "id, user_id, slug, name_en, name_he, kind, equipment, measured_by";

fn json_list<T: Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// Brings the catalog rows up to the embedded catalog's version (skipped when already there).
/// Rows are matched by slug, so ids (and the sets pointing at them) survive renames.
pub async fn seed_catalog(db: &Db) -> Result<usize, sqlx::Error> {
    let c = catalog();
    let version = c.version().to_string();
    if server_settings::get(db, CATALOG_VERSION_KEY)
        .await?
        .as_deref()
        == Some(version.as_str())
    {
        return Ok(0);
    }
    let at = now();
    let exercises: &[CatalogExercise] = c.exercises();
    on_db!(db, pool => {
        let mut tx = pool.begin_write().await?;
        for e in exercises {
            let aliases: Vec<&String> = e.aliases_en.iter().chain(e.aliases_he.iter()).collect();
            sqlx::query(
                "INSERT INTO exercises (id, user_id, slug, name_en, name_he, aliases, kind, primary_muscles, secondary_muscles,
                                        equipment, measured_by, created_at, updated_at)
                 VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
                 ON CONFLICT (slug) WHERE user_id IS NULL DO UPDATE SET
                    name_en = excluded.name_en, name_he = excluded.name_he, aliases = excluded.aliases,
                    kind = excluded.kind, primary_muscles = excluded.primary_muscles,
                    secondary_muscles = excluded.secondary_muscles, equipment = excluded.equipment,
                    measured_by = excluded.measured_by, updated_at = excluded.updated_at")
                .bind(Id::new()).bind(&e.slug).bind(&e.name_en).bind(&e.name_he).bind(json_list(&aliases))
                .bind(e.kind.as_str()).bind(json_list(&e.primary_muscles)).bind(json_list(&e.secondary_muscles))
                .bind(e.equipment.as_str()).bind(e.measured_by.as_str()).bind(at)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok::<(), sqlx::Error>(())
    })?;
    server_settings::put(db, CATALOG_VERSION_KEY, &version).await?;
    tracing::info!(version = %version, exercises = exercises.len(), "exercise catalog upserted");
    Ok(exercises.len())
}

/// The catalog plus the user's custom exercises, in name order.
pub async fn all_for_user(db: &Db, user_id: &Id) -> Result<Vec<ExerciseRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM exercises WHERE user_id IS NULL OR user_id = $1 ORDER BY name_en, id"
    );
    on_db!(db, pool => sqlx::query_as::<_, ExerciseRow>(&sql).bind(user_id).fetch_all(pool).await)
}

/// One exercise the user may log: by id or by slug (custom slugs win over the catalog's).
pub async fn find(
    db: &Db,
    user_id: &Id,
    id_or_slug: &str,
) -> Result<Option<ExerciseRow>, sqlx::Error> {
    let key = id_or_slug.trim();
    let id = Id::parse(key).map(|i| i.to_string()).unwrap_or_default();
    let sql = format!(
        "SELECT {COLUMNS} FROM exercises WHERE (user_id IS NULL OR user_id = $1) AND (id = $2 OR slug = $3)
         ORDER BY CASE WHEN user_id IS NULL THEN 1 ELSE 0 END LIMIT 1"
    );
    on_db!(db, pool => sqlx::query_as::<_, ExerciseRow>(&sql).bind(user_id).bind(id).bind(key).fetch_optional(pool).await)
}

/// Creates a custom exercise for the user (slug derived from the name, made unique).
pub async fn create_custom(
    db: &Db,
    user_id: &Id,
    exercise: &ValidCustomExercise,
) -> Result<ExerciseRow, sqlx::Error> {
    let base = slugify(&exercise.name_en);
    let taken: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT slug FROM exercises WHERE user_id = $1 AND (slug = $2 OR slug LIKE $3)")
        .bind(user_id).bind(&base).bind(format!("{base}-%")).fetch_all(pool).await)?;
    let slug = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|s| !taken.contains(s))
        .unwrap_or(base);
    let row = ExerciseRow {
        id: Id::new(),
        user_id: Some(user_id.clone()),
        slug,
        name_en: exercise.name_en.clone(),
        name_he: exercise.name_he.clone(),
        kind: exercise.kind,
        equipment: "other".into(),
        measured_by: exercise.measured_by,
    };
    let at = now();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO exercises (id, user_id, slug, name_en, name_he, aliases, kind, primary_muscles, secondary_muscles,
                                equipment, measured_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, '[]', $6, '[]', '[]', $7, $8, $9, $9)")
        .bind(&row.id).bind(user_id).bind(&row.slug).bind(&row.name_en).bind(&row.name_he).bind(row.kind.as_str())
        .bind(&row.equipment).bind(row.measured_by.as_str()).bind(at)
        .execute(pool).await.map(|_| ()))?;
    Ok(row)
}

/// `custom-` + lowercase ASCII letters/digits and dashes (Hebrew names get a short hash).
pub fn slugify(name: &str) -> String {
    let mut out = String::from("custom-");
    let mut dash = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && out.len() > "custom-".len() {
            out.push('-');
            dash = true;
        }
    }
    let trimmed = out.trim_end_matches('-').to_owned();
    if trimmed.len() > "custom-".len() {
        trimmed
    } else {
        // Non-Latin names: a stable FNV-1a hash of the name keeps slugs ASCII and distinct.
        let hash = name.trim().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        format!("custom-{:08x}", hash as u32)
    }
}

/// The ids of the exercises the user has logged a set of (their history breaks ties between
/// names that fit several exercises).
pub async fn logged_ids(db: &Db, user_id: &Id) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = on_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT exercise_id FROM exercise_sets WHERE user_id = $1")
        .bind(user_id).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("  Zercher Squat (Paused) "),
            "custom-zercher-squat-paused"
        );
        assert_eq!(slugify("סקוואט זרכר"), slugify("סקוואט זרכר"));
        assert!(slugify("סקוואט זרכר").starts_with("custom-"));
        assert_ne!(slugify("סקוואט זרכר"), slugify("סקוואט"));
    }
}
