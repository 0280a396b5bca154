//! The `users` aggregate: accounts, profiles and preferences.

use super::{Db, Id, is_unique_violation, now, on_db};
use crate::domain::account::{Language, Preferences, Units};
use crate::domain::viewer::Profile;
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use std::fmt;

#[derive(Clone, sqlx::FromRow)]
pub struct User {
    pub id: Id,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    #[sqlx(try_from = "String")]
    pub language: Language,
    #[sqlx(try_from = "String")]
    pub units: Units,
    pub timezone: String,
    pub preferences: Json<Preferences>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl fmt::Debug for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

impl User {
    /// The user's time zone (validated on every write; UTC only as a defensive fallback).
    pub fn zone(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }
    pub fn profile(&self) -> Profile {
        Profile {
            id: self.id.to_string(),
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            language: self.language,
            units: self.units,
            timezone: self.timezone.clone(),
            preferences: self.preferences.0.clone(),
        }
    }
}

pub struct NewUser<'a> {
    /// Already normalized (see `domain::account::normalize_email`).
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub language: Language,
    pub timezone: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

const COLUMNS: &str = "id, email, display_name, password_hash, language, units, timezone, preferences, created_at, updated_at";

pub async fn create(db: &Db, new: NewUser<'_>) -> Result<User, CreateUserError> {
    let at = now();
    let sql = format!(
        "INSERT INTO users ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, 'metric', $6, $7, $8, $8) RETURNING {COLUMNS}"
    );
    let result = on_db!(db, pool => sqlx::query_as::<_, User>(&sql)
        .bind(Id::new())
        .bind(new.email)
        .bind(new.display_name)
        .bind(new.password_hash)
        .bind(new.language.as_str())
        .bind(new.timezone)
        .bind(Json(Preferences::default()))
        .bind(at)
        .fetch_one(pool)
        .await);
    result.map_err(|e| {
        if is_unique_violation(&e) {
            CreateUserError::EmailTaken
        } else {
            CreateUserError::Db(e)
        }
    })
}

pub async fn find_by_email(db: &Db, normalized_email: &str) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    on_db!(db, pool => sqlx::query_as::<_, User>(&sql).bind(normalized_email).fetch_optional(pool).await)
}

pub async fn find_by_id(db: &Db, id: &Id) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    on_db!(db, pool => sqlx::query_as::<_, User>(&sql).bind(id).fetch_optional(pool).await)
}

/// A validated change to the profile; `None` fields stay as they are.
#[derive(Debug, Default)]
pub struct ProfileChange {
    pub display_name: Option<String>,
    pub language: Option<Language>,
    pub units: Option<Units>,
    pub timezone: Option<String>,
    pub preferences: Option<Preferences>,
}

pub async fn update_profile(
    db: &Db,
    id: &Id,
    change: ProfileChange,
) -> Result<Option<User>, sqlx::Error> {
    let sql = format!(
        "UPDATE users SET
            display_name = COALESCE($2, display_name),
            language = COALESCE($3, language),
            units = COALESCE($4, units),
            timezone = COALESCE($5, timezone),
            preferences = COALESCE($6, preferences),
            updated_at = $7
         WHERE id = $1 RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, User>(&sql)
        .bind(id)
        .bind(change.display_name)
        .bind(change.language.map(Language::as_str))
        .bind(change.units.map(Units::as_str))
        .bind(change.timezone)
        .bind(change.preferences.map(Json))
        .bind(now())
        .fetch_optional(pool)
        .await)
}

/// Every account (for maintenance commands such as `spotter recompute`).
pub async fn all(db: &Db) -> Result<Vec<User>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users ORDER BY created_at");
    on_db!(db, pool => sqlx::query_as::<_, User>(&sql).fetch_all(pool).await)
}

/// Hard delete: foreign keys cascade to everything the user owns.
pub async fn delete(db: &Db, id: &Id) -> Result<bool, sqlx::Error> {
    let done = on_db!(db, pool => sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}
