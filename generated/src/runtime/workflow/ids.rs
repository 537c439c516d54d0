//! Ids the service returns, typed by what they name, so a source connection id cannot be passed
//! where a base connection id is wanted.

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! plain_id {
    ($(#[doc = $doc:literal])+ $name:ident) => {
        $(#[doc = $doc])+
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id the service returned (or one read from configuration).
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as sent.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

plain_id! {
    /// The id of a base connection (`POST /connections` returned it): what explore calls and a
    /// source connection's `baseConnectionId` name.
    BaseConnectionId
}
plain_id! {
    /// The id of a target connection (`POST /targetConnections` returned it).
    TargetConnectionId
}
plain_id! {
    /// The id of a dataflow (`POST /flows` returned it).
    FlowId
}

/// The id of a source connection of the connector whose source params type is `P`
/// (`POST /sourceConnections` returned it). A flow spec accepts it only if it accepts `P`'s
/// connector ([`Accepts`](crate::Accepts)).
pub struct SourceConnectionId<P> {
    id: String,
    connector: PhantomData<fn() -> P>,
}

impl<P> SourceConnectionId<P> {
    /// Wraps an id the service returned for a source connection of `P`'s connector.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            connector: PhantomData,
        }
    }

    /// The id as sent.
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

// Written out: derives would require `P: Clone` and so on, and `P` is only a marker.
impl<P> Clone for SourceConnectionId<P> {
    fn clone(&self) -> Self {
        Self::new(self.id.clone())
    }
}

impl<P> fmt::Debug for SourceConnectionId<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SourceConnectionId").field(&self.id).finish()
    }
}

impl<P> fmt::Display for SourceConnectionId<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl<P> PartialEq for SourceConnectionId<P> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<P> Eq for SourceConnectionId<P> {}

impl<P> std::hash::Hash for SourceConnectionId<P> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl<P> AsRef<str> for SourceConnectionId<P> {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl<P> Serialize for SourceConnectionId<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id)
    }
}

impl<'de, P> Deserialize<'de> for SourceConnectionId<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}
