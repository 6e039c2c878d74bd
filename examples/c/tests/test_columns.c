/*
 * test_columns.c — ABI 1.2, issue 19 C point 3: verification from the
 * draw's own inputs document, and the target roster as columns.
 *
 * For each successful draw vector: the roster is read into arrays (codes,
 * regions, industries, statuses, classes, dates as days since 1970, weights)
 * as a host fills them from its register; jg_supervisor_draw_columns gives
 * the record the vector pins; jg_supervisor_verify accepts the very inputs
 * document jg_supervisor_draw took (and refuses it when its entropy is not
 * the record's); jg_supervisor_verify_columns verifies over the columns.
 *
 *   ./test_columns VECTORS_DIR
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json_min.h"

/* A roster as columns, with the strings the columns point into. */
typedef struct roster_cols {
    size_t rows;
    char **uscc, **region, **industries, **credit_class;
    jg_entity_status *status;
    int32_t *registered_on, *last_penalty_on, *dummy;
    uint8_t *penalty_present;
    uint32_t *weight;
} roster_cols;

static int32_t days_of(jm_span v)
{
    char *s = jm_string(v);
    jg_date d = {0, 0, 0};
    int32_t days = 0;
    if (s && sscanf(s, "%d-%u-%u", &d.year, &d.month, &d.day) == 3) {
        jg_date_to_days(d, &days);
    }
    free(s);
    return days;
}

static jg_entity_status status_of(jm_span v)
{
    static const char *const names[] = {"operating", "closed", "deregistered", "revoked",
                                        "moved_out"};
    static const jg_entity_status codes[] = {JG_ENTITY_OPERATING, JG_ENTITY_CLOSED,
                                             JG_ENTITY_DEREGISTERED, JG_ENTITY_REVOKED,
                                             JG_ENTITY_MOVED_OUT};
    for (size_t i = 0; i < 5; i++) {
        if (jm_string_eq(v, names[i])) {
            return codes[i];
        }
    }
    return 99;
}

/* Reads the JSON roster into columns; false when it cannot. */
static bool read_roster(jm_span roster, roster_cols *c)
{
    jm_iter it;
    jm_span e, v;
    long n = jm_array_len(roster);
    if (n < 0 || jm_array_begin(roster, &it) != 0) {
        return false;
    }
    c->rows = (size_t)n;
    c->uscc = calloc(c->rows + 1, sizeof(char *));
    c->region = calloc(c->rows + 1, sizeof(char *));
    c->industries = calloc(c->rows + 1, sizeof(char *));
    c->credit_class = calloc(c->rows + 1, sizeof(char *));
    c->status = calloc(c->rows + 1, sizeof *c->status);
    c->registered_on = calloc(c->rows + 1, sizeof(int32_t));
    c->last_penalty_on = calloc(c->rows + 1, sizeof(int32_t));
    c->penalty_present = calloc(c->rows + 1, 1);
    c->weight = calloc(c->rows + 1, sizeof(uint32_t));
    for (size_t r = 0; jm_array_next(&it, &e) == 1; r++) {
        jm_span lines, line;
        jm_iter li;
        long long w = 1;
        char buf[512] = "";
        jm_get(e, "uscc", &v);
        c->uscc[r] = jm_string(v);
        jm_get(e, "region", &v);
        c->region[r] = jm_string(v);
        jm_get(e, "credit_class", &v);
        c->credit_class[r] = jm_string(v);
        jm_get(e, "status", &v);
        c->status[r] = status_of(v);
        jm_get(e, "registered_on", &v);
        c->registered_on[r] = days_of(v);
        if (jm_get(e, "last_penalty_on", &v) == 1 && !jm_is(v, "null")) {
            c->last_penalty_on[r] = days_of(v);
            c->penalty_present[r] = 1;
        }
        if (jm_get(e, "weight", &v) == 1) {
            jm_int(v, &w);
        }
        c->weight[r] = (uint32_t)w;
        if (jm_get(e, "industries", &lines) == 1 && jm_array_begin(lines, &li) == 0) {
            while (jm_array_next(&li, &line) == 1) {
                char *id = jm_string(line);
                if (id) {
                    strncat(buf, *buf ? ";" : "", sizeof buf - strlen(buf) - 1);
                    strncat(buf, id, sizeof buf - strlen(buf) - 1);
                }
                free(id);
            }
        }
        c->industries[r] = malloc(strlen(buf) + 1);
        strcpy(c->industries[r], buf);
    }
    return true;
}

static jg_roster_columns as_columns(const roster_cols *c)
{
    jg_roster_columns t = {c->rows,
                           (const char *const *)c->uscc,
                           (const char *const *)c->region,
                           (const char *const *)c->industries,
                           c->status,
                           (const char *const *)c->credit_class,
                           c->registered_on,
                           c->last_penalty_on,
                           c->penalty_present,
                           c->weight};
    return t;
}

static void free_roster(roster_cols *c)
{
    for (size_t r = 0; r < c->rows; r++) {
        free(c->uscc[r]);
        free(c->region[r]);
        free(c->industries[r]);
        free(c->credit_class[r]);
    }
    free(c->uscc);
    free(c->region);
    free(c->industries);
    free(c->credit_class);
    free(c->status);
    free(c->registered_on);
    free(c->last_penalty_on);
    free(c->penalty_present);
    free(c->weight);
}

/* `inputs` without its roster: {"plan", "history", "inspectors", "entropy"}. */
static char *without_roster(jm_span inputs, const char *entropy_override)
{
    static const char *const keys[] = {"plan", "history", "inspectors", "entropy"};
    jm_span v[4];
    size_t len = 128 + (entropy_override ? strlen(entropy_override) : 0);
    for (int i = 0; i < 4; i++) {
        if (jm_get(inputs, keys[i], &v[i]) != 1) {
            return NULL;
        }
        len += v[i].n;
    }
    char *s = malloc(len), *o = s;
    for (int i = 0; i < 4; i++) {
        if (i == 3 && entropy_override) {
            o += sprintf(o, ",\"entropy\":%s", entropy_override);
        } else {
            o += sprintf(o, "%s\"%s\":%.*s", i ? "," : "{", keys[i], (int)v[i].n, v[i].p);
        }
    }
    strcpy(o, "}");
    return s;
}

static void vector(const jg_supervisor *sup, const char *dir, const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/draw/%s", dir, file);
    char *text = jm_read_file(path, NULL), *digest_want = NULL, *rest = NULL, *record = NULL;
    char *inputs_text = NULL, *json_record = NULL, *other = NULL;
    jm_span root = jm_parse(text ? text : ""), inputs, expected, roster, d;
    roster_cols cols = {0};
    if (!CHECK(jm_get(root, "inputs", &inputs) == 1 && jm_get(root, "expected", &expected) == 1 &&
                   jm_get(expected, "record_digest", &d) == 1 &&
                   jm_get(inputs, "roster", &roster) == 1 && read_roster(roster, &cols),
               "%s: inputs, expected digest and roster", file)) {
        free(text);
        return;
    }
    digest_want = jm_string(d);
    rest = without_roster(inputs, NULL);
    jg_roster_columns table = as_columns(&cols);
    jg_status st = jg_supervisor_draw_columns(sup, rest, &table, &record);
    char digest[65] = "";
    if (CHECK(st == JG_STATUS_OK, "%s: drawn over %zu roster columns rows %s", file, cols.rows,
              st ? jg_last_error() : "")) {
        jg_draw_record_digest(record, digest, sizeof digest);
        CHECK(strcmp(digest, digest_want) == 0, "%s: the vector's record %s", file, digest);
        /* The same record as the JSON roster gives. */
        inputs_text = jm_dup(inputs);
        CHECK(jg_supervisor_draw(sup, inputs_text, &json_record) == JG_STATUS_OK &&
                  strcmp(json_record, record) == 0,
              "%s: byte for byte the record jg_supervisor_draw makes", file);
        /* Point 3: verify takes the draw's own inputs document. */
        st = jg_supervisor_verify(sup, record, inputs_text);
        CHECK(st == JG_STATUS_OK, "%s: verified from the inputs document %s", file,
              st ? jg_last_error() : "");
        st = jg_supervisor_verify_columns(sup, record, rest, &table);
        CHECK(st == JG_STATUS_OK, "%s: verified over the columns %s", file,
              st ? jg_last_error() : "");
        other = without_roster(inputs, "[{\"label\": \"x\", \"value\": \"1 2 3\"}]");
        st = jg_supervisor_verify_columns(sup, record, other, &table);
        CHECK(st == JG_STATUS_VERIFICATION_FAILED && strstr(jg_last_error(), "`entropy`"),
              "%s: inputs with other entropy do not verify: %s", file, jg_last_error());
        /* A roster both ways is ambiguous. */
        char *out = NULL;
        st = jg_supervisor_draw_columns(sup, inputs_text, &table, &out);
        CHECK(st == JG_STATUS_INVALID_ARGUMENT && out == NULL &&
                  strstr(jg_last_error(), "`roster`"),
              "%s: a roster in JSON and as columns is refused: %s", file, jg_last_error());
        /* A bad column names itself and the row. */
        if (cols.rows > 1) {
            jg_entity_status keep = cols.status[1];
            cols.status[1] = 42;
            st = jg_supervisor_draw_columns(sup, rest, &table, &out);
            CHECK(st == JG_STATUS_DRAW_REFUSED &&
                      strcmp(jg_last_error_kind(), JG_KIND_INVALID_ROSTER) == 0 &&
                      strcmp(jg_last_error(), "roster.status row 1: 42 is not a jg_entity_status") ==
                          0,
                  "%s: %s", file, jg_last_error());
            cols.status[1] = keep;
            char *code = cols.uscc[0];
            cols.uscc[0] = (char *)"91370283MA0261327X";
            st = jg_supervisor_draw_columns(sup, rest, &table, &out);
            CHECK(st == JG_STATUS_INVALID_USCC && strstr(jg_last_error(), "roster.uscc row 0"),
                  "%s: %s", file, jg_last_error());
            cols.uscc[0] = code;
        }
    }
    jg_string_free(record);
    jg_string_free(json_record);
    free_roster(&cols);
    free(other);
    free(inputs_text);
    free(rest);
    free(digest_want);
    free(text);
}

int main(int argc, char **argv)
{
    jg_supervisor *sup = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
        return 2;
    }
    if (CHECK(jg_supervisor_new(NULL, &sup) == JG_STATUS_OK, "a default supervisor")) {
        vector(sup, argv[1], "edge-city.json");
        vector(sup, argv[1], "joint-county.json");
        vector(sup, argv[1], "weighted-publicity.json");
    }
    jg_supervisor_free(sup);
    return check_summary("test_columns");
}
