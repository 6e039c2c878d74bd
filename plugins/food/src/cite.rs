//! The articles a food result can cite, and a named index for each, so that
//! code reads `Reason::new(cite::CRIM_143, ...)`. The order of [`citations`]
//! must match the constants; a unit test checks it.

use jianguan_plugin::{Certainty, Citation};

const ORDER_49: &str = "食品生产经营监督检查管理办法";
const ORDER_49_NO: &str = "国家市场监督管理总局令第49号";
const CFDA_2016: &str = "食品生产经营风险分级管理办法（试行）";
const CFDA_2016_NO: &str = "食药监食监一〔2016〕115号";
const CRIMINAL_LAW: &str = "中华人民共和国刑法";
const FOOD_INTERP: &str =
    "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释";
const FOOD_INTERP_NO: &str = "法释〔2021〕24号";
const FILING_STD: &str = "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）";
const FOOD_SAFETY_LAW: &str = "中华人民共和国食品安全法";

/// Order 49 Art. 15: production check points.
pub const ORDER49_ART15: u32 = 0;
/// Order 49 Art. 17: sales check points.
pub const ORDER49_ART17: u32 = 1;
/// Order 49 Art. 18: special-food check points.
pub const ORDER49_ART18: u32 = 2;
/// Order 49 Art. 20: catering check points.
pub const ORDER49_ART20: u32 = 3;
/// Order 49 Art. 22: two-year full coverage; mandatory key inspection.
pub const ORDER49_ART22: u32 = 4;
/// Order 49 Art. 37: label and instruction flaws (标签瑕疵).
pub const ORDER49_ART37: u32 = 5;
/// Order 49 Art. 48: inspection result sheet not displayed.
pub const ORDER49_ART48: u32 = 6;
/// Order 49 Art. 49: obstructing inspection.
pub const ORDER49_ART49: u32 = 7;
/// Order 49 Art. 51: first minor violation; no fault.
pub const ORDER49_ART51: u32 = 8;
/// CFDA 2016 scheme: 40 static + 60 dynamic risk-factor points.
pub const CFDA_SCORE_MODEL: u32 = 9;
/// CFDA 2016 scheme: score cut-offs between levels (UNCONFIRMED).
pub const CFDA_LEVEL_CUTOFFS: u32 = 10;
/// CFDA 2016 scheme: minimum inspections per year per level.
pub const CFDA_FREQUENCY: u32 = 11;
/// Criminal Law Art. 140: fake or substandard products.
pub const CRIM_140: u32 = 12;
/// Criminal Law Art. 143: food below safety standards.
pub const CRIM_143: u32 = 13;
/// Criminal Law Art. 144: toxic or harmful food.
pub const CRIM_144: u32 = 14;
/// Criminal Law Art. 149: fallback to Art. 140 at sales ≥ 50,000.
pub const CRIM_149: u32 = 15;
/// 2021 food interpretation Art. 1: "足以造成严重食物中毒事故".
pub const INTERP_ART1: u32 = 16;
/// 2021 food interpretation Art. 2: serious harm under Art. 143.
pub const INTERP_ART2: u32 = 17;
/// 2021 food interpretation Art. 3: other serious circumstances under Art. 143.
pub const INTERP_ART3: u32 = 18;
/// 2021 food interpretation Art. 4: especially serious consequences under Art. 143.
pub const INTERP_ART4: u32 = 19;
/// 2021 food interpretation Art. 6: serious harm under Art. 144.
pub const INTERP_ART6: u32 = 20;
/// 2021 food interpretation Art. 7: other serious circumstances under Art. 144.
pub const INTERP_ART7: u32 = 21;
/// 2021 food interpretation Art. 8: especially serious circumstances under Art. 144.
pub const INTERP_ART8: u32 = 22;
/// 2021 food interpretation Art. 9: toxic or harmful non-food substances.
pub const INTERP_ART9: u32 = 23;
/// Police filing standard (一) Art. 16: 5万 / 15万 / ×3 rule.
pub const FILING_STD_ART16: u32 = 24;
/// Food Safety Law Art. 125 para. 2: label flaws.
pub const FOOD_SAFETY_LAW_ART125: u32 = 25;

/// Every citation, in index order.
pub fn citations() -> Vec<Citation> {
    use Certainty::{Corroborated, Solid, Unconfirmed};
    let c = Citation::new;
    vec![
        c(ORDER_49, ORDER_49_NO, "第十五条", Solid),
        c(ORDER_49, ORDER_49_NO, "第十七条", Solid),
        c(ORDER_49, ORDER_49_NO, "第十八条", Solid),
        c(ORDER_49, ORDER_49_NO, "第二十条", Solid),
        c(ORDER_49, ORDER_49_NO, "第二十二条", Solid),
        c(ORDER_49, ORDER_49_NO, "第三十七条", Solid),
        c(ORDER_49, ORDER_49_NO, "第四十八条", Solid),
        c(ORDER_49, ORDER_49_NO, "第四十九条", Solid),
        c(ORDER_49, ORDER_49_NO, "第五十一条", Solid),
        c(
            CFDA_2016,
            CFDA_2016_NO,
            "风险因素量化分值（静态40分、动态60分）",
            Corroborated,
        ),
        c(CFDA_2016, CFDA_2016_NO, "风险等级分值界限", Unconfirmed),
        c(
            CFDA_2016,
            CFDA_2016_NO,
            "各风险等级监督检查频次",
            Corroborated,
        ),
        c(CRIMINAL_LAW, "", "第一百四十条", Solid),
        c(CRIMINAL_LAW, "", "第一百四十三条", Solid),
        c(CRIMINAL_LAW, "", "第一百四十四条", Solid),
        c(CRIMINAL_LAW, "", "第一百四十九条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第一条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第二条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第三条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第四条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第六条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第七条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第八条", Solid),
        c(FOOD_INTERP, FOOD_INTERP_NO, "第九条", Solid),
        c(FILING_STD, "", "第十六条", Solid),
        c(FOOD_SAFETY_LAW, "", "第一百二十五条第二款", Solid),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_is_used_by_some_result_or_the_catalogue() {
        jianguan_plugin::testing::assert_citations_used(
            include_str!("cite.rs"),
            &[
                include_str!("catalogue.rs"),
                include_str!("duties.rs"),
                include_str!("grading.rs"),
                include_str!("referral.rs"),
            ],
            citations().len(),
        );
    }

    #[test]
    fn the_last_constant_is_the_last_citation() {
        assert_eq!(citations().len() as u32, FOOD_SAFETY_LAW_ART125 + 1);
        let all = citations();
        assert_eq!(all[CRIM_143 as usize].article, "第一百四十三条");
        assert_eq!(all[INTERP_ART3 as usize].article, "第三条");
        assert_eq!(all[INTERP_ART4 as usize].article, "第四条");
        assert_eq!(all[INTERP_ART6 as usize].article, "第六条");
        assert_eq!(all[ORDER49_ART37 as usize].article, "第三十七条");
        assert_eq!(all[FILING_STD_ART16 as usize].article, "第十六条");
        assert_eq!(
            all[CFDA_LEVEL_CUTOFFS as usize].certainty,
            Certainty::Unconfirmed
        );
    }
}
