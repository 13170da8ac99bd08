//! Answers that may be "不清楚 / I don't know".
//!
//! In the JSON contract a fact the user does not know is written as `null`; a fact that is
//! simply left out takes its documented default. Rules never guess an unknown fact: a test that
//! depends on one becomes `possible` and names it (rules-decisions.md, "Results").

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value the user knows, or said they do not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact<T> {
    Known(T),
    Unknown,
}

impl<T> Fact<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Fact::Known(v) => Some(v),
            Fact::Unknown => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Fact::Unknown)
    }
}

impl<T: Copy> Fact<T> {
    pub fn get(&self) -> Option<T> {
        self.known().copied()
    }
}

impl Fact<bool> {
    /// True only when known to be true.
    pub fn is_true(&self) -> bool {
        matches!(self, Fact::Known(true))
    }
}

impl<T: Default> Default for Fact<T> {
    fn default() -> Self {
        Fact::Known(T::default())
    }
}

impl<T: Serialize> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Known(v) => v.serialize(s),
            Fact::Unknown => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Fact::Known(v),
            None => Fact::Unknown,
        })
    }
}
