//! English, the interface's default language, written without the browser's `Intl`: a card's
//! long date and the name of its article's language.
//!
//! Why: a page's first `Intl.DateTimeFormat` or `Intl.DisplayNames` loads the browser's locale
//! data, 17–40 ms of the main thread at 1x CPU here and four times that at 4x, once per page;
//! every later one takes 0.1–3 ms. The first list needed both (every card shows a date, a card
//! in another language names it), so that load sat between the wasm's start and the list's
//! paint. An English interface now gets both from here and the list paints without it (the
//! formatters an article page needs are still made when the browser is idle,
//! `web::dates::prepare_format`). Any other interface language, and any tag not in
//! [`LANGUAGE_NAMES`], goes to `Intl` as before (`web/dates.rs`).
//!
//! The strings are the ones Chromium's `Intl` writes (CLDR); `tests/web.rs` checks every one
//! against the browser it runs in, and the dates over leap days and the years' range (the
//! reader's time zones: `tests/e2e/list.test.mjs`). Cost: 0.8 kB brotli of first-view code,
//! nearly all of it code, not names (README, "Size").

use super::dates::civil_from_days;

/// Whether `tag` (cleaned) is the English this module writes as `Intl` does: `en`, in any case,
/// the tag of the interface's built-in words, which every list's dates use. `en-GB` writes
/// "7 March 2023", so it stays with `Intl`, and so does `en-US`, which an interface never has
/// (articles do: their pages' dates are a formatter each, made when idle).
#[inline(never)] // called in three places: one copy of the comparison
pub fn is_plain_english(tag: &str) -> bool {
    tag.eq_ignore_ascii_case("en")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar day `local_seconds` falls on (seconds since 1970-01-01 in the reader's own
/// time, or in UTC for a date without a time) as a long English date, "March 7, 2023": what
/// `Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric" })` writes.
/// `None` outside the years 1–9999, which `Intl` writes otherwise (eras, no year zero).
#[allow(clippy::single_char_add_str)] // `push_str`, not `push`: see `push_number`
pub fn long_date(local_seconds: i64) -> Option<String> {
    let (year, month, day) = civil_from_days(local_seconds.div_euclid(86_400));
    if !(1..=9999).contains(&year) {
        return None;
    }
    let mut text = String::with_capacity(18);
    text.push_str(MONTHS[usize::try_from(month - 1).ok()?]);
    text.push_str(" ");
    push_number(&mut text, day as usize);
    text.push_str(", ");
    push_number(&mut text, year as usize);
    Some(text)
}

/// `n` in ASCII digits. Not `format!` or `to_string`, which link more formatting code than
/// this takes, and `push_str`, not `push`, whose UTF-8 encoding is code of its own.
fn push_number(text: &mut String, n: usize) {
    if n >= 10 {
        push_number(text, n / 10);
    }
    let digit = n % 10;
    text.push_str(&"0123456789"[digit..=digit]);
}

/// English names of the default corpus's languages and of the largest others news is written
/// in, as `tag:name` pairs: one string, not a table of pairs (8 bytes of pointers an entry).
/// Short, for the first view's budget: 55 entries measured 221 bytes brotli more than these
/// 24. A tag not here goes to `Intl.DisplayNames`, which then loads the locale data.
const LANGUAGE_NAMES: &str = "\
     ar:Arabic;cs:Czech;de:German;es:Spanish;fa:Persian;fi:Finnish;fr:French;he:Hebrew;\
     it:Italian;ja:Japanese;ko:Korean;nb:Norwegian Bokmål;nl:Dutch;pl:Polish;pt:Portuguese;\
     ru:Russian;sv:Swedish;tr:Turkish;uk:Ukrainian;zh:Chinese;pt-BR:Brazilian Portuguese;\
     zh-Hans:Simplified Chinese;zh-Hant:Traditional Chinese;nb-NO:Norwegian Bokmål (Norway)";

/// Every `(tag, English name)` this module knows.
pub fn language_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    LANGUAGE_NAMES
        .split(';')
        .filter_map(|pair| pair.split_once(':'))
}

/// The English name of language `tag` ("Norwegian Bokmål" for `nb`, "Brazilian Portuguese"
/// for `pt-br`), as `Intl.DisplayNames(["en"], { type: "language" })` writes it; `None` for a
/// tag not in [`LANGUAGE_NAMES`]. A loop of `split_once`, not a search of [`language_names`]:
/// its iterator's adapters cost the first view 20 bytes brotli more (measured at 4f5598b).
pub fn language_name(tag: &str) -> Option<&'static str> {
    let mut rest = LANGUAGE_NAMES;
    while let Some((known, after)) = rest.split_once(':') {
        let (name, next) = after.split_once(';').unwrap_or((after, ""));
        if known.eq_ignore_ascii_case(tag) {
            return Some(name);
        }
        rest = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::dates::parse_timestamp;

    fn day(text: &str) -> Option<String> {
        long_date(parse_timestamp(text).unwrap())
    }

    #[test]
    fn long_dates_read_month_day_year_without_padding() {
        assert_eq!(day("2023-03-07").as_deref(), Some("March 7, 2023"));
        assert_eq!(day("2024-02-29").as_deref(), Some("February 29, 2024"));
        assert_eq!(day("1999-12-31").as_deref(), Some("December 31, 1999"));
        assert_eq!(day("0999-01-01").as_deref(), Some("January 1, 999"));
        assert_eq!(day("9999-12-31").as_deref(), Some("December 31, 9999"));
    }

    #[test]
    fn the_seconds_before_midnight_are_still_the_day_before() {
        let midnight = parse_timestamp("2023-03-07").unwrap();
        assert_eq!(long_date(midnight - 1).as_deref(), Some("March 6, 2023"));
        assert_eq!(long_date(-1).as_deref(), Some("December 31, 1969"));
    }

    #[test]
    fn years_intl_writes_with_an_era_are_left_to_intl() {
        assert_eq!(day("0000-06-01"), None);
        let year_10000 = parse_timestamp("9999-12-31").unwrap() + 86_400;
        assert_eq!(long_date(year_10000), None);
        assert_eq!(long_date(i64::MIN / 2), None);
    }

    #[test]
    fn language_names_match_tags_in_any_case_and_only_whole_tags() {
        assert_eq!(language_name("nb"), Some("Norwegian Bokmål"));
        assert_eq!(language_name("PT-br"), Some("Brazilian Portuguese"));
        assert_eq!(language_name("zh-Hans"), Some("Simplified Chinese"));
        assert_eq!(language_name("pt-AO"), None);
        assert_eq!(language_name("p"), None);
        assert_eq!(language_name(""), None);
        assert_eq!(language_name("ar:Arabic"), None);
    }

    #[test]
    fn every_entry_is_a_tag_and_a_name() {
        let names: Vec<_> = language_names().collect();
        assert_eq!(names.len(), LANGUAGE_NAMES.split(';').count());
        for (tag, name) in names {
            assert!(
                !tag.is_empty() && !tag.contains(' ') && !name.is_empty(),
                "{tag}:{name}"
            );
            assert_eq!(tag.trim(), tag);
        }
    }

    #[test]
    fn only_en_is_plain_english() {
        assert!(is_plain_english("en") && is_plain_english("EN"));
        assert!(!is_plain_english("en-GB") && !is_plain_english("eng"));
    }
}
