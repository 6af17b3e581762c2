//! The top floor: what the reader is looking at, as a value the URL records ([`state`]), and the
//! settings a page gives a viewer ([`options`]).

pub mod options;
pub mod state;
