/**
 * @file facts.c
 * @brief Helpers shared by the entry points: messages and pq_fail, number
 *        rounding and formatting, and finding and reading fact columns.
 */
#include "internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Messages                                                                  */
/* ------------------------------------------------------------------------ */

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
void pq_format(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pq_vformat(buf, cap, fmt, ap);
    va_end(ap);
}

/** Records a failure on the state and returns its status. */
jg_plugin_status pq_fail(jg_plugin_state *s, jg_plugin_status status, const char *fmt, ...)
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
int pq_round(double v, int64_t *out)
{
    if (!(v >= -1e15 && v <= 1e15)) {
        return -1;
    }
    *out = (int64_t)(v >= 0 ? v + 0.5 : v - 0.5);
    return 0;
}

/** Writes v / 10^decimals as a decimal without trailing zeros ("4.5", "250"). */
void pq_fixed(char *buf, size_t cap, int64_t v, int decimals)
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
void pq_micro(char *buf, size_t cap, int64_t v)
{
    pq_fixed(buf, cap, v, 6);
}

/** Fen as a decimal in CNY with two places ("49999.99"). */
void pq_cny(char *buf, size_t cap, int64_t fen)
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
jg_plugin_status pq_column(jg_plugin_state *s, const jg_plugin_facts *f, const char *name,
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
int pq_has(const jg_plugin_column *c, uint64_t r)
{
    return c != NULL && (c->present == NULL || c->present[r] != 0);
}

/** INVALID_FACTS for a required value missing in one row. */
jg_plugin_status pq_missing(jg_plugin_state *s, uint64_t r, const char *name)
{
    return pq_fail(s, JG_PLUGIN_INVALID_FACTS, "row %" PRIu64 ": required fact `%s` is missing", r, name);
}

double pq_number(const jg_plugin_column *c, uint64_t r)
{
    return ((const double *)c->values)[r];
}

static int64_t pq_integer(const jg_plugin_column *c, uint64_t r)
{
    return ((const int64_t *)c->values)[r];
}

const char *pq_text(const jg_plugin_column *c, uint64_t r)
{
    const char *t = ((const char *const *)c->values)[r];
    return t != NULL ? t : "";
}

int32_t pq_date(const jg_plugin_column *c, uint64_t r)
{
    return ((const int32_t *)c->values)[r];
}

/** A required integer that must be ≥ 0 (the schema says so; checked again). */
jg_plugin_status pq_count(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
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
jg_plugin_status pq_quantity(jg_plugin_state *s, const jg_plugin_column *c, uint64_t r,
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
