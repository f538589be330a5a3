//! What a 财政局 reviewer reads in the 情况说明 besides the figures' sums: changes recomputed
//! from the two figures they compare. Each family is one module.

mod changes;

use super::Rule;

pub const RULES: &[Rule] = &[changes::RULE];
