//! IPTC ninjs items (versions 1.x to 3.x) as articles.
//!
//! Read tolerantly from a `serde_json::Value`: `headlines` (role `main`) or `title` /
//! `headline`; `descriptions` or `description_text` for the standfirst; `bodies` (HTML roles
//! through [`crate::html`], plain text split at line breaks) or `body_text` / `body_html`;
//! `by`; `language`; `firstCreated` / `versionCreated`; `copyrightNotice` / `usageTerms` /
//! `copyrightHolder` for rights; the first `picture` association for the lead picture, with its
//! `by` / `creditline` credit and rendition sizes. `people` / `organisations` / `places` /
//! `events` become entities only in `import-ninjs` output (see [`named_entities`]): a corpus
//! built from a manifest names its entities in the manifest's registry instead.

use crate::html;
use lede::core::format::{Article, Entity, EntityKind, LeadImage, Paragraph, Thumbnail};
use lede::core::text::url_safety::{external_url, wikidata_id};
use serde_json::Value;

/// What a ninjs item yields besides the article: a smaller rendition for lists.
pub struct Imported {
    pub article: Article,
    pub thumbnail: Option<Thumbnail>,
    /// Names from `people` / `organisations` / `places` / `events`, for `import-ninjs`.
    pub named: Vec<Entity>,
    pub subjects: Vec<String>,
}

/// Reads a ninjs item. `body_role` picks one body by its role.
pub fn import(id: &str, text: &str, body_role: Option<&str>) -> Result<Imported, String> {
    let item: Value = lede::core::format::from_json(text).map_err(|e| format!("not JSON: {e}"))?;
    let Some(obj) = item.as_object() else {
        return Err("a ninjs item is a JSON object".into());
    };
    let get_str = |k: &str| {
        obj.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };

    let headline = obj
        .get("headlines")
        .and_then(|h| pick_by_role(h, &["main", ""]))
        .or_else(|| get_str("title").map(str::to_string))
        .or_else(|| get_str("headline").map(str::to_string))
        .ok_or("the item has no headline (headlines, title or headline)")?;

    let standfirst = obj
        .get("descriptions")
        .and_then(|d| pick_by_role(d, &["lead", "summary", "text", ""]))
        .or_else(|| get_str("description_text").map(str::to_string));

    let mut body = read_body(obj, body_role)?;
    // An item with only a description (a short wire) has that as its body.
    let mut standfirst = standfirst;
    if body.is_empty() {
        if let Some(s) = standfirst.take() {
            body.push(s);
        }
    }
    if body.is_empty() {
        return Err(
            "the item has no body text (bodies, body_text, body_html or descriptions)".into(),
        );
    }

    let published = get_str("firstCreated")
        .or_else(|| get_str("firstcreated"))
        .or_else(|| get_str("versionCreated"))
        .or_else(|| get_str("versioncreated"))
        .map(str::to_string)
        .unwrap_or_default();

    let rights = get_str("copyrightNotice")
        .or_else(|| get_str("copyrightnotice"))
        .or_else(|| get_str("usageTerms"))
        .or_else(|| get_str("usageterms"))
        .map(str::to_string)
        .or_else(|| get_str("copyrightHolder").map(|h| format!("© {h}")));

    let (image, thumbnail) = lead_picture(obj);
    let named = named_entities(obj);
    let subjects = obj
        .get("subjects")
        .or_else(|| obj.get("subject"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| s.get("name").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();

    Ok(Imported {
        article: Article {
            version: lede::core::format::FORMAT_VERSION,
            id: id.to_string(),
            headline: html::collapse(&headline),
            standfirst: standfirst
                .map(|s| html::collapse(&s))
                .filter(|s| !s.is_empty()),
            byline: get_str("by").map(str::to_string),
            published,
            language: get_str("language").map(str::to_string),
            source_name: get_str("copyrightHolder").map(str::to_string),
            rights,
            image,
            body: body
                .into_iter()
                .map(|text| Paragraph {
                    text,
                    mentions: None,
                })
                .collect(),
            ..Default::default()
        },
        thumbnail,
        named,
        subjects,
    })
}

/// The value of the first entry whose role is in `roles` (in preference order; `""` = any).
fn pick_by_role(list: &Value, roles: &[&str]) -> Option<String> {
    let list = list.as_array()?;
    for role in roles {
        for entry in list {
            let r = entry.get("role").and_then(Value::as_str).unwrap_or("");
            if role.is_empty() || r == *role {
                if let Some(v) = entry.get("value").and_then(Value::as_str) {
                    if !v.trim().is_empty() {
                        return Some(v.to_string());
                    }
                }
            }
        }
    }
    None
}

fn is_html_body(entry: &Value) -> bool {
    let ct = entry
        .get("contentType")
        .and_then(Value::as_str)
        .unwrap_or("");
    let role = entry.get("role").and_then(Value::as_str).unwrap_or("");
    ct.contains("html") || role.contains("html")
}

fn read_body(
    obj: &serde_json::Map<String, Value>,
    role: Option<&str>,
) -> Result<Vec<String>, String> {
    if let Some(bodies) = obj.get("bodies").and_then(Value::as_array) {
        let chosen = match role {
            Some(role) => Some(
                bodies
                    .iter()
                    .find(|b| b.get("role").and_then(Value::as_str) == Some(role))
                    .ok_or_else(|| format!("no body has the role {role:?}"))?,
            ),
            // Prefer HTML (it marks paragraphs), then plain text; never NITF or other XML.
            None => bodies.iter().find(|b| is_html_body(b)).or_else(|| {
                bodies.iter().find(|b| {
                    b.get("contentType")
                        .and_then(Value::as_str)
                        .unwrap_or("text/plain")
                        == "text/plain"
                })
            }),
        };
        if let Some(body) = chosen {
            let value = body.get("value").and_then(Value::as_str).unwrap_or("");
            return Ok(if is_html_body(body) {
                html::extract(value).paragraphs
            } else {
                plain_paragraphs(value)
            });
        }
    }
    if let Some(h) = obj.get("body_html").and_then(Value::as_str) {
        return Ok(html::extract(h).paragraphs);
    }
    if let Some(t) = obj.get("body_text").and_then(Value::as_str) {
        return Ok(plain_paragraphs(t));
    }
    Ok(Vec::new())
}

/// Plain text: every non-blank line is a paragraph (agencies put one paragraph per line).
pub fn plain_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_matches(char::is_whitespace))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first picture association: the largest image rendition up to 1600 pixels wide for the
/// article, and a rendition 200–600 pixels wide (if any) for the list.
fn lead_picture(obj: &serde_json::Map<String, Value>) -> (Option<LeadImage>, Option<Thumbnail>) {
    let Some(assocs) = obj.get("associations") else {
        return (None, None);
    };
    // ninjs 1.x: an object keyed by name; 2.x/3.x: an array.
    let list: Vec<&Value> = match assocs {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) => o.values().collect(),
        _ => Vec::new(),
    };
    let Some(picture) = list
        .into_iter()
        .find(|a| a.get("type").and_then(Value::as_str) == Some("picture"))
    else {
        return (None, None);
    };
    let renditions: Vec<(String, Option<u32>, Option<u32>)> = match picture.get("renditions") {
        Some(Value::Array(a)) => a.iter().collect::<Vec<_>>(),
        Some(Value::Object(o)) => o.values().collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|r| {
        r.get("contentType")
            .and_then(Value::as_str)
            .is_none_or(|ct| ct.starts_with("image/"))
    })
    .filter_map(|r| {
        let href = r.get("href").and_then(Value::as_str)?.trim();
        let lower = href.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return None;
        }
        let dim = |k| {
            r.get(k)
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
        };
        Some((href.to_string(), dim("width"), dim("height")))
    })
    .collect();
    let large = renditions
        .iter()
        .filter(|(_, w, _)| w.is_some_and(|w| w <= 1600))
        // The first of equally large renditions (max_by_key would take the last).
        .rev()
        .max_by_key(|(_, w, _)| *w)
        .or_else(|| renditions.first());
    let Some((url, width, height)) = large.cloned() else {
        return (None, None);
    };
    let caption = picture
        .get("descriptions")
        .and_then(|d| pick_by_role(d, &["caption", ""]))
        .or_else(|| {
            picture
                .get("description_text")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .map(|c| html::collapse(&c));
    let credit = ["creditline", "by", "copyrightHolder"]
        .iter()
        .find_map(|k| picture.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    let alt = caption.clone().unwrap_or_default();
    let thumbnail = renditions
        .iter()
        .filter(|(_, w, _)| w.is_some_and(|w| (200..=600).contains(&w)))
        .min_by_key(|(_, w, _)| *w)
        .map(|(url, width, height)| Thumbnail {
            url: url.as_str().into(),
            alt: alt.as_str().into(),
            width: *width,
            height: *height,
        });
    (
        Some(LeadImage {
            url,
            alt,
            caption,
            credit,
            width,
            height,
        }),
        thumbnail,
    )
}

/// The lists of things an item names, and the kind each makes: ninjs 2.x and 3.x name them in
/// the plural, 1.x in the singular.
const NAMED_LISTS: [(&str, EntityKind); 8] = [
    ("people", EntityKind::Person),
    ("person", EntityKind::Person),
    ("organisations", EntityKind::Organisation),
    ("organisation", EntityKind::Organisation),
    ("places", EntityKind::Place),
    ("place", EntityKind::Place),
    ("events", EntityKind::Event),
    ("event", EntityKind::Event),
];

/// What the item says about the people, organisations, places and events it names, as
/// entities: the name (or, without one, the `literal`), the kind from the list it is in, the
/// `uri` as a Wikidata id or an external `url` when it is an http(s) URL, and a `description`
/// when the item gives one. ninjs 3.1 itself defines no description for these (`name`, `rel`,
/// `uri`, `literal`, contact details), but feeds add one; its `literal` is "an identifier as a
/// free-text string" (a code such as `04011000`, or the name again), so it is never shown as a
/// description. Nothing is guessed: what the item does not say stays empty.
fn named_entities(obj: &serde_json::Map<String, Value>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for (key, kind) in NAMED_LISTS {
        let Some(list) = obj.get(key).and_then(Value::as_array) else {
            continue;
        };
        for item in list {
            let text = |k: &str| {
                item.get(k)
                    .and_then(Value::as_str)
                    .map(html::collapse)
                    .filter(|s| !s.is_empty())
            };
            let Some(name) = text("name").or_else(|| text("literal")) else {
                continue;
            };
            let id = slug(&name);
            if id.is_empty() || out.iter().any(|e| e.id == id) {
                continue;
            }
            let uri = item.get("uri").and_then(Value::as_str).unwrap_or("").trim();
            let wikidata = uri
                .strip_prefix("http://www.wikidata.org/entity/")
                .or_else(|| uri.strip_prefix("https://www.wikidata.org/entity/"))
                .and_then(wikidata_id)
                .map(str::to_string);
            let url = match wikidata {
                Some(_) => None,
                None => external_url(uri),
            };
            out.push(Entity {
                id,
                name,
                kind,
                url,
                wikidata,
                description: text("description"),
                ..Default::default()
            });
        }
    }
    out
}

/// A lowercase ASCII id from a name (`Jonas Svensson` → `jonas-svensson`). Letters outside
/// ASCII are kept out rather than transliterated.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ó' | 'Ö' | 'Ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_item_with_html_body_and_picture() {
        let item = r#"{
            "headlines": [{"role": "main", "value": " Title "}],
            "bodies": [{"role": "text", "contentType": "text/plain", "value": "plain"},
                       {"role": "xhtml", "contentType": "text/html", "value": "<p>A</p><p>B</p>"}],
            "firstCreated": "2020-01-02T03:04:05Z",
            "copyrightHolder": "X",
            "associations": [{"type": "picture", "by": "Jo/X",
                "renditions": [{"href": "https://x.example/big.jpg", "width": 1024, "height": 683},
                               {"href": "https://x.example/small.jpg", "width": 256, "height": 171},
                               {"href": "javascript:alert(1)", "width": 1200}]}],
            "people": [{"name": "Jonas Svensson"}]
        }"#;
        let got = import("x", item, None).unwrap();
        let a = &got.article;
        assert_eq!(a.headline, "Title");
        assert_eq!(a.body.len(), 2);
        assert_eq!(a.rights.as_deref(), Some("© X"));
        let image = a.image.as_ref().unwrap();
        assert_eq!(image.url, "https://x.example/big.jpg");
        assert_eq!(image.credit.as_deref(), Some("Jo/X"));
        assert_eq!(got.thumbnail.unwrap().url, "https://x.example/small.jpg");
        assert_eq!(got.named[0].id, "jonas-svensson");
    }

    #[test]
    fn bad_items_are_errors() {
        assert!(import("x", "[]", None).is_err());
        assert!(import("x", "{\"headlines\": 3}", None).is_err());
        assert!(import("x", "{", None).is_err());
        assert!(import(
            "x",
            r#"{"title": "T", "bodies": [{"role": "a", "value": "b"}]}"#,
            Some("zz")
        )
        .is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Atlético de Madrid"), "atletico-de-madrid");
        assert_eq!(slug("  Jonas  Svensson "), "jonas-svensson");
    }

    #[test]
    fn named_things_of_a_vendored_tt_item_become_entities() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sources/ninjs/examples/tt_text_image_3.json"
        ));
        let got = import("aurora", text, None).unwrap();
        let named: Vec<(&str, EntityKind)> = got
            .named
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert_eq!(
            named,
            [
                ("Jonas Svensson", EntityKind::Person),
                ("Aurora", EntityKind::Organisation),
                ("Sverige", EntityKind::Place),
                ("Gotland", EntityKind::Place),
                ("Finland", EntityKind::Place),
            ]
        );
        // The item gives no uri or description: nothing is made up.
        assert!(got
            .named
            .iter()
            .all(|e| e.url.is_none() && e.wikidata.is_none() && e.description.is_none()));
    }

    #[test]
    fn uris_descriptions_and_literals_of_named_things() {
        let item = r#"{
            "headlines": [{"role": "main", "value": "T"}], "body_text": "B",
            "people": [{"name": "Ada", "uri": "http://people.example/ada",
                        "description": "  Mathematician,\n writer  "},
                       {"name": "Bo", "uri": "javascript:alert(1)"},
                       {"literal": "Cy"}],
            "organisations": [{"name": "Org", "uri": "https://www.wikidata.org/entity/Q42"},
                              {"name": "Odd", "uri": "https://www.wikidata.org/entity/X"}],
            "places": [{"name": "Telemark", "literal": "Telemark"}],
            "events": [{"name": "Aurora 23", "uri": "urn:event:aurora"}]
        }"#;
        let got = import("x", item, None).unwrap();
        let by_name = |n: &str| got.named.iter().find(|e| e.name == n).unwrap();
        let ada = by_name("Ada");
        assert_eq!(ada.url.as_deref(), Some("http://people.example/ada"));
        assert_eq!(ada.description.as_deref(), Some("Mathematician, writer"));
        assert_eq!(by_name("Bo").url, None, "only http(s) links");
        assert_eq!(
            by_name("Cy").kind,
            EntityKind::Person,
            "literal stands in for a name"
        );
        assert_eq!(by_name("Org").wikidata.as_deref(), Some("Q42"));
        assert_eq!(by_name("Org").url, None);
        let odd = by_name("Odd");
        assert_eq!(odd.wikidata, None, "not an item id: kept as a link");
        assert!(odd.url.is_some());
        assert_eq!(
            by_name("Telemark").description,
            None,
            "a literal is no description"
        );
        let event = by_name("Aurora 23");
        assert_eq!(
            (event.kind, event.url.as_deref()),
            (EntityKind::Event, None)
        );
    }
}
