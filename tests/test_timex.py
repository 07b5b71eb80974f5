"""timex: temporal expressions -> intervals; expected values worked out by hand."""
from __future__ import annotations

import calendar
import datetime as dt

import pytest

from kg_builder.model import TimeValue
from kg_builder.timex import Interval, counted_from_last, from_iso, normalize, to_xsd


def day(iso: str) -> TimeValue:
    return TimeValue(iso, "day")


def month(iso: str) -> TimeValue:
    return TimeValue(iso, "month")


def year(iso: str) -> TimeValue:
    return TimeValue(iso, "year")


DOC = day("2019-03-01")  # the seed article's date


def span(start: TimeValue, end: TimeValue | None = None) -> Interval:
    return Interval(start, end)


# --------------------------------------------------------------------------- absolute expressions


@pytest.mark.parametrize(("expression", "expected"), [
    ("February 27-28, 2019", span(day("2019-02-27"), day("2019-02-28"))),
    ("February 27–28, 2019", span(day("2019-02-27"), day("2019-02-28"))),
    ("27-28 February 2019", span(day("2019-02-27"), day("2019-02-28"))),
    ("June 2018", span(month("2018-06"))),
    ("in June of 2018", span(month("2018-06"))),
    ("June, 2018", span(month("2018-06"))),
    ("May 26, 1972", span(day("1972-05-26"))),
    ("26 May 1972", span(day("1972-05-26"))),
    ("the 26th of May 1972", span(day("1972-05-26"))),
    ("November 17, 1969", span(day("1969-11-17"))),
    ("Nov. 17, 1969", span(day("1969-11-17"))),
    ("Monday, November 17th, 1969", span(day("1969-11-17"))),
    ("2019-02-27", span(day("2019-02-27"))),
    ("1963", span(year("1963"))),
    ("in 1963", span(year("1963"))),
    ("the year 1963", span(year("1963"))),
    ("early 2019", span(year("2019"))),
])
def test_timex_absolute_dates(expression: str, expected: Interval) -> None:
    assert normalize(expression, None, None) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("fall 2018", span(month("2018-09"), month("2018-11"))),
    ("autumn of 1944", span(month("1944-09"), month("1944-11"))),
    ("the spring of 1919", span(month("1919-03"), month("1919-05"))),
    ("summer 1950", span(month("1950-06"), month("1950-08"))),
    ("winter 1950", span(month("1950-12"), month("1951-02"))),
    # "early", "mid", "late" pick a season's first, middle or last month; of a month they are dropped
    ("the late autumn of 1971", span(month("1971-11"))),
    ("early spring 1919", span(month("1919-03"))),
    ("mid-summer 1950", span(month("1950-07"))),
    ("the end of the summer of 1950", span(month("1950-08"))),
    ("early in July 1990", span(month("1990-07"))),
])
def test_timex_seasons_with_year(expression: str, expected: Interval) -> None:
    assert normalize(expression, None, None) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("the 1960s", span(year("1960"), year("1969"))),
    ("1960s", span(year("1960"), year("1969"))),
    ("the 1960's", span(year("1960"), year("1969"))),
    ("the early 1960s", span(year("1960"), year("1963"))),
    ("the mid-1960s", span(year("1964"), year("1966"))),
    ("the late 1960s", span(year("1967"), year("1969"))),
    ("the sixties", span(year("1960"), year("1969"))),
    ("the 19th century", span(year("1801"), year("1900"))),
    ("the nineteenth century", span(year("1801"), year("1900"))),
    ("the twenty-first century", span(year("2001"), year("2100"))),
    ("the late 19th century", span(year("1867"), year("1900"))),
    ("the 19th and 20th centuries", span(year("1801"), year("2000"))),
])
def test_timex_decades_and_centuries(expression: str, expected: Interval) -> None:
    assert normalize(expression, None, None) == expected


@pytest.mark.parametrize(("expression", "expected"), [
    ("1993–2001", span(year("1993"), year("2001"))),
    ("1993-2001", span(year("1993"), year("2001"))),
    ("from 1993 to 2001", span(year("1993"), year("2001"))),
    ("between 1993 and 2001", span(year("1993"), year("2001"))),
    ("1993-94", span(year("1993"), year("1994"))),
    ("1999-00", span(year("1999"), year("2000"))),
    ("between March and May 2019", span(month("2019-03"), month("2019-05"))),
    ("December 2018 to February 2019", span(month("2018-12"), month("2019-02"))),
    ("December to February 2019", span(month("2018-12"), month("2019-02"))),
    ("June 2018 to February", span(month("2018-06"), month("2019-02"))),
    ("February 27 to March 1, 2019", span(day("2019-02-27"), day("2019-03-01"))),
    ("the 1990s and 2000s", span(year("1990"), year("2009"))),
])
def test_timex_ranges(expression: str, expected: Interval) -> None:
    assert normalize(expression, None, None) == expected


def test_timex_backwards_range_is_none() -> None:
    assert normalize("2001-1993", None, None) is None
    assert normalize("2019-13", None, None) is None


# --------------------------------------------------------------------------- relative expressions


def test_timex_day_pair_year_inferred_from_document_date() -> None:
    assert normalize("February 27 and 28", None, DOC) == span(day("2019-02-27"), day("2019-02-28"))


@pytest.mark.parametrize(("expression", "anchor", "expected"), [
    # Nearest to the anchor: from fall 2018, January is January 2019.
    ("January", month("2018-09"), span(month("2019-01"))),
    ("in January", month("2018-09"), span(month("2019-01"))),
    # From the document date (2019-03-01): the nearest January is 2019; June 2019 would be after it.
    ("January", None, span(month("2019-01"))),
    ("June", None, span(month("2018-06"))),
    ("March 5", None, span(day("2018-03-05"))),
    ("March", None, span(month("2019-03"))),
    ("the 27th of February", None, span(day("2019-02-27"))),
    ("mid-June", None, span(month("2018-06"))),
    # An anchor that is not the document date may be followed by a later month.
    ("June", month("2019-03"), span(month("2019-06"))),
    ("January", year("1963"), span(month("1963-01"))),
    ("December", year("1963"), span(month("1963-12"))),
    # A narrative moves forward: after "by January 1978", "July 30" is the July that follows, not the one before.
    ("July 30", month("1978-01"), span(day("1978-07-30"))),
    ("December", month("1977-11"), span(month("1977-12"))),
    # ... though it may step back a season ("by August 24 ... on June 16"), not most of a year
    ("June 16", day("1989-08-24"), span(day("1989-06-16"))),
    ("March", day("1974-10-28"), span(month("1975-03"))),
])
def test_timex_month_without_year(expression: str, anchor: TimeValue | None, expected: Interval) -> None:
    assert normalize(expression, anchor, DOC) == expected


def test_timex_month_without_reference_is_none() -> None:
    assert normalize("January", None, None) is None
    assert normalize("February 27 and 28", None, None) is None


def test_timex_leap_day_without_year_finds_a_leap_year() -> None:
    assert normalize("February 29", None, day("2021-06-01")) == span(day("2020-02-29"))


@pytest.mark.parametrize(("expression", "anchor", "document_date", "expected"), [
    ("this summer", None, DOC, span(month("2019-06"), month("2019-08"))),
    # Deictic: counted from the time of writing even right after a sentence about 2017.
    ("this summer", year("2017"), DOC, span(month("2019-06"), month("2019-08"))),
    ("this spring", None, DOC, span(month("2019-03"), month("2019-05"))),
    ("this winter", None, day("2019-02-10"), span(month("2018-12"), month("2019-02"))),
    ("last winter", None, day("2019-03-10"), span(month("2018-12"), month("2019-02"))),
    ("last summer", None, DOC, span(month("2018-06"), month("2018-08"))),
    ("next summer", None, DOC, span(month("2019-06"), month("2019-08"))),
    ("that summer", year("1950"), DOC, span(month("1950-06"), month("1950-08"))),
    ("the following spring", month("1950-07"), None, span(month("1951-03"), month("1951-05"))),
    ("this summer", year("1950"), None, span(month("1950-06"), month("1950-08"))),
])
def test_timex_relative_seasons(expression: str, anchor: TimeValue | None, document_date: TimeValue | None,
                                expected: Interval) -> None:
    assert normalize(expression, anchor, document_date) == expected


@pytest.mark.parametrize(("expression", "anchor", "expected"), [
    ("last year", None, span(year("2018"))),
    ("this year", None, span(year("2019"))),
    ("next year", year("1963"), span(year("2020"))),  # deictic: from the document date
    ("three years ago", year("1963"), span(year("2016"))),
    ("the following year", year("1963"), span(year("1964"))),
    ("the next year", year("1963"), span(year("1964"))),
    ("that year", year("1963"), span(year("1963"))),
    ("the same year", year("1963"), span(year("1963"))),
    ("that same year", year("1963"), span(year("1963"))),
    ("that very month", day("2018-06-12"), span(month("2018-06"))),
    ("later that year", year("1963"), span(year("1963"))),
    ("the previous year", day("1963-11-22"), span(year("1962"))),
    ("the year before", year("1963"), span(year("1962"))),
    ("the following month", month("2018-12"), span(month("2019-01"))),
    ("that month", day("2018-06-12"), span(month("2018-06"))),
    ("the next day", day("2019-02-28"), span(day("2019-03-01"))),
    ("the day before", day("2019-03-01"), span(day("2019-02-28"))),
    ("the end of the day", day("1973-10-25"), span(day("1973-10-25"))),  # a part of a day is the day
    ("the end of that day", day("1973-10-25"), span(day("1973-10-25"))),
    ("that evening", day("1973-10-25"), span(day("1973-10-25"))),
    ("the next morning", day("1973-10-25"), span(day("1973-10-26"))),
    ("this morning", day("1973-10-25"), span(day("2019-03-01"))),  # counted from the time of writing
    ("today", None, span(day("2019-03-01"))),
    ("yesterday", None, span(day("2019-02-28"))),
])
def test_timex_relative_units(expression: str, anchor: TimeValue | None, expected: Interval) -> None:
    assert normalize(expression, anchor, DOC) == expected


@pytest.mark.parametrize(("expression", "anchor", "expected"), [
    ("eight months later", month("2018-06"), span(month("2019-02"))),
    ("eight months later", day("2018-06-12"), span(month("2019-02"))),
    ("two years later", month("2018-06"), span(year("2020"))),
    ("a year earlier", day("2018-06-12"), span(year("2017"))),
    ("three weeks later", day("2018-06-12"), span(day("2018-07-03"))),
    ("ten days earlier", day("2019-03-05"), span(day("2019-02-23"))),
    ("twenty years later", year("1945"), span(year("1965"))),
    ("a decade later", year("1945"), span(year("1955"))),
    ("3 months later", month("2018-11"), span(month("2019-02"))),
    ("eleven months before", month("2019-02"), span(month("2018-03"))),
    ("a couple of years later", year("1945"), span(year("1947"))),
])
def test_timex_offsets(expression: str, anchor: TimeValue, expected: Interval) -> None:
    assert normalize(expression, anchor, DOC) == expected


@pytest.mark.parametrize(("expression", "counted"), [
    ("eight months later", True), ("a couple of years later", True), ("the day before", True),
    ("three years ago", False),  # from the time of writing
    ("in May", False), ("1990", False),
])
def test_timex_an_offset_counts_from_the_date_just_named(expression: str, counted: bool) -> None:
    assert counted_from_last(expression) is counted


@pytest.mark.parametrize(("expression", "anchor", "ahead", "expected"), [
    ("on Friday", None, False, span(day("2019-03-01"))),  # the document's own day
    ("Tuesday", None, False, span(day("2019-02-26"))),
    ("on Tuesday", None, True, span(day("2019-03-05"))),  # "will meet on Tuesday"
    ("on Friday", None, True, span(day("2019-03-08"))),
    ("on Wednesday", day("2019-02-25"), False, span(day("2019-02-27"))),  # the story is still that week
    ("on Friday", day("1962-03-03"), False, None),  # a history's own time: which Friday is not said
    ("on Friday", month("2019-02"), False, None),
])
def test_timex_a_weekday_counts_from_the_time_of_writing(expression: str, anchor: TimeValue | None, ahead: bool,
                                                         expected: Interval | None) -> None:
    assert normalize(expression, anchor, DOC, ahead=ahead) == expected


def test_timex_a_weekday_needs_a_day_of_writing() -> None:
    assert normalize("on Friday", day("2019-03-01"), None) is None
    assert normalize("on Friday", None, year("2019")) is None


@pytest.mark.parametrize(("expression", "anchor", "expected", "told_as_past"), [
    ("April", None, span(month("2019-04")), span(month("2018-04"))),  # not the April before the writing
    ("February", None, span(month("2020-02")), span(month("2019-02"))),
    # counted from the story's time, not the writing
    ("March 1", day("1978-12-15"), span(day("1979-03-01")), span(day("1979-03-01"))),
])
def test_timex_a_month_still_to_come_is_the_next_one(expression: str, anchor: TimeValue | None,
                                                     expected: Interval, told_as_past: Interval) -> None:
    assert normalize(expression, anchor, DOC, ahead=True) == expected
    assert normalize(expression, anchor, DOC) == told_as_past


def test_timex_offsets_without_anchor_use_document_date() -> None:
    assert normalize("two years later", None, DOC) == span(year("2021"))


@pytest.mark.parametrize(("expression", "anchor"), [
    ("three weeks later", month("2018-06")),  # a month anchor cannot give a day
    ("eight months later", year("2018")),  # nor a year anchor a month
    ("the next day", month("2018-06")),
    ("that evening", month("2018-06")),
])
def test_timex_offset_finer_than_anchor_is_none(expression: str, anchor: TimeValue) -> None:
    assert normalize(expression, anchor, None) is None


@pytest.mark.parametrize("expression", [
    "annually", "the second day", "two", "recent years", "", "   ", "a few months later",
    "the past", "now and then", "55", "200", "week", "the year",
])
def test_timex_not_a_date_is_none(expression: str) -> None:
    assert normalize(expression, day("2019-02-27"), DOC) is None


# --------------------------------------------------------------------------- validity


@pytest.mark.parametrize("expression", [
    "February 30, 2019", "February 29, 2019", "April 31, 1972", "31 June 1972", "June 0, 1972",
    "2019-02-30", "2019-13-01", "2019-00", "February 28-30, 2019",
])
def test_timex_invalid_dates_are_none(expression: str) -> None:
    assert normalize(expression, None, None) is None


def test_timex_property_every_month_and_day() -> None:
    """Every spelling of every day of every month, leap and common years: valid or None, never wrong."""
    names = [calendar.month_name[m] for m in range(1, 13)]
    for y in (1900, 1972, 2000, 2019, 2020):
        for m, name in enumerate(names, start=1):
            for d in range(0, 33):
                expected = _valid_day(y, m, d)
                for text in (f"{name} {d}, {y}", f"{d} {name} {y}", f"{name[:3]}. {d}, {y}"):
                    assert normalize(text, None, None) == expected, text
                relative = normalize(f"{name} {d}", None, day(f"{y}-06-15"))
                assert relative is None or _is_valid(relative), (name, d)
                if expected is not None:
                    # From mid-June of y the nearest not-later date is in y or y-1.
                    assert relative is not None and relative.start.iso[5:] == expected.start.iso[5:]
                pair = normalize(f"{name} {d} and {d + 1}, {y}", None, None)
                assert pair is None or _is_valid(pair)
                assert (pair is not None) == (_valid_day(y, m, d) is not None and _valid_day(y, m, d + 1) is not None)


def test_timex_property_month_arithmetic_stays_valid() -> None:
    for anchor_month in range(1, 13):
        anchor = month(f"2019-{anchor_month:02d}")
        for n in range(0, 21):
            for direction in ("later", "earlier"):
                result = normalize(f"{n} months {direction}", anchor, None)
                assert result is not None and _is_valid(result)
                shift = n if direction == "later" else -n
                index = 2019 * 12 + anchor_month - 1 + shift
                assert result.start == month(f"{index // 12:04d}-{index % 12 + 1:02d}")


def _valid_day(y: int, m: int, d: int) -> Interval | None:
    try:
        return span(day(dt.date(y, m, d).isoformat()))
    except ValueError:
        return None


def _is_valid(interval: Interval) -> bool:
    for value in (interval.start, interval.end):
        if value is not None:
            from_iso(value.iso)  # raises on anything the calendar does not have
    return True


# --------------------------------------------------------------------------- xsd and iso


@pytest.mark.parametrize(("value", "expected"), [
    (day("2019-02-27"), ("2019-02-27", "date")),
    (month("2018-06"), ("2018-06", "gYearMonth")),
    (year("1963"), ("1963", "gYear")),
])
def test_timex_to_xsd(value: TimeValue, expected: tuple[str, str]) -> None:
    assert to_xsd(value) == expected


@pytest.mark.parametrize("value", [day("2019-02-30"), month("2019-13"), TimeValue("2019-02", "day"),
                                   TimeValue("2019", "decade")])
def test_timex_to_xsd_rejects_invalid(value: TimeValue) -> None:
    with pytest.raises(ValueError):
        to_xsd(value)


def test_timex_from_iso_keeps_precision() -> None:
    assert from_iso("2019-03-01") == day("2019-03-01")
    assert from_iso("2019-03") == month("2019-03")
    assert from_iso("2019") == year("2019")
    with pytest.raises(ValueError):
        from_iso("2019-02-29")


def test_timex_invalid_anchor_is_ignored() -> None:
    assert normalize("the following year", day("2019-02-30"), None) is None


def test_timex_normalize_reads_an_expression_once_at_one_anchor():
    normalize.cache_clear()
    anchor = TimeValue("1972", "year")
    first = normalize("May", anchor, None)
    assert normalize("May", anchor, None) is first and normalize("May", None, anchor) == first
    assert normalize.cache_info().hits == 1
