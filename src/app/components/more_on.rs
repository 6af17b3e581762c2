//! "More on <topic>": at the end of an article, the few articles most like it (sharing its
//! first topic, ranked by the other topics and the entities they share with it: see
//! [`CorpusParts::related`]), as cards, so a reader goes on reading without going back to the
//! list.

use crate::app::components::article_list::ArticleList;
use crate::app::computed::computed;
use crate::app::corpus_data::use_corpus_data;
use crate::app::effect::effect;
use crate::app::use_viewer;
use crate::core::corpus::parts::CorpusParts;
use crate::core::format::Article;
use crate::core::text::ui_text::UiText;
use crate::web::idle::after_paint;
use leptos::prelude::*;
use std::sync::Arc;

/// How many articles "More on" shows.
pub const RELATED: usize = 3;

#[component]
pub fn MoreOn(article: Arc<Article>) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let corpus = data.corpus();
    let Some(first) = article.topics.first() else {
        return ().into_any();
    };
    let topic = corpus.index.topic_label(first).to_string();
    // A paged corpus's topic postings (an inline corpus has them already); the list fetches
    // them too, at the first filter.
    effect(move || data.request(CorpusParts::want_topics));
    let entities: Vec<String> = article.entities.iter().map(|e| e.id.clone()).collect();
    // Ranked once the article above it is on screen: ranking reads the postings of its topics
    // and entities (a pass over the corpus) and may fetch listing pages for the cards, and the
    // section is below the article's end, so the reader's first sight of the article does not
    // wait for it (a third of an open's time at 10,000 articles, 4x CPU). A `usize` flag
    // (rule 10 of "Writing views in Lede").
    let painted = RwSignal::new(0_usize);
    after_paint(Box::new(move || {
        // The page may be gone by then (`try_`).
        let _ = painted.try_set(1);
    }));
    let related = computed(move || {
        if painted.get() == 0 {
            return Vec::new();
        }
        data.read(|p| p.related(&article.id, &article.topics, &entities, RELATED))
    });
    let heading = viewer.id("more-on");
    let labelled_by = heading.clone();
    let title = viewer.fill(UiText::MoreOn, &[("topic", &topic)]);
    let section = move || {
        if related.with(Vec::is_empty) {
            return ().into_any();
        }
        view! {
            <section class="lede-more-on" aria-labelledby=labelled_by.clone()>
                <h2 class="lede-section-title" id=heading.clone()>{title.clone()}</h2>
                <ArticleList visible=related remaining=Arc::new(|| 0) on_more=Arc::new(|| {}) />
            </section>
        }
        .into_any()
    };
    view! { {move || section()} }.into_any()
}
