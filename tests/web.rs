//! Component tests in headless Chromium (wasm-bindgen-test):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//!
//! Each test mounts one component into a fresh element with in-memory data and reads the DOM
//! it produced. The user's whole path (fetching, history, several pages) is covered end to end
//! in `tests/e2e/`.
#![cfg(target_arch = "wasm32")]

use lede::app::components::body_text::BodyText;
use lede::app::components::error_panel::ErrorPanel;
use lede::app::components::lead_image::LeadImageFigure;
use lede::app::corpus_data::CorpusData;
use lede::app::pages::article_warm_up::{build_off_document, warm_up_page};
use lede::app::pages::entity::EntityPage;
use lede::app::pages::list::ListPage;
use lede::app::work::ListWork;
use lede::app::Viewer;
use lede::core::corpus::Corpus;
use lede::core::format::EntityKind;
use lede::core::format::{Article, ArticleSummary, CorpusIndex, LeadImage};
use lede::core::view::mention_links::MentionLinks;
use lede::core::view::options::ViewerOptions;
use lede::web::dom::Drawing;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to mount into (the runner owns the rest of the body).
fn fresh_root() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn options() -> ViewerOptions {
    ViewerOptions {
        history: false,
        set_title: false,
        corpus_url: "https://news.example/corpus/index.json".into(),
        ..ViewerOptions::default()
    }
}

/// Mounts `view` with a viewer context (history off) and the test corpus into a fresh element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    mount_with(corpus(), view)
}

/// Mounts `view` with a viewer context (history off) and `corpus` into a fresh element.
fn mount_with<V: IntoView + 'static>(
    corpus: Arc<Corpus>,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let root = fresh_root();
    let context_root = root.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let viewer = Viewer::provide(options(), context_root.clone(), context_root);
        CorpusData::provide(corpus, viewer);
        view()
    });
    handle.forget();
    root
}

/// Lets Leptos run its scheduled effects and the browser fire pending events.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The text of each mention link in `root`, in order.
fn link_names(root: &web_sys::HtmlElement) -> Vec<String> {
    all(root, "a.lede-mention")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

const INDEX: &str = r#"{
  "version": 1,
  "title": "Test corpus",
  "topics": [
    {"id": "iraq", "label": "Iraq"},
    {"id": "iran", "label": "Iran"},
    {"id": "sport", "label": "Sport"}
  ],
  "entities": [
    {"id": "baghdad", "name": "Baghdad", "type": "place",
     "url": "https://en.wikipedia.org/wiki/Baghdad", "wikidata": "Q1530"},
    {"id": "evil", "name": "Evil Corp", "type": "organisation", "url": " JaVaScRiPt:alert(1)"}
  ],
  "articles": [
    {"id": "a", "headline": "Old Iraq story", "published": "2020-01-01",
     "topics": ["iraq"], "entities": ["baghdad"], "url": "articles/a.json"},
    {"id": "b", "headline": "Iraq and Iran", "published": "2023-03-07",
     "topics": ["iraq", "iran"], "entities": ["baghdad", "evil"], "url": "articles/b.json"},
    {"id": "c", "headline": "<img src=x onerror=alert(1)> Cup final", "published": "2022-06-01",
     "topics": ["sport"], "url": "articles/c.json"}
  ]
}"#;

fn corpus() -> Arc<Corpus> {
    Arc::new(Corpus::new(CorpusIndex::from_json(INDEX).unwrap()))
}

/// The test corpus's topics with `n` articles, "Article 0" to "Article {n-1}", each newer than
/// the one before (a day apart, from 2020-01-01) and of the one topic `topic` gives it.
fn numbered(n: usize, topic: impl Fn(usize) -> &'static str) -> Arc<Corpus> {
    let mut index = CorpusIndex::from_json(INDEX).unwrap();
    index.articles = (0..n)
        .map(|i| ArticleSummary {
            id: format!("a{i}").into(),
            headline: format!("Article {i}").into(),
            standfirst: None,
            published: format!("2020-{:02}-{:02}", i / 28 + 1, i % 28 + 1).into(),
            language: None,
            topics: vec![topic(i).into()],
            entities: vec![],
            thumbnail: None,
            url: format!("a{i}.json").into(),
            source_name: None,
            reading_minutes: None,
        })
        .collect();
    Arc::new(Corpus::new(index))
}

fn article(body: &str) -> Arc<Article> {
    let json = format!(
        r#"{{"version": 1, "id": "b", "headline": "h", "published": "2023-03-07",
            "entities": [{{"id": "baghdad", "name": "Baghdad", "type": "place"}},
                         {{"id": "iraq", "name": "Iraq", "type": "place"}}],
            "body": [{body}]}}"#
    );
    Arc::new(Article::from_json(&json).unwrap())
}

#[wasm_bindgen_test]
async fn list_shows_newest_first_and_hostile_headlines_as_text() {
    let root = mount(|| view! { <ListPage /> });
    settle(0).await;
    let headlines: Vec<String> = all(&root, ".lede-card__headline")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(
        headlines,
        [
            "Iraq and Iran",
            "<img src=x onerror=alert(1)> Cup final",
            "Old Iraq story"
        ]
    );
    assert!(
        all(&root, "img").is_empty(),
        "markup in a headline became an element"
    );
}

#[wasm_bindgen_test]
async fn topic_toggle_filters_and_counts_predict_what_a_click_shows() {
    let root = mount(|| view! { <ListPage /> });
    settle(0).await;
    let buttons = all(&root, "button.lede-topic");
    assert_eq!(buttons.len(), 3);
    assert_eq!(
        buttons[0].get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(text(&root, ".lede-topic__count"), "2");

    buttons[2].click(); // Sport
    settle(0).await;
    assert_eq!(
        buttons[2].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(all(&root, ".lede-card").len(), 1);
    let counts: Vec<String> = all(&root, ".lede-topic__count")
        .iter()
        .map(|c| c.text_content().unwrap())
        .collect();
    // Any mode: Iraq would add its articles to Sport's (3 in all), Iran its one (2); Sport,
    // selected, counts its own result.
    assert_eq!(counts, ["3", "2", "1"]);
    assert_eq!(text(&root, ".lede-results"), "Showing 1 of 3 articles");
}

#[wasm_bindgen_test]
async fn all_mode_with_no_common_article_shows_an_empty_state_that_clears() {
    let root = mount(|| view! { <ListPage /> });
    settle(0).await;
    let buttons = all(&root, "button.lede-topic");
    buttons[0].click(); // Iraq
    buttons[2].click(); // Sport
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 3, "any: Iraq or Sport");
    let all_radio: web_sys::HtmlElement = root
        .query_selector("input[value=all]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    all_radio.click();
    settle(0).await;
    assert!(all(&root, ".lede-card").is_empty());
    assert!(text(&root, ".lede-empty").contains("all of: Iraq, Sport"));
    all(&root, ".lede-empty button")[0].click();
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 3);
}

#[wasm_bindgen_test]
async fn mentions_are_links_named_by_their_text() {
    let a = article(r#"{"text": "Austin met officials in Baghdad, Iraq."}"#);
    let root = mount(move || view! { <BodyText article=a /> });
    settle(0).await;
    let links = all(&root, "a.lede-mention");
    let names: Vec<String> = links.iter().map(|l| l.text_content().unwrap()).collect();
    assert_eq!(names, ["Baghdad", "Iraq"]);
    assert!(links[0]
        .get_attribute("href")
        .unwrap()
        .ends_with("?entity=baghdad"));
    assert_eq!(
        root.text_content().unwrap(),
        "Austin met officials in Baghdad, Iraq."
    );
}

#[wasm_bindgen_test]
async fn later_mentions_are_marks_and_a_muted_kind_is_plain_text() {
    let a = article(r#"{"text": "Baghdad, Iraq. Baghdad again, and Iraq."}"#);
    let muted = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = muted.clone();
    let root = mount(move || {
        keep.set(Some(lede::app::use_viewer().muted));
        view! { <BodyText article=a links=MentionLinks::First /> }
    });
    settle(0).await;
    let names = link_names(&root);
    assert_eq!(names, ["Baghdad", "Iraq"], "the first mention of each");
    let marks = all(&root, "span.lede-mention-mark");
    assert_eq!(marks.len(), 2);
    assert!(marks
        .iter()
        .all(|m| m.tab_index() < 0 && m.get_attribute("href").is_none()));
    assert!(marks[0].class_name().contains("lede-mention--place"));
    assert_eq!(
        root.text_content().unwrap(),
        "Baghdad, Iraq. Baghdad again, and Iraq."
    );
    // Muting places: the links and marks of places become text, the text stays the same.
    muted.get().unwrap().set(EntityKind::Place.bit());
    settle(0).await;
    assert!(all(&root, ".lede-mention--place").is_empty());
    assert_eq!(
        root.text_content().unwrap(),
        "Baghdad, Iraq. Baghdad again, and Iraq."
    );
    // Unmuted: the body is drawn again from the links and marks the first drawing kept (copies
    // of their attributes, each given its own text), as it was.
    muted.get().unwrap().set(0);
    settle(0).await;
    let names = link_names(&root);
    assert_eq!(names, ["Baghdad", "Iraq"]);
    assert_eq!(all(&root, "span.lede-mention-mark").len(), 2);
    assert!(all(&root, "a.lede-mention")[0]
        .get_attribute("href")
        .unwrap()
        .ends_with("?entity=baghdad"));
    assert_eq!(
        root.text_content().unwrap(),
        "Baghdad, Iraq. Baghdad again, and Iraq."
    );
}

#[wasm_bindgen_test]
async fn mentions_after_text_outside_the_basic_plane_keep_their_own_text() {
    // A paragraph's pieces are slices of its text in JavaScript, counted in UTF-16 code units:
    // an emoji (two units, four bytes) or an accent (one unit, two bytes) before a mention
    // must not shift it.
    let a = article(
        r#"{"text": "Zürich 👋🏽 — Baghdad, then “Iraq” 𝕏.", "mentions": [
            {"start": 12, "end": 19, "entity": "baghdad"},
            {"start": 27, "end": 31, "entity": "iraq"}]}"#,
    );
    let root = mount(move || view! { <BodyText article=a /> });
    settle(0).await;
    let names = link_names(&root);
    assert_eq!(names, ["Baghdad", "Iraq"]);
    assert_eq!(
        root.text_content().unwrap(),
        "Zürich 👋🏽 — Baghdad, then “Iraq” 𝕏."
    );
}

#[wasm_bindgen_test]
fn a_drawing_after_text_outside_the_basic_plane_keeps_every_string_whole() {
    // A drawing's strings cross in one text, each found by its start and length in UTF-16 code
    // units: an emoji (two units, four bytes) or an accent (one unit, two bytes) before a string
    // must not shift it, and markup stays text.
    let root = fresh_root();
    let mut drawing = Drawing::default();
    drawing.open("div", &[("class", "a"), ("title", "Zürich 👋🏽")]);
    drawing.leaf(
        "a",
        &[("href", "?article=𝕏")],
        "<img src=x onerror=alert(1)> 𝕏",
    );
    drawing.text(" · ");
    drawing.open("span", &[("lang", "sv")]);
    drawing.style("aspect-ratio", "3 / 2");
    drawing.text("Kärnkraft “ok”");
    drawing.close();
    drawing.close();
    drawing.leaf("p", &[], "");
    drawing.draw(&root, None).unwrap();
    assert_eq!(
        root.inner_html(),
        "<div class=\"a\" title=\"Zürich 👋🏽\"><a href=\"?article=𝕏\">&lt;img src=x \
         onerror=alert(1)&gt; 𝕏</a> · <span lang=\"sv\" style=\"aspect-ratio: 3 / 2;\">\
         Kärnkraft “ok”</span></div><p></p>"
    );
    // A name the document refuses is an error, not a panic; what came before it stays.
    let mut refused = Drawing::default();
    refused.leaf("b", &[], "kept");
    refused.open("not a name", &[]);
    assert!(refused.draw(&root, None).is_err());
    assert_eq!(
        root.last_element_child().unwrap().text_content().unwrap(),
        "kept"
    );
}

#[wasm_bindgen_test]
async fn a_paragraph_of_a_hundred_and_forty_thousand_pieces_is_drawn_whole() {
    // One `append` call with every piece as an argument throws past about a hundred thousand
    // in V8 (65,536 elsewhere), and the paragraph stayed empty: a drawing appends them one by
    // one.
    let text = "Iraq ".repeat(70_000);
    let a = article(&format!(r#"{{"text": "{text}"}}"#));
    let root = mount(move || view! { <BodyText article=a links=MentionLinks::All /> });
    settle(0).await;
    assert_eq!(all(&root, "a.lede-mention").len(), 70_000);
    assert_eq!(root.text_content().unwrap(), text);
}

#[wasm_bindgen_test]
async fn broken_mention_span_keeps_its_text_unlinked() {
    let a = article(
        r#"{"text": "<b>Baghdad</b> & Iraq", "mentions": [
            {"start": 3, "end": 10, "entity": "baghdad"},
            {"start": 17, "end": 99, "entity": "iraq"},
            {"start": 0, "end": 2, "entity": "nobody"}]}"#,
    );
    let root = mount(move || view! { <BodyText article=a /> });
    settle(0).await;
    assert_eq!(all(&root, "a").len(), 1);
    assert!(
        all(&root, "b").is_empty(),
        "markup in body text became an element"
    );
    assert_eq!(root.text_content().unwrap(), "<b>Baghdad</b> & Iraq");
}

#[wasm_bindgen_test]
async fn failed_image_keeps_caption_credit_and_box() {
    let image = LeadImage {
        url: "http://127.0.0.1:9/missing.jpg".into(),
        alt: "Two men shake hands".into(),
        caption: Some("Austin and Sudani in Baghdad".into()),
        credit: Some("Iraqi Prime Minister’s Office/AFP".into()),
        width: Some(1200),
        height: Some(675),
    };
    let root = mount(move || {
        view! { <LeadImageFigure image article_url="https://news.example/a.json".to_string() /> }
    });
    let mut failed = false;
    for _ in 0..50 {
        settle(100).await;
        if !all(&root, ".lede-image--failed").is_empty() {
            failed = true;
            break;
        }
    }
    assert!(failed, "the image error was not handled");
    assert!(text(&root, "figcaption").contains("Iraqi Prime Minister’s Office/AFP"));
    let img = &all(&root, "img")[0];
    assert_eq!(
        img.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    let frame = &all(&root, ".lede-image")[0];
    assert!(frame.offset_height() > 0, "the image box collapsed");
}

#[wasm_bindgen_test]
async fn unsafe_image_url_is_never_rendered() {
    let image = LeadImage {
        url: "data:image/svg+xml,<svg onload=alert(1)>".into(),
        alt: String::new(),
        caption: None,
        credit: Some("Agency".into()),
        width: None,
        height: None,
    };
    let root = mount(move || {
        view! { <LeadImageFigure image article_url="https://news.example/a.json".to_string() /> }
    });
    settle(0).await;
    assert!(all(&root, "img").is_empty());
    assert!(text(&root, "figcaption").contains("Agency"));
}

#[wasm_bindgen_test]
async fn entity_page_links_out_safely_and_drops_script_urls() {
    let root = mount(|| view! { <EntityPage id="baghdad".to_string() /> });
    settle(0).await;
    let external = all(&root, "a.lede-external");
    assert_eq!(external.len(), 2);
    for link in &external {
        assert_eq!(
            link.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
        assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    }
    assert_eq!(all(&root, ".lede-card").len(), 2);

    let root = mount(|| view! { <EntityPage id="evil".to_string() /> });
    settle(0).await;
    assert!(
        all(&root, "a.lede-external").is_empty(),
        "javascript: URL reached an href"
    );
    for link in all(&root, "a") {
        let href = link
            .get_attribute("href")
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(!href.contains("javascript"), "{href}");
    }
}

#[wasm_bindgen_test]
async fn unknown_entity_says_so() {
    let root = mount(|| view! { <EntityPage id="nobody".to_string() /> });
    settle(0).await;
    assert!(text(&root, "[role=alert]").contains("No such entity"));
}

#[wasm_bindgen_test]
async fn error_panel_names_the_file_and_retries() {
    let retried = RwSignal::new(0);
    let error = lede::core::corpus::load_error::LoadError::Http {
        url: "https://news.example/corpus/index.json".into(),
        status: 503,
    };
    let root = mount(move || {
        view! { <ErrorPanel error retry=Arc::new(move || retried.update(|n| *n += 1)) /> }
    });
    settle(0).await;
    let alert = text(&root, "[role=alert]");
    assert!(alert.contains("index.json"), "{alert}");
    assert!(alert.contains("503"), "{alert}");
    all(&root, "button")[0].click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn filter_toggles_are_buttons_named_by_the_label() {
    let root = mount(|| view! { <ListPage /> });
    settle(0).await;
    let button = &all(&root, "button.lede-topic")[1];
    // The accessible name comes from the visible label; the count is aria-hidden and only
    // describes the button.
    let visible: String = all(button, "span:not([aria-hidden])")
        .iter()
        .map(|s| s.text_content().unwrap())
        .collect();
    assert_eq!(visible, "Iran");
    let described = button.get_attribute("aria-describedby").unwrap();
    let description = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(&described)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(description, "1 article");
}

#[wasm_bindgen_test]
async fn a_large_result_renders_one_page_and_grows_on_request() {
    let corpus = numbered(70, |i| if i % 2 == 0 { "iraq" } else { "sport" });
    let root = mount_with(corpus, || view! { <ListPage /> });
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 30);
    let more = || all(&root, "button.lede-more");
    assert_eq!(more()[0].text_content().unwrap(), "Show 30 more");
    more()[0].click();
    settle(50).await;
    assert_eq!(all(&root, ".lede-card").len(), 60);
    // Focus continues at the first new article, not on a button that moved away.
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let thirty_first = all(&root, ".lede-card__headline")[30]
        .text_content()
        .unwrap();
    assert_eq!(focused, thirty_first);
    more()[0].click();
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 70);
    assert!(more().is_empty(), "nothing left to show");

    // A new selection starts again from one page: 35 Iraq articles, 30 shown.
    all(&root, "button.lede-topic")[0].click();
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 30);
    assert_eq!(more()[0].text_content().unwrap(), "Show 5 more");
}

#[wasm_bindgen_test]
async fn a_topic_click_selects_once_and_builds_no_card_it_has_shown_before() {
    let work = ListWork;
    let root = mount(move || view! { <ListPage /> });
    settle(0).await;
    assert_eq!(all(&root, ".lede-card").len(), 3);
    let (selections, cards) = (work.selections(), work.cards_built());
    let first = all(&root, ".lede-card")
        .into_iter()
        .map(|c| c.text_content())
        .collect::<Vec<_>>();

    all(&root, "button.lede-topic")[2].click(); // Sport: one of the three cards
    settle(50).await;
    assert_eq!(all(&root, ".lede-card").len(), 1);
    assert_eq!(
        work.selections() - selections,
        1,
        "selections for one click"
    );
    assert_eq!(
        work.cards_built() - cards,
        0,
        "cards built for a card already shown"
    );

    all(&root, "button.lede-topic")[2].click(); // Sport off: the three cards again, kept
    settle(50).await;
    let again = all(&root, ".lede-card")
        .into_iter()
        .map(|c| c.text_content())
        .collect::<Vec<_>>();
    assert_eq!(again, first, "the same cards, in the same order");
    assert_eq!(
        work.selections() - selections,
        2,
        "selections for two clicks"
    );
    assert_eq!(work.cards_built() - cards, 0, "cards built for cards kept");
}

/// A first topic click built every card the list had not shown yet (some 15 at 10,000
/// articles: about 50 ms of script at 4x CPU, where a later click builds none). The largest
/// topic's first page, the likeliest first click, is now built while the browser is idle.
#[wasm_bindgen_test]
async fn the_largest_topics_first_page_is_built_when_idle_and_its_first_click_builds_no_card() {
    // Newest first: 59 down to 0. Iraq (the largest topic: 40 articles) is every article whose
    // number is not a multiple of three; sport the others.
    let corpus = numbered(60, |i| if i % 3 == 0 { "sport" } else { "iraq" });
    let work = ListWork;
    let before = work.cards_built();
    let root = mount_with(corpus, || view! { <ListPage /> });
    settle(0).await;
    assert_eq!(
        all(&root, ".lede-card").len(),
        30,
        "the first page: 59 to 30"
    );
    // Idle periods come while nothing else runs (a few cards each): wait for the ten, for up
    // to ten seconds, then for anything more that would be built.
    for _ in 0..100 {
        if work.cards_built() - before >= 40 {
            break;
        }
        settle(100).await;
    }
    settle(500).await;
    // Iraq's first 30: the 20 of 59 to 30, then 29, 28, 26, 25, 23, 22, 20, 19, 17 and 16.
    assert_eq!(
        work.cards_built() - before,
        40,
        "the first page and ten cards ahead"
    );
    assert_eq!(all(&root, ".lede-card").len(), 30, "built off the document");

    let built = work.cards_built();
    all(&root, "button.lede-topic")[0].click(); // Iraq
    settle(50).await;
    let shown = all(&root, ".lede-card__headline")
        .into_iter()
        .map(|h| h.text_content().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(shown.len(), 30);
    assert_eq!(shown[19], "Article 31");
    assert_eq!(shown[20], "Article 29");
    assert_eq!(shown[29], "Article 16");
    assert_eq!(work.cards_built() - built, 0, "cards built for the click");
}

#[wasm_bindgen_test]
async fn the_warm_up_builds_the_article_page_off_the_document_and_leaves_nothing_behind() {
    let document = web_sys::window().unwrap().document().unwrap();
    let title = document.title();
    let built = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let keep = built.clone();
    let root = mount(move || {
        let owner = Owner::current().unwrap();
        *keep.borrow_mut() = build_off_document(&owner, warm_up_page);
        view! { <p>"here"</p> }
    });
    settle(50).await;
    // The article page, as an open builds it: its headline, its mentions (the first of each
    // entity a link, the second "Lede" a mark), its entities' chips.
    let elements = built.borrow().clone();
    assert_eq!(elements.len(), 1);
    let page: web_sys::HtmlElement = elements[0].clone().unchecked_into();
    assert!(!page.is_connected(), "never in the document");
    assert_eq!(text(&page, "h1"), "Lede warms up");
    let links: Vec<String> = all(&page, ".lede-article__body a.lede-mention")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(links, ["Ada", "Lede", "Paris"]);
    assert_eq!(
        all(&page, ".lede-article__body .lede-mention-mark").len(),
        1
    );
    assert_eq!(all(&page, "a.lede-chip").len(), 3);
    // Nothing else: the mounted element holds its paragraph alone, the title is the same, and
    // the document has no trace of the article.
    assert_eq!(root.child_element_count(), 1);
    assert_eq!(root.text_content().unwrap(), "here");
    assert_eq!(document.title(), title);
    let articles = document.query_selector_all(".lede-article").unwrap();
    assert_eq!(articles.length(), 0);
}

/// `new Intl[class]("en", options)` and its `method`, called on `argument`: the browser's own
/// English, to hold the viewer's against.
fn intl_english(
    class: &str,
    options: &[(&str, &str)],
    method: &str,
    argument: &wasm_bindgen::JsValue,
) -> String {
    use js_sys::{Array, Function, Object, Reflect};
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).unwrap();
    let constructor: Function = Reflect::get(&intl, &class.into()).unwrap().unchecked_into();
    let settings = Object::new();
    for (key, value) in options {
        Reflect::set(&settings, &(*key).into(), &(*value).into()).unwrap();
    }
    let made = Reflect::construct(&constructor, &Array::of2(&"en".into(), &settings)).unwrap();
    let call: Function = Reflect::get(&made, &method.into())
        .unwrap()
        .unchecked_into();
    call.call1(&made, argument).unwrap().as_string().unwrap()
}

/// Plain English is written without `Intl` (core/text/english.rs), so that a list paints
/// without loading the browser's locale data: every language name it knows, and its long dates
/// over leap days, zones and the years' range, must read as this browser's `Intl` writes them.
#[wasm_bindgen_test]
fn plain_english_without_intl_reads_as_the_browsers_intl() {
    use lede::core::text::dates::parse_timestamp;
    use lede::core::text::english::language_names;
    use lede::web::dates::{format_date, language_name};
    for (tag, name) in language_names() {
        let browsers = intl_english("DisplayNames", &[("type", "language")], "of", &tag.into());
        assert_eq!(name, browsers, "the name of {tag}");
        assert_eq!(language_name(tag, "en").as_deref(), Some(name));
    }
    for published in [
        "2023-03-07",
        "2024-02-29",
        "1900-03-01",
        "0999-01-01",
        "9999-12-31",
        "2017-01-13T00:00:04-05:00",
        "2013-06-05T23:59:59Z",
        "2023-10-04T00:30:00+14:00",
        "2023-10-04T23:30:00-12:00",
    ] {
        let seconds = parse_timestamp(published).unwrap();
        let instant = js_sys::Date::new(&(seconds as f64 * 1000.0).into());
        let mut options = vec![("year", "numeric"), ("month", "long"), ("day", "numeric")];
        if published.len() == 10 {
            options.push(("timeZone", "UTC"));
        }
        let browsers = intl_english("DateTimeFormat", &options, "format", &instant);
        assert_eq!(format_date(published, Some("en")), browsers, "{published}");
        assert_eq!(format_date(published, Some("EN")), browsers, "{published}");
    }
}
