//! Case referral: to the police when a crime is suspected (行刑衔接, State
//! Council Decree 310 as revised 2020, 行政执法机关移送涉嫌犯罪案件的规定) and
//! between departments (案件移转, Pingdu plan §(十)). This module holds the
//! documentary requirements every referral to the police must meet. The
//! delivery seam arrives with the case life cycle, which will call it.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Where a case goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralTarget {
    /// The public security organ at the same level (Decree 310 Art. 5).
    PublicSecurity,
    /// Another administrative department (by department id), e.g. the one
    /// with jurisdiction.
    Department(String),
}

/// The documents a referral to the police must carry (Decree 310 Art. 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralDocument {
    /// (一) 涉嫌犯罪案件移送书: the referral letter.
    ReferralLetter,
    /// (二) 涉嫌犯罪案件情况的调查报告: the investigation report.
    InvestigationReport,
    /// (三) 涉案物品清单: the list of items involved.
    ItemList,
    /// (四) 有关检验报告或者鉴定结论: test reports or appraisal conclusions.
    TestOrAppraisalReport,
    /// (五) 其他有关涉嫌犯罪的材料: other materials.
    OtherMaterials,
}

impl ReferralDocument {
    /// The item of Decree 310 Art. 6 that names this document.
    pub fn article_item(self) -> &'static str {
        match self {
            ReferralDocument::ReferralLetter => "第六条（一）涉嫌犯罪案件移送书",
            ReferralDocument::InvestigationReport => "第六条（二）涉嫌犯罪案件情况的调查报告",
            ReferralDocument::ItemList => "第六条（三）涉案物品清单",
            ReferralDocument::TestOrAppraisalReport => "第六条（四）有关检验报告或者鉴定结论",
            ReferralDocument::OtherMaterials => "第六条（五）其他有关涉嫌犯罪的材料",
        }
    }
}

/// One document attached to a referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedDocument {
    /// Which document.
    pub kind: ReferralDocument,
    /// The host's reference to it (file number, archive id).
    pub reference: String,
}

/// A case ready to be carried to its receiver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralPackage {
    /// The referring department's case number.
    pub case_id: String,
    /// The referring department (department id).
    pub from_department: String,
    /// The receiver.
    pub to: ReferralTarget,
    /// When the head of the department approved the referral (Decree 310
    /// Art. 5: transfer within 24 hours of approval).
    pub approved_at: NaiveDateTime,
    /// The documents carried.
    pub documents: Vec<AttachedDocument>,
    /// Whether the case involved testing or appraisal, which makes the
    /// reports of Art. 6 (四) required.
    pub tested_or_appraised: bool,
}

/// Why a referral could not be delivered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReferralError {
    /// A document Decree 310 Art. 6 requires is missing. Remedy: attach it.
    #[error("referral {case_id}: missing {}", missing.article_item())]
    MissingDocument {
        /// The case.
        case_id: String,
        /// The missing document.
        missing: ReferralDocument,
    },
}

impl ReferralPackage {
    /// Checks the documents a referral to the police must carry under
    /// Decree 310 Art. 6: the referral letter, the investigation report and
    /// the item list always, and the test or appraisal reports when the case
    /// was tested or appraised. Transfers between departments carry what the
    /// departments agree and are not checked here.
    ///
    /// This is our reading of Art. 6: items (四) "有关检验报告或者鉴定结论"
    /// and (五) "其他有关涉嫌犯罪的材料" can only accompany a case that has
    /// them, so (四) is required only when testing or appraisal took place and
    /// (五) is never required.
    ///
    /// # Errors
    /// [`ReferralError::MissingDocument`] naming the first missing item of Art. 6.
    pub fn check_documents(&self) -> Result<(), ReferralError> {
        if self.to != ReferralTarget::PublicSecurity {
            return Ok(());
        }
        let mut required = vec![
            ReferralDocument::ReferralLetter,
            ReferralDocument::InvestigationReport,
            ReferralDocument::ItemList,
        ];
        if self.tested_or_appraised {
            required.push(ReferralDocument::TestOrAppraisalReport);
        }
        for kind in required {
            if !self.documents.iter().any(|d| d.kind == kind) {
                return Err(ReferralError::MissingDocument {
                    case_id: self.case_id.clone(),
                    missing: kind,
                });
            }
        }
        Ok(())
    }
}
