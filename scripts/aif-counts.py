#!/usr/bin/env python3
"""Independent count of claims, relations and speakers in AIF JSON files.

Written separately from the Swift importer (Sources/ArgumentGraph/Format/AIF) to check it:
claims = I-nodes; RA/CA between I-nodes = one support/attack per (premise, conclusion)
pair; MA = a rephrase, two supports (one each way); a CA aimed at an RA/CA node =
one undercut per relation that node stands for; an RA aimed at an S-node is skipped.
Speakers: every L-node linked to an I-node through a YA node (either direction), except
a YA whose illocution is pure questioning or challenging; the speaker is the last
'Name :' prefix of the L-node's text, else the name the locution's personID has elsewhere.
Usage: scripts/aif-counts.py FILE...
"""
import json, re, sys

NAME = re.compile(r"^\s*([^:?!;,\"]{1,60}?)\s*:\s*(.*)$", re.S)

def prefixes(text):
    names = []
    rest = text
    while True:
        m = NAME.match(rest)
        if not m or not m.group(2).strip():
            break
        cand = m.group(1).strip()
        words = cand.split()
        if not words or len(words) > 6 or not all(w[0].isupper() or w[0].isdigit() for w in words):
            break
        names.append(cand)
        rest = m.group(2)
    return names

def count(path):
    d = json.load(open(path))
    nodes = {str(n["nodeID"]): n for n in d["nodes"]}
    out, inc = {}, {}
    for e in d["edges"]:
        f, t = str(e["fromID"]), str(e["toID"])
        out.setdefault(f, []).append(t)
        inc.setdefault(t, []).append(f)
    typ = lambda i: nodes[i]["type"]
    claims = [i for i in nodes if typ(i) == "I"]
    # relations per S-node
    rels = {}
    for s in nodes:
        if typ(s) not in ("RA", "CA", "MA"):
            continue
        prem = [p for p in inc.get(s, []) if typ(p) == "I"]
        rels[s] = [(p, c) for p in prem for c in out.get(s, []) if typ(c) == "I"]
    supports = attacks = undercuts = 0
    for s, pairs in rels.items():
        if typ(s) == "RA": supports += len(pairs)
        elif typ(s) == "CA": attacks += len(pairs)
        else: supports += 2 * len(pairs)
    for s in rels:
        if typ(s) != "CA": continue
        prem = [p for p in inc.get(s, []) if typ(p) == "I"]
        for c in out.get(s, []):
            if typ(c) in ("RA", "CA"):
                undercuts += len(prem) * len(rels[c])
    person = {}
    for loc in d.get("locutions", []):
        person[str(loc["nodeID"])] = str(loc.get("personID"))
    pname = {}
    for i in nodes:
        if typ(i) == "L" and i in person and prefixes(nodes[i]["text"]):
            pname.setdefault(person[i], prefixes(nodes[i]["text"])[-1])
    def speaker(l):
        p = prefixes(nodes[l]["text"])
        if p: return p[-1]
        if l in person: return pname.get(person[l], "person " + person[l])
        return None
    stances = set()
    for y in nodes:
        if typ(y) != "YA": continue
        txt = (nodes[y].get("text") or "").lower()
        if "pure questioning" in txt or "challenging" in txt: continue
        ends = [x for x in inc.get(y, []) + out.get(y, [])]
        ls = [x for x in ends if typ(x) == "L"]
        iss = [x for x in ends if typ(x) == "I"]
        for l in ls:
            s = speaker(l)
            if s is None: continue
            for i in iss: stances.add((s, i))
    speakers = sorted({s for s, _ in stances})
    return dict(claims=len(claims), supports=supports, attacks=attacks, undercuts=undercuts,
                speakers=speakers, stances=len(stances))

for p in sys.argv[1:]:
    print(p, json.dumps(count(p)))
