#!/usr/bin/env python3
"""Structure check run by ctest (test `structure`): the layering of methods/ and the size limits
of docs/contributing.md. Exits 1 and names every violation.

1. Layers. Every `#include "methods/<family>/..."` in methods/, cli/, python/ points to the
   including family itself or to a family in a lower layer (LAYERS, bottom first). Families in
   one layer do not include each other. This makes cycles impossible.
2. No family reaches into another family's detail/ folder.
3. No source file in methods/ or cli/ is longer than MAX_FILE_LINES lines.
4. No function in cli/ is longer than MAX_CLI_FUNCTION_LINES lines (the front end parses,
   calls one pipeline function and renders).

Usage: scripts/check_structure.py [REPO_ROOT]
"""
import pathlib
import re
import sys

# Bottom to top; see docs/contributing.md for the picture and the reasons.
LAYERS = [
    ["core"],
    ["stats"],
    ["describe", "normalize"],
    ["treat"],
    ["validity", "delphi"],
    ["reliability", "weighting", "cfa"],
    ["aggregate", "simulate"],
    ["compare", "audit", "panel", "coupling", "obstacles", "disparity", "spatial", "density"],
    ["sensitivity"],
    ["report"],
    ["study"],
    ["pipeline"],
    ["cli", "python"],
]
MAX_FILE_LINES = 700
MAX_CLI_FUNCTION_LINES = 80
INCLUDE = re.compile(r'^\s*#\s*include\s+"methods/([a-z_]+)/([^"]+)"')


def layer_of(family):
    for i, fams in enumerate(LAYERS):
        if family in fams:
            return i
    return None


def strip_code(src):
    """Source with comments and string/char literals blanked (line breaks kept)."""
    keep_lines = lambda m: "\n" * m.group(0).count("\n")
    s = re.sub(r'R"([^(\s]*)\((.*?)\)\1"', lambda m: '""' + keep_lines(m), src, flags=re.S)
    s = re.sub(r"//[^\n]*", "", s)
    s = re.sub(r"/\*.*?\*/", keep_lines, s, flags=re.S)
    s = re.sub(r'"(\\.|[^"\\\n])*"', '""', s)
    s = re.sub(r"'(\\.|[^'\\\n])*'", "''", s)
    return s


def functions(src):
    """(first line, line count, name) of every function defined at namespace scope."""
    s = strip_code(src)
    out, stack, line, start = [], [], 1, None
    for i, ch in enumerate(s):
        if ch == "\n":
            line += 1
        elif ch == "{":
            before = s[max(0, i - 400):i].rstrip()
            kind = "block"
            if all(k == "ns" for k in stack):
                if re.search(r"namespace\s*[\w:]*$", before) or re.search(r'extern\s+""$', before):
                    kind = "ns"
                elif re.search(r"\)\s*((const|noexcept|override|final|mutable)\s*|->\s*[\w:<>, ]+)*$", before):
                    kind = "fn"
                elif re.search(r"\b(struct|class|enum|union)\b[^;{}()]*$", before):
                    kind = "type"
                else:
                    kind = "other"
                if kind == "fn":
                    m = re.search(r"([~\w:]+)\s*\([^;{}]*$", before)
                    start = (line, m.group(1) if m else "?")
            stack.append(kind)
        elif ch == "}" and stack:
            kind = stack.pop()
            if kind == "fn" and all(k == "ns" for k in stack) and start:
                out.append((start[0], line - start[0] + 1, start[1]))
                start = None
    return out


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    errors = []
    sources = []
    for top in ("methods", "cli", "python"):
        d = root / top
        if d.is_dir():
            sources += [p for p in d.rglob("*") if p.suffix in (".hpp", ".cpp", ".h", ".cc")]
    for p in sorted(sources):
        rel = p.relative_to(root)
        family = rel.parts[1] if rel.parts[0] == "methods" else rel.parts[0]
        here = layer_of(family)
        if here is None:
            errors.append(f"{rel}: family '{family}' has no layer in scripts/check_structure.py LAYERS")
            continue
        text = p.read_text(encoding="utf-8")
        for n, l in enumerate(text.split("\n"), 1):
            m = INCLUDE.match(l)
            if not m or m.group(1) == family:
                continue
            target, path = m.group(1), m.group(2)
            there = layer_of(target)
            if there is None:
                errors.append(f"{rel}:{n}: includes unknown family '{target}'")
            elif there >= here:
                how = "the same layer" if there == here else "a higher layer"
                errors.append(f"{rel}:{n}: {family} includes methods/{target}/{path}, {how} "
                              f"({LAYERS[there]} vs {LAYERS[here]}); move the shared part down (docs/contributing.md)")
            if path.startswith("detail/"):
                errors.append(f"{rel}:{n}: {family} includes another family's private methods/{target}/{path}")
        nlines = text.count("\n")
        if rel.parts[0] in ("methods", "cli") and nlines > MAX_FILE_LINES:
            errors.append(f"{rel}: {nlines} lines, more than {MAX_FILE_LINES}; split it along its seams")
        if rel.parts[0] == "cli" and p.suffix == ".cpp":
            for first, count, name in functions(text):
                if count > MAX_CLI_FUNCTION_LINES:
                    errors.append(f"{rel}:{first}: function {name} has {count} lines, more than "
                                  f"{MAX_CLI_FUNCTION_LINES}; move the pipeline into methods/pipeline/")
    for e in errors:
        print(e)
    print(f"check_structure: {len(sources)} files, {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
