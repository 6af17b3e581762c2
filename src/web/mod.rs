//! What touches the browser: fetching corpus files, the History API, the console, dates in the
//! reader's locale, and mounting the viewer into a page. The components in `app` call these;
//! nothing here knows about Leptos views.

pub mod bench;
pub mod console;
pub mod dates;
pub mod embed;
pub mod events;
pub mod fetch;
pub mod history;
pub mod mount;
pub mod urls;
