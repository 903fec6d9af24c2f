"""Are the tables byte-identical to a recorded baseline? The check behind every refactoring commit.

A move or a restructuring of ``pipeline/extract/`` must not change one byte of what edunews
writes. This records, with the checkout's own ``edunews`` command, the ``edunews extract``
JSONL of every document of the sets below, and the CSV tables of ``edunews run --data TMP``
(the bundled sample), into a folder; ``--against`` then compares a fresh recording with an
earlier one file by file and names the documents that differ.

Usage (from the checkout)::

    .venv/bin/python bench/check_identical.py --out /tmp/before          # record
    .venv/bin/python bench/check_identical.py --out /tmp/after --against /tmp/before
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared")
SUFFIXES = {".html", ".htm", ".txt", ".md", ".pdf"}


def document_sets() -> dict[str, list[Path]]:
    """Set name -> the documents ``edunews extract`` reads (sorted, so recordings line up)."""
    def files(folder: Path) -> list[Path]:
        return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)

    sets = {
        "seed": files(SHARED / "seed"),
        "tune": files(ROOT / "tests/fixtures/real/tune/articles"),  # never the check half
        "gold-dev": files(SHARED / "data/gold-dev/articles"),
        "sample": files(ROOT / "data/raw/sample"),
    }
    for heldout in sorted((ROOT / "tests/fixtures").glob("heldout*")):
        sets[heldout.name] = files(heldout / "articles")
    return {name: paths for name, paths in sets.items() if paths}


def edunews(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / ".venv/bin/edunews"), *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def record(out: Path) -> int:
    """Write ``extract/<set>.jsonl`` and ``run/<table>.csv`` under ``out``; the number of documents."""
    (out / "extract").mkdir(parents=True, exist_ok=True)
    n = 0
    for name, paths in document_sets().items():
        done = edunews("extract", "--format", "jsonl", *map(str, paths))
        (out / "extract" / f"{name}.jsonl").write_text(done.stdout)
        (out / "extract" / f"{name}.stderr").write_text(done.stderr)
        n += len(paths)
    with tempfile.TemporaryDirectory() as tmp:
        done = edunews("run", "--data", tmp)
        if done.returncode:
            sys.exit(f"edunews run failed: {done.stderr[-2000:]}")
        (out / "run").mkdir(exist_ok=True)
        for csv in sorted((Path(tmp) / "processed").rglob("*.csv")):
            target = out / "run" / csv.relative_to(Path(tmp) / "processed")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(csv.read_bytes())
    return n


def differences(new: Path, old: Path) -> list[str]:
    """One line per differing file, naming the differing documents of a JSONL file."""
    out = []
    names = {p.relative_to(old) for p in old.rglob("*") if p.is_file() and p.suffix != ".stderr"}
    names |= {p.relative_to(new) for p in new.rglob("*") if p.is_file() and p.suffix != ".stderr"}
    for name in sorted(names):
        a, b = old / name, new / name
        if not a.is_file() or not b.is_file():
            out.append(f"{name}: only in {'new' if b.is_file() else 'old'}")
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        if name.suffix == ".jsonl":
            before, after = a.read_text().splitlines(), b.read_text().splitlines()
            docs = [json.loads(line)["article"].get("raw_ref", "?") for line, other in
                    zip(after, before, strict=False) if line != other]
            out.append(f"{name}: {len(docs)} documents differ ({len(before)} -> {len(after)} lines): "
                       + ", ".join(Path(d).name for d in docs[:10]))
        else:
            out.append(f"{name}: differs")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to record into")
    parser.add_argument("--against", type=Path, help="an earlier recording to compare with")
    args = parser.parse_args()
    n = record(args.out)
    tables = len(list((args.out / "run").rglob("*.csv")))
    print(f"recorded {n} documents and {tables} run tables in {args.out}")
    if args.against is None:
        return 0
    diffs = differences(args.out, args.against)
    for line in diffs:
        print(line)
    print("byte-identical" if not diffs else f"{len(diffs)} files differ",
          f"on {n} documents and {tables} tables")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
