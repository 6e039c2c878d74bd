/*
 * product_quality.h — indices shared by the product_quality plugin and its
 * test program. The host never sees this file: it reads the same indices
 * from the description JSON (citations and grades are lists there, and
 * results refer to them by position).
 *
 * Keep the enums in the order of the "citations" and "grades" arrays in
 * describe(); test_rules.c checks the counts against the JSON.
 */
#ifndef JG_PRODUCT_QUALITY_H
#define JG_PRODUCT_QUALITY_H

/** Positions in the description's "citations" array. */
enum pq_citation {
    /** 定量包装商品计量监督管理办法（总局令第70号）附件3：允许短缺量 T. */
    PQ_CITE_ORDER70_ANNEX3 = 0,
    /** Order 70: batch average actual content ≥ nominal (article unverified). */
    PQ_CITE_ORDER70_LOT_MEAN,
    /** JJF 1070: sample mean ≥ Qn − λs. */
    PQ_CITE_JJF1070_MEAN,
    /** JJF 1070: units short by more than T (and not more than 2T) within the plan's allowance. */
    PQ_CITE_JJF1070_T1,
    /** JJF 1070: no unit short by more than 2T. */
    PQ_CITE_JJF1070_GROSS,
    /** Order 70: penalty for short net content (article unverified). */
    PQ_CITE_ORDER70_PENALTY,
    /** Order 70 Art. 12: metrological supervision inspection. */
    PQ_CITE_ORDER70_ART12,
    /** 刑法 第一百四十条. */
    PQ_CITE_CRIM_140,
    /** 立案追诉标准（一） 第十六条. */
    PQ_CITE_FILING_STD_16,
    /** 产品质量监督抽查管理暂行办法（总局令第18号）第四十六条: correct within 60 days. */
    PQ_CITE_ORDER18_ART46,
    /** Order 18 Art. 47: re-check within 75 days. */
    PQ_CITE_ORDER18_ART47,
    /** Order 18 Art. 48: re-check 60–90 days after the announcement. */
    PQ_CITE_ORDER18_ART48,
    /** 产品质量法 第十七条: consequences of a failed spot check. */
    PQ_CITE_PQL_ART17,
    /** 产品质量法 第五十条: penalty for adulteration and passing off. */
    PQ_CITE_PQL_ART50,
    /** 行政处罚法 第三十三条: no penalty for minor, first or faultless violations. */
    PQ_CITE_PENALTY_LAW_ART33,
    /** Number of citations. */
    PQ_CITATION_COUNT
};

/** Positions in the description's "grades" array, lowest risk first. */
enum pq_grade {
    /** The lot meets every net-content criterion. */
    PQ_GRADE_COMPLIANT = 0,
    /** The lot fails at least one criterion. */
    PQ_GRADE_NONCONFORMING,
    /** Number of grades. */
    PQ_GRADE_COUNT
};

/** Default multiple of T beyond which a single short unit fails the lot
 *  outright (JJF 1070 "2倍允许短缺量"; UNCONFIRMED, configurable). */
#define PQ_DEFAULT_GROSS_MULTIPLE 2

#endif /* JG_PRODUCT_QUALITY_H */
