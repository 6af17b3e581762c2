//! An entity's picture with its credit: in the preview card and on the entity's page.

use crate::app::components::safe_image::SafeImage;
use crate::app::corpus_data::CorpusData;
use crate::app::views::optional;
use crate::core::format::EntityImage;
use crate::core::text::url_safety::same_origin;
use crate::web::urls::resolve;
use leptos::prelude::*;

/// The picture of an entity of the index (`in_index`) or of the entity directory, if there is
/// one on the corpus's own host: its URL resolves against the file that holds it, and a picture
/// anywhere else is not shown, so that nothing the viewer shows of an entity asks a third
/// party for anything.
pub fn directory_picture(data: &CorpusData, image: EntityImage, in_index: bool) -> Option<AnyView> {
    let index_url = data.index_url();
    let base = if in_index {
        Some(index_url.clone())
    } else {
        (data.corpus().index.entity_file.as_deref()).and_then(|file| resolve(file, &index_url))
    };
    picture(image, &base?, &index_url)
}

/// `image`, resolved against `base`, as a figure with its credit, if it is on the host of
/// `index_url` (the corpus's).
pub fn picture(image: EntityImage, base: &str, index_url: &str) -> Option<AnyView> {
    let src = resolve(&image.url, base)?;
    same_origin(&src, index_url).then(|| {
        view! {
            <figure class="lede-entity-picture">
                <SafeImage src alt=image.alt width=None height=None />
                {optional(image.credit, |c| view! { <figcaption>{c}</figcaption> })}
            </figure>
        }
        .into_any()
    })
}
