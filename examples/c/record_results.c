/*
 * Records the inspection results of a draw's visits (抽查检查结果) through
 * libjianguan, as a county's case system would after the inspectors report:
 * every result is checked against the record (a visit of the draw, by a
 * department that takes part in it, once) and the outcome code table, gets
 * its publication deadline in working days, and its follow-ups. Writes
 * {"results": [...], "history": [...]} and prints a summary.
 *
 *   record_results RECORD_JSON ENTERED_JSON OUT_JSON
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jianguan.h"

/* Reads a whole file; NULL on failure. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        return NULL;
    }
    long n = ftell(f);
    rewind(f);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf) buf[n] = '\0';
    fclose(f);
    return buf;
}

/* How often `needle` occurs in `text`. */
static long count(const char *text, const char *needle)
{
    long n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: record_results RECORD_JSON ENTERED_JSON OUT_JSON\n");
        return 2;
    }
    char *record = slurp(argv[1]), *entered = slurp(argv[2]), *out = NULL;
    jg_supervisor *sup = NULL;
    int rc = 1;
    jg_status st;
    if (!record || !entered) {
        fprintf(stderr, "cannot read %s or %s\n", argv[1], argv[2]);
    } else if ((st = jg_supervisor_new(NULL, &sup)) != JG_STATUS_OK) {
        fprintf(stderr, "jg_supervisor_new: %s\n", jg_last_error());
    } else if ((st = jg_supervisor_record_results_json(sup, record, NULL, entered, 20, &out)) !=
               JG_STATUS_OK) {
        /* Every failure has a kind (docs/errors.md) beside its message. */
        fprintf(stderr, "refused [%s]: %s\n", jg_last_error_kind(), jg_last_error());
    } else {
        FILE *f = fopen(argv[3], "wb");
        if (f && fputs(out, f) >= 0 && fclose(f) == 0) {
            printf("recorded %ld results, %ld follow-up events; written to %s\n",
                   count(out, "\"publish_by\""), count(out, "\"event\""), argv[3]);
            rc = 0;
        } else {
            perror(argv[3]);
        }
    }
    jg_string_free(out);
    jg_supervisor_free(sup);
    free(record);
    free(entered);
    return rc;
}
