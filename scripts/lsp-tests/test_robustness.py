"""The server as a process: only protocol on stdout, errors for bad messages, exits on `exit` and at end of input."""
import json
import subprocess

from conftest import BIN


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def message(obj) -> bytes:
    return frame(json.dumps(obj).encode())


def read_all(stdout: bytes):
    """Splits stdout into messages; fails on any byte that is not part of a framed message."""
    out = []
    rest = stdout
    while rest:
        head, sep, rest = rest.partition(b"\r\n\r\n")
        assert sep, f"stray bytes on stdout: {head[:80]!r}"
        assert head.startswith(b"Content-Length: "), f"not a header: {head[:80]!r}"
        n = int(head.split(b":")[1])
        out.append(json.loads(rest[:n]))
        rest = rest[n:]
    return out


def run(stdin: bytes, timeout=30):
    return subprocess.run([BIN, "lsp"], input=stdin, capture_output=True, timeout=timeout)


INIT = message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})


def test_bad_messages_get_errors_and_the_server_goes_on():
    r = run(INIT
            + frame(b"{not json")
            + message({"jsonrpc": "2.0", "id": 2, "method": "no/such/method", "params": {}})
            + b"Content-Type: nothing\r\n\r\n"
            + message({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {}})
            + message({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
            + message({"jsonrpc": "2.0", "method": "exit"}))
    assert r.returncode == 0, r.stderr
    msgs = read_all(r.stdout)
    by_id = {m.get("id"): m for m in msgs if "id" in m and m.get("id") is not None}
    assert "capabilities" in by_id[1]["result"]
    assert by_id[2]["error"]["code"] == -32601
    assert by_id[3]["error"]["code"] == -32602
    assert by_id[4]["result"] is None
    nulls = [m for m in msgs if "id" in m and m["id"] is None]
    assert [m["error"]["code"] for m in nulls] == [-32700, -32700]


def test_exit_without_shutdown_is_status_1():
    r = run(INIT + message({"jsonrpc": "2.0", "method": "exit"}))
    assert r.returncode == 1


def test_end_of_input_ends_the_server():
    r = run(INIT + message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    assert r.returncode == 0
    r = run(INIT + b"Content-Length: 50\r\n\r\n{\"trunc")
    assert r.returncode == 1
    assert len(read_all(r.stdout)) == 1


def test_random_bytes_never_crash_it():
    import random
    rng = random.Random(19)
    for _ in range(20):
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        body = junk if rng.random() < 0.5 else frame(junk)
        r = run(INIT + body + message({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}) + message({"jsonrpc": "2.0", "method": "exit"}))
        assert r.returncode in (0, 1), r.stderr[-500:]
        assert r.returncode >= 0, "killed by a signal"
