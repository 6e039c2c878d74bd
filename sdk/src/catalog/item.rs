//! Supervision items (监管事项) and their legal bases.

use serde::{Deserialize, Serialize};

use super::DepartmentId;
use crate::entity::{Domain, Industry};

/// How approval and supervision of an item are divided, Pingdu plan §(一)
/// (明确监管职责).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApprovalMode {
    /// 审管一体: the approving department also supervises — "对审管一体事项，
    /// 审批部门履行事中事后监管主体责任".
    Integrated,
    /// 审管分离: the approving department answers for the approval act,
    /// process and result and disposes of approvals obtained by false or broken
    /// commitments (it may ask the competent department to assist, 协查); the
    /// competent department supervises afterwards (后续监管).
    Separated,
    /// 取消审批: the approval was cancelled; the competent department supervises
    /// per the 证照分离 reform.
    Cancelled,
    /// 审批改为备案: the approval became a filing; the competent department
    /// supervises per the 证照分离 reform.
    ChangedToFiling,
    /// 告知承诺: approval on the applicant's notification and commitment. The
    /// competent department verifies the commitment and supervises; a false or
    /// broken commitment goes back to the approving department for disposal
    /// and into the credit record (Pingdu plan §(一), §(五) 信用承诺).
    NotificationCommitment,
    /// No approval involved (a pure inspection item), or none issued at this
    /// level of government.
    NotApplicable,
}

/// The category of a random-inspection item (随机抽查事项) in the item list
/// (抽查事项清单).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InspectionCategory {
    /// 一般检查事项: general item; sampling ratio strictly limited.
    General,
    /// 重点检查事项: key item (safety, quality, public interest); no cap on
    /// the ratio.
    Key,
    /// No list seen confirms the category.
    Unknown,
}

/// How sure the source list is about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Certainty {
    /// Seen in an official list with its details.
    High,
    /// Seen, but some details inferred.
    Medium,
    /// Inferred or reconstructed from a weak source.
    Low,
}

/// Where an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemOrigin {
    /// Seen in a published random-inspection or responsibility list.
    InspectionList,
    /// Built from a statute's text; no list row was seen.
    StatuteDerived,
    /// Added by the host system.
    Host,
}

/// One legal basis of an item: a regulation, optionally its order number and
/// article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Title of the law, regulation or rule, e.g. `食品生产经营监督检查管理办法`.
    pub regulation: String,
    /// Order or decree number, e.g. `市场监管总局令第49号`, `国务院令第493号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Version or revision the article numbers refer to, e.g. `2021`, `2014修正`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Article(s) as written in Chinese, e.g. `第三十八条`; must start with
    /// `第` and name a `条`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Whether the source list itself cited this basis (otherwise the pairing
    /// of item and basis was made afterwards).
    pub cited_by_list: bool,
    /// Whether the article's text was checked against the regulation.
    #[serde(default)]
    pub text_checked: bool,
    /// Where the text was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ref: Option<String>,
    /// What the article says about the item, or caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Citation {
    /// A problem with the citation's form, if any: an empty regulation, an
    /// empty number, or an article that does not read `第…条`.
    pub fn problem(&self) -> Option<String> {
        if self.regulation.trim().is_empty() {
            return Some("regulation is empty".into());
        }
        if self.number.as_ref().is_some_and(|n| n.trim().is_empty()) {
            return Some("number is empty (omit it instead)".into());
        }
        if let Some(a) = &self.article
            && (!a.starts_with('第') || !a.contains('条'))
        {
            return Some(format!("article {a:?} does not read 第…条"));
        }
        None
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "《{}》", self.regulation)?;
        if let Some(n) = &self.number {
            write!(f, "（{n}）")?;
        }
        if let Some(a) = &self.article {
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

/// A supervision item (监管事项): one thing a department checks, on whom, on
/// what legal basis, and how approval and supervision are divided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionItem {
    /// Unique code, e.g. `G-01`.
    pub code: String,
    /// Chinese name as printed.
    pub name: String,
    /// The parent item (权责清单事项) this one belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Sub-items as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<String>,
    /// The supervising (competent) department (主管部门).
    pub department: DepartmentId,
    /// The authority column as printed in the source list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_as_printed: Option<String>,
    /// The business line the item applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Industry>,
    /// The plugin domain, for items that belong to a domain but to none of its
    /// [`Industry`] lines; when `industry` is set it must agree with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    /// The field (领域) as printed in the source list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_as_printed: Option<String>,
    /// Who is inspected (检查对象).
    pub target: String,
    /// Legal bases (检查依据); may be empty where the list showed none.
    #[serde(default)]
    pub legal_basis: Vec<Citation>,
    /// How approval and supervision are divided.
    pub approval_mode: ApprovalMode,
    /// The department that approves, when `approval_mode` involves one
    /// (required for separated and notification-commitment items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approving_department: Option<DepartmentId>,
    /// `Some` for a random-inspection item (随机抽查事项), with its category;
    /// `None` for an item that is not drawn at random.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub random_inspection: Option<InspectionCategory>,
    /// How the category was established, as the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_basis: Option<String>,
    /// Whether the item falls in a field of the key-supervision list
    /// (重点监管清单, Pingdu plan §(八)).
    #[serde(default)]
    pub key_supervision: bool,
    /// Inspection method (检查方式) as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_method: Option<String>,
    /// Sampling ratio and frequency as printed; informational, not used to draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_ratio: Option<String>,
    /// Whether a joint (multi-department) list carries the item.
    #[serde(default)]
    pub joint: bool,
    /// Where the item comes from.
    pub origin: ItemOrigin,
    /// The list the item was seen in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_seen: Option<String>,
    /// Source URL.
    pub source: String,
    /// Further source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sources: Vec<String>,
    /// How sure the source is.
    pub certainty: Certainty,
    /// Caveats and mapping decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl SupervisionItem {
    /// The plugin domain: `domain`, or the industry's domain.
    pub fn effective_domain(&self) -> Option<Domain> {
        self.domain.or(self.industry.map(Industry::domain))
    }

    /// Whether the item is tied to no supervised business line (registration,
    /// publicity, general work safety, standards, metrology): the target
    /// description says whom it covers.
    pub fn is_general(&self) -> bool {
        self.industry.is_none() && self.domain.is_none()
    }
}
