//! The plain facts of what comes after a base connection, held by a connector's `Source` and by
//! the run's `FlowSpec`s (in `model.rs`): source families, frequencies, wire forms,
//! transformations and schedule rules.

/// How a source is explored and what its source connection sends as `data`, from the connection
/// spec's `exploreSpec.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SourceFamily {
    /// `Tabular`: databases and CRMs.
    Table,
    /// `FileSystem`: cloud storage.
    File,
    /// `Resource`: REST sources built with the Sources SDK.
    Rest,
    /// `StreamingConnection`: streaming and webhook sources.
    Stream,
}

impl SourceFamily {
    /// Every family with its `exploreSpec.type`, in the order messages list them.
    pub const ALL: [(SourceFamily, &'static str); 4] = [
        (SourceFamily::Table, "Tabular"),
        (SourceFamily::File, "FileSystem"),
        (SourceFamily::Rest, "Resource"),
        (SourceFamily::Stream, "StreamingConnection"),
    ];

    /// The family of an `exploreSpec.type`, if it is one of [`SourceFamily::ALL`].
    pub fn from_explore_type(ty: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, name)| *name == ty)
            .map(|(family, _)| *family)
    }

    /// The family's name in the runtime catalog and in messages: `table`, `file`, `rest`, `stream`.
    pub fn name(self) -> &'static str {
        match self {
            SourceFamily::Table => "table",
            SourceFamily::File => "file",
            SourceFamily::Rest => "rest",
            SourceFamily::Stream => "stream",
        }
    }

    /// The runtime's marker type of the family: `TableSource`, ...
    pub fn runtime_type(self) -> &'static str {
        match self {
            SourceFamily::Table => "TableSource",
            SourceFamily::File => "FileSource",
            SourceFamily::Rest => "RestSource",
            SourceFamily::Stream => "StreamSource",
        }
    }
}

/// How often a dataflow runs: a value of a schedule schema's `frequency` enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Frequency {
    /// `once`.
    Once,
    /// `minute`.
    Minute,
    /// `hour`.
    Hour,
    /// `day`.
    Day,
    /// `week`.
    Week,
}

impl Frequency {
    /// Every frequency with its wire value.
    pub const ALL: [(Frequency, &'static str); 5] = [
        (Frequency::Once, "once"),
        (Frequency::Minute, "minute"),
        (Frequency::Hour, "hour"),
        (Frequency::Day, "day"),
        (Frequency::Week, "week"),
    ];

    /// The frequency of a wire value, if it is one of [`Frequency::ALL`].
    pub fn from_wire(wire: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, name)| *name == wire).map(|(f, _)| *f)
    }

    /// The wire value, such as `minute`.
    pub fn wire(self) -> &'static str {
        Self::ALL.iter().find(|(f, _)| *f == self).map_or("", |(_, name)| name)
    }

    /// The runtime's variant name, such as `Minute`.
    pub fn variant(self) -> &'static str {
        match self {
            Frequency::Once => "Once",
            Frequency::Minute => "Minute",
            Frequency::Hour => "Hour",
            Frequency::Day => "Day",
            Frequency::Week => "Week",
        }
    }
}

/// How a flow spec's schema types a value (`startTime`, `mappingVersion`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum WireForm {
    /// `"type": "integer"`.
    Integer,
    /// `"type": "string"`.
    String,
}

impl WireForm {
    /// The runtime's variant name.
    pub fn variant(self) -> &'static str {
        match self {
            WireForm::Integer => "Integer",
            WireForm::String => "String",
        }
    }
}

/// A transformation a flow spec allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Transformation {
    /// `Copy` (incremental reads by a delta column).
    Copy,
    /// `Mapping` (a mapping id and version).
    Mapping,
}

impl Transformation {
    /// The transformation of a `transformationSpecs[].name`, if flow-codegen knows it.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "Copy" => Some(Transformation::Copy),
            "Mapping" => Some(Transformation::Mapping),
            _ => None,
        }
    }

    /// The name, as the flow spec writes it and as the runtime's variant is named.
    pub fn name(self) -> &'static str {
        match self {
            Transformation::Copy => "Copy",
            Transformation::Mapping => "Mapping",
        }
    }
}

/// What a flow spec's `scheduleSpec.spec` allows in `scheduleParams`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// The frequencies of the schema's enum, in schema order.
    pub frequencies: Vec<Frequency>,
    /// The least `interval` per frequency, for the frequencies with a minimum (in frequency order).
    pub interval_minimums: Vec<(Frequency, u64)>,
    /// Whether `interval` is required for every frequency but `once`.
    pub interval_required: bool,
    /// How `startTime` is sent.
    pub start_time: WireForm,
    /// Whether the schema has `backfill`.
    pub backfill: bool,
}
