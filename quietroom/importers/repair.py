"""Repair what Squarespace writes into XML, streaming: bare ampersands, HTML named entities."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.entities import html5  # the full HTML5 list of named references (standard library)
from typing import BinaryIO

CHUNK = 64 * 1024
# Longer than any token the scan must see whole: "&" + a name of up to 32 letters + ";",
# or "<![CDATA[". The last HOLD_BACK bytes of a chunk wait for the next one.
HOLD_BACK = 64
# An entity reference is "&" + up to 32 letters and digits + ";" (the longest HTML5 name has
# 31), or a numeric one. An "&" that starts neither is text, written bare: it is escaped.
REFERENCE = re.compile(rb"&(?:#[0-9]{1,10};|#[xX][0-9a-fA-F]{1,8};|([A-Za-z][A-Za-z0-9]{0,31});)?")
XML_NAMES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
# The same grammar for the bulk of the file, where no position is needed: an "&" that starts
# no reference, and a named reference.
BARE = re.compile(rb"&(?!#[0-9]{1,10};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)")
NAMED = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
# Each HTML5 name as numeric references to its characters; XML's own names as they are.
DECODED = {
    name[:-1].encode(): "".join(f"&#{ord(c)};" for c in text).encode()
    for name, text in html5.items()
    if name.endswith(";")
} | {name: b"&" + name + b";" for name in XML_NAMES}
# Where the scan changes state. "<!" followed by anything else starts a DTD (or is broken):
# from there the file goes to the parser untouched, and the defused parser refuses it.
MARKUP = re.compile(rb"<!\[CDATA\[|<!--|<\?|<!")
SECTION_ENDS = {b"<![CDATA[": b"]]>", b"<!--": b"-->", b"<?": b"?>"}
PASS = b"pass"
# UTF-16 and UTF-32 are not ASCII-compatible: such a file is left to the parser as it is.
WIDE_STARTS = (b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff", b"\x00<", b"<\x00")
DECLARED_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([\w.-]+)")
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


@dataclass
class Repairs:
    """What the repair pass changed, and where the first change was in the original file
    (line from 1, column from 0, in characters: as the parser's own messages count)."""

    escaped: int = 0
    decoded: int = 0
    line: int = 0
    column: int = 0
    unknown: str = ""  # the first &name; that HTML does not define, left for the parser to refuse

    @property
    def total(self) -> int:
        return self.escaped + self.decoded


class LineCounter:
    """Line and column reached in a byte stream, counted as expat counts them: \\n, \\r\\n
    and \\r each end a line; a column is a character (UTF-8 unless declared otherwise)."""

    def __init__(self):
        self.line, self.column, self.utf8, self._after_cr = 1, 0, True, False

    def advance(self, data: bytes) -> None:
        if not data:
            return
        breaks = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
        if self._after_cr and data[:1] == b"\n":
            breaks -= 1
        self._after_cr = data[-1:] == b"\r"
        last = max(data.rfind(b"\n"), data.rfind(b"\r"))
        tail = data[last + 1 :]
        width = len(tail.translate(None, CONTINUATION_BYTES)) if self.utf8 else len(tail)
        if last < 0:
            self.column += width
        else:
            self.line += breaks
            self.column = width


class Repairer:
    """The repair pass as a state machine over chunks of the original file.

    Outside CDATA sections, comments and processing instructions, a bare "&" becomes
    "&amp;" and an HTML named entity becomes numeric character references (so no line
    break is ever added or removed, and no character can end an attribute early). The
    XML entities and numeric references are kept as written; a name HTML does not define
    is kept too, for the parser to refuse at its place. `on_repair(line, column, old,
    new)`, when given, hears of every repair with its original position and lengths.
    """

    def __init__(self, on_repair: Callable[[int, int, int, int], None] | None = None):
        self.repairs = Repairs()
        self.lines = LineCounter()
        self.on_repair = on_repair
        self.tracking = True  # positions are counted until the first repair, or always
        self.mode: bytes | None = None  # None until the start is seen; b"" outside markup
        self.carry = b""
        self._buffer = b""
        self._counted = 0  # how much of the buffer the line counter has seen
        self._final = False

    def feed(self, data: bytes, final: bool = False) -> bytes:
        """The repaired bytes for `data`, less a short tail kept until the next call."""
        buffer = self.carry + data
        if self.mode is None:
            if len(buffer) < 256 and not final:
                self.carry = buffer
                return b""
            self._start(buffer)
        limit = len(buffer) if final else max(0, len(buffer) - HOLD_BACK)
        self._buffer, self._counted, self._final = buffer, 0, final
        pieces: list[bytes] = []
        position = 0
        while position < limit:
            done = self._step(buffer, position, limit, pieces)
            if done == position:
                break
            position = done
        if self.tracking:
            self.lines.advance(buffer[self._counted : position])
        self.carry = buffer[position:]
        self._buffer = b""
        return b"".join(pieces)

    def _start(self, buffer: bytes) -> None:
        self.mode = PASS if buffer.startswith(WIDE_STARTS) else b""
        declared = DECLARED_ENCODING.match(buffer)
        if declared and declared.group(1).lower() not in {b"utf-8", b"utf8"}:
            self.lines.utf8 = False

    def _step(self, buffer: bytes, position: int, limit: int, pieces: list[bytes]) -> int:
        """Handle the buffer from `position`; return how far it got."""
        if self.mode == PASS:
            pieces.append(buffer[position:])
            self.tracking = False
            return len(buffer)
        if self.mode:
            end = buffer.find(self.mode, position)
            done = end + len(self.mode) if end >= 0 else max(position, limit)
            if end >= 0:
                self.mode = b""
            pieces.append(buffer[position:done])
            return done
        marker = MARKUP.search(buffer, position)
        if marker and marker.start() < limit:
            pieces.append(self._repair(buffer, position, marker.start()))
            token = marker.group()
            self.mode = SECTION_ENDS.get(token, PASS)
            pieces.append(token)
            return marker.end()
        # A reference that may run past the limit waits for the next chunk.
        cut = -1 if self._final else buffer.rfind(b"&", max(position, limit - HOLD_BACK), limit)
        end = cut if cut >= 0 else limit
        pieces.append(self._repair(buffer, position, end))
        return end

    def _repair(self, buffer: bytes, start: int, end: int) -> bytes:
        if buffer.find(b"&", start, end) < 0:
            return buffer[start:end]
        if self.tracking:  # one reference at a time, to know where each repair is
            return REFERENCE.sub(lambda found: self._replace(found, start), buffer[start:end])
        # In bulk, as fast as the regular expression engine goes: a Python call for every
        # repair made a 50 MB export take minutes.
        text, escaped = BARE.subn(b"&amp;", buffer[start:end])
        pieces = NAMED.split(text)
        names = pieces[1::2]
        found = [DECODED.get(name) for name in names]
        kept = found.count(None) + sum(text.count(b"&%s;" % name) for name in XML_NAMES)
        if None in found:
            pairs = zip(names, found, strict=True)
            found = [self._unknown(name) if f is None else f for name, f in pairs]
        self.repairs.escaped += escaped
        self.repairs.decoded += len(names) - kept
        pieces[1::2] = found
        return b"".join(pieces)

    def _unknown(self, name: bytes) -> bytes:
        """An &name; HTML does not define, kept for the parser to refuse."""
        if not self.repairs.unknown:
            self.repairs.unknown = f"&{name.decode()};"
        return b"&" + name + b";"

    def _replace(self, found: re.Match, offset: int) -> bytes:
        reference = found.group()
        name = found.group(1)
        if reference == b"&":
            replacement, kind = b"&amp;", "escaped"
        elif name is None or name in XML_NAMES:
            return reference
        elif name in DECODED:
            replacement, kind = DECODED[name], "decoded"
        else:
            return self._unknown(name)
        setattr(self.repairs, kind, getattr(self.repairs, kind) + 1)
        if self.tracking:
            self._note(offset + found.start(), len(reference), len(replacement))
        return replacement

    def _note(self, at: int, old: int, new: int) -> None:
        self.lines.advance(self._buffer[self._counted : at])
        self._counted = at
        line, column = self.lines.line, self.lines.column
        if self.repairs.total == 1:
            self.repairs.line, self.repairs.column = line, column
        if self.on_repair:
            self.on_repair(line, column, old, new)
        else:
            self.tracking = False


class RepairingReader:
    """A binary file reading `source` through the repair pass, a chunk at a time, so memory
    stays flat however large the file."""

    def __init__(self, source: BinaryIO):
        self.source = source
        self.repairer = Repairer()
        self.pending = bytearray()
        self.finished = False

    @property
    def repairs(self) -> Repairs:
        return self.repairer.repairs

    def read(self, size: int = -1) -> bytes:
        while not self.finished and (size < 0 or len(self.pending) < size):
            data = self.source.read(CHUNK)
            self.finished = not data
            self.pending += self.repairer.feed(data, final=self.finished)
        size = len(self.pending) if size < 0 else size
        data = bytes(self.pending[:size])
        del self.pending[:size]
        return data


def original_column(source: BinaryIO, line: int, column: int) -> int:
    """Where `column` of `line` in the repaired text was in the original `source`.

    Repairs never change lines, so only the column moves: the file is read again from
    the start (this happens once, when the parser has stopped at an error) and the
    repairs before the column on that line are undone. Memory stays flat.
    """
    delta, found = 0, None

    def note(at_line: int, at_column: int, old: int, new: int) -> None:
        nonlocal delta, found
        if at_line != line or found is not None:
            return
        start = at_column + delta  # where this repair begins in the repaired line
        if column < start + new:
            found = at_column if column >= start else column - delta
            return
        delta += new - old

    repairer = Repairer(on_repair=note)
    source.seek(0)
    while found is None and repairer.lines.line <= line:
        data = source.read(CHUNK)
        repairer.feed(data, final=not data)
        if not data:
            break
    return found if found is not None else column - delta
