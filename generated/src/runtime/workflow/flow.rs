//! The `POST /flows` body: a dataflow from source connections to a target connection under the
//! flow spec `F`, with its transformations and schedule.

use std::marker::PhantomData;

use serde_json::{Value, json};

use super::body::Fields;
use super::flow_spec::{Accepts, FlowSpec, ScheduleRules, TransformationKind, WireForm};
use super::ids::{SourceConnectionId, TargetConnectionId};
use super::schedule::{Schedule, rule_error};
use super::source::SourceParams;
use super::transformation::{DeltaColumn, Transformation};
use crate::runtime::builder::{Set, Unset};
use crate::runtime::context::RequestContext;
use crate::runtime::error::{BodyError, BodyKind, BodyProblem, BuildError, DecodeError, RequestError};
use crate::runtime::read::DecodeMode;

/// A `POST /flows` body under the flow spec `F`, built with [`CreateFlow::builder`] (a flow
/// without a source or target connection does not compile; transformations and the schedule are
/// checked against `F` by `build()`).
///
/// Its JSON is `{"name", "description"?, "flowSpec": {"id", "version"}, "sourceConnectionIds",
/// "targetConnectionIds", "transformations"?, "scheduleParams"?}`.
#[derive(Clone, Debug)]
pub struct CreateFlow<F> {
    name: String,
    description: Option<String>,
    source_connection_ids: Vec<String>,
    target_connection_ids: Vec<TargetConnectionId>,
    transformations: Vec<Transformation>,
    schedule: Option<Schedule>,
    spec: PhantomData<F>,
}

/// Builds a [`CreateFlow`]; `S` and `T` record whether a source and a target connection are set.
#[derive(Clone, Debug)]
#[must_use = "call `.build()` to get the flow"]
pub struct FlowBuilder<F, S = Unset, T = Unset> {
    flow: CreateFlow<F>,
    state: PhantomData<(S, T)>,
}

/// A flow builder's state that holds at least one source connection: only `Set<()>`.
#[diagnostic::on_unimplemented(message = "a flow needs a source connection: call `.source(id)` before `.build()`")]
pub trait HasSource {}
impl HasSource for Set<()> {}

/// A flow builder's state that holds at least one target connection: only `Set<()>`.
#[diagnostic::on_unimplemented(message = "a flow needs a target connection: call `.target(id)` before `.build()`")]
pub trait HasTarget {}
impl HasTarget for Set<()> {}

impl<F: FlowSpec> CreateFlow<F> {
    /// Starts a flow named `name`.
    pub fn builder(name: impl Into<String>) -> FlowBuilder<F> {
        let flow = Self {
            name: name.into(),
            description: None,
            source_connection_ids: Vec::new(),
            target_connection_ids: Vec::new(),
            transformations: Vec::new(),
            schedule: None,
            spec: PhantomData,
        };
        FlowBuilder {
            flow,
            state: PhantomData,
        }
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
    /// `sourceConnectionIds`.
    pub fn source_connection_ids(&self) -> &[String] {
        &self.source_connection_ids
    }
    /// `targetConnectionIds`.
    pub fn target_connection_ids(&self) -> &[TargetConnectionId] {
        &self.target_connection_ids
    }
    /// `transformations`.
    pub fn transformations(&self) -> &[Transformation] {
        &self.transformations
    }
    /// `scheduleParams`.
    pub fn schedule(&self) -> Option<&Schedule> {
        self.schedule.as_ref()
    }

    /// Checks transformations and schedule against `F`: the member at fault and why.
    fn check(&self) -> Result<(), (&'static str, String)> {
        check_flow(&self.transformations, self.schedule.as_ref(), &FlowRules::of::<F>())
    }

    /// The JSON body as a value.
    pub fn to_value(&self) -> Value {
        let mut body = json!({"name": self.name});
        if let Some(description) = &self.description {
            body["description"] = json!(description);
        }
        body["flowSpec"] = json!({"id": F::ID, "version": F::VERSION});
        body["sourceConnectionIds"] = json!(self.source_connection_ids);
        body["targetConnectionIds"] = json!(self.target_connection_ids);
        if !self.transformations.is_empty() {
            let items: Vec<Value> = self
                .transformations
                .iter()
                .map(|t| t.to_value(F::MAPPING_VERSION))
                .collect();
            body["transformations"] = Value::Array(items);
        }
        if let Some(schedule) = self.schedule {
            let form = F::SCHEDULE.map_or(WireForm::Integer, |rules| rules.start_time);
            body["scheduleParams"] = schedule.to_value(form);
        }
        body
    }

    /// The JSON body.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&self.to_value())
    }

    /// The complete HTTP request: `POST {base}/flows` with the context's headers.
    pub fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        context.post_json("/flows", self.to_json_bytes()?)
    }

    /// Reads a flow body in `mode`: `flowSpec` must be `F`'s, at least one source and one target
    /// connection id, transformations and schedule as `F` allows (the same checks as `build()`).
    /// Strict mode takes schedule values and `mappingVersion` only in the JSON type `F`'s schema
    /// gives them and rejects members a request body does not have; lenient mode takes the
    /// string/number drift of the docs and the service. Errors name the member.
    pub fn from_value(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        read_flow(value, mode, &FlowRules::of::<F>())
    }
}

/// What a flow body is checked against, as values: from `F`'s consts for the typed read-back,
/// from a catalog's [`FlowSpecInfo`](crate::FlowSpecInfo) for its check. One reader serves both,
/// so the two cannot disagree.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FlowRules {
    pub(crate) id: &'static str,
    pub(crate) version: &'static str,
    pub(crate) name: &'static str,
    pub(crate) schedule: Option<ScheduleRules>,
    pub(crate) transformations: &'static [TransformationKind],
    pub(crate) mapping_version: WireForm,
}

impl FlowRules {
    pub(crate) fn of<F: FlowSpec>() -> Self {
        Self {
            id: F::ID,
            version: F::VERSION,
            name: F::NAME,
            schedule: F::SCHEDULE,
            transformations: F::TRANSFORMATIONS,
            mapping_version: F::MAPPING_VERSION,
        }
    }
}

/// Reads a flow body in `mode` by `rules`: `flowSpec` must be the rules' flow spec, at least one
/// source and one target connection id, transformations and schedule as the rules allow.
pub(crate) fn read_flow<F>(value: Value, mode: DecodeMode, rules: &FlowRules) -> Result<CreateFlow<F>, DecodeError> {
    let mut body = Fields::root(value, BodyKind::Flow, mode)?;
    let name = body.required_string("name")?;
    let description = body.string("description")?;
    let what = format!("the id of flow spec `{}`", rules.name);
    body.expect_spec_ref("flowSpec", rules.id, rules.version, &what)?;
    let source_connection_ids = read_ids(&mut body, "sourceConnectionIds")?;
    let target_connection_ids = read_ids(&mut body, "targetConnectionIds")?
        .into_iter()
        .map(TargetConnectionId::new)
        .collect();
    let transformations: Vec<Transformation> = match body.optional("transformations") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| Transformation::read(item, index, mode, rules.mapping_version))
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(body.expected("transformations", "an array", &other).into()),
    };
    let schedule = match body.object("scheduleParams")? {
        None => None,
        Some(params) => {
            let form = rules.schedule.map_or(WireForm::Integer, |schedule| schedule.start_time);
            Some(Schedule::read(params, form, rules.name)?)
        }
    };
    body.finish()?;
    check_flow(&transformations, schedule.as_ref(), rules).map_err(|fault| rule_error(BodyKind::Flow, fault))?;
    Ok(CreateFlow {
        name,
        description,
        source_connection_ids,
        target_connection_ids,
        transformations,
        schedule,
        spec: PhantomData,
    })
}

/// Checks transformations and schedule against `rules`: the member at fault and why.
fn check_flow(
    transformations: &[Transformation],
    schedule: Option<&Schedule>,
    rules: &FlowRules,
) -> Result<(), (&'static str, String)> {
    for transformation in transformations {
        if !rules.transformations.contains(&transformation.kind()) {
            let allowed: Vec<String> = rules.transformations.iter().map(|kind| format!("{kind:?}")).collect();
            let why = format!(
                "flow spec `{}` does not allow `{:?}` (it allows: {})",
                rules.name,
                transformation.kind(),
                allowed.join(", ")
            );
            return Err(("transformations", why));
        }
    }
    match (schedule, rules.schedule) {
        (None, _) => Ok(()),
        (Some(_), None) => Err(("scheduleParams", format!("flow spec `{}` has no schedule", rules.name))),
        (Some(schedule), Some(schedule_rules)) => schedule.check(&schedule_rules, rules.name),
    }
}

/// Compares the bodies; `F` is the same type on both sides.
impl<F> PartialEq for CreateFlow<F> {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.description == other.description
            && self.source_connection_ids == other.source_connection_ids
            && self.target_connection_ids == other.target_connection_ids
            && self.transformations == other.transformations
            && self.schedule == other.schedule
    }
}

impl<F> Eq for CreateFlow<F> {}

fn read_ids(body: &mut Fields, key: &str) -> Result<Vec<String>, BodyError> {
    let found = body.required(key)?;
    let ids: Option<Vec<String>> = match &found {
        Value::Array(items) if !items.is_empty() => items.iter().map(|item| item.as_str().map(str::to_owned)).collect(),
        _ => None,
    };
    ids.ok_or_else(|| body.expected(key, "a non-empty array of id strings", &found))
}

impl<F: FlowSpec, S, T> FlowBuilder<F, S, T> {
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.flow.description = Some(description.into());
        self
    }

    /// Adds a source connection; only one of a connector whose source connections `F` accepts.
    pub fn source<P: SourceParams>(mut self, id: SourceConnectionId<P>) -> FlowBuilder<F, Set<()>, T>
    where
        F: Accepts<P>,
    {
        self.flow.source_connection_ids.push(id.as_str().to_owned());
        FlowBuilder {
            flow: self.flow,
            state: PhantomData,
        }
    }

    /// Adds a target connection.
    pub fn target(mut self, id: TargetConnectionId) -> FlowBuilder<F, S, Set<()>> {
        self.flow.target_connection_ids.push(id);
        FlowBuilder {
            flow: self.flow,
            state: PhantomData,
        }
    }

    /// Adds a `Mapping` transformation: the Data Prep mapping `mapping_id` at `version`.
    pub fn mapping(mut self, mapping_id: impl Into<String>, version: u64) -> Self {
        self.flow.transformations.push(Transformation::Mapping {
            mapping_id: mapping_id.into(),
            mapping_version: version,
        });
        self
    }

    /// Adds a `Copy` transformation: incremental reads by `column`. `build()` fails if `F` has none.
    pub fn copy(mut self, column: DeltaColumn) -> Self {
        self.flow.transformations.push(Transformation::Copy(column));
        self
    }

    /// Sets `scheduleParams`. `build()` checks it against `F`'s schedule rules.
    pub fn schedule(mut self, schedule: Schedule) -> Self {
        self.flow.schedule = Some(schedule);
        self
    }
}

impl<F: FlowSpec, S: HasSource, T: HasTarget> FlowBuilder<F, S, T> {
    /// The flow, or the first rule of `F` it breaks: a transformation `F` does not allow, a
    /// schedule when `F` has none, a frequency `F` does not list, an interval below `F`'s minimum
    /// or missing where required, an interval or backfill with `once`, a backfill `F` lacks.
    pub fn build(self) -> Result<CreateFlow<F>, BuildError> {
        match self.flow.check() {
            Ok(()) => Ok(self.flow),
            Err((field, problem)) => Err(BuildError::Workflow {
                body: BodyKind::Flow,
                field,
                problem,
            }),
        }
    }
}

/// A flow type that reads from a body in either [`DecodeMode`]: implemented by [`CreateFlow<F>`]
/// and by a generated `AnyFlow` (any flow spec).
pub trait ReadFlow: Sized {
    /// Reads `value` in `mode`. Errors name the member at fault.
    fn read(value: Value, mode: DecodeMode) -> Result<Self, DecodeError>;
}

impl<F: FlowSpec> ReadFlow for CreateFlow<F> {
    fn read(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        Self::from_value(value, mode)
    }
}

/// `flowSpec.id` of a flow body, to choose the variant of a generated `AnyFlow`.
#[doc(hidden)]
pub fn flow_spec_id(value: &Value) -> Option<&str> {
    value.get("flowSpec")?.get("id")?.as_str()
}

/// Reads `value` in `mode` as a flow of `F` and wraps it with `variant`.
#[doc(hidden)]
pub fn decode_flow_as<F: FlowSpec, T>(
    value: Value,
    mode: DecodeMode,
    variant: fn(CreateFlow<F>) -> T,
) -> Result<T, DecodeError> {
    CreateFlow::from_value(value, mode).map(variant)
}

/// The error of a generated `AnyFlow` for a body whose `flowSpec.id` is no known flow spec's;
/// `known` lists the flow spec names.
#[doc(hidden)]
pub fn unknown_flow(value: &Value, known: &[&str]) -> DecodeError {
    let problem = match value.get("flowSpec").and_then(|spec| spec.get("id")) {
        None => BodyProblem::Missing,
        Some(found) => BodyProblem::Expected {
            expected: format!("the id of a known flow spec ({})", known.join(", ")),
            found: super::body::describe(found),
        },
    };
    BodyError {
        body: BodyKind::Flow,
        field: "flowSpec.id".into(),
        problem,
    }
    .into()
}

/// What every variant of a generated `AnyFlow` shares, object-safe.
#[doc(hidden)]
pub trait DynFlow {
    /// The flow spec id.
    fn flow_spec_id(&self) -> &'static str;
    /// The flow spec name.
    fn flow_spec_name(&self) -> &'static str;
    /// The JSON body as a value.
    fn to_value(&self) -> Value;
    /// See [`CreateFlow::to_http_request`].
    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError>;
}

impl<F: FlowSpec> DynFlow for CreateFlow<F> {
    fn flow_spec_id(&self) -> &'static str {
        F::ID
    }
    fn flow_spec_name(&self) -> &'static str {
        F::NAME
    }
    fn to_value(&self) -> Value {
        CreateFlow::to_value(self)
    }
    fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        CreateFlow::to_http_request(self, context)
    }
}
