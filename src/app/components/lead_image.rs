use crate::app::components::safe_image::SafeImage;
use crate::app::use_viewer;
use crate::app::views::optional;
use crate::core::format::LeadImage;
use crate::core::text::quote::quoted;
use crate::core::text::ui_text::UiText;
use crate::web::urls::resolve;
use leptos::prelude::*;

/// The article's picture in a `figure`, with its caption and a photo credit that stays visible
/// even when the picture does not load.
#[component]
pub fn LeadImageFigure(image: LeadImage, article_url: String) -> impl IntoView {
    let viewer = use_viewer();
    let src = resolve(&image.url, &article_url);
    if src.is_none() {
        crate::web::console::warn(&format!("image URL refused: {}", quoted(&image.url)));
    }
    let has_text = image.caption.is_some() || image.credit.is_some();
    view! {
        <figure class="lede-figure">
            {optional(src, |src| {
                view! {
                    <SafeImage
                        src
                        alt=image.alt.clone()
                        width=image.width
                        height=image.height
                        lazy=false
                    />
                }
            })}
            {optional(has_text.then_some(()), |()| {
                view! {
                    <figcaption class="lede-figure__caption">
                        {optional(image.caption.clone(), |c| view! { <span>{c}</span> " " })}
                        {optional(image.credit.clone(), |credit| {
                            view! {
                                <span class="lede-figure__credit">
                                    <span class="lede-figure__credit-label" lang=viewer.ui_lang()>
                                        {viewer.word(UiText::PhotoPrefix)}
                                    </span>
                                    {credit}
                                </span>
                            }
                        })}
                    </figcaption>
                }
            })}
        </figure>
    }
}
