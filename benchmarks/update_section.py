#!/usr/bin/env python3
"""Replaces the body of one '## HEADING' section of a Markdown file with stdin (the heading line
stays; the section ends at the next '## ' heading). Appends the section when it is missing.
Other sections are left as they are. usage: update_section.py FILE 'HEADING' < body.md"""
import os, sys

path, heading = sys.argv[1], "## " + sys.argv[2]
body = sys.stdin.read().strip("\n") + "\n"
lines = open(path, encoding="utf-8").read().split("\n") if os.path.exists(path) else ["# Benchmark results", ""]
try:
    start = lines.index(heading)
    end = next((k for k in range(start + 1, len(lines)) if lines[k].startswith("## ")), len(lines))
    new = lines[: start + 1] + [""] + body.split("\n") + (lines[end:] if end < len(lines) else [])
except ValueError:
    while lines and lines[-1] == "":
        lines.pop()
    new = lines + ["", heading, ""] + body.split("\n")
text = "\n".join(new).rstrip("\n") + "\n"
tmp = path + ".tmp"
open(tmp, "w", encoding="utf-8").write(text)
os.replace(tmp, path)
