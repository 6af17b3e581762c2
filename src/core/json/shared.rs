//! [`SharedStr`]: a string value of a JSON file that shares the file's text instead of owning a
//! copy of its own.
//!
//! An index of 10,000 articles holds about 130,000 strings. Read as `String`s, each one was an
//! allocation, a copy, and later a free: in the browser, with wasm's `dlmalloc`, most of the
//! decoder's time. Read as `SharedStr`s, the file's text is kept, as it was fetched, in one
//! [`SharedText`], and every string without an escape is a range of it: a reference count and
//! two offsets. (A string
//! with an escape is decoded into a text of its own, as before.) The text lives as long as any
//! of its strings does; the index lives for the whole session anyway, and its strings are most
//! of its text.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A file's text, shared by the strings read from it. An `Arc<String>` rather than an
/// `Arc<str>`: the fetched bytes become the text without a copy (an `Arc<str>` would copy them
/// next to its reference counts), at the price of one more pointer to follow when a string is
/// read.
pub type SharedText = Arc<String>;

/// A string that is a range of a shared text. Reads as a `&str` (`Deref`); compares, orders and
/// hashes as one. The empty string (`Default`) shares nothing and allocates nothing.
#[derive(Clone, Default)]
pub struct SharedStr {
    text: Option<SharedText>,
    start: u32,
    end: u32,
}

impl SharedStr {
    /// The range `start..end` of `text`, which the caller has checked is on character
    /// boundaries (a string read between a JSON text's quotes is). A range beyond what 32-bit
    /// offsets can say (a text of 4 GiB; never in wasm) is copied instead.
    pub(crate) fn range(text: &SharedText, start: usize, end: usize) -> SharedStr {
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) => SharedStr {
                text: Some(text.clone()),
                start,
                end,
            },
            _ => SharedStr::from(text.get(start..end).unwrap_or_default()),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.text {
            // Always `Some`: the range was checked when it was made.
            Some(text) => text
                .get(self.start as usize..self.end as usize)
                .unwrap_or_default(),
            None => "",
        }
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        if text.is_empty() {
            return SharedStr::default();
        }
        let len = text.len();
        SharedStr::range(&Arc::new(text), 0, len)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr::from(text.to_string())
    }
}

impl From<&String> for SharedStr {
    fn from(text: &String) -> SharedStr {
        SharedStr::from(text.as_str())
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> String {
        text.as_str().to_string()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SharedStr, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_reads_compares_and_hashes_as_its_str() {
        let text = Arc::new("{\"a\":\"héllo\"}".to_string());
        let s = SharedStr::range(&text, 6, 12);
        assert_eq!(s, "héllo");
        assert_eq!(s, SharedStr::from("héllo"));
        assert_eq!(s.len(), 6);
        let mut set = std::collections::HashSet::new();
        set.insert(s.clone());
        assert!(set.contains("héllo"));
        assert_eq!(SharedStr::default(), "");
        assert_eq!(SharedStr::from(String::new()), SharedStr::default());
        let (a, b) = (SharedStr::from("a"), SharedStr::from("b"));
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Less);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"héllo\"");
    }
}
