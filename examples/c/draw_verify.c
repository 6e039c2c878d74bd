/*
 * draw_verify.c — a county's double-random draw (双随机) made, published
 * and audited through the C API:
 *
 *   ./draw_verify INPUTS.json RECORD_OUT.json ROSTERS.json
 *
 * INPUTS.json holds plan, roster, history, inspectors and entropy (the
 * `inputs` of a tests/vectors/draw vector); ROSTERS.json holds the roster,
 * history and inspectors an auditor receives. The program draws, writes the
 * record to RECORD_OUT.json, prints its digest (the name it is published
 * under) and the number of visits, verifies it by re-running the draw, and
 * then shows two tamperings caught: one character of a drawn entity's code
 * changed (the code's own check character refuses it), and the same change
 * with the check character recomputed, as a careful forger would (the
 * re-run draw refuses it).
 *
 * Build with tests/json_min.c (a minimal JSON reader; a real system would
 * use its own JSON library).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jianguan.h"
#include "tests/json_min.h"

static int fail(const char *what, jg_status st)
{
    fprintf(stderr, "%s failed (status %d): %s\n", what, (int)st, jg_last_error());
    return 1;
}

/* GB 32100-2015's character set; a code's position i has weight 3^(i-1) mod 31. */
static const char USCC_CHARS[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The check character positions 1–17 of `code` require. */
static char uscc_check_char(const char *code)
{
    unsigned sum = 0, w = 1;
    for (int i = 0; i < 17; i++, w = w * 3 % 31) {
        const char *c = strchr(USCC_CHARS, code[i]);
        sum += (unsigned)(c ? c - USCC_CHARS : 0) * w;
    }
    return USCC_CHARS[(31 - sum % 31) % 31];
}

/* The first drawn code in tasks[].strata[].selected, as a span of `rec`. */
static int first_selected(const char *rec, jm_span *code)
{
    jm_span root = jm_parse(rec), tasks, task, strata, stratum, selected;
    jm_iter ti, si, ci;
    if (jm_get(root, "tasks", &tasks) != 1 || jm_array_begin(tasks, &ti) != 0) {
        return -1;
    }
    while (jm_array_next(&ti, &task) == 1) {
        if (jm_get(task, "strata", &strata) != 1 || jm_array_begin(strata, &si) != 0) {
            return -1;
        }
        while (jm_array_next(&si, &stratum) == 1) {
            if (jm_get(stratum, "selected", &selected) == 1 &&
                jm_array_begin(selected, &ci) == 0 && jm_array_next(&ci, code) == 1 &&
                jm_is_string(*code) && code->n == 20) {
                return 0;
            }
        }
    }
    return -1;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return -1;
    }
    int ok = fputs(text, f) >= 0;
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        perror(path);
    }
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    char *inputs = NULL, *rosters = NULL, *record = NULL, *forged = NULL;
    jg_supervisor *sup = NULL;
    char digest[65];
    jg_status st;
    int rc = 1;

    if (argc != 4) {
        fprintf(stderr, "usage: %s INPUTS.json RECORD_OUT.json ROSTERS.json\n", argv[0]);
        return 2;
    }
    if (!(inputs = jm_read_file(argv[1], NULL)) || !(rosters = jm_read_file(argv[3], NULL))) {
        fprintf(stderr, "cannot read %s or %s\n", argv[1], argv[3]);
        goto done;
    }
    /* Defaults: the Pingdu catalog resolves the plan's item codes. */
    if ((st = jg_supervisor_new(NULL, &sup)) != JG_STATUS_OK) {
        fail("jg_supervisor_new", st);
        goto done;
    }
    if ((st = jg_supervisor_draw(sup, inputs, &record)) != JG_STATUS_OK) {
        fail("jg_supervisor_draw", st);
        if (st == JG_STATUS_DRAW_REFUSED) {
            fprintf(stderr, "refusal: %s\n", jg_last_error_kind());
        }
        goto done;
    }
    if (write_file(argv[2], record) != 0) {
        goto done;
    }
    if ((st = jg_draw_record_digest(record, digest, sizeof digest)) != JG_STATUS_OK) {
        fail("jg_draw_record_digest", st);
        goto done;
    }
    jm_span visits;
    if (jm_get(jm_parse(record), "visits", &visits) != 1 || jm_array_len(visits) < 0) {
        fprintf(stderr, "the record has no visits array\n");
        goto done;
    }
    printf("record %s written to %s: %ld visits\n", digest, argv[2], jm_array_len(visits));

    /* The auditor re-runs the draw from the published record and rosters. */
    if ((st = jg_supervisor_verify(sup, record, rosters)) != JG_STATUS_OK) {
        fail("jg_supervisor_verify", st);
        goto done;
    }
    printf("verified: the record is the draw these rosters give\n");

    /* Tampering: change position 17 of the first drawn entity's code. */
    jm_span code;
    if (first_selected(record, &code) != 0 || !(forged = jm_dup((jm_span){record, strlen(record)}))) {
        fprintf(stderr, "no drawn entity to tamper with\n");
        goto done;
    }
    char *c = forged + (code.p - record) + 1; /* past the opening quote */
    const char *pos = strchr(USCC_CHARS, c[16]);
    c[16] = USCC_CHARS[pos ? (pos - USCC_CHARS + 1) % 31 : 0];
    st = jg_supervisor_verify(sup, forged, rosters);
    if (st != JG_STATUS_INVALID_ARGUMENT) {
        fprintf(stderr, "one-character edit: expected JG_STATUS_INVALID_ARGUMENT, got %d: %s\n",
                (int)st, jg_last_error());
        goto done;
    }
    printf("one-character edit refused by the check character: %s\n", jg_last_error());

    c[17] = uscc_check_char(c); /* now a well-formed code of another entity */
    st = jg_supervisor_verify(sup, forged, rosters);
    if (st != JG_STATUS_VERIFICATION_FAILED) {
        fprintf(stderr, "forged record: expected JG_STATUS_VERIFICATION_FAILED, got %d: %s\n",
                (int)st, jg_last_error());
        goto done;
    }
    printf("forged record (%.18s for %.18s) refused: %s\n", c, code.p + 1, jg_last_error());
    rc = 0;

done:
    free(forged);
    jg_string_free(record);
    jg_supervisor_free(sup);
    free(rosters);
    free(inputs);
    return rc;
}
