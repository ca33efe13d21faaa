"""What the Python peers share: which schema a path under Plans/ has, the front-matter
split, a PyYAML C loader with YAML 1.2-ish scalars, and jsonschema-rs validators with
the workspace's Schemas/*.schema.json (common.schema.json refs resolved offline)."""

import json
import os
import re
from collections import Counter

import yaml

STATUSES = ("planned", "in-progress", "done", "delayed", "cancelled")


class Loader(yaml.CSafeLoader):
    """PyYAML's C loader without the timestamp resolver: dates stay strings, as in YAML 1.2."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

_FENCE = re.compile(rb"^---[ \t]*\r?$", re.M)


def schema_name(path):
    """The schema of a path relative to the workspace root, or None when it is not a document."""
    parts = path.split("/")
    if not parts or parts[0] != "Plans":
        return None
    n = len(parts)
    if n == 2 and parts[1] == "workspace.yaml":
        return "workspace"
    if n == 3 and parts[2] == "county.md":
        return "county"
    if n == 4 and parts[3] == "plan.md":
        return "plan"
    if n == 5 and parts[4].endswith(".md"):
        if parts[3] == "goals":
            return "goal"
        if parts[3] == "activities":
            return "activity"
    return None


def front_matter(data):
    """The YAML text of a document's bytes (a .md file's front matter), or None."""
    m = _FENCE.match(data)
    if not m:
        return None
    start = data.find(b"\n", 0) + 1
    end = _FENCE.search(data, start)
    if not end:
        return None
    return data[start:end.start()]


def parse(path, data):
    """(schema, value, error) for one file."""
    schema = schema_name(path)
    text = data if schema == "workspace" else front_matter(data)
    if text is None:
        return schema, None, "no front matter"
    try:
        return schema, yaml.load(text, Loader=Loader), None
    except yaml.YAMLError as error:
        return schema, None, str(error).splitlines()[0]


def validators(schemas_dir):
    import jsonschema_rs

    resources, by_name = [], {}
    for name in sorted(os.listdir(schemas_dir)):
        if name.endswith(".schema.json"):
            with open(os.path.join(schemas_dir, name), encoding="utf-8") as f:
                schema = json.load(f)
            resources.append((schema["$id"], schema))
            by_name[name[: -len(".schema.json")]] = schema
    registry = jsonschema_rs.Registry(resources)
    return {
        name: jsonschema_rs.validator_for(schema, registry=registry, validate_formats=True)
        for name, schema in by_name.items()
        if name != "common"
    }


def count_status(counter, schema, value):
    if schema == "activity" and isinstance(value, dict):
        status = value.get("status")
        if isinstance(status, str):
            counter[status] += 1


def walk_tree(repo, tree, prefix, out):
    """(path, blob id) of every blob below a pygit2 tree."""
    import pygit2

    for entry in tree:
        path = prefix + entry.name
        if entry.type == pygit2.GIT_OBJECT_TREE:
            walk_tree(repo, repo[entry.id], path + "/", out)
        elif entry.type == pygit2.GIT_OBJECT_BLOB:
            out.append((path, entry.id))
    return out


def plans_blobs(repo, commit):
    tree = commit.tree
    if "Plans" not in tree:
        return []
    return walk_tree(repo, repo[tree["Plans"].id], "Plans/", [])


def dump(result):
    print(json.dumps(result, sort_keys=True))


__all__ = ["Counter", "STATUSES", "parse", "validators", "count_status", "plans_blobs", "schema_name", "dump"]
