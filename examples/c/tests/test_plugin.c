/*
 * A plugin written in C (examples/c/plugins/product_quality), loaded by the
 * library beside the Rust plugins and called through the C API: it grades a
 * batch of lots, and the same plugin built for contract 2.0.0 is refused.
 *
 *   test_plugin PLUGINS_DIR WRONG_VERSION_DIR
 * PLUGINS_DIR holds libjianguan_product_quality.so (and may hold others);
 * WRONG_VERSION_DIR holds the copy built with JG_PQ_CONTRACT_VERSION "2.0.0".
 */
#include <stdlib.h>

#include "check.h"

static jg_supervisor *open_dir(const char *dir, bool require_all, jg_status *status) {
    jg_options *opts = NULL;
    jg_supervisor *sup = NULL;
    if (jg_options_new(&opts) != JG_STATUS_OK) return NULL;
    jg_options_set_plugins_dir(opts, dir);
    /* A configuration for an id no plugin has: listed as unused (a typo). */
    jg_options_set_plugin_config(opts, "product_qualty", "{}");
    jg_options_require_all_plugins(opts, require_all);
    *status = jg_supervisor_new(opts, &sup);
    return sup;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: test_plugin PLUGINS_DIR WRONG_VERSION_DIR\n");
        return 2;
    }
    jg_status s;
    jg_supervisor *sup = open_dir(argv[1], true, &s);
    if (!CHECK(s == JG_STATUS_OK && sup, "the folder with the C plugin loads: %s", jg_last_error())) {
        return check_summary("test_plugin");
    }
    char *json = NULL;
    CHECK(jg_supervisor_plugins_json(sup, &json) == JG_STATUS_OK, "plugins listed");
    CHECK(json && strstr(json, "\"id\":\"product_quality\""), "product_quality is loaded");
    CHECK(json && strstr(json, "\"unused_configs\":[\"product_qualty\"]"),
          "the mistyped configuration id is listed as unused: %s", json ? json : "(null)");
    jg_string_free(json);

    /* Two lots of Qn = 250 g (Order 70 appendix 3: T = 9 g): mean 251 g
     * complies; mean 249.5 g is below the nominal content. */
    double nominal[] = {250, 250}, mean[] = {251, 249.5};
    int64_t sample[] = {20, 20}, over_t[] = {0, 0}, over_2t[] = {0, 0}, allowed[] = {1, 1};
    const char *unit[] = {"g", "g"};
    jg_fact_column cols[] = {
        {"nominal_quantity", JG_FACT_NUMBER, nominal, NULL},
        {"unit", JG_FACT_TEXT, unit, NULL},
        {"mean_actual", JG_FACT_NUMBER, mean, NULL},
        {"sample_size", JG_FACT_INTEGER, sample, NULL},
        {"units_over_t", JG_FACT_INTEGER, over_t, NULL},
        {"units_over_2t", JG_FACT_INTEGER, over_2t, NULL},
        {"allowed_units_over_t", JG_FACT_INTEGER, allowed, NULL},
    };
    jg_fact_table facts = {2, sizeof cols / sizeof cols[0], cols};
    jg_grades *grades = NULL;
    s = jg_supervisor_grade(sup, "product_quality", &facts, &grades);
    if (CHECK(s == JG_STATUS_OK, "two lots graded: %s", jg_last_error())) {
        jg_grade g0, g1;
        jg_reason r;
        CHECK(jg_grades_len(grades) == 2, "two rows");
        CHECK(jg_grades_row(grades, 0, &g0) == JG_STATUS_OK && strcmp(g0.label, "compliant") == 0,
              "mean 251 g of 250 g: compliant");
        CHECK(jg_grades_row(grades, 1, &g1) == JG_STATUS_OK &&
                  strcmp(g1.label, "nonconforming") == 0,
              "mean 249.5 g of 250 g: nonconforming");
        if (CHECK(jg_grades_reason(grades, 0, 0, &r) == JG_STATUS_OK, "row 0 has a reason")) {
            const char *want = "Qn = 250 g：T = 9 g";
            CHECK(strncmp(r.detail, want, strlen(want)) == 0,
                  "the first reason gives T = 9 g for Qn = 250 g: %s", r.detail);
            CHECK(strstr(r.citation, "国家市场监督管理总局令第70号") != NULL,
                  "and cites SAMR Order 70: %s", r.citation);
        }
    }
    jg_grades_free(grades);

    /* A fact the schema does not allow never reaches the C plugin. */
    const char *bad_unit[] = {"g", "lb"};
    cols[1].values = bad_unit;
    grades = NULL;
    s = jg_supervisor_grade(sup, "product_quality", &facts, &grades);
    CHECK(s == JG_STATUS_INVALID_FACTS && grades == NULL, "unit `lb` is refused before the call: %s",
          jg_last_error());
    /* Sizes C can get wrong: too many rows, a misaligned column. */
    cols[1].values = unit;
    facts.rows = (size_t)JG_MAX_FACT_ROWS + 1;
    s = jg_supervisor_grade(sup, "product_quality", &facts, &grades);
    CHECK(s == JG_STATUS_INVALID_ARGUMENT && grades == NULL, "rows above JG_MAX_FACT_ROWS: %s",
          jg_last_error());
    facts.rows = 2;
    unsigned char raw[3 * sizeof(double)] = {0};
    cols[0].values = raw + 1;
    s = jg_supervisor_grade(sup, "product_quality", &facts, &grades);
    CHECK(s == JG_STATUS_INVALID_ARGUMENT && strstr(jg_last_error(), "misaligned"),
          "a misaligned number column: %s", jg_last_error());
    jg_supervisor_free(sup);

    /* The copy built for contract 2.0.0 is refused before any of it runs. */
    sup = open_dir(argv[2], true, &s);
    CHECK(s == JG_STATUS_PLUGIN_LOAD && sup == NULL, "the 2.0.0 build is refused (status %d)",
          (int)s);
    CHECK(strstr(jg_last_error(), "built for C contract 2.0.0, this host implements 1.0.0") != NULL,
          "naming both versions: %s", jg_last_error());
    /* Without require_all the supervisor still builds, and lists the refusal. */
    sup = open_dir(argv[2], false, &s);
    CHECK(s == JG_STATUS_OK, "without require_all the supervisor builds");
    json = NULL;
    s = jg_supervisor_plugins_json(sup, &json);
    CHECK(s == JG_STATUS_OK && strstr(json, "\"loaded\":[]") && strstr(json, "C contract 2.0.0"),
          "and lists the refused file: %s", json ? json : "(null)");
    jg_string_free(json);
    jg_supervisor_free(sup);
    return check_summary("test_plugin");
}
