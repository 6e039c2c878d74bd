/**
 * @file internal.h
 * @brief Private declarations shared by the files of the product_quality
 *        plugin (src/). Not part of the plugin's interface: the host sees
 *        only jg_plugin_contract_version and jg_plugin_api_table.
 *
 * Every function declared here is PQ_INTERNAL, so that, although it is not
 * static, it stays out of the shared library's dynamic symbol table. The
 * full doc comment of each is at its definition.
 */
#ifndef JG_PQ_INTERNAL_H
#define JG_PQ_INTERNAL_H

#include "jianguan_plugin.h"
#include "../product_quality.h"

#include <stddef.h>
#include <stdint.h>

/** Marks a function shared between the plugin's files as hidden: linked
 *  within the library, never exported from it. */
#if defined(__GNUC__) && !defined(_WIN32)
#define PQ_INTERNAL __attribute__((visibility("hidden")))
#else
#define PQ_INTERNAL
#endif

/** An open plugin: its configuration and its message buffers. */
struct jg_plugin_state {
    /** Multiple of T beyond which one unit fails the lot (default 2). */
    int64_t gross_multiple;
    /** The last failure's message; empty when the last call succeeded. */
    char error[1024];
    /** Scratch for the detail of a result (the host copies it). */
    char detail[2048];
};

/* ---- Entry points of the API table (plugin.c builds the table) ---------- */

/** describe(): the description JSON (description.c). */
PQ_INTERNAL const char *pq_describe(void);
/** grade(): net content of prepackaged goods, Order 70 附件3 and JJF 1070 (net_content.c). */
PQ_INTERNAL jg_plugin_status pq_grade(jg_plugin_state *s, const jg_plugin_facts *facts,
                                      const jg_plugin_grade_out *out);
/** duties(): follow-up of a failed spot check, Order 18 Arts. 46–48 (follow_up.c). */
PQ_INTERNAL jg_plugin_status pq_duties(jg_plugin_state *s, const jg_plugin_facts *facts, int32_t as_of,
                                       const jg_plugin_duty_out *out);
/** assess_referral(): 刑法 第一百四十条, 立案追诉标准（一） 第十六条 (referral.c). */
PQ_INTERNAL jg_plugin_status pq_assess_referral(jg_plugin_state *s, const jg_plugin_facts *facts,
                                                const jg_plugin_referral_out *out);

/* ---- Messages (facts.c) -------------------------------------------------- */

/** Formats into `buf`, never leaving a cut UTF-8 character behind. */
PQ_INTERNAL void pq_format(char *buf, size_t cap, const char *fmt, ...);
/** Records a failure message on the state and returns `status`. */
PQ_INTERNAL jg_plugin_status pq_fail(jg_plugin_state *s, jg_plugin_status status, const char *fmt, ...);

/* ---- Numbers (facts.c) --------------------------------------------------- */

/** Rounds half away from zero; -1 beyond ±1e15 or for NaN. */
PQ_INTERNAL int pq_round(double v, int64_t *out);
/** v / 10^decimals as a decimal without trailing zeros. */
PQ_INTERNAL void pq_fixed(char *buf, size_t cap, int64_t v, int decimals);
/** Micro-units (µg or µL) as a decimal in g or mL. */
PQ_INTERNAL void pq_micro(char *buf, size_t cap, int64_t v);
/** Fen as a decimal in CNY with two places. */
PQ_INTERNAL void pq_cny(char *buf, size_t cap, int64_t fen);

/* ---- Columns (facts.c) --------------------------------------------------- */

/** Finds a column by name and checks its kind; NULL when optional and absent. */
PQ_INTERNAL jg_plugin_status pq_column(jg_plugin_state *s, const jg_plugin_facts *f, const char *name,
                                       jg_plugin_fact_kind kind, int required, const jg_plugin_column **out);
/** Whether row `r` of a column (possibly NULL) has a value. */
PQ_INTERNAL int pq_has(const jg_plugin_column *c, uint64_t r);
/** INVALID_FACTS for a required value missing in row `r`. */
PQ_INTERNAL jg_plugin_status pq_missing(jg_plugin_state *s, uint64_t r, const char *name);
/** Row `r` of a number column. */
PQ_INTERNAL double pq_number(const jg_plugin_column *c, uint64_t r);
/** Row `r` of a text column ("" for a NULL pointer). */
PQ_INTERNAL const char *pq_text(const jg_plugin_column *c, uint64_t r);
/** Row `r` of a date column, in days since 1970-01-01. */
PQ_INTERNAL int32_t pq_date(const jg_plugin_column *c, uint64_t r);
/** A required integer fact that must be ≥ 0. */
PQ_INTERNAL jg_plugin_status pq_count(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
                                      const char *name, int64_t *out);
/** A quantity in the row's unit (kilo: kg or L) as micro-units of g or mL. */
PQ_INTERNAL jg_plugin_status pq_quantity(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
                                         const char *name, int kilo, int64_t *out);

#endif /* JG_PQ_INTERNAL_H */
