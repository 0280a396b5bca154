//! What the sandbox exposes: the tables a trainer's query may read, the columns of each, how
//! each is scoped to the asking user, and the functions a query may call. The system prompt
//! describes the same schema to a model ([`describe`]).

/// A table a query may read, as the sandbox shows it.
pub struct Table {
    pub name: &'static str,
    /// The columns a query sees (never `user_id`, import keys or soft-deleted rows).
    pub columns: &'static [&'static str],
    /// The rows of the asking user (`$1`), as a `WHERE` condition on the base table.
    pub scope: &'static str,
    /// One line for the model: what a row is and the units.
    pub about: &'static str,
}

const OWN: &str = "user_id = $1";

pub const TABLES: &[Table] = &[
    Table {
        name: "workout_sessions",
        columns: &[
            "id",
            "name",
            "kind",
            "started_at",
            "ended_at",
            "duration_s",
            "points",
            "calories_est",
            "difficulty",
            "notes",
            "source",
            "created_at",
        ],
        scope: OWN,
        about: "one workout; started_at/ended_at UTC ISO-8601 text, duration_s seconds",
    },
    Table {
        name: "exercise_sets",
        columns: &[
            "id",
            "session_id",
            "exercise_id",
            "set_index",
            "set_type",
            "reps",
            "weight_kg",
            "distance_m",
            "duration_s",
            "rpe",
            "notes",
            "points",
            "performed_at",
            "created_at",
        ],
        scope: OWN,
        about: "one set of a workout (session_id); weight_kg kilograms, distance_m metres, \
                duration_s seconds, set_type normal|warmup|failure|dropset",
    },
    Table {
        name: "exercises",
        columns: &[
            "id",
            "slug",
            "name_en",
            "name_he",
            "aliases",
            "kind",
            "primary_muscles",
            "secondary_muscles",
            "equipment",
            "measured_by",
        ],
        scope: "user_id IS NULL OR user_id = $1",
        about: "the exercise catalog and the user's own exercises; kind strength|cardio|\
                flexibility|bodyweight",
    },
    Table {
        name: "personal_records",
        columns: &[
            "id",
            "exercise_id",
            "record_type",
            "value",
            "unit",
            "achieved_at",
            "set_id",
        ],
        scope: OWN,
        about: "best results; record_type weight|reps|e1rm|volume|duration|distance",
    },
    Table {
        name: "goals",
        columns: &[
            "id",
            "goal_type",
            "exercise_id",
            "target_value",
            "unit",
            "timeframe",
            "start_date",
            "end_date",
            "is_active",
            "completed_at",
            "created_at",
        ],
        scope: OWN,
        about: "the user's goals",
    },
    Table {
        name: "plan_items",
        columns: &[
            "id",
            "title",
            "description",
            "due_at",
            "all_day",
            "priority",
            "status",
            "ai_generated",
            "created_at",
        ],
        scope: "user_id = $1 AND deleted_at IS NULL",
        about: "training-plan items; status pending|done",
    },
];

/// Every table of Spotter's schema: a CTE may not take one of these names, readable or not.
pub const ALL_TABLES: &[&str] = &[
    "users",
    "sessions",
    "api_tokens",
    "server_settings",
    "conversations",
    "chat_messages",
    "message_feedback",
    "message_visualizations",
    "exercises",
    "workout_sessions",
    "exercise_sets",
    "personal_records",
    "goals",
    "achievements",
    "plan_items",
    "user_facts",
    "exercise_aliases",
    "pending_imports",
    "_sqlx_migrations",
];

/// Functions a query may call (lower case): aggregates, windows, arithmetic, text and dates
/// of both engines. Nothing that sleeps, reads files, builds huge values (`repeat`, `printf`,
/// `randomblob`, `zeroblob`, `lpad`), changes settings or reaches other databases.
pub const FUNCTIONS: &[&str] = &[
    // aggregates
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "total",
    "group_concat",
    "string_agg",
    // windows
    "row_number",
    "rank",
    "dense_rank",
    "ntile",
    "lag",
    "lead",
    "first_value",
    "last_value",
    "percent_rank",
    "cume_dist",
    // numbers
    "abs",
    "round",
    "floor",
    "ceil",
    "ceiling",
    "sign",
    "mod",
    "sqrt",
    "power",
    "pow",
    "exp",
    "ln",
    "log",
    "greatest",
    "least",
    // values and text
    "coalesce",
    "ifnull",
    "nullif",
    "iif",
    "lower",
    "upper",
    "length",
    "char_length",
    "trim",
    "ltrim",
    "rtrim",
    "substr",
    "substring",
    "replace",
    "instr",
    "position",
    // dates (SQLite and PostgreSQL)
    "date",
    "time",
    "datetime",
    "julianday",
    "strftime",
    "unixepoch",
    "date_trunc",
    "date_part",
    "to_char",
    "age",
    "now",
    "current_date",
    "current_timestamp",
    "to_timestamp",
];

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

pub fn is_column(name: &str) -> bool {
    TABLES.iter().any(|t| t.columns.contains(&name))
}

/// The schema as the system prompt gives it to a model.
pub fn describe() -> String {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!(
            "- {}({}): {}\n",
            t.name,
            t.columns.join(", "),
            t.about
        ));
    }
    out
}
