"""Caption bytes to text: UTF-8 first, UTF-16/32 by their BOM, else Windows-1252.

WebVTT is UTF-8, but SRT files in the wild are also UTF-16 or UTF-32 with a byte order
mark, or Windows-1252 from old Western tools. Each guess other than UTF-8 is warned
about so the author can fix the file.
"""

from __future__ import annotations

import codecs

from captions.warning_log import WarningLog

# UTF-32-LE's BOM (FF FE 00 00) starts with UTF-16-LE's (FF FE): test it first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", ""),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_HIGH_BYTES = bytes(range(128, 256))
_LITERAL_REPLACEMENT = "\ufffd".encode()
_LINES_NAMED = 10


def decode_caption_bytes(data: bytes, log: WarningLog) -> str:
    """The text of a caption file; NUL becomes U+FFFD, as the WebVTT parser does."""
    text = _decode(data, log)
    return text.replace("\0", "\ufffd") if "\0" in text else text


def _decode(data: bytes, log: WarningLog) -> str:
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if name == "UTF-32" and not _is_utf32(body, encoding):
                continue  # a UTF-16-LE file whose first character is U+0000
            if name:
                log.add(f"the file is {name}; WebVTT files should be UTF-8")
            return _decode_marked(body, encoding, name or "UTF-8", log)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_unmarked(data, log)


def _is_utf32(body: bytes, encoding: str) -> bool:
    """UTF-32 unless it fails where UTF-16 reads the same bytes (after FF FE) fine."""
    try:
        body.decode(encoding)
        return True
    except UnicodeDecodeError:
        pass
    try:
        (b"\0\0" + body).decode("utf-16-le")
        return encoding != "utf-32-le"
    except UnicodeDecodeError:
        return True


def _decode_marked(body: bytes, encoding: str, name: str, log: WarningLog) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            return _decode_unmarked(body, log)
        log.add(f"some bytes are not valid {name}; they are shown as \ufffd")
        return body.decode(encoding, errors="replace")


def _decode_unmarked(data: bytes, log: WarningLog) -> str:
    """UTF-8 with a few bad bytes stays UTF-8; mostly-invalid UTF-8 is Windows-1252.

    The rule: count the non-ASCII characters UTF-8 decodes validly and the invalid
    sequences it replaces. When invalid sequences are the majority the file is read as
    Windows-1252 (a Western file with "é" as one byte never forms valid UTF-8, and
    with no valid sequence at all Windows-1252 loses nothing, as ASCII is the same in
    both). Otherwise it stays UTF-8, the bad bytes shown as U+FFFD, and the warning
    names the lines that hold them.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(_LITERAL_REPLACEMENT)
    ascii_count = len(data.translate(None, _HIGH_BYTES))
    valid = len(text) - ascii_count - invalid
    if invalid > valid:
        log.add("the file is not UTF-8; it was read as Windows-1252 (Western)")
        return data.decode("cp1252", errors="replace")
    lines, complete = invalid_utf8_lines(data, _LINES_NAMED)
    where = ", ".join(str(n) for n in lines)
    more = "" if complete else f" and later ones ({invalid} bad sequences in all)"
    plural = "lines" if len(lines) > 1 or not complete else "line"
    log.add(
        f"{plural} {where}{more}: bytes that are not valid UTF-8 are shown as \ufffd"
    )
    return text


def invalid_utf8_lines(data: bytes, limit: int) -> tuple[list[int], bool]:
    """The first `limit` lines holding invalid UTF-8, and whether that is all of them.

    Each strict decode runs from the last bad sequence to the next, so the scan is
    linear and stops after `limit` lines.
    """
    view = memoryview(data)
    found: list[int] = []
    position = counted_to = 0
    line = 1
    while True:
        try:
            codecs.utf_8_decode(view[position:], "strict", True)
            return found, True
        except UnicodeDecodeError as error:
            at = position + error.start
            line += _line_breaks(data, counted_to, at)
            counted_to = at
            if not found or found[-1] != line:
                if len(found) == limit:
                    return found, False
                found.append(line)
            position += error.end


def _line_breaks(data: bytes, start: int, end: int) -> int:
    """Line ends (LF, CR, CRLF) in data[start:end]."""
    crlf = data.count(b"\r\n", start, end)
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - crlf
