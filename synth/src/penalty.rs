//! Administrative penalty records (行政处罚决定) of synthetic entities.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use jianguan::entity::Uscc;

/// The departments (by string id) that supervise and penalise in the
/// synthetic county. Inspector rosters and penalty records use exactly these.
pub const DEPARTMENTS: [&str; 7] = [
    "market_regulation",
    "emergency_management",
    "health",
    "agriculture_rural",
    "ecology_environment",
    "culture_tourism",
    "transport",
];

/// Penalty types of the Administrative Penalty Law (行政处罚法, 2021) Art. 9
/// (RULES.md §4). Item 6 ("other types set by law") has no variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PenaltyKind {
    /// 警告、通报批评 (Art. 9 item 1).
    Warning,
    /// 罚款 (Art. 9 item 2).
    Fine,
    /// 没收违法所得、没收非法财物 (Art. 9 item 2).
    Confiscation,
    /// 暂扣许可证件、降低资质等级 (Art. 9 item 3).
    LicenceSuspension,
    /// 吊销许可证件 (Art. 9 item 3), including 吊销营业执照.
    LicenceRevocation,
    /// 限制开展生产经营活动、责令停产停业、责令关闭、限制从业 (Art. 9 item 4).
    BusinessRestriction,
    /// 行政拘留 (Art. 9 item 5). Only public security may impose it (Art. 18),
    /// so the generator, whose departments exclude the police, never produces it.
    Detention,
}

impl PenaltyKind {
    /// The snake_case identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            PenaltyKind::Warning => "warning",
            PenaltyKind::Fine => "fine",
            PenaltyKind::Confiscation => "confiscation",
            PenaltyKind::LicenceSuspension => "licence_suspension",
            PenaltyKind::LicenceRevocation => "licence_revocation",
            PenaltyKind::BusinessRestriction => "business_restriction",
            PenaltyKind::Detention => "detention",
        }
    }

    /// The item of Art. 9 that lists this type (1–5).
    pub fn article9_item(self) -> u8 {
        match self {
            PenaltyKind::Warning => 1,
            PenaltyKind::Fine | PenaltyKind::Confiscation => 2,
            PenaltyKind::LicenceSuspension | PenaltyKind::LicenceRevocation => 3,
            PenaltyKind::BusinessRestriction => 4,
            PenaltyKind::Detention => 5,
        }
    }

    /// Whether the type carries an amount (fine or confiscated gains).
    pub fn has_amount(self) -> bool {
        matches!(self, PenaltyKind::Fine | PenaltyKind::Confiscation)
    }
}

/// One administrative penalty decision against a synthetic entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyRecord {
    /// The entity penalised.
    pub uscc: Uscc,
    /// Date of the decision.
    pub decided_on: NaiveDate,
    /// Deciding department, one of [`DEPARTMENTS`].
    pub department: String,
    /// Penalty type (Art. 9).
    pub kind: PenaltyKind,
    /// Fine or confiscated amount in yuan, for [`PenaltyKind::has_amount`] types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_cny: Option<u64>,
    /// Decision number (决定书文号), e.g. `平市监罚〔2025〕1234号`. The
    /// serial is derived from the row index so numbers are unique without
    /// shared state; real serials restart every year.
    pub decision_no: String,
}

/// Decision-number prefix of a department (assumed abbreviations).
pub(crate) fn decision_prefix(department: &str) -> &'static str {
    match department {
        "market_regulation" => "平市监罚",
        "emergency_management" => "平应急罚",
        "health" => "平卫罚",
        "agriculture_rural" => "平农罚",
        "ecology_environment" => "青环平罚",
        "culture_tourism" => "平文旅罚",
        "transport" => "平交罚",
        _ => "平罚",
    }
}
