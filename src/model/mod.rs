//! Serde types for everything hirekit reads: roles, companies, locations and
//! pay tables. No I/O here; loading lives in `load`.

pub mod company;
pub mod location;
pub mod pay;
pub mod role;

pub use company::Company;
pub use location::{Location, PayPeriod, Workplace};
pub use pay::{PayRow, PayTable};
pub use role::Role;
