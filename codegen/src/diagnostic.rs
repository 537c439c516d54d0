//! Diagnostics: what is wrong with the input, where, and how to fix it, rendered like rustc.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::spec::{JsonPath, locate};

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

/// A second place that belongs to a diagnostic, such as the other half of a collision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The file of the other place.
    pub file: PathBuf,
    /// Where in that file.
    pub anchor: Option<Anchor>,
    /// What is there.
    pub message: String,
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
    /// Other places involved.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// An error in `file` at `path`.
    pub fn error(file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, Some(Anchor::Path(path.clone())), message)
    }

    /// A warning in `file` at `path`.
    pub fn warning(file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, Some(Anchor::Path(path.clone())), message)
    }

    /// A diagnostic with an explicit severity and anchor.
    pub fn new(severity: Severity, file: &Path, anchor: Option<Anchor>, message: impl Into<String>) -> Self {
        Self {
            severity,
            message: message.into(),
            file: Some(file.to_path_buf()),
            anchor,
            help: None,
            related: Vec::new(),
        }
    }

    /// An error that belongs to no file (a bad argument, an unreadable directory).
    pub fn general(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            anchor: None,
            help: None,
            related: Vec::new(),
        }
    }

    /// Adds advice on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds another place involved in the problem.
    pub fn with_related(mut self, file: &Path, path: &JsonPath, message: impl Into<String>) -> Self {
        self.related.push(Related {
            file: file.to_path_buf(),
            anchor: Some(Anchor::Path(path.clone())),
            message: message.into(),
        });
        self
    }

    /// Whether this diagnostic stops generation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every file a run read, so diagnostics can quote their source lines.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    texts: BTreeMap<PathBuf, Arc<str>>,
}

impl Sources {
    /// Remembers the text of `file`.
    pub fn insert(&mut self, file: &Path, text: Arc<str>) {
        self.texts.insert(file.to_path_buf(), text);
    }

    /// The text of `file`, if it was read.
    pub fn get(&self, file: &Path) -> Option<&str> {
        self.texts.get(file).map(|text| &**text)
    }
}

/// A set of diagnostics together with the sources they point into; `Display` renders them all.
#[derive(Clone, Default)]
pub struct Report {
    /// Every diagnostic of the run, errors first, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files they point into.
    pub sources: Sources,
}

impl Report {
    /// A report over `diagnostics`, sorted so the output does not depend on the order work was done in.
    pub fn new(mut diagnostics: Vec<Diagnostic>, sources: Sources) -> Self {
        diagnostics.sort_by(|a, b| (a.severity, &a.file, &a.message).cmp(&(b.severity, &b.file, &b.message)));
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

/// A resolved position in a text.
struct Position {
    line: usize,
    column: usize,
    /// Byte range of the whole line, and of the marked part within the text.
    line_range: (usize, usize),
    mark: (usize, usize),
}

fn position_at(text: &str, start: usize, end: usize) -> Position {
    let start = floor_char_boundary(text, start.min(text.len()));
    let end = floor_char_boundary(text, end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    Position {
        line,
        column,
        line_range: (line_start, line_end),
        mark: (start, end.min(line_end).max(start)),
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn offset_of_line_column(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, content) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return offset
                + content
                    .char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(content.len(), |(i, _)| i);
        }
        offset += content.len();
    }
    text.len()
}

fn resolve(text: &str, anchor: &Anchor) -> Option<Position> {
    match anchor {
        Anchor::Path(path) => {
            let (start, end) = locate::locate(text, path)?;
            Some(position_at(text, start, end))
        }
        Anchor::LineColumn { line, column } => {
            let offset = offset_of_line_column(text, *line, *column);
            Some(position_at(text, offset, offset + 1))
        }
        Anchor::Offset(offset) => Some(position_at(text, *offset, offset + 1)),
    }
}

/// Keeps control characters and bidirectional overrides out of the terminal when quoting a line.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if crate::text::is_hidden_control(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn render_place(
    f: &mut fmt::Formatter<'_>,
    sources: &Sources,
    file: &Path,
    anchor: Option<&Anchor>,
    arrow: &str,
) -> fmt::Result {
    let text = sources.get(file);
    let position = anchor.zip(text).and_then(|(anchor, text)| resolve(text, anchor));
    let number = position.as_ref().map(|pos| pos.line.to_string()).unwrap_or_default();
    let gutter = " ".repeat(number.len().max(1));
    match (&position, anchor) {
        (Some(pos), _) => writeln!(f, "{gutter}{arrow} {}:{}:{}", file.display(), pos.line, pos.column)?,
        (None, Some(Anchor::LineColumn { line, column })) => {
            writeln!(f, "{gutter}{arrow} {}:{line}:{column}", file.display())?
        }
        _ => writeln!(f, "{gutter}{arrow} {}", file.display())?,
    }
    if let (Some(pos), Some(text)) = (&position, text) {
        let line = &text[pos.line_range.0..pos.line_range.1];
        let before = printable(&text[pos.line_range.0..pos.mark.0]);
        let marked = printable(&text[pos.mark.0..pos.mark.1]);
        let width = marked.chars().count().clamp(1, 80);
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {}", printable(line.trim_end_matches('\r')))?;
        writeln!(
            f,
            "{gutter} | {}{}",
            " ".repeat(before.chars().count()),
            "^".repeat(width)
        )?;
    }
    if let Some(Anchor::Path(path)) = anchor
        && !path.is_root()
    {
        writeln!(f, "{gutter} = at: {path}")?;
    }
    Ok(())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            let level = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            writeln!(f, "{level}: {}", printable(&diagnostic.message))?;
            if let Some(file) = &diagnostic.file {
                render_place(f, &self.sources, file, diagnostic.anchor.as_ref(), "-->")?;
            }
            for related in &diagnostic.related {
                writeln!(f, "note: {}", printable(&related.message))?;
                render_place(f, &self.sources, &related.file, related.anchor.as_ref(), "-->")?;
            }
            if let Some(help) = &diagnostic.help {
                writeln!(f, "help: {}", printable(help))?;
            }
            writeln!(f)?;
        }
        let (errors, warnings) = (self.error_count(), self.warning_count());
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match (errors, warnings) {
            (0, 0) => Ok(()),
            (0, w) => writeln!(f, "{w} warning{}", plural(w)),
            (e, 0) => writeln!(f, "{e} error{}", plural(e)),
            (e, w) => writeln!(f, "{e} error{}, {w} warning{}", plural(e), plural(w)),
        }
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
