//! The articles results cite, by index into [`citations`]. Results write
//! `Reason::new(cite::SE_LAW_40, …)`. Declared once with
//! [`jianguan_plugin::citations!`], which numbers the constants in order.
//! A referral finding on accident figures cites 法释〔2015〕22号 Art. 6 (the
//! figures' source) and names the Criminal Law article in its detail; the
//! aggravated band cites Art. 7 (UNCONFIRMED: its money figure is), and the
//! accident grade cites Decree 493 Art. 3.

const SE_LAW: &str = "中华人民共和国特种设备安全法";
const SE_LAW_NO: &str = "主席令第四号";
const SE_REG: &str = "特种设备安全监察条例";
const SE_REG_NO: &str = "国务院令第373号（国务院令第549号修订）";
const TSG21: &str = "固定式压力容器安全技术监察规程";
const TSG21_NO: &str = "TSG 21-2016";
const ORDER57: &str = "特种设备安全监督检查办法";
const ORDER57_NO: &str = "国家市场监督管理总局令第57号";
const CRIMINAL_LAW: &str = "中华人民共和国刑法";
const CRIMINAL_LAW_NO: &str = "主席令第八十三号";

jianguan_plugin::citations! {
    /// 条例 (2009) Art. 99: scope thresholds.
    SE_REG_99 = (SE_REG, SE_REG_NO, "第九十九条", Solid);
    /// 特种设备安全法 Art. 40: request periodic inspection one month before expiry.
    SE_LAW_40 = (SE_LAW, SE_LAW_NO, "第四十条", Solid);
    /// TSG 21-2016: metallic fixed pressure vessels, intervals by safety grade.
    TSG21_METAL = (TSG21, TSG21_NO, "定期检验周期（金属压力容器，按安全状况等级）", Corroborated);
    /// TSG 21-2016: non-metallic pressure vessels.
    TSG21_NON_METAL = (TSG21, TSG21_NO, "定期检验周期（非金属压力容器，按安全状况等级）", Corroborated);
    /// Other intervals (configurable; RULES §9.3 UNCONFIRMED).
    OTHER_INTERVALS = ("特种设备安全技术规范", "", "定期检验周期（电梯、气瓶、起重机械、客运索道、大型游乐设施、场（厂）内专用机动车辆；可配置）", Unconfirmed);
    /// Order 57 Art. 9: key units.
    ORDER57_9 = (ORDER57, ORDER57_NO, "第九条", Solid);
    /// Order 57 Art. 24: major violations.
    ORDER57_24 = (ORDER57, ORDER57_NO, "第二十四条", Solid);
    /// Order 57 Art. 25: serious accident hazards.
    ORDER57_25 = (ORDER57, ORDER57_NO, "第二十五条", Solid);
    /// Order 57 Art. 26: stop use, seal or seize.
    ORDER57_26 = (ORDER57, ORDER57_NO, "第二十六条", Solid);
    /// 特种设备安全法 Art. 83.
    SE_LAW_83 = (SE_LAW, SE_LAW_NO, "第八十三条", Solid);
    /// 特种设备安全法 Art. 84.
    SE_LAW_84 = (SE_LAW, SE_LAW_NO, "第八十四条", Solid);
    /// 特种设备安全法 Art. 86.
    SE_LAW_86 = (SE_LAW, SE_LAW_NO, "第八十六条", Solid);
    /// 特种设备安全法 Art. 89.
    SE_LAW_89 = (SE_LAW, SE_LAW_NO, "第八十九条", Solid);
    /// 刑法 Art. 134.
    CRIM_134 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条", Solid);
    /// 刑法 Art. 135.
    CRIM_135 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十五条", Solid);
    /// 刑法 Art. 134之一.
    CRIM_134_1 = (CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条之一", Solid);
    /// 法释〔2015〕22号 Art. 6.
    INTERP_6 = ("最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释", "法释〔2015〕22号", "第六条", Corroborated);
    /// 法释〔2015〕22号 Art. 7: the aggravated band (3–7 years). UNCONFIRMED:
    /// the death and injury figures are corroborated, the money figure of item
    /// (二) is not (RULES §6.5), and one citation covers both.
    INTERP_7 = ("最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释", "法释〔2015〕22号", "第七条", Unconfirmed);
    /// 生产安全事故报告和调查处理条例 Art. 3: accident grades.
    DECREE_493_3 = ("生产安全事故报告和调查处理条例", "国务院令第493号", "第三条", Solid);
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
                include_str!("scope.rs"),
            ],
        );
    }
}
