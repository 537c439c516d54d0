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
    /// The byte range `anchor` resolves to, filled in by [`Report::new`].
    span: Option<(usize, usize)>,
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
    /// The byte range `anchor` resolves to, filled in by [`Report::new`].
    span: Option<(usize, usize)>,
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
            span: None,
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
            span: None,
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
            span: None,
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
    /// Errors come first, then warnings; each in file order and, within a file, in source order.
    pub fn new(mut diagnostics: Vec<Diagnostic>, sources: Sources) -> Self {
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
    type Place<'a> = (&'a Anchor, &'a mut Option<(usize, usize)>);
    let mut by_file: BTreeMap<&Path, Vec<Place<'_>>> = BTreeMap::new();
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
    for (file, places) in by_file {
        let Some(text) = sources.get(file) else { continue };
        let paths: Vec<&JsonPath> = places
            .iter()
            .filter_map(|(anchor, _)| match anchor {
                Anchor::Path(path) => Some(path),
                _ => None,
            })
            .collect();
        let mut located = locate::locate_all(text, &paths).into_iter();
        for (anchor, span) in places {
            *span = match anchor {
                Anchor::Path(_) => located.next().flatten(),
                other => span_of(text, other),
            };
        }
    }
}

/// The byte range `anchor` points at in `text`.
fn span_of(text: &str, anchor: &Anchor) -> Option<(usize, usize)> {
    match anchor {
        Anchor::Path(path) => locate::locate(text, path),
        Anchor::LineColumn { line, column } => {
            let offset = offset_of_line_column(text, *line, *column);
            Some((offset, offset + 1))
        }
        Anchor::Offset(offset) => Some((*offset, offset + 1)),
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

/// The longest part of a source line a diagnostic quotes; longer lines (minified JSON) are cut
/// to a window around the marked place, with `...` where text was left out.
const MAX_QUOTED_CHARS: usize = 100;

/// The part of `line` to show, the column of the caret in it, and the caret's width.
fn window(line: &[char], start: usize, width: usize) -> (String, usize, usize) {
    let start = start.min(line.len());
    if line.len() <= MAX_QUOTED_CHARS {
        return (line.iter().collect(), start, width.clamp(1, MAX_QUOTED_CHARS));
    }
    let from = start.saturating_sub(MAX_QUOTED_CHARS / 3);
    let to = (from + MAX_QUOTED_CHARS).min(line.len());
    let mut shown = String::new();
    let mut caret = start - from;
    if from > 0 {
        shown.push_str("...");
        caret += 3;
    }
    shown.extend(&line[from..to]);
    if to < line.len() {
        shown.push_str("...");
    }
    let width = width.min(to.saturating_sub(start)).max(1);
    (shown, caret, width)
}

fn render_place(
    f: &mut fmt::Formatter<'_>,
    sources: &Sources,
    file: &Path,
    anchor: Option<&Anchor>,
    span: Option<(usize, usize)>,
    palette: Palette,
    caret_style: &str,
) -> fmt::Result {
    let Palette {
        gutter: blue, reset, ..
    } = palette;
    let text = sources.get(file);
    // Spans are resolved by `Report::new`; a diagnostic added to a report later is resolved here.
    let span = span.or_else(|| anchor.zip(text).and_then(|(anchor, text)| span_of(text, anchor)));
    let position = span.zip(text).map(|((start, end), text)| position_at(text, start, end));
    let number = position.as_ref().map(|pos| pos.line.to_string()).unwrap_or_default();
    let gutter = " ".repeat(number.len().max(1));
    let arrow = format!("{blue}-->{reset}");
    match (&position, anchor) {
        (Some(pos), _) => writeln!(f, "{gutter}{arrow} {}:{}:{}", file.display(), pos.line, pos.column)?,
        (None, Some(Anchor::LineColumn { line, column })) => {
            writeln!(f, "{gutter}{arrow} {}:{line}:{column}", file.display())?
        }
        _ => writeln!(f, "{gutter}{arrow} {}", file.display())?,
    }
    if let (Some(pos), Some(text)) = (&position, text) {
        let line: Vec<char> = printable(text[pos.line_range.0..pos.line_range.1].trim_end_matches('\r'))
            .chars()
            .collect();
        let start = text[pos.line_range.0..pos.mark.0].chars().count();
        let width = text[pos.mark.0..pos.mark.1].chars().count().max(1);
        let (shown, caret, width) = window(&line, start, width);
        writeln!(f, "{gutter} {blue}|{reset}")?;
        writeln!(f, "{blue}{number} |{reset} {shown}")?;
        writeln!(
            f,
            "{gutter} {blue}|{reset} {}{caret_style}{}{reset}",
            " ".repeat(caret),
            "^".repeat(width)
        )?;
    }
    if let Some(Anchor::Path(path)) = anchor
        && !path.is_root()
    {
        writeln!(f, "{gutter} {blue}={reset} at: {path}")?;
    }
    Ok(())
}

/// ANSI styles for a terminal, or none at all.
#[derive(Clone, Copy)]
struct Palette {
    error: &'static str,
    warning: &'static str,
    note: &'static str,
    help: &'static str,
    gutter: &'static str,
    bold: &'static str,
    reset: &'static str,
}

impl Palette {
    const PLAIN: Self = Self {
        error: "",
        warning: "",
        note: "",
        help: "",
        gutter: "",
        bold: "",
        reset: "",
    };
    const ANSI: Self = Self {
        error: "\x1b[1;31m",
        warning: "\x1b[1;33m",
        note: "\x1b[1;32m",
        help: "\x1b[1;36m",
        gutter: "\x1b[1;34m",
        bold: "\x1b[1m",
        reset: "\x1b[0m",
    };
}

/// A report rendered with ANSI colours, as from [`Report::colored`].
pub struct Colored<'a>(&'a Report);

impl fmt::Display for Colored<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.render(f, Palette::ANSI)
    }
}

impl Report {
    /// The report with ANSI colours, like rustc's on a terminal; `Display` of the report itself is
    /// plain text, for logs, files and build-script output.
    pub fn colored(&self) -> Colored<'_> {
        Colored(self)
    }

    fn render(&self, f: &mut fmt::Formatter<'_>, p: Palette) -> fmt::Result {
        let Palette { bold, reset, .. } = p;
        for diagnostic in &self.diagnostics {
            let (level, style) = match diagnostic.severity {
                Severity::Error => ("error", p.error),
                Severity::Warning => ("warning", p.warning),
            };
            writeln!(
                f,
                "{style}{level}{reset}{bold}: {}{reset}",
                printable(&diagnostic.message)
            )?;
            if let Some(file) = &diagnostic.file {
                render_place(
                    f,
                    &self.sources,
                    file,
                    diagnostic.anchor.as_ref(),
                    diagnostic.span,
                    p,
                    style,
                )?;
            }
            for related in &diagnostic.related {
                writeln!(f, "{}note{reset}: {}", p.note, printable(&related.message))?;
                render_place(
                    f,
                    &self.sources,
                    &related.file,
                    related.anchor.as_ref(),
                    related.span,
                    p,
                    p.note,
                )?;
            }
            if let Some(help) = &diagnostic.help {
                writeln!(f, "{}help{reset}: {}", p.help, printable(help))?;
            }
            writeln!(f)?;
        }
        let (errors, warnings) = (self.error_count(), self.warning_count());
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match (errors, warnings) {
            (0, 0) => Ok(()),
            (0, w) => writeln!(f, "{bold}{w} warning{}{reset}", plural(w)),
            (e, 0) => writeln!(f, "{bold}{e} error{}{reset}", plural(e)),
            (e, w) => writeln!(f, "{bold}{e} error{}, {w} warning{}{reset}", plural(e), plural(w)),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, Palette::PLAIN)
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
