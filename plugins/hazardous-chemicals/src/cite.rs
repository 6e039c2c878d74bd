//! The articles results cite, by index into [`citations`]. Results write
//! `Reason::new(cite::HC_REG_22, …)`; a test checks every index is in range.
//! A referral finding on accident figures cites 法释〔2015〕22号 Art. 6 (the
//! figures' source) and names the Criminal Law article in its detail; the
//! aggravated band cites Art. 7 (UNCONFIRMED: its money figure is).

use jianguan_plugin::{Certainty, Citation};

const GB: &str = "危险化学品重大危险源辨识";
const GB_NO: &str = "GB 18218-2018";
const HC_REG: &str = "危险化学品安全管理条例";
const HC_REG_NO: &str = "国务院令第591号（国务院令第645号修订）";
const SAFETY_LAW: &str = "中华人民共和国安全生产法";
const SAFETY_LAW_NO: &str = "主席令第八十八号";
const CRIMINAL_LAW: &str = "中华人民共和国刑法";
const CRIMINAL_LAW_NO: &str = "主席令第八十三号";
const INTERP: &str =
    "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释";
const INTERP_NO: &str = "法释〔2015〕22号";

/// GB 18218-2018 Tables 1 and 2 (critical quantities) and S = Σq/Q.
pub const GB_IDENTIFY: u32 = 0;
/// GB 18218-2018 Tables 3–6 (β, α, levels) and R = α·Σβq/Q.
pub const GB_GRADE: u32 = 1;
/// The β of a Table-1 chemical: Table 3 if a listed toxic gas, else Table 4
/// by its hazard category (RULES §10.1: UNCONFIRMED).
pub const GB_BETA_RULE: u32 = 2;
/// Table-1 rows found in only one source (RULES §10.1).
pub const GB_TABLE1_WEAK: u32 = 3;
/// 安全生产法 Art. 117: a major hazard is a unit at or above the critical quantity.
pub const SAFETY_LAW_117: u32 = 4;
/// 安全生产法 Art. 40: register, assess, monitor and file major hazards.
pub const SAFETY_LAW_40: u32 = 5;
/// 条例 Art. 22: safety assessment every 3 years, filed with the county.
pub const HC_REG_22: u32 = 6;
/// 条例 Art. 33: trading licence.
pub const HC_REG_33: u32 = 7;
/// 条例 Art. 77: penalties for unlicensed use or trade.
pub const HC_REG_77: u32 = 8;
/// 条例 Art. 78: penalties (labels, warehouse keeping, two-person custody).
pub const HC_REG_78: u32 = 9;
/// 条例 Art. 80: penalties (safety assessment, storage).
pub const HC_REG_80: u32 = 10;
/// 条例 Art. 81: penalties (filing).
pub const HC_REG_81: u32 = 11;
/// 包保 scheme: the technical lead's quarterly major-hazard check.
pub const BAOBAO_TECH_LEAD: u32 = 12;
/// 刑法 Art. 125 para 2.
pub const CRIM_125: u32 = 13;
/// 刑法 Art. 134之一.
pub const CRIM_134_1: u32 = 14;
/// 刑法 Art. 136.
pub const CRIM_136: u32 = 15;
/// 法释〔2015〕22号 Art. 6 (consequence thresholds of accident crimes).
pub const INTERP_6: u32 = 16;
/// 法释〔2015〕22号 Art. 7: the aggravated band (3–7 years). UNCONFIRMED:
/// the death and injury figures are corroborated, the money figure of item
/// (二) is not (RULES §6.5), and one citation covers both.
pub const INTERP_7: u32 = 17;
/// 行政处罚法 Art. 33.
pub const PENALTY_LAW_33: u32 = 18;

/// The citation list, in index order.
pub fn citations() -> Vec<Citation> {
    use Certainty::{Corroborated, Solid, Unconfirmed};
    let c = Citation::new;
    vec![
        c(
            GB,
            GB_NO,
            "表1、表2（临界量）；辨识指标 S = q1/Q1 + … + qn/Qn",
            Corroborated,
        ),
        c(
            GB,
            GB_NO,
            "表3、表4（校正系数β）、表5（校正系数α）、表6（分级）；R = α(β1q1/Q1 + … + βnqn/Qn)",
            Corroborated,
        ),
        c(
            GB,
            GB_NO,
            "表1所列物质的β：表3所列毒性气体取表3，其余按危险性类别取表4",
            Unconfirmed,
        ),
        c(
            GB,
            GB_NO,
            "表1（仅见于一个来源的行，待核对标准原文）",
            Unconfirmed,
        ),
        c(SAFETY_LAW, SAFETY_LAW_NO, "第一百一十七条", Solid),
        c(SAFETY_LAW, SAFETY_LAW_NO, "第四十条", Solid),
        c(HC_REG, HC_REG_NO, "第二十二条", Solid),
        c(HC_REG, HC_REG_NO, "第三十三条", Solid),
        c(HC_REG, HC_REG_NO, "第七十七条", Solid),
        c(HC_REG, HC_REG_NO, "第七十八条", Solid),
        c(HC_REG, HC_REG_NO, "第八十条", Solid),
        c(HC_REG, HC_REG_NO, "第八十一条", Solid),
        c(
            "危险化学品企业重大危险源安全包保责任制办法（试行）",
            "",
            "技术负责人每季度至少组织一次针对性安全风险隐患排查",
            Unconfirmed,
        ),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百二十五条第二款", Solid),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条之一", Solid),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十六条", Solid),
        c(INTERP, INTERP_NO, "第六条", Corroborated),
        c(INTERP, INTERP_NO, "第七条", Unconfirmed),
        c(
            "中华人民共和国行政处罚法",
            "主席令第七十号",
            "第三十三条",
            Solid,
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_citation_is_used_by_some_result_or_the_catalogue() {
        jianguan_plugin::testing::assert_citations_used(
            include_str!("cite.rs"),
            &[
                include_str!("catalogue.rs"),
                include_str!("duties.rs"),
                include_str!("grading.rs"),
                include_str!("referral.rs"),
                include_str!("inventory.rs"),
                include_str!("tables.rs"),
            ],
            super::citations().len(),
        );
    }
}
