//! Reading the parameter data packed at build time (`build/pack.rs`, which describes the
//! encoding): the parameter definitions and ranges, the regions' values, the citations and the
//! channels arrive as a few byte strings, read here once at start-up. A hand-written reader
//! instead of JSON and `serde` deserialisers keeps the wasm small (BENCHMARKS.md, "App size").
//!
//! The data files in `data/` are the source of truth: `build.rs` checks each one and fails the
//! build naming the file and field. A reader that finds the bytes short or out of range says so
//! (the build and this reader disagree): `tests/data.rs` loads everything.

use super::date::Date;
use rust_decimal::Decimal;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub(super) use embedded::{PACKED_CHANNELS, PACKED_CITATIONS, PACKED_PARAMETERS, PACKED_REGIONS};

/// What a reader says when the packed bytes do not read (a build defect, not a data mistake).
pub const DAMAGED: &str =
    "the packed parameter data does not read (build/pack.rs and src/rules/packed.rs disagree)";

/// The string table, read once.
fn strings() -> Option<&'static [&'static str]> {
    static TABLE: OnceLock<Option<Vec<&'static str>>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut r = Reader::new(embedded::PACKED_STRINGS);
            let n = r.uint()? as usize;
            let mut out = Vec::with_capacity(n);
            for _ in 0..n {
                let len = r.uint()? as usize;
                let bytes = r.bytes.get(r.at..r.at + len)?;
                r.at += len;
                out.push(std::str::from_utf8(bytes).ok()?);
            }
            Some(out)
        })
        .as_deref()
}

/// A cursor over one packed section. Every read is `None` past the end.
pub struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    pub fn new(bytes: &'static [u8]) -> Reader {
        Reader { bytes, at: 0 }
    }

    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// An unsigned LEB128 varint.
    pub fn uint(&mut self) -> Option<u32> {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }

    /// A string of the table, by position.
    pub fn str(&mut self) -> Option<&'static str> {
        let i = self.uint()? as usize;
        strings()?.get(i).copied()
    }

    /// An optional string: 0 none, else position + 1.
    pub fn opt_str(&mut self) -> Option<Option<&'static str>> {
        match self.uint()? {
            0 => Some(None),
            i => strings()?.get(i as usize - 1).map(|s| Some(*s)),
        }
    }

    pub fn string(&mut self) -> Option<String> {
        self.str().map(String::from)
    }

    pub fn opt_string(&mut self) -> Option<Option<String>> {
        self.opt_str().map(|s| s.map(String::from))
    }

    /// A date packed as `(year × 16 + month) × 32 + day`.
    pub fn date(&mut self) -> Option<Date> {
        unpack_date(self.uint()?)
    }

    /// An optional date: 0 none, else the packed date + 1.
    pub fn opt_date(&mut self) -> Option<Option<Date>> {
        match self.uint()? {
            0 => Some(None),
            n => unpack_date(n - 1).map(Some),
        }
    }

    /// An optional flag: 0 none, 1 false, 2 true.
    pub fn opt_flag(&mut self) -> Option<Option<bool>> {
        match self.byte()? {
            0 => Some(None),
            b => Some(Some(b == 2)),
        }
    }

    /// A decimal's text; an error names `what` when it is not an exact decimal.
    pub fn decimal(&mut self, what: &str) -> Result<Decimal, String> {
        let s = self.str().ok_or(DAMAGED)?;
        s.parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(s))
            .map_err(|_| format!("{what}: `{s}` is not an exact decimal number"))
    }

    /// Whether every byte was read (a check that the reader and the build agree).
    pub fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

fn unpack_date(n: u32) -> Option<Date> {
    Date::new(
        u16::try_from(n / 512).ok()?,
        (n / 32 % 16) as u8,
        (n % 32) as u8,
    )
}
