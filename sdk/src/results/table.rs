//! The outcome code table: which result codes an inspection may record, how
//! each is printed, and which legal follow-ups each one sets off.

use serde::{Deserialize, Serialize};

use super::ResultsError;
use crate::entity::EntityStatus;

/// Why an entity goes on the abnormal-operations list (经营异常名录,
/// [`crate::credit::CreditList::AbnormalOperations`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ListingGround {
    /// 通过登记的住所或者经营场所无法联系: the entity cannot be reached at its
    /// registered address or business premises (企业经营异常名录管理暂行办法,
    /// 工商总局令第68号, Art. 4 (四); RULES.md §3.6 item 4, CORROBORATED).
    /// This is not 企业信息公示暂行条例 Art. 17 (一), which covers late annual
    /// reports and information not published by an ordered deadline. The
    /// article number is that of the 2014 Order as secondary copies print
    /// it; the Order was revised in 2025 (SAMR Order 101, now 企业经营异常名录
    /// 管理办法), whose numbering is not checked here.
    UnreachableAtRegisteredAddress,
    /// 公示信息隐瞒真实情况、弄虚作假: the published information conceals the
    /// truth or is falsified (企业信息公示暂行条例 Art. 17 para 1 (二), SOLID).
    FalsifiedPublicity,
}

/// The kind of department a case is transferred to (案件移转), as the result
/// labels name it ("违反公安部门相关规定" and so on).
///
/// The labels date from before the 2018 merger of food and drug and quality
/// and technical supervision into market regulation; in an integrated
/// 市场监管 bureau such a transfer may go to an internal division. The kind is
/// kept as the label prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DepartmentKind {
    /// 公安部门: public security.
    PublicSecurity,
    /// 食品药品监督管理部门: food and drug administration.
    FoodAndDrug,
    /// 质量技术监督部门: quality and technical supervision.
    QualityAndTechnicalSupervision,
    /// 其他部门: another department, to be named by the host.
    Other,
}

/// A registration-status outcome (注销 / 吊销 / 撤销 / 迁出): what the
/// inspection found the entity's registration to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusOutcome {
    /// 注销 (已办理营业执照注销): deregistered.
    Deregistered,
    /// 被吊销 (营业执照): business licence revoked.
    LicenceRevoked,
    /// 被撤销 (登记): registration cancelled.
    RegistrationRevoked,
    /// 迁出: moved out of this registration authority's jurisdiction.
    MovedOut,
}

impl StatusOutcome {
    /// The [`EntityStatus`] the roster should record, or `None` for
    /// [`StatusOutcome::RegistrationRevoked`], which [`EntityStatus`] has no
    /// variant for: the host decides how its roster records a cancelled
    /// registration.
    pub fn entity_status(self) -> Option<EntityStatus> {
        match self {
            StatusOutcome::Deregistered => Some(EntityStatus::Deregistered),
            StatusOutcome::LicenceRevoked => Some(EntityStatus::Revoked),
            StatusOutcome::MovedOut => Some(EntityStatus::MovedOut),
            StatusOutcome::RegistrationRevoked => None,
        }
    }
}

/// What an outcome code says about the inspection, for the rule that a
/// no-problem code cannot be recorded together with a problem code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Finding {
    /// No problem was found ("1 未发现问题", old "1 正常").
    NoProblem,
    /// A problem was found (a violation, unreachability, non-cooperation,
    /// a problem already corrected).
    Problem,
    /// Neither: a fact about the entity's situation, such as "未发现开展本次
    /// 抽查涉及的经营活动", "已关闭停业或正在组织清算", or a status outcome.
    /// Combines with any code.
    Neutral,
}

/// A legal follow-up an outcome sets off, with the provision it rests on.
/// Tables carry these as data; [`super::record_result`] turns each into a
/// [`super::FollowUpEvent`].
///
/// Serialised with an `action` tag: `{"action": "transfer", "department":
/// "public_security", "legal_basis": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FollowUp {
    /// List the entity on the abnormal-operations list (列入经营异常名录).
    /// Unreachable at the registered address: 企业经营异常名录管理暂行办法
    /// (工商总局令第68号) Art. 4 (四); falsified publicity: 企业信息公示暂行条例
    /// Art. 17 para 1 (二).
    AbnormalOperationsListing {
        /// Which listing ground.
        ground: ListingGround,
        /// The provision, as it will be carried in the event.
        legal_basis: String,
    },
    /// Publish the entity's serious non-cooperation through the enterprise
    /// credit information publicity system (通过企业信用信息公示系统公示),
    /// 企业信息公示暂行条例 Art. 15 para 2.
    CreditPublicity {
        /// The provision, as it will be carried in the event.
        legal_basis: String,
    },
    /// Transfer the case to the competent department (案件移转), Pingdu plan
    /// §(十): "建立健全跨部门、跨区域案件移转…工作机制". No national article
    /// for transferring inspection findings was found; the department's own
    /// rules govern the transfer (e.g. SAMR Order 49 Art. 38 for food).
    Transfer {
        /// Which kind of department.
        department: DepartmentKind,
        /// The provision, as it will be carried in the event.
        legal_basis: String,
    },
    /// Update the entity's status in the target roster (检查对象名录库), which
    /// is built on the publicity system's registration data (SAMR's notice
    /// of 2019-02-12, RULES.md §1.1). No article prescribes the update
    /// itself; it keeps later draws from picking entities that are gone.
    StatusUpdate {
        /// The status found.
        status: StatusOutcome,
        /// The provision, as it will be carried in the event.
        legal_basis: String,
    },
}

impl FollowUp {
    /// The provision the follow-up rests on.
    pub fn legal_basis(&self) -> &str {
        match self {
            FollowUp::AbnormalOperationsListing { legal_basis, .. }
            | FollowUp::CreditPublicity { legal_basis }
            | FollowUp::Transfer { legal_basis, .. }
            | FollowUp::StatusUpdate { legal_basis, .. } => legal_basis,
        }
    }

    /// The action's tag as serialised, for messages.
    pub fn action(&self) -> &'static str {
        match self {
            FollowUp::AbnormalOperationsListing { .. } => "abnormal_operations_listing",
            FollowUp::CreditPublicity { .. } => "credit_publicity",
            FollowUp::Transfer { .. } => "transfer",
            FollowUp::StatusUpdate { .. } => "status_update",
        }
    }

    /// Whether two follow-ups ask for the same action (legal basis aside).
    fn same_action(&self, other: &FollowUp) -> bool {
        use FollowUp::*;
        match (self, other) {
            (
                AbnormalOperationsListing { ground: a, .. },
                AbnormalOperationsListing { ground: b, .. },
            ) => a == b,
            (CreditPublicity { .. }, CreditPublicity { .. }) => true,
            (Transfer { department: a, .. }, Transfer { department: b, .. }) => a == b,
            (StatusUpdate { status: a, .. }, StatusUpdate { status: b, .. }) => a == b,
            _ => false,
        }
    }
}

/// One result code of an outcome table (抽查检查结果): the code, its label as
/// printed, what it finds, and the legal follow-ups it sets off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCode {
    /// The code as the source system stores it, e.g. `"1"`, `"C"`, `"12"`.
    pub code: String,
    /// The Chinese label as printed, e.g. `"未发现问题"`.
    pub label: String,
    /// What the code says, for the no-problem-with-problem rule.
    pub finding: Finding,
    /// Whether the code records a registration status (注销 / 吊销 / 撤销 /
    /// 迁出); such a code carries exactly one [`FollowUp::StatusUpdate`].
    #[serde(default)]
    pub status_outcome: bool,
    /// The legal follow-ups, in the order their events are emitted; empty
    /// when the code sets off none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// A validated outcome code table: at least one code, every code non-blank
/// and unique, every label non-blank, every follow-up well-formed (see
/// [`OutcomeTable::new`]).
///
/// Two tables ship, both **UNCONFIRMED as national code lists** (RULES.md
/// §1.4; from the Zhejiang 企业信用 system): [`OutcomeTable::zhejiang_new`]
/// (`scNewResultList`, the [`Default`]) and [`OutcomeTable::zhejiang_publicity`]
/// (`scResultList`, the older 企业公示信息 list).
///
/// Deserialising goes through [`OutcomeTable::new`], so a table read from a
/// file is validated like one built in code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawTable")]
pub struct OutcomeTable {
    pub(super) name: String,
    pub(super) codes: Vec<OutcomeCode>,
}

/// The serialised form of an [`OutcomeTable`], validated on the way in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    name: String,
    codes: Vec<OutcomeCode>,
}

impl TryFrom<RawTable> for OutcomeTable {
    type Error = ResultsError;
    fn try_from(raw: RawTable) -> Result<Self, ResultsError> {
        OutcomeTable::new(raw.name, raw.codes)
    }
}

impl OutcomeTable {
    /// A table from a caller's own codes, in display order.
    ///
    /// # Errors
    /// - [`ResultsError::BlankTableName`] when `name` is blank;
    /// - [`ResultsError::EmptyTable`] when `codes` is empty;
    /// - [`ResultsError::BlankCode`] naming the entry whose code is blank;
    /// - [`ResultsError::DuplicateCode`] naming a code given twice;
    /// - [`ResultsError::InvalidCode`] naming the code when its code has
    ///   leading or trailing whitespace, its label is blank, or a follow-up
    ///   is ill-formed: a blank legal basis; the same action twice; a
    ///   no-problem code with follow-ups or marked as a status outcome; a
    ///   status update on a code not marked `status_outcome`; a status
    ///   outcome without exactly one status update.
    pub fn new(name: impl Into<String>, codes: Vec<OutcomeCode>) -> Result<Self, ResultsError> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(ResultsError::BlankTableName);
        }
        if codes.is_empty() {
            return Err(ResultsError::EmptyTable { table: name });
        }
        for (i, c) in codes.iter().enumerate() {
            if c.code.trim().is_empty() {
                return Err(ResultsError::BlankCode {
                    table: name,
                    position: i + 1,
                });
            }
            if let Some(first) = codes[..i].iter().position(|p| p.code == c.code) {
                return Err(ResultsError::DuplicateCode {
                    table: name,
                    code: c.code.clone(),
                    first: first + 1,
                    second: i + 1,
                });
            }
            if let Some(problem) = code_problem(c) {
                return Err(ResultsError::InvalidCode {
                    table: name,
                    code: c.code.clone(),
                    problem,
                });
            }
        }
        Ok(OutcomeTable { name, codes })
    }

    /// Reads a table from JSON: `{"name": "…", "codes": [{"code": "6",
    /// "label": "…", "finding": "problem", "status_outcome": false,
    /// "follow_ups": [{"action": "abnormal_operations_listing", "ground":
    /// "unreachable_at_registered_address", "legal_basis": "…"}]}]}`.
    /// `status_outcome` and `follow_ups` may be left out (false, none);
    /// unknown fields are refused to catch typos.
    ///
    /// # Errors
    /// [`ResultsError::TableJson`] for malformed JSON or a wrong schema, and
    /// otherwise the errors of [`OutcomeTable::new`].
    pub fn from_json(json: &str) -> Result<Self, ResultsError> {
        let raw: RawTable = serde_json::from_str(json).map_err(ResultsError::TableJson)?;
        OutcomeTable::new(raw.name, raw.codes)
    }

    /// The table as pretty-printed JSON, in the form [`OutcomeTable::from_json`]
    /// reads back.
    ///
    /// # Panics
    /// Never: a table holds only strings, booleans and field-less enums,
    /// which `serde_json` always serialises.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an outcome table always serialises")
    }

    /// The table's name: the system or document its codes come from.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The codes, in display order.
    pub fn codes(&self) -> &[OutcomeCode] {
        &self.codes
    }

    /// The entry for `code`, if the table has it (exact match, no trimming).
    pub fn code(&self, code: &str) -> Option<&OutcomeCode> {
        self.codes.iter().find(|c| c.code == code)
    }

    /// The table's codes, in display order, for messages.
    pub fn allowed_codes(&self) -> Vec<String> {
        self.codes.iter().map(|c| c.code.clone()).collect()
    }

    /// Position of `code` in display order.
    pub(super) fn position(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c.code == code)
    }
}

/// What is wrong with one entry beyond blank or duplicate codes, phrased to
/// follow "code X …" and to say the remedy.
fn code_problem(c: &OutcomeCode) -> Option<String> {
    if c.code.trim() != c.code {
        return Some(
            "has leading or trailing whitespace in its code; write the code exactly as stored"
                .into(),
        );
    }
    if c.label.trim().is_empty() {
        return Some("has a blank label; give the label as the source list prints it".into());
    }
    if c.finding == Finding::NoProblem && c.status_outcome {
        return Some(
            "says no problem was found and is also marked as a status outcome; set `finding` to \"neutral\"".into(),
        );
    }
    if c.finding == Finding::NoProblem && !c.follow_ups.is_empty() {
        return Some(format!(
            "says no problem was found but carries follow-up {}; remove it or set `finding` to \"problem\"",
            c.follow_ups[0].action()
        ));
    }
    for (k, f) in c.follow_ups.iter().enumerate() {
        if f.legal_basis().trim().is_empty() {
            return Some(format!(
                "follow-up #{} ({}) has a blank legal basis; cite the provision it rests on",
                k + 1,
                f.action()
            ));
        }
        if c.follow_ups[..k].iter().any(|p| p.same_action(f)) {
            return Some(format!(
                "follow-up #{} ({}) repeats an earlier one; give each action once",
                k + 1,
                f.action()
            ));
        }
        if matches!(f, FollowUp::StatusUpdate { .. }) && !c.status_outcome {
            return Some(format!(
                "follow-up #{} is a status update but the code is not marked `status_outcome`; mark it or remove the update",
                k + 1
            ));
        }
    }
    let updates = c
        .follow_ups
        .iter()
        .filter(|f| matches!(f, FollowUp::StatusUpdate { .. }))
        .count();
    if c.status_outcome && updates != 1 {
        return Some(format!(
            "is marked `status_outcome` but carries {updates} status updates; give it exactly one, naming the status"
        ));
    }
    None
}
