//! Credit-risk classification schemes (企业信用风险分类): the ordered list of
//! classes an entity can be put in.

use serde::{Deserialize, Serialize};

use super::CreditError;

/// One credit-risk class of a scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditClass {
    /// Short code as published, e.g. "A".
    pub code: String,
    /// Chinese label.
    pub name_zh: String,
    /// English label.
    pub name_en: String,
}

/// An ordered list of credit-risk classes, lowest risk first.
///
/// The class list is data, not code: nationally four classes A–D
/// (国市监信发〔2022〕6号), in Shandong's 2020 scheme five classes A–E
/// (RULES.md §0a), and a province may load its own.
///
/// Deserialising goes through [`CreditScheme::new`], so a scheme read from a
/// file is validated like one built in code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawScheme")]
pub struct CreditScheme {
    /// Name of the scheme and the document that set it.
    pub name: String,
    classes: Vec<CreditClass>,
}

/// The serialised form of a [`CreditScheme`], validated on the way in.
#[derive(Deserialize)]
struct RawScheme {
    name: String,
    classes: Vec<CreditClass>,
}

impl TryFrom<RawScheme> for CreditScheme {
    type Error = CreditError;
    fn try_from(raw: RawScheme) -> Result<Self, CreditError> {
        CreditScheme::new(raw.name, raw.classes)
    }
}

impl CreditScheme {
    /// The national scheme of 国市监信发〔2022〕6号 (市场监管总局关于推进企业信用风险
    /// 分类管理进一步提升监管效能的意见): A 信用风险低, B 信用风险一般,
    /// C 信用风险较高, D 信用风险高 (RULES.md §2, CORROBORATED).
    pub fn national_2022() -> Self {
        let c = |code: &str, zh: &str, en: &str| CreditClass {
            code: code.into(),
            name_zh: zh.into(),
            name_en: en.into(),
        };
        CreditScheme {
            name: "国市监信发〔2022〕6号 企业信用风险分类 (A–D)".into(),
            classes: vec![
                c("A", "信用风险低", "low credit risk"),
                c("B", "信用风险一般", "ordinary credit risk"),
                c("C", "信用风险较高", "higher credit risk"),
                c("D", "信用风险高", "high credit risk"),
            ],
        }
    }

    /// Shandong's 2020 five-class scheme (《山东省市场监管系统企业信用风险分类监督
    /// 管理办法》, RULES.md §0a, CORROBORATED for five classes A–E). The labels
    /// of the individual classes are UNCONFIRMED, so only the letters are used.
    pub fn shandong_2020() -> Self {
        let classes = ["A", "B", "C", "D", "E"]
            .iter()
            .enumerate()
            .map(|(i, code)| CreditClass {
                code: (*code).into(),
                name_zh: format!("{code}类"),
                name_en: format!("class {code} (risk rank {} of 5)", i + 1),
            })
            .collect();
        CreditScheme {
            name: "山东省市场监管系统企业信用风险分类监督管理办法 (2020, A–E)".into(),
            classes,
        }
    }

    /// A scheme from a caller's own class list, lowest risk first.
    ///
    /// # Errors
    /// [`CreditError::InvalidScheme`] when the list is empty, a code is blank,
    /// or a code appears twice.
    pub fn new(name: impl Into<String>, classes: Vec<CreditClass>) -> Result<Self, CreditError> {
        let name = name.into();
        let invalid = |problem: String| {
            Err(CreditError::InvalidScheme {
                scheme: name.clone(),
                problem,
            })
        };
        if classes.is_empty() {
            return invalid("has no classes".into());
        }
        for (i, c) in classes.iter().enumerate() {
            if c.code.trim().is_empty() {
                return invalid(format!("class #{} has a blank code", i + 1));
            }
            if classes[..i].iter().any(|p| p.code == c.code) {
                return invalid(format!("class code {:?} appears twice", c.code));
            }
        }
        Ok(CreditScheme { name, classes })
    }

    /// The classes, lowest risk first.
    pub fn classes(&self) -> &[CreditClass] {
        &self.classes
    }

    /// Risk rank of `code` (0 = lowest risk), or `None` if the scheme has no such class.
    pub fn rank(&self, code: &str) -> Option<usize> {
        self.classes.iter().position(|c| c.code == code)
    }

    /// The class with `code`.
    ///
    /// # Errors
    /// [`CreditError::UnknownClass`] naming the scheme's classes.
    pub fn class(&self, code: &str) -> Result<&CreditClass, CreditError> {
        self.classes
            .iter()
            .find(|c| c.code == code)
            .ok_or_else(|| CreditError::UnknownClass {
                class: code.to_owned(),
                scheme: self.name.clone(),
                allowed: self.classes.iter().map(|c| c.code.clone()).collect(),
            })
    }
}
