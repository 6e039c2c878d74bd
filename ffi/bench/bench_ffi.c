/*
 * Microbenchmark of single calls through the C API, as a legacy host makes
 * them: one USCC check (jg_uscc_check) and one credit-status lookup
 * (jg_supervisor_credit) against the in-memory source and against a host
 * callback. Prints nanoseconds per call, the median of 7 rounds.
 * Run with scripts/bench-ffi.sh (release build, idle machine).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jianguan.h"

#define CODES 4096
#define ROUNDS 7

static const char CHARSET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100-2015: check character from positions 1-17 (weights 3^i mod 31). */
static char check_char(const char *first17) {
    int sum = 0, w = 1;
    for (int i = 0; i < 17; i++) {
        sum += (int)(strchr(CHARSET, first17[i]) - CHARSET) * w;
        w = (w * 3) % 31;
    }
    int c = 31 - sum % 31;
    return CHARSET[c == 31 ? 0 : c];
}

static char codes[CODES][19];

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The host's "database": one class per code index. */
struct db {
    const char (*codes)[19];
};

static int32_t lookup(void *userdata, const char *uscc, jg_credit_answer *answer) {
    (void)userdata;
    /* Codes end in a 7-digit serial: index straight into the table. */
    int serial = atoi(uscc + 10) % CODES;
    static const char *classes[] = {"A", "B", "C", "D"};
    answer->found = true;
    answer->class_code = classes[serial % 4];
    return 0;
}

static void fail(const char *what, jg_status s) {
    fprintf(stderr, "%s failed (%d): %s\n", what, (int)s, jg_last_error());
    exit(1);
}

typedef jg_status (*call_fn)(const jg_supervisor *, const char *);

static jg_status uscc_call(const jg_supervisor *sup, const char *code) {
    (void)sup;
    jg_uscc_info info;
    return jg_uscc_check(code, &info);
}

static jg_status credit_call(const jg_supervisor *sup, const char *code) {
    jg_credit_status st;
    jg_date day = {2026, 11, 28};
    return jg_supervisor_credit(sup, code, day, &st);
}

static double measure(const char *name, call_fn f, const jg_supervisor *sup, long calls) {
    double per[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns();
        for (long i = 0; i < calls; i++) {
            jg_status s = f(sup, codes[i % CODES]);
            if (s != JG_STATUS_OK) {
                fail(name, s);
            }
        }
        per[r] = (now_ns() - t0) / (double)calls;
    }
    qsort(per, ROUNDS, sizeof per[0], cmp);
    printf("%-32s %8.1f ns/call (median of %d rounds of %ld; min %.1f, max %.1f)\n", name,
           per[ROUNDS / 2], ROUNDS, calls, per[0], per[ROUNDS - 1]);
    return per[ROUNDS / 2];
}

int main(int argc, char **argv) {
    long calls = argc > 1 ? atol(argv[1]) : 2000000;
    for (int i = 0; i < CODES; i++) {
        char body[18];
        snprintf(body, sizeof body, "91370283MA%07d", i);
        memcpy(codes[i], body, 17);
        codes[i][17] = check_char(body);
        codes[i][18] = '\0';
    }

    /* In-memory profiles: a JSON array the host passes once at start-up. */
    size_t cap = (size_t)CODES * 64 + 16, len = 0;
    char *json = malloc(cap);
    len += (size_t)snprintf(json + len, cap - len, "[");
    for (int i = 0; i < CODES; i++) {
        len += (size_t)snprintf(json + len, cap - len, "%s{\"uscc\":\"%s\",\"class\":\"%c\"}",
                                i ? "," : "", codes[i], "ABCD"[i % 4]);
    }
    snprintf(json + len, cap - len, "]");

    jg_options *opts;
    jg_supervisor *memory, *callback;
    jg_status s;
    if ((s = jg_options_new(&opts)) != JG_STATUS_OK) fail("jg_options_new", s);
    if ((s = jg_options_set_credit_profiles_json(opts, JG_CREDIT_SCHEME_NATIONAL_2022, json)) !=
        JG_STATUS_OK)
        fail("jg_options_set_credit_profiles_json", s);
    if ((s = jg_supervisor_new(opts, &memory)) != JG_STATUS_OK) fail("jg_supervisor_new", s);
    free(json);
    if ((s = jg_options_new(&opts)) != JG_STATUS_OK) fail("jg_options_new", s);
    if ((s = jg_options_set_credit_callback(opts, JG_CREDIT_SCHEME_NATIONAL_2022, lookup, NULL,
                                            NULL)) != JG_STATUS_OK)
        fail("jg_options_set_credit_callback", s);
    if ((s = jg_supervisor_new(opts, &callback)) != JG_STATUS_OK) fail("jg_supervisor_new", s);

    printf("libjianguan %s, %d distinct codes\n", jg_version(), CODES);
    measure("jg_uscc_check", uscc_call, NULL, calls);
    measure("jg_supervisor_credit (memory)", credit_call, memory, calls);
    measure("jg_supervisor_credit (callback)", credit_call, callback, calls);
    jg_supervisor_free(memory);
    jg_supervisor_free(callback);
    return 0;
}
