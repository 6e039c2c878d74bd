/* json_min.c — see json_min.h. */
#include "json_min.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
        p++;
    }
    return p;
}

/* Past the string starting at `p` (on its opening quote), or NULL. */
static const char *skip_string(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '\\') {
            p++; /* the escaped character cannot close the string */
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return NULL;
}

/* Past the value starting at `p`, or NULL when it cannot be walked. */
static const char *skip_value(const char *p, const char *end)
{
    if (p >= end) {
        return NULL;
    }
    if (*p == '"') {
        return skip_string(p, end);
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = skip_string(p, end);
                if (!p) {
                    return NULL;
                }
                continue;
            }
            if (*p == '{' || *p == '[') {
                depth++;
            } else if (*p == '}' || *p == ']') {
                if (--depth == 0) {
                    return p + 1;
                }
            }
            p++;
        }
        return NULL;
    }
    /* A number or literal: the characters they are made of. */
    const char *start = p;
    while (p < end && (strchr("+-.eE", *p) || (*p >= '0' && *p <= '9') ||
                       (*p >= 'a' && *p <= 'z'))) {
        p++;
    }
    return p > start ? p : NULL;
}

jm_span jm_parse(const char *text)
{
    const char *end = text + strlen(text);
    const char *p = skip_ws(text, end);
    const char *e = skip_value(p, end);
    if (!e || skip_ws(e, end) != end) {
        return (jm_span){text, 0};
    }
    return (jm_span){p, (size_t)(e - p)};
}

int jm_get(jm_span obj, const char *key, jm_span *out)
{
    if (obj.n < 2 || obj.p[0] != '{') {
        return -1;
    }
    const char *p = obj.p + 1, *end = obj.p + obj.n - 1; /* end: the '}' */
    for (bool first = true;; first = false) {
        p = skip_ws(p, end);
        if (p >= end) {
            return 0;
        }
        if (!first) {
            if (*p != ',') {
                return -1;
            }
            p = skip_ws(p + 1, end);
        }
        const char *k = p;
        if (p >= end || *p != '"' || !(p = skip_string(p, end))) {
            return -1;
        }
        jm_span name = {k, (size_t)(p - k)};
        p = skip_ws(p, end);
        if (p >= end || *p != ':') {
            return -1;
        }
        p = skip_ws(p + 1, end);
        const char *v = p;
        if (!(p = skip_value(p, end))) {
            return -1;
        }
        if (jm_string_eq(name, key)) {
            *out = (jm_span){v, (size_t)(p - v)};
            return 1;
        }
    }
}

int jm_array_begin(jm_span arr, jm_iter *it)
{
    if (arr.n < 2 || arr.p[0] != '[') {
        return -1;
    }
    *it = (jm_iter){arr.p + 1, arr.p + arr.n - 1, true};
    return 0;
}

int jm_array_next(jm_iter *it, jm_span *out)
{
    const char *p = skip_ws(it->cur, it->end);
    if (p >= it->end) {
        return 0;
    }
    if (!it->first) {
        if (*p != ',') {
            return -1;
        }
        p = skip_ws(p + 1, it->end);
    }
    const char *e = skip_value(p, it->end);
    if (!e) {
        return -1;
    }
    it->first = false;
    it->cur = e;
    *out = (jm_span){p, (size_t)(e - p)};
    return 1;
}

long jm_array_len(jm_span arr)
{
    jm_iter it;
    jm_span v;
    long n = 0;
    int r;
    if (jm_array_begin(arr, &it) != 0) {
        return -1;
    }
    while ((r = jm_array_next(&it, &v)) == 1) {
        n++;
    }
    return r == 0 ? n : -1;
}

bool jm_is_string(jm_span v)
{
    return v.n >= 2 && v.p[0] == '"' && v.p[v.n - 1] == '"';
}

bool jm_is(jm_span v, const char *lit)
{
    return v.n == strlen(lit) && memcmp(v.p, lit, v.n) == 0;
}

static int hex4(const char *p, const char *end, uint32_t *out)
{
    uint32_t u = 0;
    if (end - p < 4) {
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        u <<= 4;
        if (c >= '0' && c <= '9') {
            u |= (uint32_t)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            u |= (uint32_t)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            u |= (uint32_t)(c - 'A' + 10);
        } else {
            return -1;
        }
    }
    *out = u;
    return 0;
}

static char *put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

char *jm_string(jm_span v)
{
    if (!jm_is_string(v)) {
        return NULL;
    }
    /* Decoding never lengthens: \uXXXX (6 bytes) gives at most 3, a pair 4 of 12. */
    char *buf = malloc(v.n), *o = buf;
    const char *p = v.p + 1, *end = v.p + v.n - 1;
    if (!buf) {
        return NULL;
    }
    while (p < end) {
        unsigned char c = (unsigned char)*p++;
        if (c < 0x20) {
            goto bad; /* raw control characters are not JSON */
        }
        if (c != '\\') {
            *o++ = (char)c; /* raw UTF-8 passes through byte by byte */
            continue;
        }
        if (p >= end) {
            goto bad;
        }
        char e = *p++;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            *o++ = "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
            continue;
        }
        uint32_t cp, lo;
        if (e != 'u' || hex4(p, end, &cp) != 0) {
            goto bad;
        }
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            /* A high surrogate must be followed by \u and a low one. */
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, end, &lo) != 0 ||
                lo < 0xDC00 || lo > 0xDFFF) {
                goto bad;
            }
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            goto bad; /* a lone low surrogate */
        }
        if (cp == 0) {
            goto bad; /* cannot live in a C string */
        }
        o = put_utf8(o, cp);
    }
    *o = '\0';
    return buf;
bad:
    free(buf);
    return NULL;
}

bool jm_string_eq(jm_span v, const char *s)
{
    char *d = jm_string(v);
    bool eq = d && strcmp(d, s) == 0;
    free(d);
    return eq;
}

bool jm_int(jm_span v, long long *out)
{
    char buf[32];
    char *e;
    if (v.n == 0 || v.n >= sizeof buf) {
        return false;
    }
    memcpy(buf, v.p, v.n);
    buf[v.n] = '\0';
    long long x = strtoll(buf, &e, 10);
    if (*e != '\0') {
        return false;
    }
    *out = x;
    return true;
}

char *jm_dup(jm_span v)
{
    char *s = malloc(v.n + 1);
    if (s) {
        memcpy(s, v.p, v.n);
        s[v.n] = '\0';
    }
    return s;
}

char *jm_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap), *grown;
    if (!f || !buf) {
        goto fail;
    }
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            if (!(grown = realloc(buf, cap * 2))) {
                goto fail;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(f) || memchr(buf, '\0', n)) {
        goto fail; /* an embedded NUL would cut the text short */
    }
    fclose(f);
    buf[n] = '\0';
    if (len) {
        *len = n;
    }
    return buf;
fail:
    if (f) {
        fclose(f);
    }
    free(buf);
    return NULL;
}
