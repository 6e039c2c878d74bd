//! The articles a drugs result can cite, and a named index for each,
//! declared once with [`jianguan_plugin::citations!`], which numbers the
//! constants in the order of [`citations`].

const ORDER_53: &str = "医疗器械生产监督管理办法";
const ORDER_53_NO: &str = "国家市场监督管理总局令第53号";
const ORDER_54: &str = "医疗器械经营监督管理办法";
const ORDER_54_NO: &str = "国家市场监督管理总局令第54号";
const ORDER_28: &str = "药品生产监督管理办法";
const ORDER_28_NO: &str = "国家市场监督管理总局令第28号";
const ORDER_46: &str = "化妆品生产经营监督管理办法";
const ORDER_46_NO: &str = "国家市场监督管理总局令第46号";
const CRIMINAL_LAW: &str = "中华人民共和国刑法";
const DRUG_INTERP: &str =
    "最高人民法院、最高人民检察院关于办理危害药品安全刑事案件适用法律若干问题的解释";
const DRUG_INTERP_NO: &str = "高检发释字〔2022〕1号";
const FILING_STD: &str = "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）";
const PENALTY_LAW: &str = "中华人民共和国行政处罚法";

jianguan_plugin::citations! {
    /// Order 53 Art. 45: annual self-inspection report by 31 March.
    ORDER53_ART45 = (ORDER_53, ORDER_53_NO, "第四十五条", Solid);
    /// Order 53 Art. 49: key-product makers inspected at least once a year.
    ORDER53_ART49 = (ORDER_53, ORDER_53_NO, "第四十九条", Solid);
    /// Order 53 Art. 51: focus points when inspecting a self-producing registrant.
    ORDER53_ART51 = (ORDER_53, ORDER_53_NO, "第五十一条", Solid);
    /// Order 53 Art. 67: bad credit record → more inspections.
    ORDER53_ART67 = (ORDER_53, ORDER_53_NO, "第六十七条第三款", Solid);
    /// Order 53 Art. 78: product varieties not reported.
    ORDER53_ART78 = (ORDER_53, ORDER_53_NO, "第七十八条", Solid);
    /// Order 53 Art. 79: registration change; unique device identification.
    ORDER53_ART79 = (ORDER_53, ORDER_53_NO, "第七十九条", Solid);
    /// Order 54 Art. 44: traders' self-inspection report by 31 March.
    ORDER54_ART44 = (ORDER_54, ORDER_54_NO, "第四十四条", Solid);
    /// Order 54 Art. 48: city and county annual plans set the frequency.
    ORDER54_ART48 = (ORDER_54, ORDER_54_NO, "第四十八条", Solid);
    /// Order 54 Art. 50: inspection of compliance with the trade GSP.
    ORDER54_ART50 = (ORDER_54, ORDER_54_NO, "第五十条", Solid);
    /// Order 54 Art. 60: bad credit record → more inspections.
    ORDER54_ART60 = (ORDER_54, ORDER_54_NO, "第六十条第二款", Solid);
    /// Order 54 Art. 68: self-inspection report not submitted.
    ORDER54_ART68 = (ORDER_54, ORDER_54_NO, "第六十八条", Solid);
    /// Order 28 Art. 55: drug inspection frequencies (UNCONFIRMED).
    ORDER28_ART55 = (ORDER_28, ORDER_28_NO, "第五十五条", Unconfirmed);
    /// Order 46 Art. 50: cosmetics frequency set by risk (no figure).
    ORDER46_ART50 = (ORDER_46, ORDER_46_NO, "第五十条", Solid);
    /// Criminal Law Art. 141: counterfeit drugs.
    CRIM_141 = (CRIMINAL_LAW, "", "第一百四十一条", Solid);
    /// Criminal Law Art. 142: substandard drugs.
    CRIM_142 = (CRIMINAL_LAW, "", "第一百四十二条", Solid);
    /// Criminal Law Art. 142之一: obstructing drug administration.
    CRIM_142_1 = (CRIMINAL_LAW, "", "第一百四十二条之一", Solid);
    /// Criminal Law Art. 145: medical devices below standard.
    CRIM_145 = (CRIMINAL_LAW, "", "第一百四十五条", Solid);
    /// Criminal Law Art. 148: cosmetics below hygiene standard.
    CRIM_148 = (CRIMINAL_LAW, "", "第一百四十八条", Solid);
    /// Criminal Law Art. 149: fallback to Art. 140 at sales ≥ 50,000.
    CRIM_149 = (CRIMINAL_LAW, "", "第一百四十九条", Solid);
    /// Police filing standard (一) Art. 16: 5万 / 15万 / ×3 rule.
    FILING_STD_ART16 = (FILING_STD, "", "第十六条", Solid);
    /// 2022 drug interpretation Art. 1: aggravating drug types and makers.
    INTERP_ART1 = (DRUG_INTERP, DRUG_INTERP_NO, "第一条", Corroborated);
    /// 2022 drug interpretation Art. 2: serious harm.
    INTERP_ART2 = (DRUG_INTERP, DRUG_INTERP_NO, "第二条", Corroborated);
    /// 2022 drug interpretation Art. 3: other serious circumstances.
    INTERP_ART3 = (DRUG_INTERP, DRUG_INTERP_NO, "第三条", Corroborated);
    /// 2022 drug interpretation Art. 4: especially serious (list UNCONFIRMED).
    INTERP_ART4 = (DRUG_INTERP, DRUG_INTERP_NO, "第四条", Unconfirmed);
    /// Administrative Penalty Law Art. 33: first minor violation.
    PENALTY_LAW_ART33 = (PENALTY_LAW, "", "第三十三条第一款", Solid);
    /// 药品检查管理办法（试行）: inspection planning for drug traders (no figure).
    DRUG_INSPECTION_MEASURES = ("药品检查管理办法（试行）", "国药监药管〔2021〕31号", "检查频次（条款未核实）", Unconfirmed);
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
        let all = citations();
        assert_eq!(all.len() as u32, DRUG_INSPECTION_MEASURES + 1);
        assert_eq!(all[CRIM_142_1 as usize].article, "第一百四十二条之一");
        assert_eq!(all[ORDER54_ART68 as usize].article, "第六十八条");
        assert_eq!(all[INTERP_ART3 as usize].article, "第三条");
        assert_eq!(
            all[ORDER28_ART55 as usize].certainty,
            jianguan_plugin::Certainty::Unconfirmed
        );
    }
}
