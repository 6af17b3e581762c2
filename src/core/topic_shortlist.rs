//! Which topic toggles the filter shows before the reader asks for all of them.
//!
//! An index may list 100,000 topics; a toggle each is a page no one can use, and building them
//! took 17.8 s. The filter shows a shortlist: the most used topics, and always the selected
//! ones (a selection must never be invisible), in the index's order, with a button for the rest.

/// How many topics the shortlist holds at most, selected ones aside. An index with this many or
/// fewer shows every topic, and no "show all" button.
pub const SHORTLIST_LEN: usize = 40;

/// The positions (in the index's topic list) of the topics to show: the `limit` with the most
/// articles (`totals[i]` for topic `i`; ties to the earlier topic), plus every position in
/// `keep`, sorted, each once. Positions in `keep` past the end of `totals` are ignored.
pub fn shortlist(totals: &[usize], keep: &[usize], limit: usize) -> Vec<usize> {
    let mut by_use: Vec<usize> = (0..totals.len()).collect();
    if limit < by_use.len() {
        // Only the first `limit` need ordering: linear time, not a sort of 100,000 topics.
        let most_used_first = |a: &usize, b: &usize| totals[*b].cmp(&totals[*a]).then(a.cmp(b));
        by_use.select_nth_unstable_by(limit, most_used_first);
        by_use.truncate(limit);
    }
    by_use.extend(keep.iter().copied().filter(|&i| i < totals.len()));
    by_use.sort_unstable();
    by_use.dedup();
    by_use
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_topics_are_all_shown_in_order() {
        assert_eq!(shortlist(&[1, 5, 3], &[], 40), vec![0, 1, 2]);
        assert_eq!(shortlist(&[1, 5, 3], &[], 3), vec![0, 1, 2]);
        assert_eq!(shortlist(&[], &[], 40), Vec::<usize>::new());
    }

    #[test]
    fn the_most_used_are_chosen_and_shown_in_index_order() {
        assert_eq!(shortlist(&[1, 9, 3, 7, 0], &[], 2), vec![1, 3]);
        assert_eq!(shortlist(&[1, 9, 3, 7, 0], &[], 3), vec![1, 2, 3]);
    }

    #[test]
    fn ties_go_to_the_earlier_topic() {
        assert_eq!(shortlist(&[2, 2, 2, 2], &[], 2), vec![0, 1]);
        assert_eq!(shortlist(&[1, 2, 2, 2], &[], 2), vec![1, 2]);
    }

    #[test]
    fn selected_topics_are_always_shown_once() {
        assert_eq!(shortlist(&[1, 9, 3, 7, 0], &[4, 0], 2), vec![0, 1, 3, 4]);
        assert_eq!(shortlist(&[1, 9, 3, 7, 0], &[1, 1, 3], 2), vec![1, 3]);
        assert_eq!(shortlist(&[1, 9], &[7], 1), vec![1], "out of range ignored");
        assert_eq!(shortlist(&[1, 9, 3], &[0, 2], 0), vec![0, 2]);
    }

    #[test]
    fn a_hundred_thousand_topics_give_a_bounded_list() {
        let totals: Vec<usize> = (0..100_000).map(|i| (i * 7919) % 1000).collect();
        let shown = shortlist(&totals, &[99_999, 5], SHORTLIST_LEN);
        assert_eq!(shown.len(), SHORTLIST_LEN + 2);
        assert!(shown.windows(2).all(|w| w[0] < w[1]));
        assert!(shown.contains(&99_999) && shown.contains(&5));
        let least_shown = shown
            .iter()
            .filter(|&&i| i != 99_999 && i != 5)
            .map(|&i| totals[i])
            .min()
            .unwrap();
        let hidden_max = (0..totals.len())
            .filter(|i| !shown.contains(i))
            .map(|i| totals[i])
            .max()
            .unwrap();
        assert!(least_shown >= hidden_max, "{least_shown} < {hidden_max}");
    }
}
