/**
 * @file referral.c
 * @brief assess_referral(): 生产、销售伪劣产品罪 under 刑法 第一百四十条 and
 *        the filing standard 立案追诉标准（一） 第十六条.
 */
#include "internal.h"

#include <inttypes.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Referral: 刑法 第一百四十条, 立案追诉标准（一） 第十六条                 */
/* ------------------------------------------------------------------------ */

/** 刑法 第一百四十条 / 立案追诉标准（一）第十六条第一项: sales "五万元以上", in fen. */
#define PQ_SALES_THRESHOLD_FEN 5000000LL
/** 立案追诉标准（一）第十六条第二、三项: "十五万元以上", in fen. */
#define PQ_UNSOLD_THRESHOLD_FEN 15000000LL
/** 第十六条第三项: the sold amount counts three times. */
#define PQ_SOLD_MULTIPLIER 3
/** Amounts above 10^13 CNY are refused: far beyond any case, and the
 *  bound keeps 3 × sales in fen exact. */
#define PQ_MAX_CNY 1e13

/** A money fact in fen, rounded half away from zero to the fen. */
static jg_plugin_status pq_money(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r, const char *name,
                                 int64_t *out)
{
    double v = pq_number(c, r);
    if (!(v >= 0 && v <= PQ_MAX_CNY) || pq_round(v * 100.0, out) != 0) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `%s` = %g is outside 0..1e13 CNY", r, name,
                       v);
    }
    return JG_PLUGIN_OK;
}

/** The sentencing band of 刑法 第一百四十条 a sales amount falls in. */
static const char *pq_sentencing_band(int64_t sales)
{
    if (sales >= 200000000LL) {
        return "销售金额二百万元以上：处十五年有期徒刑或者无期徒刑，并处销售金额百分之五十以上二倍以下罚金或者没收财产";
    }
    if (sales >= 50000000LL) {
        return "销售金额五十万元以上不满二百万元：处七年以上有期徒刑，并处销售金额百分之五十以上二倍以下罚金";
    }
    if (sales >= 20000000LL) {
        return "销售金额二十万元以上不满五十万元：处二年以上七年以下有期徒刑，并处销售金额百分之五十以上二倍以下罚金";
    }
    return "销售金额五万元以上不满二十万元：处二年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金";
}

/**
 * One finding per case on 生产、销售伪劣产品罪.
 *
 * The conduct (掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品)
 * must be there; then the filing standard (一) Art. 16 files the case when
 * (1) sales ≥ 50,000; or (2) unsold goods are worth ≥ 150,000; or (3) sales
 * are under 50,000 but 3 × sales + unsold value ≥ 150,000. "以上" includes
 * the figure (刑法 第九十九条), so 50,000.00 refers and 49,999.99 does not.
 * A met amount with conduct that is only suspected gives NEEDS_TESTING: Art.
 * 16 sends conduct "难以确定的" to a product-quality testing body first.
 */
jg_plugin_status pq_assess_referral(jg_plugin_state *s, const jg_plugin_facts *facts,
                                    const jg_plugin_referral_out *out)
{
    if (s == NULL) {
        return JG_PLUGIN_INTERNAL;
    }
    s->error[0] = '\0';
    if (facts == NULL || out == NULL || (facts->column_count > 0 && facts->columns == NULL)) {
        return pq_fail(s, JG_PLUGIN_INTERNAL, "assess_referral() called without facts or an output");
    }
    const jg_plugin_column *sales_c, *unsold_c, *conduct_c;
    jg_plugin_status st;
    if ((st = pq_column(s, facts, "sales_cny", JG_PLUGIN_FACT_NUMBER, 1, &sales_c)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "unsold_value_cny", JG_PLUGIN_FACT_NUMBER, 0, &unsold_c)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "adulteration", JG_PLUGIN_FACT_TEXT, 1, &conduct_c)) != JG_PLUGIN_OK) {
        return st;
    }
    for (uint64_t r = 0; r < facts->rows; r++) {
        int64_t sales, unsold = 0;
        if (!pq_has(sales_c, r)) {
            return pq_missing(s, r, "sales_cny");
        }
        if ((st = pq_money(s, sales_c, r, "sales_cny", &sales)) != JG_PLUGIN_OK) {
            return st;
        }
        if (pq_has(unsold_c, r) && (st = pq_money(s, unsold_c, r, "unsold_value_cny", &unsold)) != JG_PLUGIN_OK) {
            return st;
        }
        if (!pq_has(conduct_c, r)) {
            return pq_missing(s, r, "adulteration");
        }
        const char *conduct = pq_text(conduct_c, r);
        int confirmed = strcmp(conduct, "confirmed") == 0;
        int suspected = strcmp(conduct, "suspected") == 0;
        if (!confirmed && !suspected && strcmp(conduct, "none") != 0) {
            return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                           "row %" PRIu64 ": fact `adulteration` is `%.32s`, not one of: none, suspected, confirmed", r,
                           conduct);
        }
        char ss[32], us[32], cs[32];
        pq_cny(ss, sizeof ss, sales);
        pq_cny(us, sizeof us, unsold);
        int64_t combined = PQ_SOLD_MULTIPLIER * sales + unsold;
        pq_cny(cs, sizeof cs, combined);

        if (!confirmed && !suspected) {
            pq_format(s->detail, sizeof s->detail,
                      "未认定在产品中掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品：不具备生产、销售伪劣产品罪的"
                      "行为要件（销售金额 %s 元，尚未销售的货值金额 %s 元）",
                      ss, us);
            if (out->add_finding(out->host, r, JG_PLUGIN_DO_NOT_REFER, PQ_CITE_CRIM_140, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a finding", r);
            }
            continue;
        }
        jg_plugin_decision met = confirmed ? JG_PLUGIN_REFER : JG_PLUGIN_NEEDS_TESTING;
        const char *testing = confirmed ? "" : "；伪劣性质难以确定，应当先委托产品质量检验机构鉴定（立案追诉标准（一）第十六条）";
        jg_plugin_decision decision;
        uint32_t citation;
        if (sales >= PQ_SALES_THRESHOLD_FEN) {
            decision = met;
            citation = PQ_CITE_CRIM_140;
            pq_format(s->detail, sizeof s->detail, "伪劣产品销售金额 %s 元 ≥ 50000 元（五万元以上，含本数）；%s%s", ss,
                      pq_sentencing_band(sales), testing);
        } else if (unsold >= PQ_UNSOLD_THRESHOLD_FEN) {
            decision = met;
            citation = PQ_CITE_FILING_STD_16;
            pq_format(s->detail, sizeof s->detail,
                      "伪劣产品尚未销售，货值金额 %s 元 ≥ 150000 元（第十六条第二项；以未遂论）%s", us, testing);
        } else if (combined >= PQ_UNSOLD_THRESHOLD_FEN) {
            decision = met;
            citation = PQ_CITE_FILING_STD_16;
            pq_format(s->detail, sizeof s->detail,
                      "销售金额 %s 元不满 50000 元，但 3 × %s + 尚未销售的货值 %s = %s 元 ≥ 150000 元（第十六条第三项）%s",
                      ss, ss, us, cs, testing);
        } else {
            decision = JG_PLUGIN_DO_NOT_REFER;
            citation = PQ_CITE_FILING_STD_16;
            pq_format(s->detail, sizeof s->detail,
                      "未达立案追诉标准：销售金额 %s 元 < 50000 元；尚未销售的货值 %s 元 < 150000 元；3 × %s + %s = %s 元 "
                      "< 150000 元",
                      ss, us, ss, us, cs);
        }
        if (out->add_finding(out->host, r, decision, citation, s->detail) != 0) {
            return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a finding", r);
        }
    }
    return JG_PLUGIN_OK;
}
