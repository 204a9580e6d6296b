//! Serde types for everything hirekit reads: roles, companies, locations and
//! pay tables. No I/O here; loading lives in `load`.

pub(crate) mod company;
pub(crate) mod location;
pub(crate) mod pay;
pub(crate) mod role;

pub(crate) use company::Company;
pub(crate) use location::{Location, PayPeriod, Workplace};
pub(crate) use role::Role;

/// The period of a figure given without one: amounts under 500 are hourly.
pub(crate) fn guess_period(amount: Option<f64>) -> PayPeriod {
    match amount {
        Some(v) if v < 500.0 => PayPeriod::Hour,
        _ => PayPeriod::Year,
    }
}
