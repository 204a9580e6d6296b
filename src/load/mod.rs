//! Reading files into the model. Every error names the file and, where there
//! is one, the line and column (YAML) or the row and column (CSV).

pub(crate) mod company;
pub(crate) mod csvfile;
pub(crate) mod location;
pub(crate) mod locations;
pub(crate) mod pay;
pub(crate) mod pay_arg;
pub(crate) mod role;
pub(crate) mod schema;
pub(crate) mod yaml;

pub(crate) use crate::text::{read, utf8};
