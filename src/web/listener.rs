//! Listening to DOM events outside Leptos' `on:` handlers: one closure for several event types
//! and targets, removed when dropped. The preview cards listen to seven events on the viewer
//! and the window through one: as `on:` handlers, each event type linked its own copy of
//! Leptos' handler code (about 0.4 kB gzip each). The viewer's Back and Forward (`popstate` on
//! the window) go through one too.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A closure listening to events; dropping it removes it from every target.
pub struct EventListener {
    closure: Closure<dyn FnMut(web_sys::Event)>,
    added: Vec<(web_sys::EventTarget, &'static str, bool)>,
}

impl EventListener {
    /// A listener that calls `handler` with each event (of every type it listens to).
    pub fn new(handler: impl FnMut(web_sys::Event) + 'static) -> Self {
        EventListener {
            closure: Closure::<dyn FnMut(web_sys::Event)>::new(handler),
            added: Vec::new(),
        }
    }

    /// Listens to `event` on `target`, in the capture phase if `capture`.
    pub fn listen(&mut self, target: &web_sys::EventTarget, event: &'static str, capture: bool) {
        let added = target.add_event_listener_with_callback_and_bool(
            event,
            self.closure.as_ref().unchecked_ref(),
            capture,
        );
        if added.is_ok() {
            self.added.push((target.clone(), event, capture));
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        for (target, event, capture) in &self.added {
            let _ = target.remove_event_listener_with_callback_and_bool(
                event,
                self.closure.as_ref().unchecked_ref(),
                *capture,
            );
        }
    }
}
