//! "Often with": for an entity, the other entities most often mentioned in the same articles,
//! from the index's lists of who each article mentions (inline, or filled in from the entity
//! directory by [`crate::core::format::CorpusIndex::add_directory`]).
//!
//! The work is proportional to the (article, entity) pairs of the articles that mention the
//! entity, times a logarithm for one sort: never to the size of the corpus or of its entity
//! list, so the most named entity of a corpus of 100,000 articles costs what its own articles
//! cost. Entities are looked up in an [`EntityLookup`] built once per corpus. No hashing: the
//! viewer avoids std's `HashMap` (its SipHash costs the wasm binary, see the README's "Size").

use crate::core::format::{ArticleSummary, EntitySummary, SharedStr};

/// The corpus's entities sorted by id, built once, so that a name is a binary search away.
#[derive(Debug, Clone, Default)]
pub struct EntityLookup<'a> {
    by_id: Vec<&'a EntitySummary>,
}

impl<'a> EntityLookup<'a> {
    pub fn new(entities: &'a [EntitySummary]) -> Self {
        let mut by_id: Vec<&EntitySummary> = entities.iter().collect();
        // Stable, so an id given twice finds its first entity, as the format's readers do.
        by_id.sort_by(|a, b| a.id.cmp(&b.id));
        EntityLookup { by_id }
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&'a EntitySummary> {
        let first = self.by_id.partition_point(|e| e.id.as_str() < id);
        self.by_id.get(first).copied().filter(|e| e.id == id)
    }
}

/// An entity mentioned alongside another, and in how many of its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Companion<'a> {
    pub entity: &'a EntitySummary,
    /// How many of the articles that mention both.
    pub count: usize,
}

/// The entities mentioned in `articles` (those that mention `entity_id`, each once) other than
/// `entity_id` itself, each with the number of those articles that mention it: most articles
/// first, then by name, then by id, so the order is the same on every run. An id listed twice by
/// one article counts once; an id the corpus does not know is left out (`lede-corpus validate`
/// reports it).
pub fn often_with<'a, 'b>(
    entity_id: &str,
    articles: impl IntoIterator<Item = &'b ArticleSummary>,
    entities: &EntityLookup<'a>,
) -> Vec<Companion<'a>> {
    // Every (other entity, article) pair once: each article's list sorted and deduplicated.
    let mut seen: Vec<&'b str> = Vec::new();
    let mut own: Vec<&'b str> = Vec::new();
    for article in articles {
        own.clear();
        own.extend(
            article
                .entities
                .iter()
                .map(SharedStr::as_str)
                .filter(|id| *id != entity_id),
        );
        own.sort_unstable();
        own.dedup();
        seen.extend_from_slice(&own);
    }
    seen.sort_unstable();
    let mut companions: Vec<Companion<'a>> = Vec::new();
    for run in seen.chunk_by(|a, b| a == b) {
        if let Some(entity) = entities.get(run[0]) {
            companions.push(Companion {
                entity,
                count: run.len(),
            });
        }
    }
    companions.sort_unstable_by(|a, b| {
        (b.count.cmp(&a.count))
            .then_with(|| a.entity.name.cmp(&b.entity.name))
            .then_with(|| a.entity.id.cmp(&b.entity.id))
    });
    companions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str) -> EntitySummary {
        EntitySummary {
            id: id.into(),
            name: name.into(),
            ..EntitySummary::default()
        }
    }

    fn article(id: &str, entities: &[&str]) -> ArticleSummary {
        ArticleSummary {
            id: id.into(),
            entities: entities.iter().map(|e| SharedStr::from(*e)).collect(),
            ..ArticleSummary::default()
        }
    }

    fn names(found: &[Companion]) -> Vec<(String, usize)> {
        found
            .iter()
            .map(|c| (c.entity.name.clone(), c.count))
            .collect()
    }

    #[test]
    fn counts_then_names_decide_the_order() {
        let entities = [
            entity("iraq", "Iraq"),
            entity("iran", "Iran"),
            entity("us", "United States"),
            entity("erbil", "Erbil"),
            entity("austin", "Lloyd Austin"),
        ];
        let lookup = EntityLookup::new(&entities);
        let articles = [
            article("a", &["iraq", "us", "austin", "iran"]),
            article("b", &["iraq", "iran", "erbil", "iran"]),
            article("c", &["iraq", "us", "unknown"]),
        ];
        let found = often_with("iraq", &articles, &lookup);
        assert_eq!(
            names(&found),
            [
                ("Iran".to_string(), 2),
                ("United States".to_string(), 2),
                ("Erbil".to_string(), 1),
                ("Lloyd Austin".to_string(), 1),
            ],
            "Iran counted once in b; the unknown id and Iraq itself left out"
        );
    }

    #[test]
    fn an_entity_alone_has_no_companions() {
        let entities = [entity("x", "X")];
        let lookup = EntityLookup::new(&entities);
        assert!(often_with("x", &[article("a", &["x"])], &lookup).is_empty());
        assert!(often_with("x", &[], &lookup).is_empty());
    }

    #[test]
    fn hostile_an_entity_in_100000_articles() {
        // 100,000 articles, each naming the entity and 4 of 1,000 others: 400,000 pairs, and
        // 50,000 entities in the corpus that none of these articles names.
        let mut entities: Vec<EntitySummary> = (0..51_000)
            .map(|i| entity(&format!("e{i}"), &format!("Entity {i:05}")))
            .collect();
        entities.push(entity("star", "Star"));
        let lookup = EntityLookup::new(&entities);
        let articles: Vec<ArticleSummary> = (0..100_000)
            .map(|a| {
                let others: Vec<String> =
                    (0..4).map(|k| format!("e{}", (a * 7 + k) % 1000)).collect();
                let mut ids: Vec<&str> = others.iter().map(String::as_str).collect();
                ids.push("star");
                article(&format!("a{a}"), &ids)
            })
            .collect();
        let found = often_with("star", &articles, &lookup);
        assert_eq!(found.len(), 1000);
        assert_eq!(found.iter().map(|c| c.count).sum::<usize>(), 400_000);
        assert!(found.windows(2).all(|w| w[0].count > w[1].count
            || (w[0].count == w[1].count && w[0].entity.name < w[1].entity.name)));
    }
}
