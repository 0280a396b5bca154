//! Enums stored and sent as text (`"metric"`, `"by_date"`, `"import:strong"`): one macro gives
//! each the same `as_str`/`FromStr`/`TryFrom<String>`/serde spelling, which the database CHECK
//! constraints mirror. Rows read them with sqlx's `#[sqlx(try_from = "String")]`, so a value
//! the enum does not know is a decode error, never a silent default, and `domain` stays free
//! of sqlx.

/// A string that is not one of an enum's allowed values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown value `{0}`")]
pub struct UnknownValue(pub String);

/// Declares a text enum. The first variant is the `Default` (what a new row gets).
macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { #[default] $(#[serde(rename = $text)] $variant),+ }

        // The OpenAPI schema lists the text spellings. (utoipa's derive cannot read a
        // `serde(rename)` whose value comes through this macro, and would list `Metric` for
        // `metric`.)
        #[cfg(feature = "ssr")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        #[cfg(feature = "ssr")]
        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::text_enum::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::text_enum::UnknownValue(s.to_owned())),
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::domain::text_enum::UnknownValue;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use text_enum;

#[cfg(test)]
mod tests {
    text_enum!(
        /// A test enum with a spelling serde's snake_case would not produce.
        Source { Form => "form", ImportStrong => "import:strong" }
    );

    #[test]
    fn text_serde_and_parsing_agree() {
        assert_eq!(Source::ImportStrong.as_str(), "import:strong");
        assert_eq!(
            serde_json::to_string(&Source::ImportStrong).unwrap(),
            "\"import:strong\""
        );
        assert_eq!(
            serde_json::from_str::<Source>("\"form\"").unwrap(),
            Source::Form
        );
        assert_eq!(
            Source::try_from("import:strong".to_owned()),
            Ok(Source::ImportStrong)
        );
        assert!(Source::try_from("import_strong".to_owned()).is_err());
        assert_eq!(Source::default(), Source::Form);
        assert_eq!(Source::ALL, &[Source::Form, Source::ImportStrong]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_openapi_schema_lists_the_text_spellings() {
        use utoipa::PartialSchema as _;
        let schema = serde_json::to_value(Source::schema()).unwrap();
        assert_eq!(schema["enum"], serde_json::json!(["form", "import:strong"]));
        assert_eq!(schema["type"], "string");
    }
}
