//! The `data` member of a source connection, one type per source family
//! ([`SourceFamily::Data`](crate::SourceFamily::Data)): what each family may send is decided by
//! the type.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::body::Fields;
use super::source::{FileSource, RestSource, SourceFamily as _, StreamSource, TableSource};
use crate::runtime::error::{BodyError, BodyProblem};
use crate::runtime::read::DecodeMode;

/// The `data` of one source family: written as JSON, read back naming what is wrong.
pub trait SourceData: Clone + std::fmt::Debug + Sized + 'static {
    /// The `data` member, or `None` to leave it out.
    fn to_value(&self) -> Option<Value>;

    /// Reads the `data` member (`None` when absent) of a source connection body in `mode`.
    #[doc(hidden)]
    fn from_data(data: Option<Value>, mode: DecodeMode) -> Result<Self, BodyError>;
}

/// An XDM schema reference (`data.schema`): `{id, version}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SchemaRef {
    /// The schema's `$id` (`https://ns.adobe.com/{TENANT_ID}/schemas/...`).
    pub id: String,
    /// The schema version or content type, such as [`SchemaRef::XED_FULL`].
    pub version: String,
}

impl SchemaRef {
    /// The version the tutorials send: `application/vnd.adobe.xed-full+json;version=1`.
    pub const XED_FULL: &'static str = "application/vnd.adobe.xed-full+json;version=1";

    /// The schema `id` at version [`SchemaRef::XED_FULL`].
    pub fn new(id: impl Into<String>) -> Self {
        Self::with_version(id, Self::XED_FULL)
    }

    /// The schema `id` at `version`.
    pub fn with_version(id: impl Into<String>, version: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            version: version.into(),
        }
    }

    /// Reads `{id, version}` from the member `key` of `parent`.
    pub(crate) fn read(parent: &mut Fields, key: &str) -> Result<Option<Self>, BodyError> {
        let Some(mut schema) = parent.object(key)? else {
            return Ok(None);
        };
        let id = schema.required_string("id")?;
        let version = schema.required_string("version")?;
        schema.finish()?;
        Ok(Some(Self { id, version }))
    }
}

/// Reads `data.format`, which must be one of `allowed`; returns its index.
fn read_format(data: &mut Fields, allowed: &[&str]) -> Result<usize, BodyError> {
    let format = data.required("format")?;
    let expected = || {
        let names: Vec<String> = allowed.iter().map(|name| format!("{name:?}")).collect();
        format!("one of {}", names.join(", "))
    };
    match &format {
        Value::String(text) => allowed.iter().position(|name| name == text),
        _ => None,
    }
    .ok_or_else(|| data.expected("format", expected(), &format))
}

/// `data` of a table source: `{"format": "tabular"}`, with an optional `schema`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableData {
    /// An optional XDM schema (`data.schema`).
    pub schema: Option<SchemaRef>,
}

/// `data` of a REST source: `{"format": "json"}`, with an optional `schema` (custom schemas).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RestData {
    /// An optional XDM schema (`data.schema`).
    pub schema: Option<SchemaRef>,
}

macro_rules! format_with_schema {
    ($($ty:ident: $format:literal),+) => {$(
        impl $ty {
            /// Sets `data.schema`.
            pub fn schema(mut self, schema: SchemaRef) -> Self {
                self.schema = Some(schema);
                self
            }
        }

        impl SourceData for $ty {
            fn to_value(&self) -> Option<Value> {
                let mut data = json!({"format": $format});
                if let Some(schema) = &self.schema {
                    data["schema"] = json!(schema);
                }
                Some(data)
            }

            fn from_data(data: Option<Value>, mode: DecodeMode) -> Result<Self, BodyError> {
                let mut data = Fields::data(data, mode)?;
                read_format(&mut data, &[$format])?;
                let schema = SchemaRef::read(&mut data, "schema")?;
                data.finish()?;
                Ok(Self { schema })
            }
        }
    )+};
}

format_with_schema!(TableData: "tabular", RestData: "json");

/// `data` of a streaming source: `{"format": "json"}` or no `data` at all (some streaming
/// tutorials leave it out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamData {
    /// `{"format": "json"}`.
    #[default]
    Json,
    /// No `data` member.
    Omitted,
}

impl SourceData for StreamData {
    fn to_value(&self) -> Option<Value> {
        match self {
            StreamData::Json => Some(json!({"format": "json"})),
            StreamData::Omitted => None,
        }
    }

    fn from_data(data: Option<Value>, mode: DecodeMode) -> Result<Self, BodyError> {
        if data.is_none() {
            return Ok(StreamData::Omitted);
        }
        let mut data = Fields::data(data, mode)?;
        read_format(&mut data, &["json"])?;
        data.finish()?;
        Ok(StreamData::Json)
    }
}

macro_rules! wire_enum {
    ($(#[doc = $doc:literal])+ $name:ident { $($(#[doc = $vdoc:literal])+ $variant:ident = $wire:literal,)+ }) => {
        $(#[doc = $doc])+
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[doc = $vdoc])+ #[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            /// Every value, as sent.
            pub const VALUES: &'static [&'static str] = &[$($wire),+];
            const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value sent, such as `"delimited"`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            fn read(parent: &mut Fields, key: &str) -> Result<Option<Self>, BodyError> {
                let Some(value) = parent.optional(key) else { return Ok(None) };
                match &value {
                    Value::String(text) => Self::VALUES.iter().position(|wire| wire == text),
                    _ => None,
                }
                .map(|index| Some(Self::ALL[index]))
                .ok_or_else(|| {
                    let names: Vec<String> = Self::VALUES.iter().map(|v| format!("{v:?}")).collect();
                    parent.expected(key, format!("one of {}", names.join(", ")), &value)
                })
            }
        }
    };
}

wire_enum! {
    /// The format of a file source's files (`data.format`, and `fileType` when exploring).
    FileFormat {
        /// Delimiter-separated values (CSV, TSV).
        Delimited = "delimited",
        /// JSON (XDM-compliant).
        Json = "json",
        /// Parquet (XDM-compliant).
        Parquet = "parquet",
    }
}

wire_enum! {
    /// How files are compressed (`data.properties.compressionType`, and `compressionType` when
    /// exploring); for delimited and JSON files.
    CompressionType {
        /// bzip2.
        Bzip2 = "bzip2",
        /// gzip.
        Gzip = "gzip",
        /// deflate.
        Deflate = "deflate",
        /// zip (deflate).
        ZipDeflate = "zipDeflate",
        /// A gzipped tar archive.
        TarGzip = "tarGzip",
        /// A tar archive.
        Tar = "tar",
    }
}

wire_enum! {
    /// The text encoding of delimited files (`data.properties.encoding`, and `encoding` when
    /// exploring); other files are UTF-8.
    Encoding {
        /// UTF-8.
        Utf8 = "UTF-8",
        /// ISO-8859-1 (Latin-1).
        Iso8859_1 = "ISO-8859-1",
    }
}

/// How files are read: `data.properties` of a file source connection, and the matching query
/// params of a file preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileProperties {
    /// A single-character column delimiter for delimited files (`,` when absent).
    pub column_delimiter: Option<String>,
    /// The encoding of delimited files.
    pub encoding: Option<Encoding>,
    /// The compression of delimited or JSON files.
    pub compression_type: Option<CompressionType>,
}

impl FileProperties {
    /// Sets `columnDelimiter`.
    pub fn column_delimiter(mut self, delimiter: impl Into<String>) -> Self {
        self.column_delimiter = Some(delimiter.into());
        self
    }

    /// Sets `encoding`.
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// Sets `compressionType`.
    pub fn compression_type(mut self, compression: CompressionType) -> Self {
        self.compression_type = Some(compression);
        self
    }

    /// The properties set, as `(wire name, value)` pairs in the order the docs write them.
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(delimiter) = &self.column_delimiter {
            pairs.push(("columnDelimiter", delimiter.clone()));
        }
        if let Some(encoding) = self.encoding {
            pairs.push(("encoding", encoding.as_str().to_owned()));
        }
        if let Some(compression) = self.compression_type {
            pairs.push(("compressionType", compression.as_str().to_owned()));
        }
        pairs
    }
}

/// `data` of a file source: the file format and how files are read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileData {
    /// `data.format`.
    pub format: FileFormat,
    /// `data.properties`, left out when none is set.
    pub properties: FileProperties,
}

impl FileData {
    /// Files of `format`, read with the defaults.
    pub fn new(format: FileFormat) -> Self {
        Self {
            format,
            properties: FileProperties::default(),
        }
    }

    /// Sets `data.properties`.
    pub fn properties(mut self, properties: FileProperties) -> Self {
        self.properties = properties;
        self
    }
}

impl SourceData for FileData {
    fn to_value(&self) -> Option<Value> {
        let mut data = json!({"format": self.format.as_str()});
        let pairs = self.properties.pairs();
        if !pairs.is_empty() {
            data["properties"] = pairs
                .into_iter()
                .map(|(key, value)| (key.to_owned(), Value::String(value)))
                .collect();
        }
        Some(data)
    }

    fn from_data(data: Option<Value>, mode: DecodeMode) -> Result<Self, BodyError> {
        let mut data = Fields::data(data, mode)?;
        let format =
            FileFormat::read(&mut data, "format")?.ok_or_else(|| data.error("format", BodyProblem::Missing))?;
        let mut properties = FileProperties::default();
        if let Some(mut read) = data.object("properties")? {
            properties.column_delimiter = read.string("columnDelimiter")?;
            properties.encoding = Encoding::read(&mut read, "encoding")?;
            properties.compression_type = CompressionType::read(&mut read, "compressionType")?;
            read.finish()?;
        }
        if let Some(delimiter) = &properties.column_delimiter
            && delimiter.chars().count() != 1
        {
            return Err(data.error(
                "properties.columnDelimiter",
                BodyProblem::Expected {
                    expected: "a single character".into(),
                    found: super::body::describe(&Value::String(delimiter.clone())),
                },
            ));
        }
        data.finish()?;
        Ok(Self { format, properties })
    }
}

/// Reads `data` as the family named `family` ([`SourceFamily::NAME`](crate::SourceFamily::NAME))
/// does: what a catalog check uses where the typed read-back has the family's type.
pub(crate) fn check_family_data(family: &str, data: Option<Value>, mode: DecodeMode) -> Result<(), BodyError> {
    match family {
        TableSource::NAME => TableData::from_data(data, mode).map(drop),
        FileSource::NAME => FileData::from_data(data, mode).map(drop),
        RestSource::NAME => RestData::from_data(data, mode).map(drop),
        StreamSource::NAME => StreamData::from_data(data, mode).map(drop),
        other => Err(BodyError {
            body: crate::runtime::error::BodyKind::SourceConnection,
            field: "data".into(),
            problem: BodyProblem::NotAllowed(format!("the catalog names the unknown source family `{other}`")),
        }),
    }
}
