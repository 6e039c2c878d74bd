/*
 * check.h — the C tests' assertions. CHECK(cond, fmt, ...) prints
 * "ok - …" or "FAIL - file:line: …" (one line per check) and counts;
 * check_summary() prints the totals
 * and gives the exit status. Header-only, so each test is one file (plus
 * json_min.c).
 */
#ifndef JG_TEST_CHECK_H
#define JG_TEST_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jianguan.h"

/* Not every test uses every helper. */
#define CHECK_FN static __attribute__((unused))

static int check_total;
static int check_failed;

CHECK_FN void check_vat(const char *file, int line, const char *tag, bool ok, const char *fmt,
                        va_list ap)
{
    check_total++;
    if (!ok) {
        check_failed++;
        printf("FAIL - %s:%d: ", file, line);
    } else {
        printf("%s - ", tag);
    }
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout); /* keep the order with stderr (valgrind's, a crash's) */
}

/* Behind CHECK; returns `ok` so a test can skip what depends on it. */
CHECK_FN bool check_at(const char *file, int line, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
CHECK_FN bool check_at(const char *file, int line, bool ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    check_vat(file, line, "ok", ok, fmt, ap);
    va_end(ap);
    return ok;
}

#define CHECK(cond, ...) check_at(__FILE__, __LINE__, (cond), __VA_ARGS__)

/* The status's name, for messages. */
CHECK_FN const char *status_name(jg_status s)
{
    static const char *const names[] = {
        "OK", "NULL_ARGUMENT", "INVALID_UTF8", "PANIC", "INVALID_ARGUMENT", "INVALID_USCC",
        "UNKNOWN_ITEM", "CATALOG", "CREDIT", "CALLBACK_FAILED", "CALENDAR", "PLUGIN_LOAD",
        "UNKNOWN_PLUGIN", "INVALID_FACTS", "PLUGIN_FAILED", "DRAW_REFUSED",
        "VERIFICATION_FAILED", "OUT_OF_RANGE",
    };
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "(unknown status)";
}

/* Totals; the process's exit status (0 only when every check passed). */
CHECK_FN int check_summary(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_total, check_failed);
    return check_failed == 0 && check_total > 0 ? 0 : 1;
}

#endif /* JG_TEST_CHECK_H */
