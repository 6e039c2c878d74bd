/*
 * credit_callback.c — a legacy system that keeps enterprise credit data in
 * its own database answers jianguan's credit questions through a callback,
 * instead of exporting the data: jg_options_set_credit_callback with the
 * host's own state as userdata and a destructor for it.
 *
 *   ./credit_callback
 *
 * The "database" is a static table: one entity it knows (class B, a
 * penalty on record, on the abnormal-operations list), one row whose
 * lookup fails as a dropped database connection would, and any other code
 * unknown. Prints each answer, the number of lookups the host served, and
 * "destroyed" when the supervisor releases the userdata.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jianguan.h"

/* One row of the host's credit table (企业信用风险分类结果). */
typedef struct credit_row {
    const char *uscc;
    const char *class_code;
    bool has_penalty;
    jg_date last_penalty_on;
    const jg_list_membership *lists;
    size_t list_count;
    const char *db_error; /* non-NULL: reading this row fails with this message */
} credit_row;

static const jg_list_membership huawei_lists[] = {
    {JG_CREDIT_LIST_ABNORMAL_OPERATIONS, {2025, 1, 2}, false, {0, 0, 0}, "未按规定公示年度报告"},
    {JG_CREDIT_LIST_KEY_ATTENTION, {2024, 5, 1}, true, {2024, 11, 1}, "投诉举报集中"},
};

static const credit_row credit_table[] = {
    {"914403001922038216", "B", true, {2024, 3, 1}, huawei_lists,
     sizeof huawei_lists / sizeof huawei_lists[0], NULL},
    {"9144030071526726XG", NULL, false, {0, 0, 0}, NULL, 0,
     "ORA-03113: end-of-file on communication channel (credit database 10.12.0.4)"},
};

/* The host's state behind the callback. The callback may run on several
 * threads at once (header: thread safety), so the counter is atomic. */
typedef struct host_db {
    const credit_row *rows;
    size_t row_count;
    atomic_ulong lookups;
} host_db;

static bool db_destroyed; /* set by the destructor, checked by main */

static int32_t lookup(void *userdata, const char *uscc, jg_credit_answer *answer)
{
    host_db *db = userdata;
    atomic_fetch_add(&db->lookups, 1);
    for (size_t i = 0; i < db->row_count; i++) {
        const credit_row *row = &db->rows[i];
        if (strcmp(row->uscc, uscc) != 0) {
            continue;
        }
        if (row->db_error) {
            answer->error = row->db_error; /* static: outlives the jg_ call */
            return 1;
        }
        answer->found = true;
        answer->class_code = row->class_code;
        answer->has_last_penalty = row->has_penalty;
        answer->last_penalty_on = row->last_penalty_on;
        answer->lists = row->lists;
        answer->list_count = row->list_count;
        return 0;
    }
    return 0; /* unknown: `answer` stays zeroed, found = false */
}

static void destroy(void *userdata)
{
    free(userdata);
    db_destroyed = true;
    printf("destroyed\n");
}

static const char *yes(bool b)
{
    return b ? "yes" : "no";
}

/* Asks for `uscc` on `day`; returns the status after printing the answer. */
static jg_status ask(const jg_supervisor *sup, const char *uscc, jg_date day)
{
    jg_credit_status cs;
    jg_status st = jg_supervisor_credit(sup, uscc, day, &cs);
    if (st != JG_STATUS_OK) {
        printf("%s: status %d: %s\n", uscc, (int)st, jg_last_error());
    } else if (!cs.found) {
        printf("%s: not in the credit database\n", uscc);
    } else {
        printf("%s: class %s", uscc, cs.class_code);
        if (cs.has_last_penalty) {
            printf(", last penalty %04d-%02u-%02u", (int)cs.last_penalty_on.year,
                   (unsigned)cs.last_penalty_on.month, (unsigned)cs.last_penalty_on.day);
        }
        printf("; on %04d-%02u-%02u: abnormal operations %s, serious dishonesty %s, "
               "key attention %s\n",
               (int)day.year, (unsigned)day.month, (unsigned)day.day, yes(cs.abnormal_operations),
               yes(cs.serious_dishonesty), yes(cs.key_attention));
    }
    return st;
}

int main(void)
{
    jg_options *options = NULL;
    jg_supervisor *sup = NULL;
    jg_status st;
    int rc = 1;
    const jg_date today = {2026, 11, 28};

    host_db *db = malloc(sizeof *db);
    if (!db) {
        return 1;
    }
    db->rows = credit_table;
    db->row_count = sizeof credit_table / sizeof credit_table[0];
    atomic_init(&db->lookups, 0);

    if ((st = jg_options_new(&options)) != JG_STATUS_OK) {
        fprintf(stderr, "jg_options_new: %s\n", jg_last_error());
        free(db);
        return 1;
    }
    st = jg_options_set_credit_callback(options, JG_CREDIT_SCHEME_NATIONAL_2022,
                                        lookup, db, destroy);
    if (st != JG_STATUS_OK) {
        /* Refused: the library did not take `db`, so it is still ours. */
        fprintf(stderr, "jg_options_set_credit_callback: %s\n", jg_last_error());
        jg_options_free(options);
        free(db);
        return 1;
    }
    /* From here the library owns `db` and frees it through destroy(). */
    if ((st = jg_supervisor_new(options, &sup)) != JG_STATUS_OK) {
        fprintf(stderr, "jg_supervisor_new: %s\n", jg_last_error());
        return 1;
    }

    if (ask(sup, "914403001922038216", today) != JG_STATUS_OK) {
        goto done;
    }
    if (ask(sup, "91330100716105852F", today) != JG_STATUS_OK) {
        goto done;
    }
    /* The failing row: the host's message must come back with the status. */
    st = ask(sup, "9144030071526726XG", today);
    if (st != JG_STATUS_CALLBACK_FAILED || !strstr(jg_last_error(), "ORA-03113")) {
        fprintf(stderr, "expected JG_STATUS_CALLBACK_FAILED with the host's message\n");
        goto done;
    }
    printf("lookups: %lu\n", atomic_load(&db->lookups));
    rc = 0;

done:
    jg_supervisor_free(sup); /* runs destroy(db) */
    if (!db_destroyed) {
        fprintf(stderr, "the supervisor did not call the destructor\n");
        rc = 1;
    }
    return rc;
}
