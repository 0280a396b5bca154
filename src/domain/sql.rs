//! The SQL dialect of the database a trainer's query runs on (SQLite or PostgreSQL), and the
//! few expressions a query written here needs that the two spell differently.

/// Which engine's SQL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    #[default]
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Sqlite => "SQLite",
            Dialect::Postgres => "PostgreSQL",
        }
    }

    /// The UTC day of a timestamp column, as `YYYY-MM-DD` text.
    pub fn day(self, column: &str) -> String {
        match self {
            Dialect::Sqlite => format!("date({column})"),
            Dialect::Postgres => format!("to_char({column}, 'YYYY-MM-DD')"),
        }
    }

    /// The week of a timestamp column, named by its Monday as `YYYY-MM-DD` text: the same
    /// label on both engines, and a week across New Year stays one week (SQLite's `%W`
    /// numbering splits it into W52 and W00).
    pub fn week(self, column: &str) -> String {
        match self {
            Dialect::Sqlite => format!("date({column}, 'weekday 0', '-6 days')"),
            Dialect::Postgres => format!("to_char(date_trunc('week', {column}), 'YYYY-MM-DD')"),
        }
    }
}
