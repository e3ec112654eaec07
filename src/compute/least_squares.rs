//! The residual sum of squares of an OLS regression, by Householder QR
//! (stable where the normal equations lose digits: Granger's restricted and
//! unrestricted RSS differ by little, and F is their difference).

/// A column whose remaining norm falls below this share of its own norm is
/// a combination of the others.
const COLLINEAR: f64 = 1e-10;

/// `min_b |y − X b|²` for the columns of `X` (each as long as `y`); `None`
/// when there are no more rows than columns or the columns are collinear.
pub fn residual_sum_of_squares(columns: &[Vec<f64>], y: &[f64]) -> Option<f64> {
    let (n, k) = (y.len(), columns.len());
    if n <= k || columns.iter().any(|c| c.len() != n) {
        return None;
    }
    // Column-major copy, reduced in place.
    let mut a: Vec<Vec<f64>> = columns.to_vec();
    let mut y = y.to_vec();
    for j in 0..k {
        let own = a[j].iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = a[j][j..].iter().map(|v| v * v).sum::<f64>().sqrt();
        if norm.is_nan() || norm <= COLLINEAR * own {
            return None;
        }
        let alpha = if a[j][j] > 0.0 { -norm } else { norm };
        let mut v: Vec<f64> = a[j][j..].to_vec();
        v[0] -= alpha;
        let vv: f64 = v.iter().map(|x| x * x).sum();
        let reflect = |col: &mut [f64]| {
            let s: f64 = v.iter().zip(col.iter()).map(|(a, b)| a * b).sum();
            let f = 2.0 * s / vv;
            for (c, vi) in col.iter_mut().zip(&v) {
                *c -= f * vi;
            }
        };
        for col in a.iter_mut().skip(j) {
            reflect(&mut col[j..]);
        }
        reflect(&mut y[j..]);
    }
    let rss: f64 = y[k..].iter().map(|v| v * v).sum();
    rss.is_finite().then_some(rss)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        // y = 1, 2, 2, 4 on (1, x) with x = 0, 1, 2, 3: slope = sxy/sxx =
        // (−1.5·−1.25 + −0.5·−0.25 + 0.5·−0.25 + 1.5·1.75)/5 = 4.5/5 = 0.9,
        // intercept 2.25 − 0.9·1.5 = 0.9; fitted 0.9, 1.8, 2.7, 3.6;
        // residuals 0.1, 0.2, −0.7, 0.4; RSS = 0.01 + 0.04 + 0.49 + 0.16 = 0.7.
        let ones = vec![1.0; 4];
        let x = vec![0.0, 1.0, 2.0, 3.0];
        let rss = residual_sum_of_squares(&[ones.clone(), x.clone()], &[1.0, 2.0, 2.0, 4.0]);
        assert!((rss.unwrap() - 0.7).abs() < 1e-12);
        // On the constant alone: RSS = Σ(y − 2.25)² = 1.5625 + 0.0625 · 2 + 3.0625 = 4.75.
        let rss = residual_sum_of_squares(std::slice::from_ref(&ones), &[1.0, 2.0, 2.0, 4.0]);
        assert!((rss.unwrap() - 4.75).abs() < 1e-12);
        // Collinear columns and too few rows: n/a.
        let twice: Vec<f64> = x.iter().map(|v| 2.0 * v).collect();
        assert_eq!(
            residual_sum_of_squares(&[x.clone(), twice], &[1.0, 2.0, 2.0, 4.0]),
            None
        );
        assert_eq!(residual_sum_of_squares(&[ones, x], &[1.0, 2.0]), None);
    }
}
