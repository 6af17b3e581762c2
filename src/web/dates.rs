//! Dates shown in the article's language, and languages named in the reader's, through the
//! browser's `Intl` (no locale data in the wasm binary), except in plain English, which
//! `core::text::english` writes so that an English list paints without loading the browser's
//! locale data (its doc says what that costs).

use crate::core::text::dates::{date_part, parse_timestamp};
use crate::core::text::english;
use crate::core::text::language::clean_language_tag;
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `published` formatted as a long date in `language` (or the reader's default locale), falling
/// back to the ISO date when the browser cannot format it.
pub fn format_date(published: &str, language: Option<&str>) -> String {
    let Some(seconds) = parse_timestamp(published) else {
        return published.to_string();
    };
    let date = Date::new(&JsValue::from_f64(seconds as f64 * 1000.0));
    // A date without a time names a calendar day, not an instant: show that day everywhere.
    let utc = published.len() == 10;
    let tag = language.and_then(clean_language_tag);
    if tag.as_deref().is_some_and(english::is_plain_english) {
        // The reader's zone at that instant, as `Intl` would use it: minutes behind UTC, with
        // a fraction in the local mean times before the 1900s; rounded up, so that the local
        // second is rounded down.
        let behind = if utc {
            0
        } else {
            (date.get_timezone_offset() * 60.0).ceil() as i64
        };
        if let Some(text) = english::long_date(seconds - behind) {
            return text;
        }
    }
    let format = |locale: Option<String>| -> Option<String> {
        let format = formatter(locale, utc)?;
        let text = Reflect::apply(&format, &JsValue::UNDEFINED, &js_sys::Array::of1(&date));
        text.ok()?.as_string()
    };
    tag.and_then(|tag| format(Some(tag)))
        .or_else(|| format(None))
        .filter(|text| !text.is_empty() && text != "Invalid Date")
        .unwrap_or_else(|| date_part(published).to_string())
}

/// Makes, when the browser is next idle, the formatter an article in `language` dated
/// `published` will be shown with, so that opening it does not wait for one: a list's card
/// shows its date in the interface's language, its article page in the article's, and making a
/// formatter for a locale not used yet took 4 to 7 ms at 4x CPU (60 for the page's first).
/// At most half of the formatters kept ([`KEPT_FORMATTERS`]) are made ahead, so that a corpus
/// in many languages does not take the places of the ones in use; one idle callback a locale.
pub fn prepare_format(published: &str, language: Option<&str>) {
    let tag = language.and_then(clean_language_tag);
    let Some(tag) = tag.filter(|tag| !english::is_plain_english(tag)) else {
        return;
    };
    let key = (Some(tag), published.len() == 10);
    let wanted = !is_kept(&key.0, key.1)
        && FORMATTERS.with_borrow(|made| made.len() < KEPT_FORMATTERS / 2)
        && AHEAD.with_borrow_mut(|ahead| {
            let new = ahead.len() < KEPT_FORMATTERS / 2 && !ahead.contains(&key);
            if new {
                ahead.push(key.clone());
            }
            new
        });
    if wanted {
        crate::web::idle::when_idle(Box::new(move || {
            formatter(key.0, key.1);
        }));
    }
}

/// Loads the browser's locale data when it is next idle, for an interface in another language
/// than plain English: a viewer draws its first view in English while its words are on their
/// way, then draws it again in them, with dates `Intl` writes, and the page's first formatter
/// (17–40 ms at 1x CPU) would sit in that task. Usually idle comes first; words that arrive
/// sooner pay it as before. The formatter made is the one for `language`'s dates without a
/// time, which the cards use when the words' tag is `language` (else it takes one of the
/// places [`prepare_format`] keeps, and the data is loaded all the same): through
/// [`prepare_format`], not an idle callback of its own, which cost the first view 0.1 kB.
pub fn prepare_language(language: &str) {
    prepare_format("1970-01-01", Some(language));
}

thread_local! {
    /// The formatters [`prepare_format`] has asked for (made or about to be).
    static AHEAD: std::cell::RefCell<Vec<(Option<String>, bool)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How many formatters [`formatter`] keeps.
const KEPT_FORMATTERS: usize = 16;

thread_local! {
    /// The `format` functions of the `Intl.DateTimeFormat`s made so far, by locale and time zone.
    /// Making one reads the locale's data (a list's 30 cards each made one: a third of a topic
    /// click's time, at 4x CPU); formatting with one is cheap. A page uses a few locales.
    static FORMATTERS: std::cell::RefCell<Vec<(Option<String>, bool, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The `format` function of an `Intl.DateTimeFormat` for long dates in `locale` (the reader's
/// default when `None`), in UTC when `utc`; `None` when the browser refuses the locale.
fn formatter(locale: Option<String>, utc: bool) -> Option<js_sys::Function> {
    if let Some(format) = kept(&locale, utc) {
        return Some(format);
    }
    let options = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&options, &k.into(), &v.into());
    };
    set("year", "numeric");
    set("month", "long");
    set("day", "numeric");
    if utc {
        set("timeZone", "UTC");
    }
    let locale_value = locale
        .as_deref()
        .map_or(JsValue::UNDEFINED, JsValue::from_str);
    let format = intl_method("DateTimeFormat", &locale_value, &options, "format")?;
    FORMATTERS.with_borrow_mut(|made| {
        // Bounded however many languages the articles claim: past a few, make them anew.
        if made.len() < KEPT_FORMATTERS {
            made.push((locale, utc, format.clone()));
        }
    });
    Some(format)
}

/// Whether [`formatter`] has made the formatter for `locale` and `utc` (without a copy of its
/// handle: each is a call out of the wasm, and every card asks).
fn is_kept(locale: &Option<String>, utc: bool) -> bool {
    FORMATTERS.with_borrow(|made| made.iter().any(|(l, u, _)| l == locale && *u == utc))
}

/// The formatter kept for `locale` and `utc`, if [`formatter`] has made one.
fn kept(locale: &Option<String>, utc: bool) -> Option<js_sys::Function> {
    FORMATTERS.with_borrow(|made| {
        (made.iter())
            .find(|(l, u, _)| l == locale && *u == utc)
            .map(|(_, _, f)| f.clone())
    })
}

/// The name of language `tag` in language `in_language` ("Spanish" for `es` in `en`): in plain
/// English from `core::text::english` when it knows the tag, else through `Intl.DisplayNames`;
/// `None` where the browser has no name for it (or no `Intl.DisplayNames`).
pub fn language_name(tag: &str, in_language: &str) -> Option<String> {
    if english::is_plain_english(in_language) {
        if let Some(name) = english::language_name(tag) {
            return Some(name.to_string());
        }
    }
    let of = language_names(in_language)?;
    // Throws a RangeError for a tag it cannot read: Reflect turns that into an Err.
    let name = Reflect::apply(
        &of,
        &JsValue::UNDEFINED,
        &js_sys::Array::of1(&JsValue::from_str(tag)),
    )
    .ok()?;
    name.as_string().filter(|n| !n.is_empty() && n != tag)
}

thread_local! {
    /// The `of` function of the last `Intl.DisplayNames` made, with its language: a list names
    /// its cards' languages in the interface's one, made once, not once per card.
    static NAMES: std::cell::RefCell<Option<(String, js_sys::Function)>> =
        const { std::cell::RefCell::new(None) };
}

/// `Intl.DisplayNames` for languages, in `in_language`, as its bound `of` function.
fn language_names(in_language: &str) -> Option<js_sys::Function> {
    let known = NAMES.with_borrow(|names| {
        names
            .as_ref()
            .filter(|(language, _)| language == in_language)
            .map(|(_, of)| of.clone())
    });
    if known.is_some() {
        return known;
    }
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let of = intl_method(
        "DisplayNames",
        &JsValue::from_str(in_language),
        &options,
        "of",
    )?;
    NAMES.with_borrow_mut(|names| *names = Some((in_language.to_string(), of.clone())));
    Some(of)
}

/// `new Intl[class](locale, options)[method]`, bound to the object made, so that it can be
/// called with no `this`; `None` where the browser has no such class or refuses the locale (an
/// invalid language tag makes Intl throw a RangeError: Reflect turns it into an Err).
fn intl_method(
    class: &str,
    locale: &JsValue,
    options: &Object,
    method: &str,
) -> Option<js_sys::Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &class.into()).ok()?.dyn_into().ok()?;
    let made = Reflect::construct(&constructor, &js_sys::Array::of2(locale, options)).ok()?;
    let method: js_sys::Function = Reflect::get(&made, &method.into()).ok()?.dyn_into().ok()?;
    Some(method.bind0(&made))
}
