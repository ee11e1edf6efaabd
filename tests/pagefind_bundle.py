"""A Pagefind bundle read back as data, so two bundles can be compared where Pagefind is not reproducible.

Pagefind 1.5.2 writes the filter files (``filter/*.pf_filter``: each filter's values with their pages),
the meta file (``pagefind.<hash>.pf_meta``) and ``pagefind-entry.json`` in hash-map order, which differs
from run to run for the same pages (fixed upstream after 1.5.2, not released). Their bytes, and the content
hashes that name them, therefore differ between two builds of the same site. ``canonical`` decodes
those files (gzip, Pagefind's signature, CBOR), sorts every list so order no longer counts, and replaces
the hashes by what they name. Every other file in the bundle is kept as bytes under its own name.
"""

from __future__ import annotations

import gzip
import json
import re
import struct
from pathlib import Path

_SIGNATURE = b"pagefind_dcd"
_UNSTABLE = re.compile(r"^(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def canonical(bundle: Path) -> dict[str, object]:
    """Logical file name -> content: bytes for stable files, order-free decoded data for the rest."""
    files = {path.relative_to(bundle).as_posix(): path for path in sorted(bundle.rglob("*")) if path.is_file()}
    result: dict[str, object] = {name: path.read_bytes() for name, path in files.items() if not _UNSTABLE.match(name)}
    hashes: dict[str, str] = {}  # hash in a file name -> what it stands for
    for name, path in files.items():
        if name.startswith("filter/"):
            data = _decode(path)
            hashes[Path(name).stem] = f"<filter {data[0]}>"
            result[f"filter/{data[0]}"] = _order_free(data)
    for name, path in files.items():
        if name.endswith(".pf_meta"):
            language = Path(name).stem.split(".", 1)[1]
            hashes[language] = "<meta>"
            result[f"pagefind.{language.split('_')[0]}.pf_meta"] = _order_free(_replace(_decode(path), hashes))
    if "pagefind-entry.json" in files:
        result["pagefind-entry.json"] = _order_free(_replace(json.loads(files["pagefind-entry.json"].read_text()), hashes))
    return result


def _decode(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    value, end = _cbor(data, len(_SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path}: {len(data) - end} bytes after the CBOR value")
    return value


def _replace(value: object, hashes: dict[str, str]) -> object:
    if isinstance(value, str):
        return hashes.get(value, value)
    if isinstance(value, list):
        return [_replace(item, hashes) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, hashes) for key, item in value.items()}
    return value


def _order_free(value: object) -> object:
    """Lists become sorted tuples, maps sorted tuples of pairs: equal whatever order they were written in."""
    if isinstance(value, list):
        return tuple(sorted((_order_free(item) for item in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted(((repr(key), _order_free(item)) for key, item in value.items()), key=repr))
    return value


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """One CBOR (RFC 8949) value from ``data[at:]``: what serde_cbor writes, indefinite lengths included."""
    initial = data[at]
    major, info = initial >> 5, initial & 0x1F
    at += 1
    if major == 7:
        if info == 20:
            return False, at
        if info == 21:
            return True, at
        if info in (22, 23):
            return None, at
        if info in (25, 26, 27):
            size = {25: 2, 26: 4, 27: 8}[info]
            return struct.unpack(">" + {2: "e", 4: "f", 8: "d"}[size], data[at:at + size])[0], at + size
        raise ValueError(f"CBOR simple value {info} at {at - 1}")
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument, at = int.from_bytes(data[at:at + size], "big"), at + size
    elif info == 31 and major in (2, 3, 4, 5):
        argument = None  # indefinite length, ended by 0xff
    else:
        raise ValueError(f"CBOR additional information {info} at {at - 1}")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        if argument is None:
            chunks = []
            while data[at] != 0xFF:
                chunk, at = _cbor(data, at)
                chunks.append(chunk)
            joined = b"".join(chunks) if major == 2 else "".join(chunks)
            return joined, at + 1
        raw = data[at:at + argument]
        return (raw if major == 2 else raw.decode("utf-8")), at + argument
    if major == 4:
        items = []
        while (len(items) < argument) if argument is not None else data[at] != 0xFF:
            item, at = _cbor(data, at)
            items.append(item)
        return items, at + (argument is None)
    if major == 5:
        entries = {}
        while (len(entries) < argument) if argument is not None else data[at] != 0xFF:
            key, at = _cbor(data, at)
            entries[key if isinstance(key, (str, int)) else repr(key)], at = _cbor(data, at)
        return entries, at + (argument is None)
    return _cbor(data, at)  # major 6: a tag; the tagged value is what counts
