/*
 * The benchmark's reference parser (scripts/benchmark): parses each file named on standard input (one path per
 * line) with tree-sitter's C API and the same libtree-sitter.so and libtree-sitter-python.so the scanner bundles,
 * on one thread, and prints one line per pass. It walks every node once, as the scanner copies every node, so
 * the two do comparable work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

typedef struct { char *data; uint32_t length; } Source;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU time of this thread: a shared machine's waits (another VM on the core) do not count against either side. */
static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static Source read_file(const char *path) {
  Source s = {NULL, 0};
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "parse_harness: cannot open %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  s.data = malloc(n > 0 ? n : 1);
  s.length = (uint32_t) fread(s.data, 1, n, f);
  fclose(f);
  return s;
}

static long count_nodes(TSTree *tree) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  long nodes = 0;
  for (;;) {
    nodes++;
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) { ts_tree_cursor_delete(&cursor); return nodes; }
    }
  }
}

int main(int argc, char **argv) {
  int passes = argc > 1 ? atoi(argv[1]) : 3;
  size_t count = 0, capacity = 1024;
  Source *files = malloc(capacity * sizeof(Source));
  char line[8192];
  unsigned long long bytes = 0;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!*line) continue;
    if (count == capacity) files = realloc(files, (capacity *= 2) * sizeof(Source));
    files[count] = read_file(line);
    bytes += files[count].length;
    count++;
  }
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  long nodes = 0;
  for (int pass = 1; pass <= passes; pass++) {
    double start = now(), cpu_start = cpu_now();
    for (size_t i = 0; i < count; i++) {
      TSTree *tree = ts_parser_parse_string(parser, NULL, files[i].data, files[i].length);
      nodes += count_nodes(tree);
      ts_tree_delete(tree);
    }
    double seconds = now() - start, cpu = cpu_now() - cpu_start;
    printf("pass %d: %zu files, %llu bytes, %.3f s, %.2f MB/s, cpu %.3f s\n", pass, count, bytes, seconds, bytes / seconds / 1e6, cpu);
  }
  printf("nodes %ld\n", nodes);
  ts_parser_delete(parser);
  return 0;
}
