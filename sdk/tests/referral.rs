//! Documentary requirements of a referral to the police: State Council
//! Decree 310 (2020 rev.) Art. 6 lists 移送书, 调查报告, 涉案物品清单,
//! 检验报告或者鉴定结论 and other materials.

use jianguan::referral::{
    AttachedDocument, ReferralDocument, ReferralError, ReferralPackage, ReferralTarget,
};

fn package(docs: &[ReferralDocument], tested: bool) -> ReferralPackage {
    ReferralPackage {
        case_id: "平市监案〔2026〕88号".into(),
        from_department: "market_regulation".into(),
        to: ReferralTarget::PublicSecurity,
        approved_at: "2026-11-20T10:00:00".parse().unwrap(),
        documents: docs
            .iter()
            .map(|&kind| AttachedDocument {
                kind,
                reference: format!("{kind:?}"),
            })
            .collect(),
        tested_or_appraised: tested,
    }
}

#[test]
fn art_6_items_one_to_three_are_always_required() {
    use ReferralDocument::*;
    assert_eq!(
        package(&[ReferralLetter, InvestigationReport, ItemList], false).check_documents(),
        Ok(())
    );
    let e = package(&[ReferralLetter, ItemList], false)
        .check_documents()
        .unwrap_err();
    assert_eq!(
        e,
        ReferralError::MissingDocument {
            case_id: "平市监案〔2026〕88号".into(),
            missing: InvestigationReport
        }
    );
    assert_eq!(
        e.to_string(),
        "referral 平市监案〔2026〕88号: missing 第六条（二）涉嫌犯罪案件情况的调查报告"
    );
}

#[test]
fn art_6_item_four_is_required_when_tested() {
    use ReferralDocument::*;
    let e = package(&[ReferralLetter, InvestigationReport, ItemList], true)
        .check_documents()
        .unwrap_err();
    assert!(matches!(
        e,
        ReferralError::MissingDocument {
            missing: TestOrAppraisalReport,
            ..
        }
    ));
    let ok = package(
        &[
            ReferralLetter,
            InvestigationReport,
            ItemList,
            TestOrAppraisalReport,
        ],
        true,
    );
    assert_eq!(ok.check_documents(), Ok(()));
}

#[test]
fn transfers_between_departments_are_not_held_to_art_6() {
    let mut p = package(&[], false);
    p.to = ReferralTarget::Department("emergency_management".into());
    assert_eq!(p.check_documents(), Ok(()));
}
