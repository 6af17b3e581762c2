//! The order of the list: newest first, ties broken so that it never shuffles between loads.

use crate::core::format::ArticleSummary;
use crate::core::text::dates::parse_timestamp;

/// Sorts summaries newest first; equal dates keep a stable order by headline so that the list
/// does not shuffle between loads. Unparseable dates (already refused by validation) sort last.
pub fn sort_newest_first(articles: &mut [&ArticleSummary]) {
    // The order is total (ids are unique), so the smaller unstable sort gives the same result.
    articles.sort_unstable_by(|a, b| newest_first(a, b));
}

/// The order of [`sort_newest_first`].
pub fn newest_first(a: &ArticleSummary, b: &ArticleSummary) -> std::cmp::Ordering {
    let ka = parse_timestamp(&a.published).unwrap_or(i64::MIN);
    let kb = parse_timestamp(&b.published).unwrap_or(i64::MIN);
    kb.cmp(&ka).then_with(|| same_time_order(a, b))
}

/// How [`newest_first`] orders articles published at the same instant: by headline, then id.
/// Callers that have already compared parsed dates use this to avoid parsing them again.
pub fn same_time_order(a: &ArticleSummary, b: &ArticleSummary) -> std::cmp::Ordering {
    a.headline.cmp(&b.headline).then_with(|| a.id.cmp(&b.id))
}
