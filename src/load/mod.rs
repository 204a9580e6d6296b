//! Reading files into the model. Every error names the file and, where there
//! is one, the line and column (YAML) or the row and column (CSV).

pub mod company;
pub mod csvfile;
pub mod location;
pub mod locations;
pub mod pay;
pub mod role;
pub mod schema;
pub mod yaml;

pub use crate::text::{read, utf8};
