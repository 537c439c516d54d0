//! The workflow types over hand-written `SourceParams` and `FlowSpec` impls (what the generator
//! will emit per connector and flow spec): documented bodies build to the same JSON and read back,
//! strict mode names the member at fault, and explore requests are exact.

mod flows;
mod sources;

use flow_connectors::__private as rt;
use flow_connectors::{
    Accepts, Column, FlowSpec, Frequency, NoBaseConnection, RestSource, ScheduleRules, SecretString, SourceParams,
    StreamSource, TableSource, TransformationKind, WireForm, WithBaseConnection,
};
use rt::serde::ser::SerializeMap;

/// A table source (the generic database tutorial: BigQuery's spec id): `tableName` + `columns`.
#[derive(Clone, Debug, PartialEq)]
pub struct DbParams {
    pub table_name: String,
    pub columns: Vec<Column>,
}

impl rt::ParamObject for DbParams {
    fn write_params<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("tableName", &rt::Wire(&self.table_name))?;
        map.serialize_entry("columns", &rt::Wire(&self.columns))
    }
    fn read_params(reader: &mut rt::ParamReader) -> Result<Self, rt::DecodeError> {
        Ok(Self {
            table_name: reader.required("tableName", "tableName")?,
            columns: reader.required("columns", "columns")?,
        })
    }
}

impl SourceParams for DbParams {
    const CONNECTOR: &'static str = "google-big-query";
    const CONNECTION_SPEC_ID: &'static str = "3c9b37f8-13a6-43d8-bad3-b863b941fedd";
    const CONNECTION_SPEC_VERSION: &'static str = "1.0";
    const PROVIDER_ID: Option<&'static str> = Some("0ed90a81-07f4-4586-8190-b40eccef1c5a");
    const SENDS_PARAMS: bool = true;
    type Family = TableSource;
    type Base = WithBaseConnection;
}

/// A file source (the generic cloud storage tutorial: Azure Blob's spec id).
#[derive(Clone, Debug, PartialEq)]
pub struct FileParams {
    pub path: String,
    pub kind: Option<String>,
    pub recursive: Option<bool>,
}

impl rt::ParamObject for FileParams {
    fn write_params<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("path", &rt::Wire(&self.path))?;
        if let Some(kind) = &self.kind {
            map.serialize_entry("type", &rt::Wire(kind))?;
        }
        if let Some(recursive) = &self.recursive {
            map.serialize_entry("recursive", &rt::Wire(recursive))?;
        }
        Ok(())
    }
    fn read_params(reader: &mut rt::ParamReader) -> Result<Self, rt::DecodeError> {
        Ok(Self {
            path: reader.required("path", "path")?,
            kind: reader.optional("type", "type")?,
            recursive: reader.optional("recursive", "recursive")?,
        })
    }
}

impl SourceParams for FileParams {
    const CONNECTOR: &'static str = "azure-blob";
    const CONNECTION_SPEC_ID: &'static str = "4c10e202-c428-4796-9208-5f1f5732b1cf";
    const CONNECTION_SPEC_VERSION: &'static str = "1.0";
    const PROVIDER_ID: Option<&'static str> = Some("0ed90a81-07f4-4586-8190-b40eccef1c5a");
    const SENDS_PARAMS: bool = true;
    type Family = flow_connectors::FileSource;
    type Base = WithBaseConnection;
}

/// A REST source (Mailchimp Members): `listId`, plus a made-up secret to test redaction.
#[derive(Clone, Debug)]
pub struct MailchimpParams {
    pub list_id: String,
    pub token: Option<SecretString>,
}

impl rt::ParamObject for MailchimpParams {
    fn write_params<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("listId", &rt::Wire(&self.list_id))?;
        if let Some(token) = &self.token {
            map.serialize_entry("token", &rt::Wire(token))?;
        }
        Ok(())
    }
    fn read_params(reader: &mut rt::ParamReader) -> Result<Self, rt::DecodeError> {
        Ok(Self {
            list_id: reader.required("listId", "listId")?,
            token: reader.optional("token", "token")?,
        })
    }
}

impl SourceParams for MailchimpParams {
    const CONNECTOR: &'static str = "mailchimp-members";
    const CONNECTION_SPEC_ID: &'static str = "2e8580db-6489-4726-96de-e33f5f60295f";
    const CONNECTION_SPEC_VERSION: &'static str = "1.0";
    const PROVIDER_ID: Option<&'static str> = Some("0ed90a81-07f4-4586-8190-b40eccef1c5a");
    const SENDS_PARAMS: bool = true;
    type Family = RestSource;
    type Base = WithBaseConnection;
}

/// A webhook (Pendo): no base connection, no params.
#[derive(Clone, Debug, Default)]
pub struct PendoParams;

impl rt::ParamObject for PendoParams {
    fn write_params<M: SerializeMap>(&self, _map: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn read_params(_reader: &mut rt::ParamReader) -> Result<Self, rt::DecodeError> {
        Ok(Self)
    }
}

impl SourceParams for PendoParams {
    const CONNECTOR: &'static str = "pendo-webhook";
    const CONNECTION_SPEC_ID: &'static str = "6ff5654f-19d5-427d-bd3e-c0ebc802389a";
    const CONNECTION_SPEC_VERSION: &'static str = "1.0";
    const PROVIDER_ID: Option<&'static str> = Some("521eee4d-8cbe-4906-bb48-fb6bd4450033");
    const SENDS_PARAMS: bool = false;
    type Family = StreamSource;
    type Base = NoBaseConnection;
}

/// CRMToAEP, from `_generic/database-nosql.flowSpec.CRMToAEP.json`.
#[derive(Clone, Copy, Debug)]
pub struct CrmToAep;

impl FlowSpec for CrmToAep {
    const ID: &'static str = "14518937-270c-4525-bdec-c2ba7cce3860";
    const VERSION: &'static str = "1.0";
    const NAME: &'static str = "CRMToAEP";
    const SCHEDULE: Option<ScheduleRules> = Some(
        ScheduleRules::new(
            &[
                Frequency::Once,
                Frequency::Minute,
                Frequency::Hour,
                Frequency::Day,
                Frequency::Week,
            ],
            &[(Frequency::Minute, 15)],
            WireForm::Integer,
        )
        .mark_interval_required()
        .mark_backfill(),
    );
    const TRANSFORMATIONS: &'static [TransformationKind] = &[TransformationKind::Copy, TransformationKind::Mapping];
    const MAPPING_VERSION: WireForm = WireForm::String;
}

impl Accepts<DbParams> for CrmToAep {}

/// RestStorageToPlatform: Mapping only, the same schedule rules.
#[derive(Clone, Copy, Debug)]
pub struct RestStorageToPlatform;

impl FlowSpec for RestStorageToPlatform {
    const ID: &'static str = "6499120c-0b15-42dc-936e-847ea3c24d72";
    const VERSION: &'static str = "1.0";
    const NAME: &'static str = "RestStorageToPlatform";
    const SCHEDULE: Option<ScheduleRules> = CrmToAep::SCHEDULE;
    const TRANSFORMATIONS: &'static [TransformationKind] = &[TransformationKind::Mapping];
    const MAPPING_VERSION: WireForm = WireForm::String;
}

impl Accepts<MailchimpParams> for RestStorageToPlatform {}

/// The streaming SDK's flow spec: no schedule.
#[derive(Clone, Copy, Debug)]
pub struct StreamingSdk;

impl FlowSpec for StreamingSdk {
    const ID: &'static str = "e77fde5a-22a8-11ed-861d-0242ac120002";
    const VERSION: &'static str = "1.0";
    const NAME: &'static str = "StreamingSdk";
    const SCHEDULE: Option<ScheduleRules> = None;
    const TRANSFORMATIONS: &'static [TransformationKind] = &[TransformationKind::Mapping];
    const MAPPING_VERSION: WireForm = WireForm::Integer;
}

impl Accepts<PendoParams> for StreamingSdk {}
