//! The agreement measures that compare values only as equal or different: percent agreement,
//! Cohen's kappa, Scott's pi and Fleiss' kappa.
//!
//! In: patterns (a unit's values, one per coder, and a weight), the number of categories.
//! Out: a `Coefficient`. Missing values: percent agreement counts every pair of values coded in
//! the same unit (units with fewer than two values add nothing), like alpha; Cohen's kappa and
//! Scott's pi use the units both coders coded; Fleiss' kappa the units every coder coded
//! (Fleiss 1971 assumes the same number of ratings per subject). docs/agreement.md gives the
//! formulas and references.

use super::reliability::{Coefficient, Pattern, Undefined};

/// Per unit: the number of values of each category, and how many values there are.
fn counts(p: &Pattern, categories: usize, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    buf.resize(categories, 0.0);
    let mut m = 0.0;
    for v in p.values.iter().flatten() {
        if let Some(slot) = buf.get_mut(*v as usize) {
            *slot += 1.0;
            m += 1.0;
        }
    }
    m
}

/// Percent agreement: of all pairs of values two coders gave the same unit, the share that are
/// equal. With two coders and no missing values this is the share of units they agree on.
pub fn percent_agreement(patterns: &[Pattern], categories: usize) -> Coefficient {
    let (mut agree, mut pairs) = (0.0, 0.0);
    let mut buf = Vec::new();
    for p in patterns {
        let m = counts(p, categories, &mut buf);
        if m < 2.0 {
            continue;
        }
        agree += p.weight * buf.iter().map(|n| n * (n - 1.0) / 2.0).sum::<f64>();
        pairs += p.weight * m * (m - 1.0) / 2.0;
    }
    if pairs == 0.0 {
        return Coefficient::undefined(Undefined::NoUnitFromTwoCoders);
    }
    Coefficient { value: Some(agree / pairs), observed_agreement: Some(agree / pairs), n: pairs, ..Default::default() }
}

/// The units both of two coders coded: observed agreement and each coder's marginal shares.
fn two_coder_tables(patterns: &[Pattern], categories: usize) -> Option<(f64, Vec<f64>, Vec<f64>, f64)> {
    let (mut n, mut agree) = (0.0, 0.0);
    let (mut a, mut b) = (vec![0.0; categories], vec![0.0; categories]);
    for p in patterns {
        let (Some(Some(x)), Some(Some(y))) = (p.values.first(), p.values.get(1)) else { continue };
        n += p.weight;
        if x == y {
            agree += p.weight;
        }
        a[*x as usize] += p.weight;
        b[*y as usize] += p.weight;
    }
    (n > 0.0).then_some((agree / n, a.iter().map(|v| v / n).collect(), b.iter().map(|v| v / n).collect(), n))
}

fn needs_two(coders: usize, name: &str) -> Option<Coefficient> {
    (coders != 2).then(|| Coefficient::undefined(Undefined::NotTwoCoders { measure: name.to_string(), coders }))
}

/// Cohen's kappa (Cohen 1960): two coders, chance from each coder's own distribution of values.
pub fn cohen_kappa(patterns: &[Pattern], coders: usize, categories: usize) -> Coefficient {
    if let Some(c) = needs_two(coders, "Cohen's kappa") {
        return c;
    }
    let Some((p_o, a, b, n)) = two_coder_tables(patterns, categories) else {
        return Coefficient::undefined(Undefined::NoUnitByBoth);
    };
    let p_e = a.iter().zip(&b).map(|(x, y)| x * y).sum();
    Coefficient::kappa(p_o, p_e, n, "Cohen's kappa")
}

/// Scott's pi (Scott 1955): two coders, chance from the pooled distribution of both coders' values.
pub fn scott_pi(patterns: &[Pattern], coders: usize, categories: usize) -> Coefficient {
    if let Some(c) = needs_two(coders, "Scott's pi") {
        return c;
    }
    let Some((p_o, a, b, n)) = two_coder_tables(patterns, categories) else {
        return Coefficient::undefined(Undefined::NoUnitByBoth);
    };
    let p_e = a.iter().zip(&b).map(|(x, y)| ((x + y) / 2.0).powi(2)).sum();
    Coefficient::kappa(p_o, p_e, n, "Scott's pi")
}

/// Fleiss' kappa (Fleiss 1971): any number of coders, over the units every coder coded.
/// P_i = (sum_j n_ij^2 - m) / (m (m - 1)); p_j = sum_i n_ij / (N m); kappa = (P - P_e) / (1 - P_e).
pub fn fleiss_kappa(patterns: &[Pattern], coders: usize, categories: usize) -> Coefficient {
    if coders < 2 {
        return Coefficient::undefined(Undefined::FleissNeedsTwoCoders);
    }
    let m = coders as f64;
    let (mut n, mut p_sum) = (0.0, 0.0);
    let mut totals = vec![0.0; categories];
    let mut buf = Vec::new();
    for p in patterns {
        if p.values.iter().any(Option::is_none) {
            continue;
        }
        counts(p, categories, &mut buf);
        n += p.weight;
        p_sum += p.weight * (buf.iter().map(|x| x * x).sum::<f64>() - m) / (m * (m - 1.0));
        for (t, x) in totals.iter_mut().zip(&buf) {
            *t += p.weight * x;
        }
    }
    if n == 0.0 {
        return Coefficient::undefined(Undefined::NoUnitByEvery);
    }
    let p_e = totals.iter().map(|t| (t / (n * m)).powi(2)).sum();
    Coefficient::kappa(p_sum / n, p_e, n, "Fleiss' kappa")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two(a: &[u32], b: &[u32]) -> Vec<Pattern> {
        a.iter().zip(b).map(|(x, y)| Pattern { values: vec![Some(*x), Some(*y)], weight: 1.0 }).collect()
    }

    fn close(c: &Coefficient, want: f64, tol: f64) {
        let v = c.value.unwrap_or(f64::NAN);
        assert!((v - want).abs() <= tol, "got {v}, want {want} ({c:?})");
    }

    /// Wikipedia, "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes B no 5,
    /// A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    #[test]
    fn cohen_kappa_reproduces_the_wikipedia_worked_example() {
        let mut p = vec![Pattern { values: vec![Some(1), Some(1)], weight: 20.0 }];
        p.push(Pattern { values: vec![Some(1), Some(0)], weight: 5.0 });
        p.push(Pattern { values: vec![Some(0), Some(1)], weight: 10.0 });
        p.push(Pattern { values: vec![Some(0), Some(0)], weight: 15.0 });
        let k = cohen_kappa(&p, 2, 2);
        close(&k, 0.4, 1e-12);
        assert_eq!(k.observed_agreement, Some(0.7));
        assert!((k.expected_agreement.unwrap_or(0.0) - 0.5).abs() < 1e-12);
        close(&percent_agreement(&p, 2), 0.7, 1e-12);
    }

    /// Krippendorff 2011, example A (binary, two coders, ten units): the percent agreement is
    /// 0.6; Scott's pi = (0.6 - 0.58) / 0.42 = 0.0476 and Cohen's kappa = (0.6 - 0.56) / 0.44 =
    /// 0.0909, the values the paper's discussion of pi and kappa implies (p. 2-3).
    #[test]
    fn pi_and_kappa_on_krippendorff_2011_example_a() {
        let p = two(&[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], &[1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);
        close(&percent_agreement(&p, 2), 0.6, 1e-12);
        close(&scott_pi(&p, 2, 2), 0.02 / 0.42, 1e-12);
        close(&cohen_kappa(&p, 2, 2), 0.04 / 0.44, 1e-12);
        // Fleiss' kappa with two coders is Scott's pi.
        close(&fleiss_kappa(&p, 2, 2), 0.02 / 0.42, 1e-12);
    }

    /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
    /// P = 0.378, P_e = 0.213, kappa = 0.210.
    #[test]
    fn fleiss_kappa_reproduces_the_wikipedia_worked_example() {
        let table: [[u32; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let patterns: Vec<Pattern> = table
            .iter()
            .map(|row| {
                let values = row.iter().enumerate().flat_map(|(c, n)| std::iter::repeat_n(Some(c as u32), *n as usize)).collect();
                Pattern { values, weight: 1.0 }
            })
            .collect();
        let k = fleiss_kappa(&patterns, 14, 5);
        close(&k, 0.210, 0.0005);
        assert!((k.observed_agreement.unwrap_or(0.0) - 0.378).abs() < 0.0005);
        assert!((k.expected_agreement.unwrap_or(0.0) - 0.213).abs() < 0.0005);
    }

    #[test]
    fn kappa_and_pi_are_undefined_not_one_when_a_single_value_is_used() {
        let p = two(&[1, 1, 1], &[1, 1, 1]);
        for c in [cohen_kappa(&p, 2, 2), scott_pi(&p, 2, 2), fleiss_kappa(&p, 2, 2)] {
            assert_eq!(c.value, None);
            assert!(c.undefined.as_deref().unwrap_or("").contains("only one value"), "{c:?}");
        }
        close(&percent_agreement(&p, 2), 1.0, 0.0);
    }

    #[test]
    fn two_coder_measures_refuse_three_coders_with_a_reason() {
        let p = vec![Pattern { values: vec![Some(0), Some(1), Some(1)], weight: 1.0 }];
        assert!(cohen_kappa(&p, 3, 2).undefined.as_deref().unwrap_or("").contains("exactly two"));
        assert!(scott_pi(&p, 3, 2).undefined.is_some());
    }

    #[test]
    fn units_with_a_missing_value_are_left_out_of_kappa_and_fleiss() {
        let mut p = two(&[0, 1, 0, 1], &[0, 1, 1, 1]);
        p.push(Pattern { values: vec![Some(0), None], weight: 1.0 });
        let k = cohen_kappa(&p, 2, 2);
        assert_eq!(k.n, 4.0);
        assert_eq!(fleiss_kappa(&p, 2, 2).n, 4.0);
        assert_eq!(percent_agreement(&p, 2).n, 4.0);
    }
}
