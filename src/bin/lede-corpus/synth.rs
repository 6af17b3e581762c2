//! `lede-corpus synth`: deterministic synthetic corpora for benchmarks (`bench/`), in the current
//! format (an index with inline summaries + `articles/<id>.json`).
//!
//! Shapes follow real news rather than uniform noise: headlines of about 40–110 characters and
//! standfirsts of 80–220 (shorter in Chinese and Japanese, which need fewer characters), 40 topics
//! drawn with a Zipf-like skew (1–5 per article), thumbnails on about 70% of articles, dates over
//! six years (some with a time of day), about 15% of articles in Cyrillic, Greek or CJK text and
//! about 5% in Arabic or Hebrew (with the matching `language`), an entity registry of 300 (0–6 per
//! article, also skewed), and 3–8 paragraphs per article whose mentions are computed with
//! [`find_mentions`], exactly as `lede-corpus build` does. With `--long`, one more article of
//! 10,000 words with 1,000 mentions of 100 entities, dated after every other one (so it is the
//! first card of the unfiltered list).
//!
//! Randomness comes from a small SplitMix64 generator seeded by `--seed`; every article has its
//! own stream (seed and position), and nothing iterates a hash map, so the output is
//! byte-identical for the same arguments on every machine.

use lede::core::format::matching::find_mentions;
use lede::core::format::{
    Article, CorpusIndex, Entity, EntityKind, LeadImage, Mention, Paragraph, Thumbnail, Topic,
    FORMAT_VERSION,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    pub articles: usize,
    pub seed: u64,
    pub long: bool,
}

/// What `synth` wrote, for the summary line.
pub struct Synthesized {
    pub articles: usize,
    pub entities: usize,
    pub index_bytes: usize,
}

/// The id of the long article (`--long`).
pub const LONG_ID: &str = "synth-long";
/// Words, mentions and distinct entities of the long article.
pub const LONG_WORDS: usize = 10_000;
pub const LONG_MENTIONS: usize = 1_000;
pub const LONG_ENTITIES: usize = 100;
/// Size of the entity registry.
pub const REGISTRY_SIZE: usize = 300;

/// Writes `<out>/index.json` and `<out>/articles/<id>.json`; removes other `*.json` files in
/// `<out>/articles` so that a smaller corpus written over a larger one leaves nothing stale.
pub fn synth(options: SynthOptions, out: &Path) -> Result<Synthesized, String> {
    let articles_dir = out.join("articles");
    std::fs::create_dir_all(&articles_dir)
        .map_err(|e| format!("{}: cannot create: {e}", articles_dir.display()))?;
    let mut written: BTreeSet<PathBuf> = BTreeSet::new();
    let index = generate(options, |article| {
        let path = articles_dir.join(format!("{}.json", article.id));
        std::fs::write(&path, format!("{}\n", article.to_json()))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        written.insert(path);
        Ok(())
    })?;
    let entries =
        std::fs::read_dir(&articles_dir).map_err(|e| format!("{}: {e}", articles_dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "json") && !written.contains(&path) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove stale file: {e}", path.display()))?;
        }
    }
    let json = format!("{}\n", index.to_json());
    let path = out.join("index.json");
    std::fs::write(&path, &json).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(Synthesized {
        articles: index.articles.len(),
        entities: index.entities.len(),
        index_bytes: json.len(),
    })
}

/// Generates the corpus, handing every article to `sink` as soon as it exists (a 100k corpus
/// does not fit comfortably in memory as `Article`s) and returning the index.
pub fn generate(
    options: SynthOptions,
    mut sink: impl FnMut(&Article) -> Result<(), String>,
) -> Result<CorpusIndex, String> {
    let topics = topics();
    let registry = registry(options.seed);
    let topic_weights = zipf_cumulative(topics.len(), 1.0);
    let entity_weights = zipf_cumulative(registry.len(), 0.8);
    let mut summaries = Vec::with_capacity(options.articles + 1);
    let mut mentioned = vec![false; registry.len()];
    for n in 0..options.articles {
        let mut rng = Rng::new(options.seed ^ 0x5EED_0000_0000_0000, n as u64);
        let (article, thumbnail, used) = article(
            &mut rng,
            n,
            &topics,
            &registry,
            &topic_weights,
            &entity_weights,
        );
        for i in used {
            mentioned[i] = true;
        }
        sink(&article)?;
        summaries.push(article.summary(thumbnail));
    }
    if options.long {
        let (article, thumbnail, used) = long_article(options.seed, &topics, &registry);
        for i in used {
            mentioned[i] = true;
        }
        sink(&article)?;
        summaries.push(article.summary(thumbnail));
    }
    let entities = registry
        .iter()
        .zip(&mentioned)
        .filter(|(_, m)| **m)
        .map(|(e, _)| e.summary())
        .collect();
    Ok(CorpusIndex {
        version: FORMAT_VERSION,
        title: Some(format!(
            "Lede — synthetic corpus ({} articles{}, seed {})",
            options.articles,
            if options.long { " + long" } else { "" },
            options.seed
        )),
        topics,
        entities,
        entity_file: None,
        articles: summaries,
        catalog: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data.
pub struct Rng(u64);

impl Rng {
    /// A stream for one position under one seed.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed.wrapping_add(stream.wrapping_mul(0xD134_2543_DE82_EF95)));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by Lemire's multiply-shift (the bias is negligible here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the weights behind `cumulative` (as made by [`zipf_cumulative`]).
    pub fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let total = *cumulative.last().expect("weights");
        let x = self.unit() * total;
        cumulative
            .partition_point(|c| *c <= x)
            .min(cumulative.len() - 1)
    }

    /// `k` distinct indices drawn with the weights behind `cumulative`, in draw order.
    pub fn weighted_distinct(&mut self, cumulative: &[f64], k: usize) -> Vec<usize> {
        let k = k.min(cumulative.len());
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let i = self.weighted(cumulative);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

/// Cumulative weights `1 / rank^s` for ranks 1..=n.
pub fn zipf_cumulative(n: usize, s: f64) -> Vec<f64> {
    let mut sum = 0.0;
    (1..=n)
        .map(|r| {
            sum += 1.0 / (r as f64).powf(s);
            sum
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TOPICS: [&str; 40] = [
    "Politics",
    "World",
    "Economy",
    "Middle East",
    "Europe",
    "Business",
    "Climate",
    "Technology",
    "Health",
    "Elections",
    "Military",
    "Diplomacy",
    "Energy",
    "Science",
    "Africa",
    "Asia",
    "Americas",
    "Markets",
    "Migration",
    "Human rights",
    "Law",
    "Crime",
    "Education",
    "Culture",
    "Sport",
    "Trade",
    "Agriculture",
    "Transport",
    "Housing",
    "Labour",
    "Media",
    "Religion",
    "Space",
    "Environment",
    "Finance",
    "Security",
    "Cities",
    "Food",
    "Weather",
    "Football",
];

const EN: &[&str] = &[
    "government",
    "officials",
    "said",
    "on",
    "the",
    "new",
    "plan",
    "after",
    "talks",
    "with",
    "leaders",
    "over",
    "a",
    "deal",
    "to",
    "cut",
    "costs",
    "and",
    "raise",
    "funding",
    "for",
    "schools",
    "hospitals",
    "in",
    "the",
    "region",
    "while",
    "critics",
    "warned",
    "that",
    "prices",
    "could",
    "rise",
    "again",
    "next",
    "year",
    "as",
    "demand",
    "falls",
    "ministers",
    "agreed",
    "measures",
    "against",
    "rising",
    "tensions",
    "near",
    "border",
    "where",
    "troops",
    "remain",
    "since",
    "last",
    "month",
    "report",
    "shows",
    "growth",
    "slowed",
    "sharply",
    "amid",
    "strikes",
    "by",
    "workers",
    "calling",
    "higher",
    "wages",
    "court",
    "ruled",
    "law",
    "was",
    "unlawful",
    "voters",
    "will",
    "decide",
    "future",
    "of",
    "coalition",
    "under",
    "pressure",
    "from",
    "protesters",
    "city",
    "council",
    "approved",
    "budget",
    "despite",
    "objections",
    "companies",
    "expect",
    "profits",
    "fall",
    "this",
    "quarter",
    "scientists",
    "found",
    "evidence",
    "of",
    "warming",
    "oceans",
    "at",
    "record",
    "levels",
    "during",
    "summer",
    "storm",
    "damaged",
    "homes",
    "farmers",
    "harvest",
    "exports",
    "markets",
    "investors",
    "reacted",
    "calmly",
    "central",
    "bank",
    "kept",
    "interest",
    "rates",
    "unchanged",
    "health",
    "agency",
    "confirmed",
    "cases",
    "spread",
    "across",
    "villages",
    "police",
    "arrested",
    "suspects",
    "following",
    "investigation",
    "into",
    "contracts",
    "signed",
    "previous",
    "administration",
    "opposition",
    "demanded",
    "inquiry",
    "parliament",
    "debated",
    "bill",
    "aimed",
    "at",
    "reducing",
    "emissions",
    "within",
    "decade",
    "analysts",
    "say",
    "outcome",
    "remains",
    "uncertain",
    "both",
    "sides",
];
const RU: &[&str] = &[
    "правительство",
    "заявило",
    "сегодня",
    "министр",
    "новые",
    "меры",
    "экономика",
    "рост",
    "выборы",
    "город",
    "страна",
    "решение",
    "совет",
    "вопрос",
    "после",
    "переговоров",
    "году",
    "люди",
    "против",
    "закон",
    "бюджет",
    "реформа",
    "регион",
    "власти",
    "помощь",
    "безопасность",
    "граждан",
    "проект",
    "доклад",
    "встреча",
    "и",
    "в",
    "на",
    "по",
];
const EL: &[&str] = &[
    "κυβέρνηση",
    "ανακοίνωσε",
    "σήμερα",
    "υπουργός",
    "νέα",
    "μέτρα",
    "οικονομία",
    "ανάπτυξη",
    "εκλογές",
    "πόλη",
    "χώρα",
    "απόφαση",
    "συμβούλιο",
    "ζήτημα",
    "μετά",
    "διαπραγματεύσεις",
    "έτος",
    "άνθρωποι",
    "νόμος",
    "προϋπολογισμός",
    "μεταρρύθμιση",
    "περιοχή",
    "αρχές",
    "βοήθεια",
    "ασφάλεια",
    "πολίτες",
    "σχέδιο",
    "έκθεση",
    "συνάντηση",
    "και",
    "στην",
    "για",
];
const ZH: &[&str] = &[
    "政府",
    "宣布",
    "今天",
    "部长",
    "新的",
    "措施",
    "经济",
    "增长",
    "选举",
    "城市",
    "国家",
    "决定",
    "委员会",
    "问题",
    "之后",
    "谈判",
    "今年",
    "人民",
    "法律",
    "预算",
    "改革",
    "地区",
    "当局",
    "援助",
    "安全",
    "公民",
    "项目",
    "报告",
    "会议",
    "市场",
    "的",
    "在",
    "和",
];
const JA: &[&str] = &[
    "政府は",
    "発表した",
    "今日",
    "大臣が",
    "新しい",
    "対策",
    "経済",
    "成長",
    "選挙",
    "都市",
    "国の",
    "決定",
    "委員会",
    "問題",
    "その後",
    "交渉",
    "今年",
    "人々",
    "法律",
    "予算",
    "改革",
    "地域",
    "当局",
    "支援",
    "安全",
    "市民",
    "計画",
    "報告",
    "会議",
    "市場",
    "について",
    "ため",
];
const AR: &[&str] = &[
    "الحكومة",
    "أعلنت",
    "اليوم",
    "الوزير",
    "إجراءات",
    "جديدة",
    "الاقتصاد",
    "النمو",
    "الانتخابات",
    "المدينة",
    "البلاد",
    "القرار",
    "المجلس",
    "المسألة",
    "بعد",
    "المفاوضات",
    "العام",
    "الناس",
    "القانون",
    "الميزانية",
    "الإصلاح",
    "المنطقة",
    "السلطات",
    "المساعدات",
    "الأمن",
    "المواطنين",
    "المشروع",
    "التقرير",
    "الاجتماع",
    "السوق",
    "في",
    "على",
];
const HE: &[&str] = &[
    "הממשלה",
    "הודיעה",
    "היום",
    "השר",
    "צעדים",
    "חדשים",
    "הכלכלה",
    "צמיחה",
    "הבחירות",
    "העיר",
    "המדינה",
    "ההחלטה",
    "המועצה",
    "השאלה",
    "אחרי",
    "המשא",
    "השנה",
    "האנשים",
    "החוק",
    "התקציב",
    "הרפורמה",
    "האזור",
    "הרשויות",
    "הסיוע",
    "הביטחון",
    "האזרחים",
    "הפרויקט",
    "הדוח",
    "הפגישה",
    "השוק",
    "על",
    "עם",
];

/// A language of the generated text.
#[derive(Clone, Copy)]
struct Lang {
    tag: &'static str,
    words: &'static [&'static str],
    /// Chinese and Japanese: no spaces between words, and fewer characters per headline.
    dense: bool,
    stop: &'static str,
}

const LANGS: [(Lang, f64); 7] = [
    (
        Lang {
            tag: "en",
            words: EN,
            dense: false,
            stop: ".",
        },
        0.80,
    ),
    (
        Lang {
            tag: "ru",
            words: RU,
            dense: false,
            stop: ".",
        },
        0.05,
    ),
    (
        Lang {
            tag: "el",
            words: EL,
            dense: false,
            stop: ".",
        },
        0.03,
    ),
    (
        Lang {
            tag: "zh",
            words: ZH,
            dense: true,
            stop: "。",
        },
        0.04,
    ),
    (
        Lang {
            tag: "ja",
            words: JA,
            dense: true,
            stop: "。",
        },
        0.03,
    ),
    (
        Lang {
            tag: "ar",
            words: AR,
            dense: false,
            stop: ".",
        },
        0.03,
    ),
    (
        Lang {
            tag: "he",
            words: HE,
            dense: false,
            stop: ".",
        },
        0.02,
    ),
];

fn pick_lang(rng: &mut Rng) -> Lang {
    let mut x = rng.unit();
    for (lang, p) in LANGS {
        if x < p {
            return lang;
        }
        x -= p;
    }
    LANGS[0].0
}

const FIRST: &[&str] = &[
    "Amara",
    "Bilal",
    "Chiara",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jamal",
    "Keiko",
    "Lucas",
    "Maryam",
    "Nikolai",
    "Olga",
    "Pedro",
    "Qiang",
    "Rania",
    "Samuel",
    "Tamar",
    "Umar",
    "Valentina",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zainab",
    "Anders",
    "Beatriz",
    "Cyrus",
    "Daria",
    "Emeka",
    "Fatima",
    "Gustavo",
    "Hana",
    "Ivan",
    "Joanna",
    "Kwame",
    "Leila",
    "Mateo",
    "Nadia",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Mensah",
    "Rossi",
    "Petrov",
    "Nakamura",
    "Alvarez",
    "Chen",
    "Abadi",
    "Novak",
    "Fischer",
    "Osei",
    "Barzani",
    "Eriksen",
    "Santos",
    "Kaya",
    "Yilmaz",
    "Dubois",
    "Ivanova",
    "Mwangi",
    "Sato",
    "Horvath",
    "Castillo",
    "Rahimi",
    "Jensen",
    "Volkov",
    "Adeyemi",
    "Lambert",
    "Ortega",
    "Park",
    "Mahmoud",
    "Keller",
    "Nowak",
    "Silva",
    "Farouk",
    "Quinn",
];
const SYLLABLES: &[&str] = &[
    "ka", "ve", "lo", "ri", "an", "tor", "mi", "sa", "bel", "dor", "nu", "zen", "qua", "fel", "os",
    "ar", "in", "eth", "mar", "sul", "val", "ko", "ra", "gen", "tu", "lis", "ob", "ham",
];
const ORG_KINDS: &[&str] = &[
    "Institute",
    "Bank",
    "Council",
    "Party",
    "Agency",
    "Foundation",
    "Group",
    "Union",
    "Authority",
    "Alliance",
    "Commission",
    "Federation",
];
const EVENT_KINDS: &[&str] = &["Summit", "Accord", "Games", "Conference", "Forum"];

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn invented_name(rng: &mut Rng) -> String {
    let n = rng.range(2, 3);
    let raw: String = (0..n).map(|_| *rng.pick(SYLLABLES)).collect();
    capitalise(&raw)
}

fn topics() -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|label| Topic {
            id: slug(label),
            label: (*label).to_string(),
            count: None,
        })
        .collect()
}

/// The entity registry: 300 distinct names (persons with their surname as alias,
/// organisations, places, events), depending only on the seed.
fn registry(seed: u64) -> Vec<Entity> {
    let mut rng = Rng::new(seed ^ 0xE27_17E5, u64::MAX);
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(REGISTRY_SIZE);
    while out.len() < REGISTRY_SIZE {
        let slot = out.len() % 10;
        let (kind, name, aliases) = match slot {
            0..=3 => {
                let last = *rng.pick(LAST);
                (
                    EntityKind::Person,
                    format!("{} {last}", rng.pick(FIRST)),
                    vec![last.to_string()],
                )
            }
            4..=6 => (
                EntityKind::Organisation,
                format!("{} {}", invented_name(&mut rng), rng.pick(ORG_KINDS)),
                vec![],
            ),
            7 | 8 => (EntityKind::Place, invented_name(&mut rng), vec![]),
            _ => (
                EntityKind::Event,
                format!("{} {}", invented_name(&mut rng), rng.pick(EVENT_KINDS)),
                vec![],
            ),
        };
        let id = slug(&name);
        // Names are unique and never a surname alias of someone else, so every inserted name is
        // found as exactly one mention of its own entity.
        if names.contains(&name) || ids.contains(&id) || LAST.contains(&name.as_str()) {
            continue;
        }
        names.insert(name.clone());
        ids.insert(id.clone());
        let n = out.len();
        let (url, wikidata) = match n % 3 {
            0 => (Some(format!("https://wiki.example/{id}")), None),
            1 => (None, Some(format!("Q{}", 100_000 + n * 7))),
            _ => (None, None),
        };
        out.push(Entity {
            id,
            name,
            kind,
            aliases,
            url,
            wikidata,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text

/// Words of `lang` until the text has about `target` code points (never more than `max`).
fn words_to_length(rng: &mut Rng, lang: Lang, target: usize, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    while len < target {
        let w = *rng.pick(lang.words);
        let extra = w.chars().count() + usize::from(!lang.dense && !out.is_empty());
        if len + extra > max && len > 0 {
            break;
        }
        if !lang.dense && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        len += extra;
    }
    capitalise(&out)
}

/// A length in `lo..=hi`, peaked in the middle (the mean of two uniforms).
fn peaked(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    let span = (hi - lo) as f64;
    lo + ((rng.unit() + rng.unit()) / 2.0 * span) as usize
}

fn headline(rng: &mut Rng, lang: Lang) -> String {
    if lang.dense {
        let t = peaked(rng, 12, 36);
        words_to_length(rng, lang, t, 40)
    } else {
        let t = peaked(rng, 44, 100);
        words_to_length(rng, lang, t, 110)
    }
}

fn standfirst(rng: &mut Rng, lang: Lang) -> String {
    let text = if lang.dense {
        let t = peaked(rng, 30, 90);
        words_to_length(rng, lang, t, 95)
    } else {
        let t = peaked(rng, 85, 210);
        words_to_length(rng, lang, t, 219)
    };
    format!("{text}{}", lang.stop)
}

/// One sentence of 8–20 words of `lang`, with `names` placed at random word positions.
fn sentence(rng: &mut Rng, lang: Lang, names: &[&str]) -> String {
    let n = rng.range(8, 20);
    let mut words: Vec<String> = (0..n)
        .map(|_| (*rng.pick(lang.words)).to_string())
        .collect();
    for name in names {
        let at = rng.range(1, words.len());
        words.insert(at, (*name).to_string());
        // A filler word after every name, so two names never run into one another.
        words.insert(at + 1, (*rng.pick(lang.words)).to_string());
    }
    let sep = if lang.dense { "" } else { " " };
    format!("{}{}", capitalise(&words.join(sep)), lang.stop)
}

/// Mentions found by [`find_mentions`] in every paragraph; keeps only the entities found,
/// renumbers the mentions, and returns the registry positions of the entities kept.
fn resolve_mentions(
    paragraphs: Vec<String>,
    chosen: &[usize],
    registry: &[Entity],
) -> (Vec<Paragraph>, Vec<Entity>, Vec<usize>) {
    let entities: Vec<Entity> = chosen.iter().map(|&i| registry[i].clone()).collect();
    let found: Vec<Vec<Mention>> = paragraphs
        .iter()
        .map(|p| find_mentions(p, &entities))
        .collect();
    let used: Vec<usize> = (0..entities.len())
        .filter(|i| found.iter().flatten().any(|m| m.entity_index == *i))
        .collect();
    let body = paragraphs
        .into_iter()
        .zip(found)
        .map(|(text, mentions)| Paragraph {
            text,
            mentions: Some(
                mentions
                    .into_iter()
                    .map(|m| Mention {
                        entity_index: used.iter().position(|u| *u == m.entity_index).unwrap(),
                        ..m
                    })
                    .collect(),
            ),
        })
        .collect();
    let kept = used.iter().map(|&i| entities[i].clone()).collect();
    (body, kept, used.iter().map(|&i| chosen[i]).collect())
}

const SIZES: [(u32, u32); 5] = [
    (1200, 675),
    (1200, 800),
    (1024, 768),
    (800, 600),
    (640, 427),
];

fn date(rng: &mut Rng) -> String {
    // 2019-01-01 .. 2024-12-31.
    let day = rng.below(2192) as i64;
    let (y, m, d) = civil_from_days(17_897 + day);
    if rng.chance(0.4) {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
            rng.below(24),
            rng.below(60)
        )
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn image(rng: &mut Rng, id: &str, headline: &str) -> LeadImage {
    let (width, height) = *rng.pick(&SIZES);
    let alt: String = headline.chars().take(60).collect();
    LeadImage {
        url: format!("https://img.example/synth/{id}.jpg"),
        alt,
        caption: Some("A picture for a synthetic article.".into()),
        credit: Some(format!("Photographer {}", rng.below(50) + 1)),
        width: Some(width),
        height: Some(height),
    }
}

type Generated = (Article, Option<Thumbnail>, Vec<usize>);

fn article(
    rng: &mut Rng,
    n: usize,
    topics: &[Topic],
    registry: &[Entity],
    topic_weights: &[f64],
    entity_weights: &[f64],
) -> Generated {
    let id = format!("synth-{n:06}");
    let lang = pick_lang(rng);
    let headline = headline(rng, lang);
    let standfirst = standfirst(rng, lang);
    let published = date(rng);
    let topic_count = [1, 1, 2, 2, 2, 3, 3, 4, 5][rng.below(9)];
    let article_topics = rng
        .weighted_distinct(topic_weights, topic_count)
        .into_iter()
        .map(|i| topics[i].id.clone())
        .collect();
    let entity_count = [0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6][rng.below(12)];
    let chosen = rng.weighted_distinct(entity_weights, entity_count);

    // 3–8 paragraphs of 2–5 sentences; every chosen entity is named once in full, then now and
    // then again (persons sometimes by surname).
    let paragraph_count = rng.range(3, 8);
    let mut names_by_paragraph: Vec<Vec<&str>> = vec![Vec::new(); paragraph_count];
    for &e in &chosen {
        let entity = &registry[e];
        names_by_paragraph[rng.below(paragraph_count)].push(&entity.name);
        for _ in 0..rng.below(3) {
            let name = match entity.aliases.first() {
                Some(alias) if rng.chance(0.5) => alias.as_str(),
                _ => entity.name.as_str(),
            };
            names_by_paragraph[rng.below(paragraph_count)].push(name);
        }
    }
    let paragraphs: Vec<String> = names_by_paragraph
        .iter()
        .map(|names| {
            let sentences = rng.range(2, 5);
            let mut per: Vec<Vec<&str>> = vec![Vec::new(); sentences];
            for name in names {
                per[rng.below(sentences)].push(name);
            }
            let sep = if lang.dense { "" } else { " " };
            per.iter()
                .map(|names| sentence(rng, lang, names))
                .collect::<Vec<_>>()
                .join(sep)
        })
        .collect();
    let (body, entities, used) = resolve_mentions(paragraphs, &chosen, registry);

    let image = rng.chance(0.7).then(|| image(rng, &id, &headline));
    let thumbnail = image.as_ref().map(thumbnail_of);
    let article = Article {
        version: FORMAT_VERSION,
        source_url: Some(format!("https://news.example/{id}")),
        id,
        headline,
        standfirst: Some(standfirst),
        byline: Some(format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
        published,
        language: Some(lang.tag.to_string()),
        source_name: Some("Synthetic Wire".into()),
        rights: Some("Synthetic text generated for benchmarks; no rights reserved.".into()),
        topics: article_topics,
        image,
        entities,
        body,
    };
    (article, thumbnail, used)
}

fn thumbnail_of(image: &LeadImage) -> Thumbnail {
    Thumbnail {
        url: image.url.clone(),
        alt: image.alt.clone(),
        width: image.width,
        height: image.height,
    }
}

/// The long article: 100 paragraphs of 100 words, each naming 10 entities, so 10,000 words and
/// 1,000 mentions of the first 100 registry entities (10 each, always by full name).
fn long_article(seed: u64, topics: &[Topic], registry: &[Entity]) -> Generated {
    let mut rng = Rng::new(seed ^ 0x10A6, u64::MAX - 1);
    let per_paragraph = LONG_MENTIONS / 100;
    let words_per_paragraph = LONG_WORDS / 100;
    let mut paragraphs = Vec::with_capacity(100);
    for p in 0..100 {
        let names: Vec<&str> = (0..per_paragraph)
            .map(|k| {
                registry[(p * per_paragraph + k) % LONG_ENTITIES]
                    .name
                    .as_str()
            })
            .collect();
        let name_words: usize = names.iter().map(|n| n.split(' ').count()).sum();
        let filler = words_per_paragraph - name_words;
        // Slots: a filler word, then a name, and so on; the rest of the filler at the end.
        let mut words: Vec<String> = Vec::with_capacity(words_per_paragraph);
        let mut left = filler;
        for name in &names {
            let gap = (filler / (per_paragraph + 1)).max(1);
            for _ in 0..gap {
                words.push((*rng.pick(EN)).to_string());
            }
            left -= gap;
            words.push((*name).to_string());
        }
        for _ in 0..left {
            words.push((*rng.pick(EN)).to_string());
        }
        paragraphs.push(format!("{}.", capitalise(&words.join(" "))));
    }
    let chosen: Vec<usize> = (0..LONG_ENTITIES).collect();
    let (body, entities, used) = resolve_mentions(paragraphs, &chosen, registry);
    let headline =
        "The long read: ten thousand words on everyone who shaped the decade".to_string();
    let image = image(&mut rng, LONG_ID, &headline);
    let thumbnail = Some(thumbnail_of(&image));
    let article = Article {
        version: FORMAT_VERSION,
        id: LONG_ID.into(),
        headline,
        standfirst: Some(
            "A synthetic long article for benchmarks: 10,000 words and 1,000 mentions of 100 \
             people, organisations, places and events."
                .into(),
        ),
        byline: Some("Synthetic Wire".into()),
        published: "2025-01-15T12:00:00Z".into(),
        language: Some("en".into()),
        source_url: Some(format!("https://news.example/{LONG_ID}")),
        source_name: Some("Synthetic Wire".into()),
        rights: Some("Synthetic text generated for benchmarks; no rights reserved.".into()),
        topics: vec![topics[0].id.clone(), topics[1].id.clone()],
        image: Some(image),
        entities,
        body,
    };
    (article, thumbnail, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede::core::format::mentions::segments;
    use lede::core::format::ArticleSummary;

    fn corpus(articles: usize, seed: u64, long: bool) -> (CorpusIndex, Vec<Article>) {
        let mut all = Vec::new();
        let index = generate(
            SynthOptions {
                articles,
                seed,
                long,
            },
            |a| {
                all.push(a.clone());
                Ok(())
            },
        )
        .unwrap();
        (index, all)
    }

    fn text_of(index: &CorpusIndex, articles: &[Article]) -> String {
        let mut s = index.to_json();
        for a in articles {
            s.push_str(&a.to_json());
        }
        s
    }

    #[test]
    fn same_arguments_same_bytes_other_seed_other_bytes() {
        let (i1, a1) = corpus(300, 7, true);
        let (i2, a2) = corpus(300, 7, true);
        assert_eq!(text_of(&i1, &a1), text_of(&i2, &a2));
        let (i3, a3) = corpus(300, 8, true);
        assert_ne!(text_of(&i1, &a1), text_of(&i3, &a3));
        // A larger corpus starts with the same articles: each article has its own stream.
        let (_, a4) = corpus(400, 7, false);
        assert_eq!(a1[..300], a4[..300]);
    }

    #[test]
    fn synth_writes_files_that_read_back_and_is_byte_identical() {
        let dir = std::env::temp_dir().join(format!("lede-synth-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let options = SynthOptions {
            articles: 50,
            seed: 3,
            long: true,
        };
        synth(options, &dir).unwrap();
        let first = std::fs::read(dir.join("index.json")).unwrap();
        let long = std::fs::read(dir.join("articles/synth-long.json")).unwrap();
        // A stale file from a larger corpus goes away; a second run writes the same bytes.
        std::fs::write(dir.join("articles/synth-999999.json"), "{}").unwrap();
        synth(options, &dir).unwrap();
        assert_eq!(first, std::fs::read(dir.join("index.json")).unwrap());
        assert_eq!(
            long,
            std::fs::read(dir.join("articles/synth-long.json")).unwrap()
        );
        assert!(!dir.join("articles/synth-999999.json").exists());
        let index = CorpusIndex::from_json(std::str::from_utf8(&first).unwrap()).unwrap();
        assert_eq!(index.articles.len(), 51);
        for s in &index.articles {
            let text = std::fs::read_to_string(dir.join(&s.url)).unwrap();
            let a = Article::from_json(&text).unwrap();
            assert_eq!(a.headline, s.headline);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn shapes_are_roughly_those_of_real_news() {
        let (index, articles) = corpus(3000, 42, false);
        let n = articles.len() as f64;
        let share =
            |f: &dyn Fn(&Article) -> bool| articles.iter().filter(|a| f(a)).count() as f64 / n;
        let lang = |a: &Article| a.language.clone().unwrap();
        let non_latin = share(&|a| ["ru", "el", "zh", "ja"].contains(&lang(a).as_str()));
        let rtl = share(&|a| ["ar", "he"].contains(&lang(a).as_str()));
        assert!((0.12..0.18).contains(&non_latin), "non-Latin {non_latin}");
        assert!((0.035..0.065).contains(&rtl), "rtl {rtl}");
        let thumbs = index
            .articles
            .iter()
            .filter(|a| a.thumbnail.is_some())
            .count() as f64
            / n;
        assert!((0.66..0.74).contains(&thumbs), "thumbnails {thumbs}");
        for a in &articles {
            let (h, s) = (
                a.headline.chars().count(),
                a.standfirst.as_ref().unwrap().chars().count(),
            );
            if ["zh", "ja"].contains(&lang(a).as_str()) {
                assert!((8..=40).contains(&h), "{h}: {}", a.headline);
            } else {
                assert!((40..=110).contains(&h), "{h}: {}", a.headline);
                assert!((80..=220).contains(&s), "{s}: {:?}", a.standfirst);
            }
            assert!((1..=5).contains(&a.topics.len()));
            assert!(a.entities.len() <= 6);
            assert!((3..=8).contains(&a.body.len()));
            assert!(lede::core::text::dates::parse_timestamp(&a.published).is_some());
        }
        // Topics: all 40 used, skewed (the most common far above the least).
        let counts: Vec<usize> = index
            .topics
            .iter()
            .map(|t| articles.iter().filter(|a| a.topics.contains(&t.id)).count())
            .collect();
        assert_eq!(counts.len(), 40);
        assert!(counts.iter().all(|c| *c > 0));
        assert!(counts[0] > 8 * counts[39], "{counts:?}");
        // Dates over several years.
        let years: BTreeSet<&str> = articles.iter().map(|a| &a.published[..4]).collect();
        assert_eq!(years.len(), 6);
        // The registry is mostly used, and entities are skewed too.
        assert!(index.entities.len() > 250, "{}", index.entities.len());
        assert!(index.entities.len() <= REGISTRY_SIZE);
    }

    fn assert_mentions_valid(a: &Article) -> usize {
        let mut total = 0;
        for (i, p) in a.body.iter().enumerate() {
            let mentions = p.mentions.as_ref().expect("explicit mentions");
            let (_, warnings) = segments(&p.text, mentions, a.entities.len(), i);
            assert!(warnings.is_empty(), "{}: {warnings:?}", a.id);
            assert_eq!(mentions, &find_mentions(&p.text, &a.entities), "{}", a.id);
            for m in mentions {
                let named: String = p.text.chars().skip(m.start).take(m.end - m.start).collect();
                let e = &a.entities[m.entity_index];
                assert!(
                    named == e.name || e.aliases.contains(&named),
                    "{named} / {}",
                    e.name
                );
            }
            total += mentions.len();
        }
        // Every listed entity is mentioned at least once.
        for (i, _) in a.entities.iter().enumerate() {
            assert!(
                a.body
                    .iter()
                    .flat_map(|p| p.mentions.iter().flatten())
                    .any(|m| m.entity_index == i),
                "{}: entity {i} unmentioned",
                a.id
            );
        }
        total
    }

    #[test]
    fn mentions_are_valid_in_every_script() {
        let (index, articles) = corpus(1500, 9, false);
        let mut with_entities = 0;
        for (a, s) in articles.iter().zip(&index.articles) {
            assert_mentions_valid(a);
            let ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(s.entities, ids);
            with_entities += usize::from(!a.entities.is_empty());
            // What the tool writes is what the viewer reads.
            assert_eq!(&Article::from_json(&a.to_json()).unwrap(), a);
        }
        assert!(with_entities > 1000);
        // Names are found in CJK text too (a change of script is a word boundary).
        assert!(articles
            .iter()
            .any(|a| a.language.as_deref() == Some("zh") && !a.entities.is_empty()));
        CorpusIndex::from_json(&index.to_json()).unwrap();
    }

    #[test]
    fn the_long_article() {
        let (index, articles) = corpus(10, 1, true);
        let long = articles.last().unwrap();
        assert_eq!(long.id, LONG_ID);
        let words: usize = long
            .body
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert_eq!(words, LONG_WORDS);
        assert_eq!(assert_mentions_valid(long), LONG_MENTIONS);
        assert_eq!(long.entities.len(), LONG_ENTITIES);
        // Newest, so first in the unfiltered list.
        let mut all: Vec<&ArticleSummary> = index.articles.iter().collect();
        lede::core::corpus::order::sort_newest_first(&mut all);
        assert_eq!(all[0].id, LONG_ID);
    }

    #[test]
    fn civil_dates_round_trip() {
        for day in [0, 17_897, 17_897 + 2191, 19_000] {
            let (y, m, d) = civil_from_days(day);
            let text = format!("{y:04}-{m:02}-{d:02}");
            assert_eq!(
                lede::core::text::dates::parse_timestamp(&text),
                Some(day * 86_400),
                "{text}"
            );
        }
    }
}
