//! Link density: which mentions of an article's body are links to their entity's page.
//!
//! By default ([`MentionLinks::First`]) only the first mention of each entity in the body is a
//! link; the later ones stay text with a quiet mark, so that a keyboard reader tabs once per
//! entity rather than once per name (58 tab stops become 17 on the seed article). A page that
//! wants every mention linked says `mentions="all"` (`data-mentions="all"`).

/// How many of an entity's mentions are links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MentionLinks {
    /// The first mention of each entity in the body.
    #[default]
    First,
    /// Every mention.
    All,
}

impl MentionLinks {
    /// Reads an attribute value: `all` (any case, trimmed) is [`MentionLinks::All`], anything
    /// else, or nothing, the default.
    pub fn parse(value: Option<&str>) -> MentionLinks {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("all") => MentionLinks::All,
            _ => MentionLinks::First,
        }
    }
}

/// Decides, mention after mention in reading order, which are links: the viewer asks it as it
/// renders the paragraphs, so the body is segmented once.
#[derive(Debug, Clone, Default)]
pub struct LinkPlan {
    mode: MentionLinks,
    /// Per entity of the article, whether a mention of it was linked already.
    seen: Vec<bool>,
}

impl LinkPlan {
    /// A plan for an article with `entity_count` entities.
    pub fn new(mode: MentionLinks, entity_count: usize) -> LinkPlan {
        LinkPlan {
            mode,
            seen: vec![false; entity_count],
        }
    }

    /// Whether the next mention, of the entity at `entity` in the article's list, is a link.
    pub fn link(&mut self, entity: usize) -> bool {
        match (self.mode, self.seen.get_mut(entity)) {
            (MentionLinks::All, _) => true,
            (MentionLinks::First, Some(seen)) => !std::mem::replace(seen, true),
            (MentionLinks::First, None) => false,
        }
    }
}

/// For each paragraph, for each of its mentions in order (given as the index of its entity in
/// the article's list), whether it is a link under `mode`: with [`MentionLinks::First`], only
/// the first mention of each entity across all the paragraphs is. Entity indices past
/// `entity_count` are never first (they are never linked anyway).
pub fn linked_mentions(
    paragraphs: &[Vec<usize>],
    entity_count: usize,
    mode: MentionLinks,
) -> Vec<Vec<bool>> {
    let mut plan = LinkPlan::new(mode, entity_count);
    paragraphs
        .iter()
        .map(|mentions| mentions.iter().map(|&entity| plan.link(entity)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_mention_of_each_entity_is_linked() {
        let plan = linked_mentions(
            &[vec![0, 1, 0], vec![], vec![1, 2, 0]],
            3,
            MentionLinks::First,
        );
        assert_eq!(
            plan,
            [vec![true, true, false], vec![], vec![false, true, false]]
        );
    }

    #[test]
    fn all_links_every_mention() {
        let plan = linked_mentions(&[vec![0, 0], vec![0]], 1, MentionLinks::All);
        assert_eq!(plan, [vec![true, true], vec![true]]);
    }

    #[test]
    fn unknown_entity_indices_are_never_first() {
        let plan = linked_mentions(&[vec![5, 0]], 1, MentionLinks::First);
        assert_eq!(plan, [vec![false, true]]);
    }

    #[test]
    fn the_number_of_links_is_the_number_of_distinct_entities() {
        let paragraphs = vec![vec![3, 1, 3, 3], vec![2, 1, 0], vec![0, 0, 4]];
        let links: usize = linked_mentions(&paragraphs, 5, MentionLinks::First)
            .iter()
            .flatten()
            .filter(|l| **l)
            .count();
        assert_eq!(links, 5);
    }

    #[test]
    fn the_attribute_value_reads_all_or_first() {
        assert_eq!(MentionLinks::parse(Some(" ALL ")), MentionLinks::All);
        assert_eq!(MentionLinks::parse(Some("first")), MentionLinks::First);
        assert_eq!(MentionLinks::parse(Some("bogus")), MentionLinks::First);
        assert_eq!(MentionLinks::parse(None), MentionLinks::First);
    }
}
