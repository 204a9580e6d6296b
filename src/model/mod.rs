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

/// The period of a figure given without one: amounts under 500 are hourly.
pub fn guess_period(amount: Option<f64>) -> PayPeriod {
    match amount {
        Some(v) if v < 500.0 => PayPeriod::Hour,
        _ => PayPeriod::Year,
    }
}
