//! Postings and positions as the fragments store them: base64 VLQ numbers (the layout is in
//! the module above, `files`), written by the catalog's [`push_vlq`] (one writer for every
//! VLQ of the format) and read back by the decoders here, through its [`base64_digit`].

use crate::core::format::catalog::base64_digit;
pub use crate::core::format::catalog::push_vlq;

/// The fields a term can occur in, in their code order (a posting's `field`).
pub const FIELDS: [&str; 6] = [
    "headline",
    "standfirst",
    "byline",
    "entity",
    "topic",
    "body",
];
pub const HEADLINE: u8 = 0;
pub const STANDFIRST: u8 = 1;
/// The byline and the source's name (`Libération`).
pub const BYLINE: u8 = 2;
/// The names and aliases of the entities the article lists.
pub const ENTITY: u8 = 3;
/// The labels of the article's topics.
pub const TOPIC: u8 = 4;
pub const BODY: u8 = 5;

/// Terms beyond this many in one field of one document are not indexed: a bound on what a
/// hostile 1 MB paragraph costs (about 150,000 words).
pub const MAX_FIELD_TERMS: u32 = 50_000;

/// One field a term occurs in, in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub field: u8,
    /// The field's length bucket ([`bucket_length`]).
    pub norm: u8,
    pub tf: u32,
}

/// A term's occurrences in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPostings {
    pub ordinal: u32,
    pub entries: Vec<Entry>,
}

/// Reads base64 VLQ numbers one at a time.
struct Vlq<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Vlq<'_> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// The next number, at most `max`; `what` names it in errors.
    fn next(&mut self, max: u64, what: &str) -> Result<u64, String> {
        let start = self.at;
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(format!("character {start}: the {what} is cut short"));
            };
            let Some(value) = base64_digit(byte) else {
                return Err(format!("character {}: not base64", self.at));
            };
            if shift > 35 {
                return Err(format!("character {start}: {what} too large"));
            }
            n |= u64::from(value & 0b1_1111) << shift;
            shift += 5;
            self.at += 1;
            if value & 0b10_0000 == 0 {
                break;
            }
        }
        if n > max {
            return Err(format!("character {start}: {what} {n} is more than {max}"));
        }
        Ok(n)
    }
}

/// Reads a posting list (the layout is in the module's docs). Every ordinal is below `count`,
/// ordinals ascend, fields ascend within a document, norms are buckets, `tf` is 1 to
/// [`MAX_FIELD_TERMS`]. Anything else is an error naming the character.
pub fn decode_postings(text: &str, count: usize) -> Result<Vec<DocPostings>, String> {
    let mut r = Vlq {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut out: Vec<DocPostings> = Vec::new();
    let mut previous: Option<u64> = None;
    while !r.done() {
        let at = r.at;
        let gap = r.next(u64::from(u32::MAX), "ordinal")?;
        if previous.is_some() && gap == 0 {
            return Err(format!("character {at}: ordinals must ascend"));
        }
        let ordinal = previous.map_or(gap, |p| p + gap);
        if ordinal >= count as u64 {
            return Err(format!(
                "character {at}: ordinal {ordinal} is past the corpus ({count} documents)"
            ));
        }
        previous = Some(ordinal);
        let mut entries: Vec<Entry> = Vec::new();
        loop {
            let at = r.at;
            let head = r.next(2 * FIELDS.len() as u64 - 1, "field")?;
            let field = (head >> 1) as u8;
            if entries.last().is_some_and(|e| e.field >= field) {
                return Err(format!("character {at}: fields must ascend"));
            }
            let norm = r.next(31, "norm")? as u8;
            let tf = r.next(u64::from(MAX_FIELD_TERMS), "term frequency")? as u32;
            if tf == 0 {
                return Err(format!("character {at}: a term frequency of 0"));
            }
            entries.push(Entry { field, norm, tf });
            if head & 1 == 0 {
                break;
            }
        }
        out.push(DocPostings {
            ordinal: ordinal as u32,
            entries,
        });
    }
    Ok(out)
}

/// Reads the positions of a term whose postings are `postings`: one list per entry, document
/// by document, each ascending and below [`u32::MAX`]. The text must hold exactly `tf`
/// positions for each entry.
pub fn decode_positions(text: &str, postings: &[DocPostings]) -> Result<Vec<Vec<u32>>, String> {
    let mut r = Vlq {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut out = Vec::new();
    for doc in postings {
        for entry in &doc.entries {
            let mut list = Vec::with_capacity(entry.tf as usize);
            let mut previous: Option<u64> = None;
            for _ in 0..entry.tf {
                let at = r.at;
                let gap = r.next(u64::from(u32::MAX), "position")?;
                if previous.is_some() && gap == 0 {
                    return Err(format!("character {at}: positions must ascend"));
                }
                let p = previous.map_or(gap, |p| p + gap);
                if p > u64::from(u32::MAX) {
                    return Err(format!("character {at}: position too large"));
                }
                previous = Some(p);
                list.push(p as u32);
            }
            out.push(list);
        }
    }
    if !r.done() {
        return Err(format!(
            "character {}: more positions than the postings have occurrences",
            r.at
        ));
    }
    Ok(out)
}
