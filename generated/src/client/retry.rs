//! When to try a call again, and how long to wait: exponential backoff with jitter (computed by
//! `backon`), `Retry-After` honoured, attempts and total time bounded.

use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use tokio::time::Instant;

/// How a call that failed for a passing reason is tried again.
///
/// Retried: network errors, timeouts, `429`, `502`, `503` and `504`, for calls that are safe to
/// repeat (`GET`, `DELETE`, `PATCH` with `If-Match`, and the IMS token request). A `POST`
/// (`/connections`, `/sourceConnections`, `/targetConnections`, `/flows`) is retried only when
/// the connection could not even be opened: once the request may have reached the service, a
/// second one could create a second resource (see [`FlowClient::create`](super::FlowClient::create)).
///
/// The wait before retry `n` is `initial_delay * 2^(n-1)` plus up to as much again of random
/// jitter, capped at `max_delay`; a `Retry-After` answer header replaces it. No retry starts once
/// `max_elapsed` has passed since the first attempt, or when the wait would end after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
    jitter: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts, 500 ms then doubling up to 30 s, with jitter, within 2 minutes.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_elapsed: Duration::from_secs(120),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// The default policy (see [`Default`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// One attempt, no retry.
    pub fn none() -> Self {
        Self::default().max_attempts(1)
    }

    /// The most attempts per call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry.
    pub fn initial_delay(mut self, delay: Duration) -> Self {
        self.initial_delay = delay;
        self
    }

    /// The longest wait between two attempts (a `Retry-After` may ask for more, up to the
    /// `max_elapsed` budget).
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The time after the first attempt past which no retry starts.
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// Waits exactly the backoff, without random jitter (jitter spreads the retries of many
    /// clients failing at once; leave it on unless you have one client).
    pub fn without_jitter(mut self) -> Self {
        self.jitter = false;
        self
    }

    /// The retries of one call.
    pub(crate) fn start(&self) -> Retries {
        let mut builder = ExponentialBuilder::new()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_max_times(self.max_attempts.saturating_sub(1) as usize)
            .with_total_delay(Some(self.max_elapsed));
        if self.jitter {
            builder = builder.with_jitter();
        }
        Retries {
            backoff: builder.build(),
            started: Instant::now(),
            max_elapsed: self.max_elapsed,
        }
    }
}

/// The retries left for one call.
pub(crate) struct Retries {
    backoff: ExponentialBackoff,
    started: Instant,
    max_elapsed: Duration,
}

impl Retries {
    /// The wait before the next attempt, or `None` when no attempt is left or the wait would end
    /// past the time budget. `retry_after` (from the answer) replaces the backoff's wait.
    pub(crate) fn next_delay(&mut self, retry_after: Option<Duration>) -> Option<Duration> {
        let backoff = self.backoff.next()?;
        let delay = retry_after.unwrap_or(backoff);
        // `Retry-After` is the server's text: a huge one must end the retries, not overflow.
        let ends = self.started.elapsed().checked_add(delay)?;
        (ends <= self.max_elapsed).then_some(delay)
    }
}

/// Whether an answer with this status is worth retrying (for calls safe to repeat).
pub(crate) fn retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// `Retry-After` as a wait: delay-seconds or an HTTP date (a date in the past is no wait).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after(&headers("7")), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::ZERO)
        );
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let wait = retry_after(&headers(&later)).unwrap();
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[tokio::test(start_paused = true)]
    async fn attempts_and_time_are_bounded() {
        let policy = RetryPolicy::new()
            .max_attempts(3)
            .initial_delay(Duration::from_millis(100))
            .without_jitter();
        let mut retries = policy.start();
        // backon computes in f32: a few nanoseconds either way.
        let near = |delay: Option<Duration>, ms: u64| {
            delay.is_some_and(|delay| delay.abs_diff(Duration::from_millis(ms)) < Duration::from_micros(1))
        };
        assert!(near(retries.next_delay(None), 100));
        assert!(near(retries.next_delay(None), 200));
        assert_eq!(retries.next_delay(None), None, "3 attempts: 2 retries");

        let policy = RetryPolicy::new().max_elapsed(Duration::from_secs(10));
        let mut retries = policy.start();
        assert_eq!(
            retries.next_delay(Some(Duration::from_secs(11))),
            None,
            "a wait past the budget"
        );
        assert_eq!(
            retries.next_delay(Some(Duration::from_secs(3))),
            Some(Duration::from_secs(3))
        );
        tokio::time::advance(Duration::from_secs(9)).await;
        assert_eq!(retries.next_delay(Some(Duration::from_secs(3))), None, "budget spent");
    }
}
