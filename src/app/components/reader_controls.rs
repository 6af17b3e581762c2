//! "Text and theme": the reader's text size and theme, as Firefox Reader View offers them, in a
//! disclosure on the article page. Plain radio buttons in two fieldsets (keyboard and screen
//! readers get the standard controls). What a choice
//! does is the viewer's ([`Viewer::change_reader_setting`]): attributes on its root that the
//! stylesheet reads, remembered by the page's own viewer.
//!
//! [`Viewer::change_reader_setting`]: crate::app::Viewer::change_reader_setting

use crate::app::use_viewer;
use crate::app::views::{optional, radio};
use crate::core::text::ui_text::UiText;
use crate::core::view::reader_settings::Theme;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The four text sizes' names, smallest first.
const SIZES: [UiText; 4] = [
    UiText::TextSmaller,
    UiText::TextDefault,
    UiText::TextLarger,
    UiText::TextLargest,
];

/// The themes' names, in [`Theme::ALL`]'s order.
const THEMES: [UiText; 4] = [
    UiText::ThemeAuto,
    UiText::ThemeLight,
    UiText::ThemeDark,
    UiText::ThemeSepia,
];

#[component]
pub fn ReaderControls() -> impl IntoView {
    let viewer = use_viewer();
    // The panel's eight radios are built when the reader first opens it, not with every article
    // page: an open paid for 21 elements (and their listeners) that most readers never show,
    // inside the click that opens the article. A click on the summary comes before the
    // `<details>` opens (Enter and Space on it are clicks too), so the radios are there when
    // it does; `toggle` catches an opening without a click (an assistive technology's expand
    // action), a frame later. A flag is a `usize` (rule 10 of "Writing views in Lede").
    let wanted = RwSignal::new(0_usize);
    let want = move || {
        if wanted.get_untracked() == 0 {
            wanted.set(1);
        }
    };
    // Escape closes the panel, as it closes a menu, and focus goes back to its summary (a
    // `<details>` alone does neither).
    let on_key = |event: web_sys::KeyboardEvent| {
        let Some(details) = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        else {
            return;
        };
        if event.key() == "Escape" && details.open() {
            event.prevent_default();
            details.set_open(false);
            if let Some(summary) = details
                .first_element_child()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
    };
    view! {
        <details class="lede-reader" on:keydown=on_key on:toggle=move |_| want()>
            <summary on:click=move |_| want()>{viewer.word(UiText::ReaderSettings)}</summary>
            <div class="lede-reader__panel">
                {move || optional((wanted.get() == 1).then_some(()), |()| panel()).into_any()}
            </div>
        </details>
    }
}

/// The panel's two groups of radios, checked as the reader's settings are now.
fn panel() -> impl IntoView {
    let viewer = use_viewer();
    let settings = viewer.reader_settings();
    // Radio groups are per viewer: two viewers on a page must not share a group.
    let (size_group, theme_group) = (viewer.id("text-size"), viewer.id("theme"));
    // The topic filter's radio ([`radio`]), the setting changed by its own `change` listener.
    let option =
        move |group: &str, setting: &'static str, value: String, label: UiText, on: bool| {
            let chosen = value.clone();
            radio(
                "lede-reader__option",
                group.to_string(),
                value,
                viewer.word(label),
                Box::new(move || on),
                Box::new(move || viewer.change_reader_setting(setting, &chosen)),
            )
        };
    let sizes = (SIZES.into_iter().enumerate()).map(|(i, label)| {
        option(
            &size_group,
            "text-size",
            i.to_string(),
            label,
            i == usize::from(settings.text_size),
        )
    });
    let themes = (Theme::ALL.into_iter().zip(THEMES)).map(|(theme, label)| {
        option(
            &theme_group,
            "theme",
            theme.name().to_string(),
            label,
            theme == settings.theme,
        )
    });
    let (sizes, themes): (Vec<AnyView>, Vec<AnyView>) = (sizes.collect(), themes.collect());
    view! {
        <fieldset>
            <legend>{viewer.word(UiText::TextSize)}</legend>
            {sizes}
        </fieldset>
        <fieldset>
            <legend>{viewer.word(UiText::Theme)}</legend>
            {themes}
        </fieldset>
    }
}
