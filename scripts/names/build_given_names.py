"""Derive `service/data/given_names.tsv` (given name -> usual gender) from nomquamgender.

nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk 2022; PyPI wheel sha256
55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6) ships
`name_data.json`: for each name, the number of sources, the number of people
counted and the share of them gendered female. The service keeps only names
that are clearly one or the other: at least 1,000 people counted and a share
of at most 5 % or at least 95 % female (13,311 names). The package itself is
not a dependency (it needs pandas and a 22 MB table); only this derived list is
committed.

    pip download --no-deps nomquamgender==0.1.4 -d /tmp/nqg
    unzip -o /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl -d /tmp/nqg
    python scripts/names/build_given_names.py /tmp/nqg/nomquamgender/name_data.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "service" / "data" / "given_names.tsv"
MIN_COUNT = 1000
CLEAR_SHARE = 0.05


def clear_names(data: dict[str, list]) -> dict[str, str]:
    """Name -> "f" or "m" for names clearly used for one gender."""
    out = {}
    for name, row in data.items():
        count, share = row[1], row[2]
        if not re.fullmatch(r"[a-z][a-z-]+", name) or count < MIN_COUNT:
            continue
        if share >= 1 - CLEAR_SHARE:
            out[name] = "f"
        elif share <= CLEAR_SHARE:
            out[name] = "m"
    return out


def main(path: str) -> None:
    names = clear_names(json.loads(Path(path).read_text(encoding="utf-8")))
    lines = [f"{name}\t{gender}" for name, gender in sorted(names.items())]
    header = "# given name<TAB>usual gender (f/m), derived from nomquamgender 0.1.4 (MIT): scripts/names/build_given_names.py"
    OUT.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
