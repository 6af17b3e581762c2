//! Which topic toggles the filter shows before the reader asks for all of them.
//!
//! An index may list 100,000 topics; a toggle each is a page no one can use, and building them
//! took 17.8 s. The filter shows a shortlist: the most used topics, and always the selected
//! ones (a selection must never be invisible), in the index's order, with a button for the rest.

/// How many topics the shortlist holds at most, selected ones aside. An index with this many or
/// fewer shows every topic, and no "show all" button.
pub const SHORTLIST_LEN: usize = 40;

/// The positions (in the index's topic list) of the `limit` topics with the most articles
/// (`totals[i]` for topic `i`; ties to the earlier topic), sorted by position. Once per list: a
/// sort of 100,000 topics is a few milliseconds, and smaller in the wasm than a selection.
pub fn most_used(totals: &[usize], limit: usize) -> Vec<usize> {
    let mut by_use: Vec<usize> = (0..totals.len()).collect();
    by_use.sort_unstable_by_key(|&i| (std::cmp::Reverse(totals[i]), i));
    by_use.truncate(limit);
    by_use.sort_unstable();
    by_use
}

/// The toggles to show: the positions in `most_used` plus every position in `keep` (the
/// selected topics, and those already on screen), sorted, each once. Positions in `keep` past
/// `len` (the number of topics) are ignored.
pub fn shortlist(most_used: &[usize], keep: &[usize], len: usize) -> Vec<usize> {
    let mut shown = most_used.to_vec();
    shown.extend(keep.iter().copied().filter(|&i| i < len));
    shown.sort_unstable();
    shown.dedup();
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole rule, as the filter applies it.
    fn shown(totals: &[usize], keep: &[usize], limit: usize) -> Vec<usize> {
        shortlist(&most_used(totals, limit), keep, totals.len())
    }

    #[test]
    fn few_topics_are_all_shown_in_order() {
        assert_eq!(shown(&[1, 5, 3], &[], 40), vec![0, 1, 2]);
        assert_eq!(shown(&[1, 5, 3], &[], 3), vec![0, 1, 2]);
        assert_eq!(shown(&[], &[], 40), Vec::<usize>::new());
    }

    #[test]
    fn the_most_used_are_chosen_and_shown_in_index_order() {
        assert_eq!(most_used(&[1, 9, 3, 7, 0], 2), vec![1, 3]);
        assert_eq!(shown(&[1, 9, 3, 7, 0], &[], 2), vec![1, 3]);
        assert_eq!(shown(&[1, 9, 3, 7, 0], &[], 3), vec![1, 2, 3]);
    }

    #[test]
    fn ties_go_to_the_earlier_topic() {
        assert_eq!(shown(&[2, 2, 2, 2], &[], 2), vec![0, 1]);
        assert_eq!(shown(&[1, 2, 2, 2], &[], 2), vec![1, 2]);
    }

    #[test]
    fn selected_topics_are_always_shown_once() {
        assert_eq!(shown(&[1, 9, 3, 7, 0], &[4, 0], 2), vec![0, 1, 3, 4]);
        assert_eq!(shown(&[1, 9, 3, 7, 0], &[1, 1, 3], 2), vec![1, 3]);
        assert_eq!(shown(&[1, 9], &[7], 1), vec![1], "out of range ignored");
        assert_eq!(shown(&[1, 9, 3], &[0, 2], 0), vec![0, 2]);
    }

    #[test]
    fn a_hundred_thousand_topics_give_a_bounded_list() {
        let totals: Vec<usize> = (0..100_000).map(|i| (i * 7919) % 1000).collect();
        let list = shown(&totals, &[99_999, 5], SHORTLIST_LEN);
        assert_eq!(list.len(), SHORTLIST_LEN + 2);
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.contains(&99_999) && list.contains(&5));
        let least_shown = list
            .iter()
            .filter(|&&i| i != 99_999 && i != 5)
            .map(|&i| totals[i])
            .min()
            .unwrap();
        let hidden_max = (0..totals.len())
            .filter(|i| !list.contains(i))
            .map(|i| totals[i])
            .max()
            .unwrap();
        assert!(least_shown >= hidden_max, "{least_shown} < {hidden_max}");
    }
}
