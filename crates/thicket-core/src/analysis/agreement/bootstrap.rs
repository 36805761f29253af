//! Bootstrap confidence intervals for every agreement measure.
//!
//! Method: the units (or, for unitizing, the continua) are resampled with replacement, as many
//! as there are, `draws` times (default 1,000); the measure is recomputed on each draw; the
//! interval is the percentile interval of the draws where the measure is defined (default 95%:
//! the 2.5th and 97.5th percentiles, linearly interpolated between order statistics). How many
//! draws gave a value is reported beside it. The generator is SplitMix64 seeded with `seed`
//! (default `DEFAULT_SEED`), so the same data and options give the same interval on every
//! machine. This is the plain nonparametric bootstrap of Efron (1979), used the same way for
//! every measure; it is not Krippendorff's (2004, §11.4.2) bootstrap of alpha's distribution.

use serde::Serialize;

use super::reliability::Undefined;

/// The default seed: the bytes of "thicket".
pub const DEFAULT_SEED: u64 = 0x0074_6869_636b_6574;

/// How an interval is computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BootstrapOptions {
    /// Resamples; 0 computes no interval.
    pub draws: usize,
    /// Confidence level, e.g. 0.95.
    pub confidence: f64,
    pub seed: u64,
}

impl Default for BootstrapOptions {
    fn default() -> Self {
        BootstrapOptions { draws: 1000, confidence: 0.95, seed: DEFAULT_SEED }
    }
}

/// A bootstrap confidence interval.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub confidence: f64,
    /// Resamples drawn.
    pub draws: usize,
    /// Resamples on which the measure was defined (the interval rests on these).
    pub defined_draws: usize,
    pub seed: u64,
    /// Why there is no interval, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
    /// The same reason as a value, for a window to word in its own language.
    #[serde(skip)]
    pub why: Option<Undefined>,
}

impl Interval {
    /// No interval, with the reason.
    pub fn none(options: &BootstrapOptions, why: Undefined) -> Interval {
        Interval { confidence: options.confidence, draws: 0, seed: options.seed, undefined: Some(why.to_string()), why: Some(why), ..Default::default() }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and good enough to draw unit indices.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (`n > 0`), by Lemire's multiply-shift (bias below 2^-32 for the
    /// sizes met here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// Resamples `units` units `options.draws` times and computes `measures` values per draw with
/// `f`, which gets how many times each unit was drawn. `keep_going(draw)` is asked before each
/// draw (progress and cancel): when it says false, `None` is returned.
pub fn bootstrap(
    units: usize,
    measures: usize,
    options: &BootstrapOptions,
    mut f: impl FnMut(&[u32]) -> Vec<Option<f64>>,
    keep_going: &mut dyn FnMut(usize) -> bool,
) -> Option<Vec<Interval>> {
    if options.draws == 0 {
        return Some(vec![Interval::none(options, Undefined::NoResamples); measures]);
    }
    if units < 2 {
        return Some(vec![Interval::none(options, Undefined::TooFewUnits { units }); measures]);
    }
    let mut rng = SplitMix64::new(options.seed);
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(options.draws); measures];
    let mut mult = vec![0u32; units];
    for draw in 0..options.draws {
        if !keep_going(draw) {
            return None;
        }
        mult.iter_mut().for_each(|m| *m = 0);
        for _ in 0..units {
            mult[rng.below(units)] += 1;
        }
        for (s, v) in samples.iter_mut().zip(f(&mult)) {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                s.push(v);
            }
        }
    }
    Some(samples.into_iter().map(|s| percentile_interval(s, options)).collect())
}

/// The percentile interval of `values` (type 7 quantiles: linear between order statistics).
pub fn percentile_interval(mut values: Vec<f64>, options: &BootstrapOptions) -> Interval {
    values.sort_by(f64::total_cmp);
    let defined = values.len();
    if defined == 0 {
        return Interval::none(options, Undefined::UndefinedOnEveryResample)
            .with_draws(options.draws);
    }
    let tail = (1.0 - options.confidence) / 2.0;
    let q = |p: f64| {
        let h = (defined - 1) as f64 * p;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        values[lo] + (h - lo as f64) * (values[hi] - values[lo])
    };
    Interval {
        low: Some(q(tail)),
        high: Some(q(1.0 - tail)),
        confidence: options.confidence,
        draws: options.draws,
        defined_draws: defined,
        seed: options.seed,
        undefined: None,
        why: None,
    }
}

impl Interval {
    fn with_draws(mut self, draws: usize) -> Interval {
        self.draws = draws;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_interval_and_a_mean_lies_inside_it() {
        let values: Vec<f64> = (0..50).map(|i| (i % 7) as f64).collect();
        let mean = |m: &[u32]| {
            let (s, n) = m.iter().zip(&values).fold((0.0, 0.0), |(s, n), (k, v)| (s + f64::from(*k) * v, n + f64::from(*k)));
            vec![Some(s / n)]
        };
        let opts = BootstrapOptions::default();
        let a = bootstrap(values.len(), 1, &opts, mean, &mut |_| true).unwrap_or_default();
        let b = bootstrap(values.len(), 1, &opts, mean, &mut |_| true).unwrap_or_default();
        assert_eq!(a, b);
        let (lo, hi) = (a[0].low.unwrap_or(f64::NAN), a[0].high.unwrap_or(f64::NAN));
        let m = values.iter().sum::<f64>() / 50.0;
        assert!(lo < m && m < hi, "{lo} {m} {hi}");
        assert_eq!(a[0].defined_draws, 1000);
    }

    #[test]
    fn cancelling_stops_the_draws() {
        let r = bootstrap(10, 1, &BootstrapOptions::default(), |_| vec![Some(1.0)], &mut |d| d < 5);
        assert!(r.is_none());
    }

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        let opts = BootstrapOptions { draws: 5, confidence: 0.5, seed: 1 };
        let i = percentile_interval(vec![4.0, 0.0, 1.0, 3.0, 2.0], &opts);
        assert_eq!((i.low, i.high), (Some(1.0), Some(3.0)));
    }
}
