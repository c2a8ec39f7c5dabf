"""Shared set-up for the end-to-end tests of `argraph lsp` (run by scripts/check-lsp).

The server is the binary named by $ARGRAPH_BIN. The bundled graph is read from the
repository at test time (another analyst may be editing it), never hard-coded.
"""
import os
import pathlib
import re
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("ARGRAPH_BIN") or sys.exit("ARGRAPH_BIN is not set: run scripts/check-lsp")
BUNDLED = ROOT / "graphs" / "us-japan-alliance.arg"
SEEDS = ROOT.parent / "shared" / "seeds"
SERVER = [BIN, "lsp"] + (["--sources", str(SEEDS)] if SEEDS.is_dir() else [])


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=ROOT.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()


def declared(text, keywords):
    """The ids declared with these keywords, in file order (read from the text itself)."""
    pattern = re.compile(r"^(?:%s)\s+([^\s:]+)" % "|".join(keywords), re.M)
    return [m.group(1) for m in pattern.finditer(text)]


def utf16_column(line, scalar_column):
    """The 0-based UTF-16 column of a 1-based column counted in characters (how `check` counts)."""
    return len(line[: scalar_column - 1].encode("utf-16-le")) // 2


def check_report(text, tmp_path):
    """Every error and warning `argraph check` prints for `text`: (line0, utf16 col0, severity, message)."""
    f = tmp_path / "g.arg"
    f.write_text(text, encoding="utf-8")
    r = subprocess.run([BIN, "check", "--max-warnings", "0", str(f)], capture_output=True, text=True)
    lines = text.split("\n")
    out = []
    for m in re.finditer(r"^%s:(\d+):(\d+): (error|warning): (.*)$" % re.escape(str(f)), r.stderr, re.M):
        line, col = int(m.group(1)), int(m.group(2))
        out.append((line - 1, utf16_column(lines[line - 1], col), m.group(3), m.group(4)))
    return out


def apply_edits(text, edits):
    """`text` with LSP TextEdits applied (UTF-16 positions), last first."""
    lines = text.split("\n")

    def offset(p):
        if p.line >= len(lines):
            return len(text)
        before = sum(len(l) + 1 for l in lines[: p.line])
        units = lines[p.line].encode("utf-16-le")[: 2 * p.character]
        return before + len(units.decode("utf-16-le"))

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text
