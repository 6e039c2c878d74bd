//! Administrative area codes (行政区划代码), GB/T 2260.
//!
//! A six-digit code: two digits of province, two of prefecture, two of county.
//! The SDK checks the shape, and names the provinces and the few areas it
//! ships data for; it does not carry the whole GB/T 2260 table, which changes
//! every year. An unknown province prefix is reported as a warning
//! ([`RegionCode::warning`]), not refused: GB 32100 fixes only that positions
//! 3–8 are the registering office's area code, and a code already issued
//! stays valid when the table changes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Province-level prefixes of GB/T 2260, with names, plus `10` for codes
/// registered by central authorities (only area code 100000, e.g.
/// 91100000100003962T).
const PROVINCES: &[(&str, &str, &str)] = &[
    ("10", "中华人民共和国（中央）", "central"),
    ("11", "北京市", "Beijing"),
    ("12", "天津市", "Tianjin"),
    ("13", "河北省", "Hebei"),
    ("14", "山西省", "Shanxi"),
    ("15", "内蒙古自治区", "Inner Mongolia"),
    ("21", "辽宁省", "Liaoning"),
    ("22", "吉林省", "Jilin"),
    ("23", "黑龙江省", "Heilongjiang"),
    ("31", "上海市", "Shanghai"),
    ("32", "江苏省", "Jiangsu"),
    ("33", "浙江省", "Zhejiang"),
    ("34", "安徽省", "Anhui"),
    ("35", "福建省", "Fujian"),
    ("36", "江西省", "Jiangxi"),
    ("37", "山东省", "Shandong"),
    ("41", "河南省", "Henan"),
    ("42", "湖北省", "Hubei"),
    ("43", "湖南省", "Hunan"),
    ("44", "广东省", "Guangdong"),
    ("45", "广西壮族自治区", "Guangxi"),
    ("46", "海南省", "Hainan"),
    ("50", "重庆市", "Chongqing"),
    ("51", "四川省", "Sichuan"),
    ("52", "贵州省", "Guizhou"),
    ("53", "云南省", "Yunnan"),
    ("54", "西藏自治区", "Tibet"),
    ("61", "陕西省", "Shaanxi"),
    ("62", "甘肃省", "Gansu"),
    ("63", "青海省", "Qinghai"),
    ("64", "宁夏回族自治区", "Ningxia"),
    ("65", "新疆维吾尔自治区", "Xinjiang"),
    ("71", "台湾省", "Taiwan"),
    ("81", "香港特别行政区", "Hong Kong"),
    ("82", "澳门特别行政区", "Macao"),
];

/// Areas below province level that the SDK names (the ones its data uses).
const NAMED_AREAS: &[(&str, &str)] =
    &[("370200", "山东省青岛市"), ("370283", "山东省青岛市平度市")];

/// Why six characters are not an area code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegionCodeError {
    /// Not six ASCII digits.
    Shape,
}

impl RegionCodeError {
    /// A one-line explanation for error messages.
    pub fn reason(self) -> &'static str {
        match self {
            RegionCodeError::Shape => "an area code is six digits",
        }
    }
}

impl fmt::Display for RegionCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}

impl std::error::Error for RegionCodeError {}

/// A GB/T 2260 area code (six digits, province prefix checked).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionCode([u8; 6]);

impl RegionCode {
    /// The code of Pingdu (平度市), Qingdao, Shandong: the county this SDK's
    /// municipal plan comes from.
    pub const PINGDU: RegionCode = RegionCode(*b"370283");

    /// Parses six digits.
    ///
    /// # Errors
    /// [`RegionCodeError::Shape`] unless exactly six ASCII digits.
    pub fn parse(s: &str) -> Result<Self, RegionCodeError> {
        let bytes: [u8; 6] = s
            .as_bytes()
            .try_into()
            .map_err(|_| RegionCodeError::Shape)?;
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(RegionCodeError::Shape);
        }
        Ok(RegionCode(bytes))
    }

    /// A warning when the code names no known province (or uses the central
    /// prefix `10` other than as 100000); `None` for a plausible code.
    pub fn warning(&self) -> Option<String> {
        match self.province() {
            Some(_) => None,
            None => Some(format!(
                "area code {} does not start with a GB/T 2260 province code",
                self.as_str()
            )),
        }
    }

    /// The six digits as ASCII bytes, without [`RegionCode::as_str`]'s UTF-8 check.
    pub fn digits(&self) -> &[u8; 6] {
        &self.0
    }

    /// The six digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII digits")
    }

    /// Chinese name of the province (or "中华人民共和国（中央）" for central
    /// registrations, 100000); `None` for an unknown prefix.
    pub fn province_name(&self) -> Option<&'static str> {
        self.province().map(|p| p.1)
    }

    /// English name of the province; `None` for an unknown prefix.
    pub fn province_name_en(&self) -> Option<&'static str> {
        self.province().map(|p| p.2)
    }

    fn province(&self) -> Option<&'static (&'static str, &'static str, &'static str)> {
        if &self.0[..2] == b"10" && &self.0 != b"100000" {
            return None;
        }
        PROVINCES
            .iter()
            .find(|(p, _, _)| p.as_bytes() == &self.0[..2])
    }

    /// Full name when the SDK knows this area (e.g. 370283 → 山东省青岛市平度市),
    /// else the province name for a province-level code, else `None`.
    pub fn name(&self) -> Option<&'static str> {
        if let Some((_, n)) = NAMED_AREAS.iter().find(|(c, _)| c.as_bytes() == self.0) {
            return Some(n);
        }
        if &self.0[2..] == b"0000" {
            self.province_name()
        } else {
            None
        }
    }

    /// Whether `self` lies inside `other` (same code, or `other` is its
    /// prefecture or province).
    pub fn is_within(&self, other: &RegionCode) -> bool {
        let o = &other.0;
        if &o[2..] == b"0000" {
            self.0[..2] == o[..2]
        } else if &o[4..] == b"00" {
            self.0[..4] == o[..4]
        } else {
            self.0 == *o
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegionCode({})", self.as_str())
    }
}

impl Serialize for RegionCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RegionCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        RegionCode::parse(&s).map_err(|e| serde::de::Error::custom(format!("area code {s:?}: {e}")))
    }
}
