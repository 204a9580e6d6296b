//! The occupation library: O*NET 29.3 occupations (CC BY 4.0) and what
//! hirekit drafts from them. `model` is the data type of one occupation;
//! `draft` turns one into a role profile.

pub mod draft;
pub mod model;
