/* Floor for parsing front matter: libyaml's event API over every front matter
 * under a workspace's Plans/ folder in the working tree.
 *
 *   yaml_events WORKSPACE
 *   git cat-file --batch < IDS | yaml_events --batch
 *
 * Walks WORKSPACE/Plans (no symlinks followed), reads each *.md file, takes the
 * text between the opening `---` line and the next `---` line, and runs
 * yaml_parser_parse over it until STREAM-END. *.yaml files are parsed whole.
 * Prints "files=N events=N errors=N". This is the least any YAML-based
 * validator has to do: read the bytes and tokenise them, with no tree, no
 * schema and no rules.
 *
 * With --batch it reads the output of `git cat-file --batch` on standard input
 * instead: every blob that starts with `---` is taken as a Markdown document
 * (its front matter is parsed), any other as YAML (the settings file). Fed the
 * blob ids of every document version `trend` reads, git and this program form
 * the floor of reading and tokenising those versions, on two processes.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long files, events, errors;
static char *buffer;
static size_t capacity;

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void parse(const unsigned char *text, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) { errors++; return; }
    yaml_parser_set_input_string(&parser, text, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { errors++; break; }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
}

/* The front matter of a Markdown document: after a first line `---`, up to a line `---`. */
static void front_matter(const char *text, size_t length) {
    const char *end = text + length;
    if (length < 4 || strncmp(text, "---", 3) != 0) { errors++; return; }
    const char *line = memchr(text, '\n', length);
    if (!line) { errors++; return; }
    const char *start = line + 1;
    for (const char *p = start; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - p);
        if (n > 0 && p[n - 1] == '\r') n--;
        while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
        if (n == 3 && strncmp(p, "---", 3) == 0) {
            parse((const unsigned char *)start, (size_t)(p - start));
            return;
        }
        if (!nl) break;
        p = nl + 1;
    }
    errors++;
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)ftw;
    if (type != FTW_F) return 0;
    int md = ends_with(path, ".md"), yml = ends_with(path, ".yaml");
    if (!md && !yml) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) { errors++; return 0; }
    size_t size = (size_t)st->st_size;
    if (size + 1 > capacity) {
        capacity = (size + 1) * 2;
        buffer = realloc(buffer, capacity);
    }
    size_t got = fread(buffer, 1, size, f);
    fclose(f);
    files++;
    if (md) front_matter(buffer, got);
    else parse((const unsigned char *)buffer, got);
    return 0;
}

/* Reads `git cat-file --batch` output: "<id> <type> <size>\n", the bytes, "\n". */
static int batch(FILE *in) {
    char header[512];
    while (fgets(header, sizeof header, in)) {
        char id[128], type[32];
        size_t size;
        if (sscanf(header, "%127s %31s %zu", id, type, &size) != 3) { errors++; continue; }
        if (size + 1 > capacity) {
            capacity = (size + 1) * 2;
            buffer = realloc(buffer, capacity);
        }
        if (fread(buffer, 1, size, in) != size || fgetc(in) != '\n') {
            fprintf(stderr, "yaml_events: truncated batch at %s\n", id);
            return 1;
        }
        if (strcmp(type, "blob") != 0) continue;
        files++;
        if (size >= 3 && strncmp(buffer, "---", 3) == 0) front_matter(buffer, size);
        else parse((const unsigned char *)buffer, size);
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--batch") == 0) {
        int status = batch(stdin);
        printf("files=%ld events=%ld errors=%ld\n", files, events, errors);
        free(buffer);
        return status;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: yaml_events WORKSPACE | yaml_events --batch\n");
        return 2;
    }
    char plans[4096];
    snprintf(plans, sizeof plans, "%s/Plans", argv[1]);
    if (nftw(plans, visit, 32, FTW_PHYS) != 0) {
        perror(plans);
        return 1;
    }
    printf("files=%ld events=%ld errors=%ld\n", files, events, errors);
    free(buffer);
    return 0;
}
