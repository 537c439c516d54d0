//! Maps a [`JsonPath`] back to its byte range in the source text, for diagnostics.
//!
//! Parsing takes the fast road (`serde_json`), which keeps no positions; only a file that has a
//! diagnostic is parsed again, once, when its report is built, into a syntax tree with byte ranges,
//! and each diagnostic's path walked there.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use crate::json_path::{JsonPath, Segment};

/// The byte range of the value at each path in `text`, or of its nearest ancestor that exists,
/// parsing the text once; `None` for every path when the text is not well-formed JSON. This is the
/// [`Locate`](crate::diagnostic::Locate) function of every run's sources.
pub fn locate_all(text: &str, paths: &[&JsonPath]) -> Vec<Option<(usize, usize)>> {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let parsed = parse_to_ast(
        &text[text_start..],
        &CollectOptions::default(),
        &ParseOptions::default(),
    );
    let Some(root) = parsed.as_ref().ok().and_then(|parsed| parsed.value.as_ref()) else {
        return vec![None; paths.len()];
    };
    paths
        .iter()
        .map(|path| {
            let range = walk(root, path).range();
            Some((text_start + range.start, text_start + range.end))
        })
        .collect()
}

/// The value at `path` below `value`, or the nearest ancestor that exists.
fn walk<'a>(mut value: &'a Value<'a>, path: &JsonPath) -> &'a Value<'a> {
    for segment in path.segments() {
        let next = match (segment, value) {
            (Segment::Key(key), Value::Object(object)) => object
                .properties
                .iter()
                .rev()
                .find(|prop| prop.name.as_str() == key)
                .map(|prop| &prop.value),
            (Segment::Index(index), Value::Array(array)) => array.elements.get(*index),
            _ => None,
        };
        match next {
            Some(next) => value = next,
            None => break,
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
        locate_all(text, &[path]).pop().flatten()
    }

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": [1, {\"b\": \"here\"}]\n}";
        let path = JsonPath::root().key("a").index(1).key("b");
        let (start, end) = locate(text, &path).unwrap();
        assert_eq!(&text[start..end], "\"here\"");
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let text = "{\"a\": {\"b\": 1}}";
        let (start, end) = locate(text, &JsonPath::root().key("a").key("missing")).unwrap();
        assert_eq!(&text[start..end], "{\"b\": 1}");
    }
}
