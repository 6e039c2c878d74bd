/*
 * test_rules.c — checks the product_quality plugin through its entry-point
 * table, with facts built from the sources' own figures. It links the plugin
 * sources (src/) directly (no dlopen):
 *
 *   gcc -std=c11 -Wall -Wextra -Werror -g -I/work/main/include \
 *       src/plugin.c src/description.c src/facts.c src/net_content.c \
 *       src/follow_up.c src/referral.c test_rules.c -o test_rules && ./test_rules
 *   valgrind --leak-check=full --error-exitcode=1 ./test_rules
 *
 * Built with -DJG_PQ_CONTRACT_VERSION='"2.0.0"' it checks that the override
 * reaches jg_plugin_contract_version().
 *
 * One line per check ("ok - …" or "FAIL - …"); exits 1 on any failure.
 */
#include "jianguan_plugin.h"
#include "product_quality.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef JG_PQ_CONTRACT_VERSION
#define EXPECTED_VERSION JG_PQ_CONTRACT_VERSION
#else
#define EXPECTED_VERSION JG_PLUGIN_CONTRACT_VERSION
#endif

static int checks;
static int failures;

static void check(int ok, const char *fmt, ...)
{
    va_list ap;
    checks++;
    if (!ok) {
        failures++;
    }
    printf("%s - ", ok ? "ok" : "FAIL");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* ------------------------------------------------------------------------ */
/* A host: records what the plugin reports, checking it as the SDK does      */
/* ------------------------------------------------------------------------ */

typedef struct rec {
    uint64_t row;
    uint32_t citation;
    uint32_t decision;
    int32_t due;
    uint8_t overdue;
    char code[64];
    char detail[1024];
} rec;

#define MAX_RECS 512

typedef struct sink {
    uint64_t rows;
    size_t n;
    int refuse;   /* answer every callback with "refused" */
    int misuse;   /* a callback saw a bad argument */
    rec recs[MAX_RECS];
} sink;

static sink SINK;

static void sink_reset(uint64_t rows)
{
    SINK.rows = rows;
    SINK.n = 0;
    SINK.refuse = 0;
    SINK.misuse = 0;
}

/** Whether a string is well-formed UTF-8 (the host refuses anything else). */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t len = *p < 0x80 ? 1 : (*p >> 5) == 0x6 ? 2 : (*p >> 4) == 0xE ? 3 : (*p >> 3) == 0x1E ? 4 : 0;
        if (len == 0) {
            return 0;
        }
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        p += len;
    }
    return 1;
}

static rec *sink_add(uint64_t row, uint32_t citation, const char *detail)
{
    if (SINK.refuse) {
        return NULL;
    }
    if (row >= SINK.rows || detail == NULL || !utf8_ok(detail) || citation >= PQ_CITATION_COUNT ||
        SINK.n >= MAX_RECS) {
        SINK.misuse = 1;
        return NULL;
    }
    rec *r = &SINK.recs[SINK.n++];
    memset(r, 0, sizeof *r);
    r->row = row;
    r->citation = citation;
    snprintf(r->detail, sizeof r->detail, "%s", detail);
    return r;
}

static int32_t cb_reason(void *host, uint64_t row, uint32_t citation, const char *detail)
{
    (void)host;
    return sink_add(row, citation, detail) != NULL ? 0 : 1;
}

static int32_t cb_duty(void *host, uint64_t row, const char *code, int32_t due, uint8_t overdue, uint32_t citation,
                       const char *detail)
{
    (void)host;
    if (code == NULL || !utf8_ok(code)) {
        SINK.misuse = 1;
        return 1;
    }
    rec *r = sink_add(row, citation, detail);
    if (r == NULL) {
        return 1;
    }
    snprintf(r->code, sizeof r->code, "%s", code);
    r->due = due;
    r->overdue = overdue;
    return 0;
}

static int32_t cb_finding(void *host, uint64_t row, jg_plugin_decision decision, uint32_t citation,
                          const char *detail)
{
    (void)host;
    if (decision > JG_PLUGIN_REFER) {
        SINK.misuse = 1;
        return 1;
    }
    rec *r = sink_add(row, citation, detail);
    if (r == NULL) {
        return 1;
    }
    r->decision = decision;
    return 0;
}

/** The n-th record of a row (in the order the plugin added them), or NULL. */
static const rec *rec_of(uint64_t row, size_t nth)
{
    for (size_t i = 0; i < SINK.n; i++) {
        if (SINK.recs[i].row == row && nth-- == 0) {
            return &SINK.recs[i];
        }
    }
    return NULL;
}

static size_t recs_of(uint64_t row)
{
    size_t n = 0;
    for (size_t i = 0; i < SINK.n; i++) {
        n += SINK.recs[i].row == row;
    }
    return n;
}

/** The record of a row with a given duty code, or NULL. */
static const rec *duty_of(uint64_t row, const char *code)
{
    for (size_t i = 0; i < SINK.n; i++) {
        if (SINK.recs[i].row == row && strcmp(SINK.recs[i].code, code) == 0) {
            return &SINK.recs[i];
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Fact tables                                                               */
/* ------------------------------------------------------------------------ */

typedef struct table {
    jg_plugin_column cols[12];
    uint64_t count;
    uint64_t rows;
} table;

static void add_col(table *t, const char *name, jg_plugin_fact_kind kind, const void *values, const uint8_t *present)
{
    jg_plugin_column c = {name, kind, values, present};
    t->cols[t->count++] = c;
}

static jg_plugin_facts facts_of(const table *t)
{
    jg_plugin_facts f = {t->rows, t->count, t->cols};
    return f;
}

static const jg_plugin_api *API;

static jg_plugin_state *open_or_die(const char *config)
{
    jg_plugin_status st = -1;
    jg_plugin_state *s = API->open(config, &st);
    if (st != JG_PLUGIN_OK || s == NULL) {
        fprintf(stderr, "open(%s) failed: %s\n", config, s ? API->last_error(s) : API->last_error(NULL));
        exit(2);
    }
    return s;
}

static jg_plugin_status run_grade(jg_plugin_state *s, const table *t, uint32_t *grades, double *scores)
{
    for (uint64_t i = 0; i < t->rows; i++) {
        grades[i] = UINT32_MAX;
        scores[i] = -1.0;
    }
    sink_reset(t->rows);
    jg_plugin_facts f = facts_of(t);
    jg_plugin_grade_out out = {grades, scores, NULL, cb_reason};
    return API->grade(s, &f, &out);
}

static jg_plugin_status run_duties(jg_plugin_state *s, const table *t, int32_t as_of)
{
    sink_reset(t->rows);
    jg_plugin_facts f = facts_of(t);
    jg_plugin_duty_out out = {NULL, cb_duty};
    return API->duties(s, &f, as_of, &out);
}

static jg_plugin_status run_referral(jg_plugin_state *s, const table *t)
{
    sink_reset(t->rows);
    jg_plugin_facts f = facts_of(t);
    jg_plugin_referral_out out = {NULL, cb_finding};
    return API->assess_referral(s, &f, &out);
}

static int contains(const char *hay, const char *needle)
{
    return hay != NULL && strstr(hay, needle) != NULL;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

/* ------------------------------------------------------------------------ */
/* Contract, description, configuration                                      */
/* ------------------------------------------------------------------------ */

static void test_contract(void)
{
    const char *v = jg_plugin_contract_version();
    check(v != NULL && strcmp(v, EXPECTED_VERSION) == 0, "jg_plugin_contract_version() = \"%s\" (expected \"%s\")",
          v ? v : "(null)", EXPECTED_VERSION);
    API = jg_plugin_api_table();
    check(API != NULL && API->size == sizeof(jg_plugin_api), "table size = sizeof(jg_plugin_api) = %zu",
          sizeof(jg_plugin_api));
    check(API->describe && API->open && API->close && API->last_error && API->grade && API->duties &&
              API->assess_referral,
          "every entry point is set");
}

static void test_description(void)
{
    const char *d = API->describe();
    check(d != NULL && d[0] == '{' && d[strlen(d) - 1] == '}' && utf8_ok(d), "describe() returns a UTF-8 JSON object");
    check(d == API->describe(), "describe() is static (same pointer each call)");
    check(contains(d, "\"id\":\"product_quality\"") && contains(d, "\"industries\":[\"industrial_products\"]"),
          "id product_quality serving industrial_products");
    check(count_of(d, "\"article\":") == PQ_CITATION_COUNT, "%d citations, as enum pq_citation counts",
          PQ_CITATION_COUNT);
    check(count_of(d, "\"label\":") == PQ_GRADE_COUNT &&
              strstr(d, "\"label\":\"compliant\"") < strstr(d, "\"label\":\"nonconforming\""),
          "grades compliant < nonconforming");
    int in_range = 1;
    for (const char *p = strstr(d, "\"citation\":"); p != NULL; p = strstr(p + 1, "\"citation\":")) {
        long i = strtol(p + strlen("\"citation\":"), NULL, 10);
        in_range &= i >= 0 && i < PQ_CITATION_COUNT;
    }
    check(in_range, "every citation index in the description is below %d", PQ_CITATION_COUNT);
    check(contains(d, "\"config\":{\"gross_shortfall_multiple\":2}"), "config default gross_shortfall_multiple = 2");
    /* Citation positions the code relies on. */
    const char *annex = strstr(d, "\"article\":\"附件3 允许短缺量\"");
    const char *crim = strstr(d, "\"article\":\"第一百四十条\"");
    const char *art46 = strstr(d, "\"article\":\"第四十六条\"");
    check(annex && crim && art46 && annex < crim && crim < art46, "citation order matches product_quality.h");
}

static void test_config(void)
{
    static const char *const good[] = {
        "", "   ", "{}", " { } ", "{\"gross_shortfall_multiple\": 3}", "{\"gross_shortfall_multiple\":2.0}",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        jg_plugin_status st = -1;
        jg_plugin_state *s = API->open(good[i], &st);
        check(st == JG_PLUGIN_OK && s != NULL && API->last_error(s) == NULL, "open(`%s`) accepted", good[i]);
        API->close(s);
    }
    static const char *const bad[] = {
        "[]",
        "{",
        "null",
        "{\"gross_shortfall_multiple\": 0}",
        "{\"gross_shortfall_multiple\": 11}",
        "{\"gross_shortfall_multiple\": 2.5}",
        "{\"gross_shortfall_multiple\": \"2\"}",
        "{\"gross_shortfall_multiple\": -2}",
        "{\"gross_shortfall_multiple\": 2e0}",
        "{\"gross_shortfall_multiple\": 02}",
        "{\"gross_shortfall_multiple\": 2} x",
        "{\"gross_shortfall_multiple\": 2, \"gross_shortfall_multiple\": 2}",
        "{\"tolerance\": 1}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jg_plugin_status st = -1;
        jg_plugin_state *s = API->open(bad[i], &st);
        const char *msg = s ? API->last_error(s) : NULL;
        const char *tl = API->last_error(NULL);
        check(st == JG_PLUGIN_INVALID_CONFIG && msg != NULL && tl != NULL && strcmp(msg, tl) == 0 && utf8_ok(msg),
              "open(`%s`) refused: %s", bad[i], msg ? msg : "(no message)");
        API->close(s);
    }
}

/* ------------------------------------------------------------------------ */
/* Grading                                                                   */
/* ------------------------------------------------------------------------ */

/** One lot, as the schema's facts. */
typedef struct lot {
    double qn;
    const char *unit;
    int64_t n, over_t, over_2t, allowed;
    double mean;
    double correction; /* < 0: not given */
    double min;        /* < 0: not given */
} lot;

#define MAX_LOTS 64

/** Column buffers for up to MAX_LOTS lots. */
typedef struct lot_table {
    table t;
    double qn[MAX_LOTS], mean[MAX_LOTS], corr[MAX_LOTS], min[MAX_LOTS];
    const char *unit[MAX_LOTS];
    int64_t n[MAX_LOTS], over_t[MAX_LOTS], over_2t[MAX_LOTS], allowed[MAX_LOTS];
    uint8_t has_corr[MAX_LOTS], has_min[MAX_LOTS];
} lot_table;

static lot_table LOTS;

static void lots_build(const lot *l, size_t count)
{
    memset(&LOTS, 0, sizeof LOTS);
    for (size_t i = 0; i < count; i++) {
        LOTS.qn[i] = l[i].qn;
        LOTS.unit[i] = l[i].unit;
        LOTS.n[i] = l[i].n;
        LOTS.over_t[i] = l[i].over_t;
        LOTS.over_2t[i] = l[i].over_2t;
        LOTS.allowed[i] = l[i].allowed;
        LOTS.mean[i] = l[i].mean;
        LOTS.has_corr[i] = l[i].correction >= 0;
        LOTS.corr[i] = l[i].correction >= 0 ? l[i].correction : 0;
        LOTS.has_min[i] = l[i].min >= 0;
        LOTS.min[i] = l[i].min >= 0 ? l[i].min : 0;
    }
    table *t = &LOTS.t;
    t->rows = count;
    /* Columns in an order unlike the schema's: the plugin finds them by name. */
    add_col(t, "units_over_2t", JG_PLUGIN_FACT_INTEGER, LOTS.over_2t, NULL);
    add_col(t, "min_actual", JG_PLUGIN_FACT_NUMBER, LOTS.min, LOTS.has_min);
    add_col(t, "nominal_quantity", JG_PLUGIN_FACT_NUMBER, LOTS.qn, NULL);
    add_col(t, "unit", JG_PLUGIN_FACT_TEXT, LOTS.unit, NULL);
    add_col(t, "sample_size", JG_PLUGIN_FACT_INTEGER, LOTS.n, NULL);
    add_col(t, "mean_actual", JG_PLUGIN_FACT_NUMBER, LOTS.mean, NULL);
    add_col(t, "mean_correction", JG_PLUGIN_FACT_NUMBER, LOTS.corr, LOTS.has_corr);
    add_col(t, "units_over_t", JG_PLUGIN_FACT_INTEGER, LOTS.over_t, NULL);
    add_col(t, "allowed_units_over_t", JG_PLUGIN_FACT_INTEGER, LOTS.allowed, NULL);
}

/** A compliant lot of nominal quantity qn (mean = Qn, no short units). */
static lot good_lot(double qn, const char *unit)
{
    lot l = {qn, unit, 50, 0, 0, 3, qn, -1, -1};
    return l;
}

/** The band table of 附件3: each boundary on, 0.1 under and 0.1 over. */
static void test_bands(jg_plugin_state *s)
{
    static const struct {
        double qn;
        const char *t;    /* "：T = … g（" */
        const char *band; /* "，band：" */
    } cases[] = {
        {49.0, "4.4", "Qn ≤ 50 g"}, /* 9 % × 49 = 4.41 → 4.4: the slope is real */
        {49.9, "4.5", "Qn ≤ 50 g"},
        {50.0, "4.5", "Qn ≤ 50 g"},
        {50.1, "4.5", "50 g < Qn ≤ 100 g"},
        {99.9, "4.5", "50 g < Qn ≤ 100 g"},
        {100.0, "4.5", "50 g < Qn ≤ 100 g"},
        {100.1, "4.5", "100 g < Qn ≤ 200 g"},
        {120.0, "5.4", "100 g < Qn ≤ 200 g"},
        {199.9, "9", "100 g < Qn ≤ 200 g"},
        {200.0, "9", "100 g < Qn ≤ 200 g"},
        {200.1, "9", "200 g < Qn ≤ 300 g"},
        {299.9, "9", "200 g < Qn ≤ 300 g"},
        {300.0, "9", "200 g < Qn ≤ 300 g"},
        {300.1, "9", "300 g < Qn ≤ 500 g"},
        {499.9, "15", "300 g < Qn ≤ 500 g"},
        {500.0, "15", "300 g < Qn ≤ 500 g"},
        {500.1, "15", "500 g < Qn ≤ 1000 g"},
        {999.9, "15", "500 g < Qn ≤ 1000 g"},
        {1000.0, "15", "500 g < Qn ≤ 1000 g"},
        {1000.1, "15", "1000 g < Qn ≤ 10000 g"},
        {9999.9, "150", "1000 g < Qn ≤ 10000 g"},
        {10000.0, "150", "1000 g < Qn ≤ 10000 g"},
        {10000.1, "150", "10000 g < Qn ≤ 15000 g"},
        {14999.9, "150", "10000 g < Qn ≤ 15000 g"},
        {15000.0, "150", "10000 g < Qn ≤ 15000 g"},
        {15000.1, "150", "15000 g < Qn ≤ 50000 g"},
        {49999.9, "500", "15000 g < Qn ≤ 50000 g"},
        {50000.0, "500", "15000 g < Qn ≤ 50000 g"},
        /* The note's rounding, read as GB/T 8170 (half to even). */
        {5.0, "0.4", "Qn ≤ 50 g"},     /* 0.45 → 0.4 */
        {15.0, "1.4", "Qn ≤ 50 g"},    /* 1.35 → 1.4 */
        {25.0, "2.2", "Qn ≤ 50 g"},    /* 2.25 → 2.2 */
        {35.0, "3.2", "Qn ≤ 50 g"},    /* 3.15 → 3.2 */
        {1100.0, "16", "1000 g < Qn ≤ 10000 g"}, /* 16.5 → 16 (to 1 g above 1 kg) */
        {1300.0, "20", "1000 g < Qn ≤ 10000 g"}, /* 19.5 → 20 */
        {0.5, "0", "Qn ≤ 50 g"},       /* 0.045 → 0.0: any shortfall is over T */
    };
    size_t n = sizeof cases / sizeof cases[0];
    lot lots[MAX_LOTS];
    for (size_t i = 0; i < n; i++) {
        lots[i] = good_lot(cases[i].qn, "g");
    }
    lots_build(lots, n);
    uint32_t grades[MAX_LOTS];
    double scores[MAX_LOTS];
    jg_plugin_status st = run_grade(s, &LOTS.t, grades, scores);
    check(st == JG_PLUGIN_OK && !SINK.misuse, "grade %zu lots on the band boundaries in one batch", n);
    for (size_t i = 0; i < n; i++) {
        const rec *r = rec_of(i, 0);
        char t[48], band[96];
        snprintf(t, sizeof t, "：T = %s g（", cases[i].t);
        snprintf(band, sizeof band, "，%s：", cases[i].band);
        check(r != NULL && r->citation == PQ_CITE_ORDER70_ANNEX3 && contains(r->detail, t) &&
                  contains(r->detail, band) && grades[i] == PQ_GRADE_COMPLIANT && scores[i] == 0.0,
              "Qn = %g g: T = %s g in band %s — %s", cases[i].qn, cases[i].t, cases[i].band,
              r ? r->detail : "(no reason)");
    }
}

static void test_units(jg_plugin_state *s)
{
    lot lots[] = {good_lot(1.5, "kg"), good_lot(0.5, "L"), good_lot(2.5, "kg"), good_lot(250, "mL")};
    size_t n = sizeof lots / sizeof lots[0];
    lots_build(lots, n);
    uint32_t grades[MAX_LOTS];
    double scores[MAX_LOTS];
    jg_plugin_status st = run_grade(s, &LOTS.t, grades, scores);
    check(st == JG_PLUGIN_OK, "grade lots in kg, L and mL");
    const rec *r0 = rec_of(0, 0), *r1 = rec_of(1, 0), *r2 = rec_of(2, 0), *r3 = rec_of(3, 0);
    check(r0 && contains(r0->detail, "Qn = 1500 g（标注 1.5 kg）：T = 22 g（"), "1.5 kg = 1500 g: T = 22.5 → 22 g — %s",
          r0 ? r0->detail : "");
    check(r1 && contains(r1->detail, "Qn = 500 mL（标注 0.5 L）：T = 15 mL（"), "0.5 L = 500 mL: T = 15 mL — %s",
          r1 ? r1->detail : "");
    check(r2 && contains(r2->detail, "：T = 38 g（"), "2.5 kg: T = 37.5 → 38 g — %s", r2 ? r2->detail : "");
    check(r3 && contains(r3->detail, "Qn = 250 mL：T = 9 mL（"), "250 mL: T = 9 mL — %s", r3 ? r3->detail : "");
}

static void test_lot_criteria(jg_plugin_state *s)
{
    /* Qn = 250 g: T = 9 g, 2T = 18 g. */
    lot lots[] = {
        /* 0 */ {250, "g", 50, 0, 0, 3, 250.0, -1, -1},     /* mean exactly Qn */
        /* 1 */ {250, "g", 50, 0, 0, 3, 249.999, -1, -1},   /* mean 1 mg short */
        /* 2 */ {250, "g", 50, 0, 0, 3, 249.2, 0.8, -1},    /* mean exactly Qn − λs */
        /* 3 */ {250, "g", 50, 0, 0, 3, 249.199, 0.8, -1},  /* 1 mg below Qn − λs */
        /* 4 */ {250, "g", 50, 3, 0, 3, 250.5, -1, -1},     /* T-units at the allowance */
        /* 5 */ {250, "g", 50, 3, 0, 2, 250.5, -1, -1},     /* one over the allowance */
        /* 6 */ {250, "g", 50, 1, 1, 3, 250.5, -1, -1},     /* one unit beyond 2T */
        /* 7 */ {250, "g", 50, 5, 1, 2, 249.0, -1, -1},     /* all three fail */
        /* 8 */ {250, "g", 50, 0, 0, 0, 250.0, -1, 241.0},  /* smallest unit short by exactly T */
        /* 9 */ {250, "g", 50, 1, 0, 1, 250.0, -1, 240.999},/* 1 mg beyond T, counted */
        /* 10 */ {250, "g", 50, 1, 0, 1, 250.0, -1, 232.0}, /* short by exactly 2T: not beyond 2T */
        /* 11 */ {100, "g", 50, 0, 0, 3, 97.942, 2.058, -1}, /* = Qn − λs; in doubles 97.942 < 100 − 2.058 */
    };
    size_t n = sizeof lots / sizeof lots[0];
    lots_build(lots, n);
    uint32_t g[MAX_LOTS];
    double sc[MAX_LOTS];
    jg_plugin_status st = run_grade(s, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_OK && !SINK.misuse, "grade the lot criteria (Qn = 250 g, T = 9 g)");
    const rec *r;
    r = rec_of(0, 1);
    check(g[0] == PQ_GRADE_COMPLIANT && sc[0] == 0 && r && r->citation == PQ_CITE_ORDER70_LOT_MEAN &&
              contains(r->detail, "250 g ≥ 标注净含量 250 g"),
          "mean = Qn exactly: compliant — %s", r ? r->detail : "");
    r = rec_of(1, 1);
    check(g[1] == PQ_GRADE_NONCONFORMING && sc[1] == 1 && r && r->citation == PQ_CITE_ORDER70_LOT_MEAN &&
              contains(r->detail, "249.999 g < 标注净含量 250 g"),
          "mean 1 mg below Qn: nonconforming — %s", r ? r->detail : "");
    r = rec_of(2, 1);
    check(g[2] == PQ_GRADE_COMPLIANT && r && r->citation == PQ_CITE_JJF1070_MEAN &&
              contains(r->detail, "249.2 g ≥ Qn − λs = 250 − 0.8 = 249.2 g"),
          "mean = Qn − λs exactly: compliant — %s", r ? r->detail : "");
    r = rec_of(3, 1);
    check(g[3] == PQ_GRADE_NONCONFORMING && sc[3] == 1 && r && r->citation == PQ_CITE_JJF1070_MEAN,
          "mean 1 mg below Qn − λs: nonconforming — %s", r ? r->detail : "");
    r = rec_of(4, 1);
    check(g[4] == PQ_GRADE_COMPLIANT && r && contains(r->detail, "件数 3 ≤ 抽样方案允许的 3 件"),
          "3 units over T, allowance 3: compliant — %s", r ? r->detail : "");
    r = rec_of(5, 1);
    check(g[5] == PQ_GRADE_NONCONFORMING && sc[5] == 1 && r && r->citation == PQ_CITE_JJF1070_T1 &&
              contains(r->detail, "件数 3 > 抽样方案允许的 2 件"),
          "3 units over T, allowance 2: nonconforming — %s", r ? r->detail : "");
    r = rec_of(6, 1);
    check(g[6] == PQ_GRADE_NONCONFORMING && sc[6] == 1 && r && r->citation == PQ_CITE_JJF1070_GROSS &&
              contains(r->detail, "大于 2T（18 g）的件数 1"),
          "one unit beyond 2T: nonconforming — %s", r ? r->detail : "");
    check(g[7] == PQ_GRADE_NONCONFORMING && sc[7] == 3 && recs_of(7) == 4, "all three criteria fail: score 3, 4 reasons");
    check(g[8] == PQ_GRADE_COMPLIANT && g[9] == PQ_GRADE_COMPLIANT && g[10] == PQ_GRADE_COMPLIANT,
          "min_actual short by exactly T (not over), 1 mg over T (counted), exactly 2T (not beyond): consistent");
    r = rec_of(11, 1);
    check(g[11] == PQ_GRADE_COMPLIANT && r && contains(r->detail, "97.942 g ≥ Qn − λs = 100 − 2.058 = 97.942 g"),
          "mean 97.942 = 100 − 2.058 exactly (a double comparison says below): compliant — %s", r ? r->detail : "");
}

/** Grades one lot and checks it is refused as INVALID_FACTS naming the row and fact. */
static void expect_invalid_lot(jg_plugin_state *s, lot bad, const char *fact, const char *what)
{
    lot lots[2] = {good_lot(250, "g"), bad};
    lots_build(lots, 2);
    uint32_t g[MAX_LOTS];
    double sc[MAX_LOTS];
    jg_plugin_status st = run_grade(s, &LOTS.t, g, sc);
    const char *msg = API->last_error(s);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(msg, "row 1") && contains(msg, fact), "%s: INVALID_FACTS — %s",
          what, msg ? msg : "(no message)");
}

static void test_invalid_lots(jg_plugin_state *s, jg_plugin_state *s3)
{
    lot l;
    l = (lot){250, "g", 50, 51, 0, 3, 250, -1, -1};
    expect_invalid_lot(s, l, "units_over_t", "units_over_t 51 > sample_size 50");
    l = (lot){250, "g", 50, 1, 2, 3, 250, -1, -1};
    expect_invalid_lot(s, l, "units_over_2t", "units_over_2t 2 > units_over_t 1");
    l = (lot){250, "g", 5, 0, 0, 6, 250, -1, -1};
    expect_invalid_lot(s, l, "allowed_units_over_t", "allowance 6 > sample_size 5");
    l = (lot){50000.1, "g", 50, 0, 0, 3, 50000.1, -1, -1};
    expect_invalid_lot(s, l, "nominal_quantity", "Qn = 50000.1 g, beyond the table");
    l = (lot){50.0001, "kg", 50, 0, 0, 3, 50.0001, -1, -1};
    expect_invalid_lot(s, l, "nominal_quantity", "Qn = 50.0001 kg, beyond the table");
    l = (lot){0, "g", 50, 0, 0, 3, 0, -1, -1};
    expect_invalid_lot(s, l, "nominal_quantity", "Qn = 0");
    l = (lot){250, "oz", 50, 0, 0, 3, 250, -1, -1};
    expect_invalid_lot(s, l, "unit", "unit oz");
    l = (lot){250, "g", 50, 0, 0, 0, 250, -1, 240.999};
    expect_invalid_lot(s, l, "units_over_t", "min_actual 1 mg beyond T but units_over_t = 0");
    l = (lot){250, "g", 50, 1, 0, 1, 250, -1, 241.0};
    expect_invalid_lot(s, l, "units_over_t", "units_over_t = 1 but min_actual short by exactly T");
    l = (lot){250, "g", 50, 1, 0, 1, 250, -1, 231.999};
    expect_invalid_lot(s, l, "units_over_2t", "min_actual 1 mg beyond 2T but units_over_2t = 0");
    l = (lot){250, "g", 50, 1, 1, 1, 250, -1, 232.0};
    expect_invalid_lot(s, l, "units_over_2t", "units_over_2t = 1 but min_actual short by exactly 2T");
    l = (lot){250, "g", 50, 0, 0, 0, 249.0, -1, 249.5};
    expect_invalid_lot(s, l, "min_actual", "min_actual above mean_actual");

    /* The configured multiple moves the gross limit: 3T = 27 g. */
    lot ok3 = {250, "g", 50, 1, 0, 1, 250, -1, 231.999};
    lots_build(&ok3, 1);
    uint32_t g[MAX_LOTS];
    double sc[MAX_LOTS];
    jg_plugin_status st = run_grade(s3, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_OK && g[0] == PQ_GRADE_COMPLIANT,
          "gross_shortfall_multiple = 3: a unit short by 18.001 g is within 3T = 27 g");

    /* A required column left out, of the wrong kind, or a missing value. */
    lot one = good_lot(250, "g");
    lots_build(&one, 1);
    LOTS.t.count--; /* drops allowed_units_over_t, the last column added */
    st = run_grade(s, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "allowed_units_over_t"),
          "required column missing: INVALID_FACTS — %s", API->last_error(s));
    lots_build(&one, 1);
    LOTS.t.cols[4].kind = JG_PLUGIN_FACT_NUMBER; /* sample_size */
    st = run_grade(s, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "sample_size"),
          "column of the wrong kind: INVALID_FACTS — %s", API->last_error(s));
    lot two[2] = {good_lot(250, "g"), good_lot(500, "g")};
    lots_build(two, 2);
    static const uint8_t present[2] = {1, 0};
    LOTS.t.cols[5].present = present; /* mean_actual missing in row 1 */
    st = run_grade(s, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "row 1: required fact `mean_actual`"),
          "required value missing in one row: INVALID_FACTS — %s", API->last_error(s));

    /* No rows: nothing to do. */
    lots_build(NULL, 0);
    st = run_grade(s, &LOTS.t, g, sc);
    check(st == JG_PLUGIN_OK && SINK.n == 0 && API->last_error(s) == NULL, "zero rows: OK, no reasons, no message");

    /* A host that refuses a result makes the call fail. */
    lots_build(&one, 1);
    for (uint64_t i = 0; i < 1; i++) {
        g[i] = UINT32_MAX;
    }
    sink_reset(1);
    SINK.refuse = 1;
    jg_plugin_facts f = facts_of(&LOTS.t);
    jg_plugin_grade_out out = {g, sc, NULL, cb_reason};
    st = API->grade(s, &f, &out);
    check(st == JG_PLUGIN_INTERNAL && contains(API->last_error(s), "refused"), "host refusing a reason: INTERNAL — %s",
          API->last_error(s));
}

/* ------------------------------------------------------------------------ */
/* Referral                                                                  */
/* ------------------------------------------------------------------------ */

static void test_referral(jg_plugin_state *s)
{
    static const struct {
        double sales;
        double unsold; /* < 0: not given */
        const char *conduct;
        jg_plugin_decision decision;
        uint32_t citation;
        const char *detail;
        const char *what;
    } cases[] = {
        {50000.00, -1, "confirmed", JG_PLUGIN_REFER, PQ_CITE_CRIM_140, "50000.00 元 ≥ 50000 元",
         "sales 50,000.00: refer (五万元以上 includes the figure)"},
        {49999.99, -1, "confirmed", JG_PLUGIN_DO_NOT_REFER, PQ_CITE_FILING_STD_16, "49999.99 元 < 50000 元",
         "sales 49,999.99, nothing unsold: do not refer"},
        {49999.99, 0.03, "confirmed", JG_PLUGIN_REFER, PQ_CITE_FILING_STD_16, "= 150000.00 元 ≥ 150000 元",
         "sales 49,999.99 + unsold 0.03: 3 × sales + unsold = 150,000.00, refer"},
        {49999.99, 0.02, "confirmed", JG_PLUGIN_DO_NOT_REFER, PQ_CITE_FILING_STD_16, "= 149999.99 元 < 150000 元",
         "sales 49,999.99 + unsold 0.02: 149,999.99, do not refer"},
        {0, 150000.00, "confirmed", JG_PLUGIN_REFER, PQ_CITE_FILING_STD_16, "第十六条第二项",
         "unsold 150,000.00: refer (attempt)"},
        {0, 149999.99, "confirmed", JG_PLUGIN_DO_NOT_REFER, PQ_CITE_FILING_STD_16, "149999.99 元 < 150000 元",
         "unsold 149,999.99: do not refer"},
        {40000.00, 30000.00, "confirmed", JG_PLUGIN_REFER, PQ_CITE_FILING_STD_16, "3 × 40000.00 + 尚未销售的货值 30000.00 = 150000.00 元",
         "sales 40,000 + unsold 30,000: 3 × sales + unsold = 150,000, refer"},
        {40000.00, 29999.99, "confirmed", JG_PLUGIN_DO_NOT_REFER, PQ_CITE_FILING_STD_16, "149999.99 元 < 150000 元",
         "sales 40,000 + unsold 29,999.99: do not refer"},
        {43691.70, 18924.90, "confirmed", JG_PLUGIN_REFER, PQ_CITE_FILING_STD_16, "= 150000.00 元 ≥ 150000 元",
         "3 × 43,691.70 + 18,924.90 = 150,000.00 in fen (in doubles 149,999.99999999997): refer"},
        {49999.99, 150000.00, "confirmed", JG_PLUGIN_REFER, PQ_CITE_FILING_STD_16, "第十六条第二项",
         "sales under 50,000 but unsold 150,000: refer"},
        {50000.00, -1, "suspected", JG_PLUGIN_NEEDS_TESTING, PQ_CITE_CRIM_140, "鉴定",
         "sales 50,000, conduct only suspected: needs testing first"},
        {0, 150000.00, "suspected", JG_PLUGIN_NEEDS_TESTING, PQ_CITE_FILING_STD_16, "鉴定",
         "unsold 150,000, conduct only suspected: needs testing first"},
        {1000000.00, 500000.00, "none", JG_PLUGIN_DO_NOT_REFER, PQ_CITE_CRIM_140, "未认定",
         "no adulteration or passing off: do not refer, whatever the amount"},
        {200000.00, -1, "confirmed", JG_PLUGIN_REFER, PQ_CITE_CRIM_140, "二年以上七年以下",
         "sales 200,000: refer, 2–7 year band"},
        {199999.99, -1, "confirmed", JG_PLUGIN_REFER, PQ_CITE_CRIM_140, "二年以下有期徒刑或者拘役",
         "sales 199,999.99: refer, under-2-year band"},
        {2000000.00, -1, "confirmed", JG_PLUGIN_REFER, PQ_CITE_CRIM_140, "十五年有期徒刑或者无期徒刑",
         "sales 2,000,000: refer, 15-year-or-life band"},
    };
    size_t n = sizeof cases / sizeof cases[0];
    double sales[32], unsold[32];
    uint8_t has_unsold[32];
    const char *conduct[32];
    for (size_t i = 0; i < n; i++) {
        sales[i] = cases[i].sales;
        has_unsold[i] = cases[i].unsold >= 0;
        unsold[i] = cases[i].unsold >= 0 ? cases[i].unsold : 0;
        conduct[i] = cases[i].conduct;
    }
    table t = {.rows = n};
    add_col(&t, "adulteration", JG_PLUGIN_FACT_TEXT, conduct, NULL);
    add_col(&t, "unsold_value_cny", JG_PLUGIN_FACT_NUMBER, unsold, has_unsold);
    add_col(&t, "sales_cny", JG_PLUGIN_FACT_NUMBER, sales, NULL);
    jg_plugin_status st = run_referral(s, &t);
    check(st == JG_PLUGIN_OK && !SINK.misuse, "assess %zu referral cases in one batch", n);
    for (size_t i = 0; i < n; i++) {
        const rec *r = rec_of(i, 0);
        check(recs_of(i) == 1 && r && r->decision == cases[i].decision && r->citation == cases[i].citation &&
                  contains(r->detail, cases[i].detail),
              "%s — %s", cases[i].what, r ? r->detail : "(no finding)");
    }

    /* Inputs the schema cannot rule out. */
    double big = 1e14, ok_sales = 1000;
    const char *bad_conduct = "maybe", *good_conduct = "confirmed";
    table t2 = {.rows = 1};
    add_col(&t2, "sales_cny", JG_PLUGIN_FACT_NUMBER, &big, NULL);
    add_col(&t2, "adulteration", JG_PLUGIN_FACT_TEXT, &good_conduct, NULL);
    st = run_referral(s, &t2);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "row 0: fact `sales_cny`"),
          "sales 1e14 CNY: INVALID_FACTS — %s", API->last_error(s));
    table t3 = {.rows = 1};
    add_col(&t3, "sales_cny", JG_PLUGIN_FACT_NUMBER, &ok_sales, NULL);
    add_col(&t3, "adulteration", JG_PLUGIN_FACT_TEXT, &bad_conduct, NULL);
    st = run_referral(s, &t3);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "row 0: fact `adulteration`"),
          "adulteration `maybe`: INVALID_FACTS — %s", API->last_error(s));
    table t4 = {.rows = 1};
    add_col(&t4, "adulteration", JG_PLUGIN_FACT_TEXT, &good_conduct, NULL);
    st = run_referral(s, &t4);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "sales_cny"),
          "sales_cny column missing: INVALID_FACTS — %s", API->last_error(s));
}

/* ------------------------------------------------------------------------ */
/* Duties                                                                    */
/* ------------------------------------------------------------------------ */

/** 2024-01-10 as days since 1970-01-01. */
#define D_2024_01_10 19732
/** 9999-12-31 as days since 1970-01-01 (the host's last date). */
#define PQ_LAST_DAY_FOR_TEST 2932896

typedef struct duty_row {
    int32_t ordered, rectified, rechecked, announced, post; /* 0: not given */
} duty_row;

static table DUTY_T;
static int32_t D_ORD[16], D_RECT[16], D_RECHK[16], D_ANN[16], D_POST[16];
static uint8_t P_RECT[16], P_RECHK[16], P_ANN[16], P_POST[16];

static void duties_build(const duty_row *rows, size_t n)
{
    memset(&DUTY_T, 0, sizeof DUTY_T);
    for (size_t i = 0; i < n; i++) {
        D_ORD[i] = rows[i].ordered;
        D_RECT[i] = rows[i].rectified;
        P_RECT[i] = rows[i].rectified != 0;
        D_RECHK[i] = rows[i].rechecked;
        P_RECHK[i] = rows[i].rechecked != 0;
        D_ANN[i] = rows[i].announced;
        P_ANN[i] = rows[i].announced != 0;
        D_POST[i] = rows[i].post;
        P_POST[i] = rows[i].post != 0;
    }
    DUTY_T.rows = n;
    add_col(&DUTY_T, "post_announcement_recheck_on", JG_PLUGIN_FACT_DATE, D_POST, P_POST);
    add_col(&DUTY_T, "ordered_on", JG_PLUGIN_FACT_DATE, D_ORD, NULL);
    add_col(&DUTY_T, "rectified_on", JG_PLUGIN_FACT_DATE, D_RECT, P_RECT);
    add_col(&DUTY_T, "rechecked_on", JG_PLUGIN_FACT_DATE, D_RECHK, P_RECHK);
    add_col(&DUTY_T, "announced_on", JG_PLUGIN_FACT_DATE, D_ANN, P_ANN);
}

static void test_duties(jg_plugin_state *s)
{
    const int32_t o = D_2024_01_10;
    const rec *r;
    /* As of the 60th day itself: due that day, not yet overdue. */
    duty_row one = {o, 0, 0, 0, 0};
    duties_build(&one, 1);
    jg_plugin_status st = run_duties(s, &DUTY_T, o + 60);
    r = duty_of(0, "rectify-within-60-days");
    check(st == JG_PLUGIN_OK && r && r->due == o + 60 && !r->overdue && r->citation == PQ_CITE_ORDER18_ART46 &&
              contains(r->detail, "（2024-01-10）") && contains(r->detail, "期限 2024-03-10"),
          "ordered 2024-01-10: correct by 2024-03-10 (Art. 46, 60 days), not overdue on that day — %s",
          r ? r->detail : "");
    r = duty_of(0, "recheck-within-75-days");
    check(r && r->due == o + 75 && !r->overdue && r->citation == PQ_CITE_ORDER18_ART47 &&
              contains(r->detail, "期限 2024-03-25"),
          "re-check by 2024-03-25 (Art. 47, 75 days) — %s", r ? r->detail : "");
    st = run_duties(s, &DUTY_T, o + 61);
    r = duty_of(0, "rectify-within-60-days");
    check(st == JG_PLUGIN_OK && r && r->overdue && duty_of(0, "recheck-within-75-days") &&
              !duty_of(0, "recheck-within-75-days")->overdue,
          "as of 2024-03-11: correction overdue, re-check not yet");

    duty_row rows[] = {
        /* 0: corrected before the as-of date: only the re-check is open. */
        {o, o + 40, 0, 0, 0},
        /* 1: corrected after the as-of date: as of then, still open. */
        {o, o + 58, 0, 0, 0},
        /* 2: failed re-check announced on o + 78 (2024-03-28). */
        {o, 0, o + 70, o + 78, 0},
        /* 3: second re-check done. */
        {o, o + 50, o + 70, o + 78, o + 150},
    };
    duties_build(rows, 4);
    st = run_duties(s, &DUTY_T, o + 55);
    check(st == JG_PLUGIN_OK && !duty_of(0, "rectify-within-60-days") && duty_of(0, "recheck-within-75-days") &&
              duty_of(1, "rectify-within-60-days"),
          "as of day 55: correction on day 40 closes the duty; one on day 58 has not happened yet");
    st = run_duties(s, &DUTY_T, o + 168);
    r = duty_of(2, "recheck-60-to-90-days-after-announcement");
    check(st == JG_PLUGIN_OK && r && r->due == o + 78 + 90 && !r->overdue && r->citation == PQ_CITE_ORDER18_ART48 &&
              contains(r->detail, "（2024-03-28）") && contains(r->detail, "2024-05-27 之后") &&
              contains(r->detail, "期限 2024-06-26"),
          "announced 2024-03-28: re-check after 2024-05-27, by 2024-06-26 (Art. 48) — %s", r ? r->detail : "");
    check(duty_of(2, "rectify-within-60-days") && duty_of(2, "rectify-within-60-days")->overdue &&
              !duty_of(2, "recheck-within-75-days"),
          "row 2: correction still open and overdue; first re-check done");
    check(recs_of(3) == 0, "row 3: everything done, no open duty");
    st = run_duties(s, &DUTY_T, o + 169);
    r = duty_of(2, "recheck-60-to-90-days-after-announcement");
    check(st == JG_PLUGIN_OK && r && r->overdue, "a day later the Art. 48 re-check is overdue");

    /* Inputs the schema cannot rule out. */
    static const struct {
        duty_row row;
        const char *fact;
        const char *what;
    } bad[] = {
        {{o, o - 1, 0, 0, 0}, "rectified_on", "correction before the order"},
        {{o, 0, o - 1, 0, 0}, "rechecked_on", "re-check before the order"},
        {{o, 0, 0, o + 10, 0}, "announced_on", "announcement without a re-check"},
        {{o, 0, o + 20, o + 10, 0}, "announced_on", "announcement before the re-check"},
        {{o, 0, 0, 0, o + 10}, "post_announcement_recheck_on", "second re-check without an announcement"},
        {{o, 0, o + 5, o + 10, o + 9}, "post_announcement_recheck_on", "second re-check before the announcement"},
        {{PQ_LAST_DAY_FOR_TEST - 10, 0, 0, 0, 0}, "ordered_on", "order so late its period passes 9999-12-31"},
        {{-30000, 0, 0, 0, 0}, "ordered_on", "order before 1900"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        duty_row two[2] = {{o, 0, 0, 0, 0}, bad[i].row};
        duties_build(two, 2);
        st = run_duties(s, &DUTY_T, o);
        const char *msg = API->last_error(s);
        check(st == JG_PLUGIN_INVALID_FACTS && contains(msg, "row 1") && contains(msg, bad[i].fact),
              "%s: INVALID_FACTS — %s", bad[i].what, msg ? msg : "(no message)");
    }
    table empty = {.rows = 1};
    st = run_duties(s, &empty, o);
    check(st == JG_PLUGIN_INVALID_FACTS && contains(API->last_error(s), "ordered_on"),
          "ordered_on column missing: INVALID_FACTS — %s", API->last_error(s));
}

int main(void)
{
    test_contract();
    test_description();
    test_config();
    jg_plugin_state *s = open_or_die("");
    jg_plugin_state *s3 = open_or_die("{\"gross_shortfall_multiple\": 3}");
    test_bands(s);
    test_units(s);
    test_lot_criteria(s);
    test_invalid_lots(s, s3);
    test_referral(s);
    test_duties(s);
    API->close(s);
    API->close(s3);
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
