/*
 * json_min.h — just enough JSON reading for the C tests and examples:
 * find a key in an object, walk an array, take a value's raw text (to pass
 * it on unchanged) and decode a string to UTF-8. No allocation except in
 * jm_string and jm_read_file. Not a validator: it trusts well-formed input
 * (the conformance vectors, the library's own output) and only refuses
 * what it cannot walk.
 */
#ifndef JSON_MIN_H
#define JSON_MIN_H

#include <stdbool.h>
#include <stddef.h>

/** A JSON value's raw text: `n` bytes at `p`, leading whitespace skipped. */
typedef struct jm_span {
    const char *p;
    size_t n;
} jm_span;

/** A position inside an array, for jm_array_next. */
typedef struct jm_iter {
    const char *cur;
    const char *end;
    bool first;
} jm_iter;

/** The whole document `text` (NUL-terminated) as one value; n == 0 if malformed. */
jm_span jm_parse(const char *text);

/** Member `key` of object `obj` into `*out`: 1 found, 0 absent, -1 not an object. */
int jm_get(jm_span obj, const char *key, jm_span *out);

/** Starts walking array `arr`: 0, or -1 when it is not an array. */
int jm_array_begin(jm_span arr, jm_iter *it);

/** The next element into `*out`: 1 got one, 0 at the end, -1 malformed. */
int jm_array_next(jm_iter *it, jm_span *out);

/** Number of elements of array `arr`, or -1 when it is not one. */
long jm_array_len(jm_span arr);

/** Whether `v` is a string / the literal `lit` ("true", "null", ...). */
bool jm_is_string(jm_span v);
bool jm_is(jm_span v, const char *lit);

/** Decodes string `v` to NUL-terminated UTF-8 (malloc; free()); NULL on error. */
char *jm_string(jm_span v);

/** Decodes string `v` and compares it with `s`. */
bool jm_string_eq(jm_span v, const char *s);

/** Integer `v` into `*out`: true on success. */
bool jm_int(jm_span v, long long *out);

/** A NUL-terminated copy of the raw text (malloc; free()); NULL on OOM. */
char *jm_dup(jm_span v);

/** Reads a whole file, NUL-terminated (malloc; free()); NULL on error. */
char *jm_read_file(const char *path, size_t *len);

#endif /* JSON_MIN_H */
