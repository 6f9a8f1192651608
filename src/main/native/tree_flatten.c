/*
 * Copies a parsed tree into a flat int buffer in one call, for eventlet-scan's
 * PythonParser: walking the tree from Java costs one FFM downcall (and its
 * checks and segment allocations) per node, which under C1 was about a third
 * of a scan thread's time. Compiled into libtree-sitter.so by build-natives.sh.
 *
 * It keeps exactly the nodes PythonParser's Java walk keeps (its fallback when
 * a user's own libraries lack this symbol); the two are tested to agree.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"

#define ERROR_SYMBOL 0xFFFF

/* Ints written per kept node: symbol, field id (0: none), start byte, end byte, parent (-1: none). */
#define FIELDS_PER_NODE 5

/*
 * Walks `tree` in pre-order, keeping the nodes whose symbol is ERROR or has a
 * non-zero entry in `keep` (indexed by symbol, `keep_length` entries). A node
 * that is not kept passes its parent on to its children. The first `capacity`
 * kept nodes are written to `out`; `error_count` receives the ERROR nodes plus,
 * when `count_missing`, the MISSING ones.
 *
 * Returns the number of kept nodes, which may exceed `capacity`: the caller
 * then calls again with room for that many. Returns -1 if memory ran out.
 */
int32_t eventlet_scan_flatten(const TSTree *tree, const uint8_t *keep, uint32_t keep_length, int32_t count_missing,
                              int32_t *out, uint32_t capacity, int32_t *error_count) {
    /* recorded[d]: the kept node that the nodes at depth d + 1 hang from */
    int32_t local[256];
    int32_t *recorded = local;
    uint32_t recorded_length = sizeof local / sizeof local[0];
    int32_t count = 0, errors = 0;
    uint32_t depth = 0;
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&cursor);
        TSSymbol symbol = ts_node_symbol(node);
        bool is_error = symbol == ERROR_SYMBOL;
        int32_t parent = depth == 0 ? -1 : recorded[depth - 1];
        int32_t self = parent;
        if (is_error || (symbol < keep_length && keep[symbol])) {
            if ((uint32_t) count < capacity) {
                int32_t *at = out + (size_t) count * FIELDS_PER_NODE;
                at[0] = symbol;
                at[1] = ts_tree_cursor_current_field_id(&cursor);
                at[2] = (int32_t) ts_node_start_byte(node);
                at[3] = (int32_t) ts_node_end_byte(node);
                at[4] = parent;
            }
            self = count++;
            if (is_error) {
                errors++;
            }
        }
        if (count_missing && !is_error && ts_node_is_missing(node)) {
            errors++;
        }
        if (depth + 1 >= recorded_length) {
            int32_t *grown = malloc(sizeof *grown * recorded_length * 2);
            if (grown == NULL) {
                count = -1;
                goto done;
            }
            memcpy(grown, recorded, sizeof *grown * recorded_length);
            if (recorded != local) {
                free(recorded);
            }
            recorded = grown;
            recorded_length *= 2;
        }
        recorded[depth] = self;
        if (ts_tree_cursor_goto_first_child(&cursor)) {
            depth++;
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
            if (!ts_tree_cursor_goto_parent(&cursor)) {
                goto done;
            }
            depth--;
        }
    }
done:
    ts_tree_cursor_delete(&cursor);
    if (recorded != local) {
        free(recorded);
    }
    *error_count = errors;
    return count;
}
