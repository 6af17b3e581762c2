//! The bottom floor: rules about strings that know nothing of JSON or the format.

pub mod dates;
pub mod english;
pub mod language;
pub mod percent;
pub mod quote;
pub mod reading_time;
pub mod ui_text;
pub mod url_safety;
