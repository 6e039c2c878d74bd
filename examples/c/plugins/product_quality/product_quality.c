/**
 * @file product_quality.c
 * @brief Example jianguan industry plugin written in C: product quality
 *        (产品质量, industrial products) against include/jianguan_plugin.h.
 *
 * Domain `product_quality`, industry `industrial_products`. It encodes, with
 * the sources recorded in SOURCES.md beside this file:
 *
 * - grading: the net content of prepackaged goods (定量包装商品) —
 *   the tolerable shortfall T of 定量包装商品计量监督管理办法
 *   (国家市场监督管理总局令第70号, in force 2023-06-01) 附件3, with its
 *   rounding note, and the lot criteria (batch mean not below the nominal
 *   quantity; units short by more than T within the sampling plan's
 *   allowance; no unit short by more than 2T) as JJF 1070 applies them;
 * - duties: the follow-up of a failed product-quality spot check under
 *   产品质量监督抽查管理暂行办法 (国家市场监督管理总局令第18号)
 *   Arts. 46–48: correct within 60 days, re-check within 75 days, re-check
 *   60–90 days after a public announcement;
 * - referral: 刑法 第一百四十条 through 立案追诉标准（一） 第十六条
 *   (5万 sales / 15万 unsold / 3 × sales + unsold ≥ 15万).
 *
 * Build (one file, no libm):
 *   gcc -std=c11 -Wall -Wextra -Werror -fPIC -shared \
 *       -I/work/main/include product_quality.c -o libjianguan_product_quality.so
 *
 * Arithmetic: every quantity that meets a boundary is compared as an
 * integer — quantities in micro-units (µg or µL), money in fen, dates in
 * days — so a figure exactly on a band or threshold goes the way the text
 * says ("以上" includes the figure, 刑法 第九十九条).
 */
#include "jianguan_plugin.h"
#include "product_quality.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/** The contract version this file reports. Tests override it with
 *  -DJG_PQ_CONTRACT_VERSION='"2.0.0"' to build a plugin the host must refuse. */
#ifndef JG_PQ_CONTRACT_VERSION
#define JG_PQ_CONTRACT_VERSION JG_PLUGIN_CONTRACT_VERSION
#endif

/** The plugin's own version (not the contract's). */
#define PQ_VERSION "0.1.0"

/** 1900-01-01 and 9999-12-31 as days since 1970-01-01: the host's date range. */
#define PQ_FIRST_DAY (-25567)
#define PQ_LAST_DAY 2932896

/* ------------------------------------------------------------------------ */
/* Description                                                               */
/* ------------------------------------------------------------------------ */

/*
 * The description as JSON (PluginDescription in plugins/api/src/describe.rs).
 * The order of "citations" and "grades" is the order of enum pq_citation and
 * enum pq_grade in product_quality.h. Certainty follows RULES.md: "solid" read
 * in the legal text, "corroborated" in two independent secondary copies,
 * "unconfirmed" otherwise (SOURCES.md gives the address of each).
 */
static const char PQ_DESCRIPTION[] =
    "{"
    "\"id\":\"product_quality\","
    "\"name_zh\":\"产品质量（工业产品）\","
    "\"name_en\":\"Product quality (industrial products)\","
    "\"version\":\"" PQ_VERSION "\","
    "\"industries\":[\"industrial_products\"],"
    "\"rule_sets\":["
    "{\"title\":\"定量包装商品计量监督管理办法\",\"number\":\"国家市场监督管理总局令第70号\",\"effective\":\"2023-06-01\"},"
    "{\"title\":\"定量包装商品净含量计量检验规则\",\"number\":\"JJF 1070-2023\",\"effective\":\"2024-10-12\"},"
    "{\"title\":\"产品质量监督抽查管理暂行办法\",\"number\":\"国家市场监督管理总局令第18号\",\"effective\":\"\"}"
    "],"
    "\"citations\":["
    /* 0 */ "{\"title\":\"定量包装商品计量监督管理办法\",\"number\":\"国家市场监督管理总局令第70号\","
    "\"article\":\"附件3 允许短缺量\",\"certainty\":\"corroborated\"},"
    /* 1 */ "{\"title\":\"定量包装商品计量监督管理办法\",\"number\":\"国家市场监督管理总局令第70号\","
    "\"article\":\"批量定量包装商品的平均实际含量应当大于或者等于其标注净含量（条次未核实；原国家质检总局令第75号为第九条）\","
    "\"certainty\":\"corroborated\"},"
    /* 2 */ "{\"title\":\"定量包装商品净含量计量检验规则\",\"number\":\"JJF 1070-2023\","
    "\"article\":\"结果评定：样本平均实际含量不得小于标注净含量减去样本平均实际含量修正值λs（据2005年版第6章；2023年版条次未核实）\","
    "\"certainty\":\"unconfirmed\"},"
    /* 3 */ "{\"title\":\"定量包装商品净含量计量检验规则\",\"number\":\"JJF 1070-2023\","
    "\"article\":\"结果评定：短缺量大于1倍、小于或者等于2倍允许短缺量的件数不得超过抽样方案规定数（据2005年版第6章；2023年版条次未核实）\","
    "\"certainty\":\"unconfirmed\"},"
    /* 4 */ "{\"title\":\"定量包装商品净含量计量检验规则\",\"number\":\"JJF 1070-2023\","
    "\"article\":\"结果评定：不得有短缺量大于2倍允许短缺量的单件（条次及原文未核实）\","
    "\"certainty\":\"unconfirmed\"},"
    /* 5 */ "{\"title\":\"定量包装商品计量监督管理办法\",\"number\":\"国家市场监督管理总局令第70号\","
    "\"article\":\"罚则：净含量不符合允许短缺量规定（条次未核实）\",\"certainty\":\"unconfirmed\"},"
    /* 6 */ "{\"title\":\"定量包装商品计量监督管理办法\",\"number\":\"国家市场监督管理总局令第70号\","
    "\"article\":\"第十二条\",\"certainty\":\"unconfirmed\"},"
    /* 7 */ "{\"title\":\"中华人民共和国刑法\",\"number\":\"\",\"article\":\"第一百四十条\",\"certainty\":\"solid\"},"
    /* 8 */ "{\"title\":\"最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）\","
    "\"number\":\"\",\"article\":\"第十六条\",\"certainty\":\"solid\"},"
    /* 9 */ "{\"title\":\"产品质量监督抽查管理暂行办法\",\"number\":\"国家市场监督管理总局令第18号\","
    "\"article\":\"第四十六条\",\"certainty\":\"corroborated\"},"
    /* 10 */ "{\"title\":\"产品质量监督抽查管理暂行办法\",\"number\":\"国家市场监督管理总局令第18号\","
    "\"article\":\"第四十七条\",\"certainty\":\"corroborated\"},"
    /* 11 */ "{\"title\":\"产品质量监督抽查管理暂行办法\",\"number\":\"国家市场监督管理总局令第18号\","
    "\"article\":\"第四十八条\",\"certainty\":\"corroborated\"},"
    /* 12 */ "{\"title\":\"中华人民共和国产品质量法\",\"number\":\"\",\"article\":\"第十七条\",\"certainty\":\"solid\"},"
    /* 13 */ "{\"title\":\"中华人民共和国产品质量法\",\"number\":\"\",\"article\":\"第五十条\",\"certainty\":\"solid\"},"
    /* 14 */ "{\"title\":\"中华人民共和国行政处罚法\",\"number\":\"\",\"article\":\"第三十三条\",\"certainty\":\"solid\"}"
    "],"
    "\"grades\":["
    "{\"label\":\"compliant\",\"description\":\"合格：样本平均实际含量、超出允许短缺量的件数、大于2倍允许短缺量的件数三项均符合（得分 0）\"},"
    "{\"label\":\"nonconforming\",\"description\":\"不合格：任一项不符合（得分为不符合的项数，1–3）\"}"
    "],"
    "\"frequencies\":[],"
    "\"items\":["
    "{\"code\":\"PQ-NET-CONTENT\",\"name\":\"定量包装商品净含量计量监督检查\",\"checklist\":["
    "{\"code\":\"NET-01\",\"text\":\"净含量标注由“净含量”（中文）、数字和法定计量单位（或者用中文表示的计数单位）组成\",\"key\":false},"
    "{\"code\":\"NET-02\",\"text\":\"单件实际含量与标注净含量之差不大于附件3规定的允许短缺量\",\"key\":true},"
    "{\"code\":\"NET-03\",\"text\":\"批量平均实际含量不小于标注净含量（按计量检验规则修正）\",\"key\":true},"
    "{\"code\":\"NET-04\",\"text\":\"检验由被授权的计量检定机构按照定量包装商品净含量计量检验规则等计量技术规范进行\",\"key\":false}"
    "],\"citation\":6},"
    "{\"code\":\"PQ-SPOT-CHECK-FOLLOWUP\",\"name\":\"产品质量监督抽查不合格后处理\",\"checklist\":["
    "{\"code\":\"FOLLOW-01\",\"text\":\"检验结论为不合格的，被抽样生产者、销售者立即停止生产、销售同一产品（暂行办法第四十五条）\",\"key\":true},"
    "{\"code\":\"FOLLOW-02\",\"text\":\"责令自责令之日起六十日内予以改正（第四十六条）\",\"key\":false},"
    "{\"code\":\"FOLLOW-03\",\"text\":\"自责令之日起七十五日内按照监督抽查实施细则组织复查（第四十七条）\",\"key\":false},"
    "{\"code\":\"FOLLOW-04\",\"text\":\"复查不合格的逐级上报省级市场监督管理部门向社会公告，并在公告之日起六十日后九十日前再次组织复查（第四十七条、第四十八条）\",\"key\":false},"
    "{\"code\":\"FOLLOW-05\",\"text\":\"复查合格前不得恢复生产、销售同一产品（第四十九条）\",\"key\":true}"
    "],\"citation\":12}"
    "],"
    "\"violations\":["
    "{\"code\":\"PQ-NET-CONTENT-SHORT\","
    "\"description\":\"生产、销售的定量包装商品实际含量与标注净含量之差大于允许短缺量，或者批量平均实际含量小于标注净含量\","
    "\"citation\":5,\"penalty\":{\"min_fine_cny\":null,\"max_fine_cny\":30000,"
    "\"text\":\"责令改正，处三万元以下罚款（UNCONFIRMED：第70号令罚则的条次和原文未读到，仅见二手转述；原第75号令第十八条为责令改正，可处检验批货值金额3倍以下、最高不超过30000元的罚款）\"}},"
    "{\"code\":\"PQ-ADULTERATION\","
    "\"description\":\"在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品\","
    "\"citation\":13,\"penalty\":{\"min_fine_cny\":null,\"max_fine_cny\":null,"
    "\"text\":\"责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品货值金额百分之五十以上三倍以下的罚款；有违法所得的，并处没收违法所得；情节严重的，吊销营业执照；构成犯罪的，依法追究刑事责任\"}}"
    "],"
    "\"exemptions\":["
    "{\"violation\":\"PQ-NET-CONTENT-SHORT\",\"description\":\"违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）\","
    "\"conditions\":[\"违法行为轻微\",\"及时改正\",\"没有造成危害后果\"],"
    "\"outcome\":\"不予行政处罚；对当事人进行教育（第三十三条第三款）\",\"citation\":14},"
    "{\"violation\":\"PQ-NET-CONTENT-SHORT\",\"description\":\"初次违法且危害后果轻微并及时改正（第三十三条第一款）\","
    "\"conditions\":[\"初次违法\",\"危害后果轻微\",\"及时改正\"],"
    "\"outcome\":\"可以不予行政处罚；不予处罚的，对当事人进行教育\",\"citation\":14},"
    "{\"violation\":\"PQ-NET-CONTENT-SHORT\",\"description\":\"当事人有证据足以证明没有主观过错（第三十三条第二款）\","
    "\"conditions\":[\"有证据足以证明没有主观过错\"],"
    "\"outcome\":\"不予行政处罚（法律、行政法规另有规定的，从其规定）\",\"citation\":14}"
    "],"
    "\"schema\":{"
    "\"grading\":["
    "{\"name\":\"nominal_quantity\",\"kind\":\"number\",\"unit\":\"g, kg, mL or L (see unit)\",\"required\":true,"
    "\"description\":\"标注净含量 Qn（质量或体积；附件3表只到 50 kg / 50 L）\",\"min\":0},"
    "{\"name\":\"unit\",\"kind\":\"text\",\"required\":true,"
    "\"description\":\"nominal_quantity、mean_actual、min_actual、mean_correction 的计量单位\","
    "\"allowed\":[\"g\",\"kg\",\"mL\",\"L\"]},"
    "{\"name\":\"sample_size\",\"kind\":\"integer\",\"unit\":\"units\",\"required\":true,"
    "\"description\":\"样本量 n（按 JJF 1070 抽样方案）\",\"min\":1},"
    "{\"name\":\"mean_actual\",\"kind\":\"number\",\"unit\":\"same as unit\",\"required\":true,"
    "\"description\":\"样本平均实际含量\",\"min\":0},"
    "{\"name\":\"units_over_t\",\"kind\":\"integer\",\"unit\":\"units\",\"required\":true,"
    "\"description\":\"样本中短缺量大于 T 的件数（含大于 2T 的件）\",\"min\":0},"
    "{\"name\":\"units_over_2t\",\"kind\":\"integer\",\"unit\":\"units\",\"required\":true,"
    "\"description\":\"样本中短缺量大于 2T 的件数（倍数可由配置 gross_shortfall_multiple 调整）\",\"min\":0},"
    "{\"name\":\"allowed_units_over_t\",\"kind\":\"integer\",\"unit\":\"units\",\"required\":true,"
    "\"description\":\"抽样方案允许的短缺量大于 T、不大于 2T 的件数（JJF 1070 抽样方案表，由检验机构给出）\",\"min\":0},"
    "{\"name\":\"mean_correction\",\"kind\":\"number\",\"unit\":\"same as unit\",\"required\":false,"
    "\"description\":\"样本平均实际含量修正值 λs（JJF 1070）；缺省时按平均实际含量不小于标注净含量判定\",\"min\":0},"
    "{\"name\":\"min_actual\",\"kind\":\"number\",\"unit\":\"same as unit\",\"required\":false,"
    "\"description\":\"样本中最小的单件实际含量；给出时据此核对 units_over_t 与 units_over_2t\",\"min\":0}"
    "],"
    "\"duties\":["
    "{\"name\":\"ordered_on\",\"kind\":\"date\",\"required\":true,"
    "\"description\":\"监督抽查不合格，负责结果处理的市场监督管理部门责令改正之日\"},"
    "{\"name\":\"rectified_on\",\"kind\":\"date\",\"required\":false,"
    "\"description\":\"被抽样生产者、销售者完成改正之日（基准日以后的日期视为尚未发生）\"},"
    "{\"name\":\"rechecked_on\",\"kind\":\"date\",\"required\":false,"
    "\"description\":\"按第四十七条组织复查之日\"},"
    "{\"name\":\"announced_on\",\"kind\":\"date\",\"required\":false,"
    "\"description\":\"复查不合格，省级市场监督管理部门向社会公告之日（须已给出 rechecked_on）\"},"
    "{\"name\":\"post_announcement_recheck_on\",\"kind\":\"date\",\"required\":false,"
    "\"description\":\"公告后按第四十八条再次组织复查之日（须已给出 announced_on）\"}"
    "],"
    "\"referral\":["
    "{\"name\":\"sales_cny\",\"kind\":\"number\",\"unit\":\"CNY\",\"required\":true,"
    "\"description\":\"伪劣产品销售金额（元）：出售伪劣产品后所得和应得的全部违法收入；未售出为 0\",\"min\":0},"
    "{\"name\":\"unsold_value_cny\",\"kind\":\"number\",\"unit\":\"CNY\",\"required\":false,"
    "\"description\":\"尚未销售的伪劣产品货值金额（元）：按标价，没有标价的按同类合格产品的市场中间价格；缺省为 0\",\"min\":0},"
    "{\"name\":\"adulteration\",\"kind\":\"text\",\"required\":true,"
    "\"description\":\"在产品中掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品：none 无；suspected 有线索但难以确定，尚待产品质量检验机构鉴定；confirmed 已认定\","
    "\"allowed\":[\"none\",\"suspected\",\"confirmed\"]}"
    "]"
    "},"
    "\"config\":{\"gross_shortfall_multiple\":2}"
    "}";

/* ------------------------------------------------------------------------ */
/* State, messages                                                           */
/* ------------------------------------------------------------------------ */

/** An open plugin: its configuration and its message buffers. */
struct jg_plugin_state {
    /** Multiple of T beyond which one unit fails the lot (default 2). */
    int64_t gross_multiple;
    /** The last failure's message; empty when the last call succeeded. */
    char error[1024];
    /** Scratch for the detail of a result (the host copies it). */
    char detail[2048];
};

/** The message of the last failed open() on this thread, for
 *  last_error(NULL). The only non-state storage the contract allows. */
static _Thread_local char pq_open_error[512];

/** Cuts a NUL-terminated string back to its last whole UTF-8 character, so a
 *  truncated message is still valid UTF-8 (the host refuses invalid text). */
static void pq_trim_utf8(char *s)
{
    size_t n = strlen(s);
    if (n == 0) {
        return;
    }
    /* Find the start of the last character and its expected length. */
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0u) == 0x80u) {
        i--;
    }
    if (i == 0) {
        s[0] = '\0';
        return;
    }
    unsigned char lead = (unsigned char)s[i - 1];
    size_t want = lead < 0x80u ? 1 : (lead >> 5) == 0x6u ? 2 : (lead >> 4) == 0xEu ? 3 : (lead >> 3) == 0x1Eu ? 4 : 0;
    if (want == 0 || n - (i - 1) < want) {
        s[i - 1] = '\0';
    }
}

/** vsnprintf into `buf`, never leaving a cut UTF-8 character behind. */
static void pq_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
{
    int n = vsnprintf(buf, cap, fmt, ap);
    if (n < 0) {
        buf[0] = '\0';
    } else if ((size_t)n >= cap) {
        pq_trim_utf8(buf);
    }
}

/** Formats into `buf` (see pq_vformat). */
static void pq_format(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pq_vformat(buf, cap, fmt, ap);
    va_end(ap);
}

/** Records a failure on the state and returns its status. */
static jg_plugin_status pq_fail(jg_plugin_state *s, jg_plugin_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pq_vformat(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */
/* ------------------------------------------------------------------------ */

/** Rounds half away from zero to an integer, or fails beyond ±1e15 (and for
 *  NaN). Integers up to 2^53 are exact in a double, so 1e15 keeps every
 *  product below exact and below int64 overflow. No libm needed. */
static int pq_round(double v, int64_t *out)
{
    if (!(v >= -1e15 && v <= 1e15)) {
        return -1;
    }
    *out = (int64_t)(v >= 0 ? v + 0.5 : v - 0.5);
    return 0;
}

/** Writes v / 10^decimals as a decimal without trailing zeros ("4.5", "250"). */
static void pq_fixed(char *buf, size_t cap, int64_t v, int decimals)
{
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++) {
        scale *= 10u;
    }
    const char *sign = v < 0 ? "-" : "";
    uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1u : (uint64_t)v;
    uint64_t ip = a / scale;
    uint64_t fp = a % scale;
    if (fp == 0) {
        pq_format(buf, cap, "%s%" PRIu64, sign, ip);
        return;
    }
    char frac[24];
    pq_format(frac, sizeof frac, "%0*" PRIu64, decimals, fp);
    size_t len = strlen(frac);
    while (len > 0 && frac[len - 1] == '0') {
        frac[--len] = '\0';
    }
    pq_format(buf, cap, "%s%" PRIu64 ".%s", sign, ip, frac);
}

/** Micro-units (µg or µL) as a decimal in g or mL. */
static void pq_micro(char *buf, size_t cap, int64_t v)
{
    pq_fixed(buf, cap, v, 6);
}

/** Fen as a decimal in CNY with two places ("49999.99"). */
static void pq_cny(char *buf, size_t cap, int64_t fen)
{
    const char *sign = fen < 0 ? "-" : "";
    uint64_t a = fen < 0 ? (uint64_t)(-(fen + 1)) + 1u : (uint64_t)fen;
    pq_format(buf, cap, "%s%" PRIu64 ".%02" PRIu64, sign, a / 100u, a % 100u);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */
/* ------------------------------------------------------------------------ */

static const char *pq_kind_name(jg_plugin_fact_kind kind)
{
    switch (kind) {
    case JG_PLUGIN_FACT_NUMBER: return "number";
    case JG_PLUGIN_FACT_INTEGER: return "integer";
    case JG_PLUGIN_FACT_FLAG: return "flag";
    case JG_PLUGIN_FACT_TEXT: return "text";
    case JG_PLUGIN_FACT_DATE: return "date";
    default: return "unknown";
    }
}

/** Finds a column by name (columns come in any order). A missing optional
 *  column leaves *out NULL; a missing required one, or one of the wrong
 *  kind, is INVALID_FACTS. The host has checked this already; a plugin that
 *  is called directly (as test_rules.c does) must not trust it. */
static jg_plugin_status pq_column(jg_plugin_state *s, const jg_plugin_facts *f, const char *name,
                                  jg_plugin_fact_kind kind, int required, const jg_plugin_column **out)
{
    *out = NULL;
    for (uint64_t i = 0; i < f->column_count; i++) {
        const jg_plugin_column *c = &f->columns[i];
        if (c->name == NULL || strcmp(c->name, name) != 0) {
            continue;
        }
        if (c->kind != kind) {
            return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "fact `%s` must be %s, found %s values", name,
                           pq_kind_name(kind), pq_kind_name(c->kind));
        }
        if (f->rows > 0 && c->values == NULL) {
            return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "fact `%s` has no values", name);
        }
        *out = c;
        return JG_PLUGIN_OK;
    }
    if (required) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "required fact `%s` (%s) is missing", name,
                       pq_kind_name(kind));
    }
    return JG_PLUGIN_OK;
}

/** Whether row `r` of a column has a value (a NULL column has none). */
static int pq_has(const jg_plugin_column *c, uint64_t r)
{
    return c != NULL && (c->present == NULL || c->present[r] != 0);
}

/** INVALID_FACTS for a required value missing in one row. */
static jg_plugin_status pq_missing(jg_plugin_state *s, uint64_t r, const char *name)
{
    return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": required fact `%s` is missing", r, name);
}

static double pq_number(const jg_plugin_column *c, uint64_t r)
{
    return ((const double *)c->values)[r];
}

static int64_t pq_integer(const jg_plugin_column *c, uint64_t r)
{
    return ((const int64_t *)c->values)[r];
}

static const char *pq_text(const jg_plugin_column *c, uint64_t r)
{
    const char *t = ((const char *const *)c->values)[r];
    return t != NULL ? t : "";
}

static int32_t pq_date(const jg_plugin_column *c, uint64_t r)
{
    return ((const int32_t *)c->values)[r];
}

/** A required integer that must be ≥ 0 (the schema says so; checked again). */
static jg_plugin_status pq_count(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
                                 const char *name, int64_t *out)
{
    if (!pq_has(c, r)) {
        return pq_missing(s, r, name);
    }
    *out = pq_integer(c, r);
    if (*out < 0) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `%s` is %" PRId64 ", below 0", r,
                       name, *out);
    }
    return JG_PLUGIN_OK;
}

/** A quantity in the row's unit as micro-units of g or mL. */
static jg_plugin_status pq_quantity(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
                                    const char *name, int kilo, int64_t *out)
{
    double v = pq_number(c, r);
    if (pq_round(v * (kilo ? 1e9 : 1e6), out) != 0 || *out < 0) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `%s` = %g is not a quantity this plugin can weigh (0 to 1e9 g or mL)",
                       r, name, v);
    }
    return JG_PLUGIN_OK;
}

/* ------------------------------------------------------------------------ */
/* Grading: net content of prepackaged goods                                 */
/* ------------------------------------------------------------------------ */

/**
 * One band of the table of tolerable shortfall T.
 *
 * 定量包装商品计量监督管理办法（总局令第70号）附件3（允许短缺量）, for goods
 * labelled by mass or volume, Qn in g or mL:
 *
 *   Qn (g or mL)     T
 *   0 – 50           9 % of Qn
 *   50 – 100         4.5
 *   100 – 200        4.5 % of Qn
 *   200 – 300        9
 *   300 – 500        3 % of Qn
 *   500 – 1000       15
 *   1000 – 10000     1.5 % of Qn
 *   10000 – 15000    150
 *   15000 – 50000    1 % of Qn
 *
 * The table writes "a~b" and does not say which side takes a boundary. Each
 * band here runs lower < Qn ≤ upper, as the same regulation's table of
 * character heights writes its bands ("50g < Qn ≤ 200g") and as the JJF 1070
 * implementations read; the table is continuous at every boundary (9 % of 50
 * = 4.5, 4.5 % of 100 = 4.5, 4.5 % of 200 = 9, 3 % of 300 = 9, 3 % of 500 = 15,
 * 1.5 % of 1000 = 15, 1.5 % of 10000 = 150, 1 % of 15000 = 150), so T on a
 * boundary is the same either way and only the band named differs.
 */
typedef struct pq_band {
    /** Inclusive upper bound of Qn, in micro-units. */
    int64_t upper;
    /** T = Qn × permille / 1000; 0 for a fixed T. */
    int64_t permille;
    /** Fixed T in micro-units (when permille is 0). */
    int64_t fixed;
    /** The percentage as the table prints it (NULL for a fixed T). */
    const char *percent;
} pq_band;

static const pq_band PQ_BANDS[] = {
    {50000000LL, 90, 0, "9%"},
    {100000000LL, 0, 4500000LL, NULL},
    {200000000LL, 45, 0, "4.5%"},
    {300000000LL, 0, 9000000LL, NULL},
    {500000000LL, 30, 0, "3%"},
    {1000000000LL, 0, 15000000LL, NULL},
    {10000000000LL, 15, 0, "1.5%"},
    {15000000000LL, 0, 150000000LL, NULL},
    {50000000000LL, 10, 0, "1%"},
};

#define PQ_BAND_COUNT (sizeof PQ_BANDS / sizeof PQ_BANDS[0])

/** Qn ≤ 1 kg (L): T is rounded to 0.1 g (mL); above, to 1 g (mL). */
#define PQ_ROUND_SMALL_LIMIT 1000000000LL

/** T for one nominal quantity, with what the detail needs to show it. */
typedef struct pq_tolerance {
    /** T after rounding, in micro-units. */
    int64_t t;
    /** T before rounding, in nano-units (micro-units × 1000), exact. */
    int64_t exact_nano;
    /** Rounding interval in micro-units (0.1 or 1 g/mL). */
    int64_t step;
    /** Index of the band in PQ_BANDS. */
    size_t band;
} pq_tolerance;

/**
 * T of 附件3 for Qn (micro-units), exactly, then rounded as the table's note
 * says: "当 Qn ≤ 1kg(L) 时，T 值的 0.01g(ml) 位修约至 0.1g(ml)；当 Qn > 1kg(L)
 * 时，T 值的 0.1g(ml) 位修约至 g(ml)". The note does not name the method;
 * "修约" is read as GB/T 8170 (round half to even, one step, never twice),
 * which matters only when the exact T ends in a 5 (Qn = 25 g: 2.25 → 2.2 g).
 * Returns -1 when Qn is outside the table (≤ 0 or > 50 kg/L).
 */
static int pq_tolerance_of(int64_t q, pq_tolerance *out)
{
    if (q <= 0) {
        return -1;
    }
    for (size_t i = 0; i < PQ_BAND_COUNT; i++) {
        if (q > PQ_BANDS[i].upper) {
            continue;
        }
        const pq_band *b = &PQ_BANDS[i];
        /* Exact T in nano-units: Qn × permille / 1000 µ = Qn × permille n. */
        int64_t exact = b->permille != 0 ? q * b->permille : b->fixed * 1000;
        int64_t step = q <= PQ_ROUND_SMALL_LIMIT ? 100000LL : 1000000LL;
        int64_t unit = step * 1000; /* the step in nano-units */
        int64_t k = exact / unit;
        int64_t rem = exact % unit;
        if (2 * rem > unit || (2 * rem == unit && (k % 2) != 0)) {
            k++;
        }
        out->t = k * step;
        out->exact_nano = exact;
        out->step = step;
        out->band = i;
        return 0;
    }
    return -1;
}

/** "Qn = 250 g：T = 9 g（…附件3，200 g < Qn ≤ 300 g：T = 9 g）". */
static void pq_tolerance_detail(char *buf, size_t cap, int64_t q, const char *base, const char *given,
                                const pq_tolerance *tol)
{
    const pq_band *b = &PQ_BANDS[tol->band];
    char qs[32], ts[32], lo[32], hi[32], ex[40], st[16];
    pq_micro(qs, sizeof qs, q);
    pq_micro(ts, sizeof ts, tol->t);
    pq_micro(lo, sizeof lo, tol->band == 0 ? 0 : PQ_BANDS[tol->band - 1].upper);
    pq_micro(hi, sizeof hi, b->upper);
    pq_fixed(ex, sizeof ex, tol->exact_nano, 9);
    pq_micro(st, sizeof st, tol->step);
    char band[96];
    if (tol->band == 0) {
        pq_format(band, sizeof band, "Qn ≤ %s %s", hi, base);
    } else {
        pq_format(band, sizeof band, "%s %s < Qn ≤ %s %s", lo, base, hi, base);
    }
    if (b->percent != NULL) {
        pq_format(buf, cap,
                  "Qn = %s %s%s：T = %s %s（总局令第70号附件3，%s：T = %s × Qn = %s %s，修约间隔 %s %s）", qs,
                  base, given, ts, base, band, b->percent, ex, base, st, base);
    } else {
        pq_format(buf, cap, "Qn = %s %s%s：T = %s %s（总局令第70号附件3，%s：T = %s %s）", qs, base, given,
                  ts, base, band, ts, base);
    }
}

/** The facts one grading row reads. */
typedef struct pq_lot {
    int64_t q, mean, correction, min;
    int has_correction, has_min, kilo;
    int64_t n, over_t, over_2t, allowed;
    const char *base;
    const char *unit;
} pq_lot;

/** Reads and checks one lot: the cross-field rules the schema cannot state. */
static jg_plugin_status pq_read_lot(jg_plugin_state *s, const jg_plugin_column *const *col, uint64_t r, pq_lot *lot)
{
    enum { NOMINAL, UNIT, SAMPLE, MEAN, OVER_T, OVER_2T, ALLOWED, CORRECTION, MIN };
    jg_plugin_status st;
    if (!pq_has(col[UNIT], r)) {
        return pq_missing(s, r, "unit");
    }
    lot->unit = pq_text(col[UNIT], r);
    if (strcmp(lot->unit, "g") == 0 || strcmp(lot->unit, "kg") == 0) {
        lot->base = "g";
    } else if (strcmp(lot->unit, "mL") == 0 || strcmp(lot->unit, "L") == 0) {
        lot->base = "mL";
    } else {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `unit` is `%.32s`, not one of: g, kg, mL, L",
                       r, lot->unit);
    }
    lot->kilo = strcmp(lot->unit, "kg") == 0 || strcmp(lot->unit, "L") == 0;
    if (!pq_has(col[NOMINAL], r)) {
        return pq_missing(s, r, "nominal_quantity");
    }
    if ((st = pq_quantity(s, col[NOMINAL], r, "nominal_quantity", lot->kilo, &lot->q)) != JG_PLUGIN_OK) {
        return st;
    }
    if (!pq_has(col[MEAN], r)) {
        return pq_missing(s, r, "mean_actual");
    }
    if ((st = pq_quantity(s, col[MEAN], r, "mean_actual", lot->kilo, &lot->mean)) != JG_PLUGIN_OK) {
        return st;
    }
    lot->has_correction = pq_has(col[CORRECTION], r);
    lot->correction = 0;
    if (lot->has_correction &&
        (st = pq_quantity(s, col[CORRECTION], r, "mean_correction", lot->kilo, &lot->correction)) != JG_PLUGIN_OK) {
        return st;
    }
    lot->has_min = pq_has(col[MIN], r);
    lot->min = 0;
    if (lot->has_min && (st = pq_quantity(s, col[MIN], r, "min_actual", lot->kilo, &lot->min)) != JG_PLUGIN_OK) {
        return st;
    }
    if ((st = pq_count(s, col[SAMPLE], r, "sample_size", &lot->n)) != JG_PLUGIN_OK ||
        (st = pq_count(s, col[OVER_T], r, "units_over_t", &lot->over_t)) != JG_PLUGIN_OK ||
        (st = pq_count(s, col[OVER_2T], r, "units_over_2t", &lot->over_2t)) != JG_PLUGIN_OK ||
        (st = pq_count(s, col[ALLOWED], r, "allowed_units_over_t", &lot->allowed)) != JG_PLUGIN_OK) {
        return st;
    }
    if (lot->n < 1) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `sample_size` is %" PRId64 ", below 1", r,
                       lot->n);
    }
    /* Counts are of units in the sample, and 2T-units are a subset of T-units. */
    if (lot->over_t > lot->n) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `units_over_t` = %" PRId64 " exceeds `sample_size` = %" PRId64, r,
                       lot->over_t, lot->n);
    }
    if (lot->over_2t > lot->over_t) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `units_over_2t` = %" PRId64 " exceeds `units_over_t` = %" PRId64
                       " (a unit short by more than 2T is also short by more than T)",
                       r, lot->over_2t, lot->over_t);
    }
    if (lot->allowed > lot->n) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `allowed_units_over_t` = %" PRId64 " exceeds `sample_size` = %" PRId64,
                       r, lot->allowed, lot->n);
    }
    if (lot->has_min && lot->min > lot->mean) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `min_actual` is above `mean_actual` (the smallest unit cannot exceed the mean)",
                       r);
    }
    return JG_PLUGIN_OK;
}

/**
 * Grades each inspected lot of prepackaged goods.
 *
 * Criteria (a lot failing any one is nonconforming; the score counts them):
 *  1. mean: the batch's average actual content is not below its nominal
 *     quantity (Order 70; 原第75号令第九条 "批量定量包装商品的平均实际含量应当
 *     大于或者等于其标注净含量"); when the lab gives the correction λs of
 *     JJF 1070, the sample mean must be ≥ Qn − λs instead;
 *  2. units short by more than T but not more than 2T do not exceed the
 *     sampling plan's allowance (JJF 1070; the plan is the lab's);
 *  3. no unit is short by more than 2T (JJF 1070; the multiple is
 *     configurable because the text was not read in full).
 * When `min_actual` is given, the counts are checked against it with exact
 * integer arithmetic: a unit short by exactly T is not "over T".
 */
static jg_plugin_status pq_grade(jg_plugin_state *s, const jg_plugin_facts *facts, const jg_plugin_grade_out *out)
{
    if (s == NULL) {
        return JG_PLUGIN_INTERNAL;
    }
    s->error[0] = '\0';
    if (facts == NULL || out == NULL || (facts->column_count > 0 && facts->columns == NULL)) {
        return pq_fail(s, JG_PLUGIN_INTERNAL, "grade() called without facts or an output");
    }
    static const struct {
        const char *name;
        jg_plugin_fact_kind kind;
        int required;
    } SPEC[] = {
        {"nominal_quantity", JG_PLUGIN_FACT_NUMBER, 1},  {"unit", JG_PLUGIN_FACT_TEXT, 1},
        {"sample_size", JG_PLUGIN_FACT_INTEGER, 1},      {"mean_actual", JG_PLUGIN_FACT_NUMBER, 1},
        {"units_over_t", JG_PLUGIN_FACT_INTEGER, 1},     {"units_over_2t", JG_PLUGIN_FACT_INTEGER, 1},
        {"allowed_units_over_t", JG_PLUGIN_FACT_INTEGER, 1}, {"mean_correction", JG_PLUGIN_FACT_NUMBER, 0},
        {"min_actual", JG_PLUGIN_FACT_NUMBER, 0},
    };
    const jg_plugin_column *col[sizeof SPEC / sizeof SPEC[0]];
    for (size_t i = 0; i < sizeof SPEC / sizeof SPEC[0]; i++) {
        jg_plugin_status st = pq_column(s, facts, SPEC[i].name, SPEC[i].kind, SPEC[i].required, &col[i]);
        if (st != JG_PLUGIN_OK) {
            return st;
        }
    }
    for (uint64_t r = 0; r < facts->rows; r++) {
        pq_lot lot;
        jg_plugin_status st = pq_read_lot(s, col, r, &lot);
        if (st != JG_PLUGIN_OK) {
            return st;
        }
        pq_tolerance tol;
        if (pq_tolerance_of(lot.q, &tol) != 0) {
            char qs[32];
            pq_micro(qs, sizeof qs, lot.q);
            return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                           "row %" PRIu64 ": fact `nominal_quantity` = %s %s is outside the table of 附件3 "
                           "(0 < Qn ≤ 50000 g or mL)",
                           r, qs, lot.base);
        }
        int64_t gross = tol.t * s->gross_multiple;
        char ts[32], gs[32];
        pq_micro(ts, sizeof ts, tol.t);
        pq_micro(gs, sizeof gs, gross);

        /* The smallest unit must agree with the counts. */
        if (lot.has_min) {
            int64_t worst = lot.q > lot.min ? lot.q - lot.min : 0;
            char ws[32];
            pq_micro(ws, sizeof ws, worst);
            if (worst > tol.t && lot.over_t == 0) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `units_over_t` is 0, but `min_actual` is short by %s %s > T = %s %s",
                               r, ws, lot.base, ts, lot.base);
            }
            if (worst <= tol.t && lot.over_t > 0) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `units_over_t` is %" PRId64
                               ", but the smallest unit (`min_actual`) is short by only %s %s ≤ T = %s %s",
                               r, lot.over_t, ws, lot.base, ts, lot.base);
            }
            if (worst > gross && lot.over_2t == 0) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `units_over_2t` is 0, but `min_actual` is short by %s %s > %" PRId64
                               "T = %s %s",
                               r, ws, lot.base, s->gross_multiple, gs, lot.base);
            }
            if (worst <= gross && lot.over_2t > 0) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `units_over_2t` is %" PRId64
                               ", but the smallest unit (`min_actual`) is short by only %s %s ≤ %" PRId64 "T = %s %s",
                               r, lot.over_2t, ws, lot.base, s->gross_multiple, gs, lot.base);
            }
        }

        /* Criterion 1: the mean. */
        int64_t floor_q = lot.q - lot.correction;
        int mean_ok = lot.mean >= floor_q;
        /* Criterion 2: T1-class units within the plan's allowance. */
        int64_t t1 = lot.over_t - lot.over_2t;
        int t1_ok = t1 <= lot.allowed;
        /* Criterion 3: no unit beyond the gross limit. */
        int gross_ok = lot.over_2t == 0;
        int failed = !mean_ok + !t1_ok + !gross_ok;

        out->grades[r] = failed == 0 ? PQ_GRADE_COMPLIANT : PQ_GRADE_NONCONFORMING;
        out->scores[r] = (double)failed;

        const char *given = "";
        char given_buf[64];
        if (lot.kilo) {
            char raw[32];
            pq_fixed(raw, sizeof raw, lot.q, 9);
            pq_format(given_buf, sizeof given_buf, "（标注 %s %s）", raw, lot.unit);
            given = given_buf;
        }
        pq_tolerance_detail(s->detail, sizeof s->detail, lot.q, lot.base, given, &tol);
        if (out->add_reason(out->host, r, PQ_CITE_ORDER70_ANNEX3, s->detail) != 0) {
            return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a reason", r);
        }

        char ms[32], qs[32], cs[32], fs[32];
        pq_micro(ms, sizeof ms, lot.mean);
        pq_micro(qs, sizeof qs, lot.q);
        pq_micro(cs, sizeof cs, lot.correction);
        pq_micro(fs, sizeof fs, floor_q);
        uint32_t mean_cite = lot.has_correction ? PQ_CITE_JJF1070_MEAN : PQ_CITE_ORDER70_LOT_MEAN;
        char mean_text[256];
        if (lot.has_correction) {
            pq_format(mean_text, sizeof mean_text, "样本平均实际含量 %s %s %s Qn − λs = %s − %s = %s %s", ms,
                      lot.base, mean_ok ? "≥" : "<", qs, cs, fs, lot.base);
        } else {
            pq_format(mean_text, sizeof mean_text, "平均实际含量 %s %s %s 标注净含量 %s %s", ms, lot.base,
                      mean_ok ? "≥" : "<", qs, lot.base);
        }
        char t1_text[256];
        pq_format(t1_text, sizeof t1_text,
                  "短缺量大于 T（%s %s）且不大于 %" PRId64 "T（%s %s）的件数 %" PRId64 " %s 抽样方案允许的 %" PRId64
                  " 件（样本 %" PRId64 " 件）",
                  ts, lot.base, s->gross_multiple, gs, lot.base, t1, t1_ok ? "≤" : ">", lot.allowed, lot.n);
        char gross_text[192];
        pq_format(gross_text, sizeof gross_text, "短缺量大于 %" PRId64 "T（%s %s）的件数 %" PRId64 "%s",
                  s->gross_multiple, gs, lot.base, lot.over_2t, gross_ok ? "" : "（不允许出现）");

        if (failed == 0) {
            pq_format(s->detail, sizeof s->detail, "合格：%s；%s；%s", mean_text, t1_text, gross_text);
            if (out->add_reason(out->host, r, mean_cite, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a reason", r);
            }
            continue;
        }
        if (!mean_ok) {
            pq_format(s->detail, sizeof s->detail, "不合格：%s", mean_text);
            if (out->add_reason(out->host, r, mean_cite, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a reason", r);
            }
        }
        if (!t1_ok) {
            pq_format(s->detail, sizeof s->detail, "不合格：%s", t1_text);
            if (out->add_reason(out->host, r, PQ_CITE_JJF1070_T1, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a reason", r);
            }
        }
        if (!gross_ok) {
            pq_format(s->detail, sizeof s->detail, "不合格：%s", gross_text);
            if (out->add_reason(out->host, r, PQ_CITE_JJF1070_GROSS, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a reason", r);
            }
        }
    }
    return JG_PLUGIN_OK;
}

/* ------------------------------------------------------------------------ */
/* Duties: follow-up of a failed spot check (Order 18 Arts. 46–48)           */
/* ------------------------------------------------------------------------ */

/** Days since 1970-01-01 → "YYYY-MM-DD" (proleptic Gregorian; H. Hinnant's
 *  civil_from_days). */
static void pq_date_text(char *buf, size_t cap, int32_t days)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
        y++;
    }
    pq_format(buf, cap, "%04" PRId64 "-%02" PRId64 "-%02" PRId64, y, m, d);
}

/** Order 18 Art. 46: "自责令之日起六十日内予以改正". */
#define PQ_RECTIFY_DAYS 60
/** Order 18 Art. 47: "自责令之日起七十五日内…组织复查". */
#define PQ_RECHECK_DAYS 75
/** Order 18 Art. 48: "在公告之日起六十日后九十日前…组织复查". */
#define PQ_POST_ANNOUNCE_EARLIEST 60
#define PQ_POST_ANNOUNCE_LATEST 90

/** Adds `days` to a date, failing past 9999-12-31 (the host's range). */
static jg_plugin_status pq_add_days(jg_plugin_state *s, uint64_t r, const char *name, int32_t from, int32_t days,
                                    int32_t *out)
{
    if ((int64_t)from + days > PQ_LAST_DAY) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                       "row %" PRIu64 ": fact `%s` is too late: its %" PRId32 "-day period would end after 9999-12-31",
                       r, name, days);
    }
    *out = from + days;
    return JG_PLUGIN_OK;
}

/** Checks that a date lies within 1900-01-01..9999-12-31. */
static jg_plugin_status pq_check_date(jg_plugin_state *s, uint64_t r, const char *name, int32_t d)
{
    if (d < PQ_FIRST_DAY || d > PQ_LAST_DAY) {
        return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `%s` is outside 1900-01-01..9999-12-31",
                       r, name);
    }
    return JG_PLUGIN_OK;
}

/** An event that is given and happened on or before the as-of date. A date
 *  after as_of has not happened yet as of that date, so a replay of an old
 *  as-of date sees the duties that were then open. */
static int pq_done(const jg_plugin_column *c, uint64_t r, int32_t as_of)
{
    return pq_has(c, r) && pq_date(c, r) <= as_of;
}

/**
 * Open follow-up duties after a failed spot check, each due on a date
 * computed from a fact date alone; overdue when the due date is before as_of.
 *
 * Day counting: calendar days with the starting day not counted (民法典
 * 第二百零一条 reads so; Order 18 itself does not say, and 行政处罚法
 * 第八十五条 makes only 2/3/5/7 days working days, in that Law), so a period
 * of N days from day D ends on D + N. Moving a last day off a public holiday
 * (民法典 第二百零三条) needs the holiday calendar and is not applied here.
 */
static jg_plugin_status pq_duties(jg_plugin_state *s, const jg_plugin_facts *facts, int32_t as_of,
                                  const jg_plugin_duty_out *out)
{
    if (s == NULL) {
        return JG_PLUGIN_INTERNAL;
    }
    s->error[0] = '\0';
    if (facts == NULL || out == NULL || (facts->column_count > 0 && facts->columns == NULL)) {
        return pq_fail(s, JG_PLUGIN_INTERNAL, "duties() called without facts or an output");
    }
    const jg_plugin_column *ordered, *rectified, *rechecked, *announced, *post;
    jg_plugin_status st;
    if ((st = pq_column(s, facts, "ordered_on", JG_PLUGIN_FACT_DATE, 1, &ordered)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "rectified_on", JG_PLUGIN_FACT_DATE, 0, &rectified)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "rechecked_on", JG_PLUGIN_FACT_DATE, 0, &rechecked)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "announced_on", JG_PLUGIN_FACT_DATE, 0, &announced)) != JG_PLUGIN_OK ||
        (st = pq_column(s, facts, "post_announcement_recheck_on", JG_PLUGIN_FACT_DATE, 0, &post)) != JG_PLUGIN_OK) {
        return st;
    }
    for (uint64_t r = 0; r < facts->rows; r++) {
        if (!pq_has(ordered, r)) {
            return pq_missing(s, r, "ordered_on");
        }
        int32_t order = pq_date(ordered, r);
        if ((st = pq_check_date(s, r, "ordered_on", order)) != JG_PLUGIN_OK) {
            return st;
        }
        /* Events come in the order Arts. 46–48 set: order, then correction and
         * re-check, then (after a failed re-check) announcement, then the
         * second re-check. A date out of that order is a data error. */
        const struct {
            const jg_plugin_column *c;
            const char *name;
        } after_order[] = {{rectified, "rectified_on"}, {rechecked, "rechecked_on"}, {announced, "announced_on"}};
        for (size_t i = 0; i < sizeof after_order / sizeof after_order[0]; i++) {
            if (!pq_has(after_order[i].c, r)) {
                continue;
            }
            int32_t d = pq_date(after_order[i].c, r);
            if ((st = pq_check_date(s, r, after_order[i].name, d)) != JG_PLUGIN_OK) {
                return st;
            }
            if (d < order) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `%s` is before `ordered_on`", r,
                               after_order[i].name);
            }
        }
        if (pq_has(announced, r)) {
            if (!pq_has(rechecked, r)) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `announced_on` is given without `rechecked_on` "
                               "(Art. 47: the announcement follows a failed re-check)",
                               r);
            }
            if (pq_date(rechecked, r) > pq_date(announced, r)) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": fact `announced_on` is before `rechecked_on`",
                               r);
            }
        }
        if (pq_has(post, r)) {
            if (!pq_has(announced, r)) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `post_announcement_recheck_on` is given without `announced_on`", r);
            }
            if ((st = pq_check_date(s, r, "post_announcement_recheck_on", pq_date(post, r))) != JG_PLUGIN_OK) {
                return st;
            }
            if (pq_date(post, r) < pq_date(announced, r)) {
                return pq_fail(s, JG_PLUGIN_INVALID_FACTS,
                               "row %" PRIu64 ": fact `post_announcement_recheck_on` is before `announced_on`", r);
            }
        }

        char from[16], due_text[16], early[16];
        pq_date_text(from, sizeof from, order);
        int32_t due = 0;
        if (!pq_done(rectified, r, as_of)) {
            if ((st = pq_add_days(s, r, "ordered_on", order, PQ_RECTIFY_DAYS, &due)) != JG_PLUGIN_OK) {
                return st;
            }
            pq_date_text(due_text, sizeof due_text, due);
            pq_format(s->detail, sizeof s->detail,
                      "不合格产品的被抽样生产者、销售者自责令之日（%s）起六十日内予以改正：期限 %s"
                      "（起算日不计入；末日遇法定节假日的顺延未计算）",
                      from, due_text);
            if (out->add_duty(out->host, r, "rectify-within-60-days", due, (uint8_t)(due < as_of),
                              PQ_CITE_ORDER18_ART46, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a duty", r);
            }
        }
        if (!pq_done(rechecked, r, as_of)) {
            if ((st = pq_add_days(s, r, "ordered_on", order, PQ_RECHECK_DAYS, &due)) != JG_PLUGIN_OK) {
                return st;
            }
            pq_date_text(due_text, sizeof due_text, due);
            pq_format(s->detail, sizeof s->detail,
                      "负责结果处理的市场监督管理部门自责令之日（%s）起七十五日内按照监督抽查实施细则组织复查：期限 %s",
                      from, due_text);
            if (out->add_duty(out->host, r, "recheck-within-75-days", due, (uint8_t)(due < as_of),
                              PQ_CITE_ORDER18_ART47, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a duty", r);
            }
        }
        if (pq_done(announced, r, as_of) && !pq_done(post, r, as_of)) {
            int32_t a = pq_date(announced, r);
            int32_t earliest = 0;
            if ((st = pq_add_days(s, r, "announced_on", a, PQ_POST_ANNOUNCE_EARLIEST, &earliest)) != JG_PLUGIN_OK ||
                (st = pq_add_days(s, r, "announced_on", a, PQ_POST_ANNOUNCE_LATEST, &due)) != JG_PLUGIN_OK) {
                return st;
            }
            char at[16];
            pq_date_text(at, sizeof at, a);
            pq_date_text(early, sizeof early, earliest);
            pq_date_text(due_text, sizeof due_text, due);
            pq_format(s->detail, sizeof s->detail,
                      "公告之日（%s）起六十日后九十日前组织复查：%s 之后、期限 %s；经复查仍不合格的，"
                      "依照产品质量法第十七条责令停业，限期整顿",
                      at, early, due_text);
            if (out->add_duty(out->host, r, "recheck-60-to-90-days-after-announcement", due, (uint8_t)(due < as_of),
                              PQ_CITE_ORDER18_ART48, s->detail) != 0) {
                return pq_fail(s, JG_PLUGIN_INTERNAL, "row %" PRIu64 ": the host refused a duty", r);
            }
        }
    }
    return JG_PLUGIN_OK;
}

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
static jg_plugin_status pq_assess_referral(jg_plugin_state *s, const jg_plugin_facts *facts,
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

/* ------------------------------------------------------------------------ */
/* Configuration                                                             */
/* ------------------------------------------------------------------------ */

#define PQ_CONFIG_KEY "gross_shortfall_multiple"
#define PQ_GROSS_MULTIPLE_MAX 10

static const char *pq_skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
        p++;
    }
    return p;
}

/**
 * Parses the configuration: "" (or only whitespace) and "{}" mean the
 * defaults; the one accepted key is {"gross_shortfall_multiple": N}, N an
 * integer 1..10 (written as 2, or 2.0), the multiple of T beyond which a
 * single unit fails the lot. It is configurable because the JJF 1070 text
 * that sets it at 2 was not read in full (RULES.md: UNCONFIRMED figures are
 * configurable data with a default). Anything else is refused, with a message.
 * Parsing is byte-wise and locale-free (no strtod).
 */
static int pq_parse_config(const char *config, int64_t *multiple, char *err, size_t cap)
{
    *multiple = PQ_DEFAULT_GROSS_MULTIPLE;
    const char *p = pq_skip_ws(config != NULL ? config : "");
    if (*p == '\0') {
        return 0;
    }
    if (*p != '{') {
        pq_format(err, cap, "configuration must be empty or a JSON object such as {\"" PQ_CONFIG_KEY "\": 2}; found `%.40s`",
                  p);
        return -1;
    }
    p = pq_skip_ws(p + 1);
    int seen = 0;
    if (*p != '}') {
        for (;;) {
            if (*p != '"') {
                pq_format(err, cap, "configuration: expected a quoted key at `%.40s`", p);
                return -1;
            }
            const char *key = ++p;
            while (*p != '\0' && *p != '"' && *p != '\\') {
                p++;
            }
            if (*p != '"') {
                pq_format(err, cap, "configuration: unterminated or escaped key at `%.40s`", key);
                return -1;
            }
            size_t len = (size_t)(p - key);
            if (len != strlen(PQ_CONFIG_KEY) || strncmp(key, PQ_CONFIG_KEY, len) != 0) {
                pq_format(err, cap, "configuration: unknown key `%.*s` (the only key is `" PQ_CONFIG_KEY "`)",
                          (int)(len > 40 ? 40 : len), key);
                return -1;
            }
            if (seen) {
                pq_format(err, cap, "configuration: key `" PQ_CONFIG_KEY "` is given twice");
                return -1;
            }
            seen = 1;
            p = pq_skip_ws(p + 1);
            if (*p != ':') {
                pq_format(err, cap, "configuration: expected `:` after `" PQ_CONFIG_KEY "`");
                return -1;
            }
            p = pq_skip_ws(p + 1);
            const char *num = p;
            int64_t v = 0;
            int digits = 0;
            while (*p >= '0' && *p <= '9') {
                if (v <= PQ_GROSS_MULTIPLE_MAX) {
                    v = v * 10 + (*p - '0');
                }
                p++;
                digits++;
            }
            if (*p == '.') {
                p++;
                int zeros = 0;
                while (*p == '0') {
                    p++;
                    zeros++;
                }
                if (zeros == 0 || (*p >= '1' && *p <= '9')) {
                    digits = 0; /* a fraction: refused below */
                }
            }
            if (digits == 0 || (*num == '0' && digits > 1) || *p == 'e' || *p == 'E') {
                pq_format(err, cap, "configuration: `" PQ_CONFIG_KEY "` must be a whole number 1..%d, found `%.20s`",
                          PQ_GROSS_MULTIPLE_MAX, num);
                return -1;
            }
            if (v < 1 || v > PQ_GROSS_MULTIPLE_MAX) {
                pq_format(err, cap, "configuration: `" PQ_CONFIG_KEY "` must be 1..%d, found `%.20s`",
                          PQ_GROSS_MULTIPLE_MAX, num);
                return -1;
            }
            *multiple = v;
            p = pq_skip_ws(p);
            if (*p == ',') {
                p = pq_skip_ws(p + 1);
                continue;
            }
            if (*p == '}') {
                break;
            }
            pq_format(err, cap, "configuration: expected `,` or `}` at `%.40s`", p);
            return -1;
        }
    }
    p = pq_skip_ws(p + 1);
    if (*p != '\0') {
        pq_format(err, cap, "configuration: unexpected text after the object: `%.40s`", p);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */
/* ------------------------------------------------------------------------ */

static const char *pq_describe(void)
{
    return PQ_DESCRIPTION;
}

/** Opens a state. On a bad configuration it still returns a state carrying
 *  the message (the host reads last_error(state), then closes it); only when
 *  memory runs out does it return NULL, with the message for last_error(NULL). */
static jg_plugin_state *pq_open(const char *config, jg_plugin_status *status)
{
    jg_plugin_status ignored;
    if (status == NULL) {
        status = &ignored;
    }
    jg_plugin_state *s = calloc(1, sizeof *s);
    if (s == NULL) {
        pq_format(pq_open_error, sizeof pq_open_error, "out of memory opening product_quality");
        *status = JG_PLUGIN_INTERNAL;
        return NULL;
    }
    if (pq_parse_config(config, &s->gross_multiple, s->error, sizeof s->error) != 0) {
        pq_format(pq_open_error, sizeof pq_open_error, "%s", s->error);
        *status = JG_PLUGIN_INVALID_CONFIG;
        return s;
    }
    *status = JG_PLUGIN_OK;
    return s;
}

static void pq_close(jg_plugin_state *state)
{
    free(state);
}

static const char *pq_last_error(const jg_plugin_state *state)
{
    if (state == NULL) {
        return pq_open_error[0] != '\0' ? pq_open_error : NULL;
    }
    return state->error[0] != '\0' ? state->error : NULL;
}

static const jg_plugin_api PQ_API = {
    sizeof(jg_plugin_api), pq_describe, pq_open, pq_close, pq_last_error, pq_grade, pq_duties, pq_assess_referral,
};

JG_PLUGIN_EXPORT const char *jg_plugin_contract_version(void)
{
    return JG_PQ_CONTRACT_VERSION;
}

JG_PLUGIN_EXPORT const jg_plugin_api *jg_plugin_api_table(void)
{
    return &PQ_API;
}
