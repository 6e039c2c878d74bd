//! The two shipped outcome tables, both from the Zhejiang 企业信用 system and
//! both UNCONFIRMED as national code lists (RULES.md §1.4), with the
//! provisions their follow-ups cite.

use super::table::{
    DepartmentKind, Finding, FollowUp, ListingGround, OutcomeCode, OutcomeTable, StatusOutcome,
};

/// 企业经营异常名录管理暂行办法 (工商总局令第68号, 2014) Art. 4 (四): the
/// fourth listing situation (RULES.md §3.6). Not 企业信息公示暂行条例
/// Art. 17 (一), which covers late annual reports and instant information
/// not published by an ordered deadline; unreachability is a ground only the
/// Order adds, under the list that Art. 17 sets up.
const BASIS_UNREACHABLE: &str = "企业经营异常名录管理暂行办法（工商总局令第68号）第四条第（四）项：\
     通过登记的住所或者经营场所无法联系的，列入经营异常名录";

/// 企业信息公示暂行条例 Art. 17 para 1 (二) (RULES.md §1.4, §3.6; SOLID).
const BASIS_FALSIFIED: &str = "企业信息公示暂行条例第十七条第一款第（二）项：企业公示信息隐瞒真实情况、弄虚作假的，列入经营异常名录";

/// 企业信息公示暂行条例 Art. 15 para 2 (RULES.md §1.4; SOLID).
const BASIS_NON_COOPERATION: &str =
    "企业信息公示暂行条例第十五条第二款：对不予配合情节严重的企业，通过企业信用信息公示系统公示";

/// Pingdu plan §(十) (平政发〔2021〕16号): cross-department case transfer.
const BASIS_TRANSFER: &str = "平度市加强和规范事中事后监管实施方案（平政发〔2021〕16号）第（十）项：\
     建立健全跨部门、跨区域案件移转、情况通报和执法联动工作机制";

/// SAMR's 2019 notice on "double random, one public" (RULES.md §1.1): the
/// target roster is built on the publicity system's registration data.
const BASIS_ROSTER: &str = "市场监管总局关于全面推进“双随机、一公开”监管工作的通知（2019-02-12）：\
     检查对象名录库依托国家企业信用信息公示系统建立";

impl Default for OutcomeTable {
    /// [`OutcomeTable::zhejiang_new`].
    fn default() -> Self {
        OutcomeTable::zhejiang_new()
    }
}

/// A code with no follow-ups.
fn plain(code: &str, label: &str, finding: Finding) -> OutcomeCode {
    OutcomeCode {
        code: code.into(),
        label: label.into(),
        finding,
        status_outcome: false,
        follow_ups: Vec::new(),
    }
}

/// A problem code with one follow-up.
fn with(code: &str, label: &str, follow_up: FollowUp) -> OutcomeCode {
    OutcomeCode {
        follow_ups: vec![follow_up],
        ..plain(code, label, Finding::Problem)
    }
}

fn unreachable_at_address(code: &str, label: &str) -> OutcomeCode {
    let f = FollowUp::AbnormalOperationsListing {
        ground: ListingGround::UnreachableAtRegisteredAddress,
        legal_basis: BASIS_UNREACHABLE.into(),
    };
    with(code, label, f)
}

fn falsified(code: &str, label: &str) -> OutcomeCode {
    let f = FollowUp::AbnormalOperationsListing {
        ground: ListingGround::FalsifiedPublicity,
        legal_basis: BASIS_FALSIFIED.into(),
    };
    with(code, label, f)
}

fn non_cooperation(code: &str, label: &str) -> OutcomeCode {
    let f = FollowUp::CreditPublicity {
        legal_basis: BASIS_NON_COOPERATION.into(),
    };
    with(code, label, f)
}

fn transfer(code: &str, label: &str, department: DepartmentKind) -> OutcomeCode {
    let f = FollowUp::Transfer {
        department,
        legal_basis: BASIS_TRANSFER.into(),
    };
    with(code, label, f)
}

fn status(code: &str, label: &str, status: StatusOutcome) -> OutcomeCode {
    OutcomeCode {
        code: code.into(),
        label: label.into(),
        finding: Finding::Neutral,
        status_outcome: true,
        follow_ups: vec![FollowUp::StatusUpdate {
            status,
            legal_basis: BASIS_ROSTER.into(),
        }],
    }
}
impl OutcomeTable {
    /// The newer result list (新版 `scNewResultList`) of the Zhejiang 企业信用
    /// system, exactly as RULES.md §1.4 prints it: 1, A–G, 3–12. The default.
    ///
    /// **UNCONFIRMED as a national code list**: it comes from one provincial
    /// system's source code (RULES.md §1.4). Follow-ups (RULES.md §1.4
    /// "Legal follow-ups tied to outcomes"):
    ///
    /// | code | follow-up |
    /// |---|---|
    /// | 6 无法联系 | abnormal-operations list, 工商总局令第68号 Art. 4 (四) |
    /// | C 弄虚作假 | abnormal-operations list, 企业信息公示暂行条例 Art. 17 para 1 (二) |
    /// | 8 不配合检查情节严重 | credit publicity, 企业信息公示暂行条例 Art. 15 para 2 |
    /// | G / 3 / 4 / 5 | transfer to public security / food and drug / quality and technical supervision / other |
    /// | 9 / 10 / 11 / 12 | roster status: deregistered / licence revoked / registration cancelled / moved out |
    ///
    /// The other codes set off none here. In particular B (未按规定公示应当
    /// 公示的信息) does not list the entity directly: the entity is first
    /// ordered to publish (the paragraph of 企业信息公示暂行条例 that says so is
    /// UNCONFIRMED; RULES §3.6 supports Arts. 10 and 17 only), and only
    /// failing that order is it listed (Art. 17 para 1 (一)) — a later fact
    /// this result does not carry.
    pub fn zhejiang_new() -> Self {
        use DepartmentKind::*;
        use Finding::*;
        OutcomeTable {
            name: "scNewResultList (浙江企业信用系统新版抽查检查结果; UNCONFIRMED nationally)"
                .into(),
            codes: vec![
                plain("1", "未发现问题", NoProblem),
                plain("A", "发现问题待后续处理", Problem),
                plain("B", "未按规定公示应当公示的信息", Problem),
                falsified("C", "公示信息隐瞒真实情况弄虚作假"),
                plain("D", "违反其他工商行政管理规定行为", Problem),
                plain("E", "发现问题经责令已改正", Problem),
                plain("F", "未发现开展本次抽查涉及的经营活动", Neutral),
                transfer("G", "违反公安部门相关规定", PublicSecurity),
                transfer("3", "违反食品药品管理相关规定", FoodAndDrug),
                transfer(
                    "4",
                    "违反质量技术监督相关规定",
                    QualityAndTechnicalSupervision,
                ),
                transfer("5", "违反其他部门相关规定", Other),
                unreachable_at_address("6", "通过登记的住所（经营场所）无法联系"),
                plain("7", "已关闭停业或正在组织清算", Neutral),
                non_cooperation("8", "不配合检查情节严重"),
                status("9", "注销", StatusOutcome::Deregistered),
                status("10", "被吊销", StatusOutcome::LicenceRevoked),
                status("11", "被撤销", StatusOutcome::RegistrationRevoked),
                status("12", "迁出", StatusOutcome::MovedOut),
            ],
        }
    }

    /// The older 企业公示信息 result list (`scResultList`) of the Zhejiang
    /// 企业信用 system, exactly as RULES.md §1.4 prints it: 1–9.
    ///
    /// **UNCONFIRMED as a national code list** (RULES.md §1.4). Follow-ups
    /// as in [`OutcomeTable::zhejiang_new`]: 4 无法联系 and 5 弄虚作假 →
    /// abnormal-operations list; 6 不予配合情节严重 → credit publicity;
    /// 7 / 8 / 9 → roster status (deregistered / licence revoked /
    /// registration cancelled). 2 and 3 (instant information, annual report
    /// not published as required) set off none here, for the reason given
    /// for code B there.
    pub fn zhejiang_publicity() -> Self {
        use Finding::*;
        OutcomeTable {
            name: "scResultList (浙江企业信用系统企业公示信息抽查检查结果; UNCONFIRMED nationally)"
                .into(),
            codes: vec![
                plain("1", "正常（符合信息公示相关规定）", NoProblem),
                plain("2", "未按规定公示即时信息", Problem),
                plain("3", "未按规定公示年报信息", Problem),
                unreachable_at_address("4", "通过登记的住所（经营场所）无法联系"),
                falsified("5", "公示信息隐瞒真实情况、弄虚作假"),
                non_cooperation("6", "不予配合情节严重"),
                status("7", "已办理营业执照注销", StatusOutcome::Deregistered),
                status("8", "被吊销营业执照", StatusOutcome::LicenceRevoked),
                status("9", "被撤销登记", StatusOutcome::RegistrationRevoked),
            ],
        }
    }
}
