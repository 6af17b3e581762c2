//! "Text and theme": the reader's text size and theme, as Firefox Reader View offers them, in a
//! disclosure on the article page. Plain radio buttons in two fieldsets (keyboard and screen
//! readers get the standard controls); one `change` listener for all of them. What a choice
//! does is the viewer's ([`Viewer::change_reader_setting`]): attributes on its root that the
//! stylesheet reads, remembered by the page's own viewer.
//!
//! [`Viewer::change_reader_setting`]: crate::app::Viewer::change_reader_setting

use crate::app::use_viewer;
use crate::app::views::each;
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
    let settings = viewer.reader_settings();
    // Radio groups are per viewer: two viewers on a page must not share a group.
    let (size_group, theme_group) = (viewer.id("text-size"), viewer.id("theme"));
    let option = move |group: &str, name: &'static str, value: String, label: UiText, on: bool| {
        view! {
            <label class="lede-reader__option">
                <input type="radio" name=group.to_string() data-setting=name value=value checked=on />
                {viewer.word(label)}
            </label>
        }
    };
    let sizes = each(SIZES.into_iter().enumerate(), |(i, label)| {
        option(
            &size_group,
            "text-size",
            i.to_string(),
            label,
            i == usize::from(settings.text_size),
        )
    });
    let themes = each(Theme::ALL.into_iter().zip(THEMES), |(theme, label)| {
        option(
            &theme_group,
            "theme",
            theme.name().to_string(),
            label,
            theme == settings.theme,
        )
    });
    let on_change = move |event: web_sys::Event| {
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(input) = input {
            let name = input.get_attribute("data-setting").unwrap_or_default();
            let value = input.get_attribute("value").unwrap_or_default();
            viewer.change_reader_setting(&name, &value);
        }
    };
    view! {
        <details class="lede-reader">
            <summary>{viewer.word(UiText::ReaderSettings)}</summary>
            <div class="lede-reader__panel" on:change=on_change>
                <fieldset>
                    <legend>{viewer.word(UiText::TextSize)}</legend>
                    {sizes}
                </fieldset>
                <fieldset>
                    <legend>{viewer.word(UiText::Theme)}</legend>
                    {themes}
                </fieldset>
            </div>
        </details>
    }
}
