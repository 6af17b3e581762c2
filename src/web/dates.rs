//! Dates shown in the article's language, and languages named in the reader's, through the
//! browser's `Intl` (no locale data in the wasm binary).

use crate::core::text::dates::{date_part, parse_timestamp};
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
    let options = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&options, &k.into(), &v.into());
    };
    set("year", "numeric");
    set("month", "long");
    set("day", "numeric");
    // A date without a time names a calendar day, not an instant: show that day everywhere.
    if published.len() == 10 {
        set("timeZone", "UTC");
    }
    // An invalid language tag makes Intl throw a RangeError: call through Reflect.apply, which
    // turns the exception into an Err, and fall back to the reader's own locale.
    let format = |locale: JsValue| -> Option<String> {
        let method = Reflect::get(&date, &"toLocaleDateString".into()).ok()?;
        let method: js_sys::Function = method.dyn_into().ok()?;
        let args = js_sys::Array::of2(&locale, &options);
        Reflect::apply(&method, &date, &args).ok()?.as_string()
    };
    language
        .and_then(clean_language_tag)
        .and_then(|tag| format(JsValue::from_str(&tag)))
        .or_else(|| format(JsValue::UNDEFINED))
        .filter(|text| !text.is_empty() && text != "Invalid Date")
        .unwrap_or_else(|| date_part(published).to_string())
}

/// The name of language `tag` in language `in_language` ("Spanish" for `es` in `en`), through
/// `Intl.DisplayNames`; `None` where the browser has no name for it (or no `Intl.DisplayNames`).
pub fn language_name(tag: &str, in_language: &str) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let args = js_sys::Array::of2(&JsValue::from_str(in_language), &options);
    // Throws a RangeError for a tag it cannot read: Reflect turns that into an Err.
    let names = Reflect::construct(&constructor, &args).ok()?;
    let of: js_sys::Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
    let name = Reflect::apply(&of, &names, &js_sys::Array::of1(&JsValue::from_str(tag))).ok()?;
    name.as_string().filter(|n| !n.is_empty() && n != tag)
}
