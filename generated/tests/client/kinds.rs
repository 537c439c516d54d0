//! Hand-written `SourceParams` and `FlowSpec` impls, what the generator will emit per connector
//! and flow spec (the checked-in connectors do not implement them yet): a table source, a REST
//! source with a secret param, and their flow specs.

use flow_connectors::__private as rt;
use flow_connectors::{
    Accepts, Column, FlowSpec, Frequency, RestSource, ScheduleRules, SecretString, SourceParams, TableSource,
    TransformationKind, WireForm, WithBaseConnection,
};
use rt::serde::ser::SerializeMap;

/// A table source (BigQuery's spec id): `tableName` + `columns`.
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

/// A REST source (Mailchimp Members): `listId`, and a secret `token` to prove redaction.
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

/// `MailchimpParams` for `list_id` with the secret token `token`.
pub fn mailchimp(list_id: &str, token: &str) -> MailchimpParams {
    MailchimpParams {
        list_id: list_id.into(),
        token: Some(SecretString::from(token.to_owned())),
    }
}

/// CRMToAEP (`_generic/database-nosql.flowSpec.CRMToAEP.json`).
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
