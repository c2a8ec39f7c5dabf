#!/usr/bin/env python3
"""Independent count of claims, relations and speakers in AIF JSON files.

Written separately from the Swift importer (Sources/ArgumentGraph/Format/AIF) to check it:
claims = I-nodes; RA/CA = one support/attack per I-node conclusion, from all the node's
I-node premises together (a linked relation; a premise equal to the conclusion does not
count, and a conclusion left with no premise gives nothing); MA = a rephrase, two supports
(one each way) per (premise, conclusion) pair; a CA aimed at an RA/CA node = one undercut
(all its premises together) per relation that node stands for, undercuts included (aimed
at itself: per relation on claims); an RA aimed at an S-node is skipped.
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
    # relations on claims per S-node: (premises, conclusion) for RA/CA, (premise, conclusion) pairs for MA
    rels = {}
    for s in nodes:
        if typ(s) not in ("RA", "CA", "MA"):
            continue
        prem = list(dict.fromkeys(p for p in inc.get(s, []) if typ(p) == "I"))
        concl = list(dict.fromkeys(c for c in out.get(s, []) if typ(c) == "I"))
        if typ(s) == "MA":
            rels[s] = [((p,), c) for p in prem for c in concl if p != c]
        else:
            rels[s] = [(own, c) for c in concl for own in [tuple(p for p in prem if p != c)] if own]
    supports = attacks = undercuts = 0
    for s, rs in rels.items():
        if typ(s) == "RA": supports += len(rs)
        elif typ(s) == "CA": attacks += len(rs)
        else: supports += 2 * len(rs)
    # every relation an S-node stands for: its relations on claims and its undercuts (a cycle adds nothing)
    def stands_for(s, seen=()):
        n = len(rels.get(s, []))
        if typ(s) == "CA" and any(typ(p) == "I" for p in inc.get(s, [])):
            for t in dict.fromkeys(out.get(s, [])):
                if t == s:
                    n += len(rels[s])  # aimed at itself: its relations on claims, not its own undercuts
                elif typ(t) in ("RA", "CA", "MA") and t not in seen:
                    n += stands_for(t, seen + (s,))
        return n
    for s in rels:
        if typ(s) == "CA":
            undercuts += stands_for(s) - len(rels[s])
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
