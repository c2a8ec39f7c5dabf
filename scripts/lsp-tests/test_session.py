"""A session on the bundled graph, as an editor drives it: open, break a line, complete, hover, rename, format."""
import os
import statistics
import subprocess
import time

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BIN, BUNDLED, apply_edits, check_report, declared

URI = BUNDLED.as_uri()


async def open_bundled(client: LanguageClient):
    text = BUNDLED.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="arg", version=1, text=text)
        )
    )
    params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return text, params


version = 1


async def edit(client, line, start, end, new_text):
    """One incremental change; returns the diagnostics published for it."""
    global version
    version += 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=start),
                                      end=types.Position(line=line, character=end)),
                    text=new_text,
                )
            ],
        )
    )
    params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert params.version == version
    return params.diagnostics


def first_line(text, prefix):
    return next(i for i, l in enumerate(text.split("\n")) if l.startswith(prefix))


def first_stance_claim(text):
    """The first stance's line, the claim it names, and the claim's UTF-16 column there."""
    lines = text.split("\n")
    n = first_line(text, "stance ")
    claim = lines[n].split()[3]
    col = len(lines[n][: lines[n].index(" " + claim) + 1].encode("utf-16-le")) // 2
    return n, claim, col


async def test_the_bundled_graph_opens_without_errors(client: LanguageClient):
    text, params = await open_bundled(client)
    parse = [d for d in params.diagnostics if d.source == "argraph"]
    assert [d for d in parse if d.severity == types.DiagnosticSeverity.Error] == []
    # The same warnings `check` reports, at the same places.
    expected = [(l, c) for (l, c, sev, _) in check_report(text, _tmp())]
    assert sorted((d.range.start.line, d.range.start.character) for d in parse) == sorted(expected)
    quotes = [d for d in params.diagnostics if d.code == "quote"]
    print(f"\nbundled graph: {len(parse)} warnings, {len(quotes)} quotes that do not verify")


def _tmp():
    import pathlib, tempfile
    return pathlib.Path(tempfile.mkdtemp(prefix="argraph-lsp-"))


async def test_a_broken_line_gives_checks_diagnostic_at_its_range(client: LanguageClient):
    text, _ = await open_bundled(client)
    lines = text.split("\n")
    n = first_line(text, "support ")
    arrow = lines[n].index("->")
    col = len(lines[n][:arrow].encode("utf-16-le")) // 2
    # Break the relation's line in two before its arrow.
    diags = await edit(client, n, col, col, "\n")
    broken = "\n".join(lines[:n] + [lines[n][:arrow], lines[n][arrow:]] + lines[n + 1:])
    expected = check_report(broken, _tmp())
    errors = [d for d in diags if d.severity == types.DiagnosticSeverity.Error]
    assert errors, "breaking the line must give an error"
    assert sorted((d.range.start.line, d.range.start.character) for d in errors) == \
        sorted((l, c) for (l, c, sev, _) in expected if sev == "error")
    assert any(d.range.start.line in (n, n + 1) for d in errors)
    # Mend it: the errors go.
    diags = await edit_join(client, n)
    assert [d for d in diags if d.severity == types.DiagnosticSeverity.Error] == []


async def edit_join(client, n):
    """Joins line n and n + 1 (removes the line break between them)."""
    global version
    version += 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=n, character=10_000),
                                  end=types.Position(line=n + 1, character=0)),
                text="")],
        )
    )
    return (await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)).diagnostics


async def test_a_mistyped_claim_is_flagged_on_its_id(client: LanguageClient):
    text, _ = await open_bundled(client)
    n, claim, start = first_stance_claim(text)
    diags = await edit(client, n, start, start + len(claim), claim + "zz")
    errors = [d for d in diags if d.severity == types.DiagnosticSeverity.Error]
    assert len(errors) == 1
    e = errors[0]
    assert (e.range.start.line, e.range.start.character, e.range.end.character) == (n, start, start + len(claim) + 2)
    assert f"unknown claim '{claim}zz'" in e.message and claim in e.message  # with a did-you-mean


async def test_completion_after_stance_offers_every_claim(client: LanguageClient):
    text, _ = await open_bundled(client)
    claims = declared(text, ["claim", "evidence", "proposal"])
    actors = declared(text, ["actor"])
    n = len(text.split("\n")) - 1
    typed = f"stance {actors[0]} asserts "
    await edit(client, n, 0, 0, typed)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=URI),
                               position=types.Position(line=n, character=len(typed))))
    labels = [i.label for i in result.items]
    assert labels == list(dict.fromkeys(claims))
    first = result.items[0]
    assert first.documentation is not None and len(first.documentation.value) > len(claims[0])
    # Actors after `stance `.
    await edit(client, n, 0, len(typed), "stance ")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=URI),
                               position=types.Position(line=n, character=len("stance "))))
    assert [i.label for i in result.items] == actors


async def test_hover_on_a_claim_shows_its_text_and_scores(client: LanguageClient):
    text, _ = await open_bundled(client)
    lines = text.split("\n")
    n, claim, col = first_stance_claim(text)
    header = next(l for l in lines if l.split()[:2] in (["claim", claim + ":"], ["evidence", claim + ":"], ["proposal", claim + ":"]))
    claim_text = header.split(":", 1)[1].strip()
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=n, character=col + 1)))
    value = hover.contents.value
    assert claim_text[:40] in value
    assert "asserts by:" in value or "denies by:" in value
    assert "grounded: **" in value and "DF-QuAD strength: **" in value


async def test_definition_and_references_of_a_claim(client: LanguageClient):
    text, _ = await open_bundled(client)
    lines = text.split("\n")
    n, claim, col = first_stance_claim(text)
    pos = types.Position(line=n, character=col)
    doc = types.TextDocumentIdentifier(uri=URI)
    defs = await client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=pos))
    d = defs[0].range.start.line
    assert lines[d].split()[1].rstrip(":") == claim
    refs = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc, position=pos, context=types.ReferenceContext(include_declaration=True)))
    for r in refs:
        assert lines[r.range.start.line][r.range.start.character:r.range.end.character] == claim
    assert len(refs) >= 2


async def test_rename_a_claim_everywhere_and_refuse_a_taken_id(client: LanguageClient):
    text, _ = await open_bundled(client)
    claims = declared(text, ["claim", "evidence", "proposal"])
    n, claim, col = first_stance_claim(text)
    params = dict(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=n, character=col))
    edit_ = await client.text_document_rename_async(types.RenameParams(new_name="renamed-by-lsp-test", **params))
    renamed = apply_edits(text, edit_.changes[URI])
    assert "renamed-by-lsp-test" in renamed and claim not in declared(renamed, ["claim", "evidence", "proposal"])
    f = _tmp() / "renamed.arg"
    f.write_text(renamed, encoding="utf-8")
    assert subprocess.run([BIN, "check", "-q", str(f)], capture_output=True).returncode == 0
    other = next(c for c in claims if c != claim)
    with pytest.raises(Exception, match="already taken"):
        await client.text_document_rename_async(types.RenameParams(new_name=other, **params))
    with pytest.raises(Exception, match="not a valid id"):
        await client.text_document_rename_async(types.RenameParams(new_name="two words", **params))


async def test_formatting_is_argraph_fmt(client: LanguageClient):
    text, _ = await open_bundled(client)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=URI),
                                       options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    fmt = subprocess.run([BIN, "fmt", str(BUNDLED)], capture_output=True, text=True, check=True).stdout
    formatted = apply_edits(text, edits) if edits else text
    assert formatted == fmt
    assert "# " in formatted, "comments are kept"


async def test_outline_lists_every_declared_id(client: LanguageClient):
    text, _ = await open_bundled(client)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=URI)))
    names = {s.name for s in symbols}
    for id_ in declared(text, ["document", "actor", "claim", "evidence", "proposal"]):
        assert id_ in names


async def test_diagnostics_as_you_type_within_50_ms(client: LanguageClient):
    """Latency of didChange -> publishDiagnostics on the bundled graph, round trip through this client.

    The budget is 50 ms on the release binary (scripts/check-lsp --release); a debug binary, several times slower
    in Swift, is held to three times that, so that CI on the debug build still catches a gross slowdown.
    """
    text, _ = await open_bundled(client)
    lines = text.split("\n")
    n = first_line(text, "claim ")
    end = len(lines[n].encode("utf-16-le")) // 2
    times = []
    for i in range(40):
        t = time.perf_counter()
        if i % 2 == 0:
            await edit(client, n, end, end, "x")  # type a letter at the end of a claim's line
        else:
            await edit(client, n, end, end + 1, "")  # and delete it
        times.append((time.perf_counter() - t) * 1000)
    median, worst = statistics.median(times), max(times)
    build = os.environ.get("ARGRAPH_BUILD", "debug")
    print(f"\ndiagnostics after a keystroke on the bundled graph ({len(lines)} lines, {build} build): "
          f"median {median:.1f} ms, max {worst:.1f} ms over {len(times)} edits")
    budget = 50 if build == "release" else 150
    assert median < budget, f"median {median:.1f} ms over the {budget} ms budget of a {build} build"
