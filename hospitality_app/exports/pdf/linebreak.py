"""Line breaking by ICU (UAX #14, with its dictionaries for Thai) for paragraphs with Chinese,
Japanese, Korean or Thai text.

ReportLab's own wrapping breaks Chinese between any two characters, so a line could start with
"，" or "。" and end with "（"; its CJK mode keeps back only a few Japanese marks. Here a line
breaks only where UAX #14 allows (never before closing punctuation, never after opening
punctuation, between Latin words only at spaces), and at the last such place that fits.

Thai writes no spaces between words, and ReportLab breaks only at spaces: a phrase wider than
the line was cut between any two letters ("ภา|ยใน"), and a narrower one left the line before it
half empty. ICU finds the words, and each becomes a word of its own that ReportLab sets next to
the following one without a space."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    ParaLines,
    _getFragWords,
    _HSFrag,
    _processed_frags,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

from hospitality_app.exports.pdf.text import is_thai


class UnicodeParagraph(Paragraph):
    """A Paragraph whose lines break where UAX #14 allows. Its style needs wordWrap="CJK" (the
    line-building path that measures character by character, which this replaces)."""

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the rest of a paragraph split across pages: already broken
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(self.frags, maxWidths, auto not in ("", "off"))


def split_lines(frags, max_widths, calc_bounds: bool) -> ParaLines:
    """The frags in lines no wider than `max_widths`, each ending where UAX #14 allows."""
    glyphs: list[cjkU] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if text:
            glyphs.extend(cjkU(ch, frag, "utf8") for ch in text)
        else:  # a forced line break (<br/>) or an image: one glyph of its own
            glyphs.append(cjkU("", frag, "utf8"))
    # Where each glyph starts in the text (a forced break's glyph has no character).
    offsets: list[int] = []
    at = 0
    for g in glyphs:
        offsets.append(at)
        at += len(g)
    allowed = breaks("".join(glyphs))
    may_break = {i for i, offset in enumerate(offsets) if offset in allowed and glyphs[i]}
    lines: list = []
    start = used = 0
    i = 0
    while i < len(glyphs):
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        g = glyphs[i]
        if hasattr(g.frag, "lineBreak"):
            lines.append(makeCJKParaLine(glyphs[start : i + 1], limit, used, limit - used, True, calc_bounds))
            start, used, i = i + 1, 0, i + 1
            continue
        if used + g.width > limit + _FUZZ and i > start:
            # Back to the last place a line may end; a unit wider than the line is cut where it fills it.
            end = next((b for b in range(i, start, -1) if b in may_break), i)
            width = sum(x.width for x in glyphs[start:end])
            lines.append(makeCJKParaLine(glyphs[start:end], limit, width, limit - width, False, calc_bounds))
            start, used, i = end, 0, end
            while i < len(glyphs) and str(glyphs[i]) == " ":  # a space at a break is not carried over
                i += 1
                start = i
            continue
        used += g.width
        i += 1
    if start < len(glyphs):
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append(makeCJKParaLine(glyphs[start:], limit, used, limit - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class ThaiParagraph(Paragraph):
    """A Paragraph whose Thai breaks between words (and, as ever, at spaces). Its words are
    shaped by HarfBuzz one by one when its style asks for shaping: a Thai word is one cluster of
    syllables, so no mark is cut from its letter."""

    frags: list

    def breakLines(self, width):
        # The words cut at Thai word boundaries replace the frags for good: ReportLab splits a
        # paragraph across pages by indexes into them, and given the frags again it rebuilt the
        # rest with a space at the end of each line ("ทั้งสอง ฝ่ายจะ").
        if not _processed_frags(self.frags):
            first = width[0] if isinstance(width, list | tuple) else width
            self.frags = [piece for word in _getFragWords(self.frags, first) for piece in thai_words(word)]
        return super().breakLines(width)


def thai_words(word: list) -> list:
    """A ReportLab word ([width, (frag, text), ...]) cut where a line may break inside its Thai.
    The pieces but the last are plain lists, which ReportLab joins to what follows without a
    space; the last keeps the word's kind (followed by a space or not)."""
    if type(word) not in (list, _HSFrag) or any(not text for _frag, text in word[1:]):
        return [word]  # an image, a forced break or a word ReportLab already split
    text = "".join(text for _frag, text in word[1:])
    cuts = sorted(b for b in breaks(text) if 0 < b < len(text) and (is_thai(text[b - 1]) or is_thai(text[b])))
    if not cuts:
        return [word]
    pieces: list = []
    current: list = []
    at = 0
    for frag, part in word[1:]:
        start = at
        at += len(part)
        for cut in [c for c in cuts if start < c < at] + [at]:
            current.append((frag, part[: cut - start]))
            part, start = part[cut - start :], cut
            if cut in cuts:
                pieces.append(_word(current, list))
                current = []
    pieces.append(_word(current, type(word)))
    return pieces


def _word(parts: list, kind: type) -> list:
    return kind([sum(stringWidth(text, frag.fontName, frag.fontSize) for frag, text in parts), *parts])


@lru_cache(maxsize=4096)
def breaks(text: str) -> frozenset[int]:
    """The positions in `text` where a line may start (UAX #14's break opportunities, and
    between Thai words), with Korean kept whole between spaces as Korean typesetting does (CSS's
    word-break: keep-all): UAX #14 alone would break "감사드립니다" between any two syllables."""
    from icu4py.breakers import LineBreaker

    starts = [start for start, _end in LineBreaker(text, "th" if any(map(is_thai, text)) else "zh").segments()]
    if any(ord(ch) > 0xFFFF for ch in text):
        # ICU counts in UTF-16 units: after an emoji or a rare Chinese character (𠮷), two to a
        # character, every break fell a place too far.
        at = [i for i, ch in enumerate(text) for _unit in range(2 if ord(ch) > 0xFFFF else 1)] + [len(text)]
        starts = [at[start] for start in starts]
    return frozenset(b for b in {0, len(text), *starts} if not _inside_korean_word(text, b))


def _inside_korean_word(text: str, b: int) -> bool:
    """A break touching Hangul that is not at a space: between syllables, or between a Latin
    name and its particle ("Co., Ltd.까지")."""
    return 0 < b < len(text) and (_hangul(text[b - 1]) or _hangul(text[b])) and not text[b - 1].isspace()


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
