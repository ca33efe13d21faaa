"""Peer of `plantrack rollup --rev REV`: pygit2 + PyYAML (C loader).

    rollup.py WORKSPACE REV

Reads every blob under Plans/ at REV, parses each front matter and counts documents by
kind and activities by status, in all and per plan year (plantrack never adds plan years
up: `rollup --all-years` gives a total per year). Prints JSON: documents, statuses,
statuses_by_year, kinds.
"""

import sys

import pygit2

from common import Counter, count_status, dump, parse, plans_blobs, schema_name


def main():
    repo = pygit2.Repository(sys.argv[1])
    commit = repo.revparse_single(sys.argv[2]).peel(pygit2.Commit)
    statuses, kinds, by_year = Counter(), Counter(), {}
    errors = 0
    for path, oid in plans_blobs(repo, commit):
        if schema_name(path) is None:
            continue
        schema, value, error = parse(path, repo[oid].data)
        kinds[schema] += 1
        errors += error is not None
        count_status(statuses, schema, value)
        if schema == "activity":
            count_status(by_year.setdefault(path.split("/")[2], Counter()), schema, value)
    dump({"documents": sum(kinds.values()), "kinds": dict(kinds), "statuses": dict(statuses),
          "statuses_by_year": {year: dict(counts) for year, counts in by_year.items()}, "parse_errors": errors})


main()
