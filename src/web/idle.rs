//! Work the reader has not asked for yet, done when the browser has nothing else to do.

use wasm_bindgen::{closure::Closure, JsCast};

/// Runs `work` when the browser is next idle: after the current frame is painted and the main
/// thread has nothing to do (`requestIdleCallback`). Where the browser has no idle callbacks,
/// `work` never runs: it is only ever ahead of need. Boxed, as [`after_paint`]'s task is.
pub fn when_idle(work: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let work = Closure::once_into_js(work);
    let _ = window.request_idle_callback(work.unchecked_ref());
}

/// Runs `task` once the next frame is painted (a timer set from the frame's callback): work
/// the reader does not see, kept out of the time between a click and the paint that answers
/// it (the address bar's update, "More on"'s ranking). Boxed, so that every caller shares one
/// copy of the closures' code.
pub fn after_paint(task: Box<dyn FnOnce()>) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(task, std::time::Duration::ZERO)
    });
}
