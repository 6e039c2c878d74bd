/*
 * test_vectors.c — replays the conformance vectors through the C API, so C
 * hosts get exactly what Rust and Python get:
 *   uscc.json          jg_uscc_check: fields of valid codes, exact messages;
 *   working-days.json  jg_supervisor_is_working_day / add / between;
 *   draw/NAME.json     jg_supervisor_draw: the record digest, or the refusal
 *                      (status, jg_last_error_kind, exact message); every
 *                      record then verifies with jg_supervisor_verify.
 * (draw/primitives.json tests the algorithm's building blocks, which the C
 * API does not expose.)
 *
 *   ./test_vectors tests/vectors
 *
 * One line per check; exits nonzero on any failure.
 */
#define _POSIX_C_SOURCE 200809L /* opendir, readdir */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jianguan.h"
#include "json_min.h"

#define SENTINEL 0xA5

/* Whether all `n` bytes at `p` still hold the sentinel (the call wrote nothing). */
static bool untouched(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != SENTINEL) {
            return false;
        }
    }
    return true;
}

/* Member `key` of `obj`, decoded as a string (free()), or NULL. */
static char *get_string(jm_span obj, const char *key)
{
    jm_span v;
    return jm_get(obj, key, &v) == 1 ? jm_string(v) : NULL;
}

static bool parse_date(const char *s, jg_date *d)
{
    int y, n;
    unsigned m, day;
    if (!s || sscanf(s, "%d-%u-%u%n", &y, &m, &day, &n) != 3 || s[n] != '\0') {
        return false;
    }
    *d = (jg_date){y, m, day};
    return true;
}

/* The status a vector's "error" names. */
static bool error_status(const char *error, jg_status *out)
{
    if (error && strcmp(error, "calendar") == 0) {
        *out = JG_STATUS_CALENDAR;
    } else if (error && strcmp(error, "invalid_argument") == 0) {
        *out = JG_STATUS_INVALID_ARGUMENT;
    } else {
        return false;
    }
    return true;
}

/* Loads `dir`/`name` into *text and its root into *root; false on failure. */
static bool load(const char *dir, const char *name, char **text, jm_span *root)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *text = jm_read_file(path, NULL);
    if (!CHECK(*text != NULL, "read %s", path)) {
        return false;
    }
    *root = jm_parse(*text);
    return CHECK(root->n > 0, "%s parses", path);
}

static void uscc_vectors(const char *dir)
{
    char *text;
    jm_span root, cases, c;
    jm_iter it;
    if (!load(dir, "uscc.json", &text, &root)) {
        return;
    }
    if (CHECK(jm_get(root, "cases", &cases) == 1 && jm_array_begin(cases, &it) == 0,
              "uscc.json has cases")) {
        while (jm_array_next(&it, &c) == 1) {
            char *code = get_string(c, "code");
            jm_span valid;
            jg_uscc_info info;
            memset(&info, SENTINEL, sizeof info);
            if (!CHECK(code && jm_get(c, "valid", &valid) == 1, "uscc case has code and valid")) {
                free(code);
                continue;
            }
            jg_status st = jg_uscc_check(code, &info);
            const char *msg = jg_last_error();
            if (jm_is(valid, "true")) {
                char *auth = get_string(c, "authority"), *cat = get_string(c, "category");
                char *region = get_string(c, "region"), *org = get_string(c, "organisation_code");
                CHECK(st == JG_STATUS_OK, "uscc %s valid (%s) %s", code, status_name(st),
                      st == JG_STATUS_OK ? "" : msg);
                CHECK(st == JG_STATUS_OK && auth && cat && region && org &&
                          info.authority == auth[0] && info.category == cat[0] &&
                          strcmp(info.region, region) == 0 &&
                          strcmp(info.organisation_code, org) == 0,
                      "uscc %s fields %c %c %.7s %.10s", code, st ? '?' : info.authority,
                      st ? '?' : info.category, st ? "?" : info.region,
                      st ? "?" : info.organisation_code);
                free(auth);
                free(cat);
                free(region);
                free(org);
            } else {
                char *want = get_string(c, "message");
                CHECK(st == JG_STATUS_INVALID_USCC && want && strcmp(msg, want) == 0 &&
                          untouched(&info, sizeof info),
                      "uscc %s rejected (%s): %s", code, status_name(st), msg);
                free(want);
            }
            free(code);
        }
    }
    free(text);
}

static void working_day_vectors(const jg_supervisor *sup, const char *dir)
{
    char *text;
    jm_span root, cases, c, expected;
    jm_iter it;
    if (!load(dir, "working-days.json", &text, &root)) {
        return;
    }
    if (CHECK(jm_get(root, "cases", &cases) == 1 && jm_array_begin(cases, &it) == 0,
              "working-days.json has cases")) {
        while (jm_array_next(&it, &c) == 1) {
            char *op = get_string(c, "op"), *error = get_string(c, "error");
            char *date = get_string(c, "date"), *start = get_string(c, "start");
            char *end = get_string(c, "end"), *want_date = get_string(c, "expected");
            bool has_expected = jm_get(c, "expected", &expected) == 1;
            jg_date d, s, e;
            jg_status st, want_st = JG_STATUS_OK;
            const char *msg;

            if (error && !CHECK(error_status(error, &want_st), "known error name %s", error)) {
                goto next;
            }
            if (op && strcmp(op, "is_working_day") == 0 && parse_date(date, &d)) {
                bool out;
                memset(&out, SENTINEL, sizeof out);
                st = jg_supervisor_is_working_day(sup, d, &out);
                msg = jg_last_error();
                if (error) {
                    CHECK(st == want_st && *msg && untouched(&out, sizeof out),
                          "is_working_day %s -> %s: %s", date, status_name(st), msg);
                } else {
                    CHECK(st == JG_STATUS_OK && has_expected &&
                              jm_is(expected, out ? "true" : "false"),
                          "is_working_day %s = %s (%s)", date, st ? "?" : out ? "true" : "false",
                          msg);
                }
            } else if (op && strcmp(op, "add") == 0 && parse_date(start, &s)) {
                jm_span nv;
                long long n;
                jg_date out, want;
                memset(&out, SENTINEL, sizeof out);
                if (!CHECK(jm_get(c, "n", &nv) == 1 && jm_int(nv, &n) && n >= 0,
                           "add %s: n", start)) {
                    goto next;
                }
                st = jg_supervisor_add_working_days(sup, s, (uint32_t)n, &out);
                msg = jg_last_error();
                if (error) {
                    CHECK(st == want_st && *msg && untouched(&out, sizeof out),
                          "add %s + %lld -> %s: %s", start, n, status_name(st), msg);
                } else {
                    CHECK(st == JG_STATUS_OK && parse_date(want_date, &want) &&
                              out.year == want.year && out.month == want.month &&
                              out.day == want.day,
                          "add %s + %lld = %04d-%02u-%02u (%s)", start, n,
                          st ? 0 : (int)out.year, st ? 0u : (unsigned)out.month,
                          st ? 0u : (unsigned)out.day, msg);
                }
            } else if (op && strcmp(op, "between") == 0 && parse_date(start, &s) &&
                       parse_date(end, &e)) {
                uint32_t out;
                long long want;
                memset(&out, SENTINEL, sizeof out);
                st = jg_supervisor_working_days_between(sup, s, e, &out);
                msg = jg_last_error();
                if (error) {
                    CHECK(st == want_st && *msg && untouched(&out, sizeof out),
                          "between %s and %s -> %s: %s", start, end, status_name(st), msg);
                } else {
                    CHECK(st == JG_STATUS_OK && has_expected && jm_int(expected, &want) &&
                              (long long)out == want,
                          "between %s and %s = %u (%s)", start, end, st ? 0u : (unsigned)out,
                          msg);
                }
            } else {
                CHECK(false, "working-days case %.*s understood", (int)c.n, c.p);
            }
        next:
            free(op);
            free(error);
            free(date);
            free(start);
            free(end);
            free(want_date);
        }
    }
    free(text);
}

/* {"roster":…,"history":…,"inspectors":…} from a draw's inputs (free()). */
static char *rosters_of(jm_span inputs)
{
    static const char *const keys[] = {"roster", "history", "inspectors"};
    jm_span v[3];
    size_t len = 64;
    for (int i = 0; i < 3; i++) {
        if (jm_get(inputs, keys[i], &v[i]) != 1) {
            return NULL;
        }
        len += v[i].n;
    }
    char *s = malloc(len), *o = s;
    if (!s) {
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        o += sprintf(o, "%s\"%s\":%.*s", i ? "," : "{", keys[i], (int)v[i].n, v[i].p);
    }
    strcpy(o, "}");
    return s;
}

static void draw_vector(const jg_supervisor *sup, const char *dir, const char *file)
{
    char *text, *inputs_text = NULL, *rosters = NULL, *expected_record = NULL;
    char *error = NULL, *message = NULL, *digest_want = NULL;
    jm_span root, inputs, expected, record_span;
    static char sentinel_obj;
    char *record = &sentinel_obj;

    if (!load(dir, file, &text, &root)) {
        return;
    }
    if (!CHECK(jm_get(root, "inputs", &inputs) == 1 && jm_get(root, "expected", &expected) == 1,
               "%s has inputs and expected", file)) {
        goto done;
    }
    inputs_text = jm_dup(inputs); /* the vector's own text, passed through unchanged */
    error = get_string(expected, "error");
    jg_status st = jg_supervisor_draw(sup, inputs_text, &record);
    const char *msg = jg_last_error(), *kind = jg_last_error_kind();

    if (error) {
        message = get_string(expected, "message");
        CHECK(st == JG_STATUS_DRAW_REFUSED, "%s: refused (%s)", file, status_name(st));
        CHECK(strcmp(kind, error) == 0, "%s: kind %s (expected %s)", file, kind, error);
        CHECK(message && strcmp(msg, message) == 0, "%s: message %s", file, msg);
        CHECK(record == &sentinel_obj, "%s: no record written", file);
        if (record != &sentinel_obj) {
            jg_string_free(record); /* written against the contract; do not leak it */
        }
        goto done;
    }
    digest_want = get_string(expected, "record_digest");
    /* A success leaves the last error of an earlier failure (ABI 1.2). */
    if (!CHECK(st == JG_STATUS_OK, "%s: drawn (%s) %s", file, status_name(st),
               st == JG_STATUS_OK ? "" : msg)) {
        goto done;
    }
    char digest[65];
    st = jg_draw_record_digest(record, digest, sizeof digest);
    CHECK(st == JG_STATUS_OK && digest_want && strcmp(digest, digest_want) == 0,
          "%s: record digest %s", file, st ? jg_last_error() : digest);

    /* The vector's own record, however it is laid out, has the same digest. */
    if (CHECK(jm_get(expected, "record", &record_span) == 1, "%s: expected.record", file)) {
        expected_record = jm_dup(record_span);
        st = jg_draw_record_digest(expected_record, digest, sizeof digest);
        CHECK(st == JG_STATUS_OK && digest_want && strcmp(digest, digest_want) == 0,
              "%s: expected.record digest %s", file, st ? jg_last_error() : digest);
    }

    rosters = rosters_of(inputs);
    if (CHECK(rosters != NULL, "%s: rosters from inputs", file)) {
        st = jg_supervisor_verify(sup, record, rosters);
        CHECK(st == JG_STATUS_OK, "%s: record verifies (%s) %s", file, status_name(st),
              st == JG_STATUS_OK ? "" : jg_last_error());
    }
    jg_string_free(record);

done:
    free(text);
    free(inputs_text);
    free(rosters);
    free(expected_record);
    free(error);
    free(message);
    free(digest_want);
}

/* The reader the vectors go through: escapes, nesting, raw spans. */
static void json_reader(void)
{
    const char *doc = "{\"a\": [1, {\"b\": \"x]}\"}, \"\\u4e2d\"], \"k\\\"ey\": true,"
                      " \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\ud83d\\ude00\"}";
    jm_span root = jm_parse(doc), a, v, k;
    jm_iter it;
    CHECK(root.n == strlen(doc), "json_min: the whole document is one value");
    CHECK(jm_get(root, "a", &a) == 1 && jm_array_len(a) == 3, "json_min: array of 3");
    CHECK(jm_get(root, "k\"ey", &k) == 1 && jm_is(k, "true"), "json_min: escaped key");
    CHECK(jm_get(root, "missing", &v) == 0, "json_min: absent key");
    if (jm_array_begin(a, &it) == 0 && jm_array_next(&it, &v) == 1 && jm_array_next(&it, &v) == 1) {
        CHECK(v.n == strlen("{\"b\": \"x]}\"}") && strncmp(v.p, "{\"b\": \"x]}\"}", v.n) == 0,
              "json_min: raw span of a nested object with brackets in a string");
    }
    char *s = jm_get(root, "s", &v) == 1 ? jm_string(v) : NULL;
    CHECK(s && strcmp(s, "\"\\/\b\f\n\r\t\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80") == 0,
          "json_min: escapes and a surrogate pair decode to UTF-8");
    free(s);
    const char *lone = "\"\\ud83d\"", *ctl = "\"a\tb\"";
    s = jm_string((jm_span){lone, strlen(lone)});
    CHECK(s == NULL, "json_min: a lone surrogate is refused");
    free(s);
    s = jm_string((jm_span){ctl, strlen(ctl)});
    CHECK(s == NULL, "json_min: a raw control character is refused");
    free(s);
    CHECK(jm_parse("{\"a\": [1, 2}").n == 0 && jm_parse("{\"a\": [1, 2").n == 0,
          "json_min: an unclosed document is refused");
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void draw_vectors(const jg_supervisor *sup, const char *vectors)
{
    char dir[4096];
    char *names[256];
    size_t count = 0;
    struct dirent *e;
    snprintf(dir, sizeof dir, "%s/draw", vectors);
    DIR *d = opendir(dir);
    if (!CHECK(d != NULL, "open %s", dir)) {
        return;
    }
    while ((e = readdir(d)) && count < sizeof names / sizeof names[0]) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0 &&
            strcmp(e->d_name, "primitives.json") != 0) {
            names[count] = malloc(n + 1);
            if (names[count]) {
                memcpy(names[count++], e->d_name, n + 1);
            }
        }
    }
    closedir(d);
    qsort(names, count, sizeof names[0], by_name); /* a stable order to read */
    CHECK(count > 0, "%zu draw vectors in %s", count, dir);
    for (size_t i = 0; i < count; i++) {
        draw_vector(sup, dir, names[i]);
        free(names[i]);
    }
}

int main(int argc, char **argv)
{
    jg_supervisor *sup = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS_DIR (tests/vectors)\n", argv[0]);
        return 2;
    }
    /* Defaults: the Pingdu catalog and the embedded holiday notices, as the vectors assume. */
    jg_status st = jg_supervisor_new(NULL, &sup);
    if (!CHECK(st == JG_STATUS_OK, "jg_supervisor_new (%s) %s", status_name(st), jg_last_error())) {
        return check_summary("test_vectors");
    }
    json_reader();
    uscc_vectors(argv[1]);
    working_day_vectors(sup, argv[1]);
    draw_vectors(sup, argv[1]);
    jg_supervisor_free(sup);
    return check_summary("test_vectors");
}
