/*
 * Parses a UTF-8 buffer under a deadline, for eventlet-scan's PythonParser.
 * jtreesitter's time-limited parse goes through Java callbacks: for each file it
 * makes two upcall stubs and a re-encoded copy of the text, all kept in the
 * parser's arena until the scan ends, and tree-sitter then calls back into Java
 * every hundred parse operations to ask whether to stop. Here both callbacks
 * are C. Compiled into libtree-sitter.so by build-natives.sh.
 */
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "tree_sitter/api.h"

typedef struct {
    const char *text;
    uint32_t length;
    uint64_t deadline_ns;
} Source;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
}

/* The whole rest of the buffer in one chunk. */
static const char *read_source(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
    (void) position;
    const Source *source = payload;
    if (byte_index >= source->length) {
        *bytes_read = 0;
        return "";
    }
    *bytes_read = source->length - byte_index;
    return source->text + byte_index;
}

/* tree-sitter asks every hundred operations; a vDSO clock read costs far less than those. */
static bool past_deadline(TSParseState *state) {
    const Source *source = state->payload;
    return now_ns() > source->deadline_ns;
}

/*
 * Parses `length` bytes of UTF-8 at `utf8` from scratch, giving up once
 * `time_limit_ns` (0: none) have passed. Returns NULL when it gave up: the
 * caller must then ts_parser_reset the parser, or its next parse resumes this one.
 */
TSTree *eventlet_scan_parse(TSParser *parser, const char *utf8, uint32_t length, uint64_t time_limit_ns) {
    uint64_t start = now_ns();
    uint64_t deadline = time_limit_ns == 0 || time_limit_ns > UINT64_MAX - start ? UINT64_MAX : start + time_limit_ns;
    Source source = {utf8, length, deadline};
    TSInput input = {&source, read_source, TSInputEncodingUTF8, NULL};
    TSParseOptions options = {&source, time_limit_ns == 0 ? NULL : past_deadline};
    return ts_parser_parse_with_options(parser, NULL, input, options);
}
