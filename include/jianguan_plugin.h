/*
 * jianguan_plugin.h — the jianguan plugin contract for plugins written in C
 * (or any language that can export C functions).
 *
 * C plugin contract version 1.0.0. It offers the same capabilities as the
 * Rust contract (crate `jianguan-plugin`, docs/plugin-contract.md): a
 * description (identity, rule sets, citations, grades, frequencies, items
 * with checklists, violations, exemptions, fact schemas, configuration
 * defaults) as JSON, and three batch operations over a columnar table of
 * facts: risk grading, due-date duties and criminal-referral assessment.
 * The host loads a C plugin from the same plugins folder as Rust plugins,
 * validates facts against the declared schema before every call and checks
 * every result, so both kinds look the same to the SDK.
 *
 * C99 or later (C++11 or later): the test command compiles this header
 * alone with -std=c99 -pedantic-errors.
 *
 * A plugin exports exactly two symbols:
 *
 *   const char *jg_plugin_contract_version(void);
 *       Required, and called before anything else: the contract version the
 *       plugin was built against, "MAJOR.MINOR.PATCH" (use
 *       JG_PLUGIN_CONTRACT_VERSION). The host refuses a plugin whose major
 *       differs from its own or whose minor is newer than its own, without
 *       calling anything else in it.
 *
 *   const jg_plugin_api *jg_plugin_api_table(void);
 *       The table of entry points, in static storage. `size` is
 *       sizeof(jg_plugin_api) as the plugin compiled it: later minor
 *       versions only append fields, and the host reads none past `size`.
 *
 * Rules every entry point follows:
 *  - Every fallible call returns a jg_plugin_status; on failure the host
 *    then calls last_error(state) for the message.
 *  - All strings are NUL-terminated UTF-8. Strings the plugin returns stay
 *    valid as documented per entry point; strings it passes to the host's
 *    add_* callbacks are copied before the callback returns.
 *  - Plugin state lives behind the jg_plugin_state handle that open()
 *    returns; no globals are needed. The host never calls into one state
 *    from two threads at once, and calls close() exactly once per state.
 *  - The host's add_* callbacks may be called from any thread of the
 *    plugin's, but only before the entry point that received them returns.
 *  - A C plugin must not longjmp or throw across the boundary; the host
 *    cannot catch a crash inside the plugin. The host maps the library with
 *    every symbol resolved (RTLD_NOW), so a missing dependency is refused at
 *    load rather than at the first call.
 *  - Plugins are never unloaded.
 */
#ifndef JIANGUAN_PLUGIN_H
#define JIANGUAN_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The contract version this header declares. */
#define JG_PLUGIN_CONTRACT_VERSION "1.0.0"
#define JG_PLUGIN_CONTRACT_MAJOR 1
#define JG_PLUGIN_CONTRACT_MINOR 0

#if defined(_WIN32)
#define JG_PLUGIN_EXPORT __declspec(dllexport)
#else
#define JG_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/** What a fallible entry point returns. Values never change. */
typedef int32_t jg_plugin_status;
/** Success. */
#define JG_PLUGIN_OK 0
/** The facts are incomplete or out of range for a rule (the message names
 *  the row and fact). */
#define JG_PLUGIN_INVALID_FACTS 1
/** The configuration given to open() is not valid. */
#define JG_PLUGIN_INVALID_CONFIG 2
/** A failure of the plugin's own (a bug, a broken data file). */
#define JG_PLUGIN_INTERNAL 3

/** The plugin's state, opaque to the host. */
typedef struct jg_plugin_state jg_plugin_state;

/** Column kinds, as the description's fact schema names them. */
typedef uint32_t jg_plugin_fact_kind;
/** `const double *`: real numbers (amounts, quantities). */
#define JG_PLUGIN_FACT_NUMBER 0
/** `const int64_t *`: whole numbers (counts). */
#define JG_PLUGIN_FACT_INTEGER 1
/** `const uint8_t *`: yes (1) / no (0). */
#define JG_PLUGIN_FACT_FLAG 2
/** `const char *const *`: NUL-terminated UTF-8 text, never NULL. */
#define JG_PLUGIN_FACT_TEXT 3
/** `const int32_t *`: dates as days since 1970-01-01. */
#define JG_PLUGIN_FACT_DATE 4

/** One named column of facts. */
typedef struct jg_plugin_column {
    /** The fact's name, as in the plugin's schema. */
    const char *name;
    /** One of JG_PLUGIN_FACT_*. */
    jg_plugin_fact_kind kind;
    /** `rows` values of the kind's C type. */
    const void *values;
    /** NULL when every row has a value; otherwise `rows` bytes, 1 where the
     *  row has a value and 0 where it is missing (its slot is a placeholder). */
    const uint8_t *present;
} jg_plugin_column;

/** A batch of facts: equal-length typed columns, one row per entity or case.
 *  Already validated by the host against the operation's schema: every
 *  column is a declared fact of the declared kind, required facts are
 *  present in every row, numbers are finite and not below their minimum,
 *  coded text is one of the allowed values. Valid only during the call. */
typedef struct jg_plugin_facts {
    /** Number of rows. */
    uint64_t rows;
    /** Number of columns. */
    uint64_t column_count;
    /** The columns, in any order; names are unique. */
    const jg_plugin_column *columns;
} jg_plugin_facts;

/** Referral decisions, weakest first. */
typedef uint32_t jg_plugin_decision;
/** No criminal threshold is met: handle administratively. */
#define JG_PLUGIN_DO_NOT_REFER 0
/** A threshold turns on a fact that needs testing or appraisal first. */
#define JG_PLUGIN_NEEDS_TESTING 1
/** A criminal threshold is met: refer to public security. */
#define JG_PLUGIN_REFER 2

/** Where grade() writes its results. Host-owned, valid during the call. */
typedef struct jg_plugin_grade_out {
    /** `rows` slots: the grade of each row, as an index into the
     *  description's grade list (lowest risk first). Prefilled with
     *  UINT32_MAX; a row left unfilled fails the call. */
    uint32_t *grades;
    /** `rows` slots: the score each grade was cut from. Prefilled with NaN;
     *  every score must be finite. */
    double *scores;
    /** Passed back to add_reason. */
    void *host;
    /** Adds a reason to a row: the citation (index into the description's
     *  citations) and what in the facts met the rule, with the figures.
     *  Returns 0, or nonzero when the row is out of range or `detail` is
     *  NULL or not UTF-8 (the call then fails whatever grade() returns). */
    int32_t (*add_reason)(void *host, uint64_t row, uint32_t citation, const char *detail);
} jg_plugin_grade_out;

/** Where duties() writes its results. Host-owned, valid during the call. */
typedef struct jg_plugin_duty_out {
    /** Passed back to add_duty. */
    void *host;
    /** Adds a dated duty to a row: a short stable code, the due date (days
     *  since 1970-01-01), whether it is overdue on the as-of date, and the
     *  rule as a citation index with a detail. Returns 0 or nonzero as
     *  add_reason does. */
    int32_t (*add_duty)(void *host, uint64_t row, const char *code, int32_t due,
                        uint8_t overdue, uint32_t citation, const char *detail);
} jg_plugin_duty_out;

/** Where assess_referral() writes its results. Host-owned, valid during the
 *  call. A case's decision is its strongest finding's (JG_PLUGIN_DO_NOT_REFER
 *  when it has none). */
typedef struct jg_plugin_referral_out {
    /** Passed back to add_finding. */
    void *host;
    /** Adds one offence considered for a case: its decision (JG_PLUGIN_*
     *  decision) and the threshold that decided it, as a citation index with
     *  the figures. Returns 0 or nonzero as add_reason does (also for an
     *  unknown decision). */
    int32_t (*add_finding)(void *host, uint64_t row, jg_plugin_decision decision,
                           uint32_t citation, const char *detail);
} jg_plugin_referral_out;

/** The plugin's entry points. */
typedef struct jg_plugin_api {
    /** sizeof(jg_plugin_api) as the plugin was compiled. */
    uint64_t size;
    /** The description as JSON (the schema of PluginDescription in
     *  docs/plugin-contract.md). Static: valid for the life of the process.
     *  Never NULL. */
    const char *(*describe)(void);
    /** Opens a state from a JSON configuration ("" means the defaults).
     *  Sets *status. On failure it may still return a state so that the
     *  host can read last_error(); the host then closes it. */
    jg_plugin_state *(*open)(const char *config, jg_plugin_status *status);
    /** Releases a state. The host calls it once per state returned by open. */
    void (*close)(jg_plugin_state *state);
    /** The message of the last failure on `state` (NULL state: of the last
     *  failed open on this thread). Valid until the next call on that state.
     *  May return NULL when there is no message. */
    const char *(*last_error)(const jg_plugin_state *state);
    /** Risk-grades each row. */
    jg_plugin_status (*grade)(jg_plugin_state *state, const jg_plugin_facts *facts,
                              const jg_plugin_grade_out *out);
    /** The dated duties of each row as of a date (days since 1970-01-01). */
    jg_plugin_status (*duties)(jg_plugin_state *state, const jg_plugin_facts *facts,
                               int32_t as_of, const jg_plugin_duty_out *out);
    /** Assesses each row (one case per row) for criminal referral. */
    jg_plugin_status (*assess_referral)(jg_plugin_state *state, const jg_plugin_facts *facts,
                                        const jg_plugin_referral_out *out);
} jg_plugin_api;

/** Declarations of the two symbols a plugin exports (see above). */
JG_PLUGIN_EXPORT const char *jg_plugin_contract_version(void);
JG_PLUGIN_EXPORT const jg_plugin_api *jg_plugin_api_table(void);

#ifdef __cplusplus
}
#endif

#endif /* JIANGUAN_PLUGIN_H */
