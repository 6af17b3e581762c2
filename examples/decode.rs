//! Times the format's decoder on the host: `cargo run --release --example decode -- FILE...`.
//! Each file is read as an index (`index.json`) or an article (anything else), a few times,
//! and the best time is printed with the throughput. The bench harness (`bench/`) measures the
//! same decoder in the browser against `JSON.parse`; this is the quick loop for changing it.

use lede::core::format::{Article, CorpusIndex};
use std::time::{Duration, Instant};

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let is_index = path.ends_with("index.json");
        let runs = (200_000_000 / text.len().max(1)).clamp(3, 200);
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let start = Instant::now();
            let n = if is_index {
                CorpusIndex::from_json(&text).map(|i| i.articles.len())
            } else {
                Article::from_json(&text).map(|a| a.body.len())
            }
            .expect("a valid file");
            best = best.min(start.elapsed());
            std::hint::black_box(n);
        }
        let mb_s = text.len() as f64 / best.as_secs_f64() / 1e6;
        println!(
            "{path}: {:.2} ms, {mb_s:.0} MB/s ({runs} runs)",
            best.as_secs_f64() * 1e3
        );
    }
}
