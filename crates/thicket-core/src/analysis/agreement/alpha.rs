//! Krippendorff's alpha through the coincidence matrix, as Krippendorff (2011, "Computing
//! Krippendorff's alpha-reliability") computes it: any number of coders, missing values, and
//! the nominal, ordinal, interval and ratio difference functions.
//!
//! In: patterns (a unit's values per coder, `None` = missing, and a weight), the categories'
//! numeric values for interval and ratio. Out: a `Coefficient` with alpha and, beside it, the
//! observed and expected disagreements.
//!
//! Missing values: a unit with `m_u` values adds `1 / (m_u - 1)` for each ordered pair of its
//! values to the coincidence matrix, so a unit with fewer than two values (unpairable) adds
//! nothing at all, exactly as the paper defines.

use super::reliability::{Coefficient, Level, Pattern, Undefined};

/// The coincidence matrix `o[c][k]` (row-major, `categories × categories`).
pub fn coincidences(patterns: &[Pattern], categories: usize) -> Vec<f64> {
    let mut o = vec![0.0; categories * categories];
    let mut n_u = vec![0.0; categories];
    for p in patterns {
        n_u.iter_mut().for_each(|x| *x = 0.0);
        let mut m = 0.0;
        for v in p.values.iter().flatten() {
            if let Some(slot) = n_u.get_mut(*v as usize) {
                *slot += 1.0;
                m += 1.0;
            }
        }
        if m < 2.0 {
            continue;
        }
        let w = p.weight / (m - 1.0);
        for c in 0..categories {
            if n_u[c] == 0.0 {
                continue;
            }
            for k in 0..categories {
                let pairs = if c == k { n_u[c] * (n_u[c] - 1.0) } else { n_u[c] * n_u[k] };
                o[c * categories + k] += w * pairs;
            }
        }
    }
    o
}

/// The squared difference `delta^2(c, k)` of the level, given the values' marginal totals
/// `n_c` (ordinal) and numeric values (interval, ratio). Categories are in rank order.
pub(super) fn delta2(level: Level, c: usize, k: usize, totals: &[f64], numeric: Option<&[f64]>) -> f64 {
    if c == k {
        return 0.0;
    }
    match level {
        Level::Nominal => 1.0,
        Level::Ordinal => {
            let (lo, hi) = (c.min(k), c.max(k));
            let between: f64 = totals[lo..=hi].iter().sum();
            (between - (totals[lo] + totals[hi]) / 2.0).powi(2)
        }
        Level::Interval | Level::Ratio => {
            let value = |i: usize| numeric.and_then(|v| v.get(i).copied()).unwrap_or(i as f64);
            let (a, b) = (value(c), value(k));
            if level == Level::Interval {
                (a - b).powi(2)
            } else if a + b == 0.0 {
                0.0
            } else {
                ((a - b) / (a + b)).powi(2)
            }
        }
    }
}

/// Krippendorff's alpha at `level`: `1 - D_o / D_e` with
/// `D_o = (1/n) sum_c sum_k o_ck delta^2_ck` and `D_e = 1/(n(n-1)) sum_c sum_k n_c n_k delta^2_ck`.
/// Interval and ratio read `numeric` (the categories' values; their indices when absent).
pub fn krippendorff_alpha(patterns: &[Pattern], categories: usize, level: Level, numeric: Option<&[f64]>) -> Coefficient {
    alpha_from_coincidences(&coincidences(patterns, categories), categories, level, numeric)
}

/// Alpha from a coincidence matrix (see `coincidences`).
pub fn alpha_from_coincidences(o: &[f64], categories: usize, level: Level, numeric: Option<&[f64]>) -> Coefficient {
    let totals: Vec<f64> = (0..categories).map(|c| o[c * categories..(c + 1) * categories].iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    if n < 2.0 - 1e-9 {
        return Coefficient::undefined(Undefined::NoPairableValues);
    }
    let (mut d_o, mut d_e) = (0.0, 0.0);
    for c in 0..categories {
        for k in 0..categories {
            if c == k {
                continue;
            }
            let d = delta2(level, c, k, &totals, numeric);
            d_o += o[c * categories + k] * d;
            d_e += totals[c] * totals[k] * d;
        }
    }
    Coefficient::alpha(d_o / n, d_e / (n * (n - 1.0)), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reliability data as Krippendorff prints it: one row per coder, `0` = missing.
    fn data(rows: &[&[u32]]) -> Vec<Pattern> {
        let units = rows[0].len();
        (0..units).map(|u| Pattern { values: rows.iter().map(|r| (r[u] != 0).then(|| r[u] - 1)).collect(), weight: 1.0 }).collect()
    }

    fn alpha(p: &[Pattern], cats: usize, level: Level) -> Coefficient {
        let numeric: Vec<f64> = (1..=cats).map(|v| v as f64).collect();
        krippendorff_alpha(p, cats, level, Some(&numeric))
    }

    /// Krippendorff 2011, §A, binary data, two observers, no missing data:
    /// alpha = 1 - (20 - 1) 4 / (14 * 6) = 0.095.
    #[test]
    fn example_a_binary_two_coders_alpha_is_0_095() {
        // Values 0/1 written as 1/2 (0 means missing in `data`).
        let p = data(&[&[1, 2, 1, 1, 1, 1, 1, 1, 2, 1], &[2, 2, 2, 1, 1, 2, 1, 1, 1, 1]]);
        let a = alpha(&p, 2, Level::Nominal);
        assert!((a.value.unwrap_or(0.0) - (1.0 - 19.0 * 4.0 / 84.0)).abs() < 1e-12);
        assert_eq!(format!("{:.3}", a.value.unwrap_or(0.0)), "0.095");
        assert_eq!(a.n, 20.0);
        assert!((a.observed_disagreement.unwrap_or(0.0) - 8.0 / 20.0).abs() < 1e-12);
        assert!((a.expected_disagreement.unwrap_or(0.0) - 168.0 / 380.0).abs() < 1e-12);
    }

    /// Krippendorff 2011, §B, nominal data, two observers, no missing data (12 units, values
    /// a..e): alpha = 0.692.
    #[test]
    fn example_b_nominal_two_coders_alpha_is_0_692() {
        // a=1, b=2, c=3, d=4, e=5
        let p = data(&[&[1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1], &[2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4]]);
        let a = alpha(&p, 5, Level::Nominal);
        assert_eq!(format!("{:.3}", a.value.unwrap_or(0.0)), "0.692");
    }

    /// Krippendorff 2011, §C, four observers, 12 units, missing values: nominal 0.743,
    /// ordinal 0.815, interval 0.849, ratio 0.797. Unit 12 has a single value and is unpairable;
    /// n = 40 pairable values.
    #[test]
    fn example_c_four_coders_with_missing_values_at_all_four_levels() {
        let p = data(&[
            &[1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            &[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            &[0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            &[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ]);
        let want = [(Level::Nominal, "0.743"), (Level::Ordinal, "0.815"), (Level::Interval, "0.849"), (Level::Ratio, "0.797")];
        for (level, value) in want {
            let a = alpha(&p, 5, level);
            assert_eq!(format!("{:.3}", a.value.unwrap_or(0.0)), value, "{level:?}");
            assert_eq!(a.n, 40.0);
        }
    }

    #[test]
    fn a_single_value_everywhere_gives_no_alpha_and_says_why() {
        let p = data(&[&[1, 1, 1], &[1, 1, 1]]);
        let a = alpha(&p, 1, Level::Nominal);
        assert_eq!(a.value, None);
        assert!(a.undefined.as_deref().unwrap_or("").contains("expected disagreement is 0"));
        assert_eq!(a.expected_disagreement, Some(0.0));
    }

    #[test]
    fn units_with_one_value_contribute_nothing() {
        let base = data(&[&[1, 2, 1, 2], &[1, 2, 2, 2]]);
        let mut with_lonely = base.clone();
        with_lonely.push(Pattern { values: vec![Some(0), None], weight: 1.0 });
        with_lonely.push(Pattern { values: vec![None, None], weight: 3.0 });
        assert_eq!(alpha(&base, 2, Level::Nominal), alpha(&with_lonely, 2, Level::Nominal));
        assert!(alpha(&data(&[&[1, 0], &[0, 2]]), 2, Level::Nominal).undefined.is_some());
    }
}
