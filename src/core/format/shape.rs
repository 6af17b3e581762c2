//! How a file shape is declared once and read and written from that one declaration.
//!
//! [`shape!`] takes a struct whose every field says how it is read and written:
//!
//! ```text
//! shape! {
//!     /// A small picture for the list.
//!     pub struct Thumbnail {
//!         pub url: String = required,         // must be present; always written
//!         pub alt: String = default,          // may be absent (then empty); always written
//!         pub width: Option<u32> = optional,  // may be absent or null; written when there
//!         pub kind as "type": EntityKind = default,          // the key differs from the field
//!         pub pages: String = required(read_page_template),  // a reader of its own (a hook)
//!         pub entity_index: usize = derived,  // neither read nor written: filled in after reading
//!     }
//! }
//! ```
//!
//! and makes of it the struct (with `Default`), its keys required first ([`Shape::FIELDS`],
//! also as the type's `FIELDS` and `REQUIRED` for `tests/schema.rs`), a reader that dispatches
//! each key of the list to its own field, and a serde `Serialize` that leaves out an `optional`
//! field when it is `None` or empty ([`Omit`]). Without a hook a field is read by its type's
//! [`FromJson`]: an `Option` reads `null` as absent, any other type refuses `null`, as serde did.
//! Unknown keys are skipped, a known key given twice is an error, and the first missing required
//! key is reported ([`Reader::fields`]).

use crate::core::format::error::{FormatError, FORMAT_VERSION};
use crate::core::json::reader::{Read, Reader};
use crate::core::json::shared::{SharedStr, SharedText};
use crate::core::text::quote::quoted_short;

/// What a reader expects where a file shape goes.
pub(crate) const AN_OBJECT: &str = "an object";

/// A value a file holds, read from where the reader stands.
pub(crate) trait FromJson: Sized {
    fn read(r: &mut Reader) -> Read<Self>;

    /// Reads into `out`, a shape's field. A shape's reader calls this rather than assigning
    /// [`FromJson::read`]'s result itself, so that checking the result, dropping the old value
    /// and moving the new one in are compiled once per type, not once per field of every shape.
    fn read_into(r: &mut Reader, out: &mut Self) -> Read<()> {
        *out = Self::read(r)?;
        Ok(())
    }
}

impl FromJson for String {
    fn read(r: &mut Reader) -> Read<String> {
        r.string()
    }
}

/// A string read from a shared text is a range of it (see [`SharedStr`]).
impl FromJson for SharedStr {
    fn read(r: &mut Reader) -> Read<SharedStr> {
        r.shared_string()
    }
}

impl FromJson for u32 {
    fn read(r: &mut Reader) -> Read<u32> {
        // The bound makes the conversion lossless.
        r.uint(u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromJson for usize {
    fn read(r: &mut Reader) -> Read<usize> {
        r.uint(usize::MAX as u64).map(|n| n as usize)
    }
}

impl<T: FromJson + Default> FromJson for Vec<T> {
    fn read(r: &mut Reader) -> Read<Vec<T>> {
        r.list(T::read)
    }

    /// Pushes onto the field itself (empty: a field is read once), with no list to move in;
    /// each element is read in place too.
    fn read_into(r: &mut Reader, out: &mut Vec<T>) -> Read<()> {
        r.array("an array", &mut |r| {
            out.push(T::default());
            match out.last_mut() {
                Some(item) => T::read_into(r, item),
                None => Ok(()),
            }
        })
    }
}

/// `null` is absent, as if the key were not there.
impl<T: FromJson + Default> FromJson for Option<T> {
    fn read(r: &mut Reader) -> Read<Option<T>> {
        if r.null()? {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }

    /// Reads into the field itself (`None`: a field is read once), with no value to move in.
    fn read_into(r: &mut Reader, out: &mut Option<T>) -> Read<()> {
        if r.null()? {
            return Ok(());
        }
        T::read_into(r, out.insert(T::default()))
    }
}

/// A JSON object with known keys, each read into its own field. [`shape!`] implements it.
pub(crate) trait Shape: Default {
    /// The keys the reader knows, the [`Shape::REQUIRED`] required ones first.
    const FIELDS: &'static [&'static str];
    const REQUIRED: usize;
    /// Reads the value of key `Self::FIELDS[field]` into its field.
    fn read_field(&mut self, r: &mut Reader, field: usize) -> Read<()>;
}

/// Reads a whole [`Shape`] object.
pub(crate) fn read_shape<T: Shape>(r: &mut Reader) -> Read<T> {
    let mut value = T::default();
    read_shape_into(r, &mut value)?;
    Ok(value)
}

/// Reads a whole [`Shape`] object into `out`, a default value.
pub(crate) fn read_shape_into<T: Shape>(r: &mut Reader, out: &mut T) -> Read<()> {
    r.fields(AN_OBJECT, T::FIELDS, T::REQUIRED, &mut |r, field| {
        out.read_field(r, field)
    })
}

/// Where `key` is in `keys`, or `usize::MAX` if it is not there: computed when compiling, so
/// that a shape's reader dispatches on the index [`Reader::fields`] found.
pub(crate) const fn position(keys: &[&str], key: &str) -> usize {
    let mut i = 0;
    while i < keys.len() {
        let (a, b) = (keys[i].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    usize::MAX
}

/// Whether an `optional` field is left out when written: `None`, or an empty list.
pub(crate) trait Omit {
    fn omit(&self) -> bool;
}

impl<T> Omit for Option<T> {
    fn omit(&self) -> bool {
        self.is_none()
    }
}

impl<T> Omit for Vec<T> {
    fn omit(&self) -> bool {
        self.is_empty()
    }
}

/// Where a mode puts a field in the key list: required ones first, then the others; `derived`
/// fields are not in the list.
pub(crate) const fn rank(mode: &str) -> u8 {
    match mode.as_bytes() {
        b"required" => 0,
        b"derived" => 2,
        _ => 1,
    }
}

/// The keys in `(key, rank)` order by rank, declaration order within a rank.
pub(crate) const fn ordered<const N: usize>(keys: [(&'static str, u8); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut rank) = (0, 0);
    while rank < 3 {
        let mut i = 0;
        while i < N {
            if keys[i].1 == rank {
                out[n] = keys[i].0;
                n += 1;
            }
            i += 1;
        }
        rank += 1;
    }
    out
}

/// How many keys have a rank below `rank`.
pub(crate) const fn below<const N: usize>(keys: [(&'static str, u8); N], rank: u8) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < N {
        if keys[i].1 < rank {
            n += 1;
        }
        i += 1;
    }
    n
}

/// `a` then `b`, for a shape that extends another one's keys.
pub(crate) const fn concat<const N: usize>(
    a: &[&'static str],
    b: &[&'static str],
) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// Declares a file shape once: the struct, its reader and its writer (see the module's docs).
macro_rules! shape {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident $(as $key:literal)? : $ty:ty = $mode:ident $(($hook:path))?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        $vis struct $name {
            $( $(#[$field_meta])* $field_vis $field: $ty, )*
        }

        impl $name {
            const KEYS: [(&'static str, u8); [$(stringify!($field)),*].len()] = [$((
                $crate::core::format::shape::key!($field $($key)?),
                $crate::core::format::shape::rank(stringify!($mode)),
            )),*];
            const ORDERED: &'static [&'static str] =
                &$crate::core::format::shape::ordered($name::KEYS);
            /// The keys the reader knows, the [`Self::REQUIRED`] required ones first.
            pub const FIELDS: &'static [&'static str] =
                $name::ORDERED.split_at($crate::core::format::shape::below($name::KEYS, 2)).0;
            /// How many of [`Self::FIELDS`] are required.
            pub const REQUIRED: usize = $crate::core::format::shape::below($name::KEYS, 1);
        }

        impl $crate::core::format::shape::Shape for $name {
            const FIELDS: &'static [&'static str] = $name::FIELDS;
            const REQUIRED: usize = $name::REQUIRED;

            fn read_field(
                &mut self,
                r: &mut $crate::core::json::reader::Reader,
                field: usize,
            ) -> $crate::core::json::reader::Read<()> {
                $(
                    // A `derived` field is not in `FIELDS`: its position is `usize::MAX`.
                    if field == const {
                        $crate::core::format::shape::position(
                            $name::FIELDS,
                            $crate::core::format::shape::key!($field $($key)?),
                        )
                    } {
                        return $crate::core::format::shape::read_into!(
                            r, &mut self.$field, $ty $(, $hook)?
                        );
                    }
                )*
                // Not reached: `Reader::fields` passes only the keys of `FIELDS`.
                Ok(())
            }
        }

        impl $crate::core::format::shape::FromJson for $name {
            fn read(
                r: &mut $crate::core::json::reader::Reader,
            ) -> $crate::core::json::reader::Read<$name> {
                $crate::core::format::shape::read_shape(r)
            }

            fn read_into(
                r: &mut $crate::core::json::reader::Reader,
                out: &mut $name,
            ) -> $crate::core::json::reader::Read<()> {
                $crate::core::format::shape::read_shape_into(r, out)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let mut written = 0;
                $(
                    if !$crate::core::format::shape::omitted!($mode, &self.$field) {
                        written += 1;
                    }
                )*
                let mut out = serializer.serialize_struct(stringify!($name), written)?;
                $(
                    let key = $crate::core::format::shape::key!($field $($key)?);
                    if $crate::core::format::shape::omitted!($mode, &self.$field) {
                        out.skip_field(key)?;
                    } else {
                        out.serialize_field(key, &self.$field)?;
                    }
                )*
                out.end()
            }
        }
    };
}
pub(crate) use shape;

/// A field's key: its name, or the name given with `as`.
macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $key:literal) => {
        $key
    };
}
pub(crate) use key;

/// Reads a field's value into it: with its hook if it has one, otherwise by its type.
macro_rules! read_into {
    ($r:ident, $out:expr, $ty:ty) => {
        <$ty as $crate::core::format::shape::FromJson>::read_into($r, $out)
    };
    ($r:ident, $out:expr, $ty:ty, $hook:path) => {{
        *$out = $hook($r)?;
        Ok(())
    }};
}
pub(crate) use read_into;

/// Whether a field of this mode is left out when written.
macro_rules! omitted {
    (required, $value:expr) => {
        false
    };
    (default, $value:expr) => {
        false
    };
    (optional, $value:expr) => {
        $crate::core::format::shape::Omit::omit($value)
    };
    (derived, $value:expr) => {
        true
    };
}
pub(crate) use omitted;

/// A file of the format: a [`Shape`] whose `version` says which format it is written in.
pub(crate) trait File {
    fn version(&self) -> u32;
}

/// Implements [`File`] for shapes that declare `pub version: u32`.
macro_rules! files {
    ($($name:ty),*) => {
        $(impl $crate::core::format::shape::File for $name {
            fn version(&self) -> u32 {
                self.version
            }
        })*
    };
}
pub(crate) use files;

/// Reads a corpus file with `read`, in one pass. Only when that fails, or finds a version
/// other than [`FORMAT_VERSION`], does [`refusal`] look again to say why.
pub(crate) fn parse<T: File>(
    text: &str,
    read: fn(&mut Reader) -> Read<T>,
) -> Result<T, FormatError> {
    checked(text, Reader::new(text), read)
}

/// [`parse`], for a file whose [`SharedStr`]s are to be ranges of its text rather than copies.
pub(crate) fn parse_shared<T: File>(
    text: &SharedText,
    read: fn(&mut Reader) -> Read<T>,
) -> Result<T, FormatError> {
    checked(text, Reader::new_shared(text), read)
}

fn checked<T: File>(
    text: &str,
    mut r: Reader,
    read: fn(&mut Reader) -> Read<T>,
) -> Result<T, FormatError> {
    match read(&mut r).and_then(|file| r.end().map(|()| file)) {
        Ok(file) if file.version() == FORMAT_VERSION => Ok(file),
        other => Err(refusal(text, other.map(|file| file.version()))),
    }
}

/// A file's bytes as text: UTF-8, or the error that says where it is not.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, FormatError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        // The text up to the first bad byte is valid: reading it stops at its end, with the
        // path of the value the bad byte is in (not `json::path`, whose serde_json the viewer
        // does not link).
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let mut r = Reader::new(before);
        let path = match r.skip() {
            Err(stopped) => stopped.into_error(before).path,
            Ok(()) => String::new(),
        };
        let line = 1 + before.matches('\n').count();
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        FormatError::Json {
            path,
            message: "the file is not UTF-8 text".to_string(),
            line,
            column,
        }
    })
}

/// Why a file is refused, given what the one read of [`parse`] found: the version it read, or
/// where it stopped. A future format must be reported as such rather than as a confusing type
/// error somewhere inside it, and a syntax error anywhere before a type error, so a failed read
/// is followed by the cheap check the reader once always did first: the syntax of the whole
/// text and only the `version` (only a JSON object has one: `[2]` is not "version 2").
/// Not generic, so it is compiled once for every file kind.
#[inline(never)]
fn refusal(text: &str, read: Read<u32>) -> FormatError {
    let fail = match read {
        Ok(found) => return FormatError::Version { found },
        Err(fail) => fail,
    };
    let mut version = 0;
    let mut r = Reader::new(text);
    let check = r
        .fields(
            "a JSON object with a `version`",
            &["version"],
            1,
            &mut |r, _| {
                version = u32::read(r)?;
                Ok(())
            },
        )
        .and_then(|()| r.end());
    match check {
        Err(syntax) => syntax.into_error(text).into(),
        Ok(()) if version != FORMAT_VERSION => FormatError::Version { found: version },
        Ok(()) => fail.into_error(text).into(),
    }
}

/// Checks that the ids of a list are not empty and do not repeat.
pub(crate) fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
) -> Result<(), FormatError> {
    first_repeat(&ids.collect::<Vec<_>>(), list)
}

/// The first id in file order that is empty or repeats an earlier one, as an error.
fn first_repeat(ids: &[&str], list: &str) -> Result<(), FormatError> {
    let repeat = repeat_by_table(ids).unwrap_or_else(|| repeat_by_sort(ids));
    let empty = ids.iter().position(|id| id.is_empty());
    let (i, message) = match (empty, repeat) {
        (Some(e), Some(r)) if r < e => (r, None),
        (Some(e), _) => (e, Some("an id must not be empty".to_string())),
        (None, Some(r)) => (r, None),
        (None, None) => return Ok(()),
    };
    let message =
        message.unwrap_or_else(|| format!("the id {} is used twice", quoted_short(ids[i])));
    Err(FormatError::Invalid {
        path: format!("{list}[{i}].id"),
        message,
    })
}

/// The first id that repeats an earlier one, found with a hash table: linear in the number of
/// ids. `None` when the ids collide too often (a file crafted against [`quick_hash`], which is
/// fixed): the table gives up after eight probes per id on average, and the caller sorts
/// instead, so a crafted file costs n log n, never n². (A fixed hash with linear probing and no
/// such bound let 30,000 crafted ids take 1.4 s; std's randomly seeded `HashSet` would cost the
/// wasm its SipHash, ~1.5 kB compressed.)
fn repeat_by_table(ids: &[&str]) -> Option<Option<usize>> {
    let bits = ids
        .len()
        .checked_mul(2)?
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let mut table = vec![0u32; 1 << bits];
    let mask = table.len() - 1;
    let mut budget = ids.len().saturating_mul(8);
    for (i, id) in ids.iter().enumerate() {
        // The hash's top bits: the multiplication mixes its input into them.
        let mut slot = (quick_hash(id) >> (64 - bits)) as usize;
        loop {
            match table.get(slot).copied()? {
                0 => {
                    table[slot] = u32::try_from(i + 1).ok()?;
                    break;
                }
                j if ids.get(j as usize - 1) == Some(id) => return Some(Some(i)),
                _ => {}
            }
            budget = budget.checked_sub(1)?;
            slot = (slot + 1) & mask;
        }
    }
    Some(None)
}

/// The first id that repeats an earlier one: one sort of the positions by id (ties in file
/// order), so equal ids are neighbours; n log n whatever the ids are.
fn repeat_by_sort(ids: &[&str]) -> Option<usize> {
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    by_id.sort_unstable_by(|&a, &b| ids[a].cmp(ids[b]).then(a.cmp(&b)));
    by_id
        .windows(2)
        .filter(|pair| ids[pair[0]] == ids[pair[1]])
        .map(|pair| pair[1])
        .min()
}

/// A cheap hash of a string, eight bytes at a time (FxHash's step): for [`repeat_by_table`].
fn quick_hash(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let chunks = text.as_bytes().chunks(8);
    chunks.fold(text.len() as u64, |hash, chunk| {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K)
    })
}

/// Checks that `text` is a date the format reads.
pub(crate) fn check_date(text: &str, path: impl FnOnce() -> String) -> Result<(), FormatError> {
    match crate::core::text::dates::parse_timestamp(text) {
        Some(_) => Ok(()),
        None => Err(FormatError::Invalid {
            path: path(),
            message: format!(
                "{} is not an ISO 8601 date such as 2023-03-07",
                quoted_short(text)
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::core::format::{
        Article, ArticleSummary, DirectoryEntity, Entity, EntitySummary, Mention, Thumbnail,
    };

    #[test]
    fn keys_come_required_first_in_declaration_order() {
        assert_eq!(
            ArticleSummary::FIELDS,
            [
                "id",
                "headline",
                "published",
                "url",
                "standfirst",
                "language",
                "topics",
                "entities",
                "thumbnail",
                "source_name",
                "reading_minutes"
            ]
        );
        assert_eq!(ArticleSummary::REQUIRED, 4);
        assert_eq!(
            Entity::FIELDS[..3],
            ["id", "name", "type"],
            "renamed with `as`"
        );
        assert_eq!(Entity::REQUIRED, 2);
        // A derived field is neither read nor written.
        assert_eq!(Mention::FIELDS, ["start", "end", "entity"]);
        assert_eq!(Mention::REQUIRED, 3);
        assert_eq!(
            DirectoryEntity::FIELDS,
            [
                "id",
                "name",
                "type",
                "url",
                "wikidata",
                "description",
                "image",
                "articles"
            ]
        );
        assert_eq!(DirectoryEntity::REQUIRED, EntitySummary::REQUIRED);
    }

    #[test]
    fn one_read_reports_what_a_syntax_check_first_would() {
        use crate::core::format::FormatError;
        // A type error (`id`) before a syntax error (`body`): the syntax error is reported.
        let text = r#"{"version": 1, "id": 5, "body": [,]}"#;
        match Article::from_json(text) {
            Err(FormatError::Json { path, message, .. }) => {
                assert_eq!(
                    (path.as_str(), message.as_str()),
                    ("body[0]", "expected a value")
                );
            }
            other => panic!("{other:?}"),
        }
        // Without the syntax error, the type error.
        let text = r#"{"version": 1, "id": 5, "body": []}"#;
        match Article::from_json(text) {
            Err(FormatError::Json { path, .. }) => assert_eq!(path, "id"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ids_crafted_to_collide_are_checked_by_the_sort_instead() {
        use super::{first_repeat, quick_hash, repeat_by_sort, repeat_by_table};
        // 64 ids: a table of 128 slots, whose slot is the hash's top 7 bits. All in slot 0.
        let colliding: Vec<String> = (0u32..)
            .map(|n| format!("id{n}"))
            .filter(|id| quick_hash(id) >> 57 == 0)
            .take(63)
            .collect();
        let mut ids: Vec<&str> = colliding.iter().map(String::as_str).collect();
        ids.push(ids[10]);
        assert_eq!(repeat_by_table(&ids), None, "gives up");
        assert_eq!(repeat_by_sort(&ids), Some(63));
        let error = first_repeat(&ids, "topics").unwrap_err().to_string();
        assert!(error.starts_with("at topics[63].id: the id"), "{error}");
        // Ids that do not collide: the table finds the same first repeat as the sort.
        let ids: Vec<String> = (0..5000).map(|n| format!("a{}", n * 7 % 4001)).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(repeat_by_table(&ids), Some(Some(4001)));
        assert_eq!(repeat_by_sort(&ids), Some(4001));
        assert_eq!(repeat_by_table(&ids[..4001]), Some(None));
    }

    #[test]
    fn an_index_read_from_bytes_is_the_index_read_from_text_and_must_be_utf8() {
        use crate::core::format::{CorpusIndex, FormatError};
        let text = r#"{"version": 1, "topics": [{"id": "t", "label": "T"}],
            "articles": [{"id": "a", "headline": "Ünïcode \"quoted\"", "published": "2024-01-01",
                          "url": "a.json", "topics": ["t"], "thumbnail": {"url": "i.jpg"}}]}"#;
        let from_bytes = CorpusIndex::from_bytes(text.as_bytes().to_vec()).unwrap();
        assert_eq!(from_bytes, CorpusIndex::from_json(text).unwrap());
        assert_eq!(from_bytes.articles[0].headline, "Ünïcode \"quoted\"");
        let mut bytes = text.as_bytes().to_vec();
        let at = text.find("code").unwrap();
        bytes[at] = 0xff;
        match CorpusIndex::from_bytes(bytes) {
            Err(FormatError::Json {
                path,
                message,
                line,
                column,
            }) => {
                assert_eq!(path, "articles[0].headline");
                assert_eq!(message, "the file is not UTF-8 text");
                assert_eq!((line, column), (2, at - text.find('\n').unwrap()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_writer_leaves_out_what_the_mode_says() {
        let thumbnail = Thumbnail {
            url: "a.jpg".into(),
            ..Thumbnail::default()
        };
        assert_eq!(
            serde_json::to_string(&thumbnail).unwrap(),
            r#"{"url":"a.jpg","alt":""}"#
        );
        let entity = Entity {
            id: "x".into(),
            name: "X".into(),
            ..Entity::default()
        };
        assert_eq!(
            serde_json::to_string(&entity).unwrap(),
            r#"{"id":"x","name":"X","type":"other"}"#
        );
        let mention = Mention {
            start: 0,
            end: 1,
            entity: "x".into(),
            entity_index: 7,
        };
        assert_eq!(
            serde_json::to_string(&mention).unwrap(),
            r#"{"start":0,"end":1,"entity":"x"}"#
        );
    }

    #[test]
    fn an_article_reads_back_what_it_writes() {
        let text = r#"{"version": 1, "id": "a", "headline": "A", "published": "2024-01-01",
            "image": {"url": "i.jpg", "width": null}, "standfirst": null,
            "entities": [{"id": "x", "name": "X", "type": "place", "aliases": ["Ex"]}],
            "body": [{"text": "X and Y", "mentions": [{"start": 0, "end": 1, "entity": "x"},
                                                       {"start": 6, "end": 7, "entity": "y"}]},
                     {"text": "no mentions"}]}"#;
        let article = Article::from_json(text).unwrap();
        let mentions = article.body[0].mentions.as_ref().unwrap();
        assert_eq!(mentions[0].entity_index, 0);
        assert_eq!(
            mentions[1].entity_index,
            crate::core::format::UNKNOWN_ENTITY
        );
        assert_eq!(article.standfirst, None, "null is absent");
        assert_eq!(article.body[1].mentions, None);
        assert_eq!(Article::from_json(&article.to_json()).unwrap(), article);
    }
}
