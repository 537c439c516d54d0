//! The naming policy: how spec names become Rust identifiers.
//!
//! Every name depends only on the string it is made from, never on other connectors or on file
//! order, so adding or removing a connector never renames anything else. The rules:
//! - modules, fields and setters are `snake_case`; types and variants are `UpperCamelCase`
//!   (word boundaries from case changes, spaces and punctuation, as `heck` splits them);
//! - only ASCII letters, digits and `_` survive, and no name starts with `_` (generated code
//!   reserves `__rt` and `__required`); a name that starts with a digit gets a leading `n` / `N`
//!   (`3m` -> `n3m`);
//! - Rust keywords of every edition (`type`, `ref`, `self`, `gen`, ...) get a trailing `_`;
//! - fields that would clash with generated methods (`build`, `builder`, `default`, `new`, and the
//!   patch type's `name`, `description`, `params`) get a trailing `_value`.
//!
//! Names that still collide are reported as errors by the lowering step, pointing at both locations.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Strict, reserved and edition-dependent keywords: none of them is usable as a plain identifier.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Param names that would shadow methods of the generated params, builder and patch types (a
/// patch type has a setter per param next to `name`, `description` and `params`).
const RESERVED_FIELDS: &[&str] = &["build", "builder", "default", "description", "name", "new", "params"];

fn ascii_only(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn finish(mut name: String, digit_prefix: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, digit_prefix);
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    Some(name)
}

/// `snake_case` identifier for a module, or `None` if the name has no ASCII letter or digit.
pub fn snake(name: &str) -> Option<String> {
    finish(ascii_only(name).to_snake_case(), "n")
}

/// `UpperCamelCase` identifier for a type or variant, or `None` if nothing usable is left.
pub fn camel(name: &str) -> Option<String> {
    finish(ascii_only(name).to_upper_camel_case(), "N")
}

/// Field and setter name for a param: `snake_case`, clear of the generated methods.
pub fn field(name: &str) -> Option<String> {
    clear_of_methods(snake(name)?)
}

/// The letter-exact field name, used for every param of a group whose plain names fold together
/// (`clientId` / `clientID`): each upper-case letter starts a word, so `clientID` becomes
/// `client_i_d`. Depends only on `name`, so it is as stable as [`field`].
pub fn exact_field(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_end_matches('_').to_owned();
    clear_of_methods(finish(trimmed, "n")?)
}

/// A type name made of two camel-case names (`{type}Builder`, `{connector}{auth spec}`, a nested
/// type prefixed with its parent). The keyword escape of the first (`Self_`) is dropped: an
/// underscore inside a type name is not camel case (`SelfBuilder`, not `Self_Builder`).
pub fn join(prefix: &str, suffix: &str) -> String {
    format!("{}{suffix}", prefix.strip_suffix('_').unwrap_or(prefix))
}

fn clear_of_methods(mut field: String) -> Option<String> {
    if RESERVED_FIELDS.contains(&field.as_str()) {
        field.push_str("_value");
    }
    Some(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_fields_and_modules() {
        assert_eq!(field("servicePrincipalKey").as_deref(), Some("service_principal_key"));
        assert_eq!(field("clientID").as_deref(), Some("client_id"));
        assert_eq!(field("clientId").as_deref(), Some("client_id"));
        assert_eq!(snake("dynamics-online").as_deref(), Some("dynamics_online"));
        assert_eq!(
            snake("apache-hive-azure-hdinsights").as_deref(),
            Some("apache_hive_azure_hdinsights")
        );
    }

    #[test]
    fn camel_case_types() {
        assert_eq!(
            camel("Basic Authentication for Dynamics-Online").as_deref(),
            Some("BasicAuthenticationForDynamicsOnline")
        );
        assert_eq!(camel("OAuth2 Refresh Code").as_deref(), Some("OAuth2RefreshCode"));
        assert_eq!(
            camel("Topic & Subscription Based Authentication").as_deref(),
            Some("TopicSubscriptionBasedAuthentication")
        );
        assert_eq!(camel("oAuth2RefreshCode").as_deref(), Some("OAuth2RefreshCode"));
    }

    #[test]
    fn no_name_starts_with_an_underscore() {
        // Generated files name `__rt` and `__required`; no spec name may take them.
        for name in [
            "__rt",
            "__required",
            "_private",
            "_",
            "__",
            "_3m",
            " _x",
            "__Rt",
            "-_a",
            "a__b",
            "_clientID",
        ] {
            for made in [snake(name), camel(name), field(name), exact_field(name)]
                .into_iter()
                .flatten()
            {
                assert!(!made.starts_with('_'), "{name:?} became {made:?}");
            }
        }
        assert_eq!(field("__rt").as_deref(), Some("rt"));
        assert_eq!(snake("__required").as_deref(), Some("required"));
    }

    #[test]
    fn keywords_digits_and_reserved_methods() {
        assert_eq!(field("type").as_deref(), Some("type_"));
        assert_eq!(field("self").as_deref(), Some("self_"));
        assert_eq!(field("gen").as_deref(), Some("gen_"));
        assert_eq!(field("build").as_deref(), Some("build_value"));
        assert_eq!(field("builder").as_deref(), Some("builder_value"));
        assert_eq!(snake("3m").as_deref(), Some("n3m"));
        assert_eq!(camel("Self").as_deref(), Some("Self_"));
        assert_eq!(camel("2-legged OAuth").as_deref(), Some("N2LeggedOAuth"));
        assert_eq!(snake("***"), None);
        assert_eq!(camel("日本"), None);
    }

    #[test]
    fn joined_type_names_stay_camel_case() {
        assert_eq!(join("Self_", "Builder"), "SelfBuilder");
        assert_eq!(join("Basic", "Builder"), "BasicBuilder");
        assert_eq!(join("Dynamics", "Self_"), "DynamicsSelf_");
    }

    #[test]
    fn letter_exact_fields_separate_folded_names() {
        assert_eq!(exact_field("clientId").as_deref(), Some("client_id"));
        assert_eq!(exact_field("clientID").as_deref(), Some("client_i_d"));
        assert_eq!(exact_field("client-id").as_deref(), Some("client_id"));
        assert_eq!(exact_field("Type").as_deref(), Some("type_"));
        assert_eq!(exact_field("Build").as_deref(), Some("build_value"));
        assert_eq!(exact_field("9Lives").as_deref(), Some("n9_lives"));
        assert_eq!(exact_field("--"), None);
    }
}
