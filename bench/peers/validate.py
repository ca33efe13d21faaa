"""Peer of `plantrack validate [--rev REV]`: what a capable user would write instead.

    validate.py WORKSPACE SCHEMAS [REV]

SCHEMAS is the folder of *.schema.json files: the workspace's own Schemas/ when it has
one, else the ones plantrack embeds (the repository's Schemas/).

Reads every document under Plans/ (the working tree, or REV through pygit2), splits the
front matter, loads it with PyYAML's C loader (dates kept as strings) and validates it
with jsonschema-rs against the workspace's Schemas/. Prints JSON: documents, errors
(one per YAML error and per schema violation), status counts of activities.
"""

import os
import sys

from common import Counter, count_status, dump, parse, plans_blobs, schema_name, validators


def files_in_tree(root):
    plans = os.path.join(root, "Plans")
    for folder, dirs, names in os.walk(plans):
        dirs.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root)
            if schema_name(rel) is None:
                continue
            with open(full, "rb") as f:
                yield rel, f.read()


def files_at(root, rev):
    import pygit2

    repo = pygit2.Repository(root)
    commit = repo.revparse_single(rev).peel(pygit2.Commit)
    for path, oid in plans_blobs(repo, commit):
        if schema_name(path) is not None:
            yield path, repo[oid].data


def main():
    root = sys.argv[1]
    rev = sys.argv[3] if len(sys.argv) > 3 else None
    schemas = validators(sys.argv[2])
    documents = errors = 0
    statuses = Counter()
    for path, data in (files_at(root, rev) if rev else files_in_tree(root)):
        documents += 1
        schema, value, error = parse(path, data)
        if error:
            errors += 1
            continue
        errors += sum(1 for _ in schemas[schema].iter_errors(value if value is not None else {}))
        count_status(statuses, schema, value)
    dump({"documents": documents, "errors": errors, "statuses": dict(statuses)})


main()
