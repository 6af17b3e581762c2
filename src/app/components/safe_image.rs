use crate::app::use_viewer;
use crate::core::text::ui_text::UiText;
use crate::core::view::image_ratio::aspect_ratio;
use crate::web::console;
use leptos::prelude::*;

/// An image that keeps its box when it fails to load: no broken-image icon, no layout shift.
///
/// `src` must already be checked and resolved (see [`crate::web::urls::resolve`]). The box takes
/// its aspect ratio from `width`/`height`, clamped to 1:4..4:1 ([`aspect_ratio`]; the CSS also
/// caps its height), and on failure the picture is hidden and the box shows a quiet placeholder;
/// what surrounds it (caption, credit) is untouched.
#[component]
pub fn SafeImage(
    src: String,
    alt: String,
    width: Option<u32>,
    height: Option<u32>,
    /// Lazy for an entity's picture; eager for the lead image. (A card's thumbnail is drawn by
    /// hand with the same markup, lazy: `article_card::draw_card`; a change to it goes to both.)
    #[prop(default = true)]
    lazy: bool,
) -> impl IntoView {
    // 1 once the picture failed: a `usize` signal, not a `bool` ("Writing views in Lede", 10).
    let failed = RwSignal::new(0_usize);
    // Set through the CSSOM (`style:`), not a style attribute, so that a host page with a strict
    // Content-Security-Policy (no 'unsafe-inline' styles) still lays the box out. Clamped: the
    // corpus's dimensions are untrusted (1 × 4294967295 would be a box millions of pixels tall).
    let ratio = aspect_ratio(width, height);
    let src_for_log = src.clone();
    // The whole class string as a `String`, not a `class:` toggle (see "Writing views in Lede").
    view! {
        <div
            class=move || {
                if failed.get() != 0 { "lede-image lede-image--failed" } else { "lede-image" }.to_string()
            }
            style:aspect-ratio=ratio
        >
            <img
                src=src
                alt=alt
                width=width.map(|w| w.to_string())
                height=height.map(|h| h.to_string())
                loading=if lazy { "lazy" } else { "eager" }
                decoding="async"
                referrerpolicy="no-referrer"
                on:error=move |_| {
                    console::warn(&format!("image did not load: {src_for_log}"));
                    failed.set(1);
                }
            />
            <span class="lede-image__placeholder" aria-hidden="true">
                {use_viewer().word(UiText::ImageUnavailable)}
            </span>
        </div>
    }
}
