//! Dates shown in the article's language, through the browser's `Intl` (no locale data in the
//! wasm binary).

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
