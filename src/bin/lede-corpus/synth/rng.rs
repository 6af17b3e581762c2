//! Deterministic randomness: a seeded generator and Zipf weights, so a seed gives the same corpus on every machine.

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
