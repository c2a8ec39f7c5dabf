"""The TextMate grammar (editors/arg.tmLanguage.json): its patterns compile and colour every line they should."""
import json
import re

from conftest import BUNDLED, ROOT

GRAMMAR = json.loads((ROOT / "editors" / "arg.tmLanguage.json").read_text(encoding="utf-8"))
RULES = {name: re.compile(rule["match"]) for name, rule in GRAMMAR["repository"].items()}


def rule_for(line):
    return next((name for name, rx in RULES.items() if rx.search(line)), None)


def test_every_header_and_property_line_of_the_bundled_graph_is_coloured():
    missed = []
    for n, line in enumerate(BUNDLED.read_text(encoding="utf-8").split("\n"), 1):
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        # Continuation lines (deeper than a property) carry a value: they keep the colour of plain text.
        if not stripped or indent > 2:
            continue
        if rule_for(line) is None:
            missed.append(f"{n}: {line[:60]}")
    assert missed == []


def test_each_kind_of_line_gets_its_rule():
    assert rule_for("# a comment") == "comment"
    assert rule_for("  # an indented comment") == "comment"
    assert rule_for("claim c1: Text") == "claim"
    assert rule_for("evidence e1") == "claim"
    assert rule_for("stance ann asserts c1 in doc1") == "stance"
    assert rule_for("undercut u1: c2 -> s1") == "relation"
    assert rule_for("support a->b") == "relation"
    # A linked relation: premises joined by '+', all in the source's capture.
    linked = RULES["relation"].search("support r7: a + b+c -> d")
    assert linked and linked.group(4) == "a + b+c" and linked.group(6) == "d"
    assert rule_for("actor ann") == "entity"
    assert rule_for("  quote L12-14: some words") == "quote"
    assert rule_for("  weight: 0.5") == "number-property"
    assert rule_for("  kind: institution") == "enum-property"
    assert rule_for("  by: ann") == "by-property"
    assert rule_for("  text: |") == "property"
