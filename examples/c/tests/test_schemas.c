/*
 * test_schemas.c — ABI 1.2, issue 19 C points 1, 2, 5 and 7:
 *
 * 1. a plugin's fact schemas as structs (kind, required, unit, allowed
 *    values, description), and a row id column carried through grading;
 * 2. duties and referral assessment through typed columns;
 * 5. typed column constructors (the kind set by the function, so a column
 *    of the wrong kind for its fact is refused, not misread) and the date
 *    converter between jg_date and the int32 days of date columns;
 * 7. a code explained with names (authority, category, region).
 *
 *   ./test_schemas PLUGINS_DIR
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The spec named `name` among `n` specs, or NULL. */
static const jg_fact_spec *spec_named(const jg_fact_spec *specs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(specs[i].name, name) == 0) {
            return &specs[i];
        }
    }
    return NULL;
}

static void schemas(const jg_supervisor *sup)
{
    const jg_fact_spec *specs = NULL;
    size_t n = 0;
    jg_status st = jg_supervisor_fact_schema(sup, "food", JG_OPERATION_GRADING, &specs, &n);
    if (!CHECK(st == JG_STATUS_OK && n > 0, "food grading schema: %zu facts", n)) {
        return;
    }
    const jg_fact_spec *type = spec_named(specs, n, "business_type");
    const jg_fact_spec *score = spec_named(specs, n, "static_score");
    CHECK(type && type->kind == JG_FACT_TEXT && type->allowed_count > 0 && type->allowed,
          "business_type is text with %zu allowed values", type ? type->allowed_count : 0);
    if (type && type->allowed_count > 0) {
        bool seller = false;
        for (size_t i = 0; i < type->allowed_count; i++) {
            seller |= strcmp(type->allowed[i], "seller") == 0;
        }
        CHECK(seller, "\"seller\" is an allowed business_type");
        CHECK(type->description && *type->description, "business_type is described: %s",
              type->description);
    }
    CHECK(score && score->kind == JG_FACT_NUMBER, "static_score is a number");
    for (size_t i = 0; i < n; i++) {
        CHECK(specs[i].name && specs[i].description && specs[i].kind <= JG_FACT_DATE &&
                  (specs[i].allowed_count == 0) == (specs[i].allowed == NULL),
              "spec %s: kind %u, %s, unit %s", specs[i].name, specs[i].kind,
              specs[i].required ? "required" : "optional",
              specs[i].unit ? specs[i].unit : "(none)");
    }

    const jg_fact_spec *duties = NULL;
    size_t nd = 0;
    st = jg_supervisor_fact_schema(sup, "food", JG_OPERATION_DUTIES, &duties, &nd);
    const jg_fact_spec *lic = st == JG_STATUS_OK ? spec_named(duties, nd, "licensed_on") : NULL;
    CHECK(lic && lic->kind == JG_FACT_DATE, "food duties read licensed_on, a date");

    specs = NULL;
    n = 99;
    st = jg_supervisor_fact_schema(sup, "food", 7, &specs, &n);
    CHECK(st == JG_STATUS_INVALID_ARGUMENT && specs == NULL && n == 99,
          "operation 7 is refused, nothing written: %s", jg_last_error());
    st = jg_supervisor_fact_schema(sup, "fod", JG_OPERATION_GRADING, &specs, &n);
    CHECK(st == JG_STATUS_UNKNOWN_PLUGIN && strcmp(jg_last_error_kind(), JG_KIND_PLUGIN_NOT_LOADED) == 0,
          "an unknown plugin: %s", jg_last_error());
}

/* Point 1: a row id (the host's key) through grading, and point 5: typed
 * columns. */
static void grade_with_ids(const jg_supervisor *sup)
{
    static const char *const uscc[] = {"91370283MA0261327W", "914403001922038216"};
    static const char *const type[] = {"seller", "central_kitchen"};
    static const double stat[] = {10.0, 30.0}, dyn[] = {5.0, 45.0};
    const jg_fact_column cols[] = {
        jg_fact_text("uscc", uscc, NULL),
        jg_fact_text("business_type", type, NULL),
        jg_fact_number("static_score", stat, NULL),
        jg_fact_number("dynamic_score", dyn, NULL),
    };
    const jg_fact_table table = {2, 4, cols};
    jg_grades *g = NULL;
    jg_status st = jg_supervisor_grade_with_ids(sup, "food", &table, "uscc", &g);
    if (CHECK(st == JG_STATUS_OK && jg_grades_len(g) == 2, "graded with ids: %s",
              st ? jg_last_error() : "2 rows")) {
        const char *id0 = NULL, *id1 = NULL;
        CHECK(jg_grades_row_id(g, 0, &id0) == JG_STATUS_OK &&
                  jg_grades_row_id(g, 1, &id1) == JG_STATUS_OK && strcmp(id0, uscc[0]) == 0 &&
                  strcmp(id1, uscc[1]) == 0,
              "row ids come back: %s, %s", id0 ? id0 : "-", id1 ? id1 : "-");
        const char *none = NULL;
        CHECK(jg_grades_row_id(g, 2, &none) == JG_STATUS_OUT_OF_RANGE && none == NULL,
              "row 2 is past the end");
    }
    jg_grades_free(g);

    /* Without an id column named, an extra column is not a fact. */
    g = NULL;
    st = jg_supervisor_grade(sup, "food", &table, &g);
    CHECK(st == JG_STATUS_INVALID_FACTS && g == NULL && strstr(jg_last_error(), "`uscc`"),
          "grade without ids refuses the uscc column: %s", jg_last_error());
    st = jg_supervisor_grade_with_ids(sup, "food", &table, "code", &g);
    CHECK(st == JG_STATUS_INVALID_ARGUMENT && g == NULL && strstr(jg_last_error(), "`code`"),
          "an id column the facts lack: %s", jg_last_error());

    /* Grades made without ids say so. */
    const jg_fact_table facts = {2, 3, cols + 1};
    st = jg_supervisor_grade(sup, "food", &facts, &g);
    if (CHECK(st == JG_STATUS_OK, "graded without ids")) {
        const char *id = NULL;
        st = jg_grades_row_id(g, 0, &id); /* the call before its message */
        CHECK(st == JG_STATUS_INVALID_ARGUMENT && id == NULL, "no ids to read: %s",
              jg_last_error());
    }
    jg_grades_free(g);

    /* Point 5: a column of the wrong kind for its fact is an error. */
    static const int64_t whole[] = {10, 30};
    const jg_fact_column wrong[] = {
        jg_fact_text("business_type", type, NULL),
        jg_fact_integer("static_score", whole, NULL),
        jg_fact_number("dynamic_score", dyn, NULL),
    };
    const jg_fact_table wrong_table = {2, 3, wrong};
    g = NULL;
    st = jg_supervisor_grade(sup, "food", &wrong_table, &g);
    CHECK(st == JG_STATUS_INVALID_FACTS && g == NULL &&
              strstr(jg_last_error(), "static_score") && strstr(jg_last_error(), "number"),
          "integers given for a number fact are refused: %s", jg_last_error());
}

/* Points 2 and 5: duties over dates converted from jg_date; referral. */
static void duties_and_referral(const jg_supervisor *sup)
{
    int32_t licensed[1], last[1];
    CHECK(jg_date_to_days((jg_date){2019, 5, 1}, &licensed[0]) == JG_STATUS_OK &&
              licensed[0] == 18017,
          "2019-05-01 is day 18017");
    CHECK(jg_date_to_days((jg_date){2024, 3, 15}, &last[0]) == JG_STATUS_OK && last[0] == 19797,
          "2024-03-15 is day 19797");
    jg_date back = {0, 0, 0};
    CHECK(jg_date_from_days(19797, &back) == JG_STATUS_OK && back.year == 2024 &&
              back.month == 3 && back.day == 15,
          "day 19797 is 2024-03-15");
    int32_t untouched = 5;
    jg_status refused = jg_date_to_days((jg_date){2026, 2, 30}, &untouched);
    CHECK(refused == JG_STATUS_INVALID_ARGUMENT && untouched == 5, "2026-02-30 is refused: %s",
          jg_last_error());

    const jg_fact_column dcols[] = {jg_fact_date("licensed_on", licensed, NULL),
                                    jg_fact_date("last_full_inspection", last, NULL)};
    const jg_fact_table duties = {1, 2, dcols};
    char *out = NULL;
    jg_status st = jg_supervisor_duties_json(sup, "food", &duties, (jg_date){2026, 1, 10}, &out);
    if (CHECK(st == JG_STATUS_OK, "duties: %s", st ? jg_last_error() : "ok")) {
        CHECK(strstr(out, "\"due\":\"2026-03-15\"") != NULL, "full coverage due 2026-03-15");
        jg_string_free(out);
    }

    static const double sales[] = {60000.0};
    static const uint8_t no[] = {0}, yes[] = {1};
    const jg_fact_column rcols[] = {jg_fact_number("sales_cny", sales, NULL),
                                    jg_fact_flag("substandard_food", no, NULL),
                                    jg_fact_flag("adulterated", yes, NULL)};
    const jg_fact_table cases = {1, 3, rcols};
    out = NULL;
    st = jg_supervisor_assess_referral_json(sup, "food", &cases, &out);
    if (CHECK(st == JG_STATUS_OK, "referral: %s", st ? jg_last_error() : "ok")) {
        CHECK(strstr(out, "\"decision\":\"refer\"") != NULL, "60,000 yuan adulterated: refer");
        jg_string_free(out);
    }
}

/* Point 7: a code's parts with their names. */
static void explain(void)
{
    char *out = NULL;
    jg_status st = jg_uscc_explain_json("91370283MA0261327W", &out);
    if (CHECK(st == JG_STATUS_OK, "explained: %s", st ? jg_last_error() : "ok")) {
        CHECK(strstr(out, "\"region\":{") && strstr(out, "\"code\":\"370283\"") &&
                  strstr(out, "平度市") && strstr(out, "山东省"),
              "region 370283 is 平度市, 山东省: %.400s", out);
        CHECK(strstr(out, "\"authority\":{\"code\":\"9\"") && strstr(out, "工商"),
              "authority 9 is named (工商): %.400s", out);
        CHECK(strstr(out, "\"category\":{\"code\":\"1\"") && strstr(out, "企业"),
              "category 1 is named (企业): %.400s", out);
        jg_string_free(out);
    }
    out = NULL;
    st = jg_uscc_explain_json("91370283MA0261327X", &out);
    CHECK(st == JG_STATUS_INVALID_USCC && out == NULL &&
              strcmp(jg_last_error_kind(), JG_KIND_INVALID_USCC) == 0,
          "a wrong check character: %s", jg_last_error());
}

int main(int argc, char **argv)
{
    jg_options *o = NULL;
    jg_supervisor *sup = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: %s PLUGINS_DIR\n", argv[0]);
        return 2;
    }
    bool made = jg_options_new(&o) == JG_STATUS_OK &&
                jg_options_set_plugins_dir(o, argv[1]) == JG_STATUS_OK &&
                jg_supervisor_new(o, &sup) == JG_STATUS_OK;
    if (CHECK(made, "a supervisor over %s: %s", argv[1], jg_last_error())) {
        schemas(sup);
        grade_with_ids(sup);
        duties_and_referral(sup);
    }
    explain();
    jg_supervisor_free(sup);
    return check_summary("test_schemas");
}
