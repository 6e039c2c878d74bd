//! The articles a food result can cite, and a named index for each, so that
//! code reads `Reason::new(cite::CRIM_143, ...)`. Declared once with
//! [`jianguan_plugin::citations!`], which numbers the constants in the order
//! of [`citations`], so the two cannot drift apart.

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

jianguan_plugin::citations! {
    /// Order 49 Art. 15: production check points.
    ORDER49_ART15 = (ORDER_49, ORDER_49_NO, "第十五条", Solid);
    /// Order 49 Art. 17: sales check points.
    ORDER49_ART17 = (ORDER_49, ORDER_49_NO, "第十七条", Solid);
    /// Order 49 Art. 18: special-food check points.
    ORDER49_ART18 = (ORDER_49, ORDER_49_NO, "第十八条", Solid);
    /// Order 49 Art. 20: catering check points.
    ORDER49_ART20 = (ORDER_49, ORDER_49_NO, "第二十条", Solid);
    /// Order 49 Art. 22: two-year full coverage; mandatory key inspection.
    ORDER49_ART22 = (ORDER_49, ORDER_49_NO, "第二十二条", Solid);
    /// Order 49 Art. 37: label and instruction flaws (标签瑕疵).
    ORDER49_ART37 = (ORDER_49, ORDER_49_NO, "第三十七条", Solid);
    /// Order 49 Art. 48: inspection result sheet not displayed.
    ORDER49_ART48 = (ORDER_49, ORDER_49_NO, "第四十八条", Solid);
    /// Order 49 Art. 49: obstructing inspection.
    ORDER49_ART49 = (ORDER_49, ORDER_49_NO, "第四十九条", Solid);
    /// Order 49 Art. 51: first minor violation; no fault.
    ORDER49_ART51 = (ORDER_49, ORDER_49_NO, "第五十一条", Solid);
    /// CFDA 2016 scheme: 40 static + 60 dynamic risk-factor points.
    CFDA_SCORE_MODEL = (CFDA_2016, CFDA_2016_NO, "风险因素量化分值（静态40分、动态60分）", Corroborated);
    /// CFDA 2016 scheme: score cut-offs between levels (UNCONFIRMED).
    CFDA_LEVEL_CUTOFFS = (CFDA_2016, CFDA_2016_NO, "风险等级分值界限", Unconfirmed);
    /// CFDA 2016 scheme: minimum inspections per year per level.
    CFDA_FREQUENCY = (CFDA_2016, CFDA_2016_NO, "各风险等级监督检查频次", Corroborated);
    /// Criminal Law Art. 140: fake or substandard products.
    CRIM_140 = (CRIMINAL_LAW, "", "第一百四十条", Solid);
    /// Criminal Law Art. 143: food below safety standards.
    CRIM_143 = (CRIMINAL_LAW, "", "第一百四十三条", Solid);
    /// Criminal Law Art. 144: toxic or harmful food.
    CRIM_144 = (CRIMINAL_LAW, "", "第一百四十四条", Solid);
    /// Criminal Law Art. 149: fallback to Art. 140 at sales ≥ 50,000.
    CRIM_149 = (CRIMINAL_LAW, "", "第一百四十九条", Solid);
    /// 2021 food interpretation Art. 1: "足以造成严重食物中毒事故".
    INTERP_ART1 = (FOOD_INTERP, FOOD_INTERP_NO, "第一条", Solid);
    /// 2021 food interpretation Art. 2: serious harm under Art. 143.
    INTERP_ART2 = (FOOD_INTERP, FOOD_INTERP_NO, "第二条", Solid);
    /// 2021 food interpretation Art. 3: other serious circumstances under Art. 143.
    INTERP_ART3 = (FOOD_INTERP, FOOD_INTERP_NO, "第三条", Solid);
    /// 2021 food interpretation Art. 4: especially serious consequences under Art. 143.
    INTERP_ART4 = (FOOD_INTERP, FOOD_INTERP_NO, "第四条", Solid);
    /// 2021 food interpretation Art. 6: serious harm under Art. 144.
    INTERP_ART6 = (FOOD_INTERP, FOOD_INTERP_NO, "第六条", Solid);
    /// 2021 food interpretation Art. 7: other serious circumstances under Art. 144.
    INTERP_ART7 = (FOOD_INTERP, FOOD_INTERP_NO, "第七条", Solid);
    /// 2021 food interpretation Art. 8: especially serious circumstances under Art. 144.
    INTERP_ART8 = (FOOD_INTERP, FOOD_INTERP_NO, "第八条", Solid);
    /// 2021 food interpretation Art. 9: toxic or harmful non-food substances.
    INTERP_ART9 = (FOOD_INTERP, FOOD_INTERP_NO, "第九条", Solid);
    /// Police filing standard (一) Art. 16: 5万 / 15万 / ×3 rule.
    FILING_STD_ART16 = (FILING_STD, "", "第十六条", Solid);
    /// Food Safety Law Art. 125 para. 2: label flaws.
    FOOD_SAFETY_LAW_ART125 = (FOOD_SAFETY_LAW, "", "第一百二十五条第二款", Solid);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_is_used_by_some_result_or_the_catalogue() {
        jianguan_plugin::testing::assert_citations_used(
            super::CITATION_NAMES,
            &[
                include_str!("catalogue.rs"),
                include_str!("duties.rs"),
                include_str!("grading.rs"),
                include_str!("referral.rs"),
            ],
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
            jianguan_plugin::Certainty::Unconfirmed
        );
    }
}
