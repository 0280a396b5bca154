//! The `message_visualizations` table: the charts the coach drew, each on the message that
//! asked for it, with the spec, the ECharts option and the SQL behind it. Every query filters
//! on `user_id`.

use chrono::{DateTime, Utc};

use super::{Db, Id, now, on_db};
use crate::domain::chart::{ChartSpec, ChartType};

#[derive(Clone, Debug, sqlx::FromRow, serde::Deserialize)]
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

/// A chart as the API and the `chart` SSE event send it.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct VisualizationView {
    #[schema(value_type = String)]
    pub id: Id,
    /// The coach's reply step that drew it.
    #[schema(value_type = String)]
    pub message_id: Id,
    pub chart_type: ChartType,
    pub title: Option<String>,
    /// The declarative spec it was drawn from.
    #[schema(value_type = Object)]
    pub spec: serde_json::Value,
    /// The ECharts option (data only).
    #[schema(value_type = Object)]
    pub option: serde_json::Value,
    /// The SQL behind it, run through the sandbox.
    pub sql: String,
    pub created_at: DateTime<Utc>,
}

impl Visualization {
    pub fn view(&self) -> VisualizationView {
        let json = |text: &str| serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
        VisualizationView {
            id: self.id.clone(),
            message_id: self.message_id.clone(),
            chart_type: self.chart_type,
            title: self.title.clone(),
            spec: json(&self.chart_spec),
            option: json(&self.chart_config),
            sql: self.data_query.clone(),
            created_at: self.created_at,
        }
    }
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
    let sql =
        format!("SELECT {COLUMNS} FROM message_visualizations WHERE id = $1 AND user_id = $2");
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
    let placeholders: Vec<String> = (0..message_ids.len())
        .map(|i| format!("${}", i + 2))
        .collect();
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

/// Every chart of the user, oldest first (the account export).
pub async fn all_for_user(db: &Db, user_id: &Id) -> Result<Vec<Visualization>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM message_visualizations WHERE user_id = $1 ORDER BY created_at, id"
    );
    on_db!(db, pool => sqlx::query_as::<_, Visualization>(&sql).bind(user_id).fetch_all(pool).await)
}
