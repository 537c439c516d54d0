//! The generator's policies: naming (keywords, digits, acronyms, folded names, reserved methods),
//! collisions (across files and within one file), spec quirks (non-UUID ids, empty `authSpec`,
//! dangling `required`) and the schema subset (unsupported keywords, enums, objects, arrays,
//! defaults, patterns, secrets), and the typed patch (pointers, redaction).
//!
//! Every test writes small spec files into a temporary directory and asserts on the IR
//! (`validate()`), the rendered code (`render()`) or the diagnostics: message, severity, the JSON
//! path of the anchor, the file, and the related locations. Where tests share a shape they are rows
//! of one table ([`support::each_row`]): a failing row is named in the failure.

mod collisions;
mod defaults;
mod enums;
mod naming;
mod patch;
mod quirks;
mod schema;
mod support;
