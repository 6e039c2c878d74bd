/**
 * @file plugin.c
 * @brief Example jianguan industry plugin written in C: product quality
 *        (产品质量, industrial products) against include/jianguan_plugin.h.
 *
 * Domain `product_quality`, industry `industrial_products`. It encodes, with
 * the sources recorded in SOURCES.md beside src/:
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
 * Build (every file of src/, no libm), from src/:
 *   gcc -std=c11 -Wall -Wextra -Werror -fPIC -shared \
 *       -I/work/main/include *.c -o ../libjianguan_product_quality.so
 *
 * Files (src/): plugin.c (this: the exported symbols, the API table,
 * open/close/last_error, the configuration), description.c (describe()),
 * facts.c (columns, numbers, messages), net_content.c (grade()),
 * follow_up.c (duties()), referral.c (assess_referral()); internal.h
 * declares what they share.
 *
 * Arithmetic: every quantity that meets a boundary is compared as an
 * integer — quantities in micro-units (µg or µL), money in fen, dates in
 * days — so a figure exactly on a band or threshold goes the way the text
 * says ("以上" includes the figure, 刑法 第九十九条).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/** The contract version this file reports. Tests override it with
 *  -DJG_PQ_CONTRACT_VERSION='"2.0.0"' to build a plugin the host must refuse. */
#ifndef JG_PQ_CONTRACT_VERSION
#define JG_PQ_CONTRACT_VERSION JG_PLUGIN_CONTRACT_VERSION
#endif

/* ------------------------------------------------------------------------ */
/* Open errors (struct jg_plugin_state is in internal.h)                     */
/* ------------------------------------------------------------------------ */

/** The message of the last failed open() on this thread, for
 *  last_error(NULL). The only non-state storage the contract allows. */
static _Thread_local char pq_open_error[512];

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
