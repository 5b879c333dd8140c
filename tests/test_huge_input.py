"""Huge inputs: a 5 MB article is ingested and stored in bounded memory, with one clear line of output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsread.store import Store

SAMPLE = Path(__file__).parent.parent / "newsread" / "samples" / "wn-gdansk-mayor-stabbed-2019-01-14.txt"

# VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork+exec, so a child of a big
# pytest process would report the parent's peak.
MEASURE = """
import re, sys
from newsread.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status") as status:
    peak_kib = re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)
print(f"peak_kib={peak_kib}", file=sys.stderr)
sys.exit(code)
"""


def test_five_megabyte_article_is_stored_in_bounded_memory(tmp_path):
    paragraph = SAMPLE.read_text(encoding="utf-8")
    text = "\n\n".join([paragraph] * (5_000_000 // len(paragraph) + 1))
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    db = tmp_path / "n.db"
    result = subprocess.run([sys.executable, "-c", MEASURE, "--db", str(db), "add", "--no-extract", str(big)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    peak_mib = int(result.stderr.rsplit("peak_kib=", 1)[1]) / 1024
    # The interpreter and imports take ~60 MiB; a few copies of a 5 MB text are fine, a blow-up is not.
    assert peak_mib < 250, f"peak memory {peak_mib:.0f} MiB"
    with Store(db) as store:
        (article_id,) = store.article_ids()
        assert store.article(article_id).text == text
