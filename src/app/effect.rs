//! The viewer's one way to make an effect (see "Writing views in Lede" in `app/mod.rs`).

use leptos::prelude::*;

/// `Effect::new(move |_| f())`, for the viewer's effects (none keeps a value): runs `f`, and again
/// whenever a signal it read changes. Effects are for the world outside the signals only (the
/// URL, the DOM, the console, the network), never to keep one signal in step with another.
///
/// The closure goes behind a `dyn` call so that Leptos' effect code is linked once for all of
/// them, not once per closure (0.9 kB gzipped).
pub fn effect(f: impl Fn() + 'static) {
    run_effect(Box::new(f));
}

fn run_effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}
