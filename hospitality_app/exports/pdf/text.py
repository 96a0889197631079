"""All user text reaches ReportLab through `markup`: escaped (so `<b>` or `&` stay text), shaped
and reordered when it is Arabic, and split into runs of the first bundled font that has each
character (DejaVu Sans for Latin, Cyrillic and Arabic; Waree for Thai; WenQuanYi Micro Hei for
Chinese and Korean, and IPAex Gothic for the Chinese characters and kana of a Japanese document).

A Japanese reader knows the Chinese forms of many kanji (直, 骨, 写) as foreign: in a document
`written_in` Japanese, a run of CJK characters that the Japanese font has entirely is set in it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from itertools import groupby
from xml.sax.saxutils import escape

from hospitality_app.exports.pdf.copied_text import MIRROR

LATIN, LATIN_BOLD, CJK, CJK_BOLD = "HospSans", "HospSans-Bold", "HospCJK", "HospCJK-Bold"
THAI, THAI_BOLD = "HospThai", "HospThai-Bold"
JAPANESE, JAPANESE_BOLD = "HospJapanese", "HospJapanese-Bold"
SYNTHETIC_BOLDS = {CJK: CJK_BOLD, JAPANESE: JAPANESE_BOLD}  # CJK faces have no bold: drawn thicker
_BOLD = {LATIN: LATIN_BOLD, THAI: THAI_BOLD, **SYNTHETIC_BOLDS}
_LANGUAGE: ContextVar[str] = ContextVar("document_language", default="en")
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


@cache
def register_fonts() -> None:
    """Register the bundled TrueType fonts once per process (they are embedded and subset)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from hospitality_app.resources import resource

    def path(name: str) -> str:
        return str(resource("fonts", name))

    pdfmetrics.registerFont(TTFont(LATIN, path("DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(LATIN_BOLD, path("DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(CJK, path("wqy-microhei.ttc"), subfontIndex=0))
    from hospitality_app.exports.pdf import synthetic_bold

    synthetic_bold.register(CJK, CJK_BOLD)
    from hospitality_app.exports.pdf import copied_text

    for name in (LATIN, LATIN_BOLD):  # Arabic is drawn in presentation forms: copied as its letters
        copied_text.copy_as(name, copied_text.arabic_forms(name))
        copied_text.copy_as(name, copied_text.mirror_images(name))
    _map_bold(LATIN, LATIN_BOLD)
    _map_bold(CJK, CJK_BOLD)


def _map_bold(regular: str, bold: str) -> None:
    """<b> in `regular` text sets it in `bold` (no italics: the fonts have none)."""
    from reportlab.lib.fonts import addMapping

    for is_bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(regular, is_bold, italic, bold if is_bold else regular)


@cache
def _cjk_has() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(CJK).face.charToGlyph)


@cache
def _thai_has() -> frozenset[int]:
    """The characters of the Thai font, registered (and its shaping set up) when first needed:
    a document without Thai does not pay for it (a cold `letter` command counts every font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from hospitality_app.exports.pdf import copied_text, shaping
    from hospitality_app.resources import resource

    register_fonts()
    pdfmetrics.registerFont(TTFont(THAI, str(resource("fonts", "Waree.ttf"))))
    pdfmetrics.registerFont(TTFont(THAI_BOLD, str(resource("fonts", "Waree-Bold.ttf"))))
    _map_bold(THAI, THAI_BOLD)
    if shaping.available():
        shaping.prepare((LATIN, LATIN_BOLD, THAI, THAI_BOLD))
        shaping.narrow_no_break_spaces((THAI, THAI_BOLD))
        for name in (THAI, THAI_BOLD):
            copied_text.copy_as(name, {code: chr(base) for code, base in shaping.variants_of(name).items()})
    return frozenset(pdfmetrics.getFont(THAI).face.charToGlyph)


@contextmanager
def written_in(language: str) -> Iterator[None]:
    """Text set meanwhile (in this thread) is in a document in `language` (a Babel locale)."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@cache
def _japanese_has() -> frozenset[int]:
    """The characters of the Japanese font, registered when first needed (6 MB to read)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from hospitality_app.exports.pdf import synthetic_bold
    from hospitality_app.resources import resource

    register_fonts()
    pdfmetrics.registerFont(TTFont(JAPANESE, str(resource("fonts", "ipaexg.ttf"))))
    synthetic_bold.register(JAPANESE, JAPANESE_BOLD)
    _map_bold(JAPANESE, JAPANESE_BOLD)
    return frozenset(pdfmetrics.getFont(JAPANESE).face.charToGlyph)


def has_thai(text: str) -> bool:
    """Whether some of `text` is Thai (printed in Waree, and shaped: its marks stack)."""
    return any(is_thai(ch) for ch in text or "")


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@cache
def _latin_has() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(LATIN).face.charToGlyph)


def has_cjk(text: str) -> bool:
    """Whether some of `text` needs the Chinese font (Chinese, Japanese, Korean, their punctuation)."""
    has = _latin_has()
    return any(ord(ch) not in has and not ch.isspace() and not is_thai(ch) for ch in text or "")


def is_rtl(text: str) -> bool:
    return bool(ARABIC.search(text or ""))


@cache
def _reshaper():
    """Arabic joined into the presentation forms the bundled font has, vowel marks kept. The
    reshaper's default also makes ligatures such as "الله" (U+FDF2) that DejaVu Sans lacks:
    the name عبد الله lost its second word. Only ligatures the font draws are made."""
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LIGATURES

    has = _latin_has()
    drawn = {name: all(ord(ch) in has for form in forms for ch in form) for name, (_letters, forms) in LIGATURES}
    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True, **drawn})


def printable(text: str) -> str:
    """`text` with each character no bundled font has replaced by its compatibility equivalent
    when the fonts have that ("﷼" → "ریال", "ﬁ" → "fi"): nothing a client wrote is left blank."""
    fonts = (_latin_has(), _cjk_has(), _thai_has() if has_thai(text) else frozenset())

    def drawn(ch: str) -> bool:
        return ch in "\n\t" or any(ord(ch) in font for font in fonts)

    if all(drawn(ch) for ch in text):
        return text
    out = []
    for ch in text:
        if not drawn(ch):
            plain = unicodedata.normalize("NFKC", ch)
            if plain != ch and all(drawn(c) for c in plain):
                ch = plain
        out.append(ch)
    return "".join(out)


def visual(text: str) -> str:
    """Arabic letters (of text already `printable`) joined into presentation forms and the line
    put in display order; other text is returned as it is. Lines are handled one by one so that
    line breaks keep their order."""
    if not is_rtl(text):
        return text
    reshape = _reshaper().reshape
    direction = base_direction(text)  # one direction for the paragraph's lines, as rtl_lines
    return "\n".join(display(reshape(line), direction) for line in text.split("\n"))


def display(line: str, direction: str) -> str:
    """`line` in display order (UAX #9, by python-bidi's steps) for a paragraph of `direction`
    ("L" or "R"). A character drawn for its mirror image (rule L4: "(" on a right-to-left run is
    drawn as ")") is given as its stand-in (copied_text.MIRROR), which copies as written."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = uba.PARAGRAPH_LEVELS[direction]
    storage["base_dir"] = direction
    uba.get_embedding_levels(line, storage)
    for step in (
        uba.explicit_embed_and_overrides,
        uba.resolve_weak_types,
        uba.resolve_neutral_types,
        uba.resolve_implicit_levels,
        uba.reorder_resolved_levels,
    ):
        step(storage, False)
    mirrored, latin = uba.MIRRORED, _latin_has()

    def drawn(ch: str) -> str:
        glyph = mirrored[ch]
        # Stand-ins are the Latin font's; a bracket only the Chinese font has ("「") is drawn as is.
        return chr(MIRROR + ord(glyph)) if MIRROR + ord(glyph) in latin else glyph

    return "".join(drawn(ch["ch"]) if ch["level"] % 2 and ch["ch"] in mirrored else ch["ch"] for ch in storage["chars"])


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of `text` in points, measuring each run in the font that prints it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, _BOLD[font] if bold else font, size) for run, font in runs(text))


def rtl_lines(text: str, available: float, size: float, *, bold: bool = False) -> list[str]:
    """Right-to-left text broken into lines that fit, in display order. The breaking happens in
    logical order, before reordering: get_display on a whole paragraph would put the first words
    of a sentence on its last line."""
    lines: list[tuple[str, str]] = []  # (the line, its paragraph's direction)
    for logical in printable(text).split("\n"):
        # The direction is the paragraph's (its first strong letter, UAX #9 P2), not each line's:
        # a wrapped line that began with "Co., Ltd." was laid out left to right.
        direction = base_direction(logical)
        shaped = _reshaper().reshape(logical)
        current = ""
        for word in shaped.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and width(candidate, size, bold=bold) > available:
                lines.append((current, direction))
                current = word
            else:
                current = candidate
        lines.append((current, direction))
    return [display(line, direction) for line, direction in lines]


def base_direction(text: str) -> str:
    """ "R" when the first letter with a direction is right-to-left, else "L"."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "R"


def markup(text: str, *, bold: bool = False, is_visual: bool = False) -> str:
    """Paragraph markup for user text: never interpreted, always in a font that has the glyphs."""
    text = (text or "") if is_visual else visual(printable(text or ""))
    return "".join(_run(run, font, bold) for run, font in runs(text))


def runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into runs, each with the (regular) font that prints it."""
    has = _latin_has()
    # Thai text is shaped word by word, each word in the font of its first letter: its Latin
    # letters and punctuation ("คุณSiti", "ค.ศ.") are printed in the Thai font too, which has them.
    thai_first = has_thai(text)
    thai = _thai_has() if thai_first else frozenset()
    fonts = []
    for ch in text:
        if thai_first and ord(ch) in thai and ch not in "\n\t ":
            fonts.append(THAI)
        else:
            fonts.append(LATIN if (ord(ch) in has or ch in "\n\t ") else THAI if ord(ch) in thai else CJK)
    # Quotation marks, dashes and ellipses beside Chinese or Japanese are the CJK font's, full
    # width ("“定制印刷”", "——"); the Latin font's narrow ones looked foreign there. Korean
    # sets them proportional, as the Latin font has them.
    for match in _SHARED_PUNCTUATION.finditer(text):
        start, end = match.span()
        beside = [i for i in (start - 1, end) if 0 <= i < len(text)]
        if any(fonts[i] == CJK and not _HANGUL.match(text[i]) for i in beside):
            fonts[start:end] = [CJK] * (end - start)
    out, at = [], 0
    for font, group in groupby(fonts):
        length = len(list(group))
        out.append((text[at : at + length], font))
        at += length
    return _in_japanese(out) if _LANGUAGE.get().startswith("ja") else out


_SHARED_PUNCTUATION = re.compile("[“”‘’—…]+")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_HAN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)")


def _in_japanese(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The CJK runs set in the Japanese font where it has them, character by character, but a
    word of Chinese characters in one face: the Chinese "厦门" (门 is not Japanese) is not set
    half in each."""
    has = _japanese_has()
    out: list[tuple[str, str]] = []
    for run, font in runs:
        # _HAN.split gives the words of Chinese characters at odd places, what is between at even ones.
        split = enumerate(_HAN.split(run)) if font == CJK else [(1, run)]
        parts = [(part, font) for n, text in split for part in ((text,) if n % 2 else text)]
        for part, part_font in parts:
            if part_font == CJK and has.issuperset(map(ord, part)):
                part_font = JAPANESE
            if out and out[-1][1] == part_font:
                out[-1] = (out[-1][0] + part, part_font)
            else:
                out.append((part, part_font))
    return out


def _run(text: str, font: str, bold: bool) -> str:
    body = escape(text).replace("\n", "<br/>")
    if font == LATIN:
        return f"<b>{body}</b>" if bold else body
    return f'<font name="{_BOLD[font] if bold else font}">{body}</font>'
