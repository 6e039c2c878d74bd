//! The figures of 法释〔2015〕22号 Arts. 6–7 and 国务院令第493号 Art. 3, at,
//! just under and just over each threshold.

use super::*;
use jianguan_plugin::decisions::{DoNotRefer, NeedsTesting, Refer};

const RULES: AccidentRules = AccidentRules {
    art6_citation: 6,
    art7_citation: 7,
    aggravated_loss_cny: 5_000_000.0,
};

fn case(deaths: i64, injuries: Option<i64>, loss: Option<f64>) -> Consequence {
    Consequence {
        deaths,
        serious_injuries: injuries,
        loss_cny: loss,
    }
}

fn art6(c: Consequence) -> ReferralDecision {
    let f = RULES.serious_consequences("罪名", &c);
    assert_eq!(f.reason.citation, 6);
    f.decision
}

fn art7(c: Consequence, main_resp: bool) -> ReferralDecision {
    let f = RULES.aggravated(&["第一百三十六条"], &c, main_resp);
    assert_eq!(f.reason.citation, 7);
    f.decision
}

#[test]
fn art6_deaths_from_one() {
    assert_eq!(art6(case(1, Some(0), Some(0.0))), Refer);
    assert_eq!(art6(case(0, Some(0), Some(0.0))), DoNotRefer);
    assert_eq!(art6(case(2, Some(0), Some(0.0))), Refer);
}

#[test]
fn art6_serious_injuries_from_three() {
    assert_eq!(art6(case(0, Some(3), Some(0.0))), Refer);
    assert_eq!(art6(case(0, Some(2), Some(0.0))), DoNotRefer);
    assert_eq!(art6(case(0, Some(4), Some(0.0))), Refer);
}

#[test]
fn art6_loss_from_one_million() {
    assert_eq!(art6(case(0, Some(0), Some(1_000_000.0))), Refer);
    assert_eq!(art6(case(0, Some(0), Some(999_999.99))), DoNotRefer);
    assert_eq!(art6(case(0, Some(0), Some(1_000_000.01))), Refer);
}

#[test]
fn art6_pending_figures_need_testing() {
    assert_eq!(art6(case(0, None, Some(0.0))), NeedsTesting);
    assert_eq!(art6(case(0, Some(0), None)), NeedsTesting);
    assert_eq!(art6(case(1, None, None)), Refer);
    let f = RULES.serious_consequences("罪名", &case(0, Some(2), Some(999_999.0)));
    assert_eq!(
        f.reason.detail.as_str(),
        "罪名；法释〔2015〕22号第六条（死亡1人以上，或者重伤3人以上，或者直接经济损失100万元以上）：死亡 0 人 < 1 人，重伤 2 人 < 3 人，直接经济损失 999999 元 < 1000000 元，未达追诉标准"
    );
}

#[test]
fn art7_deaths_from_three() {
    assert_eq!(art7(case(3, Some(0), Some(0.0)), true), Refer);
    assert_eq!(art7(case(2, Some(0), Some(0.0)), true), DoNotRefer);
    assert_eq!(art7(case(4, Some(0), Some(0.0)), true), Refer);
}

#[test]
fn art7_serious_injuries_from_ten() {
    assert_eq!(art7(case(0, Some(10), Some(0.0)), true), Refer);
    assert_eq!(art7(case(0, Some(9), Some(0.0)), true), DoNotRefer);
    assert_eq!(art7(case(0, Some(11), Some(0.0)), true), Refer);
}

#[test]
fn art7_loss_is_the_configured_figure() {
    assert_eq!(art7(case(0, Some(0), Some(5_000_000.0)), true), Refer);
    assert_eq!(art7(case(0, Some(0), Some(4_999_999.0)), true), DoNotRefer);
    assert_eq!(art7(case(0, Some(0), Some(5_000_001.0)), true), Refer);
    let rules = AccidentRules {
        aggravated_loss_cny: 8_000_000.0,
        ..RULES
    };
    let c = case(0, Some(0), Some(5_000_000.0));
    assert_eq!(rules.aggravated(&["x"], &c, true).decision, DoNotRefer);
}

#[test]
fn art7_needs_main_responsibility_and_an_offence() {
    assert_eq!(art7(case(3, Some(0), Some(0.0)), false), DoNotRefer);
    assert_eq!(art7(case(0, None, Some(0.0)), true), NeedsTesting);
    let f = RULES.aggravated(&[], &case(30, Some(0), Some(0.0)), true);
    assert_eq!(f.decision, DoNotRefer);
    assert!(
        f.reason
            .detail
            .as_str()
            .ends_with("无依第六条移送的事故犯罪，不适用")
    );
}

#[test]
fn configured_loss_must_exceed_the_art6_figure() {
    assert!(validate_aggravated_loss(5_000_000.0).is_ok());
    assert!(validate_aggravated_loss(1_000_000.01).is_ok());
    assert!(validate_aggravated_loss(ART6_LOSS_CNY).is_err());
    assert!(validate_aggravated_loss(f64::INFINITY).is_err());
}

#[test]
fn decree_493_grades() {
    let grade = |d, i, l| accident_grade(&case(d, Some(i), Some(l)));
    assert_eq!(grade(30, 0, 0.0), "特别重大事故");
    assert_eq!(grade(29, 0, 0.0), "重大事故");
    assert_eq!(grade(0, 100, 0.0), "特别重大事故");
    assert_eq!(grade(0, 99, 0.0), "重大事故");
    assert_eq!(grade(0, 0, 100_000_000.0), "特别重大事故");
    assert_eq!(grade(0, 0, 99_999_999.0), "重大事故");
    assert_eq!(grade(10, 0, 0.0), "重大事故");
    assert_eq!(grade(0, 50, 0.0), "重大事故");
    assert_eq!(grade(0, 0, 50_000_000.0), "重大事故");
    assert_eq!(grade(9, 49, 49_999_999.0), "较大事故");
    assert_eq!(grade(3, 0, 0.0), "较大事故");
    assert_eq!(grade(0, 10, 0.0), "较大事故");
    assert_eq!(grade(0, 0, 10_000_000.0), "较大事故");
    assert_eq!(grade(2, 9, 9_999_999.0), "一般事故");
    let note = RULES.grade_note(9, &case(3, None, Some(0.0)));
    assert_eq!(note.decision, DoNotRefer);
    assert!(
        note.reason
            .detail
            .as_str()
            .ends_with("较大事故（按已知数字）")
    );
}

#[test]
fn dangerous_operation_needs_acts_and_real_danger() {
    assert_eq!(
        dangerous_operation_finding(1, &[], true).decision,
        DoNotRefer
    );
    assert_eq!(
        dangerous_operation_finding(1, &["（一）"], true).decision,
        Refer
    );
    assert_eq!(
        dangerous_operation_finding(1, &["（一）"], false).decision,
        DoNotRefer
    );
}
