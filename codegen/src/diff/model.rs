//! What a spec change is: where it happened (in the names users see), what changed, and what it
//! does to code written against the previously generated crate.

use crate::spec::Literal;

/// What a change does to code that compiled against the crate generated from the old specs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Such code may stop compiling, or compile and then fail at run time (a value rejected by
    /// `build()`, a stored body no longer read back).
    Breaking,
    /// Such code still compiles and behaves as before; the change may add API, change
    /// documentation, or change what bodies built without an explicit value send (the reason says
    /// so).
    Compatible,
}

impl Impact {
    /// `breaking` or `compatible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Compatible => "compatible",
        }
    }
}

/// The connector a change belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorRef {
    /// The Rust module (the new one, or the old one for a removed connector).
    pub module: String,
    /// The spec's machine name, such as `dynamics-online`.
    pub name: String,
    /// The connection spec id.
    pub spec_id: String,
}

/// The params a change belongs to: an auth spec's, or the connector's source params.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthRef {
    /// The exact auth spec name, sent as `auth.specName` (the new one after a rename); empty for
    /// source params.
    pub name: String,
    /// The params type, such as `BasicAuthentication` or `SourceParams`.
    pub type_name: String,
    /// Whether these are the source params (`sourceSpec.spec`), not an auth spec's.
    pub source: bool,
}

/// The flow spec a change belongs to (its `connector` is then the `flow_specs` module).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowSpecRef {
    /// The flow spec's name, such as `CRMToAEP`.
    pub name: String,
    /// Its type in `flow_specs`, such as `CrmToAep`.
    pub type_name: String,
    /// Its id.
    pub id: String,
}

/// The param a change belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamRef {
    /// The param's dotted name from `auth.params`: `clientId`, `requestParameterOverride.method`.
    pub dotted_name: String,
    /// The dotted Rust field path from the params type: `client_id`,
    /// `request_parameter_override.method`.
    pub field: String,
    /// The struct that holds the field: the params type, or a nested object's type.
    pub holder: String,
    /// The Rust field (and setter) name on that struct.
    pub setter: String,
}

/// A value on either side of a change, for tools reading the JSON output.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text, such as a spec id or a pattern.
    Text(String),
    /// A flag, such as `required`.
    Flag(bool),
    /// A spec literal, such as a default.
    Literal(Literal),
}

/// What changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    /// A connector exists only in the new specs.
    ConnectorAdded,
    /// A connector exists only in the old specs.
    ConnectorRemoved,
    /// The connection spec id changed (the connector was matched by its machine name).
    SpecIdChanged {
        /// The old id.
        old: String,
        /// The new id.
        new: String,
    },
    /// The connection spec version changed.
    VersionChanged {
        /// The old version.
        old: String,
        /// The new version.
        new: String,
    },
    /// The machine name changed (the connector was matched by its spec id).
    NameChanged {
        /// The old machine name.
        old: String,
        /// The new machine name.
        new: String,
    },
    /// A generated Rust name changed although the spec item is the same.
    RustNameChanged {
        /// What kind of item: `module`, `params type`, `field`, `enum type`, `object type`.
        item: &'static str,
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// Documentation-only text changed: description, display name, auth spec `type`, `format`,
    /// `providerId`.
    DocChanged {
        /// Which text: `description`, `display name`, ...
        what: &'static str,
        /// The old text, if any.
        old: Option<String>,
        /// The new text, if any.
        new: Option<String>,
    },
    /// The connector had auth specs and now has none (a `NoAuth` type appears).
    AuthDropped,
    /// The connector had no auth specs (its `NoAuth` type) and now has some.
    AuthIntroduced,
    /// An auth spec exists only in the new specs.
    AuthSpecAdded,
    /// An auth spec exists only in the old specs.
    AuthSpecRemoved,
    /// An auth spec was renamed: one removed and one added with the same params.
    AuthSpecRenamed {
        /// The old auth spec name.
        old: String,
        /// The old params type.
        old_type: String,
    },
    /// A param exists only in the new specs.
    ParamAdded {
        /// Whether it is required.
        required: bool,
        /// Whether it has a default.
        default: bool,
    },
    /// A param exists only in the old specs.
    ParamRemoved,
    /// A param became required or optional.
    RequiredChanged {
        /// Whether it is required now.
        required: bool,
        /// Whether the builder now insists on its setter (required and without a default).
        tracked: bool,
        /// The Rust type of its value.
        rust_type: String,
    },
    /// A param's type changed.
    TypeChanged {
        /// The old type, described.
        old: String,
        /// The new type, described.
        new: String,
    },
    /// An allowed value was added to an enum param.
    EnumValueAdded {
        /// The enum type.
        type_name: String,
        /// The wire value.
        wire: String,
        /// The variant name.
        variant: String,
    },
    /// An allowed value was removed from an enum param.
    EnumValueRemoved {
        /// The enum type.
        type_name: String,
        /// The wire value.
        wire: String,
        /// The variant name.
        variant: String,
    },
    /// A param became secret (`format: password`) or stopped being one.
    SecretChanged {
        /// Whether it is secret now.
        secret: bool,
        /// The Rust type of its value before.
        old_type: String,
        /// The Rust type of its value now.
        new_type: String,
    },
    /// A param's default was added, removed or changed.
    DefaultChanged {
        /// The old default.
        old: Option<Literal>,
        /// The new default.
        new: Option<Literal>,
        /// Whether the param is required now.
        required: bool,
        /// Whether the builder insisted on its setter before.
        was_tracked: bool,
        /// Whether it does now.
        tracked: bool,
    },
    /// A param's pattern was added, removed or changed.
    PatternChanged {
        /// The old pattern.
        old: Option<String>,
        /// The new pattern.
        new: Option<String>,
    },
    /// The connector has a `sourceSpec` now (a source params type appears).
    SourceAdded,
    /// The connector's `sourceSpec` is gone.
    SourceRemoved,
    /// The `exploreSpec` family changed (`table`, `file`, `rest`, `stream`).
    SourceFamilyChanged {
        /// The old family.
        old: String,
        /// The new family.
        new: String,
    },
    /// Whether source connections name a base connection changed.
    BaseConnectionChanged {
        /// Whether they do now.
        base_connection: bool,
    },
    /// A flow spec exists only in the new specs.
    FlowSpecAdded,
    /// A flow spec exists only in the old specs.
    FlowSpecRemoved,
    /// A flow spec accepts a connector's source connections now.
    AcceptsAdded {
        /// The connector's module.
        module: String,
    },
    /// A flow spec no longer accepts a connector's source connections.
    AcceptsRemoved {
        /// The connector's module.
        module: String,
    },
    /// Something a flow spec's type states changed: `version`, `schedule`, `transformations`,
    /// `mapping version`.
    FlowSpecChanged {
        /// What: `version`, `schedule`, ...
        what: &'static str,
        /// The old value, described.
        old: String,
        /// The new value, described.
        new: String,
        /// Whether flows built or stored under the old value may be rejected now.
        stricter: bool,
    },
}

impl ChangeKind {
    /// A stable snake_case name for tools.
    pub fn code(&self) -> &'static str {
        match self {
            ChangeKind::ConnectorAdded => "connector_added",
            ChangeKind::ConnectorRemoved => "connector_removed",
            ChangeKind::SpecIdChanged { .. } => "spec_id_changed",
            ChangeKind::VersionChanged { .. } => "version_changed",
            ChangeKind::NameChanged { .. } => "name_changed",
            ChangeKind::RustNameChanged { .. } => "rust_name_changed",
            ChangeKind::DocChanged { .. } => "doc_changed",
            ChangeKind::AuthDropped => "auth_dropped",
            ChangeKind::AuthIntroduced => "auth_introduced",
            ChangeKind::AuthSpecAdded => "auth_spec_added",
            ChangeKind::AuthSpecRemoved => "auth_spec_removed",
            ChangeKind::AuthSpecRenamed { .. } => "auth_spec_renamed",
            ChangeKind::ParamAdded { .. } => "param_added",
            ChangeKind::ParamRemoved => "param_removed",
            ChangeKind::RequiredChanged { .. } => "required_changed",
            ChangeKind::TypeChanged { .. } => "type_changed",
            ChangeKind::EnumValueAdded { .. } => "enum_value_added",
            ChangeKind::EnumValueRemoved { .. } => "enum_value_removed",
            ChangeKind::SecretChanged { .. } => "secret_changed",
            ChangeKind::DefaultChanged { .. } => "default_changed",
            ChangeKind::PatternChanged { .. } => "pattern_changed",
            ChangeKind::SourceAdded => "source_added",
            ChangeKind::SourceRemoved => "source_removed",
            ChangeKind::SourceFamilyChanged { .. } => "source_family_changed",
            ChangeKind::BaseConnectionChanged { .. } => "base_connection_changed",
            ChangeKind::FlowSpecAdded => "flow_spec_added",
            ChangeKind::FlowSpecRemoved => "flow_spec_removed",
            ChangeKind::AcceptsAdded { .. } => "accepts_added",
            ChangeKind::AcceptsRemoved { .. } => "accepts_removed",
            ChangeKind::FlowSpecChanged { .. } => "flow_spec_changed",
        }
    }
}

/// One change between two spec sets.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The connector.
    pub connector: ConnectorRef,
    /// The auth spec (or the source params), for changes inside one.
    pub auth: Option<AuthRef>,
    /// The flow spec, for changes to one.
    pub flow_spec: Option<FlowSpecRef>,
    /// The param, for changes to one.
    pub param: Option<ParamRef>,
    /// What changed.
    pub kind: ChangeKind,
    /// What it does to code using the generated crate.
    pub impact: Impact,
    /// Why, in terms of that code.
    pub reason: String,
}

impl Change {
    /// The old and new values, where the change has them.
    pub fn values(&self) -> (Option<Value>, Option<Value>) {
        let text = |s: &str| Some(Value::Text(s.to_owned()));
        let opt_text = |s: &Option<String>| s.as_deref().and_then(text);
        let lit = |l: &Option<Literal>| l.clone().map(Value::Literal);
        match &self.kind {
            ChangeKind::SpecIdChanged { old, new }
            | ChangeKind::VersionChanged { old, new }
            | ChangeKind::NameChanged { old, new }
            | ChangeKind::RustNameChanged { old, new, .. }
            | ChangeKind::TypeChanged { old, new }
            | ChangeKind::SourceFamilyChanged { old, new }
            | ChangeKind::FlowSpecChanged { old, new, .. } => (text(old), text(new)),
            ChangeKind::BaseConnectionChanged { base_connection } => {
                (Some(Value::Flag(!base_connection)), Some(Value::Flag(*base_connection)))
            }
            ChangeKind::AcceptsAdded { module } => (None, text(module)),
            ChangeKind::AcceptsRemoved { module } => (text(module), None),
            ChangeKind::DocChanged { old, new, .. } | ChangeKind::PatternChanged { old, new } => {
                (opt_text(old), opt_text(new))
            }
            ChangeKind::AuthSpecRenamed { old, .. } => (text(old), self.auth.as_ref().and_then(|a| text(&a.name))),
            ChangeKind::RequiredChanged { required, .. } => {
                (Some(Value::Flag(!required)), Some(Value::Flag(*required)))
            }
            ChangeKind::SecretChanged { secret, .. } => (Some(Value::Flag(!secret)), Some(Value::Flag(*secret))),
            ChangeKind::EnumValueAdded { wire, .. } => (None, text(wire)),
            ChangeKind::EnumValueRemoved { wire, .. } => (text(wire), None),
            ChangeKind::DefaultChanged { old, new, .. } => (lit(old), lit(new)),
            ChangeKind::ConnectorAdded
            | ChangeKind::ConnectorRemoved
            | ChangeKind::AuthDropped
            | ChangeKind::AuthIntroduced
            | ChangeKind::AuthSpecAdded
            | ChangeKind::AuthSpecRemoved
            | ChangeKind::ParamAdded { .. }
            | ChangeKind::ParamRemoved
            | ChangeKind::SourceAdded
            | ChangeKind::SourceRemoved
            | ChangeKind::FlowSpecAdded
            | ChangeKind::FlowSpecRemoved => (None, None),
        }
    }
}

/// Every change between two spec sets, in a stable order: by connector module, then
/// connector-level changes, then by auth spec name, then by param dotted name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpecDiff {
    /// The changes.
    pub changes: Vec<Change>,
}

impl SpecDiff {
    /// Whether the spec sets generate the same API.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes have `impact`.
    pub fn count(&self, impact: Impact) -> usize {
        self.changes.iter().filter(|c| c.impact == impact).count()
    }

    /// Whether any change is breaking.
    pub fn has_breaking(&self) -> bool {
        self.count(Impact::Breaking) > 0
    }
}
