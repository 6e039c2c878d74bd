/*
 * check_codes.c — checks unified social credit codes (统一社会信用代码,
 * GB 32100-2015) as a registration front end would before storing them:
 * the codes on the command line, or two published ones and a mistyped one.
 *
 *   export PKG_CONFIG_PATH=$(bash scripts/c-env.sh)
 *   gcc -std=c11 check_codes.c $(pkg-config --cflags --libs jianguan) \
 *       -Wl,-rpath,"$(pkg-config --variable=libdir jianguan)" -o check_codes
 *   ./check_codes [CODE...]
 *
 * A rejected code is an answer, not a failure: the exit status is nonzero
 * only when the library itself fails (or was built for another ABI).
 */
#include <stdio.h>

#include "jianguan.h"

/* Refuses a library of another ABI major or an older minor (header's ABI policy). */
static int abi_ok(void)
{
    uint32_t abi = jg_abi_version();
    /* Same major, minor at least ours; compared whole so that minor 0 does not
     * make `minor < 0` (always false) trip -Wtype-limits. */
    if (abi >> 16 != JG_ABI_MAJOR || abi < ((uint32_t)JG_ABI_MAJOR << 16 | JG_ABI_MINOR)) {
        fprintf(stderr, "libjianguan ABI %u.%u, built for %d.%d\n", abi >> 16, abi & 0xFFFF,
                JG_ABI_MAJOR, JG_ABI_MINOR);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    /* Huawei and Tencent (published codes), and Huawei's with its last digit mistyped. */
    static const char *const defaults[] = {
        "914403001922038216",
        "9144030071526726XG",
        "914403001922038217",
    };
    const char *const *codes = argc > 1 ? (const char *const *)argv + 1 : defaults;
    int count = argc > 1 ? argc - 1 : (int)(sizeof defaults / sizeof defaults[0]);
    int valid = 0, rejected = 0;

    if (!abi_ok()) {
        return 1;
    }
    for (int i = 0; i < count; i++) {
        jg_uscc_info info;
        jg_status st = jg_uscc_check(codes[i], &info);
        if (st == JG_STATUS_OK) {
            valid++;
            printf("%s: valid; authority %c, category %c, region %s, organisation code %s\n",
                   codes[i], info.authority, info.category, info.region,
                   info.organisation_code);
        } else if (st == JG_STATUS_INVALID_USCC || st == JG_STATUS_INVALID_UTF8) {
            /* What is wrong and where, fit to show the clerk who typed it. */
            rejected++;
            printf("%s: rejected: %s\n", codes[i], jg_last_error());
        } else {
            fprintf(stderr, "jg_uscc_check failed (status %d): %s\n", (int)st, jg_last_error());
            return 1;
        }
    }
    printf("%d valid, %d rejected\n", valid, rejected);
    return 0;
}
