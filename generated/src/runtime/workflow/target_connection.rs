//! The `POST /targetConnections` body for the Data Lake: the dataset data lands in.

use serde::Serialize;
use serde_json::{Value, json};

use super::body::Fields;
use super::data::SchemaRef;
use crate::runtime::context::RequestContext;
use crate::runtime::error::{BodyKind, DecodeError, RequestError};
use crate::runtime::read::DecodeMode;

/// The Data Lake's connection spec id, the one every documented target connection names.
pub const DATA_LAKE_SPEC_ID: &str = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
/// The Data Lake connection spec version.
pub const DATA_LAKE_SPEC_VERSION: &str = "1.0";

/// The format data is written in (`data.format` of a target connection).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub enum TargetFormat {
    /// `parquet_xdm`: batch sources.
    #[serde(rename = "parquet_xdm")]
    ParquetXdm,
    /// `json`: streaming and some REST sources.
    #[serde(rename = "json")]
    Json,
}

impl TargetFormat {
    const VALUES: [(&'static str, TargetFormat); 2] = [("parquet_xdm", Self::ParquetXdm), ("json", Self::Json)];

    /// The value sent.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetFormat::ParquetXdm => "parquet_xdm",
            TargetFormat::Json => "json",
        }
    }
}

/// A `POST /targetConnections` body: data lands in the Data Lake dataset `dataSetId`, checked
/// against the XDM schema `data.schema` when one is named.
///
/// Its JSON is `{"name", "description"?, "data": {"format"?, "schema"?: {"id", "version"}},
/// "params": {"dataSetId"}, "connectionSpec": {"id": "c604ff05-...", "version": "1.0"}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateTargetConnection {
    /// The target connection's display name.
    pub name: String,
    /// An optional description.
    pub description: Option<String>,
    /// `data.format`; some tutorials leave it out.
    pub format: Option<TargetFormat>,
    /// `data.schema`: the target dataset's XDM schema (`None`: the dataset's own, for data that is
    /// XDM already or raw, as the streaming and some REST tutorials send).
    pub schema: Option<SchemaRef>,
    /// `params.dataSetId`: the target dataset.
    pub dataset_id: String,
}

impl CreateTargetConnection {
    /// A target connection named `name` into the dataset `dataset_id` of the XDM schema `schema`.
    pub fn new(name: impl Into<String>, dataset_id: impl Into<String>, schema: SchemaRef) -> Self {
        Self {
            name: name.into(),
            description: None,
            format: None,
            schema: Some(schema),
            dataset_id: dataset_id.into(),
        }
    }

    /// A target connection named `name` into the dataset `dataset_id`, naming no XDM schema: data
    /// that is XDM already (streaming) or lands as the dataset's own schema.
    pub fn without_schema(name: impl Into<String>, dataset_id: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            format: None,
            schema: None,
            dataset_id: dataset_id.into(),
        }
    }

    string_setters!(
        /// Sets the description.
        description,
    );

    /// Sets `data.format`.
    pub fn format(mut self, format: TargetFormat) -> Self {
        self.format = Some(format);
        self
    }

    /// The JSON body.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&self.to_value())
    }

    /// The JSON body as a value.
    pub fn to_value(&self) -> Value {
        let mut data = json!({});
        if let Some(schema) = &self.schema {
            data["schema"] = json!(schema);
        }
        if let Some(format) = self.format {
            data["format"] = json!(format);
        }
        let mut body = json!({"name": self.name});
        if let Some(description) = &self.description {
            body["description"] = json!(description);
        }
        body["data"] = data;
        body["params"] = json!({"dataSetId": self.dataset_id});
        body["connectionSpec"] = json!({"id": DATA_LAKE_SPEC_ID, "version": DATA_LAKE_SPEC_VERSION});
        body
    }

    /// The complete HTTP request: `POST {base}/targetConnections` with the context's headers.
    pub fn to_http_request(&self, context: &RequestContext) -> Result<http::Request<Vec<u8>>, RequestError> {
        context.post_json("/targetConnections", self.to_json_bytes()?)
    }

    /// Reads a target connection body in `mode`: the Data Lake's connection spec, `data` and
    /// `params.dataSetId` are required, `data.format` must be one the Data Lake takes; strict
    /// mode also rejects members a request body does not have. Errors name the member.
    pub fn from_value(value: Value, mode: DecodeMode) -> Result<Self, DecodeError> {
        let mut body = Fields::root(value, BodyKind::TargetConnection, mode)?;
        let name = body.required_string("name")?;
        let description = body.string("description")?;
        body.expect_spec_ref(
            "connectionSpec",
            DATA_LAKE_SPEC_ID,
            DATA_LAKE_SPEC_VERSION,
            "the Data Lake's connection spec id",
        )?;
        let mut data = body.required_object("data")?;
        let format = match data.optional("format") {
            None => None,
            Some(found) => {
                let known = TargetFormat::VALUES
                    .iter()
                    .find(|(wire, _)| Some(*wire) == found.as_str());
                let expected = r#"one of "parquet_xdm", "json""#;
                Some(
                    known
                        .map(|(_, format)| *format)
                        .ok_or_else(|| data.expected("format", expected, &found))?,
                )
            }
        };
        let schema = SchemaRef::read(&mut data, "schema")?;
        data.finish()?;
        let mut params = body.required_object("params")?;
        let dataset_id = params.required_string("dataSetId")?;
        params.finish()?;
        body.finish()?;
        Ok(Self {
            name,
            description,
            format,
            schema,
            dataset_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `marketing-automation--mailchimp-members/workflow.json`, targetConnections[0].
    fn documented() -> Value {
        json!({"name": "MailChimp target connection", "description": "MailChimp Members target connection",
            "connectionSpec": {"id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0"},
            "data": {"format": "parquet_xdm", "schema": {
                "id": "https://ns.adobe.com/{TENANT_ID}/schemas/570630b91eb9d5cf5db0436756abb110d02912917a67da2d",
                "version": "application/vnd.adobe.xed-full+json;version=1"}},
            "params": {"dataSetId": "6155e3a9bd13651949515f14"}})
    }

    #[test]
    fn a_documented_body_builds_and_reads_back() {
        let schema =
            SchemaRef::new("https://ns.adobe.com/{TENANT_ID}/schemas/570630b91eb9d5cf5db0436756abb110d02912917a67da2d");
        let built = CreateTargetConnection::new("MailChimp target connection", "6155e3a9bd13651949515f14", schema)
            .description("MailChimp Members target connection")
            .format(TargetFormat::ParquetXdm);
        assert_eq!(built.to_value(), documented());
        assert_eq!(
            CreateTargetConnection::from_value(documented(), DecodeMode::Strict).unwrap(),
            built
        );
    }

    #[test]
    fn errors_name_the_member() {
        let mut body = documented();
        body["data"]["format"] = json!("delimited");
        let error = CreateTargetConnection::from_value(body, DecodeMode::Strict).unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"target connection body, `data.format`: expected one of "parquet_xdm", "json", got the string "delimited""#
        );
        let mut body = documented();
        body["connectionSpec"]["id"] = json!("221c7626-58f6-4eec-8ee2-042b0226f03b");
        let error = CreateTargetConnection::from_value(body, DecodeMode::Strict).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`connectionSpec.id`: expected the Data Lake's"),
            "{error}"
        );
        let mut body = documented();
        body["baseConnectionId"] = json!("x");
        let error = CreateTargetConnection::from_value(body.clone(), DecodeMode::Strict).unwrap_err();
        assert!(
            error.to_string().contains("`baseConnectionId`: not a member"),
            "{error}"
        );
        assert!(CreateTargetConnection::from_value(body, DecodeMode::Lenient).is_ok());
        let mut body = documented();
        body["params"] = json!({});
        let error = CreateTargetConnection::from_value(body, DecodeMode::Lenient).unwrap_err();
        assert_eq!(error.to_string(), "target connection body, `params.dataSetId`: missing");
    }
}
