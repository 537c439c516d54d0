//! The runtime catalog: every generated connector's metadata, to look up by connection spec id
//! or machine name at run time (to build forms, validate configuration, or list what exists).
//!
//! Generated code fills these types with `const` data; nothing here allocates.

/// Const setters for generated code, which states only what differs from the defaults. Each method
/// is named in full where it is declared, so `mark_required` or `with_pattern` greps to here:
/// `mark_x => x = true` declares `const fn mark_x(self) -> Self` setting the flag `x`;
/// `with_x => x = Some` declares `const fn with_x(self, value: &'static str) -> Self` setting
/// `x` to `Some(value)`.
macro_rules! const_setters {
    ($($method:ident => $field:ident = true),+ $(,)?) => {$(
        pub const fn $method(mut self) -> Self {
            self.$field = true;
            self
        }
    )+};
    ($($method:ident => $field:ident = Some),+ $(,)?) => {$(
        pub const fn $method(mut self, value: &'static str) -> Self {
            self.$field = Some(value);
            self
        }
    )+};
}

/// Every connector of a generated module tree, in module-name order.
#[derive(Clone, Copy, Debug)]
pub struct Catalog {
    connectors: &'static [ConnectorInfo],
    flow_specs: &'static [FlowSpecInfo],
}

impl Catalog {
    /// A catalog over `connectors` (generated code calls this).
    pub const fn new(connectors: &'static [ConnectorInfo]) -> Self {
        Self {
            connectors,
            flow_specs: &[],
        }
    }

    /// The same catalog with the flow specs `flow_specs` (generated code calls this).
    #[doc(hidden)]
    pub const fn with_flow_specs(mut self, flow_specs: &'static [FlowSpecInfo]) -> Self {
        self.flow_specs = flow_specs;
        self
    }

    /// Every flow spec, in name order.
    pub fn flow_specs(&self) -> &'static [FlowSpecInfo] {
        self.flow_specs
    }

    /// The flow spec with the id `id`.
    pub fn flow_spec(&self, id: &str) -> Option<&'static FlowSpecInfo> {
        self.flow_specs.iter().find(|f| f.id == id)
    }

    /// Every connector.
    pub fn connectors(&self) -> &'static [ConnectorInfo] {
        self.connectors
    }

    /// The connector with the connection spec id `id` (compared byte for byte).
    pub fn by_id(&self, id: &str) -> Option<&'static ConnectorInfo> {
        self.connectors.iter().find(|c| c.spec_id == id)
    }

    /// The connector with the machine name `name`, such as `dynamics-online`.
    pub fn by_name(&self, name: &str) -> Option<&'static ConnectorInfo> {
        self.connectors.iter().find(|c| c.name == name)
    }
}

/// What a connection spec says about one connector.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConnectorInfo {
    /// The machine name, such as `dynamics-online`.
    pub name: &'static str,
    /// The human-readable name (the spec's display name, or the machine name).
    pub display_name: &'static str,
    /// The connection spec id, sent as `connectionSpec.id`.
    pub spec_id: &'static str,
    /// The connection spec version, sent as `connectionSpec.version`.
    pub version: &'static str,
    /// The provider id, if the spec names one.
    pub provider_id: Option<&'static str>,
    /// The spec's description.
    pub description: Option<&'static str>,
    /// The auth specs, in spec order (empty for a source whose connections carry no `auth`).
    pub auth_specs: &'static [AuthSpecInfo],
    /// What its source connections take, if the spec has a `sourceSpec`.
    pub source: Option<SourceInfo>,
    /// The ids of the flow specs that accept its source connections, in id order.
    pub flow_specs: &'static [&'static str],
}

/// Const constructors for generated code, which states only what differs from the defaults.
#[doc(hidden)]
impl ConnectorInfo {
    pub const fn new(
        name: &'static str,
        display_name: &'static str,
        spec_id: &'static str,
        version: &'static str,
        auth_specs: &'static [AuthSpecInfo],
    ) -> Self {
        Self {
            name,
            display_name,
            spec_id,
            version,
            provider_id: None,
            description: None,
            auth_specs,
            source: None,
            flow_specs: &[],
        }
    }

    const_setters!(with_provider_id => provider_id = Some, with_description => description = Some);

    pub const fn with_source(mut self, source: SourceInfo) -> Self {
        self.source = Some(source);
        self
    }

    pub const fn with_flow_specs(mut self, flow_specs: &'static [&'static str]) -> Self {
        self.flow_specs = flow_specs;
        self
    }
}

impl ConnectorInfo {
    /// The auth spec named `name` (compared byte for byte, as the service does).
    pub fn auth_spec(&self, name: &str) -> Option<&'static AuthSpecInfo> {
        self.auth_specs.iter().find(|a| a.name == name)
    }
}

/// What a connector's source connections take (its spec's `sourceSpec` and `exploreSpec`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceInfo {
    /// The family, from `exploreSpec.type`: `table`, `file`, `rest` or `stream`
    /// ([`SourceFamily::NAME`](crate::SourceFamily::NAME)).
    pub family: &'static str,
    /// Whether a source connection names a base connection (`false`: it sends `providerId`).
    pub base_connection: bool,
    /// Whether the body has `params` (the spec has a `sourceSpec.spec`).
    pub sends_params: bool,
    /// The source params, in spec order.
    pub params: &'static [ParamInfo],
}

/// Const constructors for generated code, which states only what differs from the defaults.
#[doc(hidden)]
impl SourceInfo {
    pub const fn new(family: &'static str, params: &'static [ParamInfo]) -> Self {
        Self {
            family,
            base_connection: true,
            sends_params: true,
            params,
        }
    }

    pub const fn mark_no_base_connection(mut self) -> Self {
        self.base_connection = false;
        self
    }

    pub const fn mark_no_params(mut self) -> Self {
        self.sends_params = false;
        self
    }
}

impl SourceInfo {
    /// The source param with the wire name `name`.
    pub fn param(&self, name: &str) -> Option<&'static ParamInfo> {
        self.params.iter().find(|p| p.wire_name == name)
    }
}

/// A flow spec: which sources a dataflow of it accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlowSpecInfo {
    /// The flow spec id, sent as `flowSpec.id`.
    pub id: &'static str,
    /// Its name, such as `CRMToAEP`.
    pub name: &'static str,
    /// Its version, sent as `flowSpec.version`.
    pub version: &'static str,
    /// The connection spec ids of the sources it accepts, as the flow spec lists them (some may
    /// name connectors this catalog does not have).
    pub source_connection_spec_ids: &'static [&'static str],
    /// Its schedule rules (`None`: no `scheduleSpec`).
    pub schedule: Option<crate::ScheduleRules>,
    /// The transformations it allows.
    pub transformations: &'static [crate::TransformationKind],
    /// How `mappingVersion` is sent.
    pub mapping_version: crate::WireForm,
}

/// Const constructors for generated code.
#[doc(hidden)]
impl FlowSpecInfo {
    pub const fn new(
        id: &'static str,
        name: &'static str,
        version: &'static str,
        source_connection_spec_ids: &'static [&'static str],
    ) -> Self {
        Self {
            id,
            name,
            version,
            source_connection_spec_ids,
            schedule: None,
            transformations: &[],
            mapping_version: crate::WireForm::String,
        }
    }

    pub const fn with_schedule(mut self, schedule: crate::ScheduleRules) -> Self {
        self.schedule = Some(schedule);
        self
    }

    pub const fn with_transformations(mut self, transformations: &'static [crate::TransformationKind]) -> Self {
        self.transformations = transformations;
        self
    }

    pub const fn with_mapping_version(mut self, form: crate::WireForm) -> Self {
        self.mapping_version = form;
        self
    }
}

/// One auth spec: a named way to authenticate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AuthSpecInfo {
    /// The exact name, sent as `auth.specName`.
    pub name: &'static str,
    /// The free-text `type`, if the spec gives one.
    pub auth_type: Option<&'static str>,
    /// The schema's description.
    pub description: Option<&'static str>,
    /// The params, in spec order.
    pub params: &'static [ParamInfo],
}

/// Const constructors for generated code, which states only what differs from the defaults.
#[doc(hidden)]
impl AuthSpecInfo {
    pub const fn new(name: &'static str, params: &'static [ParamInfo]) -> Self {
        Self {
            name,
            auth_type: None,
            description: None,
            params,
        }
    }

    const_setters!(with_auth_type => auth_type = Some, with_description => description = Some);
}

impl AuthSpecInfo {
    /// The param with the wire name `name`.
    pub fn param(&self, name: &str) -> Option<&'static ParamInfo> {
        self.params.iter().find(|p| p.wire_name == name)
    }
}

/// One param of an auth spec (or of a nested object param).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamInfo {
    /// The key sent in `auth.params`.
    pub wire_name: &'static str,
    /// The dotted name from the top of the params (`outer.inner` for a nested param), as errors
    /// name it; the wire name for a top-level param.
    pub dotted_name: &'static str,
    /// The Rust field and setter name of the generated params type.
    pub field: &'static str,
    /// The value type.
    pub param_type: ParamType,
    /// Whether the spec lists it in `required`.
    pub required: bool,
    /// Whether it is a secret (`format: password`).
    pub secret: bool,
    /// The JSON Schema `format`, if any.
    pub format: Option<&'static str>,
    /// The `pattern` values must match, if any.
    pub pattern: Option<&'static str>,
    /// The documented default, as JSON text (`"public"`, `9042`, `true`).
    pub default: Option<&'static str>,
    /// The param's description.
    pub description: Option<&'static str>,
}

/// Const constructors for generated code, which states only what differs from the defaults.
#[doc(hidden)]
impl ParamInfo {
    pub const fn new(wire_name: &'static str, field: &'static str, param_type: ParamType) -> Self {
        Self {
            wire_name,
            dotted_name: wire_name,
            field,
            param_type,
            required: false,
            secret: false,
            format: None,
            pattern: None,
            default: None,
            description: None,
        }
    }

    const_setters!(mark_required => required = true, mark_secret => secret = true);
    const_setters!(
        with_format => format = Some,
        with_pattern => pattern = Some,
        with_default => default = Some,
        with_description => description = Some,
    );

    pub const fn with_dotted_name(mut self, dotted_name: &'static str) -> Self {
        self.dotted_name = dotted_name;
        self
    }
}

/// The value type of a param. New types may be added: match with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum ParamType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A number.
    Number,
    /// A boolean.
    Boolean,
    /// A string from a fixed list, sent exactly as listed.
    Enum(&'static [&'static str]),
    /// An array whose elements have this type.
    Array(&'static ParamType),
    /// An object with these params.
    Object(&'static [ParamInfo]),
    /// An object with any members (a free-form JSON object, [`JsonObject`](crate::JsonObject)),
    /// such as a PQL filter.
    JsonObject,
    /// A table column as explore returns it ([`Column`](crate::Column)).
    Column,
}
