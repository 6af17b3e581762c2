//! Messages for developers and publishers, in the browser console, always prefixed `lede:` so
//! a host page can tell the viewer's messages from its own.

pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("lede: {message}").into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&format!("lede: {message}").into());
}
