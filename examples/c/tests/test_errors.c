/*
 * test_errors.c — ABI 1.2, issue 19 C points 4 and 6:
 *
 * 4. jg_status_str for every status; the JG_KIND_ constants are what
 *    jg_last_error_kind() returns; jg_last_error() stays valid and
 *    unchanged across successful calls until the next failing one; every
 *    NULL argument is named; jg_draw_record_digest refuses a NULL `out`
 *    before parsing; messages name C calls and JSON, not Rust types;
 * 6. the credit callback is called once per query (nothing cached) and
 *    hands over texts built on its stack with jg_credit_answer_set_error /
 *    _set_class, which copy them.
 *
 *   ./test_errors
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void status_texts(void)
{
    const char *seen[JG_STATUS_OUT_OF_RANGE + 1];
    bool distinct = true;
    for (int s = JG_STATUS_OK; s <= JG_STATUS_OUT_OF_RANGE; s++) {
        seen[s] = jg_status_str(s);
        for (int t = 0; t < s; t++) {
            distinct &= strcmp(seen[s], seen[t]) != 0;
        }
        CHECK(seen[s] && *seen[s] && strcmp(seen[s], "unknown status") != 0,
              "jg_status_str(%s) = \"%s\"", status_name((jg_status)s), seen[s]);
    }
    CHECK(distinct, "every status has its own text");
    CHECK(strcmp(jg_status_str(JG_STATUS_DRAW_REFUSED), "the draw was refused") == 0,
          "JG_STATUS_DRAW_REFUSED: the draw was refused");
    CHECK(strcmp(jg_status_str(-1), "unknown status") == 0 &&
              strcmp(jg_status_str(1000), "unknown status") == 0,
          "no status: \"unknown status\"");
    CHECK(jg_status_str(JG_STATUS_OK) == jg_status_str(JG_STATUS_OK), "static: the same pointer");
}

static void lifetime_and_kinds(const jg_supervisor *sup)
{
    jg_status st = jg_uscc_check("91370283MA0261327X", NULL);
    const char *msg = jg_last_error(), *kind = jg_last_error_kind();
    char copy[512];
    snprintf(copy, sizeof copy, "%s", msg);
    CHECK(st == JG_STATUS_INVALID_USCC && strcmp(kind, JG_KIND_INVALID_USCC) == 0,
          "a bad check character: kind JG_KIND_INVALID_USCC (%s)", kind);
    /* Successful calls in between: the same pointers, the same text. */
    bool day = false;
    jg_date d;
    CHECK(jg_uscc_check("91370283MA0261327W", NULL) == JG_STATUS_OK &&
              jg_supervisor_is_working_day(sup, (jg_date){2026, 10, 9}, &day) == JG_STATUS_OK &&
              jg_date_from_days(0, &d) == JG_STATUS_OK,
          "three successful calls");
    CHECK(jg_last_error() == msg && jg_last_error_kind() == kind && strcmp(msg, copy) == 0 &&
              strcmp(kind, JG_KIND_INVALID_USCC) == 0,
          "the message and kind survive successes: %s", jg_last_error());
    /* The next failure replaces them. */
    char *out = NULL;
    st = jg_supervisor_item_json(sup, "X-99", &out);
    CHECK(st == JG_STATUS_UNKNOWN_ITEM && strcmp(jg_last_error_kind(), JG_KIND_UNKNOWN_ITEM) == 0,
          "a failure replaces it: kind %s", jg_last_error_kind());
}

static void nulls_named(void)
{
    jg_status st = jg_supervisor_draw(NULL, NULL, NULL);
    CHECK(st == JG_STATUS_NULL_ARGUMENT &&
              strcmp(jg_last_error(),
                     "arguments `supervisor`, `inputs_json`, `record_json` are NULL") == 0,
          "every NULL is named: %s", jg_last_error());
    st = jg_options_set_plugin_config(NULL, NULL, "{}");
    CHECK(st == JG_STATUS_NULL_ARGUMENT &&
              strcmp(jg_last_error(), "arguments `options`, `id` are NULL") == 0,
          "options setters too: %s", jg_last_error());
    /* The digest checks `out` before it parses the record. */
    st = jg_draw_record_digest("not a record", NULL, 65);
    CHECK(st == JG_STATUS_NULL_ARGUMENT && strcmp(jg_last_error(), "argument `out` is NULL") == 0,
          "digest with a NULL out: NULL_ARGUMENT before parsing (%s)", jg_last_error());
    char digest[65] = "untouched";
    st = jg_draw_record_digest("not a record", digest, sizeof digest);
    CHECK(st == JG_STATUS_INVALID_ARGUMENT && strcmp(digest, "untouched") == 0,
          "a record that does not parse: nothing written (%s)", jg_last_error());
}

/* No message a C host sees names a Rust type or path. */
static bool c_words(const char *msg)
{
    static const char *const rust[] = {"::",   "struct ", "enum ", "Vec<", " u8",
                                       " u32", " u64",    " usize", " i32", " i64",
                                       " f64", " map",    "sequence"};
    for (size_t i = 0; i < sizeof rust / sizeof rust[0]; i++) {
        if (strstr(msg, rust[i])) {
            return false;
        }
    }
    return true;
}

static void c_messages(const jg_supervisor *sup)
{
    char *out = NULL;
    static const char *const bad_inputs[] = {
        "[]",
        "{\"plan\": 1}",
        "{\"plan\": {\"id\": 1}}",
        "{\"plan\": {}, \"roster\": [], \"inspectors\": [], \"entropy\": [], \"extra\": 1}",
    };
    for (size_t i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++) {
        jg_status st = jg_supervisor_draw(sup, bad_inputs[i], &out);
        CHECK(st == JG_STATUS_INVALID_ARGUMENT && c_words(jg_last_error()),
              "draw(%s): %s", bad_inputs[i], jg_last_error());
        st = jg_supervisor_verify(sup, bad_inputs[i], "{}");
        CHECK(st == JG_STATUS_INVALID_ARGUMENT && c_words(jg_last_error()),
              "verify(%s): %s", bad_inputs[i], jg_last_error());
    }
    static const char *const bad_sources[] = {"[[1, -2]]", "{\"a\": 1}", "[[\"x\"]]"};
    for (size_t i = 0; i < sizeof bad_sources / sizeof bad_sources[0]; i++) {
        jg_status st = jg_supervisor_rfc3797_json(sup, 3, 1, bad_sources[i], &out);
        CHECK(st == JG_STATUS_INVALID_ARGUMENT && c_words(jg_last_error()), "rfc3797(%s): %s",
              bad_sources[i], jg_last_error());
    }
    jg_status st = jg_supervisor_record_results_json(sup, "{}", NULL, "[]", 20, &out);
    CHECK(st != JG_STATUS_OK && c_words(jg_last_error()), "record_results({}): %s",
          jg_last_error());
    /* A year without a notice: the remedy is a C call. */
    bool day = false;
    st = jg_supervisor_is_working_day(sup, (jg_date){2031, 3, 3}, &day);
    CHECK(st == JG_STATUS_CALENDAR && c_words(jg_last_error()) &&
              strstr(jg_last_error(), "jg_options_add_holidays_json") &&
              strstr(jg_last_error(), "jg_options_set_weekends_only"),
          "2031 has no notice: %s", jg_last_error());

    /* ... and jg_options_set_weekends_only is that option. */
    jg_options *o = NULL;
    jg_supervisor *approx = NULL;
    if (CHECK(jg_options_new(&o) == JG_STATUS_OK &&
                  jg_options_set_weekends_only(o, 1) == JG_STATUS_OK &&
                  jg_supervisor_new(o, &approx) == JG_STATUS_OK,
              "a supervisor answering from weekends alone")) {
        bool monday = false, saturday = true;
        CHECK(jg_supervisor_is_working_day(approx, (jg_date){2031, 3, 3}, &monday) ==
                      JG_STATUS_OK &&
                  jg_supervisor_is_working_day(approx, (jg_date){2031, 3, 1}, &saturday) ==
                      JG_STATUS_OK &&
                  monday && !saturday,
              "2031-03-03 (Monday) works, 2031-03-01 (Saturday) does not");
    }
    jg_supervisor_free(approx);
}

/* The host's credit table, one row known; the callback counts its calls. */
typedef struct host_db {
    int calls;
} host_db;

static int32_t lookup(void *userdata, const char *uscc, jg_credit_answer *answer)
{
    host_db *db = userdata;
    char scratch[128]; /* the host's stack: gone when the callback returns */
    db->calls++;
    if (strcmp(uscc, "91370283MA0261327W") == 0) {
        snprintf(scratch, sizeof scratch, "%c", 'B');
        answer->found = 1;
        return jg_credit_answer_set_class(answer, scratch) == JG_STATUS_OK ? 0 : 1;
    }
    if (strcmp(uscc, "914403001922038216") == 0) {
        snprintf(scratch, sizeof scratch, "connection to credit db lost (query %d)", db->calls);
        jg_credit_answer_set_error(answer, scratch);
        memset(scratch, 'x', sizeof scratch - 1); /* the copy must not see this */
        return 1;
    }
    return 0; /* unknown: found stays 0 */
}

static void callbacks(void)
{
    host_db db = {0};
    jg_options *o = NULL;
    jg_supervisor *sup = NULL;
    if (!CHECK(jg_options_new(&o) == JG_STATUS_OK &&
                   jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, lookup, &db,
                                                  NULL) == JG_STATUS_OK &&
                   jg_supervisor_new(o, &sup) == JG_STATUS_OK,
               "a supervisor over the host's callback")) {
        return;
    }
    jg_credit_status cs;
    const jg_date day = {2026, 10, 9};
    CHECK(jg_supervisor_credit(sup, "91370283MA0261327W", day, &cs) == JG_STATUS_OK &&
              cs.found && strcmp(cs.class_code, "B") == 0,
          "a class handed over from the callback's stack: %s", cs.class_code);
    CHECK(jg_supervisor_credit(sup, "91370283MA0261327W", day, &cs) == JG_STATUS_OK,
          "the same query again");
    CHECK(db.calls == 2, "called once per query, nothing cached (%d calls)", db.calls);
    jg_status st = jg_supervisor_credit(sup, "914403001922038216", day, &cs);
    CHECK(st == JG_STATUS_CALLBACK_FAILED &&
              strstr(jg_last_error(), "connection to credit db lost (query 3)") &&
              strcmp(jg_last_error_kind(), JG_KIND_CREDIT_SOURCE) == 0,
          "the callback's own message, copied: %s", jg_last_error());
    st = jg_credit_answer_set_error(NULL, NULL);
    CHECK(st == JG_STATUS_NULL_ARGUMENT &&
              strcmp(jg_last_error(), "arguments `answer`, `message` are NULL") == 0,
          "the setter names its NULL arguments: %s", jg_last_error());
    jg_supervisor_free(sup);
}

int main(void)
{
    jg_supervisor *sup = NULL;
    CHECK(*jg_last_error() == '\0' && *jg_last_error_kind() == '\0',
          "before any failure: \"\" and \"\"");
    status_texts();
    if (CHECK(jg_supervisor_new(NULL, &sup) == JG_STATUS_OK, "a default supervisor")) {
        lifetime_and_kinds(sup);
        c_messages(sup);
    }
    nulls_named();
    callbacks();
    jg_supervisor_free(sup);
    return check_summary("test_errors");
}
