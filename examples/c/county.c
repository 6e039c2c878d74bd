/*
 * The main job's C step: what a county's legacy platform does through
 * libjianguan. Loads the plugins folder (Rust and C plugins side by side),
 * checks every code of the county's entity register, runs a draw from its
 * inputs JSON, writes the record and prints its digest, so that the main job
 * can verify it with the Rust command and compare it with the Rust draw.
 *
 *   county PLUGINS_DIR ENTITIES_CSV DRAW_INPUTS_JSON RECORD_OUT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jianguan.h"

static int fail(const char *what, jg_status s) {
    fprintf(stderr, "%s failed (status %d): %s\n", what, (int)s, jg_last_error());
    return 1;
}

/* Reads a whole file; NULL on failure. */
static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long n = ftell(f);
    rewind(f);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    if (buf) buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Checks the first column of every data row; prints the first refusal. */
static int check_register(const char *path, long *valid, long *invalid) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    char line[4096];
    *valid = *invalid = 0;
    if (!fgets(line, sizeof line, f)) { fclose(f); return 1; } /* header */
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, ",\r\n")] = '\0'; /* the first field */
        if (jg_uscc_check(line, NULL) == JG_STATUS_OK) {
            (*valid)++;
        } else {
            if (*invalid == 0) fprintf(stderr, "refused: %s\n", jg_last_error());
            (*invalid)++;
        }
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: county PLUGINS_DIR ENTITIES_CSV DRAW_INPUTS_JSON RECORD_OUT\n");
        return 2;
    }
    uint32_t abi = jg_abi_version();
    /* The library has this header's major and at least its minor. */
    if (abi >> 16 != JG_ABI_MAJOR || abi < JG_ABI_VERSION) {
        fprintf(stderr, "libjianguan ABI %u.%u, built for %d.%d\n", abi >> 16, abi & 0xffff,
                JG_ABI_MAJOR, JG_ABI_MINOR);
        return 1;
    }
    jg_options *opts = NULL;
    jg_supervisor *sup = NULL;
    jg_status s;
    if ((s = jg_options_new(&opts)) != JG_STATUS_OK) return fail("jg_options_new", s);
    if ((s = jg_options_set_plugins_dir(opts, argv[1])) != JG_STATUS_OK) {
        jg_options_free(opts);
        return fail("jg_options_set_plugins_dir", s);
    }
    if ((s = jg_supervisor_new(opts, &sup)) != JG_STATUS_OK) return fail("jg_supervisor_new", s);

    char *plugins = NULL;
    if ((s = jg_supervisor_plugins_json(sup, &plugins)) != JG_STATUS_OK) {
        jg_supervisor_free(sup);
        return fail("jg_supervisor_plugins_json", s);
    }
    printf("libjianguan %s (ABI %u.%u); plugins: %s\n", jg_version(), abi >> 16, abi & 0xffff,
           plugins);
    jg_string_free(plugins);

    long valid = 0, invalid = 0;
    if (check_register(argv[2], &valid, &invalid) != 0) { jg_supervisor_free(sup); return 1; }
    printf("register: %ld codes valid, %ld refused (GB 32100-2015)\n", valid, invalid);

    char *inputs = slurp(argv[3]);
    if (!inputs) { perror(argv[3]); jg_supervisor_free(sup); return 1; }
    char *record = NULL;
    s = jg_supervisor_draw(sup, inputs, &record);
    free(inputs);
    if (s != JG_STATUS_OK) {
        int rc = fail("jg_supervisor_draw", s);
        jg_supervisor_free(sup);
        return rc;
    }
    char digest[65];
    s = jg_draw_record_digest(record, digest, sizeof digest);
    FILE *out = fopen(argv[4], "wb");
    int ok = s == JG_STATUS_OK && out && fputs(record, out) >= 0;
    if (out && fclose(out) != 0) ok = 0;
    jg_string_free(record);
    jg_supervisor_free(sup);
    if (!ok) return s != JG_STATUS_OK ? fail("jg_draw_record_digest", s) : (perror(argv[4]), 1);
    printf("record %s written to %s\n", digest, argv[4]);
    return invalid == 0 ? 0 : 1;
}
