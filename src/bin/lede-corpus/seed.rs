//! A news page copied as plain text, the shape of the seed article:
//!
//! ```text
//! Loading...                                   <- page clutter
//! Headline
//! Standfirst
//! By News Desk - March 07 2023                 <- byline and date
//! https://…/picture.jpg                        <- the lead picture
//!
//! (Photo credit: Iraqi Prime Minister’s Office/AFP)
//!
//! Body paragraph, one per line…
//!
//! Most Popular                                 <- page clutter, end of the article
//! ```

use lede::core::format::{Article, LeadImage, Paragraph, FORMAT_VERSION};

/// Lines that are page furniture, not article text.
const CLUTTER: &[&str] = &["Loading...", "Loading…", "Advertisement", "Share"];
/// A line that ends the article: what follows belongs to the page, not the story.
const END_MARKERS: &[&str] = &["Most Popular", "Related Articles", "Read more"];

/// Reads a copied page into an article with `id`. Entities and topics are left to curation.
pub fn parse(id: &str, text: &str) -> Result<Article, String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .collect();
    let mut meaningful = lines
        .iter()
        .copied()
        .take_while(|l| !END_MARKERS.contains(l))
        .filter(|l| !l.is_empty() && !CLUTTER.contains(l));

    let headline = meaningful.next().ok_or("the text has no headline line")?;
    let mut standfirst = None;
    let mut byline = None;
    let mut published = None;
    let mut image_url = None;
    let mut credit = None;
    let mut body = Vec::new();
    for line in meaningful {
        if body.is_empty() && byline.is_none() && line.starts_with("By ") {
            let (who, date) = split_byline(line)?;
            byline = Some(who);
            published = Some(date);
        } else if body.is_empty() && is_picture_url(line) {
            image_url = Some(line.to_string());
        } else if let Some(c) = photo_credit(line) {
            credit = Some(c);
        } else if byline.is_none() && standfirst.is_none() {
            standfirst = Some(line.to_string());
        } else {
            body.push(Paragraph {
                text: line.to_string(),
                mentions: None,
            });
        }
    }
    let published = published.ok_or("no \"By … - Month DD YYYY\" line gives the date")?;
    if body.is_empty() {
        return Err("the text has no body paragraphs".into());
    }
    Ok(Article {
        version: FORMAT_VERSION,
        id: id.to_string(),
        headline: headline.to_string(),
        standfirst,
        byline,
        published,
        image: image_url.map(|url| LeadImage {
            url,
            alt: String::new(),
            caption: None,
            credit: credit.clone(),
            width: None,
            height: None,
        }),
        body,
        ..Default::default()
    })
}

/// `By News Desk - March 07 2023` → (`News Desk`, `2023-03-07`).
fn split_byline(line: &str) -> Result<(String, String), String> {
    let rest = &line["By ".len()..];
    let (who, date) = rest
        .rsplit_once(" - ")
        .or_else(|| rest.rsplit_once(" – "))
        .ok_or_else(|| format!("byline {line:?} has no \" - \" before the date"))?;
    let date = parse_english_date(date.trim())
        .ok_or_else(|| format!("cannot read the date {:?} in {line:?}", date.trim()))?;
    Ok((who.trim().to_string(), date))
}

/// `March 07 2023`, `March 7, 2023`, `7 March 2023` → `2023-03-07`.
pub fn parse_english_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.len() != 3 {
        return None;
    }
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
    };
    let (month, day, year) = match (month_of(&words[0]), month_of(&words[1])) {
        (Some(m), _) => (m, &words[1], &words[2]),
        (None, Some(m)) => (m, &words[0], &words[2]),
        _ => return None,
    };
    let day: u32 = day.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    let date = format!("{year:04}-{:02}-{day:02}", month + 1);
    lede::core::text::dates::parse_timestamp(&date).map(|_| date)
}

fn is_picture_url(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !line.contains(char::is_whitespace)
        && [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
            .iter()
            .any(|ext| lower.split(['?', '#']).next().unwrap_or("").ends_with(ext))
}

/// `(Photo credit: X)` → `X`.
fn photo_credit(line: &str) -> Option<String> {
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    let (label, credit) = inner.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    (label == "photo credit" || label == "photo" || label == "credit")
        .then(|| credit.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_several_english_shapes() {
        assert_eq!(
            parse_english_date("March 07 2023").as_deref(),
            Some("2023-03-07")
        );
        assert_eq!(
            parse_english_date("7 March 2023").as_deref(),
            Some("2023-03-07")
        );
        assert_eq!(
            parse_english_date("Mar 7, 2023").as_deref(),
            Some("2023-03-07")
        );
        assert_eq!(parse_english_date("February 30 2023"), None);
        assert_eq!(parse_english_date("soon"), None);
    }

    #[test]
    fn page_shape_is_read_and_clutter_dropped() {
        let text = "Loading...\nHead\nStand\nBy Desk - March 07 2023\nhttps://x.example/a.jpg\n\n\
                    (Photo credit: Jo/AFP)\n\nOne.\n\nTwo.\n\nMost Popular\nOther story";
        let a = parse("x", text).unwrap();
        assert_eq!(a.headline, "Head");
        assert_eq!(a.standfirst.as_deref(), Some("Stand"));
        assert_eq!(a.byline.as_deref(), Some("Desk"));
        assert_eq!(a.published, "2023-03-07");
        let image = a.image.unwrap();
        assert_eq!(image.url, "https://x.example/a.jpg");
        assert_eq!(image.credit.as_deref(), Some("Jo/AFP"));
        let body: Vec<&str> = a.body.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(body, ["One.", "Two."]);
    }

    #[test]
    fn missing_parts_are_errors_not_panics() {
        assert!(parse("x", "").is_err());
        assert!(parse("x", "Head\nBy Desk\nBody").is_err());
        assert!(parse("x", "Head\nBy Desk - March 07 2023").is_err());
    }
}
