use crate::app::components::article_list::{ArticleList, Note, PAGE_SIZE};
use crate::app::components::entity_picture::directory_picture;
use crate::app::components::error_panel::ErrorPanel;
use crate::app::components::loading::Loading;
use crate::app::components::nav_link::NavLink;
use crate::app::components::not_found::NotFound;
use crate::app::computed::computed;
use crate::app::corpus_data::use_corpus_data;
use crate::app::pages::article::use_article;
use crate::app::use_viewer;
use crate::app::views::optional;
use crate::app::views::{each, flag, Handler};
use crate::core::corpus::in_context::first_mention_in_context;
use crate::core::corpus::part::Part;
use crate::core::corpus::parts::CorpusParts;
use crate::core::format::EntitySummary;
use crate::core::text::language::clean_language_tag;
use crate::core::text::ui_text::UiText;
use crate::core::text::url_safety::is_absolute_http;
use crate::core::view::state::{View, ViewState};
use crate::web::console;
use leptos::prelude::*;
use std::sync::Arc;

/// How many entities "Often with" names.
const OFTEN_WITH: usize = 5;

/// A person, organisation or place: what it is, where to read more, and every article of the
/// corpus that mentions it. Fetches the corpus's entity directory first if the index has one.
#[component]
pub fn EntityPage(id: String) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    let id_for_memo = id.clone();
    // If the directory has to load first, the heading that navigation focuses is not there yet.
    let waited = !matches!(data.read(|p| p.entity(&id)), Part::Ready(_));
    // Both at once: a paged corpus's entity directory and the mentions file it lists from.
    data.request(|parts| {
        let mut fetches = parts.want_directory();
        fetches.extend(parts.want_mentions());
        fetches
    });
    // Rebuilt only when the entity settles (or a retry unsettles it), not on every change of
    // the corpus's parts: in a paged corpus listing pages keep arriving while the reader is
    // here, and rebuilding on each undid "Show more" and dropped focus. A flag ("Writing views
    // in Lede"); for one id the settled entity does not change (the directory loads once).
    let settled = flag(move || {
        let id = id_for_memo.clone();
        !matches!(
            data.read(|p| p.entity(&id)),
            Part::NotRequested | Part::Loading(_)
        )
    });
    // A reactive child written in the view, not the closure returned as the component's view,
    // which rendered as a type of its own (rule 1 of "Writing views in Lede").
    let page = move || {
        // `get`, not `track`: a memo learns what it depends on only when it is computed.
        let _ = settled.get();
        let entity = untrack(|| data.read(|p| p.entity(&id)));
        match entity {
            Part::Ready(Some(entity)) => {
                if waited {
                    viewer.focus_heading_if_lost();
                }
                view! { <EntityDetails entity /> }.into_any()
            }
            Part::Ready(None) => view! { <NotFound article=false id=id.clone() /> }.into_any(),
            Part::Failed(error) => {
                let retry: Handler = Arc::new(move || data.request(CorpusParts::retry_directory));
                view! {
                    <div class="lede-page lede-page--entity">
                        <p class="lede-back">
                            <NavLink to=viewer.list_state()>{viewer.word(UiText::AllArticles)}</NavLink>
                        </p>
                        <ErrorPanel error retry />
                    </div>
                }
                .into_any()
            }
            Part::NotRequested | Part::Loading(_) => {
                view! { <Loading label=viewer.word(UiText::LoadingEntity) lines=3 /> }.into_any()
            }
        }
    };
    view! { {move || page()} }
}

/// The entity page once the entity is known: kind, name, description, external links, "Often
/// with" (from the index's or the directory's lists, or a paged corpus's mentions file: see
/// [`CorpusParts::often_with`]) and the articles, the first of them with the sentence of the
/// mention.
#[component]
fn EntityDetails(entity: EntitySummary) -> impl IntoView {
    let viewer = use_viewer();
    let data = use_corpus_data();
    viewer.set_title(&entity.name);
    // External links must be absolute http(s): a relative "Wikipedia" link would point into
    // the publisher's own site, which is never what the writer meant.
    let external = entity.url.clone().filter(|u| is_absolute_http(u));
    let wikidata = entity.wikidata.clone().filter(|q| {
        q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
    });
    let mentions = {
        let id = entity.id.clone();
        computed(move || data.read(|p| p.mentions_of(&id)))
    };
    let shown = RwSignal::new(PAGE_SIZE);
    let all = computed(move || match mentions.get() {
        Part::Ready(ordinals) => ordinals,
        _ => Vec::new(),
    });
    let visible = computed(move || all.with(|a| a.iter().take(shown.get()).copied().collect()));
    let remaining = move || all.with(Vec::len).saturating_sub(shown.get());
    // Drawn again when a part arrives: a paged corpus counts from its mentions file.
    let often_with = {
        let id = entity.id.clone();
        let filter = viewer.state.with_untracked(|s| s.filter.clone());
        move || {
            let companions = data.read(|p| p.often_with(&id, OFTEN_WITH));
            let last = companions.len().saturating_sub(1);
            let list = each(companions.into_iter().enumerate(), |(i, (other, count))| {
                let to = ViewState {
                    view: View::Entity(other.id.clone()),
                    filter: filter.clone(),
                };
                let class = format!("lede-chip lede-mention--{}", other.kind.name());
                let sep = if i < last { ", " } else { "" };
                view! { <NavLink to class>{other.name}</NavLink>{format!(" ({count}){sep}")} }
            });
            let often = viewer.word(UiText::OftenWith);
            optional((!list.is_empty()).then_some(list), |list| {
                view! { <p class="lede-entity__often">{often} {list}</p> }
            })
            .into_any()
        }
    };
    // The sentence of the mention, under every card shown: each fetches its article's file,
    // so the list's length ("Show more", 30 at a time) bounds the requests.
    let note = {
        let id = entity.id.clone();
        let note: Note = Arc::new(move |article| {
            let entity = id.clone();
            view! { <MentionSentence article entity /> }.into_any()
        });
        note
    };
    let articles = move || match mentions.get() {
        Part::Ready(ordinals) => {
            let heading = match ordinals.len() {
                0 => viewer.word(UiText::MentionedInNone),
                n => viewer.count(n, UiText::MentionedInOne, UiText::MentionedIn),
            };
            view! {
                <h2 class="lede-section-title">{heading}</h2>
                <ArticleList
                    visible
                    remaining=Arc::new(remaining)
                    on_more=Arc::new(move || shown.update(|n| *n += PAGE_SIZE))
                    note=note.clone()
                />
            }
            .into_any()
        }
        Part::Failed(error) => {
            let retry: Handler = Arc::new(move || data.request(CorpusParts::retry_mentions));
            view! { <ErrorPanel error retry /> }.into_any()
        }
        Part::NotRequested | Part::Loading(_) => {
            view! { <Loading label=viewer.word(UiText::LoadingMentions) lines=4 /> }.into_any()
        }
    };
    let picture = entity.image.clone().and_then(|image| {
        let in_index = data.corpus().index.entity(&entity.id).is_some();
        directory_picture(&data, image, in_index)
    });
    let list = viewer.list_state();
    // Opened from an article: a way back to it, by name, at the place the reader left.
    let back_to_article = viewer.came_from().map(|(id, headline)| {
        let to = ViewState {
            view: View::Article(id),
            filter: list.filter.clone(),
        };
        let label = viewer.fill(UiText::BackTo, &[("headline", &headline)]);
        view! { <NavLink to back=true class="lede-back__article">{label}</NavLink> }
    });
    let word = |text: UiText| viewer.word(text);
    let (back, kind, new_tab) = (
        word(UiText::AllArticles),
        word(entity.kind.label()),
        word(UiText::OpensInNewTab),
    );
    let (read_more, wikidata_label) = (word(UiText::ReadMoreAbout), word(UiText::Wikidata));
    view! {
        <div class="lede-page lede-page--entity">
            <p class="lede-back">
                <NavLink to=list>{back}</NavLink>
                {optional(back_to_article, |link| link)}
            </p>
            <header class="lede-entity__header">
                <p class="lede-entity__kind">{kind}</p>
                <h1 class="lede-page__title" id=viewer.id("heading") tabindex="-1">
                    {entity.name.clone()}
                </h1>
                {optional(entity.description.clone(), |d| view! { <p class="lede-entity__description">{d}</p> })}
                {picture}
                <ul class="lede-entity__links">
                    {optional(external, |url| {
                            view! {
                                <li>
                                    <a href=url target="_blank" rel="noopener noreferrer" class="lede-external">
                                        {read_more} {entity.name.clone()}
                                        <span class="lede-visually-hidden">{new_tab.clone()}</span>
                                    </a>
                                </li>
                            }
                        })}
                    {optional(wikidata, |q| {
                            view! {
                                <li>
                                    <a
                                        href=format!("https://www.wikidata.org/wiki/{q}")
                                        target="_blank"
                                        rel="noopener noreferrer"
                                        class="lede-external"
                                    >
                                        {wikidata_label} {q.clone()}
                                        <span class="lede-visually-hidden">{new_tab.clone()}</span>
                                    </a>
                                </li>
                            }
                        })}
                </ul>
                {move || often_with()}
            </header>
            {move || articles()}
        </div>
    }
    .into_any()
}

/// The sentence in which an article first mentions the entity, the mention marked: fetched with
/// the article's file (the article page's loader), quietly saying so if it cannot be.
#[component]
fn MentionSentence(article: String, entity: String) -> impl IntoView {
    let data = use_corpus_data();
    let viewer = use_viewer();
    let url = data.article_url(&article);
    let (loaded, _) = use_article(Box::new(move || Some(url.clone())));
    let sentence = move || {
        // One shape for both lines, the sentence and the quiet note (whose mark stays empty):
        // one copy of the view code.
        let (class, lang, [before, mention, after]) = match loaded.get() {
            Part::Ready(loaded) => {
                let Some(c) = first_mention_in_context(&loaded.0, &entity) else {
                    return ().into_any();
                };
                let lang = loaded.0.language.as_deref().and_then(clean_language_tag);
                let parts = [c.before(), c.mention(), c.after()].map(str::to_string);
                ("lede-kwic", lang, parts)
            }
            Part::Failed(error) => {
                console::warn(&error.to_string());
                let note = viewer.word(UiText::SentenceMissing);
                (
                    "lede-kwic lede-kwic--quiet",
                    Some(viewer.ui_lang()),
                    [note, String::new(), String::new()],
                )
            }
            Part::NotRequested | Part::Loading(_) => return ().into_any(),
        };
        view! { <p class=class lang=lang>{before}<mark>{mention}</mark>{after}</p> }.into_any()
    };
    view! { {move || sentence()} }
}
