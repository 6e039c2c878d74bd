/**
 * @file follow_up.c
 * @brief duties(): the follow-up of a failed product-quality spot check
 *        (总局令第18号 Arts. 46–48), with the date helpers it uses.
 */
#include "internal.h"

#include <inttypes.h>

/** 1900-01-01 and 9999-12-31 as days since 1970-01-01: the host's date range. */
#define PQ_FIRST_DAY (-25567)
#define PQ_LAST_DAY 2932896

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
jg_plugin_status pq_duties(jg_plugin_state *s, const jg_plugin_facts *facts, int32_t as_of,
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
