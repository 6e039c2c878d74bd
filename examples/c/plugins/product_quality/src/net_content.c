/**
 * @file net_content.c
 * @brief grade(): the net content of prepackaged goods — the tolerable
 *        shortfall T of 总局令第70号 附件3 and the lot criteria of JJF 1070.
 */
#include "internal.h"

#include <inttypes.h>
#include <string.h>

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
jg_plugin_status pq_grade(jg_plugin_state *s, const jg_plugin_facts *facts, const jg_plugin_grade_out *out)
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
