#!/usr/bin/env python3
"""Attacks the aspace CLI as a careless and a hostile user would, and counts the answers.

Usage: scripts/attack.py ASPACE_COMMAND [SEED]   (e.g. scripts/attack.py "java -jar target/aspace.jar")
       ATTACK_LIST=cases.txt scripts/attack.py ...  also lists every case with its exit status and stderr

Every case runs the CLI once with a deadline. An answer is clear when the exit status is 0, or
1/2 (42 for procps' pmap) with stderr holding exactly one line and no exception name or Java
stack frame. Internal errors (exit 3, an exception name, a trace) and hangs are listed by case.
Runs as root for the device, FIFO and full-disk cases; everything is made below one temporary
directory, and the tmpfs mounted there is unmounted at the end. Nothing outside it is written.
"""
import os
import random
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import gzip

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src", "test", "resources")
FIX = os.path.join(RES, "fixtures")
INTERNAL = re.compile(r"Exception|\bat dev\.aspace\.|\bat java\.|internal error|\bError:|NullPointer")


def main():
    aspace = shlex.split(sys.argv[1])
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261205)
    results = []
    with tempfile.TemporaryDirectory(prefix="aspace-attack-") as d:
        disk = os.path.join(d, "disk")
        os.mkdir(disk)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]).returncode == 0
        try:
            cases = build_cases(d, disk if mounted else None, rnd)
            for name, args, stdin in cases:
                results.append(run(aspace, name, args, stdin, d))
        finally:
            if mounted:
                subprocess.run(["umount", disk])
    report(results)


def sleeper():
    p = subprocess.Popen(["sleep", "600"])
    return p


def build_cases(d, disk, rnd):
    cases = []
    sleep = sleeper()
    pid = str(sleep.pid)
    v1 = os.path.join(RES, "v1", "sleep.json")
    series1 = os.path.join(RES, "v1", "threads-series.jsonl")
    pmapx = os.path.join(FIX, "pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt")
    smaps = os.path.join(FIX, "smaps-01-googleinterns-memfd-deleted-vsyscall.txt")

    def f(name, data):
        p = os.path.join(d, name)
        with open(p, "wb") as out:
            out.write(data)
        return p

    # a v2 snapshot and a v2 series of the live sleep, taken by the CLI under attack
    v2 = os.path.join(d, "v2.json")
    series2 = os.path.join(d, "v2.jsonl")
    cases.append(("setup snapshot", ["snapshot", pid, "-o", v2], None))
    cases.append(("setup record", ["record", pid, "-o", series2, "--every", "0.2", "--count", "3"], None))

    # 1. bad arguments
    bad_args = [
        ["pmap"], ["pmap", "-Z", pid], ["pmap", "999999999"], ["pmap", "-1"], ["pmap", "99999999999999999999"],
        ["pmap", pid, "999999", pid], ["pmap", "-X", "-x", pid], ["pmap", "-A", "zz,yy", pid], ["pmap", "abc"],
        ["free", "-s", "-1"], ["free", "-c", "0"], ["free", "--bogus"], ["free", "-s", "abc"], ["ps", "--sort", "x"],
        ["ps", "-p", "abc"], ["snapshot"], ["snapshot", pid], ["snapshot", "abc", "-o", os.path.join(d, "x.json")],
        ["snapshot", "999999999", "-o", os.path.join(d, "x.json")], ["import"], ["import", "--unit", "parsec", pmapx],
        ["diff", v1], ["diff"], ["render", v1], ["render", v1, "-o", os.path.join(d, "x.gif")],
        ["render", v1, "-o", os.path.join(d, "x.svg"), "--width", "5"],
        ["render", v1, "-o", os.path.join(d, "x.svg"), "--width", "abc"],
        ["record", pid], ["record", pid, "-o", os.path.join(d, "r.jsonl"), "--every", "0"],
        ["record", pid, "-o", os.path.join(d, "r.jsonl"), "--every", "-1"],
        ["record", pid, "-o", os.path.join(d, "r.jsonl"), "--count", "abc"],
        ["record", pid, "-o", os.path.join(d, "r.jsonl"), "--max-size", "1Q"],
        ["record", "abc", "-o", os.path.join(d, "r.jsonl")], ["locate", v1], ["locate", v1, "zz"],
        ["locate", v1, "0x"], ["locate", v1, "-5"], ["locate", v1, "0x1ffffffffffffffff"], ["frames", "abc"],
        ["frames", "999999999"], ["share", "abc"], ["cgroup", "abc"], ["cgroup", "999999999"],
        ["memory-user"], ["memory-user", "abc"], ["memory-user", "0"], ["memory-user", "--", "-5"],
        ["memory-user", "8", "--via", "shm"], ["memory-user", "8", "--touch", "twice"], ["memory-user", "8", "soon"],
        ["memory-user", "8", "--rate", "-1"], ["memory-user", "8", "--margin", "101"], ["memory-user", "64T"],
        ["memory-user", "--help"], ["memory-user", "-V"], ["aslr", "--runs", "0"], ["aslr", "--runs", "abc"],
        ["aslr", "--runs", "2", "--", "/no/such/program"], ["nosuchcommand"], ["--bogus"], ["help", "pmap"],
        ["pmap", "--help"], ["-V"], ["pmap", "-V"], ["free", "-V"],
    ]
    for a in bad_args:
        cases.append(("args " + " ".join(a[:4]), a, None))

    # 2. hostile and damaged files, through every reader
    files = {
        "empty": f("empty.txt", b""),
        "blank": f("blank.txt", b"\n\n   \n"),
        "random": f("random.bin", bytes(rnd.getrandbits(8) for _ in range(4096))),
        "nuls": f("nuls.txt", b"\0" * 4096),
        "longline": f("long.txt", b"7f" * 3_000_000),
        "esc": f("esc.txt", b"00400000-00401000 r-xp 00000000 fe:00 42 /tmp/\x1b[31mred\xe2\x80\xae\n"),
        "header2": f("h2.txt", open(pmapx, "rb").read().replace(b"\n", b"\n" + open(pmapx, "rb").read().split(b"\n")[1] + b"\n", 3)),
        "badjson": f("bad.json", b'{"format":"aspace-snapshot","version":1,"regions":[{"start":"zz"}]}'),
        "deepjson": f("deep.json", b"[" * 100000 + b"]" * 100000),
        "bignum": f("bignum.json", b'{"format":"aspace-snapshot","version":' + b"9" * 5000 + b"}"),
        "v1trunc": f("v1trunc.json", open(v1, "rb").read()[:3000]),
        "gzjunk": f("junk.json", gzip.compress(b"not json at all")),
        "overlap": f("overlap.txt", b"00400000-00402000 r-xp 00000000 fe:00 42 /bin/x\n"
                                    b"00401000-00403000 r-xp 00000000 fe:00 42 /bin/x\n"),
    }
    for enc, bom in (("utf-16-le", True), ("utf-16-le", False), ("utf-16-be", True), ("utf-16-be", False)):
        text = ("\ufeff" if bom else "") + open(pmapx, encoding="utf-8").read()
        files["utf16 " + enc + (" bom" if bom else "")] = f("u16-%s-%s.txt" % (enc, bom), text.encode(enc))
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    files["fifo"] = fifo
    files["dir"] = d
    sock = os.path.join(d, "sock")
    s = socket.socket(socket.AF_UNIX)
    s.bind(sock)
    files["socket"] = sock
    dev = os.path.join(d, "zero")
    os.mknod(dev, 0o666 | 0o020000, os.makedev(1, 5))
    files["device"] = dev
    link_fifo = os.path.join(d, "link-to-fifo")
    os.symlink(fifo, link_fifo)
    files["link to fifo"] = link_fifo
    loop = os.path.join(d, "loop")
    os.symlink(loop, loop)
    files["link loop"] = loop
    dangling = os.path.join(d, "dangling")
    os.symlink(os.path.join(d, "nowhere"), dangling)
    files["dangling link"] = dangling
    files["missing"] = os.path.join(d, "missing.json")
    files["v1 snapshot"] = v1
    files["v2 snapshot"] = v2
    files["v1 series"] = series1
    files["v2 series"] = series2
    readers = [
        lambda p: ["pmap", p], lambda p: ["pmap", "-X", p], lambda p: ["import", p],
        lambda p: ["diff", p, v1], lambda p: ["render", p, "-o", os.path.join(d, "out.svg")],
        lambda p: ["render", p, "-o", os.path.join(d, "out.csv")], lambda p: ["locate", p, "0x400000"],
        lambda p: ["pmap", p + "@0"],
    ]
    for name, p in files.items():
        for r in readers:
            a = r(p)
            cases.append(("file %s: %s" % (name, a[0] + (" " + a[1] if a[1].startswith("-") else "")), a, None))
    for a in (["pmap", series1 + "@99"], ["pmap", series1 + "@-99"], ["pmap", series1 + "@x"], ["import", "-"],
              ["diff", v1, v1], ["diff", series1 + "@0", series1 + "@-1"]):
        cases.append(("series " + " ".join(a), a, b""))

    # 3. outputs: special files, links, full disk
    target = f("existing.json", b"keep me\n")
    out_link = os.path.join(d, "out-link.json")
    os.symlink(target, out_link)
    outs = {"fifo": fifo, "dir": d, "socket": sock, "device": dev, "link": out_link, "dangling": dangling,
            "no dir": os.path.join(d, "no", "such", "x.json"), "not a dir": os.path.join(target, "x.json")}
    if disk:
        outs["full disk"] = os.path.join(disk, "big.json")
        fill(os.path.join(disk, "filler"))
    # render picks its format by the extension: its special targets carry one
    svg_dir = os.path.join(d, "adir.svg")
    os.mkdir(svg_dir)
    os.mkfifo(fifo + ".svg")
    os.mknod(dev + ".svg", 0o666 | 0o020000, os.makedev(1, 5))
    svg_sock = socket.socket(socket.AF_UNIX)
    svg_sock.bind(sock + ".svg")
    for name, o in outs.items():
        svg = svg_dir if name == "dir" else o + ".svg"
        for a in (["snapshot", pid, "-o", o], ["import", smaps, "-o", o], ["render", smaps, "-o", svg],
                  ["record", pid, "-o", o, "--count", "2", "--every", "0.2"]):
            cases.append(("output %s: %s" % (name, a[0]), a, None))
    cases.append(("output existing without --overwrite", ["record", pid, "-o", target, "--count", "1"], None))

    # 4. fuzzed snapshots and texts
    seeds = [open(v1, "rb").read(), open(pmapx, "rb").read(), open(smaps, "rb").read()[:20000],
             open(series1, "rb").read()]
    if os.path.exists(v2):
        seeds.append(open(v2, "rb").read())
    for i in range(120):
        data = bytearray(rnd.choice(seeds))
        for _ in range(rnd.randint(1, 3)):
            kind = rnd.randrange(5)
            if kind == 0 and data:
                j = rnd.randrange(len(data))
                data[j] ^= 1 << rnd.randrange(8)
            elif kind == 1:
                data = data[:rnd.randrange(len(data) + 1)]
            elif kind == 2:
                lines = bytes(data).split(b"\n")
                j = rnd.randrange(len(lines))
                lines.insert(j, lines[j])
                data = bytearray(b"\n".join(lines))
            elif kind == 3:
                lines = bytes(data).split(b"\n")
                if len(lines) > 1:
                    del lines[rnd.randrange(len(lines))]
                data = bytearray(b"\n".join(lines))
            else:
                j = rnd.randrange(len(data) + 1)
                data[j:j] = rnd.choice([b"\0", b"\x1b[2J", b"\xe2\x80\xae", b"\xff\xfe", b"99999999999999999999999"])
        p = f("fuzz%03d.dat" % i, bytes(data))
        reader = readers[i % len(readers)](p)
        cases.append(("fuzz %s" % reader[0], reader, None))
    cases.append(("teardown", ["pmap", pid], None))
    cases.append(("_kill", None, sleep))
    return cases


def fill(path):
    """Writes until the disk is full (No space left on device)."""
    try:
        with open(path, "wb") as out:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
    except OSError:
        pass


def run(aspace, name, args, stdin, d):
    if args is None:
        stdin.kill()
        stdin.wait()
        return None
    start = time.monotonic()
    try:
        p = subprocess.run(aspace + args, input=stdin if isinstance(stdin, bytes) else None,
                           stdin=None if isinstance(stdin, bytes) else subprocess.DEVNULL,
                           capture_output=True, timeout=30, cwd=d)
        code, err = p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, err = "hang", ""
    return name, args, code, err, time.monotonic() - start


def report(results):
    results = [r for r in results if r]
    codes, unclear, internal, hangs = {}, [], [], []
    for name, args, code, err, secs in results:
        codes[code] = codes.get(code, 0) + 1
        lines = [l for l in err.splitlines() if l.strip()]
        if code == "hang":
            hangs.append(name)
        elif code == 3 or INTERNAL.search(err):
            internal.append((name, args, code, err[:300]))
        elif code != 0 and len(lines) != 1:
            unclear.append((name, args, code, err[:300]))
    print("cases:", len(results))
    print("exit codes:", ", ".join("%s: %d" % (k, v) for k, v in sorted(codes.items(), key=lambda kv: str(kv[0]))))
    print("clear answers:", len(results) - len(unclear) - len(internal) - len(hangs))
    print("internal errors:", len(internal))
    for i in internal:
        print("  INTERNAL", i)
    print("unclear (not one line on stderr):", len(unclear))
    for u in unclear:
        print("  UNCLEAR", u)
    print("hangs:", len(hangs), hangs)
    listing = os.environ.get("ATTACK_LIST")
    if listing:
        with open(listing, "w") as out:
            for name, args, code, err, secs in results:
                out.write("%-6s %5.1fs  %s  |  %s\n" % (code, secs, name, err.strip().replace("\n", " / ")[:240]))


if __name__ == "__main__":
    main()
