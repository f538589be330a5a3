//! placeholder
use super::Rule;
pub const RULES: &[Rule] = &[];
