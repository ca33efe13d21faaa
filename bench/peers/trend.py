"""Peer of `plantrack trend --every month`: pygit2, incremental by blob id.

    trend.py WORKSPACE [REV]

Walks the history of REV (default HEAD) oldest first, takes the last commit of each
calendar month (in the committer's own time zone), lists the activities under Plans/ at
that commit and parses only blobs it has not parsed before (a cache keyed by blob id).
Prints JSON: one entry per month with the activity status counts (in all and per plan
year, with the plan years that have a plan.md: plantrack's points are of one plan year),
plus the number of blobs parsed.
"""

import datetime
import sys

import pygit2

from common import Counter, dump, parse, plans_blobs, schema_name


def month_of(commit):
    offset = datetime.timedelta(minutes=commit.commit_time_offset)
    moment = datetime.datetime.fromtimestamp(commit.commit_time, datetime.timezone(offset))
    return f"{moment.year:04d}-{moment.month:02d}"


def main():
    repo = pygit2.Repository(sys.argv[1])
    head = repo.revparse_single(sys.argv[2] if len(sys.argv) > 2 else "HEAD").peel(pygit2.Commit)
    last_of_month = {}
    for commit in repo.walk(head.id, pygit2.GIT_SORT_TOPOLOGICAL | pygit2.GIT_SORT_REVERSE):
        last_of_month[month_of(commit)] = commit  # later commits overwrite earlier ones
    cache = {}  # blob id -> status (or None)
    months = []
    for month in sorted(last_of_month):
        commit = last_of_month[month]
        counts, by_year, plan_years = Counter(), {}, set()
        for path, oid in plans_blobs(repo, commit):
            if schema_name(path) == "plan":
                plan_years.add(path.split("/")[2])
            if schema_name(path) != "activity":
                continue
            status = cache.get(oid, cache)
            if status is cache:
                _, value, _ = parse(path, repo[oid].data)
                status = value.get("status") if isinstance(value, dict) else None
                cache[oid] = status
            if isinstance(status, str):
                counts[status] += 1
                by_year.setdefault(path.split("/")[2], Counter())[status] += 1
        months.append({"month": month, "commit": str(commit.id), "statuses": dict(counts),
                       "statuses_by_year": {year: dict(c) for year, c in by_year.items()},
                       "plan_years": sorted(plan_years)})
    dump({"months": months, "parsed_blobs": len(cache)})


main()
