"""What the four uploaders share when reading files from people's machines: text decoded in the code page its
maker used, a picture's size read before it is decoded, formats Pillow cannot open named, and an unforeseen
error summed up in one line for the page's message."""
from __future__ import annotations

import io
import re
import unicodedata
from itertools import islice
from pathlib import Path

from PIL import Image, UnidentifiedImageError

ENCODING_NAMES = {"utf-8": "UTF-8", "cp437": "CP437 (DOS)", "gb18030": "GBK/GB18030", "shift_jis": "Shift-JIS",
                  "cp1252": "Windows-1252"}
"""Python's names of the encodings tried, as a user knows them."""
NON_ASCII = re.compile(r"[^\x00-\x7f]")
SAMPLE = 20_000
"""Non-ASCII characters looked at to choose an encoding (a long file's first ones)."""
LATIN_SYMBOLS = set("€£¥°±µ²³×÷–—‘’“”«»§©®\xa0")
"""Non-letters a Western file often holds (units, money, quotes)."""


def _plausible(character: str, encoding: str) -> bool:
    """Whether a non-ASCII character is one the encoding's users write: CJK text for the Chinese and Japanese code
    pages (common characters only for GB18030: the GB2312 set), Latin letters for the Western ones."""
    category = unicodedata.category(character)
    if encoding == "utf-8":
        return True
    if encoding == "gb18030":
        try:
            character.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return category[0] in "LNP"
    if encoding == "shift_jis":
        return category == "Lo" and not "\uff61" <= character <= "\uff9f"  # half-width katakana: rare in names
    return character in LATIN_SYMBOLS or (category[0] == "L" and "LATIN" in unicodedata.name(character, ""))


def best_decoding(texts: list[bytes], encodings: tuple[str, ...]) -> tuple[list[str], str] | None:
    """The texts decoded with the encoding (of those that decode them all) whose non-ASCII characters are most
    often ones its users write; a tie goes to the earlier encoding.  None when none decodes them all."""
    best = None
    for encoding in encodings:
        try:
            decoded = [text.decode(encoding) for text in texts]
        except UnicodeDecodeError:
            continue
        foreign = [found.group() for text in decoded for found in islice(NON_ASCII.finditer(text), SAMPLE)][:SAMPLE]
        share = sum(_plausible(character, encoding) for character in foreign) / len(foreign) if foreign else 1.0
        if best is None or share > best[0]:
            best = (share, decoded, encoding)
        if share == 1.0:  # no later encoding can do better
            break
    return None if best is None else (best[1], best[2])


def picture_size(source: str | Path | bytes) -> tuple[int, int]:
    """A picture's width and height (a file's path, or its bytes) from its header, without decoding it, even past
    Pillow's decompression-bomb limit (Image.open refuses those before saying their size: the format's own reader
    is asked).  Pillow's errors for what is not a picture it opens."""
    def opened():
        return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")

    try:
        with Image.open(opened()) as picture:
            return picture.size
    except Image.DecompressionBombError:
        pass
    Image.init()
    with opened() as file:
        header = file.read(16)
        for name in Image.ID:
            factory, accept = Image.OPEN[name]
            if accept is None or accept(header):
                file.seek(0)
                return factory(file).size
    raise UnidentifiedImageError("no reader for this picture")


def foreign_format(data: bytes) -> str | None:
    """The name of a common picture format Pillow does not open (an iPhone's HEIC, an SVG, a PDF), or None."""
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "HEIC"
    if data.startswith(b"%PDF"):
        return "PDF"
    if b"<svg" in data[:4096].lower():
        return "SVG"
    return None


def one_line(error: BaseException) -> str:
    """An unforeseen error as one line: its type and the first line of its message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0][:200]}" if message else type(error).__name__


def refusal(name: str, error: Exception) -> tuple[str, dict]:
    """The message for a refused upload as (text key, values): a reader's own (its `key` and `values`), or, for an
    error no reader foresaw, one naming the file and the error in one line."""
    if isinstance(getattr(error, "key", None), str) and isinstance(getattr(error, "values", None), dict):
        return error.key, {"name": name, **error.values}
    return "upload.unexpected", {"name": name, "error": one_line(error)}
