//! Entities: who and what articles name, as an article lists them and as the index or the entity
//! directory sums them up.

use crate::core::format::shape::{shape, FromJson};
use crate::core::json::reader::{Read, Reader};
use crate::core::text::ui_text::UiText;
use serde::{Deserialize, Serialize};

/// What kind of thing an entity is. Unknown kinds read as [`EntityKind::Other`], so a newer
/// writer's kinds do not make a file unreadable. (`Deserialize` is for the corpus tool's
/// manifest; files are read by [`EntityKind::from_name`].)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Event,
    #[default]
    #[serde(other)]
    Other,
}

impl EntityKind {
    /// Every kind, in the order the article's "In this article" groups them.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
        EntityKind::Event,
        EntityKind::Other,
    ];

    /// The name a file gives the kind (`person`), also the viewer's class suffix.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }

    /// The heading of a group of entities of this kind, in the viewer's words.
    pub fn plural(self) -> UiText {
        match self {
            EntityKind::Person => UiText::People,
            EntityKind::Organisation => UiText::Organisations,
            EntityKind::Place => UiText::Places,
            EntityKind::Event => UiText::Events,
            EntityKind::Other => UiText::Others,
        }
    }

    /// The kind's bit in a set of kinds (the viewer's muted kinds).
    pub fn bit(self) -> usize {
        1 << (self as usize)
    }

    /// The label shown in the entity view, in the viewer's words.
    pub fn label(self) -> UiText {
        match self {
            EntityKind::Person => UiText::Person,
            EntityKind::Organisation => UiText::Organisation,
            EntityKind::Place => UiText::Place,
            EntityKind::Event => UiText::Event,
            EntityKind::Other => UiText::OtherKind,
        }
    }

    /// The switch of "In this article" that links or mutes this kind, in the viewer's words.
    pub fn link_switch(self) -> UiText {
        match self {
            EntityKind::Person => UiText::LinkPeople,
            EntityKind::Organisation => UiText::LinkOrganisations,
            EntityKind::Place => UiText::LinkPlaces,
            EntityKind::Event => UiText::LinkEvents,
            EntityKind::Other => UiText::LinkOthers,
        }
    }

    /// The kind a file names (`"person"`); any other name is [`EntityKind::Other`].
    pub fn from_name(name: &str) -> EntityKind {
        match name {
            "person" => EntityKind::Person,
            "organisation" => EntityKind::Organisation,
            "place" => EntityKind::Place,
            "event" => EntityKind::Event,
            _ => EntityKind::Other,
        }
    }
}

impl FromJson for EntityKind {
    fn read(r: &mut Reader) -> Read<EntityKind> {
        r.string().map(|name| EntityKind::from_name(&name))
    }
}

// { "id": "lloyd-austin", "name": "Lloyd Austin", "type": "person",
//   "url": "https://en.wikipedia.org/wiki/Lloyd_Austin", "wikidata": "Q12345",
//   "description": "United States Secretary of Defense (2021–2025)", "image": { ... } }
shape! {
    /// An entity as the index lists it: enough to show the entity view.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct EntitySummary {
        pub id: String = required,
        pub name: String = required,
        pub kind as "type": EntityKind = default,
        pub url: Option<String> = optional,
        pub wikidata: Option<String> = optional,
        /// One short line saying who or what the entity is, as plain text (see
        /// [`MAX_DESCRIPTION_CHARS`]).
        pub description: Option<String> = optional,
        pub image: Option<EntityImage> = optional,
    }
}

// { "id": "lloyd-austin", "name": "Lloyd Austin", "type": "person", "aliases": ["Austin"],
//   "url": "https://en.wikipedia.org/wiki/Lloyd_Austin", "wikidata": "Q12345" }
shape! {
    /// Someone or something an article names.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Entity {
        /// Stable across the corpus: the same person has the same id in every article.
        pub id: String = required,
        pub name: String = required,
        pub kind as "type": EntityKind = default,
        /// Other spellings matched in paragraphs without explicit mentions.
        pub aliases: Vec<String> = optional,
        /// An external page about the entity, such as Wikipedia.
        pub url: Option<String> = optional,
        /// A Wikidata id such as `Q12345`.
        pub wikidata: Option<String> = optional,
        /// One short line saying who or what the entity is, as plain text: "United States
        /// Secretary of Defense (2021–2025)". Written for readers of this corpus, as of the
        /// articles' time where that matters (see [`MAX_DESCRIPTION_CHARS`]).
        pub description: Option<String> = optional,
        /// A picture of the entity (a portrait, a logo, a map).
        pub image: Option<EntityImage> = optional,
    }
}

// { "url": "https://media.example/austin.jpg", "alt": "Lloyd Austin in 2021",
//   "credit": "U.S. Department of Defense" }
shape! {
    /// A picture of an entity. Its `url` follows the rules of every other picture: `http:`,
    /// `https:` or relative, resolved against the file that contains it (the index, the entity
    /// directory or the article); anything else is dropped.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct EntityImage {
        pub url: String = required,
        /// Describes the picture for readers who cannot see it; empty only for decoration.
        pub alt: String = default,
        /// Who took or owns the picture.
        pub credit: Option<String> = optional,
    }
}

/// The longest `description` that `lede-corpus validate` accepts without a warning, in code
/// points. A description is one line under a name, not a biography: 300 code points is about
/// three lines of the entity page's measure, and more than twice the 120 the default corpus
/// uses. The viewer reads longer ones; the bound is advice to writers, not a format rule.
pub const MAX_DESCRIPTION_CHARS: usize = 300;

impl Entity {
    /// What an index or an entity directory says about the entity: all but its aliases.
    pub fn summary(&self) -> EntitySummary {
        EntitySummary {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            url: self.url.clone(),
            wikidata: self.wikidata.clone(),
            description: self.description.clone(),
            image: self.image.clone(),
        }
    }
}
