//! Every word the viewer itself shows (its buttons, headings, states and errors; not the
//! corpus's text), each declared once with its key in a strings file and its English text.
//!
//! English is built in. Other languages come from a strings file the viewer fetches when an
//! element asks for them (`lang="fr"`: `strings/fr.json` next to the viewer's files; the format
//! is `core::format::ui_strings`), so a language costs the first view nothing. A text may hold
//! `{name}` placeholders, filled by [`fill`]; a translation may leave one out or move it.
//!
//! Plurals are "one" and "other" only (`…_one` keys), as in English: languages with more forms
//! (Czech, Polish, Arabic) get their "other" form for every number above one. Decided so to keep
//! the table flat; CLDR plural rules would need a table per language in the wasm.

/// Declares the words: `Name = "key": "English text"`.
macro_rules! ui_text {
    ($($(#[$meta:meta])* $name:ident = $key:literal: $english:literal,)*) => {
        /// One word or sentence of the viewer's own interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum UiText {
            $($(#[$meta])* $name,)*
        }

        /// The key of each [`UiText`] in a strings file, in declaration order.
        pub const KEYS: &[&str] = &[$($key,)*];

        /// The English text of each [`UiText`], in declaration order.
        pub const ENGLISH: &[&str] = &[$($english,)*];
    };
}

ui_text! {
    AllArticles = "all_articles": "← All articles",
    /// On an entity's page opened from an article: the way back to it.
    BackTo = "back_to": "← Back to “{headline}”",
    DefaultTitle = "default_title": "Articles",
    LoadingArticles = "loading_articles": "Loading the articles",
    LoadingArticle = "loading_article": "Loading the article",
    LoadingEntity = "loading_entity": "Loading the entity",
    LoadingMentions = "loading_mentions": "Loading the articles that mention it",
    LoadingTopics = "loading_topics": "Loading the topics",
    Topics = "topics": "Topics",
    /// The skip link past the topic toggles, and the results' heading (for screen readers).
    SkipToArticles = "skip_to_articles": "Skip to articles",
    Results = "results": "Articles",
    /// Before a card's topics, for screen readers.
    TopicsPrefix = "topics_prefix": "Topics: ",
    ShowArticlesWith = "show_articles_with": "Show articles with",
    AnySelectedTopic = "any_selected_topic": "any selected topic",
    AllSelectedTopics = "all_selected_topics": "all selected topics",
    ClearTopics = "clear_topics": "Clear topics",
    /// Above the results: the list of selected topics, each removable.
    SelectedTopics = "selected_topics": "Selected topics",
    RemoveTopic = "remove_topic": "Remove {label}",
    ShowAllTopics = "show_all_topics": "Show all {n} topics",
    ShowFewerTopics = "show_fewer_topics": "Show only the {n} most used topics",
    /// A topic's count while it is being worked out, for screen readers.
    Counting = "counting": "counting",
    ArticleCountOne = "article_count_one": "1 article",
    ArticleCount = "article_count": "{n} articles",
    ShowMore = "show_more": "Show {n} more",
    MoreArticles = "more_articles": "More articles",
    Showing = "showing": "Showing {n} of {total} articles",
    Filtering = "filtering": "Filtering…",
    NoneWithAll = "none_with_all": "No article is tagged with all of: {labels}.",
    NoneWith = "none_with": "No article is tagged with {labels}.",
    HintAll = "hint_all": "Choose “any selected topic”, deselect a topic, or clear the topics to see every article.",
    HintAny = "hint_any": "Deselect a topic or clear the topics to see every article.",
    TryAgain = "try_again": "Try again",
    CheckConnection = "check_connection": "Check your connection, then try again.",
    PublisherMustFix = "publisher_must_fix": "The publisher of these articles needs to fix this file. You can try again once they have.",
    FileMissingAdvice = "file_missing_advice": "This file is not where the corpus says it is: the publisher may have moved or removed it.",
    ServerAdvice = "server_advice": "The server had a problem. Try again in a moment.",
    /// The disclosure around the file's URL and the JSON path of an error.
    DetailsForPublisher = "details_for_publisher": "Details for the publisher",
    ErrorNetwork = "error_network": "Could not reach the server",
    ErrorTimeout = "error_timeout": "The server took too long to answer",
    ErrorNotFound = "error_not_found": "File not found",
    ErrorServer = "error_server": "The server returned an error",
    ErrorFormat = "error_format": "This file is not a valid Lede file",
    ErrorUnsafeUrl = "error_unsafe_url": "A link in the corpus was refused",
    NoSuchArticle = "no_such_article": "No such article",
    NoSuchEntity = "no_such_entity": "No such entity",
    /// Before the id a link asked for (in `<code>`), then [`UiText::OutOfDate`].
    NoArticleWithId = "no_article_with_id": "This corpus has no article with the id ",
    NoEntityWithId = "no_entity_with_id": "This corpus has no entity with the id ",
    OutOfDate = "out_of_date": ". The link may be out of date.",
    ShowAllArticles = "show_all_articles": "Show all articles",
    ImageUnavailable = "image_unavailable": "Image unavailable",
    PhotoPrefix = "photo_prefix": "Photo: ",
    FirstPublishedBy = "first_published_by": "First published by ",
    InThisArticle = "in_this_article": "In this article",
    People = "people": "People",
    Places = "places": "Places",
    Organisations = "organisations": "Organisations",
    Events = "events": "Events",
    Others = "others": "Other",
    Person = "person": "Person",
    Place = "place": "Place",
    Organisation = "organisation": "Organisation",
    Event = "event": "Event",
    OtherKind = "other_kind": "Other",
    LinkPeople = "link_people": "Link people in the text",
    LinkPlaces = "link_places": "Link places in the text",
    LinkOrganisations = "link_organisations": "Link organisations in the text",
    LinkEvents = "link_events": "Link events in the text",
    LinkOthers = "link_others": "Link the others in the text",
    MentionedInNone = "mentioned_in_none": "No article in this corpus mentions it",
    MentionedInOne = "mentioned_in_one": "Mentioned in 1 article",
    MentionedIn = "mentioned_in": "Mentioned in {n} articles",
    ReadMoreAbout = "read_more_about": "Read more about ",
    Wikidata = "wikidata": "Wikidata ",
    /// After a link that opens a new tab, for screen readers.
    OpensInNewTab = "opens_in_new_tab": " (opens in a new tab)",
    OftenWith = "often_with": "Often with: ",
    /// At the end of an article: articles like it, under its first topic.
    MoreOn = "more_on": "More on {topic}",
    /// The reader's settings: a disclosure on the article page.
    ReaderSettings = "reader_settings": "Text and theme",
    TextSize = "text_size": "Text size",
    TextSmaller = "text_smaller": "Small",
    TextDefault = "text_default": "Medium",
    TextLarger = "text_larger": "Large",
    TextLargest = "text_largest": "Very large",
    Theme = "theme": "Theme",
    ThemeAuto = "theme_auto": "Automatic",
    ThemeLight = "theme_light": "Light",
    ThemeDark = "theme_dark": "Dark",
    ThemeSepia = "theme_sepia": "Sepia",
    /// An article's reading time, in whole minutes.
    ReadingTime = "reading_time": "{n} min read",
    /// Under an article on an entity's page, when its file (and so the sentence) did not load.
    SentenceMissing = "sentence_missing": "The sentence that mentions it could not be loaded.",
    /// The list's search box (its label), the status line and the empty state of a search.
    SearchLabel = "search_label": "Search articles",
    Searching = "searching": "Searching for “{query}”…",
    MatchesOne = "matches_one": "1 article matches “{query}”",
    Matches = "matches": "{n} articles match “{query}”",
    SearchFailed = "search_failed": "The search failed.",
    NoneMatch = "none_match": "No article matches “{query}”.",
    HintSearch = "hint_search": "Check the spelling, or try fewer or other words.",
    HintSearchTopics = "hint_search_topics": "Check the spelling, try fewer or other words, or clear the topics to search every article.",
    ClearSearch = "clear_search": "Clear the search",
}

impl UiText {
    /// The key of this text in a strings file.
    pub fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// The English text.
    pub fn english(self) -> &'static str {
        ENGLISH[self as usize]
    }
}

/// `text` with each `{name}` of `values` replaced by its value, in one pass (a value that
/// itself holds `{n}` is not filled again). Unknown placeholders stay as they are.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // A placeholder's name is short: the `}` is looked for in the next few bytes only, so
        // a text of many `{` costs one pass, not one scan of the rest per brace. (`}` is ASCII:
        // its position is a character boundary.)
        let close = after.bytes().take(MAX_NAME + 1).position(|b| b == b'}');
        let value = close.and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The longest placeholder name [`fill`] looks for.
const MAX_NAME: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_one_key_and_keys_do_not_repeat() {
        assert_eq!(KEYS.len(), ENGLISH.len());
        let mut keys = KEYS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), KEYS.len());
        assert_eq!(UiText::OftenWith.key(), "often_with");
        assert_eq!(UiText::OftenWith.english(), "Often with: ");
    }

    #[test]
    fn fill_replaces_known_placeholders_once_and_keeps_others() {
        assert_eq!(
            fill(
                "Showing {n} of {total} articles",
                &[("n", "3"), ("total", "9")]
            ),
            "Showing 3 of 9 articles"
        );
        assert_eq!(
            fill("{total} / {n}", &[("n", "1"), ("total", "2")]),
            "2 / 1"
        );
        assert_eq!(fill("a {x} b {", &[("n", "1")]), "a {x} b {");
        // A value is never filled again: a topic label "{n}" stays itself.
        assert_eq!(fill("{labels}.", &[("labels", "{n}"), ("n", "1")]), "{n}.");
    }

    /// Guards against each `{` scanning the rest of the text for a `}` (quadratic): 1,000,000
    /// of them in a publisher's strings file, with and without a `}` at the end.
    #[test]
    fn a_text_of_a_million_open_braces_is_filled_in_one_pass() {
        for text in ["{".repeat(1_000_000), "{".repeat(1_000_000) + "}"] {
            assert_eq!(fill(&text, &[("n", "1")]), text);
        }
        assert_eq!(fill("{{n}}", &[("n", "1")]), "{1}");
    }
}
