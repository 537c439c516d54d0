//! A dataflow's runs (`GET /runs?property=flowId==...`): when each ran, how it ended, what it
//! moved.

use futures_util::Stream;
use serde_json::Value;

use super::FlowClient;
use super::connections::response_error;
use super::error::Error;
use super::filter::{ListFilter, Runs};
use crate::runtime::workflow::body::describe;
use crate::{FlowId, JsonObject};

/// One run of a dataflow, as `GET /runs` lists it: the members this type names, read leniently
/// (each may be absent), and the whole item as returned for the rest (`activities`, `extensions`,
/// members the service adds).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Run {
    /// The run's id (`id`).
    pub id: String,
    /// The dataflow it is a run of (`flowId`).
    pub flow_id: Option<FlowId>,
    /// The entity tag (`etag`).
    pub etag: Option<String>,
    /// When the run was created (`createdAt`), in milliseconds since the Unix epoch.
    pub created_at: Option<i64>,
    /// When the run was last updated (`updatedAt`), in milliseconds since the Unix epoch.
    pub updated_at: Option<i64>,
    /// How it ended or stands (`metrics.statusSummary.status`, such as `success`), verbatim.
    pub status: Option<String>,
    /// The errors it reported (`metrics.statusSummary.errors`).
    pub errors: Vec<RunError>,
    /// What it moved and when (`metrics`).
    pub metrics: RunMetrics,
    /// The whole item, as returned.
    pub item: JsonObject,
}

/// The counts and times of a run (`metrics`); each is absent when the item leaves it out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RunMetrics {
    /// `durationSummary.startedAtUTC`, in milliseconds since the Unix epoch.
    pub started_at: Option<u64>,
    /// `durationSummary.completedAtUTC`, in milliseconds since the Unix epoch.
    pub completed_at: Option<u64>,
    /// `sizeSummary.inputBytes`.
    pub input_bytes: Option<u64>,
    /// `sizeSummary.outputBytes`.
    pub output_bytes: Option<u64>,
    /// `recordSummary.inputRecordCount`.
    pub input_records: Option<u64>,
    /// `recordSummary.outputRecordCount`.
    pub output_records: Option<u64>,
    /// `recordSummary.failedRecordCount`.
    pub failed_records: Option<u64>,
    /// `fileSummary.inputFileCount`.
    pub input_files: Option<u64>,
    /// `fileSummary.outputFileCount`.
    pub output_files: Option<u64>,
}

/// One error a run reported: `{code, message}` (`CONNECTOR-2001-500`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RunError {
    /// `code`.
    pub code: Option<String>,
    /// `message`.
    pub message: Option<String>,
}

const REQUEST: &str = "GET /runs?property=flowId=={id}";

impl FlowClient {
    /// `GET /runs?property=flowId==<flow>`: the runs of a dataflow, page after page, lazily (paging
    /// follows the rules of [`list`](Self::list)). A run whose named members have the wrong type is
    /// an `Err` item ([`Error::Response`] naming the member) and the stream goes on.
    pub fn runs(&self, flow: impl AsRef<str>) -> impl Stream<Item = Result<Run, Error>> + Send + 'static {
        let flow = flow.as_ref();
        let first = if flow.is_empty() {
            Err(Error::Request {
                request: REQUEST,
                message: "the flow id is empty".to_owned(),
            })
        } else {
            self.first_page(REQUEST, "/runs", &ListFilter::<Runs>::new().property("flowId", flow))
        };
        self.paged(REQUEST, first, |item| {
            Run::from_item(item).map_err(|message| response_error(REQUEST, message))
        })
    }
}

impl Run {
    fn from_item(item: Value) -> Result<Self, String> {
        let Value::Object(item) = item else {
            return Err(format!("a run is {}, not an object", describe(&item)));
        };
        let id = match item.get("id") {
            Some(Value::String(id)) => id.clone(),
            _ => return Err("a run has no `id` string".to_owned()),
        };
        let read = Reader { item: &item, id: &id };
        let metrics = RunMetrics {
            started_at: read.count("metrics.durationSummary.startedAtUTC")?,
            completed_at: read.count("metrics.durationSummary.completedAtUTC")?,
            input_bytes: read.count("metrics.sizeSummary.inputBytes")?,
            output_bytes: read.count("metrics.sizeSummary.outputBytes")?,
            input_records: read.count("metrics.recordSummary.inputRecordCount")?,
            output_records: read.count("metrics.recordSummary.outputRecordCount")?,
            failed_records: read.count("metrics.recordSummary.failedRecordCount")?,
            input_files: read.count("metrics.fileSummary.inputFileCount")?,
            output_files: read.count("metrics.fileSummary.outputFileCount")?,
        };
        let errors = match read.at("metrics.statusSummary.errors") {
            None => Vec::new(),
            Some(Value::Array(errors)) => errors
                .iter()
                .map(|error| RunError {
                    code: error.get("code").and_then(Value::as_str).map(str::to_owned),
                    message: error.get("message").and_then(Value::as_str).map(str::to_owned),
                })
                .collect(),
            Some(other) => return Err(read.wrong("metrics.statusSummary.errors", "an array", other)),
        };
        Ok(Self {
            flow_id: read.string("flowId")?.map(FlowId::new),
            etag: read.string("etag")?,
            created_at: read.integer("createdAt")?,
            updated_at: read.integer("updatedAt")?,
            status: read.string("metrics.statusSummary.status")?,
            errors,
            metrics,
            id,
            item,
        })
    }
}

/// Typed members of one run, by dotted path; errors name the run and the member.
struct Reader<'a> {
    item: &'a JsonObject,
    id: &'a str,
}

impl Reader<'_> {
    fn at(&self, path: &str) -> Option<&Value> {
        let mut keys = path.split('.');
        let first = self.item.get(keys.next()?)?;
        keys.try_fold(first, |value, key| value.get(key))
            .filter(|value| !value.is_null())
    }

    fn wrong(&self, path: &str, expected: &str, found: &Value) -> String {
        format!(
            "`{path}` of the run {} should be {expected}, not {}",
            self.id,
            describe(found)
        )
    }

    fn string(&self, path: &str) -> Result<Option<String>, String> {
        match self.at(path) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(self.wrong(path, "a string", other)),
        }
    }

    fn integer(&self, path: &str) -> Result<Option<i64>, String> {
        match self.at(path) {
            None => Ok(None),
            Some(value) => value
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.wrong(path, "an integer", value)),
        }
    }

    fn count(&self, path: &str) -> Result<Option<u64>, String> {
        match self.at(path) {
            None => Ok(None),
            Some(value) => value
                .as_u64()
                .map(Some)
                .ok_or_else(|| self.wrong(path, "a non-negative integer", value)),
        }
    }
}
