/*
 * test_doors.c — the calls ABI 1.1 added, each with the answer its source
 * fixes and a refusal with its status and kind (docs/errors.md):
 *
 * - RFC 3797 §6's worked example (key string and the ten selections);
 * - the catalog's items and departments, the credit scheme, a plugin's
 *   description;
 * - the food plugin's duties (SAMR Order 49 Art. 22: full coverage two years
 *   after the last full inspection) and referral assessment (Criminal Law
 *   Art. 140: sales of 50,000 yuan or more);
 * - inspection results of the edge-city vector's record, published 20
 *   working days after 2026-06-01: 2026-06-30, across the Dragon Boat
 *   Festival holiday of 2026-06-19 (State Council General Office notice
 *   for 2026). A December period would need the 2027 notice, since a
 *   year's notice may move working days into the last days of the year
 *   before.
 *
 *   ./test_doors PLUGINS_DIR VECTORS_DIR
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json_min.h"

/* The call failed with `want` and left `kind` as the last error's kind. */
#define REFUSED(call, want, kind)                                                            \
    do {                                                                                     \
        jg_status st_ = (call);                                                              \
        CHECK(st_ == (want) && strcmp(jg_last_error_kind(), (kind)) == 0,                    \
              "%s -> %s, kind %s (%s): %s", #call, status_name(st_), jg_last_error_kind(),   \
              (kind), jg_last_error());                                                      \
    } while (0)

/* Takes an owned string: whether it contains `needle`; frees it. */
static bool has(char *json, const char *needle)
{
    bool found = json && strstr(json, needle) != NULL;
    if (!found) {
        printf("# missing %s in %.300s\n", needle, json ? json : "(null)");
    }
    jg_string_free(json);
    return found;
}

static void rfc3797(const jg_supervisor *sup)
{
    char *out = NULL;
    const char *sources = "[[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]]";
    /* The call before its message: C leaves the order of arguments open. */
    jg_status st = jg_supervisor_rfc3797_json(sup, 25, 10, sources, &out);
    if (CHECK(st == JG_STATUS_OK, "RFC 3797 §6 example: %s", jg_last_error())) {
        jm_span root = jm_parse(out), key, picks, pick, selected;
        jm_iter it;
        long long want[] = {17, 7, 2, 16, 25, 23, 8, 24, 19, 13}, got;
        int n = 0;
        bool same = true;
        CHECK(jm_get(root, "key", &key) == 1 &&
                  jm_string_eq(key, "9319./2.5.8.10.12./9.18.26.34.41.45./"),
              "the key string of RFC 3797 §6");
        if (jm_get(root, "picks", &picks) == 1 && jm_array_begin(picks, &it) == 0) {
            while (jm_array_next(&it, &pick) == 1 && n < 10) {
                same &= jm_get(pick, "selected", &selected) == 1 && jm_int(selected, &got) &&
                        got == want[n];
                n++;
            }
        }
        CHECK(same && n == 10, "selections 17 7 2 16 25 23 8 24 19 13 (%d read)", n);
        jg_string_free(out);
    }
    out = NULL;
    REFUSED(jg_supervisor_rfc3797_json(sup, 3, 4, "[[1]]", &out), JG_STATUS_INVALID_ARGUMENT,
            "rfc3797_refused");
    REFUSED(jg_supervisor_rfc3797_json(sup, 3, 1, "[[1, -2]]", &out),
            JG_STATUS_INVALID_ARGUMENT, "invalid_input");
    REFUSED(jg_supervisor_rfc3797_json(sup, 3, 1, NULL, &out), JG_STATUS_NULL_ARGUMENT,
            "null_argument");
    CHECK(out == NULL, "no output after a refusal");
}

static void catalog_and_credit(const jg_supervisor *sup)
{
    char *out = NULL;
    CHECK(jg_supervisor_items_json(sup, &out) == JG_STATUS_OK &&
              has(out, "\"code\":\"G-01\""),
          "the default catalog's items include G-01");
    CHECK(jg_supervisor_departments_json(sup, &out) == JG_STATUS_OK &&
              has(out, "\"id\":\"market_regulation\""),
          "the departments include market_regulation");
    CHECK(jg_supervisor_credit_scheme_json(sup, &out) == JG_STATUS_OK &&
              has(out, "国市监信发〔2022〕6号"),
          "the default credit scheme is the national one of 国市监信发〔2022〕6号");
    out = NULL;
    REFUSED(jg_supervisor_items_json(NULL, &out), JG_STATUS_NULL_ARGUMENT, "null_argument");
}

static void food_plugin(const jg_supervisor *sup)
{
    char *out = NULL;
    CHECK(jg_supervisor_plugin_json(sup, "food", &out) == JG_STATUS_OK &&
              has(out, "\"id\":\"food\""),
          "the food plugin's description");
    out = NULL;
    REFUSED(jg_supervisor_plugin_json(sup, "fod", &out), JG_STATUS_UNKNOWN_PLUGIN,
            "plugin_not_loaded");

    /* Order 49 Art. 22: the full-coverage inspection is due two years after
     * the last one (2024-03-15 + 2 years), not yet overdue on 2026-01-10. */
    /* Date columns are days since 1970-01-01: 2019-05-01 and 2024-03-15. */
    const int32_t licensed[] = {18017}, last[] = {19797};
    jg_fact_column dcols[2] = {{"licensed_on", JG_FACT_DATE, licensed, NULL},
                               {"last_full_inspection", JG_FACT_DATE, last, NULL}};
    const jg_fact_table duties = {1, 2, dcols};
    jg_status st = jg_supervisor_duties_json(sup, "food", &duties, (jg_date){2026, 1, 10}, &out);
    if (CHECK(st == JG_STATUS_OK, "duties: %s", jg_last_error())) {
        CHECK(strstr(out, "\"code\":\"full-coverage-inspection\"") &&
                  strstr(out, "\"due\":\"2026-03-15\"") && strstr(out, "\"overdue\":false"),
              "full coverage due 2026-03-15, not overdue: %.200s", out);
        jg_string_free(out);
    }
    out = NULL;
    REFUSED(jg_supervisor_duties_json(sup, "food", &duties, (jg_date){2026, 2, 30}, &out),
            JG_STATUS_INVALID_ARGUMENT, "invalid_input");
    dcols[0].name = "licenced_on";
    REFUSED(jg_supervisor_duties_json(sup, "food", &duties, (jg_date){2026, 1, 10}, &out),
            JG_STATUS_INVALID_FACTS, "invalid_facts");

    /* Criminal Law Art. 140: adulterated goods sold for 50,000 yuan. */
    const double sales[] = {50000.0, 900000.0};
    const uint8_t substandard[] = {0, 0}, adulterated[] = {1, 0};
    const jg_fact_column rcols[3] = {{"sales_cny", JG_FACT_NUMBER, sales, NULL},
                                     {"substandard_food", JG_FACT_FLAG, substandard, NULL},
                                     {"adulterated", JG_FACT_FLAG, adulterated, NULL}};
    const jg_fact_table cases = {2, 3, rcols};
    st = jg_supervisor_assess_referral_json(sup, "food", &cases, &out);
    if (CHECK(st == JG_STATUS_OK, "referral: %s", jg_last_error())) {
        jm_span root = jm_parse(out), first, second, d1, d2;
        jm_iter it;
        CHECK(jm_array_begin(root, &it) == 0 && jm_array_next(&it, &first) == 1 &&
                  jm_array_next(&it, &second) == 1 && jm_get(first, "decision", &d1) == 1 &&
                  jm_get(second, "decision", &d2) == 1 && jm_string_eq(d1, "refer") &&
                  jm_string_eq(d2, "do_not_refer"),
              "case 0 (adulterated, 50,000) refer; case 1 do_not_refer: %.300s", out);
        jg_string_free(out);
    }
}

static void results(const jg_supervisor *sup, const char *vectors)
{
    char path[1024], entered[512], *out = NULL, *uscc = NULL, *dept = NULL, *record = NULL;
    jm_span root, expected, rec, visits, visit, u, depts, d;
    jm_iter it, dit;
    snprintf(path, sizeof path, "%s/draw/edge-city.json", vectors);
    char *text = jm_read_file(path, NULL);
    root = jm_parse(text ? text : "");
    if (!CHECK(jm_get(root, "expected", &expected) == 1 && jm_get(expected, "record", &rec) == 1 &&
                   jm_get(rec, "visits", &visits) == 1 && jm_array_begin(visits, &it) == 0 &&
                   jm_array_next(&it, &visit) == 1 && jm_get(visit, "uscc", &u) == 1 &&
                   jm_get(visit, "departments", &depts) == 1 &&
                   jm_array_begin(depts, &dit) == 0 && jm_array_next(&dit, &d) == 1,
               "the first visit of %s", path)) {
        free(text);
        return;
    }
    uscc = jm_string(u);
    dept = jm_string(d);
    record = jm_dup(rec);
    snprintf(entered, sizeof entered,
             "[{\"uscc\":\"%s\",\"department\":\"%s\",\"concluded_on\":\"2026-06-01\","
             "\"outcomes\":[\"1\"]}]",
             uscc, dept);
    jg_status st = jg_supervisor_record_results_json(sup, record, NULL, entered, 20, &out);
    if (CHECK(st == JG_STATUS_OK, "results: %s", jg_last_error())) {
        CHECK(strstr(out, "\"publish_by\":\"2026-06-30\"") != NULL,
              "published 20 working days after 2026-06-01: %.300s", out);
        jg_string_free(out);
    }
    out = NULL;
    snprintf(entered, sizeof entered,
             "[{\"uscc\":\"914403001922038216\",\"department\":\"%s\",\"concluded_on\":"
             "\"2026-06-01\",\"outcomes\":[\"1\"]}]",
             dept);
    REFUSED(jg_supervisor_record_results_json(sup, record, NULL, entered, 20, &out),
            JG_STATUS_INVALID_ARGUMENT, "invalid_results");
    CHECK(strstr(jg_last_error(), "result 1") != NULL, "the refusal names result 1: %s",
          jg_last_error());
    CHECK(out == NULL, "no output after a refusal");
    free(uscc);
    free(dept);
    free(record);
    free(text);
}

int main(int argc, char **argv)
{
    jg_options *o = NULL;
    jg_supervisor *sup = NULL;
    if (argc != 3) {
        fprintf(stderr, "usage: %s PLUGINS_DIR VECTORS_DIR\n", argv[0]);
        return 2;
    }
    bool made = jg_options_new(&o) == JG_STATUS_OK &&
                jg_options_set_plugins_dir(o, argv[1]) == JG_STATUS_OK &&
                jg_supervisor_new(o, &sup) == JG_STATUS_OK;
    if (CHECK(made, "a supervisor over %s: %s", argv[1], jg_last_error())) {
        rfc3797(sup);
        catalog_and_credit(sup);
        food_plugin(sup);
        results(sup, argv[2]);
    }
    jg_supervisor_free(sup);
    return check_summary("test_doors");
}
