//! The column mapping types live in the model ([`crate::model::mapping`]): a workspace
//! remembers them, and the model imports nothing from `io`. The importer uses them from here.

pub use crate::model::mapping::{ColumnMapping, Field, SavedMapping, Source, header_key};
