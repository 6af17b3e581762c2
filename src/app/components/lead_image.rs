use crate::app::components::safe_image::SafeImage;
use crate::core::format::LeadImage;
use crate::core::text::quote::quoted;
use crate::web::urls::resolve;
use leptos::prelude::*;

/// The article's picture in a `figure`, with its caption and a photo credit that stays visible
/// even when the picture does not load.
#[component]
pub fn LeadImageFigure(image: LeadImage, article_url: String) -> impl IntoView {
    let src = resolve(&image.url, &article_url);
    if src.is_none() {
        crate::web::console::warn(&format!("image URL refused: {}", quoted(&image.url)));
    }
    let has_text = image.caption.is_some() || image.credit.is_some();
    // Optional parts are erased (`into_any`): one `Option<AnyView>` type for all of them (see
    // `ArticleBody`).
    view! {
        <figure class="lede-figure">
            {src
                .map(|src| {
                    view! {
                        <SafeImage
                            src
                            alt=image.alt.clone()
                            width=image.width
                            height=image.height
                            lazy=false
                        />
                    }
                    .into_any()
                })}
            {has_text
                .then(|| {
                    view! {
                        <figcaption class="lede-figure__caption">
                            {image.caption.clone().map(|c| view! { <span>{c}</span> " " }.into_any())}
                            {image
                                .credit
                                .clone()
                                .map(|credit| {
                                    view! {
                                        <span class="lede-figure__credit">
                                            <span class="lede-figure__credit-label">"Photo: "</span>
                                            {credit}
                                        </span>
                                    }
                                    .into_any()
                                })}
                        </figcaption>
                    }
                    .into_any()
                })}
        </figure>
    }
}
