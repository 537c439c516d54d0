//! Diagnostics: what is wrong with the input, where, and how to fix it, displayed like rustc
//! ([`display`]).
//!
//! This module depends on no other stage: `spec` and `ir` report into it. A diagnostic anchored at
//! a [`JsonPath`] is turned into a byte range by the [`Locate`] function its [`Sources`] were
//! created with (`spec::locate_all`, given by the loader), so only `spec` knows JSON.

mod display;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use display::Colored;

use crate::json_path::JsonPath;

/// A byte range in a source text.
type Span = (usize, usize);

/// Finds each path in a file's text: the byte range of its value (or of its nearest ancestor that
/// exists), `None` for every path when the text is not well-formed.
pub(crate) type Locate = fn(&str, &[&JsonPath]) -> Vec<Option<Span>>;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Generation cannot go on: the output would be wrong.
    Error,
    /// Generation goes on; `strict` mode turns warnings into errors.
    Warning,
}

/// Where in a file a diagnostic points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// A value in a well-formed JSON document.
    Path(JsonPath),
    /// A 1-based line and column (syntax errors, where no path exists yet).
    LineColumn {
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
    },
    /// A byte offset into the file.
    Offset(usize),
}

/// A second location that belongs to a diagnostic, such as the other half of a collision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The file of the other location.
    pub file: PathBuf,
    /// Where in that file.
    pub anchor: Option<Anchor>,
    /// What is there.
    pub message: String,
    /// The byte range `anchor` resolves to, filled in by [`Report::new`].
    span: Option<Span>,
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The file it is in, if it is in one.
    pub file: Option<PathBuf>,
    /// Where in the file.
    pub anchor: Option<Anchor>,
    /// What to do about it.
    pub help: Option<String>,
    /// Other locations involved.
    pub related: Vec<Related>,
    /// The byte range `anchor` resolves to, filled in by [`Report::new`].
    span: Option<Span>,
}

impl Diagnostic {
    /// An error in `file` at `path`.
    pub(crate) fn error(file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, Some(Anchor::Path(path.clone())), message)
    }

    /// A warning in `file` at `path`.
    pub(crate) fn warning(file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, Some(Anchor::Path(path.clone())), message)
    }

    /// A diagnostic with an explicit severity and anchor.
    pub(crate) fn new(severity: Severity, file: &Path, anchor: Option<Anchor>, message: impl Into<String>) -> Self {
        Self {
            severity,
            message: message.into(),
            file: Some(file.to_path_buf()),
            anchor,
            help: None,
            related: Vec::new(),
            span: None,
        }
    }

    /// An error that belongs to no file (a bad argument, an unreadable directory).
    pub(crate) fn general(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            anchor: None,
            help: None,
            related: Vec::new(),
            span: None,
        }
    }

    /// Adds advice on how to fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds another location involved in the problem.
    pub(crate) fn with_related(mut self, file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        self.related.push(Related {
            file: file.to_path_buf(),
            anchor: Some(Anchor::Path(path.clone())),
            message: message.into(),
            span: None,
        });
        self
    }

    /// Whether this diagnostic stops generation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every file a run read, so diagnostics can quote their source lines, and the way to
/// find a [`JsonPath`] in them.
#[derive(Clone, Debug)]
pub(crate) struct Sources {
    texts: BTreeMap<PathBuf, Arc<str>>,
    locate: Locate,
}

impl Sources {
    /// No text yet; paths are found with `locate`.
    pub(crate) fn new(locate: Locate) -> Self {
        Self {
            texts: BTreeMap::new(),
            locate,
        }
    }

    /// Remembers the text of `file`.
    pub(crate) fn insert(&mut self, file: &Path, text: Arc<str>) {
        self.texts.insert(file.to_path_buf(), text);
    }

    /// The text of `file`, if it was read.
    pub(crate) fn get(&self, file: &Path) -> Option<&str> {
        self.texts.get(file).map(|text| &**text)
    }

    /// The byte range `anchor` points at in `text`.
    fn span_of(&self, text: &str, anchor: &Anchor) -> Option<Span> {
        match anchor {
            Anchor::Path(path) => (self.locate)(text, &[path]).pop().flatten(),
            Anchor::LineColumn { line, column } => {
                let offset = display::offset_of_line_column(text, *line, *column);
                Some((offset, offset + 1))
            }
            Anchor::Offset(offset) => Some((*offset, offset + 1)),
        }
    }
}

/// A set of diagnostics together with the sources they point into; `Display` shows them all as
/// plain text, [`Report::colored`] with colours.
#[derive(Clone)]
pub struct Report {
    /// Every diagnostic of the run, errors first, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files they point into.
    pub(crate) sources: Sources,
}

impl Report {
    /// A report over `diagnostics`, sorted so the output does not depend on the order work was done in.
    /// Errors come first, then warnings; each in file order and, within a file, in source order.
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>, sources: Sources) -> Self {
        resolve_spans(&mut diagnostics, &sources);
        diagnostics
            .sort_by(|a, b| (a.severity, &a.file, a.span, &a.message).cmp(&(b.severity, &b.file, b.span, &b.message)));
        diagnostics.dedup();
        Self { diagnostics, sources }
    }

    /// How many diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }
}

/// Resolves every anchor of `diagnostics` not resolved yet to a byte range, parsing each file at
/// most once (a file with thousands of diagnostics must not be parsed thousands of times, and a
/// diagnostic copied into another report, as `Rendered::warnings` does in every build, is not
/// resolved again).
fn resolve_spans(diagnostics: &mut [Diagnostic], sources: &Sources) {
    /// An anchor and the span it resolves to.
    type Unresolved<'a> = (&'a Anchor, &'a mut Option<Span>);
    let mut by_file: BTreeMap<&Path, Vec<Unresolved<'_>>> = BTreeMap::new();
    for diagnostic in diagnostics.iter_mut() {
        if let (Some(file), Some(anchor), None) = (&diagnostic.file, &diagnostic.anchor, diagnostic.span) {
            by_file.entry(file).or_default().push((anchor, &mut diagnostic.span));
        }
        for related in &mut diagnostic.related {
            if let (Some(anchor), None) = (&related.anchor, related.span) {
                by_file
                    .entry(&related.file)
                    .or_default()
                    .push((anchor, &mut related.span));
            }
        }
    }
    for (file, anchors) in by_file {
        let Some(text) = sources.get(file) else { continue };
        let paths: Vec<&JsonPath> = anchors
            .iter()
            .filter_map(|(anchor, _)| match anchor {
                Anchor::Path(path) => Some(path),
                _ => None,
            })
            .collect();
        let mut located = (sources.locate)(text, &paths).into_iter();
        for (anchor, span) in anchors {
            *span = match anchor {
                Anchor::Path(_) => located.next().flatten(),
                other => sources.span_of(text, other),
            };
        }
    }
}
