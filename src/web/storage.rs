//! The browser's `localStorage`, for the reader's settings. Storage can be missing, full or
//! refused (private windows, a blocked origin, an iframe without storage access): reading then
//! finds nothing and writing does nothing, and the viewer carries on with its defaults.

/// The stored value of `key`, if storage can be read and has one.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`, if storage lets the viewer.
pub fn write(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
