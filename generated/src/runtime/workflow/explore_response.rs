//! Typed answers to explore calls: object listings, table and file schemas, REST previews.

use serde_json::Value;

use super::body::Fields;
use super::column::Column;
use crate::runtime::error::{BodyError, BodyKind, BodyProblem, DecodeError};
use crate::runtime::params::ParamValue;
use crate::runtime::read::DecodeMode;
use crate::runtime::response::ApiError;

/// An explore call's answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// The service answered with an error status (boxed: error answers are rare, and a `Result`
    /// with it stays small).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// A 2xx answer whose body is not the documented shape.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

impl From<ApiError> for ResponseError {
    fn from(error: ApiError) -> Self {
        Self::Api(Box::new(error))
    }
}

/// An explore answer type: read from the JSON of a 2xx answer, leniently (members it does not
/// name are dropped).
pub trait ExploreResponse: Sized {
    /// Reads the answer's JSON.
    fn from_json(value: Value) -> Result<Self, BodyError>;
}

pub(crate) fn parse<R: ExploreResponse, B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<R, ResponseError> {
    let body = response.body().as_ref();
    let status = response.status();
    if !status.is_success() {
        return Err(ApiError::from_body(status.as_u16(), body).into());
    }
    let value: Value = serde_json::from_slice(body).map_err(|error| DecodeError::Json {
        line: error.line(),
        column: error.column(),
    })?;
    R::from_json(value).map_err(|error| DecodeError::from(error).into())
}

fn root_error(expected: &str, found: &Value) -> BodyError {
    BodyError {
        body: BodyKind::ExploreResponse,
        field: "(root)".into(),
        problem: BodyProblem::Expected {
            expected: expected.into(),
            found: super::body::describe(found),
        },
    }
}

/// One object of a root or folder listing: `{type, name, path, canPreview, canFetchSchema}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExploreItem {
    /// `type`: `table`, `file` or `folder`.
    pub kind: String,
    /// `name`.
    pub name: String,
    /// `path`: what [`Explore::table`](crate::Explore::table), `folder` and `file` take, and what
    /// a source connection's path or table name repeats. Some listings leave it out: then `name`.
    pub path: String,
    /// `canPreview` (false when absent).
    pub can_preview: bool,
    /// `canFetchSchema` (false when absent).
    pub can_fetch_schema: bool,
}

impl ExploreItem {
    fn read(value: Value, index: usize) -> Result<Self, BodyError> {
        let mut item = Fields::at(
            value,
            BodyKind::ExploreResponse,
            format!("[{index}]"),
            DecodeMode::Lenient,
        )?;
        let kind = item.required_string("type")?;
        let name = item.required_string("name")?;
        let path = item.string("path")?.unwrap_or_else(|| name.clone());
        let mut flag = |key: &str| match item.optional(key) {
            None => Ok(false),
            Some(Value::Bool(flag)) => Ok(flag),
            Some(other) => Err(item.expected(key, "a boolean", &other)),
        };
        let can_preview = flag("canPreview")?;
        let can_fetch_schema = flag("canFetchSchema")?;
        Ok(Self {
            kind,
            name,
            path,
            can_preview,
            can_fetch_schema,
        })
    }
}

/// A listing: the documented bare array, or `{"items": [...]}` (Snowflake streaming).
impl ExploreResponse for Vec<ExploreItem> {
    fn from_json(value: Value) -> Result<Self, BodyError> {
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut object) if matches!(object.get("items"), Some(Value::Array(_))) => {
                match object.remove("items") {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                }
            }
            other => return Err(root_error("an array of objects", &other)),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(index, item)| ExploreItem::read(item, index))
            .collect()
    }
}

/// The schema of a table or file: `{format, schema: {columns: [...]}, data?: [...]}`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SchemaPreview {
    /// `format` (`flat`, `delimited`, ...), if given.
    pub format: Option<String>,
    /// `schema.columns`: what a table source connection sends as `params.columns`.
    pub columns: Vec<Column>,
    /// `data`: sample rows, when previewed.
    pub data: Vec<Value>,
}

impl SchemaPreview {
    /// The columns, as a table source connection sends them.
    pub fn into_columns(self) -> Vec<Column> {
        self.columns
    }

    fn read_columns(value: Value, field: &str) -> Result<Vec<Column>, BodyError> {
        Vec::<Column>::from_json(value, "explore response", "columns", DecodeMode::Lenient).map_err(|error| {
            let expected = match error {
                DecodeError::InvalidParam { expected, .. } => expected,
                other => other.to_string(),
            };
            BodyError {
                body: BodyKind::ExploreResponse,
                field: field.into(),
                problem: BodyProblem::Expected {
                    expected,
                    found: "another value".into(),
                },
            }
        })
    }
}

/// Also reads a bare array of columns, the shape a file preview example shows.
impl ExploreResponse for SchemaPreview {
    fn from_json(value: Value) -> Result<Self, BodyError> {
        if let Value::Array(_) = value {
            return Ok(Self {
                format: None,
                columns: Self::read_columns(value, "(root)")?,
                data: Vec::new(),
            });
        }
        let mut body = Fields::root(value, BodyKind::ExploreResponse, DecodeMode::Lenient)?;
        let format = body.string("format")?;
        let mut schema = body.required_object("schema")?;
        let columns = Self::read_columns(schema.required("columns")?, "schema.columns")?;
        let data = match body.optional("data") {
            None => Vec::new(),
            Some(Value::Array(rows)) => rows,
            Some(other) => return Err(body.expected("data", "an array", &other)),
        };
        Ok(Self { format, columns, data })
    }
}

/// A REST source's preview: `{format, schema, data}`, kept as JSON (the schema is a JSON Schema of
/// one record, the data the source's own records).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RestPreview {
    /// `format` (`hierarchical`), if given.
    pub format: Option<String>,
    /// `schema`, if given.
    pub schema: Option<Value>,
    /// `data`.
    pub data: Vec<Value>,
}

impl ExploreResponse for RestPreview {
    fn from_json(value: Value) -> Result<Self, BodyError> {
        let mut body = Fields::root(value, BodyKind::ExploreResponse, DecodeMode::Lenient)?;
        let format = body.string("format")?;
        let schema = body.optional("schema");
        let data = match body.optional("data") {
            None => Vec::new(),
            Some(Value::Array(rows)) => rows,
            Some(other) => return Err(body.expected("data", "an array", &other)),
        };
        Ok(Self { format, schema, data })
    }
}
