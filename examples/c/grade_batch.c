/*
 * grade_batch.c — what a county food-safety system does with the industry
 * plugins: load the plugins folder, list what loaded, and risk-grade a
 * batch of three food businesses through plugin "food" (食品生产经营风险
 * 分级管理办法（试行）, levels under SAMR Order 49), printing each grade
 * with the reasons and the rules they cite.
 *
 *   ./grade_batch PLUGINS_DIR     (a folder holding libjianguan_food.so, …)
 *
 * The food plugin's grading schema declares business_type as text (one of
 * its listed codes) and static_score (0–40) and dynamic_score (0–60) as
 * numbers, so the scores cross as JG_FACT_NUMBER (double) columns.
 */
#include <stdio.h>

#include "jianguan.h"

static int fail(const char *what, jg_status st)
{
    fprintf(stderr, "%s failed (status %d): %s\n", what, (int)st, jg_last_error());
    return 1;
}

/* Prints every row's grade and reasons; 0 on success. */
static int print_grades(const jg_grades *grades)
{
    for (size_t row = 0; row < jg_grades_len(grades); row++) {
        jg_grade g;
        jg_status st = jg_grades_row(grades, row, &g);
        if (st != JG_STATUS_OK) {
            return fail("jg_grades_row", st);
        }
        printf("business %zu: grade %s (score %g)\n", row, g.label, g.score);
        for (size_t i = 0; i < g.reason_count; i++) {
            jg_reason r;
            st = jg_grades_reason(grades, row, i, &r);
            if (st != JG_STATUS_OK) {
                return fail("jg_grades_reason", st);
            }
            printf("    %s — %s\n", r.detail, r.citation);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    jg_options *options = NULL;
    jg_supervisor *sup = NULL;
    jg_grades *grades = NULL;
    char *plugins = NULL;
    jg_status st;
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PLUGINS_DIR\n", argv[0]);
        return 2;
    }
    uint32_t abi = jg_abi_version();
    /* Same major, minor at least ours; compared whole so that minor 0 does not
     * make `minor < 0` (always false) trip -Wtype-limits. */
    if (abi >> 16 != JG_ABI_MAJOR || abi < ((uint32_t)JG_ABI_MAJOR << 16 | JG_ABI_MINOR)) {
        fprintf(stderr, "libjianguan has ABI %u.%u\n", abi >> 16, abi & 0xFFFF);
        return 1;
    }
    if ((st = jg_options_new(&options)) != JG_STATUS_OK) {
        return fail("jg_options_new", st);
    }
    if ((st = jg_options_set_plugins_dir(options, argv[1])) != JG_STATUS_OK) {
        rc = fail("jg_options_set_plugins_dir", st);
        jg_options_free(options); /* not yet handed to jg_supervisor_new */
        return rc;
    }
    /* Consumes the options, whether or not it succeeds. */
    if ((st = jg_supervisor_new(options, &sup)) != JG_STATUS_OK) {
        return fail("jg_supervisor_new", st);
    }
    if ((st = jg_supervisor_plugins_json(sup, &plugins)) != JG_STATUS_OK) {
        rc = fail("jg_supervisor_plugins_json", st);
        goto done;
    }
    printf("plugins: %s\n", plugins);

    /* One row per business: a seller, a restaurant, a central kitchen. */
    static const char *const business_type[] = {"seller", "caterer", "central_kitchen"};
    static const double static_score[] = {12, 20, 35};
    static const double dynamic_score[] = {15, 30, 40};
    /* Typed constructors: the compiler checks each array's type, and the
     * kind is set to match it (ABI 1.2). */
    const jg_fact_column columns[] = {
        jg_fact_text("business_type", business_type, NULL),
        jg_fact_number("static_score", static_score, NULL),
        jg_fact_number("dynamic_score", dynamic_score, NULL),
    };
    const jg_fact_table facts = {3, sizeof columns / sizeof columns[0], columns};
    if ((st = jg_supervisor_grade(sup, "food", &facts, &grades)) != JG_STATUS_OK) {
        rc = fail("jg_supervisor_grade", st);
        goto done;
    }
    rc = print_grades(grades);

done:
    jg_grades_free(grades);
    jg_string_free(plugins);
    jg_supervisor_free(sup);
    return rc;
}
