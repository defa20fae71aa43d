"""Attribute text encodings of Shapefiles and CSV files.

Chinese data often comes as Shapefiles in GBK without a ``.cpg`` file, which GDAL would read as
Latin-1 and turn into mojibake. A ``.cpg`` is honoured; without one the text bytes of the
``.dbf`` (column names and text values) are tried as UTF-8, then GB18030 (a superset of GBK and
GB2312).
"""

from __future__ import annotations

import codecs
import struct
from pathlib import Path

__all__ = ["EncodingGuess", "cpg_encoding", "detect_dbf_encoding", "detect_text_encoding"]

_CPG_NAMES = {
    "936": "gbk",
    "cp936": "gbk",
    "gb2312": "gbk",
    "54936": "gb18030",
    "65001": "utf-8",
    "utf8": "utf-8",
    "88591": "latin-1",
    "1252": "cp1252",
    "ansi1252": "cp1252",
    "950": "big5",
}


class EncodingGuess(tuple[str, str]):
    """An encoding name and how it was found (``cpg``, ``detected``, ``assumed``, ``given``)."""

    __slots__ = ()

    def __new__(cls, encoding: str, how: str) -> EncodingGuess:
        return super().__new__(cls, (encoding, how))

    @property
    def encoding(self) -> str:
        return self[0]

    @property
    def how(self) -> str:
        return self[1]


def cpg_encoding(cpg: Path) -> str | None:
    """Return the Python codec named by a ``.cpg`` file, or None when it names none we know."""
    raw = cpg.read_bytes().decode("ascii", errors="ignore").strip()
    key = raw.lower().replace("-", "").replace("_", "").replace(" ", "")
    name = _CPG_NAMES.get(key, raw)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _dbf_text_bytes(dbf: Path) -> bytes:
    """Return the text bytes of a .dbf: its column names and its character fields.

    Column names count too: a table whose Chinese is only in its column names (``人口``) is GBK
    just the same, and GDAL decodes the names with the table's encoding.
    """
    data = dbf.read_bytes()
    if len(data) < 32:
        return b""
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[int, int]] = []
    out = bytearray()
    offset = 1
    pos = 32
    while pos + 32 <= min(header_len, len(data)) and data[pos] != 0x0D:
        out += data[pos : pos + 11].split(b"\x00", 1)[0] + b"\n"
        ftype = chr(data[pos + 11])
        flen = data[pos + 16]
        if ftype in "CM":
            fields.append((offset, flen))
        offset += flen
        pos += 32
    for i in range(n_records):
        start = header_len + i * record_len
        record = data[start : start + record_len]
        for off, flen in fields:
            out += record[off : off + flen].rstrip(b" \x00") + b"\n"
    return bytes(out)


def detect_dbf_encoding(shp: Path) -> EncodingGuess:
    """Find the attribute encoding of the Shapefile ``shp``.

    Returns
    -------
    EncodingGuess
        ``(codec, "cpg")`` when a readable ``.cpg`` exists, ``(codec, "detected")`` when the text
        decodes as UTF-8 or GB18030, ``("cp1252", "assumed")`` otherwise. Pure ASCII gives UTF-8.
    """
    cpg = shp.with_suffix(".cpg")
    if not cpg.exists():
        cpg = shp.with_suffix(".CPG")
    if cpg.exists():
        found = cpg_encoding(cpg)
        if found:
            return EncodingGuess(found, "cpg")
    dbf = shp.with_suffix(".dbf")
    if not dbf.exists():
        dbf = shp.with_suffix(".DBF")
    if not dbf.exists():
        return EncodingGuess("utf-8", "assumed")
    return EncodingGuess(*_guess(_dbf_text_bytes(dbf)))


def detect_text_encoding(path: Path) -> EncodingGuess:
    """Find the encoding of a text file (CSV): UTF-8 (with or without BOM) or GB18030."""
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8-sig", "detected")
    return EncodingGuess(*_guess(data))


def _guess(data: bytes) -> tuple[str, str]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", "detected"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return "cp1252", "assumed"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "gb18030", "detected"
    return "cp1252", "assumed"
