//! Browser services the components use: fetching corpus files, the History API, the console,
//! dates in the reader's locale, elements made by hand, events and listening to them, URLs,
//! the reader's stored settings, the search worker's client. Below `app`: nothing here knows
//! about Leptos views or imports a component.
//! (Putting viewers into a page is `entry`, above `app`.)

pub mod console;
pub mod dates;
pub mod dom;
pub mod events;
pub mod fetch;
pub mod history;
pub mod idle;
pub mod listener;
pub mod search;
pub mod storage;
pub mod urls;
