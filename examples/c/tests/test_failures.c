/*
 * test_failures.c — every failure path of the C API, checked against the
 * conventions of include/jianguan.h: the documented status, a non-empty
 * jg_last_error() (naming the argument where one is to blame), no
 * out-parameter written (each starts as a sentinel), and after a success
 * jg_last_error() and jg_last_error_kind() as they were (ABI 1.2: only a
 * failing call replaces them). Every failure leaves
 * a non-empty kind (docs/errors.md).
 *
 *   ./test_failures PATH/libjianguan_food.so tests/vectors
 *
 * The food plugin is copied into a fresh folder (mkdtemp) to grade with,
 * and truncated into another to be refused; tests/vectors gives a real
 * draw record, its inputs and rosters. Also checked: who owns options and
 * callback userdata after each call, and, from four threads at once, that
 * the supervisor is shared and the last error is per thread.
 *
 * One line per check; exits nonzero on any failure.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, unlink, rmdir */

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

#include "check.h"
#include "jianguan.h"
#include "json_min.h"

/* ------------------------------------------------------------------------ */
/* Sentinels and the two checks every call gets                              */
/* ------------------------------------------------------------------------ */

#define FILL 0xA5 /* what out-structs hold before a call that must not write them */

static char sentinel_obj[1];
#define SENT ((void *)sentinel_obj) /* what out-pointers hold before such a call */

static const char BAD_UTF8[] = "\xff\xfe";

/* Whether all `n` bytes at `p` still hold FILL. */
static bool kept(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != FILL) {
            return false;
        }
    }
    return true;
}
#define KEPT(x) kept(&(x), sizeof(x))
#define FILLED(x) memset(&(x), FILL, sizeof(x))

/* `msg` with its line breaks shown as " | ", to keep one line per check. */
static const char *one_line(const char *msg)
{
    static char buf[2048];
    size_t o = 0;
    for (; *msg && o + 4 < sizeof buf; msg++) {
        if (*msg == '\n') {
            memcpy(buf + o, " | ", 3);
            o += 3;
        } else {
            buf[o++] = *msg;
        }
    }
    buf[o] = '\0';
    return buf;
}

/*
 * The call failed with `want`, left a message containing `needle` (any
 * non-empty one when NULL) and wrote no output (`untouched`, evaluated after
 * the call). Reads jg_last_error before any other jg_ call.
 */
static void fails_at(const char *file, int line, const char *call, jg_status got,
                     jg_status want, const char *needle, bool untouched)
{
    const char *msg = jg_last_error(), *kind = jg_last_error_kind();
    bool named = needle ? strstr(msg, needle) != NULL : *msg != '\0';
    /* No Rust type or path reaches a C host (issue 19, C point 4). */
    static const char *const rust[] = {"::", "struct ", "enum ", " u32", " u64", " usize",
                                       " i64", " f64", "a sequence", "a map"};
    bool c_words = true;
    for (size_t i = 0; i < sizeof rust / sizeof rust[0]; i++) {
        c_words &= strstr(msg, rust[i]) == NULL;
    }
    check_at(file, line, got == want && *msg && *kind && named && untouched && c_words,
             "%s -> %s%s%s [kind %s]: %s%s%s", call, status_name(got),
             got == want ? "" : ", expected ", got == want ? "" : status_name(want),
             *kind ? kind : "EMPTY", one_line(msg), untouched ? "" : " [OUTPUT WRITTEN]",
             c_words ? "" : " [RUST NAMES]");
}
#define FAILS(call, want, needle, untouched)                                       \
    do {                                                                           \
        jg_status st_ = (call);                                                    \
        fails_at(__FILE__, __LINE__, #call, st_, (want), (needle), (untouched));   \
    } while (0)

/* The last error and kind before a SUCCEEDS call. */
static char before_msg[1024], before_kind[64];
static int snapshot(void)
{
    snprintf(before_msg, sizeof before_msg, "%s", jg_last_error());
    snprintf(before_kind, sizeof before_kind, "%s", jg_last_error_kind());
    return 0;
}

/* The call succeeded and left the last error and its kind as they were
 * (ABI 1.2: only a failing call replaces them). */
static bool succeeds_at(const char *file, int line, const char *call, jg_status got)
{
    const char *msg = jg_last_error(), *kind = jg_last_error_kind();
    bool kept = strcmp(msg, before_msg) == 0 && strcmp(kind, before_kind) == 0;
    return check_at(file, line, got == JG_STATUS_OK && kept, "%s -> %s%s%s", call,
                    status_name(got), kept ? "" : " [LAST ERROR CHANGED]: ", kept ? "" : msg);
}
#define SUCCEEDS(call) (snapshot(), succeeds_at(__FILE__, __LINE__, #call, (call)))

/* Puts a failure in the last-error slot, so a success can be seen keeping it. */
static void dirty(void)
{
    (void)jg_uscc_check(NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */
/* ------------------------------------------------------------------------ */

/* Copies at most `limit` bytes of `src` to `dst`; 0 on success. */
static int copy_file(const char *src, const char *dst, long limit)
{
    FILE *in = fopen(src, "rb"), *out = in ? fopen(dst, "wb") : NULL;
    char buf[1 << 16];
    size_t n;
    long total = 0;
    int rc = in && out ? 0 : -1;
    while (rc == 0 && total < limit && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (n > (size_t)(limit - total)) {
            n = (size_t)(limit - total);
        }
        rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
        total += (long)n;
    }
    if (in && ferror(in)) {
        rc = -1;
    }
    if (in) {
        fclose(in);
    }
    if (out && fclose(out) != 0) {
        rc = -1;
    }
    return rc;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return -1;
    }
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* A fresh folder under $TMPDIR (or /tmp) into `buf`; 0 on success. */
static int make_temp_dir(char *buf, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(buf, size, "%s/jianguan-c-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(buf) ? 0 : -1;
}

static void path_in(char *buf, size_t size, const char *dir, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* ------------------------------------------------------------------------ */
/* Shared fixtures                                                           */
/* ------------------------------------------------------------------------ */

typedef struct fixtures {
    jg_supervisor *sup;     /* defaults */
    jg_supervisor *plugins; /* with the food plugin */
    jg_grades *grades;      /* three food businesses, graded */
    char *vector_text;      /* joint-county.json */
    char *record;           /* its expected record */
    char *inputs;           /* its inputs */
    char *rosters;          /* {"roster","history","inspectors"} of its inputs */
    char good_dir[512];     /* the folder holding the copy of the food plugin */
} fixtures;

/* The food plugin's grading facts for three businesses (see grade_batch.c). */
static const char *const business_type[] = {"seller", "caterer", "central_kitchen"};
static const double static_score[] = {12, 20, 35};
static const double dynamic_score[] = {15, 30, 40};

static void food_columns(jg_fact_column cols[3])
{
    cols[0] = (jg_fact_column){"business_type", JG_FACT_TEXT, business_type, NULL};
    cols[1] = (jg_fact_column){"static_score", JG_FACT_NUMBER, static_score, NULL};
    cols[2] = (jg_fact_column){"dynamic_score", JG_FACT_NUMBER, dynamic_score, NULL};
}

static char *rosters_of(jm_span inputs)
{
    jm_span r, h, i;
    if (jm_get(inputs, "roster", &r) != 1 || jm_get(inputs, "history", &h) != 1 ||
        jm_get(inputs, "inspectors", &i) != 1) {
        return NULL;
    }
    size_t len = r.n + h.n + i.n + 64;
    char *s = malloc(len);
    if (s) {
        snprintf(s, len, "{\"roster\":%.*s,\"history\":%.*s,\"inspectors\":%.*s}", (int)r.n,
                 r.p, (int)h.n, h.p, (int)i.n, i.p);
    }
    return s;
}

static bool setup(fixtures *fx, const char *food_so, const char *vectors)
{
    char path[1024];
    jg_options *o = NULL;
    jm_span root, expected, record, inputs;
    jg_fact_column cols[3];

    snprintf(path, sizeof path, "%s/draw/joint-county.json", vectors);
    fx->vector_text = jm_read_file(path, NULL);
    root = jm_parse(fx->vector_text ? fx->vector_text : "");
    if (!CHECK(root.n && jm_get(root, "expected", &expected) == 1 &&
                   jm_get(expected, "record", &record) == 1 &&
                   jm_get(root, "inputs", &inputs) == 1,
               "fixture: read the record and inputs of %s", path)) {
        return false;
    }
    fx->record = jm_dup(record);
    fx->inputs = jm_dup(inputs);
    fx->rosters = rosters_of(inputs);
    if (!CHECK(fx->record && fx->inputs && fx->rosters, "fixture: record, inputs, rosters")) {
        return false;
    }

    if (!CHECK(make_temp_dir(fx->good_dir, sizeof fx->good_dir) == 0, "fixture: mkdtemp")) {
        return false;
    }
    path_in(path, sizeof path, fx->good_dir, "libjianguan_food.so");
    if (!CHECK(copy_file(food_so, path, LONG_MAX) == 0, "fixture: copy %s to %s", food_so, path)) {
        return false;
    }
    dirty();
    if (!SUCCEEDS(jg_supervisor_new(NULL, &fx->sup))) {
        return false;
    }
    if (!SUCCEEDS(jg_options_new(&o)) || !SUCCEEDS(jg_options_set_plugins_dir(o, fx->good_dir))) {
        jg_options_free(o);
        return false;
    }
    if (!SUCCEEDS(jg_supervisor_new(o, &fx->plugins))) {
        return false;
    }
    food_columns(cols);
    const jg_fact_table facts = {3, 3, cols};
    return SUCCEEDS(jg_supervisor_grade(fx->plugins, "food", &facts, &fx->grades)) &&
           CHECK(jg_grades_len(fx->grades) == 3, "fixture: 3 rows graded");
}

static void teardown(fixtures *fx)
{
    char path[1024];
    jg_grades_free(fx->grades);
    jg_supervisor_free(fx->plugins);
    jg_supervisor_free(fx->sup);
    free(fx->vector_text);
    free(fx->record);
    free(fx->inputs);
    free(fx->rosters);
    if (fx->good_dir[0]) {
        /* The loaded plugin stays mapped; unlinking its file is fine. */
        path_in(path, sizeof path, fx->good_dir, "libjianguan_food.so");
        unlink(path);
        rmdir(fx->good_dir);
    }
}

/* ------------------------------------------------------------------------ */
/* Credit callbacks                                                          */
/* ------------------------------------------------------------------------ */

/* What the test callback answers, selected through its userdata. */
typedef enum answer_mode {
    ANSWER_OK,
    ANSWER_FAIL,           /* returns 1 with a message */
    ANSWER_FAIL_SILENT,    /* returns -1 without one */
    ANSWER_CLASS_OUTSIDE,  /* "E" under the national A–D scheme */
    ANSWER_CLASS_UTF8,     /* class bytes that are not UTF-8 */
    ANSWER_NO_CLASS,       /* found, class NULL */
    ANSWER_BAD_DATE,       /* last penalty on 2025-02-30 */
    ANSWER_BAD_LIST,       /* list 9 */
    ANSWER_NULL_LISTS,     /* list_count 1, lists NULL */
    ANSWER_BAD_LIST_DATE,  /* listed since 2026-13-01 */
} answer_mode;

typedef struct callback_state {
    answer_mode mode;
    int calls;
} callback_state;

static int destroyed; /* how many times a test destructor ran */

static int32_t test_lookup(void *userdata, const char *uscc, jg_credit_answer *answer)
{
    static const jg_list_membership listed[] = {
        {JG_CREDIT_LIST_ABNORMAL_OPERATIONS, {2025, 1, 2}, false, {0, 0, 0}, "未按规定公示年度报告"},
    };
    static const jg_list_membership bad_list[] = {{9, {2025, 1, 2}, false, {0, 0, 0}, NULL}};
    static const jg_list_membership bad_date[] = {
        {JG_CREDIT_LIST_KEY_ATTENTION, {2026, 13, 1}, false, {0, 0, 0}, NULL},
    };
    callback_state *state = userdata;
    (void)uscc;
    state->calls++;
    answer->found = true;
    answer->class_code = "B";
    switch (state->mode) {
    case ANSWER_OK:
        answer->has_last_penalty = true;
        answer->last_penalty_on = (jg_date){2024, 3, 1};
        answer->lists = listed;
        answer->list_count = 1;
        return 0;
    case ANSWER_FAIL:
        answer->error = "host credit database unreachable (ORA-12541)";
        return 1;
    case ANSWER_FAIL_SILENT:
        return -1;
    case ANSWER_CLASS_OUTSIDE:
        answer->class_code = "E";
        return 0;
    case ANSWER_CLASS_UTF8:
        answer->class_code = BAD_UTF8;
        return 0;
    case ANSWER_NO_CLASS:
        answer->class_code = NULL;
        return 0;
    case ANSWER_BAD_DATE:
        answer->has_last_penalty = true;
        answer->last_penalty_on = (jg_date){2025, 2, 30};
        return 0;
    case ANSWER_BAD_LIST:
        answer->lists = bad_list;
        answer->list_count = 1;
        return 0;
    case ANSWER_NULL_LISTS:
        answer->list_count = 1;
        return 0;
    case ANSWER_BAD_LIST_DATE:
        answer->lists = bad_date;
        answer->list_count = 1;
        return 0;
    }
    return 0;
}

static void count_destroy(void *userdata)
{
    (void)userdata;
    destroyed++;
}

/* ------------------------------------------------------------------------ */
/* The checks                                                                */
/* ------------------------------------------------------------------------ */

static void conventions(void)
{
    uint32_t abi = jg_abi_version();
    CHECK(abi >> 16 == JG_ABI_MAJOR && abi >= ((uint32_t)JG_ABI_MAJOR << 16 | JG_ABI_MINOR),
          "jg_abi_version %u.%u matches the header %d.%d", abi >> 16, abi & 0xFFFF, JG_ABI_MAJOR,
          JG_ABI_MINOR);
    CHECK(jg_version() && *jg_version(), "jg_version %s", jg_version() ? jg_version() : "(null)");
    CHECK(jg_last_error() && *jg_last_error() == '\0', "jg_last_error is \"\" before any failure");
    CHECK(jg_last_error_kind() && *jg_last_error_kind() == '\0',
          "jg_last_error_kind is \"\" before any failure");
    /* Freeing NULL does nothing (and does not crash). */
    jg_string_free(NULL);
    jg_options_free(NULL);
    jg_supervisor_free(NULL);
    jg_grades_free(NULL);
    CHECK(true, "jg_string_free/jg_options_free/jg_supervisor_free/jg_grades_free(NULL): no-ops");
    CHECK(jg_grades_len(NULL) == 0, "jg_grades_len(NULL) == 0");
    /* The message is kept until the next call, then cleared by a success. */
    FAILS(jg_uscc_check(NULL, NULL), JG_STATUS_NULL_ARGUMENT, "`code`", true);
    CHECK(strcmp(jg_last_error(), "argument `code` is NULL") == 0,
          "jg_last_error repeats while no jg_ call intervenes");
    SUCCEEDS(jg_uscc_check("914403001922038216", NULL));
}

static void null_arguments(fixtures *fx)
{
    const jg_supervisor *sup = fx->sup;
    const jg_date day = {2026, 10, 9}, later = {2026, 10, 30};
    jg_options *o = NULL;
    char *out = SENT;
    jg_supervisor *s = SENT;
    jg_credit_status cs;
    jg_uscc_info info;
    jg_grade g;
    jg_reason r;
    jg_date d;
    uint32_t n;
    bool b;
    char digest[65];
    callback_state state = {ANSWER_OK, 0};

    /* Options. */
    FAILS(jg_options_new(NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    if (!SUCCEEDS(jg_options_new(&o))) {
        return;
    }
    FAILS(jg_options_set_plugins_dir(NULL, "/tmp"), JG_STATUS_NULL_ARGUMENT, "`options`", true);
    FAILS(jg_options_set_plugins_dir(o, NULL), JG_STATUS_NULL_ARGUMENT, "`dir`", true);
    FAILS(jg_options_set_plugin_config(NULL, "food", "{}"), JG_STATUS_NULL_ARGUMENT, "`options`",
          true);
    FAILS(jg_options_set_plugin_config(o, NULL, "{}"), JG_STATUS_NULL_ARGUMENT, "`id`", true);
    FAILS(jg_options_set_plugin_config(o, "food", NULL), JG_STATUS_NULL_ARGUMENT,
          "`config_json`", true);
    FAILS(jg_options_require_all_plugins(NULL, true), JG_STATUS_NULL_ARGUMENT, "`options`", true);
    FAILS(jg_options_set_catalog_json(NULL, "{}"), JG_STATUS_NULL_ARGUMENT, "`options`", true);
    FAILS(jg_options_set_catalog_json(o, NULL), JG_STATUS_NULL_ARGUMENT, "`json`", true);
    FAILS(jg_options_add_holidays_json(NULL, "{}"), JG_STATUS_NULL_ARGUMENT, "`options`", true);
    FAILS(jg_options_add_holidays_json(o, NULL), JG_STATUS_NULL_ARGUMENT, "`json`", true);
    FAILS(jg_options_set_credit_profiles_json(NULL, JG_CREDIT_SCHEME_NATIONAL_2022, "[]"),
          JG_STATUS_NULL_ARGUMENT, "`options`", true);
    FAILS(jg_options_set_credit_profiles_json(o, JG_CREDIT_SCHEME_NATIONAL_2022, NULL),
          JG_STATUS_NULL_ARGUMENT, "`json`", true);
    /* A refused callback is not taken: its destructor must not run. */
    destroyed = 0;
    FAILS(jg_options_set_credit_callback(NULL, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                         &state, count_destroy),
          JG_STATUS_NULL_ARGUMENT, "`options`", destroyed == 0);
    FAILS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, NULL, &state,
                                         count_destroy),
          JG_STATUS_NULL_ARGUMENT, "`lookup`", destroyed == 0);
    /* jg_supervisor_new consumes the options even when `out` is NULL. */
    FAILS(jg_supervisor_new(o, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    SUCCEEDS(jg_supervisor_new(NULL, &s)); /* NULL options: every default */
    jg_supervisor_free(s);

    /* Catalog. */
    FAILS(jg_supervisor_item_json(NULL, "F-04", &out), JG_STATUS_NULL_ARGUMENT, "`supervisor`",
          out == SENT);
    FAILS(jg_supervisor_item_json(sup, NULL, &out), JG_STATUS_NULL_ARGUMENT, "`code`",
          out == SENT);
    FAILS(jg_supervisor_item_json(sup, "F-04", NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    FAILS(jg_supervisor_resolve_json(NULL, "F-04", NULL, false, &out), JG_STATUS_NULL_ARGUMENT,
          "`supervisor`", out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, NULL, NULL, false, &out), JG_STATUS_NULL_ARGUMENT,
          "`code`", out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, "F-04", NULL, false, NULL), JG_STATUS_NULL_ARGUMENT,
          "`out`", true);
    dirty();
    if (SUCCEEDS(jg_supervisor_resolve_json(sup, "F-04", NULL, false, &out))) {
        /* approved_by may be NULL: the item's default */
        CHECK(out != SENT && strstr(out, "\"item_code\":\"F-04\""), "resolve F-04 answered");
        jg_string_free(out);
    }
    out = SENT;

    /* Credit. */
    FILLED(cs);
    FAILS(jg_supervisor_credit(NULL, "914403001922038216", day, &cs), JG_STATUS_NULL_ARGUMENT,
          "`supervisor`", KEPT(cs));
    FAILS(jg_supervisor_credit(sup, NULL, day, &cs), JG_STATUS_NULL_ARGUMENT, "`uscc`", KEPT(cs));
    FAILS(jg_supervisor_credit(sup, "914403001922038216", day, NULL), JG_STATUS_NULL_ARGUMENT,
          "`out`", true);
    FAILS(jg_supervisor_credit_profile_json(NULL, "914403001922038216", &out),
          JG_STATUS_NULL_ARGUMENT, "`supervisor`", out == SENT);
    FAILS(jg_supervisor_credit_profile_json(sup, NULL, &out), JG_STATUS_NULL_ARGUMENT, "`uscc`",
          out == SENT);
    FAILS(jg_supervisor_credit_profile_json(sup, "914403001922038216", NULL),
          JG_STATUS_NULL_ARGUMENT, "`out`", true);

    /* Draws. */
    FAILS(jg_supervisor_draw(NULL, fx->inputs, &out), JG_STATUS_NULL_ARGUMENT, "`supervisor`",
          out == SENT);
    FAILS(jg_supervisor_draw(sup, NULL, &out), JG_STATUS_NULL_ARGUMENT, "`inputs_json`",
          out == SENT);
    FAILS(jg_supervisor_draw(sup, fx->inputs, NULL), JG_STATUS_NULL_ARGUMENT, "`record_json`",
          true);
    FAILS(jg_supervisor_verify(NULL, fx->record, fx->rosters), JG_STATUS_NULL_ARGUMENT,
          "`supervisor`", true);
    FAILS(jg_supervisor_verify(sup, NULL, fx->rosters), JG_STATUS_NULL_ARGUMENT, "`record_json`",
          true);
    FAILS(jg_supervisor_verify(sup, fx->record, NULL), JG_STATUS_NULL_ARGUMENT, "`rosters_json`",
          true);
    FILLED(digest);
    FAILS(jg_draw_record_digest(NULL, digest, sizeof digest), JG_STATUS_NULL_ARGUMENT,
          "`record_json`", KEPT(digest));
    FAILS(jg_draw_record_digest(fx->record, NULL, 65), JG_STATUS_NULL_ARGUMENT, "`out`", true);

    /* Plugins and grades. */
    FAILS(jg_supervisor_plugins_json(NULL, &out), JG_STATUS_NULL_ARGUMENT, "`supervisor`",
          out == SENT);
    FAILS(jg_supervisor_plugins_json(sup, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    jg_fact_column cols[3];
    food_columns(cols);
    jg_fact_table facts = {3, 3, cols};
    jg_grades *gr = SENT;
    FAILS(jg_supervisor_grade(NULL, "food", &facts, &gr), JG_STATUS_NULL_ARGUMENT, "`supervisor`",
          gr == SENT);
    FAILS(jg_supervisor_grade(fx->plugins, NULL, &facts, &gr), JG_STATUS_NULL_ARGUMENT,
          "`plugin_id`", gr == SENT);
    FAILS(jg_supervisor_grade(fx->plugins, "food", NULL, &gr), JG_STATUS_NULL_ARGUMENT, "`facts`",
          gr == SENT);
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, NULL), JG_STATUS_NULL_ARGUMENT,
          "`out`", true);
    facts.columns = NULL;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_NULL_ARGUMENT,
          "facts.columns", gr == SENT);
    facts.columns = cols;
    cols[0].name = NULL;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_NULL_ARGUMENT,
          "facts.columns[0].name", gr == SENT);
    cols[0].name = "business_type";
    cols[1].values = NULL;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_NULL_ARGUMENT,
          "`static_score`: values is NULL", gr == SENT);
    cols[1].values = static_score;
    const char *types_null[] = {"seller", NULL, "central_kitchen"};
    cols[0].values = types_null;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_NULL_ARGUMENT,
          "`business_type` row 1", gr == SENT);
    cols[0].values = business_type;

    FILLED(g);
    FAILS(jg_grades_row(NULL, 0, &g), JG_STATUS_NULL_ARGUMENT, "`grades`", KEPT(g));
    FAILS(jg_grades_row(fx->grades, 0, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    FILLED(r);
    FAILS(jg_grades_reason(NULL, 0, 0, &r), JG_STATUS_NULL_ARGUMENT, "`grades`", KEPT(r));
    FAILS(jg_grades_reason(fx->grades, 0, 0, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);

    /* Codes and working days. */
    FILLED(info);
    FAILS(jg_uscc_check(NULL, &info), JG_STATUS_NULL_ARGUMENT, "`code`", KEPT(info));
    dirty();
    SUCCEEDS(jg_uscc_check("914403001922038216", NULL)); /* info may be NULL */
    FILLED(b);
    FAILS(jg_supervisor_is_working_day(NULL, day, &b), JG_STATUS_NULL_ARGUMENT, "`supervisor`",
          KEPT(b));
    FAILS(jg_supervisor_is_working_day(sup, day, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", true);
    FILLED(d);
    FAILS(jg_supervisor_add_working_days(NULL, day, 3, &d), JG_STATUS_NULL_ARGUMENT,
          "`supervisor`", KEPT(d));
    FAILS(jg_supervisor_add_working_days(sup, day, 3, NULL), JG_STATUS_NULL_ARGUMENT, "`out`",
          true);
    FILLED(n);
    FAILS(jg_supervisor_working_days_between(NULL, day, later, &n), JG_STATUS_NULL_ARGUMENT,
          "`supervisor`", KEPT(n));
    FAILS(jg_supervisor_working_days_between(sup, day, later, NULL), JG_STATUS_NULL_ARGUMENT,
          "`out`", true);
}

static void invalid_utf8(fixtures *fx)
{
    const jg_supervisor *sup = fx->sup;
    jg_options *o = NULL;
    char *out = SENT;
    jg_credit_status cs;
    jg_uscc_info info;
    char digest[65];
    const char *const needle = "not valid UTF-8 (at byte 0)";

    if (!SUCCEEDS(jg_options_new(&o))) {
        return;
    }
    /* A plugins folder is a file-system path: on Unix its bytes are taken as
     * they are (a GBK path), so building then fails on the missing folder. */
    {
        jg_options *p = NULL;
        jg_supervisor *s = SENT;
        if (SUCCEEDS(jg_options_new(&p)) && SUCCEEDS(jg_options_set_plugins_dir(p, BAD_UTF8))) {
            FAILS(jg_supervisor_new(p, &s), JG_STATUS_PLUGIN_LOAD, "plugins folder", s == SENT);
        } else {
            jg_options_free(p);
        }
    }
    FAILS(jg_options_set_plugin_config(o, BAD_UTF8, "{}"), JG_STATUS_INVALID_UTF8, "`id`", true);
    FAILS(jg_options_set_plugin_config(o, "food", BAD_UTF8), JG_STATUS_INVALID_UTF8,
          "`config_json`", true);
    FAILS(jg_options_set_catalog_json(o, BAD_UTF8), JG_STATUS_INVALID_UTF8, "`json`", true);
    FAILS(jg_options_add_holidays_json(o, BAD_UTF8), JG_STATUS_INVALID_UTF8, "`json`", true);
    FAILS(jg_options_set_credit_profiles_json(o, JG_CREDIT_SCHEME_NATIONAL_2022, BAD_UTF8),
          JG_STATUS_INVALID_UTF8, "`json`", true);
    jg_options_free(o);

    FAILS(jg_supervisor_item_json(sup, BAD_UTF8, &out), JG_STATUS_INVALID_UTF8, "`code`",
          out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, BAD_UTF8, NULL, false, &out), JG_STATUS_INVALID_UTF8,
          "`code`", out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, "F-04", BAD_UTF8, false, &out), JG_STATUS_INVALID_UTF8,
          "`approved_by`", out == SENT);
    FILLED(cs);
    FAILS(jg_supervisor_credit(sup, BAD_UTF8, (jg_date){2026, 1, 5}, &cs),
          JG_STATUS_INVALID_UTF8, "`uscc`", KEPT(cs));
    FAILS(jg_supervisor_credit_profile_json(sup, BAD_UTF8, &out), JG_STATUS_INVALID_UTF8,
          "`uscc`", out == SENT);
    FAILS(jg_supervisor_draw(sup, BAD_UTF8, &out), JG_STATUS_INVALID_UTF8, "`inputs_json`",
          out == SENT);
    FAILS(jg_supervisor_verify(sup, BAD_UTF8, fx->rosters), JG_STATUS_INVALID_UTF8,
          "`record_json`", true);
    FAILS(jg_supervisor_verify(sup, fx->record, BAD_UTF8), JG_STATUS_INVALID_UTF8,
          "`rosters_json`", true);
    FILLED(digest);
    FAILS(jg_draw_record_digest(BAD_UTF8, digest, sizeof digest), JG_STATUS_INVALID_UTF8,
          "`record_json`", KEPT(digest));
    FILLED(info);
    FAILS(jg_uscc_check(BAD_UTF8, &info), JG_STATUS_INVALID_UTF8, needle, KEPT(info));
    /* The offset is of the first bad byte. */
    FAILS(jg_uscc_check("9144\xff", &info), JG_STATUS_INVALID_UTF8, "(at byte 4)", KEPT(info));

    jg_fact_column cols[3];
    food_columns(cols);
    const jg_fact_table facts = {3, 3, cols};
    jg_grades *gr = SENT;
    FAILS(jg_supervisor_grade(fx->plugins, BAD_UTF8, &facts, &gr), JG_STATUS_INVALID_UTF8,
          "`plugin_id`", gr == SENT);
    cols[1].name = BAD_UTF8;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_INVALID_UTF8,
          "facts.columns[1].name", gr == SENT);
    food_columns(cols);
    const char *types_bad[] = {"seller", "caterer", BAD_UTF8};
    cols[0].values = types_bad;
    FAILS(jg_supervisor_grade(fx->plugins, "food", &facts, &gr), JG_STATUS_INVALID_UTF8,
          "`business_type` row 2", gr == SENT);
}

static void malformed_json(fixtures *fx)
{
    const jg_supervisor *sup = fx->sup;
    jg_options *o = NULL;
    char *out = SENT;
    char digest[65];

    if (!SUCCEEDS(jg_options_new(&o))) {
        return;
    }
    FAILS(jg_options_set_plugin_config(o, "food", "{\"level_a_max_score\": "),
          JG_STATUS_INVALID_ARGUMENT, "`config_json`", true);
    FAILS(jg_options_set_plugin_config(o, "food", "[1, 2]"), JG_STATUS_INVALID_ARGUMENT,
          "not a JSON object", true);
    FAILS(jg_options_set_catalog_json(o, "{\"items\": ["), JG_STATUS_INVALID_ARGUMENT,
          "not valid JSON", true);
    FAILS(jg_options_set_catalog_json(o, "[]"), JG_STATUS_CATALOG, NULL, true);
    /* Holiday text that does not parse, or lacks `years`, is a malformed argument. */
    FAILS(jg_options_add_holidays_json(o, "{"), JG_STATUS_INVALID_ARGUMENT, "cn-holidays.json", true);
    FAILS(jg_options_add_holidays_json(o, "{}"), JG_STATUS_INVALID_ARGUMENT, "`years`", true);
    FAILS(jg_options_set_credit_profiles_json(o, JG_CREDIT_SCHEME_NATIONAL_2022, "[{"),
          JG_STATUS_INVALID_ARGUMENT, "`json`", true);
    FAILS(jg_options_set_credit_profiles_json(o, JG_CREDIT_SCHEME_NATIONAL_2022, "{}"),
          JG_STATUS_INVALID_ARGUMENT, "expected a JSON array", true);
    FAILS(jg_options_set_credit_profiles_json(o, 7, "[]"), JG_STATUS_INVALID_ARGUMENT, "`scheme`",
          true);
    FAILS(jg_options_set_credit_profiles_json(
              o, JG_CREDIT_SCHEME_NATIONAL_2022,
              "[{\"uscc\":\"914403001922038216\",\"class\":\"E\",\"lists\":[]}]"),
          JG_STATUS_CREDIT, "\"E\"", true);
    FAILS(jg_options_set_credit_profiles_json(
              o, JG_CREDIT_SCHEME_NATIONAL_2022,
              "[{\"uscc\":\"914403001922038216\",\"class\":\"B\",\"lists\":[]},"
              "{\"uscc\":\"914403001922038216\",\"class\":\"A\",\"lists\":[]}]"),
          JG_STATUS_CREDIT, "twice", true);
    destroyed = 0;
    FAILS(jg_options_set_credit_callback(o, 7, test_lookup, NULL, count_destroy),
          JG_STATUS_INVALID_ARGUMENT, "`scheme`", destroyed == 0);
    jg_options_free(o);

    FAILS(jg_supervisor_draw(sup, "{\"plan\": ", &out), JG_STATUS_INVALID_ARGUMENT,
          "`inputs_json`", out == SENT);
    FAILS(jg_supervisor_draw(sup, "{}", &out), JG_STATUS_INVALID_ARGUMENT, "missing field",
          out == SENT);
    FAILS(jg_supervisor_verify(sup, "{\"format\":", fx->rosters), JG_STATUS_INVALID_ARGUMENT,
          "`record_json`", true);
    FAILS(jg_supervisor_verify(sup, fx->record, "{\"roster\": []}"), JG_STATUS_INVALID_ARGUMENT,
          "`rosters_json`", true);
    FILLED(digest);
    FAILS(jg_draw_record_digest("{\"format\":", digest, sizeof digest),
          JG_STATUS_INVALID_ARGUMENT, "`record_json`", KEPT(digest));
}

static void impossible_dates(fixtures *fx)
{
    static const jg_date bad[] = {{2026, 2, 30}, {2025, 2, 29}, {2026, 13, 1}, {2026, 0, 10},
                                  {2026, 4, 0}};
    const jg_date good = {2026, 10, 9};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jg_date d;
        uint32_t n;
        bool b;
        jg_credit_status cs;
        char what[32];
        snprintf(what, sizeof what, "%04d-%02u-%02u", (int)bad[i].year, (unsigned)bad[i].month,
                 (unsigned)bad[i].day);
        FILLED(b);
        FAILS(jg_supervisor_is_working_day(fx->sup, bad[i], &b), JG_STATUS_INVALID_ARGUMENT,
              what, KEPT(b));
        FILLED(d);
        FAILS(jg_supervisor_add_working_days(fx->sup, bad[i], 3, &d), JG_STATUS_INVALID_ARGUMENT,
              "`start`", KEPT(d));
        FILLED(n);
        FAILS(jg_supervisor_working_days_between(fx->sup, bad[i], good, &n),
              JG_STATUS_INVALID_ARGUMENT, "`start`", KEPT(n));
        FAILS(jg_supervisor_working_days_between(fx->sup, good, bad[i], &n),
              JG_STATUS_INVALID_ARGUMENT, "`end`", KEPT(n));
        FILLED(cs);
        FAILS(jg_supervisor_credit(fx->sup, "914403001922038216", bad[i], &cs),
              JG_STATUS_INVALID_ARGUMENT, "`as_of`", KEPT(cs));
    }
}

static void catalog_and_codes(fixtures *fx)
{
    const jg_supervisor *sup = fx->sup;
    char *out = SENT;
    jg_uscc_info info;
    jg_credit_status cs;

    FAILS(jg_supervisor_item_json(sup, "X-99", &out), JG_STATUS_UNKNOWN_ITEM, "X-99",
          out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, "X-99", NULL, false, &out), JG_STATUS_UNKNOWN_ITEM,
          "X-99", out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, "F-04", "no_such_department", false, &out),
          JG_STATUS_CATALOG, "no_such_department", out == SENT);
    /* F-04 is 审管分离: the competent department cannot be the approver. */
    FAILS(jg_supervisor_resolve_json(sup, "F-04", "market_regulation", false, &out),
          JG_STATUS_CATALOG, "`approved_by`", out == SENT);
    FAILS(jg_supervisor_resolve_json(sup, "F-04", "", false, &out), JG_STATUS_INVALID_ARGUMENT,
          "`approved_by`", out == SENT);
    FILLED(info);
    FAILS(jg_uscc_check("914403001922038217", &info), JG_STATUS_INVALID_USCC, "check character",
          KEPT(info));
    FAILS(jg_uscc_check("", &info), JG_STATUS_INVALID_USCC, "exactly 18", KEPT(info));
    FILLED(cs);
    FAILS(jg_supervisor_credit(sup, "914403001922038217", (jg_date){2026, 1, 5}, &cs),
          JG_STATUS_INVALID_USCC, "check character", KEPT(cs));
    FAILS(jg_supervisor_credit_profile_json(sup, "91440300192203821", &out),
          JG_STATUS_INVALID_USCC, "17 characters", out == SENT);
    /* Without a credit source every entity is unknown: found = false, a success. */
    dirty();
    if (SUCCEEDS(jg_supervisor_credit(sup, "914403001922038216", (jg_date){2026, 1, 5}, &cs))) {
        CHECK(!cs.found && cs.class_code[0] == '\0', "no credit source: found = false");
    }
}

static void plugin_calls(fixtures *fx)
{
    const jg_supervisor *sup = fx->plugins;
    jg_fact_column cols[4];
    jg_fact_table facts = {3, 3, cols};
    jg_grades *gr = SENT;
    jg_grade g;
    jg_reason r;

    food_columns(cols);
    FAILS(jg_supervisor_grade(sup, "no_such_plugin", &facts, &gr), JG_STATUS_UNKNOWN_PLUGIN,
          "no_such_plugin", gr == SENT);
    FAILS(jg_supervisor_grade(fx->sup, "food", &facts, &gr), JG_STATUS_UNKNOWN_PLUGIN, "`food`",
          gr == SENT);

    /* Facts against the food plugin's grading schema. */
    cols[3] = (jg_fact_column){"seating_capacity", JG_FACT_NUMBER, static_score, NULL};
    facts.column_count = 4;
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS,
          "`seating_capacity` is not a fact", gr == SENT);
    facts.column_count = 2; /* dynamic_score left out */
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS,
          "`dynamic_score`", gr == SENT);
    facts.column_count = 3;
    static const int64_t whole[] = {12, 20, 35};
    cols[1] = (jg_fact_column){"static_score", JG_FACT_INTEGER, whole, NULL};
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS,
          "must be number", gr == SENT);
    static const uint8_t missing_row1[] = {1, 0, 1};
    cols[1] = (jg_fact_column){"static_score", JG_FACT_NUMBER, static_score, missing_row1};
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS,
          "row 1: required fact `static_score` is missing", gr == SENT);
    food_columns(cols);
    const char *types_outside[] = {"seller", "spaceship", "caterer"};
    cols[0].values = types_outside;
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS,
          "`spaceship`, not one of", gr == SENT);
    /* A text column's missing row may be NULL (the header: a missing value's
     * slot is a placeholder); the schema then refuses the missing required value. */
    const char *types_gap[] = {"seller", NULL, "caterer"};
    cols[0] = (jg_fact_column){"business_type", JG_FACT_TEXT, types_gap, missing_row1};
    jg_status st = jg_supervisor_grade(sup, "food", &facts, &gr);
    CHECK(st == JG_STATUS_INVALID_FACTS && gr == SENT,
          "text row marked missing with a NULL value -> %s (INVALID_FACTS, the required value "
          "missing): %s",
          status_name(st), jg_last_error());
    food_columns(cols);
    cols[2].kind = 99;
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_ARGUMENT,
          "kind 99 is not a jg_fact_kind", gr == SENT);
    cols[2].kind = JG_FACT_NUMBER;
    /* In the schema's kind but outside the plugin's range: the plugin refuses. */
    static const double too_high[] = {12, 200, 35};
    cols[1].values = too_high;
    FAILS(jg_supervisor_grade(sup, "food", &facts, &gr), JG_STATUS_INVALID_FACTS, "0–40",
          gr == SENT);
    cols[1].values = static_score;

    /* Reading past the end of the grades. */
    size_t rows = jg_grades_len(fx->grades);
    FILLED(g);
    FAILS(jg_grades_row(fx->grades, rows, &g), JG_STATUS_OUT_OF_RANGE, "row 3 of 3", KEPT(g));
    FAILS(jg_grades_row(fx->grades, SIZE_MAX, &g), JG_STATUS_OUT_OF_RANGE, NULL, KEPT(g));
    dirty();
    if (SUCCEEDS(jg_grades_row(fx->grades, 2, &g))) {
        CHECK(strcmp(g.label, "D") == 0 && g.score == 75 && g.reason_count > 0,
              "row 2: grade %s, score %g, %zu reasons", g.label, g.score, g.reason_count);
        FILLED(r);
        FAILS(jg_grades_reason(fx->grades, 2, g.reason_count, &r), JG_STATUS_OUT_OF_RANGE,
              "reason", KEPT(r));
        FAILS(jg_grades_reason(fx->grades, rows, 0, &r), JG_STATUS_OUT_OF_RANGE, "row 3 of 3",
              KEPT(r));
    }
}

/* A supervisor whose credit source is test_lookup over `state`, under `scheme`. */
static jg_supervisor *callback_supervisor(callback_state *state, jg_credit_scheme scheme)
{
    jg_options *o = NULL;
    jg_supervisor *s = NULL;
    if (!SUCCEEDS(jg_options_new(&o))) {
        return NULL;
    }
    if (!SUCCEEDS(jg_options_set_credit_callback(o, scheme, test_lookup, state, count_destroy))) {
        jg_options_free(o);
        return NULL;
    }
    return SUCCEEDS(jg_supervisor_new(o, &s)) ? s : NULL;
}

static void credit_callbacks(void)
{
    static const struct {
        answer_mode mode;
        jg_status want;
        const char *needle;
    } cases[] = {
        {ANSWER_FAIL, JG_STATUS_CALLBACK_FAILED, "host credit database unreachable (ORA-12541)"},
        {ANSWER_FAIL_SILENT, JG_STATUS_CALLBACK_FAILED, "the credit callback returned -1"},
        {ANSWER_CLASS_OUTSIDE, JG_STATUS_CREDIT, "credit class \"E\" is not in scheme"},
        {ANSWER_CLASS_UTF8, JG_STATUS_CREDIT, "`class`: the callback returned text that is not UTF-8"},
        {ANSWER_NO_CLASS, JG_STATUS_CREDIT, "gave no class"},
        {ANSWER_BAD_DATE, JG_STATUS_CREDIT, "2025-02-30 is not a calendar date"},
        {ANSWER_BAD_LIST, JG_STATUS_CREDIT, "9 is not a jg_credit_list"},
        {ANSWER_NULL_LISTS, JG_STATUS_CREDIT, "lists is NULL"},
        {ANSWER_BAD_LIST_DATE, JG_STATUS_CREDIT, "2026-13-01 is not a calendar date"},
    };
    const char *const code = "914403001922038216";
    const jg_date day = {2026, 11, 28};
    callback_state state = {ANSWER_OK, 0};
    jg_credit_status cs;
    char *out = SENT;

    destroyed = 0;
    jg_supervisor *s = callback_supervisor(&state, JG_CREDIT_SCHEME_NATIONAL_2022);
    if (!s) {
        return;
    }
    dirty();
    if (SUCCEEDS(jg_supervisor_credit(s, code, day, &cs))) {
        CHECK(cs.found && strcmp(cs.class_code, "B") == 0 && cs.has_last_penalty &&
                  cs.last_penalty_on.year == 2024 && cs.abnormal_operations &&
                  !cs.serious_dishonesty && !cs.key_attention,
              "callback answer read back: class %s, abnormal operations %d", cs.class_code,
              cs.abnormal_operations);
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        state.mode = cases[i].mode;
        FILLED(cs);
        FAILS(jg_supervisor_credit(s, code, day, &cs), cases[i].want, cases[i].needle, KEPT(cs));
        out = SENT;
        FAILS(jg_supervisor_credit_profile_json(s, code, &out), cases[i].want, cases[i].needle,
              out == SENT);
    }
    CHECK(state.calls == 1 + 2 * (int)(sizeof cases / sizeof cases[0]),
          "the callback ran once per question (%d)", state.calls);
    CHECK(destroyed == 0, "no destructor while the supervisor lives");
    jg_supervisor_free(s);
    CHECK(destroyed == 1, "jg_supervisor_free ran the destructor once (%d)", destroyed);

    /* "E" is a class of Shandong's A–E scheme. */
    state = (callback_state){ANSWER_CLASS_OUTSIDE, 0};
    destroyed = 0;
    if ((s = callback_supervisor(&state, JG_CREDIT_SCHEME_SHANDONG_2020))) {
        dirty();
        if (SUCCEEDS(jg_supervisor_credit(s, code, day, &cs))) {
            CHECK(cs.found && strcmp(cs.class_code, "E") == 0, "Shandong scheme: class %s",
                  cs.class_code);
        }
        jg_supervisor_free(s);
    }
    CHECK(destroyed == 1, "destructor ran once (%d)", destroyed);
}

static void ownership(void)
{
    jg_options *o = NULL;
    jg_supervisor *s = SENT;
    callback_state state = {ANSWER_OK, 0};

    /* Replacing a credit source destroys the first. */
    destroyed = 0;
    if (SUCCEEDS(jg_options_new(&o))) {
        SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                                &state, count_destroy));
        SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                                &state, count_destroy));
        CHECK(destroyed == 1, "replacing the callback destroyed the first (%d)", destroyed);
        SUCCEEDS(jg_options_set_credit_profiles_json(o, JG_CREDIT_SCHEME_NATIONAL_2022, "[]"));
        CHECK(destroyed == 2, "replacing it with profiles destroyed the second (%d)", destroyed);
        jg_options_free(o);
    }
    /* Unused options free their callback. */
    destroyed = 0;
    if (SUCCEEDS(jg_options_new(&o))) {
        SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                                &state, count_destroy));
        jg_options_free(o);
        CHECK(destroyed == 1, "jg_options_free ran the destructor (%d)", destroyed);
    }
    /* A failed jg_supervisor_new still consumes (and releases) the options. */
    destroyed = 0;
    if (SUCCEEDS(jg_options_new(&o))) {
        SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                                &state, count_destroy));
        SUCCEEDS(jg_options_set_plugins_dir(o, "/nonexistent/jianguan-plugins"));
        FAILS(jg_supervisor_new(o, &s), JG_STATUS_PLUGIN_LOAD, "/nonexistent/jianguan-plugins",
              s == SENT && destroyed == 1);
    }
    destroyed = 0;
    if (SUCCEEDS(jg_options_new(&o))) {
        SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022, test_lookup,
                                                &state, count_destroy));
        FAILS(jg_supervisor_new(o, NULL), JG_STATUS_NULL_ARGUMENT, "`out`", destroyed == 1);
    }
}

static void digests(fixtures *fx)
{
    char buf[66]; /* 65 bytes the calls may be given, and a NUL of our own */
    memset(buf, 'x', 65);
    buf[65] = '\0';
    FAILS(jg_draw_record_digest(fx->record, buf, 64), JG_STATUS_INVALID_ARGUMENT,
          "`out_len` is 64", strspn(buf, "x") == 65);
    FAILS(jg_draw_record_digest(fx->record, buf, 0), JG_STATUS_INVALID_ARGUMENT, "`out_len` is 0",
          strspn(buf, "x") == 65);
    dirty();
    if (SUCCEEDS(jg_draw_record_digest(fx->record, buf, 65))) {
        CHECK(strlen(buf) == 64 && strspn(buf, "0123456789abcdef") == 64,
              "a 65-byte buffer gets 64 hex digits and a NUL: %s", buf);
    }
}

static void plugin_loading(const char *food_so)
{
    jg_options *o = NULL;
    jg_supervisor *s = SENT;
    char dir[512], truncated[1024], fake[1024];
    char *json = NULL;

    if (SUCCEEDS(jg_options_new(&o)) &&
        SUCCEEDS(jg_options_set_plugins_dir(o, "/nonexistent/jianguan-plugins"))) {
        FAILS(jg_supervisor_new(o, &s), JG_STATUS_PLUGIN_LOAD, "/nonexistent/jianguan-plugins",
              s == SENT);
        o = NULL; /* consumed */
    }
    jg_options_free(o);
    if (SUCCEEDS(jg_options_new(&o)) && SUCCEEDS(jg_options_set_plugins_dir(o, food_so))) {
        FAILS(jg_supervisor_new(o, &s), JG_STATUS_PLUGIN_LOAD, "Not a directory", s == SENT);
        o = NULL;
    }
    jg_options_free(o);

    /* A folder with a half-copied plugin and a text file named like a library. */
    long size = file_size(food_so);
    if (!CHECK(make_temp_dir(dir, sizeof dir) == 0 && size > 0, "broken plugins folder %s", dir)) {
        return;
    }
    path_in(truncated, sizeof truncated, dir, "libjianguan_food.so");
    path_in(fake, sizeof fake, dir, "libfake.so");
    if (CHECK(copy_file(food_so, truncated, size / 2) == 0 &&
                  write_text(fake, "this is not a shared library\n") == 0,
              "wrote %s (%ld of %ld bytes) and %s", truncated, size / 2, size, fake)) {
        /* Without require_all: a supervisor, with both files listed as refused. */
        o = NULL;
        s = NULL;
        if (SUCCEEDS(jg_options_new(&o)) && SUCCEEDS(jg_options_set_plugins_dir(o, dir))) {
            jg_options *taken = o;
            o = NULL; /* jg_supervisor_new consumes it, whatever it returns */
            if (SUCCEEDS(jg_supervisor_new(taken, &s)) &&
                SUCCEEDS(jg_supervisor_plugins_json(s, &json))) {
                jm_span root = jm_parse(json), loaded, failures, f;
                jm_iter it;
                bool fake_listed = false, truncated_listed = false;
                if (CHECK(jm_get(root, "loaded", &loaded) == 1 && jm_array_len(loaded) == 0 &&
                              jm_get(root, "failures", &failures) == 1 &&
                              jm_array_len(failures) == 2 && jm_array_begin(failures, &it) == 0,
                          "nothing loaded, two failures: %s", json)) {
                    while (jm_array_next(&it, &f) == 1) {
                        char *line = jm_string(f);
                        fake_listed |= line && strstr(line, "libfake.so") != NULL;
                        truncated_listed |= line && strstr(line, "libjianguan_food.so") != NULL &&
                                            strstr(line, "cannot be opened") != NULL;
                        free(line);
                    }
                    CHECK(fake_listed, "failures list libfake.so");
                    CHECK(truncated_listed, "failures list the truncated libjianguan_food.so");
                }
                jg_string_free(json);
            }
        }
        jg_options_free(o);
        jg_supervisor_free(s);

        /* With require_all: the first refused file (in name order) fails the build. */
        o = NULL;
        s = SENT;
        if (SUCCEEDS(jg_options_new(&o)) && SUCCEEDS(jg_options_set_plugins_dir(o, dir)) &&
            SUCCEEDS(jg_options_require_all_plugins(o, true))) {
            FAILS(jg_supervisor_new(o, &s), JG_STATUS_PLUGIN_LOAD, "libfake.so", s == SENT);
            o = NULL;
        }
        jg_options_free(o);
    }
    unlink(truncated);
    unlink(fake);
    rmdir(dir);
}

static void calendar(fixtures *fx)
{
    jg_date d;
    uint32_t n;
    bool b;
    /* 10 working days after 2026-12-20 run into 2027, whose notice is not out. */
    FILLED(d);
    FAILS(jg_supervisor_add_working_days(fx->sup, (jg_date){2026, 12, 20}, 10, &d),
          JG_STATUS_CALENDAR, "2027 holiday notice", KEPT(d));
    FILLED(b);
    FAILS(jg_supervisor_is_working_day(fx->sup, (jg_date){2030, 1, 2}, &b), JG_STATUS_CALENDAR,
          "2030", KEPT(b));
    FILLED(n);
    FAILS(jg_supervisor_working_days_between(fx->sup, (jg_date){2026, 10, 9},
                                             (jg_date){2026, 9, 30}, &n),
          JG_STATUS_CALENDAR, "before it starts", KEPT(n));
    dirty();
    if (SUCCEEDS(jg_supervisor_add_working_days(fx->sup, (jg_date){2026, 9, 25}, 20, &d))) {
        CHECK(d.year == 2026 && d.month == 10 && d.day == 29, "2026-09-25 + 20 = 2026-10-29");
    }
}

static void draws(fixtures *fx)
{
    const jg_supervisor *sup = fx->sup;
    char *record = NULL, *forged = NULL;
    dirty();
    if (!SUCCEEDS(jg_supervisor_draw(sup, fx->inputs, &record))) {
        return;
    }
    forged = jm_dup((jm_span){record, strlen(record)});
    char *seed = forged ? strstr(forged, "\"seed\":\"") : NULL;
    char *format = forged ? strstr(forged, "jianguan-draw-record/1") : NULL;
    if (CHECK(seed && format, "the record has a seed and a format")) {
        char *c = seed + strlen("\"seed\":\"");
        char was = *c;
        *c = was == '0' ? '1' : '0';
        FAILS(jg_supervisor_verify(sup, forged, fx->rosters), JG_STATUS_VERIFICATION_FAILED,
              "verification failed at `seed`", true);
        CHECK(strcmp(jg_last_error_kind(), "verification_failed") == 0, "kind %s",
              jg_last_error_kind());
        *c = was;
        format[strlen("jianguan-draw-record/")] = '9';
        FAILS(jg_supervisor_verify(sup, forged, fx->rosters), JG_STATUS_DRAW_REFUSED,
              "jianguan-draw-record/9", true);
        CHECK(strcmp(jg_last_error_kind(), "unsupported_record") == 0, "kind %s",
              jg_last_error_kind());
        /* Empty rosters: the record is not their draw. */
        FAILS(jg_supervisor_verify(sup, record,
                                   "{\"roster\":[],\"history\":[],\"inspectors\":[]}"),
              JG_STATUS_VERIFICATION_FAILED, "digests.targets", true);
    }
    free(forged);
    jg_string_free(record);
}

/* Concurrency: the supervisor is shared, the last error is per thread. */
enum { THREADS = 4, CALLS = 50 };

static atomic_int concurrent_calls;

static int32_t counting_lookup(void *userdata, const char *uscc, jg_credit_answer *answer)
{
    (void)userdata;
    (void)uscc;
    atomic_fetch_add(&concurrent_calls, 1);
    answer->found = true;
    answer->class_code = "C";
    return 0;
}

typedef struct worker {
    const jg_supervisor *sup;
    bool fresh_error_empty; /* a new thread sees "" */
    bool own_error_kept;    /* its failure is its own */
    int answered;
} worker;

static int work(void *arg)
{
    worker *w = arg;
    jg_credit_status cs;
    w->fresh_error_empty = *jg_last_error() == '\0';
    (void)jg_uscc_check("914403001922038217", NULL);
    w->own_error_kept = strstr(jg_last_error(), "914403001922038217") != NULL;
    for (int i = 0; i < CALLS; i++) {
        if (jg_supervisor_credit(w->sup, "914403001922038216", (jg_date){2026, 11, 28}, &cs) ==
                JG_STATUS_OK &&
            cs.found && strcmp(cs.class_code, "C") == 0) {
            w->answered++;
        }
    }
    return 0;
}

static void threads(void)
{
    jg_options *o = NULL;
    jg_supervisor *s = NULL;
    thrd_t t[THREADS];
    worker w[THREADS];
    int started = 0;

    if (!SUCCEEDS(jg_options_new(&o))) {
        return;
    }
    if (!SUCCEEDS(jg_options_set_credit_callback(o, JG_CREDIT_SCHEME_NATIONAL_2022,
                                                 counting_lookup, NULL, NULL))) {
        jg_options_free(o);
        return;
    }
    if (!SUCCEEDS(jg_supervisor_new(o, &s))) {
        return;
    }
    atomic_store(&concurrent_calls, 0);
    (void)jg_uscc_check(NULL, NULL); /* this thread's last error: `code` is NULL */
    for (int i = 0; i < THREADS; i++) {
        w[i] = (worker){s, false, false, 0};
        if (thrd_create(&t[i], work, &w[i]) == thrd_success) {
            started++;
        }
    }
    for (int i = 0; i < started; i++) {
        thrd_join(t[i], NULL);
    }
    CHECK(strcmp(jg_last_error(), "argument `code` is NULL") == 0,
          "this thread's last error survives other threads' calls: %s", jg_last_error());
    int answered = 0;
    bool fresh = true, own = true;
    for (int i = 0; i < started; i++) {
        answered += w[i].answered;
        fresh &= w[i].fresh_error_empty;
        own &= w[i].own_error_kept;
    }
    CHECK(started == THREADS && fresh, "%d new threads each start with jg_last_error() == \"\"",
          started);
    CHECK(own, "each thread reads its own failure");
    CHECK(answered == THREADS * CALLS && atomic_load(&concurrent_calls) == THREADS * CALLS,
          "%d threads x %d concurrent credit calls: %d answered, callback ran %d times", THREADS,
          CALLS, answered, atomic_load(&concurrent_calls));
    jg_supervisor_free(s); /* destroy is NULL: nothing to run */
}

int main(int argc, char **argv)
{
    fixtures fx = {0};
    if (argc != 3) {
        fprintf(stderr, "usage: %s PATH/libjianguan_food.so VECTORS_DIR\n", argv[0]);
        return 2;
    }
    conventions();
    if (setup(&fx, argv[1], argv[2])) {
        null_arguments(&fx);
        invalid_utf8(&fx);
        malformed_json(&fx);
        impossible_dates(&fx);
        catalog_and_codes(&fx);
        plugin_calls(&fx);
        credit_callbacks();
        ownership();
        digests(&fx);
        plugin_loading(argv[1]);
        calendar(&fx);
        draws(&fx);
        threads();
    }
    teardown(&fx);
    return check_summary("test_failures");
}
