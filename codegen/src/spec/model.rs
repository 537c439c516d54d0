//! The connection-spec model: what a spec file says, before any validation, with the JSON path of
//! every value so later stages can point at it.

use std::path::PathBuf;

use crate::json_path::JsonPath;

/// A value together with where it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where in the file it is.
    pub path: JsonPath,
}

/// A JSON scalar from a spec (`default`, `enum`), free of any JSON library's types.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Literal {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number without fraction or exponent that fits in an `i64`.
    Integer(i64),
    /// Any other number.
    Float(f64),
    /// A string.
    String(String),
    /// An array or object; kept as its JSON text for messages.
    Compound(String),
}

impl std::fmt::Display for Literal {
    /// The literal as JSON text (`"public"`, `9042`, `true`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Literal::Null => f.write_str("null"),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Integer(i) => write!(f, "{i}"),
            Literal::Float(x) => write!(f, "{x}"),
            Literal::String(s) => write!(f, "{s:?}"),
            Literal::Compound(text) => f.write_str(text),
        }
    }
}

/// One spec file as read from disk.
#[derive(Clone, Debug)]
pub struct SpecFile {
    /// The file's path, as given.
    pub path: PathBuf,
    /// The connection specs it holds (one object, an array, or an `{"items": [...]}` envelope).
    pub specs: Vec<ConnectionSpec>,
    /// The flow specs it holds (a file under a spec directory's `flows/`, in the same layouts).
    pub flow_specs: Vec<FlowSpec>,
}

/// What a file holds, which decides how it is read: connection specs, or flow specs (the files
/// under a spec directory's `flows/`, and those given as flow spec files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentKind {
    /// Items of `GET /connectionSpecs`.
    ConnectionSpecs,
    /// Items of `GET /flowSpecs`.
    FlowSpecs,
}

/// One connection spec: an item of `GET /connectionSpecs`.
#[derive(Clone, Debug)]
pub struct ConnectionSpec {
    /// Where the spec object sits in its file.
    pub path: JsonPath,
    /// `id`: the connection spec id (a UUID).
    pub id: Located<String>,
    /// `name`: the machine name, such as `dynamics-online`.
    pub name: Located<String>,
    /// `version`, such as `1.0`.
    pub version: Located<String>,
    /// `providerId`, if any.
    pub provider_id: Option<String>,
    /// `attributes.uiAttributes.label`: the display name, if the spec has one as a string.
    pub display_name: Option<String>,
    /// `description`, if any.
    pub description: Option<String>,
    /// `authSpec[]`, in file order: the entries that could be read.
    pub auth_specs: Vec<AuthSpec>,
    /// How many entries `authSpec[]` has in the file, readable or not.
    pub declared_auth_specs: usize,
    /// `sourceSpec`, if the spec has one (an object).
    pub source: Option<SourceSpec>,
    /// `exploreSpec`, if the spec has one (an object).
    pub explore: Option<ExploreSpec>,
    /// False when `id`, `name` or `version` was missing or ill-typed (already reported; the
    /// field then holds an empty string). Such a spec is still checked, to report every error of
    /// the file at once, but generates nothing.
    pub complete: bool,
}

/// One entry of `authSpec[]`: a named way to authenticate.
#[derive(Clone, Debug)]
pub struct AuthSpec {
    /// Where the entry sits in its file.
    pub path: JsonPath,
    /// `name`: the exact string requests send as `auth.specName`.
    pub name: Located<String>,
    /// `type`: free text such as `OAuth2`, not sent in requests.
    pub auth_type: Option<String>,
    /// `spec`: the JSON Schema of the credential params.
    pub schema: Schema,
}

/// A connection spec's `sourceSpec`: what its source connections take. Of its members only `spec`
/// changes generated code (`name`, `type` and `attributes` describe the UI and REST plumbing).
#[derive(Clone, Debug)]
pub struct SourceSpec {
    /// Where `sourceSpec` sits in its file.
    pub path: JsonPath,
    /// `spec`: the JSON Schema of a source connection's `params`, if given (webhooks have none).
    pub schema: Option<Schema>,
}

/// A connection spec's `exploreSpec`: how the source is explored.
#[derive(Clone, Debug)]
pub struct ExploreSpec {
    /// Where `exploreSpec` sits in its file.
    pub path: JsonPath,
    /// `type`: `Tabular`, `FileSystem`, `Resource` or `StreamingConnection` (checked by `ir`).
    pub ty: Option<Located<String>>,
}

/// A JSON Schema (draft-07) object, limited to the keywords the generator understands.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Where the schema sits in its file.
    pub path: JsonPath,
    /// `type`.
    pub ty: Option<Located<String>>,
    /// `description`.
    pub description: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `format`, such as `password`, `date` or `uri`.
    pub format: Option<Located<String>>,
    /// `pattern`: a regular expression values must match.
    pub pattern: Option<Located<String>>,
    /// `enum`: the allowed values.
    pub enum_values: Option<Located<Vec<Located<Literal>>>>,
    /// `default`.
    pub default: Option<Located<Literal>>,
    /// `properties`, in file order.
    pub properties: Vec<Property>,
    /// `required`.
    pub required: Vec<Located<String>>,
    /// `items`, for arrays.
    pub items: Option<Box<Schema>>,
    /// Keywords present that the generator does not support (`oneOf`, `$ref`, ...).
    pub unsupported: Vec<Located<String>>,
    /// Names of properties whose schema could not be read (already reported), and whether
    /// `properties` itself could not be read: `required` entries naming them are not reported
    /// again as unknown.
    pub unreadable: Unreadable,
}

/// The parts of a schema's `properties` the parser could not read.
#[derive(Clone, Debug, Default)]
pub struct Unreadable {
    /// `properties` was not an object.
    pub all: bool,
    /// Members of `properties` that were not schema objects.
    pub names: Vec<String>,
}

impl Unreadable {
    /// Whether the property `name` may exist but could not be read.
    pub fn covers(&self, name: &str) -> bool {
        self.all || self.names.iter().any(|n| n == name)
    }
}

/// One member of `properties`.
#[derive(Clone, Debug)]
pub struct Property {
    /// The key: the wire name of the param.
    pub name: Located<String>,
    /// Its schema.
    pub schema: Schema,
}

/// One flow spec: an item of `GET /flowSpecs`.
#[derive(Clone, Debug)]
pub struct FlowSpec {
    /// Where the flow spec object sits in its file.
    pub path: JsonPath,
    /// `id`, sent as `flowSpec.id`.
    pub id: Located<String>,
    /// `name`, such as `CRMToAEP`.
    pub name: Located<String>,
    /// `version`, sent as `flowSpec.version`.
    pub version: Located<String>,
    /// `description`, if any.
    pub description: Option<String>,
    /// `sourceConnectionSpecIds`: the connection specs whose source connections it takes.
    pub source_ids: Vec<Located<String>>,
    /// `targetConnectionSpecIds`.
    pub target_ids: Vec<Located<String>>,
    /// `transformationSpecs` (or `transformationSpec`, as the documentation spells it), in order.
    pub transformations: Vec<TransformationSpec>,
    /// `scheduleSpec.spec`, if the flow spec has a schedule.
    pub schedule: Option<ScheduleSpec>,
    /// False when `id`, `name` or `version` was missing or ill-typed (already reported).
    pub complete: bool,
}

/// One entry of a flow spec's `transformationSpecs`.
#[derive(Clone, Debug)]
pub struct TransformationSpec {
    /// `name`: `Copy`, `Mapping`, or one flow-codegen does not know.
    pub name: Located<String>,
    /// The `type` of `spec.properties.mappingVersion`, if given.
    pub mapping_version_type: Option<Located<String>>,
}

/// What a flow spec's `scheduleSpec.spec` says about `scheduleParams`.
#[derive(Clone, Debug)]
pub struct ScheduleSpec {
    /// Where `scheduleSpec.spec` sits in its file.
    pub path: JsonPath,
    /// `properties.frequency.enum`, if given.
    pub frequencies: Option<Located<Vec<Located<String>>>>,
    /// `properties.startTime.type`, if given.
    pub start_time_type: Option<Located<String>>,
    /// Each `minimum` of `interval` with the frequencies it holds for, from the top-level
    /// `properties` and the `if`/`then`/`else` and `allOf` branches, in file order.
    pub interval_minimums: Vec<(Condition, Located<Literal>)>,
    /// The frequencies for which `required` lists `interval`, in file order.
    pub interval_required: Vec<Condition>,
    /// Whether `properties.backfill` exists.
    pub backfill: bool,
}

/// The frequencies a branch of a schedule schema holds for: those of `only` (every one when
/// `None`) but those of `except`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Condition {
    /// The frequencies an `if` selected, narrowed by every enclosing `if`.
    pub only: Option<Vec<String>>,
    /// The frequencies the `if` of an enclosing `else` selected.
    pub except: Vec<String>,
}

impl Condition {
    /// Whether the branch holds for `frequency`.
    pub fn holds_for(&self, frequency: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|f| f == frequency))
            && !self.except.iter().any(|f| f == frequency)
    }
}
