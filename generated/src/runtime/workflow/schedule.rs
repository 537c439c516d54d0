//! A dataflow's `scheduleParams`: start time, frequency, interval and backfill, checked against a
//! flow spec's [`ScheduleRules`] and written in the form its schema says.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use super::body::Fields;
use super::flow_spec::{Frequency, ScheduleRules, WireForm};
use crate::runtime::error::{BodyError, BodyProblem};
use crate::runtime::read::DecodeMode;

/// When a dataflow first runs: seconds since the Unix epoch, sent as `scheduleParams.startTime`
/// as an integer or a string, whichever the flow spec's schema says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StartTime(i64);

impl StartTime {
    /// The time `seconds` after the Unix epoch.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(seconds)
    }

    /// The given time, to the second (earlier times before the epoch are negative).
    pub fn from_system_time(time: SystemTime) -> Self {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs),
        };
        Self(seconds)
    }

    /// Now, to the second.
    pub fn now() -> Self {
        Self::from_system_time(SystemTime::now())
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0
    }
}

/// `scheduleParams` of a dataflow. Checked against the flow spec when the flow is built or read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// `startTime`.
    pub start_time: StartTime,
    /// `frequency`.
    pub frequency: Frequency,
    /// `interval`: how many `frequency` units between runs; absent for `once`.
    pub interval: Option<u64>,
    /// `backfill`: whether the first run reads everything before the start time too.
    pub backfill: Option<bool>,
}

impl Schedule {
    /// One run, at `start_time`.
    pub fn once(start_time: StartTime) -> Self {
        Self {
            start_time,
            frequency: Frequency::Once,
            interval: None,
            backfill: None,
        }
    }

    /// A run every `interval` `frequency` units (every 15 minutes: `every(15, Frequency::Minute, ..)`)
    /// from `start_time`.
    pub fn every(interval: u64, frequency: Frequency, start_time: StartTime) -> Self {
        Self {
            start_time,
            frequency,
            interval: Some(interval),
            backfill: None,
        }
    }

    /// Sets `backfill`.
    pub fn backfill(mut self, backfill: bool) -> Self {
        self.backfill = Some(backfill);
        self
    }

    /// Checks the schedule against the flow spec `flow_spec`'s rules: the member at fault and why.
    pub(crate) fn check(&self, rules: &ScheduleRules, flow_spec: &str) -> Result<(), (&'static str, String)> {
        let frequency = self.frequency.as_str();
        if !rules.frequencies.contains(&self.frequency) {
            let allowed: Vec<&str> = rules.frequencies.iter().map(|f| f.as_str()).collect();
            let why = format!("flow spec `{flow_spec}` allows the frequencies {}", allowed.join(", "));
            return Err(("scheduleParams.frequency", why));
        }
        if self.frequency == Frequency::Once {
            if self.interval.is_some() {
                return Err((
                    "scheduleParams.interval",
                    "not allowed with the frequency `once`".into(),
                ));
            }
            if self.backfill.is_some() {
                return Err((
                    "scheduleParams.backfill",
                    "not allowed with the frequency `once`".into(),
                ));
            }
        }
        match self.interval {
            None if self.frequency != Frequency::Once && rules.interval_required => {
                let why = format!("flow spec `{flow_spec}` requires an interval with the frequency `{frequency}`");
                return Err(("scheduleParams.interval", why));
            }
            Some(interval) => {
                let minimum = rules
                    .interval_minimums
                    .iter()
                    .find(|(with, _)| *with == self.frequency)
                    .map_or(1, |(_, minimum)| *minimum);
                if interval < minimum {
                    let why = format!(
                        "{interval} is below {minimum}, the least interval flow spec `{flow_spec}` allows with the \
                         frequency `{frequency}`"
                    );
                    return Err(("scheduleParams.interval", why));
                }
            }
            None => {}
        }
        if self.backfill.is_some() && !rules.backfill {
            return Err((
                "scheduleParams.backfill",
                format!("flow spec `{flow_spec}` has no backfill"),
            ));
        }
        Ok(())
    }

    /// `scheduleParams` as sent, `startTime` in the form `start_time`.
    pub(crate) fn to_value(self, start_time: WireForm) -> Value {
        let mut params = json!({"startTime": match start_time {
            WireForm::String => json!(self.start_time.0.to_string()),
            _ => json!(self.start_time.0),
        }});
        params["frequency"] = json!(self.frequency);
        if let Some(interval) = self.interval {
            params["interval"] = json!(interval);
        }
        if let Some(backfill) = self.backfill {
            params["backfill"] = json!(backfill);
        }
        params
    }

    /// Reads `scheduleParams`. Strict mode takes each value only in the JSON type the flow spec's
    /// schema gives it (`startTime` in `start_time`'s form, `interval` an integer, `backfill` a
    /// boolean); lenient mode also takes the drift the service and the docs show (`"1612310466"`,
    /// `"15"`, `"true"`).
    pub(crate) fn read(mut params: Fields, start_time: WireForm, flow_spec: &str) -> Result<Self, BodyError> {
        let lenient = params.mode == DecodeMode::Lenient;
        let value = params.required("startTime")?;
        let seconds = match (&value, start_time) {
            (Value::Number(n), WireForm::Integer) => n.as_i64(),
            (Value::String(s), WireForm::String) => s.parse().ok(),
            (Value::Number(n), _) if lenient => n.as_i64(),
            (Value::String(s), _) if lenient => s.parse().ok(),
            _ => None,
        };
        let expected = match start_time {
            WireForm::String => format!("a string of epoch seconds (flow spec `{flow_spec}` types it so)"),
            _ => format!("an integer of epoch seconds (flow spec `{flow_spec}` types it so)"),
        };
        let seconds = seconds.ok_or_else(|| params.expected("startTime", expected, &value))?;
        let value = params.required("frequency")?;
        let frequency = [
            Frequency::Once,
            Frequency::Minute,
            Frequency::Hour,
            Frequency::Day,
            Frequency::Week,
        ]
        .into_iter()
        .find(|frequency| value.as_str() == Some(frequency.as_str()))
        .ok_or_else(|| {
            let expected = r#"one of "once", "minute", "hour", "day", "week""#;
            params.expected("frequency", expected, &value)
        })?;
        let interval = match params.optional("interval") {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(Value::String(s)) if lenient && s.parse::<u64>().is_ok() => s.parse().ok(),
            Some(other) => return Err(params.expected("interval", "a positive integer", &other)),
        };
        let backfill = match params.optional("backfill") {
            None => None,
            Some(Value::Bool(b)) => Some(b),
            Some(Value::String(s)) if lenient && (s == "true" || s == "false") => Some(s == "true"),
            Some(other) => return Err(params.expected("backfill", "a boolean", &other)),
        };
        params.finish()?;
        Ok(Self {
            start_time: StartTime(seconds),
            frequency,
            interval,
            backfill,
        })
    }
}

/// The [`BodyError`] of a failed [`Schedule::check`] on a body read back.
pub(crate) fn rule_error(body: crate::BodyKind, (field, why): (&'static str, String)) -> BodyError {
    BodyError {
        body,
        field: field.into(),
        problem: BodyProblem::NotAllowed(why),
    }
}
