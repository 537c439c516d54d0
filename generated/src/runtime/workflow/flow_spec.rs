//! What generated code says about a flow spec (`GET /flowSpecs`): its id, its schedule rules, its
//! transformations, and, through [`Accepts`], which connectors' source connections it takes.

use serde::{Deserialize, Serialize};

/// How often a dataflow runs (`scheduleParams.frequency`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Frequency {
    /// Runs once, at the start time.
    Once,
    /// Every `interval` minutes.
    Minute,
    /// Every `interval` hours.
    Hour,
    /// Every `interval` days.
    Day,
    /// Every `interval` weeks.
    Week,
}

impl Frequency {
    /// The value sent, such as `minute`.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Once => "once",
            Frequency::Minute => "minute",
            Frequency::Hour => "hour",
            Frequency::Day => "day",
            Frequency::Week => "week",
        }
    }
}

/// How a flow spec's schema types a JSON value that the documentation sometimes sends in another
/// form (`startTime`, `mappingVersion`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WireForm {
    /// A JSON integer: `1612310466`.
    Integer,
    /// A JSON string: `"1612310466"`.
    String,
}

/// A transformation a flow spec allows in `transformations[]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransformationKind {
    /// `Copy` with `deltaColumn`: incremental reads by a date column.
    Copy,
    /// `Mapping` with `mappingId` and `mappingVersion`.
    Mapping,
}

/// The schedule rules of a flow spec's `scheduleSpec.spec`. `None` for flow specs without
/// scheduling (streaming).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct ScheduleRules {
    /// The frequencies the schema's enum allows.
    pub frequencies: &'static [Frequency],
    /// The least `interval` per frequency (`if frequency == minute then minimum 15`); a frequency
    /// not listed has no minimum beyond 1.
    pub interval_minimums: &'static [(Frequency, u64)],
    /// Whether `interval` is required for frequencies other than `once`.
    pub interval_required: bool,
    /// How `startTime` is sent.
    pub start_time: WireForm,
    /// Whether the schema has `backfill`.
    pub backfill: bool,
}

#[doc(hidden)]
impl ScheduleRules {
    pub const fn new(
        frequencies: &'static [Frequency],
        interval_minimums: &'static [(Frequency, u64)],
        start_time: WireForm,
    ) -> Self {
        Self {
            frequencies,
            interval_minimums,
            interval_required: false,
            start_time,
            backfill: false,
        }
    }

    pub const fn mark_interval_required(mut self) -> Self {
        self.interval_required = true;
        self
    }

    pub const fn mark_backfill(mut self) -> Self {
        self.backfill = true;
        self
    }
}

/// A flow spec. Generated per flow spec of `specs/flows/`.
pub trait FlowSpec: Copy + std::fmt::Debug + 'static {
    /// The flow spec id, sent as `flowSpec.id`.
    const ID: &'static str;
    /// The flow spec version, sent as `flowSpec.version`.
    const VERSION: &'static str;
    /// The flow spec's name, such as `CRMToAEP`.
    const NAME: &'static str;
    /// The schedule rules, or `None` when the flow spec has no `scheduleSpec`.
    const SCHEDULE: Option<ScheduleRules>;
    /// The transformations it allows.
    const TRANSFORMATIONS: &'static [TransformationKind];
    /// How `mappingVersion` is sent.
    const MAPPING_VERSION: WireForm;
}

/// The flow spec `Self` accepts source connections of the connector whose source params type is
/// `P` (its `sourceConnectionSpecIds` lists that connector's spec id). Generated.
#[diagnostic::on_unimplemented(
    message = "the flow spec `{Self}` does not accept source connections of `{P}`",
    label = "a source connection of a connector this flow spec does not list",
    note = "a flow spec accepts the connectors whose connection spec ids its `sourceConnectionSpecIds` lists: use the flow spec of the connector's family (`flow_connectors::flow_specs`)"
)]
pub trait Accepts<P: crate::SourceParams>: FlowSpec {}
