"""Normalise temporal expressions ("February 27 and 28", "fall 2018", "the early 1960s",
"eight months later") to calendar intervals at the precision the text gives.

Pure functions, no spaCy. Every value returned is a valid calendar date (checked
with ``datetime``); what cannot be resolved gives None rather than a guess.

Reference times: *anaphoric* expressions ("the following year", "that summer",
"two years later", a month without a year) count from ``anchor``, the last date
the text mentioned, falling back to the document date. *Deictic* expressions
("this summer", "last year", "next month", "three years ago", "today") count
from the time of writing, i.e. the document date, falling back to the anchor:
in a 2019 article "this summer" is summer 2019 even right after a sentence
about 2017.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .model import TimeValue

__all__ = ["Interval", "normalize", "counted_from_last", "to_xsd", "from_iso"]


@dataclass(frozen=True)
class Interval:
    """A point (``end is None``) or a span from ``start`` to ``end``, both inclusive at their precision."""

    start: TimeValue
    end: TimeValue | None = None


# --------------------------------------------------------------------------- public API


@lru_cache(maxsize=4096)  # pure: a text names the same years again and again at the same anchor
def normalize(expression: str, anchor: TimeValue | None, document_date: TimeValue | None, *,
              ahead: bool = False) -> Interval | None:
    """The interval an expression denotes, or None when it is not a (resolvable) date. ``ahead``: the expression
    dates what is still to come ("will meet on Tuesday"), so a bare weekday is the next one, not the last."""
    ctx = _Ctx(_valid_or_none(anchor), _valid_or_none(document_date), ahead=ahead)
    text = _prepare(expression)
    if not text:
        return None
    return _parse(text, ctx) or _parse_range(text, ctx)


def counted_from_last(expression: str) -> bool:
    """Whether the expression counts from the date just mentioned ("one year later", "the month before"), which
    may be one the same sentence gives a moment earlier ("the collapse of communism in 1989, the unification of
    Germany one year later")."""
    return bool(_COUNTED_FROM_LAST.fullmatch(_prepare(expression)))


def to_xsd(value: TimeValue) -> tuple[str, str]:
    """(lexical form, xsd datatype local name) for a TimeValue: 'date', 'gYearMonth' or 'gYear'."""
    if _parts(value) is None:
        raise ValueError(f"not a valid {value.precision} value: {value.iso!r}")
    return value.iso, _XSD_TYPES[value.precision]


def from_iso(iso: str) -> TimeValue:
    """A TimeValue from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (e.g. Document.published)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
    value = _make(*(int(g) if g else None for g in match.groups())) if match else None
    if value is None:
        raise ValueError(f"not an ISO 8601 calendar value: {iso!r}")
    return value


# --------------------------------------------------------------------------- calendar values

_XSD_TYPES = {"day": "date", "month": "gYearMonth", "year": "gYear"}
_Parts = tuple[int, "int | None", "int | None"]


def _make(year: int, month: int | None = None, day: int | None = None) -> TimeValue | None:
    """A TimeValue, or None for anything the calendar does not have (Feb 30, month 13, year 0)."""
    if day is not None and month is None:
        return None
    try:
        # Explicit None checks: month 0 or day 0 must fail, not fall back to 1.
        _dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except (ValueError, OverflowError, TypeError):
        return None
    if day is not None:
        return TimeValue(f"{year:04d}-{month:02d}-{day:02d}", "day")
    if month is not None:
        return TimeValue(f"{year:04d}-{month:02d}", "month")
    return TimeValue(f"{year:04d}", "year")


def _parts(value: TimeValue | None) -> _Parts | None:
    """(year, month, day) of a well-formed TimeValue whose iso matches its precision."""
    if value is None:
        return None
    patterns = {"year": r"(\d{4})", "month": r"(\d{4})-(\d{2})", "day": r"(\d{4})-(\d{2})-(\d{2})"}
    match = re.fullmatch(patterns.get(value.precision, "(?!)"), value.iso or "")
    if not match:
        return None
    numbers = [int(g) for g in match.groups()] + [None] * (3 - len(match.groups()))
    return tuple(numbers) if _make(*numbers) == value else None  # type: ignore[return-value]


def _valid_or_none(value: TimeValue | None) -> TimeValue | None:
    return value if _parts(value) is not None else None


def _first_day(value: TimeValue) -> _dt.date:
    year, month, day = _parts(value)  # type: ignore[misc]
    return _dt.date(year, month or 1, day or 1)


def _last_day(value: TimeValue) -> _dt.date:
    year, month, day = _parts(value)  # type: ignore[misc]
    if month is None:
        return _dt.date(year, 12, 31)
    return _dt.date(year, month, day or calendar.monthrange(year, month)[1])


def _point(value: TimeValue | None) -> Interval | None:
    return Interval(value) if value is not None else None


def _span(start: TimeValue | None, end: TimeValue | None) -> Interval | None:
    """An interval, or None when a side is missing or the end comes before the start."""
    if start is None or end is None or _last_day(end) < _first_day(start):
        return None
    return Interval(start, end)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Ctx:
    anchor: TimeValue | None
    doc: TimeValue | None
    year_hint: int | None = None  # the year the other side of a range gave ("between March and May 2019")
    ahead: bool = False

    def ref(self, deictic: bool) -> _Parts | None:
        first, second = (self.doc, self.anchor) if deictic else (self.anchor, self.doc)
        return _parts(first or second)

    @property
    def bounded_by_document(self) -> bool:
        # News writes about the past: an unyeared month read from the document date is not after it.
        return self.doc is not None and (self.anchor is None or self.anchor == self.doc)


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "a couple of": 2, "a dozen": 12, "thirty": 30, "forty": 40, "fifty": 50,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_M = rf"(?P<mon>{_alternation(_MONTHS)})"
_S = rf"(?P<season>{_alternation(_SEASONS)})"
_Y = r"(?P<year>[12]\d{3})"
_D = r"(?P<day>\d{1,2})"
_N = rf"(?P<n>\d{{1,3}}|{_alternation(_NUMBERS)})"
_ORD = rf"(?P<ord>\d{{1,2}}|{_alternation(_ORDINALS)})"
_MOD = r"(?:(?P<mod>early|mid|late)(?:-| )?)"

# Words around a date that do not change it ("in", "on Wednesday", "sometime in").
_FILLER = re.compile(
    rf"^(?:(?:in|on|at|during|throughout|around|circa|c|about|approximately|roughly|since|from|"
    rf"between|of|as of|as early as|as late as|sometime in|some time in|sometime)\b ?"
    rf"|(?:{_WEEKDAYS}) (?=\S)"  # "Wednesday, March 3": the date; a weekday alone is read by ``_weekday``
    rf"|(?:earlier|later) (?=this|that|the same|in\b))"
)
_PERIOD_MODIFIER = re.compile(
    r"^(?:(?:the )?(?:early|mid|late)(?: in)?|the end of|end of|the beginning of|beginning of|the start of|start of|"
    r"the middle of|middle of|the first half of|the second half of)(?:-| )(?=\S)"
)


def _prepare(expression: str) -> str:
    """Lower case, one kind of dash, no ordinal suffixes or commas, fillers stripped."""
    text = expression.strip().lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"(\d)'s\b", r"\1s", text)
    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"[,;]|\.(?=\s|$)", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous, text = text, _FILLER.sub("", text).strip()
    return text


# --------------------------------------------------------------------------- parsing


def _parse(text: str, ctx: _Ctx) -> Interval | None:
    """One expression (not a range of two); a vague modifier ("early June") is dropped as a last resort."""
    for parser in _PARSERS:
        result = parser(text, ctx)
        if result is not None:
            return result
    stripped = _PERIOD_MODIFIER.sub("", text)
    return _part_of_season(_parse(stripped, ctx), text) if stripped != text else None


# which month of a season an opening word picks: "late summer" is August, "early spring" March
_SEASON_PART = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def _part_of_season(found: Interval | None, text: str) -> Interval | None:
    """The month of a season its modifier names ("late summer 1962": August); other spans stay whole."""
    word = next((w for w in re.findall(r"[a-z]+", text) if w in _SEASON_PART), None)
    if found is None or found.end is None or word is None or found.start.precision != "month" \
            or found.end.precision != "month":
        return found
    (year, month), (end_year, end_month) = (map(int, v.iso.split("-")) for v in (found.start, found.end))
    if _add_months(year, month, 2) != (end_year, end_month):
        return found
    return _point(_make(*_add_months(year, month, _SEASON_PART[word])))


def _iso(text: str, ctx: _Ctx) -> Interval | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _point(_make(int(m[1]), int(m[2]), int(m[3])))
    # "2019-02" is a month, but "2011-12" in prose is a span of years.
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", text)) and int(m[2]) <= int(m[1][2:]):
        return _point(_make(int(m[1]), int(m[2])))
    return None


def _day_range(text: str, ctx: _Ctx) -> Interval | None:
    sep = r" ?(?:-|and|to|through|&) ?"
    m = (re.fullmatch(rf"{_M} (?P<d1>\d{{1,2}}){sep}(?P<d2>\d{{1,2}})(?: {_Y})?", text)
         or re.fullmatch(rf"(?:the )?(?P<d1>\d{{1,2}}){sep}(?P<d2>\d{{1,2}}) (?:of )?{_M}(?: (?:of )?{_Y})?", text))
    if not m or int(m["d1"]) >= int(m["d2"]):
        return None
    month = _MONTHS[m["mon"]]
    year = int(m["year"]) if m["year"] else _infer_year(month, int(m["d1"]), ctx)
    if year is None:
        return None
    return _span(_make(year, month, int(m["d1"])), _make(year, month, int(m["d2"])))


def _full_date(text: str, ctx: _Ctx) -> Interval | None:
    m = (re.fullmatch(rf"{_M} {_D} (?:of )?{_Y}", text)
         or re.fullmatch(rf"(?:the )?{_D} (?:of )?{_M} (?:of )?{_Y}", text))
    return _point(_make(int(m["year"]), _MONTHS[m["mon"]], int(m["day"]))) if m else None


def _month_year(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"{_M}(?: of)? {_Y}", text)
    return _point(_make(int(m["year"]), _MONTHS[m["mon"]])) if m else None


def _season_year(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"(?:the )?{_S}(?: of)? {_Y}", text)
    return _season(m["season"], int(m["year"])) if m else None


def _season(name: str, year: int) -> Interval | None:
    """Meteorological seasons; winter runs from December into the next year."""
    start = _SEASONS[name]
    end_year, end_month = _add_months(year, start, 2)
    return _span(_make(year, start), _make(end_year, end_month))


def _decade(text: str, ctx: _Ctx) -> Interval | None:
    if m := re.fullmatch(rf"(?:the )?{_MOD}?(?P<full>[12]\d{{2}}0)s", text):
        start = int(m["full"])
        # "the 1800s" means the hundred years, "the 2000s" the decade (as in common usage).
        return _sub_period(start, 100 if start % 100 == 0 and start < 2000 else 10, m["mod"])
    # Two-digit and spelled-out decades ("the '60s", "the sixties") are taken as the 1900s.
    if m := re.fullmatch(rf"(?:the )?{_MOD}?'?(?P<short>\d0)s", text):
        return _sub_period(1900 + int(m["short"]), 10, m["mod"])
    if m := re.fullmatch(rf"(?:the )?{_MOD}?(?P<word>{_alternation(_DECADE_WORDS)})", text):
        return _sub_period(1900 + _DECADE_WORDS[m["word"]], 10, m["mod"])
    return None


def _century(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"(?:the )?{_MOD}?{_ORD}(?: ?(?:and|-|to) ?(?P<ord2>\d{{1,2}}|{_alternation(_ORDINALS)}))?"
                     rf"(?:-| )centur(?:y|ies)", text)
    if not m:
        return None
    first = _ordinal(m["ord"])
    last = _ordinal(m["ord2"]) if m["ord2"] else first
    if not 1 <= first <= last <= 30:
        return None
    if first == last:
        return _sub_period((first - 1) * 100 + 1, 100, m["mod"])
    return _span(_make((first - 1) * 100 + 1), _make(last * 100))


def _ordinal(word: str) -> int:
    return int(word) if word.isdigit() else _ORDINALS[word]


def _sub_period(start: int, length: int, modifier: str | None) -> Interval | None:
    """A decade or century, or its early/mid/late part (decades 0-3, 4-6, 7-9; centuries by thirds)."""
    if modifier is None:
        return _span(_make(start), _make(start + length - 1))
    if length == 10:
        offsets = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[modifier]
    else:
        offsets = {"early": (0, 32), "mid": (33, 65), "late": (66, 99)}[modifier]
    return _span(_make(start + offsets[0]), _make(start + offsets[1]))


def _year(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"(?:the )?(?:year )?{_Y}", text)
    return _point(_make(int(m["year"]))) if m else None


def _month_day(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"{_M} {_D}", text) or re.fullmatch(rf"(?:the )?{_D} (?:of )?{_M}", text)
    if not m:
        return None
    month, day = _MONTHS[m["mon"]], int(m["day"])
    year = _infer_year(month, day, ctx)
    return _point(_make(year, month, day)) if year is not None else None


def _month(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"(?:(?P<det>this|last|next|the following|the next|the previous|that) )?{_M}", text)
    if not m:
        return None
    month = _MONTHS[m["mon"]]
    if m["det"] is None:
        year = _infer_year(month, None, ctx)
        return _point(_make(year, month)) if year is not None else None
    shift, deictic = _DETERMINERS[m["det"]]
    ref = ctx.ref(deictic)
    if ref is None:
        return None
    year = _instance_year(ref, month, month, shift)
    return _point(_make(year, month))


def _season_relative(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"(?:(?P<det>this|last|next|the following|the next|the previous|the preceding|"
                     rf"that same|that very|that|the same|the coming|the) )?{_S}", text)
    if not m:
        return None
    det = m["det"] if m["det"] not in (None, "the") else "that"  # a bare season is the anchor's
    shift, deictic = _DETERMINERS[det]
    ref = ctx.ref(deictic)
    if ref is None:
        return None
    start = _SEASONS[m["season"]]
    return _season(m["season"], _instance_year(ref, start, start + 2, shift))


def _instance_year(ref: _Parts, first_month: int, last_month: int, shift: int) -> int:
    """Year of the month/season instance that is this (0), last (-1) or next (+1) from ``ref``."""
    year, month, _ = ref
    if month is None:
        return year + shift
    here = year * 12 + month
    candidates = range(year - 2, year + 3)
    if shift < 0:  # the latest instance already over
        return max(y for y in candidates if y * 12 + last_month < here)
    if shift > 0:  # the earliest instance not yet begun
        return min(y for y in candidates if y * 12 + first_month > here)
    # "this winter" in February is the winter that began in December.
    containing = [y for y in candidates if y * 12 + first_month <= here <= y * 12 + last_month]
    return containing[0] if containing else year


# determiner -> (shift, deictic?)
_DETERMINERS = {
    "this": (0, True), "last": (-1, True), "next": (1, True), "the coming": (1, True),
    "the following": (1, False), "the next": (1, False), "the previous": (-1, False),
    "the preceding": (-1, False), "the prior": (-1, False), "that": (0, False), "the same": (0, False),
    "that same": (0, False), "that very": (0, False), "the very same": (0, False),
}
# "The following spring", "that same year" in running text: a time counted from the last one (the entity recogniser
# leaves some untagged)
ANAPHORIC = re.compile(rf"\b(?:{_alternation(d for d, (_, deictic) in _DETERMINERS.items() if not deictic)}) "
                       rf"(?:{_alternation(_SEASONS)}|year|month)\b", re.IGNORECASE)


_COUNTED_FROM_LAST = re.compile(rf"{_N} (?:day|week|month|year|decade)s? (?:later|after|earlier|before|prior)\b.*"
                                r"|(?:the|a) (?:year|month|day) (?:before|after|earlier|later)")


def _relative_unit(text: str, ctx: _Ctx) -> Interval | None:
    dets = _alternation(_DETERMINERS)
    if m := re.fullmatch(rf"(?P<det>{dets}) (?P<unit>year|month|day)", text):
        shift, deictic = _DETERMINERS[m["det"]]
        return _shift(ctx.ref(deictic), m["unit"], shift)
    # "the end of that day", "that evening", "the next morning": a part of a day is dated to the day
    if m := re.fullmatch(rf"(?:the end of (?:the|that) day|(?P<det>{dets}) (?:morning|afternoon|evening|night))",
                         text):
        shift, deictic = _DETERMINERS[m["det"]] if m["det"] else (0, False)
        return _shift(ctx.ref(deictic), "day", shift)
    if m := re.fullmatch(r"(?:the|a) (?P<unit>year|month|day) (?P<dir>before|after|earlier|later)", text):
        shift = -1 if m["dir"] in ("before", "earlier") else 1
        return _shift(ctx.ref(False), m["unit"], shift)
    days = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if text in days:
        return _shift(ctx.ref(True), "day", days[text])
    return None


def _weekday(text: str, ctx: _Ctx) -> Interval | None:
    """"On Friday" in a report of the day: the last Friday up to the time of writing (the next after it for what
    is to come), as news counts days; nothing when that time is not known to the day, or the story has moved
    away from it (a history's "on Friday" counts from its own time, which a weekday alone does not fix)."""
    now, story = _parts(ctx.doc), _parts(ctx.anchor)
    if text not in _WEEKDAY_NUMBERS or now is None or now[2] is None:
        return None
    today = _dt.date(*now)  # type: ignore[arg-type]
    if story is not None and (story[2] is None or abs((_dt.date(*story) - today).days) > 7):  # type: ignore[arg-type]
        return None
    back = (today.weekday() - _WEEKDAY_NUMBERS[text]) % 7
    day = today + _dt.timedelta(days=(7 - back) or 7) if ctx.ahead else today - _dt.timedelta(days=back)
    return _point(_make(day.year, day.month, day.day))


_WEEKDAY_NUMBERS = {name: n for n, name in enumerate(_WEEKDAYS.split("|"))}


def _offset(text: str, ctx: _Ctx) -> Interval | None:
    m = re.fullmatch(rf"{_N} (?P<unit>day|week|month|year|decade)s? (?P<dir>later(?: on)?|after(?:wards?| that)?|"
                     rf"on|earlier|before(?:hand| that)?|prior|ago)", text)
    if not m:
        return None
    count = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
    sign = -1 if m["dir"].split()[0] in ("earlier", "before", "beforehand", "prior", "ago") else 1
    unit, count = {"week": ("day", 7 * count), "decade": ("year", 10 * count)}.get(m["unit"], (m["unit"], count))
    # "ago" counts back from the time of writing; "later"/"earlier" from the date just mentioned.
    return _shift(ctx.ref(m["dir"] == "ago"), unit, sign * count)


def _shift(ref: _Parts | None, unit: str, amount: int) -> Interval | None:
    """``ref`` moved by ``amount`` units, at the unit's precision; None when ``ref`` is too coarse."""
    if ref is None:
        return None
    year, month, day = ref
    if unit == "year":
        return _point(_make(year + amount))
    if unit == "month":
        return _point(_make(*_add_months(year, month, amount))) if month is not None else None
    if day is None:
        return None
    try:
        moved = _dt.date(year, month, day) + _dt.timedelta(days=amount)
    except OverflowError:
        return None
    return _point(_make(moved.year, moved.month, moved.day))


def _infer_year(month: int, day: int | None, ctx: _Ctx) -> int | None:
    """Year for a month (and day) written without one: the given hint, else nearest to the reference."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    if ctx.ahead and (now := ctx.ref(False)) is not None and now[1] is not None:
        # "will meet in April", told in March 2025: the April to come
        return now[0] + ((month, day or 31) < (now[1], now[2] or 1))
    ref = ctx.ref(False)
    if ref is None:
        return None
    ref_year, ref_month, ref_day = ref
    # A year-only reference stands for its middle, so any month falls in that year.
    ref_date = _dt.date(ref_year, ref_month or 7, ref_day or (15 if ref_month else 1))
    if not ctx.bounded_by_document and ref_month is None:
        return ref_year
    if not ctx.bounded_by_document:
        # a narrative moves forward, though it may step back a season: after "by March 1961", "August 4" is the
        # August that follows; after "by August 24, 1961", "on June 16" is most often the June before
        ahead = [y for y in (ref_year, ref_year + 1) if (value := _make(y, month, day)) is not None
                 and _dt.date(y, month, day or 28) >= ref_date - _dt.timedelta(days=92)]
        if ahead:
            return ahead[0]
    best: tuple[int, int] | None = None
    for year in (ref_year - 1, ref_year, ref_year + 1):
        value = _make(year, month, day)
        if value is None or (ctx.bounded_by_document and _first_day(value) > _last_day(ctx.doc)):
            continue
        distance = abs((_dt.date(year, month, day or 15) - ref_date).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


_PARSERS: tuple[Callable[[str, _Ctx], Interval | None], ...] = (
    _iso, _day_range, _full_date, _month_year, _season_year, _decade, _century, _year,
    _month_day, _month, _season_relative, _relative_unit, _weekday, _offset,
)


# --------------------------------------------------------------------------- ranges

_RANGE_SEPARATOR = re.compile(r"-| to | through | thru | until | till | and | & ")
_HAS_YEAR = re.compile(r"\d{3}|centur|\d0s|'\d0s")


def _parse_range(text: str, ctx: _Ctx) -> Interval | None:
    """'1993-2001', 'from 1993 to 2001', 'between March and May 2019': the first split whose sides both parse."""
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[:separator.start()].strip(), text[separator.end():].strip()
        if left and right:
            result = _range(left, _expand_short_year(left, right), ctx)
            if result is not None:
                return result
    return None


def _expand_short_year(left: str, right: str) -> str:
    """'1993-94' -> right side '1994' (the century of the left year; rolls over only as in '1999-00')."""
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{2}", right):
        year = int(left[:2]) * 100 + int(right)
        if year <= int(left):
            year += 100
        # A short year is a span of a few years; "2019-13" is not 2019-2113.
        return str(year) if year - int(left) <= 10 else right
    return right


def _range(left: str, right: str, ctx: _Ctx) -> Interval | None:
    left_has, right_has = bool(_HAS_YEAR.search(left)), bool(_HAS_YEAR.search(right))
    if right_has and not left_has:
        end = _parse(right, ctx)
        if end is None:
            return None
        hint = int(end.start.iso[:4])
        start = _parse(left, replace(ctx, year_hint=hint))
        if start is not None and _first_day(start.start) > _first_day(end.start):
            start = _parse(left, replace(ctx, year_hint=hint - 1))  # "December to February 2019"
    else:
        start = _parse(left, ctx)
        if start is None:
            return None
        hint = int((start.end or start.start).iso[:4])
        end = _parse(right, replace(ctx, year_hint=hint) if not right_has else ctx)
        if end is not None and not right_has and _first_day(end.start) < _first_day(start.start):
            end = _parse(right, replace(ctx, year_hint=hint + 1))  # "November to January"
    if start is None or end is None:
        return None
    return _span(start.start, end.end or end.start)
