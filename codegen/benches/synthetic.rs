//! Deterministic synthetic catalogs of Flow Service connection specs, for benchmarks and tests.
//!
//! Every connector is one spec file in the shape of `specs/*.json`: a canonical UUID id, a unique
//! name, 1-3 auth specs, each with 2-10 params drawn from a vocabulary of realistic credentials:
//! strings, secrets (`"format": "password"`), integers with defaults, booleans, string enums, the
//! odd `pattern` and `format: uri`, some of them optional. How many auth specs and params a
//! connector gets, and how many are required, depends on the [`Mix`]. The same `count` and mix
//! always give the same bytes (a fixed-seed SplitMix64, no `rand`).

use serde_json::{Map, Value, json};

/// How counts are drawn within the ranges (1-3 auth specs, 2-10 params per auth spec).
#[derive(Clone, Copy, Debug)]
#[allow(dead_code)] // each user of this module draws the mixes it needs
pub enum Mix {
    /// Like the real catalog. `specs/` (48 connectors, November 2026) has 1 auth spec in 37
    /// connectors and 2 in 11; auth specs with 1, 2, 3, ..., 9 params: 13, 4, 20, 8, 7, 4, 2, 0, 1;
    /// 90% of params required. The weights below are that histogram clamped to the ranges (a
    /// 1-param auth spec counts as 2), with a little weight on 3 auth specs and on 8 and 10
    /// params so that every count occurs: 1.3 auth specs of 3.7 params, 4.8 params per connector
    /// (`specs/`: 4.1).
    Realistic,
    /// Every count in the ranges equally likely, a third of the params optional: 2 auth specs of
    /// 6 params, 12 params per connector, three times the real catalog's. A stress test.
    Uniform,
}

impl Mix {
    /// (count, weight) of auth specs per connector.
    fn auth_specs(self) -> &'static [(usize, u64)] {
        match self {
            Mix::Realistic => &[(1, 75), (2, 20), (3, 5)],
            Mix::Uniform => &[(1, 1), (2, 1), (3, 1)],
        }
    }

    /// (count, weight) of params per auth spec.
    fn params(self) -> &'static [(usize, u64)] {
        match self {
            Mix::Realistic => &[
                (2, 17),
                (3, 20),
                (4, 8),
                (5, 7),
                (6, 4),
                (7, 2),
                (8, 1),
                (9, 1),
                (10, 1),
            ],
            Mix::Uniform => &[(2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1)],
        }
    }

    /// Out of how many params one is optional.
    fn one_optional_in(self) -> u64 {
        match self {
            Mix::Realistic => 10,
            Mix::Uniform => 3,
        }
    }
}

/// A param the generator can draw: its name and schema.
struct Template {
    name: &'static str,
    schema: fn() -> Value,
}

fn string(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn secret(description: &str) -> Value {
    json!({ "type": "string", "format": "password", "description": description })
}

/// The vocabulary: 32 params, about a third of them secrets, with a few enums, integers, booleans,
/// patterns and formats, like the real catalog.
const PARAMS: &[Template] = &[
    Template {
        name: "host",
        schema: || string("Server host name, such as db.example.com."),
    },
    Template {
        name: "port",
        schema: || json!({ "type": "integer", "description": "Server port.", "default": 5432 }),
    },
    Template {
        name: "database",
        schema: || string("Name of the database to read from."),
    },
    Template {
        name: "username",
        schema: || string("User name to sign in with."),
    },
    Template {
        name: "password",
        schema: || secret("Password of the user."),
    },
    Template {
        name: "accountName",
        schema: || string("Account name, as shown in the admin console."),
    },
    Template {
        name: "region",
        schema: || string("Region of the account, such as us-east-1."),
    },
    Template {
        name: "warehouse",
        schema: || string("Default warehouse for queries."),
    },
    Template {
        name: "projectId",
        schema: || string("Identifier of the project."),
    },
    Template {
        name: "tenantId",
        schema: || string("Tenant (directory) identifier."),
    },
    Template {
        name: "clientId",
        schema: || string("Client identifier of the registered application."),
    },
    Template {
        name: "clientSecret",
        schema: || secret("Client secret of the registered application."),
    },
    Template {
        name: "accessToken",
        schema: || secret("Access token issued by the service."),
    },
    Template {
        name: "refreshToken",
        schema: || secret("Refresh token used to obtain new access tokens."),
    },
    Template {
        name: "apiKey",
        schema: || secret("API key generated in the service's settings."),
    },
    Template {
        name: "secretKey",
        schema: || secret("Secret access key paired with the access key id."),
    },
    Template {
        name: "accessKeyId",
        schema: || string("Access key id."),
    },
    Template {
        name: "privateKey",
        schema: || secret("Base64-encoded private key."),
    },
    Template {
        name: "connectionString",
        schema: || secret("Connection string with every setting needed."),
    },
    Template {
        name: "sasToken",
        schema: || secret("Shared access signature token."),
    },
    Template {
        name: "endpoint",
        schema: || json!({ "type": "string", "format": "uri", "description": "Base URL of the service API." }),
    },
    Template {
        name: "siteUrl",
        schema: || json!({ "type": "string", "format": "uri", "description": "URL of the site." }),
    },
    Template {
        name: "bucketName",
        schema: || string("Name of the bucket."),
    },
    Template {
        name: "folderPath",
        schema: || string("Path of the folder to read, such as /exports/daily."),
    },
    Template {
        name: "domain",
        schema: || {
            json!({
                "type": "string",
                "description": "Domain of the instance, such as acme.",
                "pattern": "^[a-z0-9-]+$"
            })
        },
    },
    Template {
        name: "timeout",
        schema: || json!({ "type": "integer", "description": "Query timeout in seconds.", "default": 30 }),
    },
    Template {
        name: "useSsl",
        schema: || json!({ "type": "boolean", "description": "Connect over TLS." }),
    },
    Template {
        name: "sandbox",
        schema: || json!({ "type": "boolean", "description": "Connect to the sandbox environment." }),
    },
    Template {
        name: "sslMode",
        schema: || {
            json!({
                "type": "string",
                "description": "TLS verification mode.",
                "enum": ["disable", "require", "verify-ca", "verify-full"]
            })
        },
    },
    Template {
        name: "authenticationType",
        schema: || {
            json!({
                "type": "string",
                "description": "How the credentials are checked.",
                "enum": ["Basic", "OAuth2", "Token"]
            })
        },
    },
    Template {
        name: "environment",
        schema: || {
            json!({
                "type": "string",
                "description": "Environment of the account.",
                "enum": ["production", "sandbox"],
                "default": "production"
            })
        },
    },
    Template {
        name: "apiVersion",
        schema: || json!({ "type": "string", "enum": ["v1", "v2", "v3"] }),
    },
];

const AUTH_SPECS: &[&str] = &[
    "Basic Authentication",
    "OAuth2 Refresh Code",
    "OAuth2 Client Credential",
    "Connection String Based Authentication",
    "Service Principal Key Based Authentication",
    "API Key Authentication",
    "Account Key Authentication",
];

/// SplitMix64: a small, well-mixed, seedable generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    /// One of the counts, as likely as its weight.
    fn weighted(&mut self, choices: &[(usize, u64)]) -> usize {
        let total: u64 = choices.iter().map(|(_, weight)| weight).sum();
        let mut draw = self.next() % total;
        for &(count, weight) in choices {
            if draw < weight {
                return count;
            }
            draw -= weight;
        }
        unreachable!("the draw is below the total weight")
    }

    /// `count` distinct indices below `len`, in drawn order (a partial Fisher-Yates shuffle).
    fn pick(&mut self, count: usize, len: usize) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..len).collect();
        for i in 0..count {
            let j = self.between(i, len - 1);
            indices.swap(i, j);
        }
        indices.truncate(count);
        indices
    }
}

/// One auth spec with 2-10 params, at least one of them a secret.
fn auth_spec(rng: &mut Rng, mix: Mix, name: &str) -> Value {
    let count = rng.weighted(mix.params());
    let mut picked = rng.pick(count, PARAMS.len());
    if !picked.iter().any(|&i| (PARAMS[i].schema)()["format"] == "password") {
        picked[0] = 4; // `password`: not picked yet, as no secret was
    }
    let mut properties = Map::new();
    let mut required = Vec::new();
    for index in picked {
        let template = &PARAMS[index];
        properties.insert(template.name.to_owned(), (template.schema)());
        if !rng.next().is_multiple_of(mix.one_optional_in()) {
            required.push(Value::from(template.name));
        }
    }
    json!({
        "name": name,
        "type": name.replace(' ', ""),
        "spec": {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "description": format!("Connects with {name}."),
            "properties": properties,
            "required": required,
        }
    })
}

/// The spec of connector number `index`.
fn connector(rng: &mut Rng, mix: Mix, index: usize) -> Value {
    let auth_count = rng.weighted(mix.auth_specs());
    let auth_specs: Vec<Value> = rng
        .pick(auth_count, AUTH_SPECS.len())
        .into_iter()
        .map(|i| auth_spec(rng, mix, AUTH_SPECS[i]))
        .collect();
    let tag = rng.next();
    json!({
        "id": format!("{:08x}-{:04x}-4{:03x}-8{:03x}-{index:012x}", tag >> 32, tag & 0xffff, (tag >> 16) & 0xfff, (tag >> 4) & 0xfff),
        "name": format!("synthetic-{index:05}"),
        "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
        "version": "1.0",
        "description": format!("Synthetic connector number {index}."),
        "attributes": { "uiAttributes": { "label": format!("Synthetic {index}") } },
        "authSpec": auth_specs,
    })
}

/// A catalog of `count` connectors: (file name, pretty-printed JSON bytes), one file each.
pub fn catalog(count: usize, mix: Mix) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(0x5eed_f10e_c0de_0001);
    (0..count)
        .map(|index| {
            let spec = connector(&mut rng, mix, index);
            let bytes = serde_json::to_vec_pretty(&spec).expect("a JSON value serializes");
            (format!("synthetic-{index:05}.json"), bytes)
        })
        .collect()
}
