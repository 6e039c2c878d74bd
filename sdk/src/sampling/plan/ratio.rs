//! Exact ratios for plan strata and rules.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::sampling::SamplingError;

/// A proportion between 0 and 1 held exactly in parts per million, so that
/// take sizes are computed in integers and the plan's digest has no floating
/// point in it. Written as a decimal string (`"0.05"`); read from a string or
/// a JSON number with at most six decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ratio(pub(super) u32);

impl Ratio {
    /// One million parts: the whole.
    pub const ONE: Ratio = Ratio(1_000_000);

    /// The ratio of `ppm` parts per million.
    ///
    /// # Errors
    /// [`SamplingError::InvalidPlan`] when `ppm` exceeds one million.
    pub fn from_ppm(ppm: u32) -> Result<Self, SamplingError> {
        if ppm > 1_000_000 {
            return Err(SamplingError::plan(
                "ratio",
                format!("{ppm} ppm is more than 1"),
            ));
        }
        Ok(Ratio(ppm))
    }

    /// Parts per million.
    pub fn ppm(self) -> u32 {
        self.0
    }

    /// ⌈n × ratio⌉, exactly.
    pub fn ceil_of(self, n: u64) -> u64 {
        (u128::from(n) * u128::from(self.0)).div_ceil(1_000_000) as u64
    }

    fn parse(text: &str) -> Result<Self, String> {
        let (int, frac) = match text.split_once('.') {
            Some((i, "")) => (i, "x"), // "1." is refused
            Some(parts) => parts,
            None => (text, ""),
        };
        let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits_ok(int) || !digits_ok(frac) || frac.len() > 6 {
            return Err(format!(
                "{text:?} is not a decimal between 0 and 1 with at most six decimals"
            ));
        }
        let whole: u64 = int.parse().map_err(|_| format!("{text:?} is too large"))?;
        let frac_ppm: u64 = format!("{frac:0<6}").parse().unwrap_or(0);
        let ppm = whole.saturating_mul(1_000_000).saturating_add(frac_ppm);
        if ppm > 1_000_000 {
            return Err(format!("{text:?} is outside 0–1"));
        }
        Ok(Ratio(ppm as u32))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, r) = (self.0 / 1_000_000, self.0 % 1_000_000);
        if r == 0 {
            return write!(f, "{w}");
        }
        let frac = format!("{r:06}");
        write!(f, "{w}.{}", frac.trim_end_matches('0'))
    }
}

impl std::str::FromStr for Ratio {
    type Err = SamplingError;
    fn from_str(s: &str) -> Result<Self, SamplingError> {
        Ratio::parse(s).map_err(|p| SamplingError::plan("ratio", p))
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(
            untagged,
            expecting = "a ratio: a decimal text such as \"0.05\", or a number"
        )]
        enum Raw {
            Text(String),
            Number(serde_json::Number),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(t) => t,
            // The number's shortest round-trip decimal in plain notation
            // (Rust's `Display` for f64 never uses an exponent): 1e-6 is
            // "0.000001", as docs/draw-algorithm.md Appendix C says.
            Raw::Number(n) => match (n.as_u64(), n.as_f64()) {
                (Some(u), _) => u.to_string(),
                (None, Some(f)) => f.to_string(),
                (None, None) => n.to_string(),
            },
        };
        Ratio::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_exact() {
        let r: Ratio = "0.05".parse().unwrap();
        assert_eq!(r.ppm(), 50_000);
        assert_eq!(r.to_string(), "0.05");
        assert_eq!(Ratio::ONE.to_string(), "1");
        assert_eq!(r.ceil_of(20), 1);
        assert_eq!(r.ceil_of(21), 2);
        // 企业公示信息抽查办法 Art. 4: at least 3% of 1,001 enterprises is 31.
        assert_eq!(Ratio(30_000).ceil_of(1_001), 31);
        assert_eq!(Ratio(30_000).ceil_of(1_000), 30);
        let n: Ratio = serde_json::from_str("0.1").unwrap();
        assert_eq!(n.ppm(), 100_000);
        for bad in ["1.5", "-0.1", "0.0000001", "x", ".5", "2"] {
            assert!(bad.parse::<Ratio>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Ratio>("1.01").is_err());
    }
}
