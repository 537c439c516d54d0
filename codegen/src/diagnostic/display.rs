//! Displaying a [`Report`] like rustc: each diagnostic with its file, line and column, the quoted
//! source line with a caret under the marked part, related locations and help.

use std::fmt;
use std::path::Path;

use super::{Anchor, Report, Severity, Sources, Span};

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

pub(super) fn offset_of_line_column(text: &str, line: usize, column: usize) -> usize {
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
/// to a window around the marked part, with `...` where text was left out.
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

/// Displays where a diagnostic (or a related note) points: `--> file:line:column`, the quoted line
/// with carets, and the JSON path.
fn display_location(
    f: &mut fmt::Formatter<'_>,
    sources: &Sources,
    file: &Path,
    anchor: Option<&Anchor>,
    span: Option<Span>,
    palette: Palette,
    caret_style: &str,
) -> fmt::Result {
    let Palette {
        gutter: blue, reset, ..
    } = palette;
    let text = sources.get(file);
    // Spans are resolved by `Report::new`; a diagnostic added to a report later is resolved here.
    let span = span.or_else(|| {
        anchor
            .zip(text)
            .and_then(|(anchor, text)| sources.span_of(text, anchor))
    });
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

/// A report displayed with ANSI colours, as from [`Report::colored`].
pub struct Colored<'a>(&'a Report);

impl fmt::Display for Colored<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.display(f, Palette::ANSI)
    }
}

impl Report {
    /// The report with ANSI colours, like rustc's on a terminal; `Display` of the report itself is
    /// plain text, for logs, files and build-script output.
    pub fn colored(&self) -> Colored<'_> {
        Colored(self)
    }

    fn display(&self, f: &mut fmt::Formatter<'_>, p: Palette) -> fmt::Result {
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
                display_location(
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
                display_location(
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
        self.display(f, Palette::PLAIN)
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
