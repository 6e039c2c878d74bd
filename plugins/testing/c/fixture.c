/*
 * Test fixture: a C plugin (include/jianguan_plugin.h) for the host's
 * loading and result checks. Load-time faults are chosen at compile time
 * (scripts/build-c-plugins.sh builds one library per fault):
 *   -DFIXTURE_VERSION='"2.0.0"'  another contract major (or "1.1.0", "x")
 *   -DFIXTURE_NULL_TABLE         jg_plugin_api_table() returns NULL
 *   -DFIXTURE_SHORT_TABLE        the table's size is too small
 *   -DFIXTURE_NULL_ENTRY         the grade entry is NULL
 *   -DFIXTURE_BAD_JSON           describe() returns text that is not a description
 *   -DFIXTURE_ID='"name"'        another plugin id (default testing_c)
 *   -DFIXTURE_UNDEFINED          grade() calls a function no library defines
 *                                (a build that forgot a -l flag)
 * Call-time faults are chosen by the configuration {"fault": "..."}:
 *   open-fails, grade-fails, unfilled, bad-row, bad-utf8, null-detail,
 *   bad-decision, citation (out of range; the host's own check), parallel
 *   (grade adds its reasons from four threads of its own).
 * With no fault it grades every row "low" with score = value and one reason.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jianguan_plugin.h"

#ifndef FIXTURE_VERSION
#define FIXTURE_VERSION JG_PLUGIN_CONTRACT_VERSION
#endif
#ifndef FIXTURE_ID
#define FIXTURE_ID "testing_c"
#endif

struct jg_plugin_state {
    char fault[32];
    char error[256];
};

/* The message of the last failed open, for last_error(NULL). */
static _Thread_local char open_error[256];

static const char *describe(void) {
#ifdef FIXTURE_BAD_JSON
    return "{\"id\": 7}";
#else
    return "{\"id\":\"" FIXTURE_ID "\",\"name_zh\":\"测试C插件\",\"name_en\":\"C test plugin\","
           "\"version\":\"0.0.0\",\"industries\":[],\"rule_sets\":[],"
           "\"citations\":[{\"title\":\"测试\",\"number\":\"\",\"article\":\"第一条\","
           "\"certainty\":\"solid\"}],"
           "\"grades\":[{\"label\":\"low\",\"description\":\"low\"},"
           "{\"label\":\"high\",\"description\":\"high\"}],"
           "\"frequencies\":[],\"items\":[],\"violations\":[],\"exemptions\":[],"
           "\"schema\":{\"grading\":[{\"name\":\"value\",\"kind\":\"number\",\"required\":true,"
           "\"description\":\"any number\"}],"
           "\"duties\":[{\"name\":\"value\",\"kind\":\"number\",\"required\":true,"
           "\"description\":\"any number\"}],"
           "\"referral\":[{\"name\":\"value\",\"kind\":\"number\",\"required\":true,"
           "\"description\":\"any number\"}]},\"config\":null}";
#endif
}

static jg_plugin_state *open_state(const char *config, jg_plugin_status *status) {
    jg_plugin_state *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(open_error, sizeof open_error, "out of memory");
        *status = JG_PLUGIN_INTERNAL;
        return NULL;
    }
    /* The configuration is "" or {"fault": "<name>"}; nothing else is read. */
    const char *f = strstr(config, "\"fault\"");
    if (f) {
        f = strchr(f + 7, '"');
        const char *end = f ? strchr(f + 1, '"') : NULL;
        if (f && end && (size_t)(end - f - 1) < sizeof s->fault) {
            memcpy(s->fault, f + 1, (size_t)(end - f - 1));
        }
    }
    if (strcmp(s->fault, "open-fails") == 0) {
        /* Falco's pattern: a state is returned so the host can read the error. */
        snprintf(s->error, sizeof s->error, "fixture refuses configuration %s", config);
        *status = JG_PLUGIN_INVALID_CONFIG;
        return s;
    }
    *status = JG_PLUGIN_OK;
    return s;
}

static void close_state(jg_plugin_state *s) { free(s); }

static const char *last_error(const jg_plugin_state *s) { return s ? s->error : open_error; }

static int is(const jg_plugin_state *s, const char *fault) { return strcmp(s->fault, fault) == 0; }

static const double *value_column(const jg_plugin_facts *facts) {
    for (uint64_t i = 0; i < facts->column_count; i++) {
        if (strcmp(facts->columns[i].name, "value") == 0) {
            return facts->columns[i].values;
        }
    }
    return NULL;
}

#ifdef FIXTURE_UNDEFINED
double vendor_round(double);
#endif

struct worker {
    const jg_plugin_grade_out *out;
    uint64_t rows;
    int failed;
};

/* One of four threads: a reason for every row. */
static void *add_reasons(void *arg) {
    struct worker *w = arg;
    for (uint64_t row = 0; row < w->rows; row++) {
        w->failed |= w->out->add_reason(w->out->host, row, 0, "from a plugin thread") != 0;
    }
    return NULL;
}

static jg_plugin_status grade_parallel(jg_plugin_state *s, const jg_plugin_facts *facts,
                                       const jg_plugin_grade_out *out) {
    pthread_t threads[4];
    struct worker workers[4];
    for (int i = 0; i < 4; i++) {
        workers[i] = (struct worker){out, facts->rows, 0};
        pthread_create(&threads[i], NULL, add_reasons, &workers[i]);
    }
    int failed = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        failed |= workers[i].failed;
    }
    for (uint64_t row = 0; row < facts->rows; row++) {
        out->grades[row] = 0;
        out->scores[row] = 0.0;
    }
    if (failed) {
        snprintf(s->error, sizeof s->error, "the host refused a reason from a thread");
        return JG_PLUGIN_INTERNAL;
    }
    return JG_PLUGIN_OK;
}

static jg_plugin_status grade(jg_plugin_state *s, const jg_plugin_facts *facts,
                              const jg_plugin_grade_out *out) {
    if (is(s, "parallel")) {
        return grade_parallel(s, facts, out);
    }
    if (is(s, "grade-fails")) {
        snprintf(s->error, sizeof s->error, "row 0: fact `value` is not what the fixture wants");
        return JG_PLUGIN_INVALID_FACTS;
    }
    const double *value = value_column(facts);
    for (uint64_t row = 0; row < facts->rows; row++) {
        if (is(s, "unfilled") && row == facts->rows - 1) {
            break;
        }
        out->grades[row] = value[row] > 10.0 ? 1 : 0;
#ifdef FIXTURE_UNDEFINED
        out->scores[row] = vendor_round(value[row]);
#else
        out->scores[row] = value[row];
#endif
        uint32_t citation = is(s, "citation") ? 5 : 0;
        uint64_t at = is(s, "bad-row") ? facts->rows + 3 : row;
        const char *detail = is(s, "bad-utf8") ? "\xff\xfe" : "value read";
        if (is(s, "null-detail")) {
            detail = NULL;
        }
        if (out->add_reason(out->host, at, citation, detail) != 0 && !is(s, "bad-row") &&
            !is(s, "bad-utf8") && !is(s, "null-detail")) {
            snprintf(s->error, sizeof s->error, "the host refused a reason");
            return JG_PLUGIN_INTERNAL;
        }
    }
    return JG_PLUGIN_OK;
}

static jg_plugin_status duties(jg_plugin_state *s, const jg_plugin_facts *facts, int32_t as_of,
                               const jg_plugin_duty_out *out) {
    for (uint64_t row = 0; row < facts->rows; row++) {
        if (out->add_duty(out->host, row, "fixture-duty", as_of + 30, 0, 0, "30 days on") != 0) {
            snprintf(s->error, sizeof s->error, "the host refused a duty");
            return JG_PLUGIN_INTERNAL;
        }
    }
    return JG_PLUGIN_OK;
}

static jg_plugin_status assess(jg_plugin_state *s, const jg_plugin_facts *facts,
                               const jg_plugin_referral_out *out) {
    const double *value = value_column(facts);
    for (uint64_t row = 0; row < facts->rows; row++) {
        jg_plugin_decision d = value[row] >= 50000.0 ? JG_PLUGIN_REFER : JG_PLUGIN_DO_NOT_REFER;
        if (is(s, "bad-decision")) {
            d = 7;
        }
        if (out->add_finding(out->host, row, d, 0, "sales against 50000") != 0 &&
            !is(s, "bad-decision")) {
            snprintf(s->error, sizeof s->error, "the host refused a finding");
            return JG_PLUGIN_INTERNAL;
        }
    }
    return JG_PLUGIN_OK;
}

static const jg_plugin_api api = {
#ifdef FIXTURE_SHORT_TABLE
    .size = 16,
#else
    .size = sizeof(jg_plugin_api),
#endif
    .describe = describe,
    .open = open_state,
    .close = close_state,
    .last_error = last_error,
    .grade = grade,
    .duties = duties,
    .assess_referral = assess,
};

JG_PLUGIN_EXPORT const char *jg_plugin_contract_version(void) { return FIXTURE_VERSION; }

JG_PLUGIN_EXPORT const jg_plugin_api *jg_plugin_api_table(void) {
#ifdef FIXTURE_NULL_ENTRY
    static jg_plugin_api broken;
    broken = api;
    broken.grade = NULL;
    return &broken;
#elif defined(FIXTURE_NULL_TABLE)
    (void)api;
    return NULL;
#else
    return &api;
#endif
}
