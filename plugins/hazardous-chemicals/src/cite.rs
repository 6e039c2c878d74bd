//! The articles results cite, by index into [`citations`]. Results write
//! `Reason::new(cite::HC_REG_22, …)`. Declared once with
//! [`jianguan_plugin::citations!`], which numbers the constants in order.
//! A referral finding on accident figures cites 法释〔2015〕22号 Art. 6 (the
//! figures' source) and names the Criminal Law article in its detail; the
//! aggravated band cites Art. 7 (UNCONFIRMED: its money figure is).

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

jianguan_plugin::citations! {
    /// GB 18218-2018 Tables 1 and 2 (critical quantities) and S = Σq/Q.
    GB_IDENTIFY = (GB, GB_NO, "表1、表2（临界量）；辨识指标 S = q1/Q1 + … + qn/Qn", Corroborated);
    /// GB 18218-2018 Tables 3–6 (β, α, levels) and R = α·Σβq/Q.
    GB_GRADE = (GB, GB_NO, "表3、表4（校正系数β）、表5（校正系数α）、表6（分级）；R = α(β1q1/Q1 + … + βnqn/Qn)", Corroborated);
    /// The β of a Table-1 chemical: Table 3 if a listed toxic gas, else Table 4
    /// by its hazard category (RULES §10.1: UNCONFIRMED).
    GB_BETA_RULE = (GB, GB_NO, "表1所列物质的β：表3所列毒性气体取表3，其余按危险性类别取表4", Unconfirmed);
    /// Table-1 rows found in only one source (RULES §10.1).
    GB_TABLE1_WEAK = (GB, GB_NO, "表1（仅见于一个来源的行，待核对标准原文）", Unconfirmed);
    /// 安全生产法 Art. 117: a major hazard is a unit at or above the critical quantity.
    SAFETY_LAW_117 = (SAFETY_LAW, SAFETY_LAW_NO, "第一百一十七条", Solid);
    /// 安全生产法 Art. 40: register, assess, monitor and file major hazards.
    SAFETY_LAW_40 = (SAFETY_LAW, SAFETY_LAW_NO, "第四十条", Solid);
    /// 条例 Art. 22: safety assessment every 3 years, filed with the county.
    HC_REG_22 = (HC_REG, HC_REG_NO, "第二十二条", Solid);
    /// 条例 Art. 33: trading licence.
    HC_REG_33 = (HC_REG, HC_REG_NO, "第三十三条", Solid);
    /// 条例 Art. 77: penalties for unlicensed use or trade.
    HC_REG_77 = (HC_REG, HC_REG_NO, "第七十七条", Solid);
    /// 条例 Art. 78: penalties (labels, warehouse keeping, two-person custody).
    HC_REG_78 = (HC_REG, HC_REG_NO, "第七十八条", Solid);
    /// 条例 Art. 80: penalties (safety assessment, storage).
    HC_REG_80 = (HC_REG, HC_REG_NO, "第八十条", Solid);
    /// 条例 Art. 81: penalties (filing).
    HC_REG_81 = (HC_REG, HC_REG_NO, "第八十一条", Solid);
    /// 包保 scheme: the technical lead's quarterly major-hazard check.
    BAOBAO_TECH_LEAD = ("危险化学品企业重大危险源安全包保责任制办法（试行）", "", "技术负责人每季度至少组织一次针对性安全风险隐患排查", Unconfirmed);
    /// 刑法 Art. 125 para 2.
    CRIM_125 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百二十五条第二款", Solid);
    /// 刑法 Art. 134之一.
    CRIM_134_1 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条之一", Solid);
    /// 刑法 Art. 136.
    CRIM_136 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十六条", Solid);
    /// 法释〔2015〕22号 Art. 6 (consequence thresholds of accident crimes).
    INTERP_6 = (INTERP, INTERP_NO, "第六条", Corroborated);
    /// 法释〔2015〕22号 Art. 7: the aggravated band (3–7 years). UNCONFIRMED:
    /// the death and injury figures are corroborated, the money figure of item
    /// (二) is not (RULES §6.5), and one citation covers both.
    INTERP_7 = (INTERP, INTERP_NO, "第七条", Unconfirmed);
    /// 行政处罚法 Art. 33.
    PENALTY_LAW_33 = ("中华人民共和国行政处罚法", "主席令第七十号", "第三十三条", Solid);
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_citation_is_used_by_some_result_or_the_catalogue() {
        jianguan_plugin::testing::assert_citations_used(
            super::CITATION_NAMES,
            &[
                include_str!("catalogue.rs"),
                include_str!("duties.rs"),
                include_str!("grading.rs"),
                include_str!("referral.rs"),
                include_str!("inventory.rs"),
                include_str!("tables.rs"),
            ],
        );
    }
}
