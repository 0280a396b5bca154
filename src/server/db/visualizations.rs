//! The `message_visualizations` table: the charts the coach drew, each on the message that
//! asked for it, with the spec, the ECharts option and the SQL behind it. Every query filters
//! on `user_id`.

use chrono::{DateTime, Utc};

use super::{Db, Id, now, on_db};
use crate::domain::chart::{ChartSpec, ChartType};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Visualization {
    pub id: Id,
    pub message_id: Id,
    #[sqlx(try_from = "String")]
    pub chart_type: ChartType,
    /// The spec as JSON (`domain::chart::ChartSpec`).
    pub chart_spec: String,
    /// The ECharts option as JSON.
    pub chart_config: String,
    pub data_query: String,
    pub title: Option<String>,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str =
    "id, message_id, chart_type, chart_spec, chart_config, data_query, title, created_at";

pub async fn insert(
    db: &Db,
    user_id: &Id,
    message_id: &Id,
    spec: &ChartSpec,
    option: &serde_json::Value,
) -> Result<Visualization, sqlx::Error> {
    let sql = format!(
        "INSERT INTO message_visualizations
             (id, message_id, user_id, chart_type, chart_spec, chart_config, data_query, title, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
    );
    let spec_json = serde_json::to_string(spec).unwrap_or_default();
    on_db!(db, pool => sqlx::query_as::<_, Visualization>(&sql)
        .bind(Id::new()).bind(message_id).bind(user_id).bind(spec.chart_type.as_str()).bind(spec_json)
        .bind(option.to_string()).bind(&spec.sql).bind(spec.title.trim()).bind(now())
        .fetch_one(pool).await)
}

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<Visualization>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM message_visualizations WHERE id = $1 AND user_id = $2");
    on_db!(db, pool => sqlx::query_as::<_, Visualization>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)
}

/// The charts of these messages (a page of a conversation), oldest first.
pub async fn of_messages(
    db: &Db,
    user_id: &Id,
    message_ids: &[Id],
) -> Result<Vec<Visualization>, sqlx::Error> {
    if message_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..message_ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM message_visualizations WHERE user_id = $1 AND message_id IN ({})
         ORDER BY created_at, id",
        placeholders.join(", ")
    );
    on_db!(db, pool => {
        let mut query = sqlx::query_as::<_, Visualization>(&sql).bind(user_id);
        for id in message_ids {
            query = query.bind(id);
        }
        query.fetch_all(pool).await
    })
}

pub async fn set_option(
    db: &Db,
    user_id: &Id,
    id: &Id,
    option: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("UPDATE message_visualizations SET chart_config = $3 WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).bind(option.to_string()).execute(pool).await.map(|_| ()))
}
