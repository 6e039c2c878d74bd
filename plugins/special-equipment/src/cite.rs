//! The articles results cite, by index into [`citations`]. Results write
//! `Reason::new(cite::SE_LAW_40, …)`; a test checks every index is in range.
//! A referral finding on accident figures cites 法释〔2015〕22号 Art. 6 (the
//! figures' source) and names the Criminal Law article in its detail; the
//! aggravated band cites Art. 7 (UNCONFIRMED: its money figure is), and the
//! accident grade cites Decree 493 Art. 3.

use jianguan_plugin::{Certainty, Citation};

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

/// 条例 (2009) Art. 99: scope thresholds.
pub const SE_REG_99: u32 = 0;
/// 特种设备安全法 Art. 40: request periodic inspection one month before expiry.
pub const SE_LAW_40: u32 = 1;
/// TSG 21-2016: metallic fixed pressure vessels, intervals by safety grade.
pub const TSG21_METAL: u32 = 2;
/// TSG 21-2016: non-metallic pressure vessels.
pub const TSG21_NON_METAL: u32 = 3;
/// Other intervals (configurable; RULES §9.3 UNCONFIRMED).
pub const OTHER_INTERVALS: u32 = 4;
/// Order 57 Art. 9: key units.
pub const ORDER57_9: u32 = 5;
/// Order 57 Art. 24: major violations.
pub const ORDER57_24: u32 = 6;
/// Order 57 Art. 25: serious accident hazards.
pub const ORDER57_25: u32 = 7;
/// Order 57 Art. 26: stop use, seal or seize.
pub const ORDER57_26: u32 = 8;
/// 特种设备安全法 Art. 83.
pub const SE_LAW_83: u32 = 9;
/// 特种设备安全法 Art. 84.
pub const SE_LAW_84: u32 = 10;
/// 特种设备安全法 Art. 86.
pub const SE_LAW_86: u32 = 11;
/// 特种设备安全法 Art. 89.
pub const SE_LAW_89: u32 = 12;
/// 刑法 Art. 134.
pub const CRIM_134: u32 = 13;
/// 刑法 Art. 135.
pub const CRIM_135: u32 = 14;
/// 刑法 Art. 134之一.
pub const CRIM_134_1: u32 = 15;
/// 法释〔2015〕22号 Art. 6.
pub const INTERP_6: u32 = 16;
/// 法释〔2015〕22号 Art. 7: the aggravated band (3–7 years). UNCONFIRMED:
/// the death and injury figures are corroborated, the money figure of item
/// (二) is not (RULES §6.5), and one citation covers both.
pub const INTERP_7: u32 = 17;
/// 生产安全事故报告和调查处理条例 Art. 3: accident grades.
pub const DECREE_493_3: u32 = 18;
/// 行政处罚法 Art. 33.
pub const PENALTY_LAW_33: u32 = 19;

/// The citation list, in index order.
pub fn citations() -> Vec<Citation> {
    use Certainty::{Corroborated, Solid, Unconfirmed};
    let c = Citation::new;
    vec![
        c(SE_REG, SE_REG_NO, "第九十九条", Solid),
        c(SE_LAW, SE_LAW_NO, "第四十条", Solid),
        c(
            TSG21,
            TSG21_NO,
            "定期检验周期（金属压力容器，按安全状况等级）",
            Corroborated,
        ),
        c(
            TSG21,
            TSG21_NO,
            "定期检验周期（非金属压力容器，按安全状况等级）",
            Corroborated,
        ),
        c(
            "特种设备安全技术规范",
            "",
            "定期检验周期（电梯、气瓶、起重机械、客运索道、大型游乐设施、场（厂）内专用机动车辆；可配置）",
            Unconfirmed,
        ),
        c(ORDER57, ORDER57_NO, "第九条", Solid),
        c(ORDER57, ORDER57_NO, "第二十四条", Solid),
        c(ORDER57, ORDER57_NO, "第二十五条", Solid),
        c(ORDER57, ORDER57_NO, "第二十六条", Solid),
        c(SE_LAW, SE_LAW_NO, "第八十三条", Solid),
        c(SE_LAW, SE_LAW_NO, "第八十四条", Solid),
        c(SE_LAW, SE_LAW_NO, "第八十六条", Solid),
        c(SE_LAW, SE_LAW_NO, "第八十九条", Solid),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条", Solid),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十五条", Solid),
        c(CRIMINAL_LAW, CRIMINAL_LAW_NO, "第一百三十四条之一", Solid),
        c(
            "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释",
            "法释〔2015〕22号",
            "第六条",
            Corroborated,
        ),
        c(
            "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释",
            "法释〔2015〕22号",
            "第七条",
            Unconfirmed,
        ),
        c(
            "生产安全事故报告和调查处理条例",
            "国务院令第493号",
            "第三条",
            Solid,
        ),
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
                include_str!("scope.rs"),
            ],
            super::citations().len(),
        );
    }
}
