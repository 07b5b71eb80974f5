"""Events from trigger verbs and nouns (triggers.yaml), with participants, place, dates and factuality.

Mentions of one meeting corefer: a summit with the same place, or a definite
"the summit" / "their first meeting" with no new place, is the event already
seen; "another summit" is a new one. A clause with a date attached to its
verb ("a new date was set ... in January") is an event too, even without a
trigger word, so that the timeline holds what the text dates.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span as SentSpan, Token

from ..model import ASSERTED, Document, Event, Factuality, TimeValue
from ..nlp import DATELINE_DASHES
from ..timex import ANAPHORIC, Interval, counted_from_last, from_iso, normalize
from .context import Context
from .factuality import (FUTURE_MODALS, Cues, condition_phrase, negating, not_until, not_without, opened_by_any,
                         past_ability, with_particle)
from .clauses import (RELATIVE_PRONOUNS, cut_words, for_subject, listed_infinitives, noun_predication,
                      verb_predication)
from .tokens import (CLAUSE_DEPS, agents, conjuncts, coordinated_verb, entities_in, first_conjunct, head_forms,
                     misread_clause, modifiers_text, name_given, naming_words_of, noun_before_participle, objects,
                     paragraph_start, phrase, prep_objects, referred_to_as_known, second_object, sentence_of,
                     stray_subjects_within, strip_determiners, subjects, summing_up, text_of, that_clause,
                     to_infinitive)

# words a usable clause label neither opens nor closes on (the grammar of English, not an analyst's vocabulary)
OPENING_FRAGMENTS = frozenset({"which", "what", "who", "whom", "whose", "that", "it", "to", "when", "where"})
CLOSING_FRAGMENTS = frozenset({"in", "on", "at", "by", "for", "of", "to", "with", "from", "and", "or", "but"})
# "the general view in Lima was", "what the raid failed to do": a verb whose complement the clause lost
_UNFINISHED = frozenset({"is", "are", "was", "were", "be", "been", "do", "does", "did"})
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_YEAR_RANGE = re.compile(r"(?:1[5-9]|20)\d\d[-\u2013](?:\d\d|(?:1[5-9]|20)\d\d)")
_COUNTING_WORDS = {"later", "earlier", "after", "afterwards", "before", "ago"}  # "two years later", "a month before"
_LATEST = frozenset({"last", "recently", "lately"})  # "last met in May": the May nearest the writing
MEETING_KINDS = {"Meeting", "Summit", "Negotiation"}
SPECIFICITY = {"Event": 0, "Meeting": 1, "Negotiation": 1, "Summit": 2}


def dates_in(ctx: Context, sent: SentSpan) -> dict[int, Interval]:
    """Each DATE entity of the sentence (by its root token), resolved against the running anchor."""
    doc_date = _document_date(ctx)
    anchor = ctx.anchor
    out: dict[int, Interval] = {}
    found = [_without_stray_tail(e) for e in entities_in(sent) if e.label_ == "DATE"]
    found = sorted(found + _untagged_dates(sent, found) + _years_of_names(sent) + _year_ranges(sent, found),
                   key=lambda e: e.start)
    just_named: TimeValue | None = None  # the sentence's last date, whatever it dates
    months_named: dict[str, str] = {}  # month ("MM") -> year ("YYYY") of the sentence's dates that give both
    for n, ent in enumerate(found):
        word = _attachment(ent.root, noun=False)
        latest = doc_date is not None and word is not None and _most_recent(word)
        reference = doc_date if latest else anchor or doc_date
        reference = just_named if just_named and counted_from_last(ent.text) else reference
        text = _with_listed_year(ent, found[n + 1:])
        interval = normalize(text, reference, doc_date, ahead=word is not None and _said_to_come(word, ctx.cues))
        if interval and not YEAR.search(text) and (year := months_named.get(interval.start.iso[5:7])):
            # "a May 1963 visit by Mobutu, who met Kennedy on May 31": the month the sentence dated is that one
            interval = normalize(f"{text}, {year}", reference, doc_date) or interval
        if interval and YEAR.search(text) and interval.start.precision in ("month", "day"):
            months_named[interval.start.iso[5:7]] = interval.start.iso[:4]
        if interval:
            out[ent.root.i] = interval
            just_named = interval.start
            if word is not None and word.pos_ in ("VERB", "AUX") and not _looks_back_to(ent.root, word) \
                    and not _supposed(word, ctx.cues):
                anchor = interval.start  # "began in January 1995 ... in September": the September after it
    return out


def _without_stray_tail(ent: SentSpan) -> SentSpan:
    """"freed on January 20, minutes after X was sworn in": the recogniser may run a date on over a comma into words
    of the next phrase, which leave the whole no date; a year after the comma is the date's own ("May 5, 1931")."""
    comma = next((t for t in ent if t.text == ","), None)
    if comma is None or comma.i == ent.start or any(t.like_num for t in ent.doc[comma.i + 1: ent.end]):
        return ent
    return ent.doc[ent.start: comma.i]


def _said_to_come(verb: Token, cues: Cues) -> bool:
    """"will meet on Tuesday", "said they would meet on Tuesday", "plan to meet in April": a time still to come."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children) \
        or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.future_verbs | cues.undertaking_verbs


def _most_recent(verb: Token) -> bool:
    """"the envoys last met in February", "had recently visited in May": the latest time before the writing, not
    the time the story had reached."""
    return any(c.dep_ == "advmod" and c.lower_ in _LATEST for c in verb.children)


def _untagged_dates(sent: SentSpan, tagged: list[SentSpan]) -> list[SentSpan]:
    """"The following spring, X returned": a time counted from the last date that the entity recogniser did not
    tag (it tags most, and misses some at the head of a sentence). Only next to a date: counted from one paragraphs
    back, it would count from whatever date came last, not the time the text has moved on to."""
    if not _dated_before(sent, sentences=2):
        return []
    taken = {t.i for e in tagged for t in e}
    spans = (sent.char_span(m.start(), m.end()) for m in ANAPHORIC.finditer(sent.text))
    return [span for span in spans if span is not None and not any(t.i in taken for t in span)]


def _years_of_names(sent: SentSpan) -> list[SentSpan]:
    """"the Milan Decree of 1807": the recogniser may take the year a name ends with for part of the name."""
    ends = (e[-1] for e in entities_in(sent) if e.label_ != "DATE" and len(e) > 2)
    return [end.doc[end.i: end.i + 1] for end in ends if YEAR.fullmatch(end.text) and end.head.lower_ == "of"]


def _year_ranges(sent: SentSpan, tagged: list[SentSpan]) -> list[SentSpan]:
    """"the Berlin Blockade of 1948–49", "the Lima talks of 1931–1932": the recogniser takes a span of years written
    as one word for a number."""
    taken = {t.i for e in tagged for t in e}
    return [sent.doc[t.i: t.i + 1] for t in sent if t.i not in taken and _YEAR_RANGE.fullmatch(t.text)]


def _dated_before(sent: SentSpan, sentences: int) -> bool:
    """A date among the entities of the sentences just before this one."""
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            return False
        earlier = sentence_of(sent.doc[start - 1])
        if any(e.label_ == "DATE" for e in entities_in(earlier)):
            return True
        start = earlier.start
    return False


def _with_listed_year(ent: SentSpan, later: list[SentSpan]) -> str:
    """"October and November of 1943": a month listed before a dated one takes its year; "between May 3 and June 5,
    2031", "from May to June", tagged as two dates, is one span from the first to the second."""
    if not later:
        return ent.text
    following = later[0]
    between = ent.doc[ent.end: following.start]
    joined = all(t.lower_ in ("and", "or", "to", "through", ",", "-", "–") for t in between)
    opening = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if joined and opening in ("between", "from") and len(between) == 1 and between[0].lower_ in ("and", "to"):
        return f"{ent.text} to {following.text}"
    year = YEAR.search(following.text)
    if year and joined and not YEAR.search(ent.text):
        return f"{ent.text} {year.group(0)}"
    return ent.text


def advance_anchor(ctx: Context, dates: dict[int, Interval]) -> None:
    """The narrative moves on with the dates that date a clause; a date inside a noun phrase ("the June 4, 1967
    borders", "the 1972 treaty") names a thing and does not move the story's time, nor does one of a clause in the
    past perfect, which looks back from it ("beginning in 1833, Britain had held the islands": the next "On May 5"
    is still the story's May), unless it is the time the story looks back from ("By 1990, Chile had built ...",
    "there had been no incident until 1990")."""
    clauses = {i: word for i in dates if (word := _attachment(ctx.doc[i], noun=False)) is not None
               and (word.pos_ in ("VERB", "AUX") or word.i in ctx.event_at and not _named_with(word, ctx.doc[i]))
               and not _era(dates[i])}
    # (before the story has a time of its own, a look back gives it one: "As late as 1939 ... relations had soured
    # in August of 1939. The occupation of Poland in September ...", unless its sentence gives the story's own)
    forward = [i for i, word in clauses.items() if not _looks_back_to(ctx.doc[i], word)
               and not _aside(word, ctx.triggers["positions"]["time_nouns"]) and not _supposed(word, ctx.cues)]
    # "In January 2021, they extended the treaty until February 2026": the end of a stretch the clause sets is not
    # its time, when another date gives that ("the war lasted until 1945" alone moves the story to 1945)
    bounds = [i for i in forward if ctx.doc[i].head.lower_ in ("until", "till")]
    forward = [i for i in forward if i not in bounds] or bounds
    narrative = forward or (list(clauses) if ctx.anchor is None else [])
    if clauses:
        ctx.recent = dates[max(clauses)].start
    if narrative and not _earlier_year(dates[max(narrative)].start, ctx.paragraph_time):
        ctx.anchor = dates[max(narrative)].start
        ctx.paragraph_time = ctx.paragraph_time or ctx.anchor


def _supposed(word: Token, cues: Cues) -> bool:
    """"a ban would follow if the dues were not paid by May 1, 1991": the date of a condition is a deadline the text
    supposes, not a time the story has reached."""
    return any(opened_by_any(t, cues.condition_marks) for t in (word, *word.ancestors))


def _looks_back_to(date: Token, word: Token) -> bool:
    """The date of a clause in the past perfect, which looks back from the story ("Nagy, who had been removed in
    1955, returned on October 24": the October of the story's year, not of 1955), unless it is the time the story
    looks back from ("By 1990, Chile had built ...")."""
    return _looking_back(word) and date.head.lower_ not in ("by", "until", "till")


def _earlier_year(time: TimeValue, paragraph_time: TimeValue | None) -> bool:
    """"On February 6, 2031, talks opened. The union was formed in August 2020 ... The accord, signed on April 4,
    ...": a time years before the one the paragraph set tells the background of its story, which goes on in its own
    year (the year before may be where the story looks back to and goes on from)."""
    return paragraph_time is not None and int(time.iso[:4]) < int(paragraph_time.iso[:4]) - 1


def open_paragraph(ctx: Context, sent: SentSpan) -> None:
    """A paragraph that opens in the past perfect ("Relations with Peru had been warmer.") looks back from the story:
    its dates date what it tells, and the next paragraph takes the story up at the time it had reached before it."""
    if sent.start_char != paragraph_start(ctx.doc, sent.start_char):
        return
    ctx.paragraph_time = None
    if ctx.resumes is not None:
        (ctx.anchor,), ctx.resumes = ctx.resumes, None
    if ctx.anchor is not None and _looking_back(sent.root):
        ctx.resumes = (ctx.anchor,)


def _named_with(event: Token, date: Token) -> bool:
    """"the Bandung Conference of 1955": a year a name is given with tells which one it is, as part of the name."""
    return event.pos_ == "PROPN" and date.head.lower_ == "of"


def _looking_back(word: Token) -> bool:
    """The clause of ``word`` is in the past perfect ("had held"), or, for a participle with no subject of its own
    ("beginning in 1833", "a claim dating to 1816"), the clause it hangs on is."""
    clause = _clause_of(word)
    return clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in clause.children)


def _clause_of(word: Token) -> Token:
    """The verb of the clause a word is in that has a subject of its own (or the sentence's root)."""
    clause = word
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and clause.dep_ != "ROOT":
        clause = clause.head
    return clause


def _aside(word: Token, time_nouns: Collection[str]) -> bool:
    """"announced that the government would hold elections in 1990": the date of what a clause set in another says
    will come is not the time the story has reached (a main clause's "would" may be what came next: "Ruiz would go on
    to sign the accord in 1960"); nor is that of a relative clause, which tells of its noun ("Dubcek, who led the
    Prague Spring in 1968, appeared"), unless its noun is a time ("by the time Wilson returned in July 1919")."""
    clause = _clause_of(word)
    if clause.dep_ == "relcl":
        return clause.head.lemma_.lower() not in time_nouns
    return clause.dep_ != "ROOT" and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in clause.children)


def title_anchor(document: Document) -> TimeValue | None:
    """"The Lima Crisis, 1931": the one year a title names is when the text's days with no year fall until its
    story names one. Not a title's span of years ("The Russo-Japanese War, 1904-1905": which year?), nor its year
    of publication ("... in 2019" published in 2019: that date serves)."""
    years = re.findall(r"(?<!\d)(1\d{3}|20\d{2})(?!\d|s\b|['’]s\b)", document.title or "")
    if len(years) != 1 or (document.published or "")[:4] in years:
        return None
    return TimeValue(years[0], "year")


def _era(when: Interval) -> bool:
    """"since the 18th century", "in the 1990s": a span of many years gives a later "May 15" no year."""
    first, last = (v.iso[:4] if v is not None else "" for v in (when.start, when.end))
    return first.isdigit() and last.isdigit() and int(last) - int(first) >= 3


def _document_date(ctx: Context) -> TimeValue | None:
    published = ctx.document.published
    return from_iso(published) if published else ctx.written


def read_dateline(ctx: Context, sent: SentSpan) -> None:
    """"GENEVA, March 14, 2025 —", "By Ana Ruiz | March 14, 2025": the day a report is written, which its "on
    Friday" counts from, unless the document gives its own."""
    if ctx.written is not None or not (_dateline(sent) or _byline(sent) or _date_alone(sent)) \
            or sent.start_char != paragraph_start(ctx.doc, sent.start_char):
        return
    days = [d.start for d in ctx.dates.values() if d.end is None and d.start.precision == "day"]
    if days:
        ctx.written = days[0]


BYLINE_REACH = 600  # characters from the top of the document within which a byline stands


def _dateline(sent: SentSpan) -> bool:
    return sent[0].is_upper and sent[0].is_alpha and sent[-1].text in DATELINE_DASHES


def _byline(sent: SentSpan) -> bool:
    """A line near the top that names the writer ("By Ana Ruiz, March 14, 2025") and tells nothing."""
    return sent[0].text == "By" and sent.start_char < BYLINE_REACH and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _date_alone(sent: SentSpan) -> bool:
    """A line near the top that is a date and nothing else, but a word before it ("June 17, 2021", "Updated March 4,
    2024", "LIMA March 4, 2024"): the day the piece is dated."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    return sent.start_char < BYLINE_REACH and len(words) > 1 and all(t.ent_type_ == "DATE" for t in words[1:]) \
        and (words[0].ent_type_ == "DATE" or words[0].is_title and len(words) > 2)


def _trigger_kind(ctx: Context, token: Token) -> str | None:
    if token.pos_ not in ("VERB", "NOUN", "PROPN") and token.tag_ != "VBG":
        return None  # no way below takes such a word: asked of every word, most of which are none
    section = ctx.triggers["events"]
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in section["verbs"]:
        needed = section["verb_requires"].get(lemma)
        if needed and not _object_has(token, needed) and not (
                lemma in section["place_object_verbs"] and _object_is_place(ctx, token)):
            return None
        if section["verbs"][lemma] == "Meeting" and _met_thing(ctx, token):
            return None
        return section["verbs"][lemma]
    if token.pos_ == "VERB" and lemma in section["hosting_verbs"] and any(
            ctx.registry.kind(k) == "Person" for o in objects(token) + _passive_subjects(token)
            for k in ctx.registry.actors(o)):
        return "Meeting"  # "X hosted Y", "Y was received by X"
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ in section["nouns"]:
        lemma = token.lower_  # "talks" is a meeting whatever its modifiers; "talk" only as "peace talk"
    if token.pos_ in ("NOUN", "PROPN") and lemma in section["nouns"]:
        if lemma in section["doer_nouns"] and token.dep_ in ("nsubj", "nsubjpass") and not to_infinitive(token.head):
            return None  # "the inspectors returned": who acted, not an inspection ("getting inspectors in to oversee")
        needed = section["noun_requires"].get(lemma)
        if needed and not (modifiers_text(token) & set(needed)):
            return None
        return section["nouns"][lemma]
    if _named_event(ctx, token) or _dated_speech(ctx, token):
        return "Event"
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and (listing := _listing_event(ctx, token)) is not None:
        return _trigger_kind(ctx, listing)  # "two congresses, including chairing one in May"
    return None


def _passive_subjects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]


def _met_thing(ctx: Context, verb: Token) -> bool:
    """"they met a campaign of passive resistance", "the plan met with criticism": one meets people, or a thing
    in one's way; only the first is a meeting. So is what a thing "was met with" or "by" ("this revolution was met
    with alarm", "the program was met by armed revolt"): a reception, where people are met ("the envoy was met by the
    foreign minister")."""
    met = objects(verb) + prep_objects(verb, "with")
    if any(t.lemma_.lower() in ctx.triggers["events"]["met_things"] for t in met):
        return True
    passive = any(c.dep_ in ("auxpass", "agent") for c in verb.children)
    received = [s for s in verb.children if s.dep_ == "nsubjpass"] or ([verb.head] if verb.dep_ == "acl" else [])
    return passive and bool(received) and not any(ctx.registry.actors(s) for s in received)


def _dated_speech(ctx: Context, token: Token) -> bool:
    """"Ruiz's November 1931 remark", "the 1947 speech": what was said, dated in its own words, is on the timeline."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in ctx.triggers["events"]["dated_nouns"] \
        and any(c.ent_type_ == "DATE" for c in token.lefts)


def _named_event(ctx: Context, token: Token) -> bool:
    """"the Andean Border Crisis", "the Pacific War", "the Battle of Midway", "the War of 1812": an event the text
    names, capitalised."""
    return token.pos_ == "PROPN" and token.is_title and token.lemma_.lower() in ctx.triggers["events"]["named_heads"] \
        and any(c.dep_ in ("compound", "amod") or _named_of(c) for c in token.children)


def _named_of(preposition: Token) -> bool:
    """"of Midway", "of 1812": an "of" phrase whose object is capitalised or a year, that ends a name."""
    return preposition.dep_ == "prep" and preposition.lower_ == "of" and any(
        o.dep_ == "pobj" and (o.is_title and o.pos_ == "PROPN" or YEAR.fullmatch(o.text) is not None)
        for o in preposition.children)


def _object_has(verb: Token, words: list[str]) -> bool:
    """The verb's object, or failing a clean parse the few words after it, names the required thing."""
    wanted = set(words)
    near = [t for o in objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"] for t in o.subtree]
    near += [verb.head] if verb.dep_ in ("acl", "relcl") else []  # "an agreement signed in 1968 by ..."
    near += list(verb.doc[verb.i + 1: min(verb.i + 8, sentence_of(verb).end)])
    return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in near)


def _object_is_place(ctx: Context, verb: Token) -> bool:
    """"returned Okinawa to Japan", "the canal was handed over": what moves is a place the text names."""
    moved = objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or ctx.registry.kind(ctx.registry.key_of(t) or "") in ("Location", "Facility")
               for t in moved)


SEQUENCE_PREPOSITIONS = frozenset(("after", "before", "since", "following"))


def _date_tokens(token: Token, dates: dict[int, Interval], named: bool = False) -> list[int]:
    """Dates attached to the trigger by a preposition or as an adverbial ("on May 26", "in 1967", "last year");
    for a noun trigger also a date modifier ("the November 1974 summit") and the dates of its verb."""
    scope = [token]
    # "fired missiles on May 5, three days after the summit": that date is the firing's ("before the election on
    # November 7": one after the noun may be its own, which the parser hangs on the verb)
    after_only = token.dep_ == "pobj" and token.head.lower_ in SEQUENCE_PREPOSITIONS
    if named:
        # a named event keeps its own date: "the spread of the Andean Border Crisis in May 1931" has it,
        # "in 1880, during the Pacific War" and "the accord ended the Chaco War in 1935" do not
        scope += [token.head.head] if token.dep_ == "pobj" and token.head.lower_ == "of" else []
    elif token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        scope.append(token.head.head if token.dep_ == "pobj" else token.head)
    elif token.pos_ == "VERB" and token.dep_ == "xcomp":  # "in March, X began to shell Y": the shelling's date
        scope.append(token.head)
    if token.pos_ in ("NOUN", "PROPN"):  # "the congress, held from May 2-9", "talks scheduled for May"
        scope += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    found, own = [], []
    for i, interval in dates.items():
        date = token.doc[i]
        anchor = _attachment(date, noun=token.pos_ in ("NOUN", "PROPN"))
        if anchor is not None and _stranded_after_subject(date, token, anchor):
            own.append(i)
            continue
        if anchor is None or not any(anchor.i == s.i for s in scope) or after_only and anchor != token and i < token.i:
            continue
        if anchor.i != token.i and _after_until(date) and not _it_took(anchor) or _after_before(date):
            # "elections are not required until 2030", "the talks lasted until May": no date they were held ("it
            # took until 1965 for talks to begin" is when they began); "Before November 11, X had negotiated": some
            # time before
            continue
        found.append(i)
    return _stated_first(token.doc, sorted(own)) + _stated_first(token.doc, sorted(found))


def _stranded_after_subject(date: Token, noun: Token, verb: Token) -> bool:
    """"Germany's annexation of Czechoslovakia in 1938 encouraged X": a date right after the subject (or its last
    conjunct), before its verb, is the subject's, though the parser may hang it on the verb ("the end of the war in
    1865 coincided with X" dates the end, not the war)."""
    prep = date.head
    return noun.pos_ in ("NOUN", "PROPN") and prep.dep_ == "prep" and prep.head == verb \
        and prep.i == noun.right_edge.i + 1 < verb.i \
        and any(s.dep_ in ("nsubj", "nsubjpass") and noun in conjuncts(s) for s in verb.children)


def _attachment(date: Token, noun: bool) -> Token | None:
    """The word a date modifies; a number inside another noun phrase ("the 1929 Tacna Treaty") modifies nothing."""
    if date.dep_ == "pobj" and date.head.dep_ == "conj" and date.head.pos_ == "ADP":
        # "took up the offer and on March 30, 1867, agreed to X": the parser joined the preposition to the first verb
        # as a conjunct; the phrase dates the verb after it
        return next((c for c in date.head.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and c.i > date.head.i), date.head.head)
    if date.dep_ == "pobj" and date.head.dep_ == "prep":
        if noun and date.head.lower_ == "since":
            return None  # "the first visit since 2019": the visit is not of 2019
        if date.head.lower_ == "to" and not any(c.lower_ == "from" for c in date.head.head.children):
            return None  # "a withdrawal to the June 1967 lines": a date that names a state of things, not a time
        if date.head.lower_ == "of" and date.head.head.ent_type_ in ("TIME", "DATE") and date.head.head.dep_ == "pobj":
            return _attachment(date.head.head, noun)  # "on the morning of May 4, 1970, X struck": X's date
        if _fronted_before_absolute(date.head):
            return date.head.head.head  # "In 1931, with the talks stalled, X named a panel": X's date
        return date.head.head
    if date.dep_ in ("npadvmod", "tmod", "advmod") or date.dep_ == "prep" and date.ent_type_ == "DATE":
        return date.head  # a preposition the recogniser took into the date ("between May 3 and May 5")
    if date.dep_ == "nsubj" and date.head.pos_ in ("VERB", "AUX"):
        return date.head  # "The year 2031 brought new quarrels", "1968 was a turning point": the clause's time
    if date.dep_ == "pobj" and date.head.lower_ in ("that", "this"):
        return date.head.head  # "reopened the port that winter": the parser reads "that" as a preposition
    if date.dep_ == "appos" and date.head.pos_ == "PROPN" and date.head.ent_type_ != "PERSON" \
            and date.doc[date.i - 1].text == "(":
        return date.head  # "the Andean War (2031-32)": the years of what it names (a person's, a life)
    if date.dep_ == "appos" and date.head.dep_ == "pobj" and date.head.head.dep_ == "prep":
        return date.head.head.head  # "at its congress in Lima, March 1931,": the date of the congress
    before = date.doc[date.i - 1] if date.i > 0 else None
    if date.dep_ in ("compound", "nmod", "amod", "nummod") and before is not None and before.dep_ == "prep" \
            and before.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "pobj" for c in before.children):
        return before.head  # "In 1975 northern forces overran X": the parser took the year for the forces' number
    if noun and date.dep_ in ("compound", "nmod", "amod", "nummod"):
        return date.head
    return None


def _fronted_before_absolute(prep: Token) -> bool:
    """A phrase the parser hung on a "with" clause that only follows it: it opens the sentence, whose main clause
    it dates."""
    clause = prep.head
    return clause.dep_ in ("ccomp", "advcl") and clause.head != clause and any(
        c.dep_ in ("mark", "prep") and c.lower_ == "with" and prep.i < c.i < clause.i for c in clause.children)


def _when(ctx: Context, token: Token, dates: dict[int, Interval]) -> Interval | None:
    # "announced the meeting on August 8", "called for a summit in May" date the announcement and the call
    governor = token.head if token.dep_ == "dobj" else token.head.head if token.dep_ == "pobj" else token
    spoken_of = governor is not token and governor.lemma_.lower() in ctx.cues.reporting_verbs | ctx.cues.future_verbs
    cause = token.dep_ == "nsubj" and token.head.lemma_.lower() in ctx.triggers["events"]["causal_verbs"]
    # "lifted the blockade on May 11", "ended its occupation in 1950", "the talks broke down in March": when it ended,
    # not when it began
    ended = token.dep_ == "dobj" and with_particle(governor) in ctx.frames.ending_verbs \
        or token.dep_ == "nsubj" and with_particle(token.head) in ctx.triggers["events"]["closing_verbs"]
    attached = _date_tokens(token, dates, named=_named_event(ctx, token) or spoken_of or cause or ended)
    hosting = _hosting_clause(ctx, token) if token.pos_ == "NOUN" else None
    attached = attached or (_date_tokens(hosting, dates) if hosting is not None else [])
    attached = attached or [i for c in _onset_adjuncts(ctx, token) for i in _date_tokens(c, dates)]
    attached = attached or [i for c in _occurrence_clauses(ctx, token) for i in _date_tokens(c, dates)]
    if attached:
        return dates[attached[0]]
    words = {c.lower_ for c in token.children} | ({c.lower_ for c in token.head.children} if not ended else set())
    last = ctx.recent or ctx.anchor  # "had met in June 2031 ... ratified at that time": the time just named
    if last and _at_that_time(token):
        return Interval(last, None)
    if last and words & set(ctx.triggers["events"]["relative_adverbs"]):
        return Interval(TimeValue(last.iso[:4], "year"), None)
    return None


def _occurrence_clauses(ctx: Context, noun: Token) -> list[Token]:
    """"the Lima talks, which began in 1955 and continued ...", "a summit that took place in May": a relative clause
    that says when the event came about dates it."""
    return [c for c in noun.children if c.dep_ == "relcl" and _comes_about(ctx, c) and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in RELATIVE_PRONOUNS for s in c.children)]


def _comes_about(ctx: Context, verb: Token) -> bool:
    """A verb of occurring or of onset ("took place", "occurred", "began"), not "be" or "exist"."""
    lemma = verb.lemma_.lower()
    return lemma not in ("be", "exist") and (lemma in ctx.cues.occurrence_verbs
                                             or lemma in ctx.triggers["events"]["onset_verbs"])


def _told_to_occur(ctx: Context, noun: Token) -> bool:
    """"minor uprisings and riots occurred in the years that followed": the subject of a verb of occurring is told
    as having come about (when the verb has a date, the clause is the event: "the withdrawal did not begin until
    August 21")."""
    noun = first_conjunct(noun)
    verb = noun.head
    return noun.dep_ == "nsubj" and noun.pos_ == "NOUN" and _comes_about(ctx, verb) \
        and not any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children) \
        and not any(_attachment(ctx.doc[i], noun=False) == verb for i in ctx.dates) \
        and ctx.factuality(verb).is_plain_fact


def _at_that_time(token: Token) -> bool:
    """"ratified at that time": the trigger's own phrase, not one of another verb ("the attack was viewed at the
    time as ...": when it was so viewed)."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        o.lemma_.lower() == "time" and any(d.lower_ in ("that", "the") for d in o.children) for o in c.children)
        for c in token.children)


def _onset_adjuncts(ctx: Context, noun: Token) -> list[Token]:
    """"Starting in June, rounds of negotiations in Quito stalled", "Starting in May, X held talks": a participle of onset
    on the clause an event noun is an argument of."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "a series of talks", "a round of talks"
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return []
    return [c for c in noun.head.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            and c.lemma_.lower() in ctx.triggers["events"]["onset_verbs"]]


def _participants(ctx: Context, token: Token) -> list[str]:
    heads = prep_objects(token, "with", "between", "among")
    if token.pos_ == "VERB":
        pred = verb_predication(token, ctx.frames.object_control)  # "pressed Chile to negotiate": Chile negotiates
        heads = (subjects(token) + agents(token) if pred.passive else list(pred.agents)) + heads
        if _trigger_kind(ctx, token) in ("Attack", "Meeting", "Negotiation") or _listing_event(ctx, token) is not None:
            heads += objects(token)  # "X met Y", "X hosted Y", "X invaded Y", "summits, including hosting Y"
    else:
        # "X's visit", "X held talks with Y", "the visit by X": a name beside the noun is its place, not a party
        pred = noun_predication(token, ctx.frames.light_verbs, object_control=ctx.frames.object_control)
        denied = _denied_doers(ctx, token)
        heads += [a for a in pred.agents if not (a.head == token and a.dep_ in ("compound", "amod", "nmod"))
                  and a not in denied]
        heads += [t for t in pred.oblique("with", "between", "among") if t not in heads]
        heads += [t for t in pred.oblique("of") if _gathering(ctx, token) and t not in heads]
        heads += [t for t in objects(token.head) if _gathered_by(ctx, token)]
        hosting = _hosting_clause(ctx, token)
        heads += subjects(hosting) if hosting is not None else []  # "a conference she chaired": she took part
        verb = token.head.head
        # (not who "did not take part in the talks", nor who "should pay at the conference": what the clause
        # supposes or prescribes put no one there; what someone reports of it did: "Bush noted that the rapport he
        # built at that meeting would help")
        if token.dep_ == "pobj" and verb.pos_ in ("VERB", "AUX") and (token.head.lower_ in ("at", "during")
                                                                   or _gathered_in(ctx, token)) \
                and _placed_there(ctx.factuality(verb)):
            heads += _present_at(verb)
        heads += [c for c in token.children if _doers_adjective(ctx, token, c)]  # "the British capture of X"
        named = _modifier_entities(ctx, token, list(token.children))
        assault = _assault(ctx, token)
        if len([k for k in named if _kind_of(ctx, k) in ("State", "Person", "Organization")]) >= 2 or assault \
                or any(_sides_named(c) for c in token.children):
            # "the U.S.-Chile summit" names two parties, "the Spanish-American War" its sides; "the Chilean invasion of
            # Bolivia" its invader
            heads += [t for c in token.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
        targets = prep_objects(token, "of", "on", "against") if assault else []
        heads += targets + [o for t in targets for o in _owners_of_target(ctx, t)]  # "attacks on British forts"
    out: list[str] = _participants(ctx, container) if (container := _listing_event(ctx, token)) else []
    for head in heads:
        out += [k for k in ctx.registry.actors(head) if k not in out]
    return out


def _placed_there(fact: Factuality) -> bool:
    return fact.polarity == "Positive" and fact.modality not in ("Hypothetical", "Normative")


def _denied_doers(ctx: Context, noun: Token) -> list[Token]:
    """"China refused to join the talks", "did not attend the summit": who is told not to have done the verb
    taking an event that took place as its object took no part in it ("refused to hold the elections": none were
    held, and the refusal is the one who would have held them)."""
    verb = noun.head
    denied = noun.dep_ == "dobj" and verb.pos_ == "VERB" and ctx.factuality(verb).polarity == "Negative" \
        and ctx.factuality(noun).polarity == "Positive"
    return subjects(verb) if denied else []


def _gathering(ctx: Context, noun: Token) -> bool:
    """"A meeting of the foreign ministers", "the visit of Senator Silva to Quito": the "of" phrase of a gathering or a
    journey names who gathers or travels ("the invasion of Chile" names whom it struck)."""
    lemma = noun.lemma_.lower()
    section = ctx.triggers["events"]
    return section["nouns"].get(lemma) in ("Meeting", "Summit") or lemma in section["journeys"]


def _gathered_in(ctx: Context, noun: Token) -> bool:
    """"In a meeting with Chiang, Roosevelt and Churchill agreed ...": "in" a gathering is at it ("in the war" is
    no presence at anything)."""
    return noun.head.lower_ == "in" and _trigger_kind(ctx, noun) in ("Meeting", "Summit", "Negotiation")


def _present_at(verb: Token) -> list[Token]:
    """"At the summit, X signed a pact with Y", "during the talks, X secured concessions from Y": X and Y were there.
    X is a subject of the verb's own, not one it inherits, or the one the parser hung on the fronted phrase."""
    own = [t for c in verb.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)  # "X was finalized at the summit"
    doers = own or (subjects(verb) if verb.dep_ in ("ROOT", "ccomp") and not passive else [])
    return doers + [o for t in [verb, *objects(verb)] for o in prep_objects(t, "with", "from")] if doers else []


def _listing_event(ctx: Context, noun: Token) -> Token | None:
    """"two summits with X, including a visit to Y": the event noun whose instances the list gives."""
    prep = noun.head
    if noun.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("including", "like"):
        return None
    listing = prep.head  # the parser may hang the list on the last word before it ("summits with X, including")
    while listing.dep_ in ("pobj", "prep") and not (listing.pos_ == "NOUN" and _trigger_kind(ctx, listing)):
        listing = listing.head
    if listing.pos_ == "VERB":  # "has chaired two congresses, including ...": or on the verb whose object they are
        listing = next((o for o in objects(listing) if o.pos_ == "NOUN"), listing)
    return listing if listing.pos_ == "NOUN" and _trigger_kind(ctx, listing) else None


def _assault(ctx: Context, noun: Token) -> bool:
    """An attack named by a noun ("invasion of X", "attack on X", in a heading or a name "Japanese Invasion of China"):
    its modifier is the attacker, its object the target."""
    return noun.pos_ in ("NOUN", "PROPN") and ctx.triggers["events"]["nouns"].get(noun.lemma_.lower()) == "Attack"


def _hosting_clause(ctx: Context, noun: Token) -> Token | None:
    """"a conference she chaired in Quito in May", "the talks that both sides held": a relative clause whose verb only
    carries the event says who took part in it, where and when; so does a participle ("the conference held in
    Moscow")."""
    return next((c for c in noun.children if (c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN")
                 and c.lemma_.lower() in ctx.frames.light_verbs), None)


def _gathered_by(ctx: Context, noun: Token) -> bool:
    """"The meeting would bring X, Y and Z together at W", "the talks involved X": the event is the subject of a
    verb whose objects are those who take part."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ctx.triggers["events"]["gathering_verbs"]


def _place_modifiers(ctx: Context, token: Token) -> list[str]:
    """Entities in the compounds of a noun: "Quito summit" names a place, "Chile-Peru summit" two parties. A people's
    adjective names the place of a named event ("the Hungarian Revolution"), an election or a meeting ("the Chilean
    elections"); of another act it names the doer ("the British capture of Philadelphia", "Israeli withdrawals")."""
    return _modifier_entities(ctx, token, [c for c in token.children if not _doers_adjective(ctx, token, c)
                                           and not _sides_named(c)])


def _sides_named(modifier: Token) -> bool:
    """"the French and Indian War", "the Spanish-American War": peoples named together are its sides, not its
    place (where "the Cairo and Tehran conferences" are at both places)."""
    return modifier.ent_type_ == "NORP" and any(c.dep_ in ("cc", "conj") or c.text in ("-", "–")
                                                for c in modifier.children)


def _modifier_entities(ctx: Context, token: Token, children: list[Token]) -> list[str]:
    found = []
    for child in children:
        if child.dep_ in ("compound", "nmod", "amod"):
            found += [k for t in child.subtree if (k := ctx.registry.key_of(t)) and k not in found]
    return found


def _doers_adjective(ctx: Context, noun: Token, modifier: Token) -> bool:
    """A people's adjective before an act that is no named event, election or meeting: who did it ("the British
    capture of Philadelphia"); so is a state's name before one that is no journey ("the U.S. withdrawal")."""
    if noun.pos_ == "PROPN" or _trigger_kind(ctx, noun) in ("Election", *MEETING_KINDS):
        return False
    if modifier.dep_ == "compound" and modifier.pos_ == "PROPN":
        return _kind_of(ctx, ctx.registry.key_of(modifier) or "") == "State" \
            and noun.lemma_.lower() not in ctx.triggers["events"]["journeys"] and not _named_event(ctx, noun)
    return modifier.dep_ == "amod" and modifier.pos_ != "PROPN"


def _kind_of(ctx: Context, key: str) -> str | None:
    entity = ctx.registry.entities.get(key)
    return entity.kind if entity else None


def _location(ctx: Context, token: Token) -> str | None:
    """A place named by "in"/"at" (or inside that phrase: "at Glassboro State College in New Jersey", "off the coast of
    Malta"), or a compound."""
    places = prep_objects(token, "in", "at", "into", "near", "aboard", "off") + _on_island(ctx, token) \
        + _with_party_places(ctx, token)
    hosting = _hosting_clause(ctx, token) if token.pos_ in ("NOUN", "PROPN") else None
    places += prep_objects(hosting, "in", "at") if hosting is not None else []
    journey = token.lemma_.lower() in ctx.triggers["events"]["journeys"] \
        or _journey_to_gathering(ctx, token) is not None
    assault = _assault(ctx, token)
    if journey:  # "the Peruvian presidential visit to Chile" is in Chile, "flew to Lima for talks" in Lima
        places = prep_objects(token, "to") + places
    if assault:  # "the Chilean invasion of Bolivia" is in Bolivia
        places = [p for t in prep_objects(token, "of", "on", "against") for p in _target_places(ctx, t)] + places
    elif token.pos_ == "VERB" and _trigger_kind(ctx, token) == "Attack":  # "Somalia invaded Ethiopia", after "at X"
        places += [p for t in objects(token) for p in _target_places(ctx, t)]
    candidates = _places_in(ctx, places)
    if token.pos_ in ("NOUN", "PROPN") and not ((journey or assault) and candidates):
        modifiers = _place_modifiers(ctx, token)
        if assault:  # "the Japanese attack", "the American occupation": the attacker, not where it was
            modifiers = [k for k in modifiers if _kind_of(ctx, k) != "State"]
        if len([k for k in modifiers if _kind_of(ctx, k) == "State"]) < 2:
            candidates = modifiers + candidates
        if token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
            candidates += [ctx.registry.key_of(t) for t in prep_objects(token.head.head, "in", "at")]
        said_of = _verb_of_subject(token)
        # "talks began in earnest at Geneva", "it took until 1965 for talks to begin at Geneva"
        if said_of is not None and said_of.lemma_.lower() in ctx.cues.occurrence_verbs:
            candidates += _places_in(ctx, prep_objects(said_of, "in", "at"))
        if _gathered_by(ctx, token):
            candidates += _places_in(ctx, prep_objects(token.head, "in", "at"))
    return next((k for k in candidates if k and _kind_of(ctx, k) in ("Location", "State")), None)


def _with_party_places(ctx: Context, token: Token) -> list[Token]:
    """"met with Khrushchev in Vienna", "talks with the envoy at Geneva", "was received by Xi in Beijing", "a meeting
    of both presidents in Quito": the parser hangs the place of a meeting on whom it was with or of; "flew to Lima,
    where he met Ruiz": a meeting "where" the clause it hangs on went is there."""
    if _trigger_kind(ctx, token) not in MEETING_KINDS:
        return []
    parties = prep_objects(token, "with", "by") \
        + (objects(token) if token.pos_ == "VERB" else prep_objects(token, "of"))
    where = any(c.lower_ == "where" and c.dep_ == "advmod" for c in token.children)
    went = prep_objects(token.head, "to", "in", "at") if where and token.dep_ == "advcl" else \
        [token.head] if where and token.dep_ == "relcl" else []  # "to Lima, where": the parser may hang it on Lima
    return [p for party in parties for p in prep_objects(party, "in", "at") + _on_island(ctx, party)] + went


def _on_island(ctx: Context, token: Token) -> list[Token]:
    """"on Midway Island", "on the island of Corfu": where it was ("talks on Korea" are about Korea)."""
    return [o for o in prep_objects(token, "on") if o.lemma_.lower() in ctx.triggers["events"]["island_nouns"]]


def _target_places(ctx: Context, target: Token) -> list[Token]:
    """"attacks on British forts", "the seizure of American merchant ships": a people's word on a thing attacked says
    whose it was (``_owners_of_target``), not where; only the place phrases of such a target place the attack
    ("British forts in the Ohio Valley"). A word for a kind of place keeps it ("an attack on Chinese territory")."""
    return prep_objects(target, "in", "at", "near") if _owners_of_target(ctx, target) else [target]


def _owners_of_target(ctx: Context, target: Token) -> list[Token]:
    """The people's or state's words that say whose a thing attacked was ("American ships", "U.S. shipping", "an
    Iranian Revolutionary Guards barrack")."""
    if not (target.pos_ == "NOUN" or target.pos_ == "PROPN" and target.ent_type_ == "ORG") \
            or target.lemma_.lower() in ctx.triggers["events"]["place_nouns"]:
        return []  # a body's name is owned too ("an Iranian Revolutionary Guards barrack")
    return [c for c in target.children if c.dep_ == "amod" and c.ent_type_ == "NORP" or c.dep_ in ("compound", "nmod")
            and any(t.ent_type_ in ("NORP", "GPE") for t in c.subtree)]


def _verb_of_subject(noun: Token) -> Token | None:
    """The verb the event noun is the subject of, with "for X to V" read as X's V."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        found = next((v for v in noun.head.head.children if for_subject(v) is noun), None)
        if found is not None:
            return found
    # "for negotiations to begin at Geneva", "talks to be held in Lima": the parser may hang the verb on the noun
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _places_in(ctx: Context, phrases: list[Token]) -> list[str | None]:
    """The names inside place phrases, a venue ("at Machu Picchu") before a region ("in Cusco")."""
    kinds = ctx.triggers["events"]["place_nouns"]
    tokens = [t for p in phrases for t in [p, *p.subtree] if _placed_within(t, p, kinds)
              and not _in_agreement_name(ctx, t)]
    kept = set(tokens)
    # the innermost "at" first: "at the old fort in Cusco at Machu Picchu" is at Machu Picchu
    venues = sorted((t for t in tokens if t.dep_ == "pobj" and t.head.lower_ == "at"),
                    key=lambda t: -len(list(t.ancestors)))
    ordered = [w for v in venues for w in v.subtree if w in kept] + tokens
    owners = {t for t in ordered if _owner_of_named_place(ctx, t, kinds)}
    ordered = [t for t in ordered if t not in owners] + [t for t in ordered if t in owners]
    return [ctx.registry.key_of(t) for t in dict.fromkeys(ordered)]


def _in_agreement_name(ctx: Context, word: Token) -> bool:
    """"conceded X in the Munich Agreement": the place an agreement is named for is no place of the act."""
    return word.dep_ == "compound" and word.head.is_title \
        and bool(head_forms(word.head) & set(ctx.triggers["agreements"]["heads"]))


def _owner_of_named_place(ctx: Context, modifier: Token, place_nouns: list[str]) -> bool:
    """"the U.S. capital of Philadelphia", "the British colony of Singapore": a state before a word for a kind of place
    says whose the place is; the place is the one its "of" names ("the Ogaden region of Ethiopia" keeps Ogaden)."""
    head = modifier.head
    return modifier.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in place_nouns \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) \
        and _kind_of(ctx, ctx.registry.key_of(modifier) or "") == "State"


_WITHIN = frozenset({"in", "at", "near", "within", "inside", "outside", "into"})


def _placed_within(t: Token, top: Token, place_nouns: list[str]) -> bool:
    """Reached from the place phrase through prepositions of place only ("at Glassboro State College in New Jersey",
    not "in the wake of the war in Korea"), or the "of" of a word for a kind of place ("the city of Santiago"); not
    under a verb below it ("in an effort to end the war in Chaco"), nor inside a possessor, which says whose the venue
    is ("at the former Russian czar's palace in the Crimea")."""
    while t != top:
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "poss" or t.dep_ == "prep" and t.lower_ not in _WITHIN \
                and not (t.lower_ == "of" and t.head.lemma_.lower() in place_nouns):
            return False
        t = t.head
    return True


def _label(ctx: Context, token: Token, kind: str, location: str | None, dates: dict[int, Interval]) -> str:
    if kind in MEETING_KINDS and location and token.pos_ == "NOUN":
        return f"{ctx.registry.entities[location].label} {token.lower_}"  # "Quito talks", "Lima summit"
    if token.pos_ in ("NOUN", "PROPN"):
        return phrase(token, keep_possessor=_dated_speech(ctx, token))  # "Ruiz's 1931 speech": whose words
    skip = {i for d in dates for i in _date_phrase(token.doc[d])} | _asides(token, subjects(token)) \
        | _in_brackets(token)
    if not_until(token) and any(c.dep_ == "neg" for c in token.children):
        # "did not re-enter the fray until October": it did, and the label says when
        skip -= {t.i for c in token.children if c.dep_ == "prep" and c.lower_ == "until" for t in c.subtree}
    relative = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS]
    one_act = _one_act(token)
    words = [t for t in token.subtree if t.i not in skip and not _in_clause_of(t, token, one_act)
             and t.dep_ not in ("mark", "punct") and t not in relative
             and not (t.dep_ == "aux" and t.lower_ == "to" and t.head == token)
             and not (t.dep_ == "advmod" and t.lower_ == "when" and t.head == token)]  # "1917, when X withdrew"
    # "proposed an initiative that would be known as Lend-Lease": the name a thing of the label was given stays
    naming = {t for c in token.subtree if c.dep_ == "relcl" and c.head in words
              for t in naming_words_of(c, ctx.triggers["agreements"]["naming_words"])}
    words = sorted({*words, *(t for t in naming if t.dep_ != "punct")}, key=lambda t: t.i) if naming else words
    # "the Dayton Agreement, which ended the war": the event is the agreement's; "NATO agreed to ...": its subject
    named = phrase(token.head) if relative and token.dep_ == "relcl" or _passive_participle(token) else ""
    if not named and not subjects(token) and token.dep_ in ("xcomp", "advcl"):
        said_of = noun_before_participle(token)
        named = phrase(said_of) if said_of is not None else " ".join(phrase(s) for s in subjects(token.head)[:1])
    elif not named and token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # "The Paris Agreement was adopted in 2015 and entered into force in 2016": a verb joined to another shares
        # its subject, which says whose act the label tells
        first = first_conjunct(token)
        named = next((phrase(c) for c in first.children if c.dep_ in ("nsubj", "nsubjpass")
                      and c.lower_ not in RELATIVE_PRONOUNS), "")
    elif not named and token.dep_ == "xcomp" and token.tag_ == "VB" \
            and not any(c.dep_ == "nsubj" for c in token.children):
        # "Iraq began to threaten Kuwait in July", "appointed Adams to negotiate terms": an infinitive is said of
        # whoever controls it
        doers = list(verb_predication(token, ctx.frames.object_control).agents)[:1]
        named = " and ".join(phrase(d) for d in conjuncts(doers[0])) if doers else ""
    if named:
        return f"{named} {text_of(cut_words(words, 16))}"
    return _object_filled(cut_words(words, 18), token)


def _passive_participle(verb: Token) -> bool:
    """"a letter delivered by Ambassador Glaspie on July 27": a participle with its doer after the noun it is said of,
    whose label starts with that noun."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ == "agent" for c in verb.children)


def _object_filled(words: list[Token], verb: Token) -> str:
    """"the GSOMIA, which Seoul had suspended in 2029": the noun a relative clause's object pronoun stands for takes
    its place after the verb ("Seoul had suspended the GSOMIA in 2029")."""
    pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS), None)
    if pronoun is None or verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return text_of(words)
    rest = [t for t in words if t != pronoun]
    before, after = [t for t in rest if t.i <= verb.i], [t for t in rest if t.i > verb.i]
    return " ".join(part for part in (text_of(before), phrase(verb.head), text_of(after)) if part)


def _own_words(ctx: Context, noun: Token, label: str) -> tuple[str, ...]:
    """What the text calls an event whose label is made: its noun phrase ("the formal Lima talks") and the clause it
    is the subject of, when that clause says it took place ("the formal talks began in Lima")."""
    if noun.pos_ != "NOUN":
        return ()
    found = [phrase(noun)]
    verb = _verb_of_subject(noun)
    if verb is not None and verb.lemma_.lower() in ctx.cues.occurrence_verbs:
        found.append(tidy_label(_label(ctx, verb, "Event", None, ctx.dates)) or "")
    return tuple(w for w in dict.fromkeys(found) if w and w != label)


def _asides(verb: Token, subject: list[Token]) -> set[int]:
    """Words of a clause that say how or who, not what happened: phrases fronted before the subject ("In terms of
    law, X urged ..."), or set off between commas after it, and the subject's appositions ("X, the Soviet leader,")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    first_subject = min((s.left_edge.i for s in subject), default=verb.i)
    aside = {t.i for c in verb.children if c.i < first_subject and c.dep_ not in ("nsubj", "nsubjpass")
             for t in c.subtree}
    # "the board, under the chairmanship of X, the head of Y, proposed ..." ("X, along with Y, proposed" adds to who)
    last_subject = max((s.right_edge.i for s in subject), default=verb.i)
    aside |= {t.i for c in verb.children if last_subject < c.i < verb.i and c.dep_ in ("prep", "advmod", "npadvmod")
              and c.lower_ not in ("along", "together", "including") and c.left_edge.i > 0
              and c.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
    # "refused to sign the treaty, a decision that angered Peru": an apposition that sums up the clause
    comments = {t.i for a in verb.subtree if summing_up(a) for t in a.subtree}
    comments |= {t.i for t in stray_subjects_within(verb)}  # the subject of the verb after the clause
    # "In a bid to X, the new President named ...": a phrase the parser hangs on the subject before its comma
    fronted = {t.i for s in subject for c in s.children if c.dep_ == "prep" and c.i < s.i
               and c.right_edge.i + 1 < s.i and c.doc[c.right_edge.i + 1].text == "," for t in c.subtree}
    appositions = {t.i for s in subject for a in s.children if a.dep_ == "appos" for t in a.subtree}
    return aside | comments | fronted | appositions


def _in_brackets(verb: Token) -> set[int]:
    """"Some (though not all) of the planned actions were deployed": an aside in brackets is none of what happened
    (a clause that is itself the aside keeps its words)."""
    inside: set[int] = set()
    opened = None
    for t in verb.doc[verb.left_edge.i: verb.right_edge.i + 1]:
        if t.text == "(":
            opened = t.i
        elif t.text == ")" and opened is not None:
            inside |= set(range(opened, t.i + 1)) if not opened < verb.i < t.i else set()
            opened = None
    return inside


def tidy_label(label: str, shortest: int = 3) -> str | None:
    """A clause label an analyst can read, or None: a label cut short loses its dangling preposition or
    conjunction; one that opens on a relative or question word ("which attend in", "what she feared"), ends on a verb
    that lost its complement, or keeps fewer than `shortest` words, names nothing."""
    words = label.split()
    # ("... had met since the end of the war in order": the purpose the words "in order" opened was cut)
    while words and (words[-1].lower() in CLOSING_FRAGMENTS or [w.lower() for w in words[-2:]] == ["in", "order"]):
        words.pop()
    if len(words) < shortest or words[0].lower() in OPENING_FRAGMENTS or words[-1].lower() in _UNFINISHED:
        return None
    return " ".join(words)


def _date_phrase(date: Token) -> range:
    """The words of a date with the preposition that introduces it ("in December", "by 2028")."""
    head = date.head if date.dep_ == "pobj" and date.head.dep_ == "prep" else date
    clauses = [c for c in date.children if c.dep_ == "relcl"]  # "until 1991, when X ...": the clause is no date
    end = min([c.left_edge.i for c in clauses], default=head.right_edge.i + 1)
    return range(head.left_edge.i, end)


def _one_act(root: Token) -> bool:
    """"Bombarded and boarded the Chesapeake": a verb with nothing after it but the next verb of the same subject
    shares that verb's object, and the two are one act."""
    return not any(c.i > root.i and c.dep_ not in ("cc", "conj", "punct") for c in root.children) \
        and any(coordinated_verb(c) and objects(c) and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                for c in root.children)


def _in_clause_of(t: Token, root: Token, one_act: bool = False) -> bool:
    """Inside a clause of its own, or an adverb of the root; a reported clause ("announced that ...") stays, and so
    does a verb that makes `one_act` with the root."""
    while t != root:
        # "agreed in May to set up a commission": an infinitive without a subject of its own says what was done
        complement = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and not any(
            c.dep_ in ("nsubj", "mark") for c in t.children)
        # "broke away from the bloc": an adverb right after the verb with a phrase of its own says where to
        heading = t.dep_ == "advmod" and t.i == root.i + 1 and any(c.dep_ == "prep" for c in t.children)
        if t.dep_ in ("advmod", "npadvmod", "advcl", "relcl", "parataxis") and t.head == root and not complement \
                and not heading:
            return True
        if t.head == root and not one_act and (coordinated_verb(t) or t.dep_ == "cc" and any(
                coordinated_verb(c) for c in root.children)):
            return True  # "released plans and declared X": the second verb is an act of its own
        if t.dep_ in CLAUSE_DEPS and t.head != root and not _purpose_of_object(t, root) and not misread_clause(t):
            return True
        t = t.head
    return False


def _purpose_of_object(clause: Token, root: Token) -> bool:
    """"released plans to raise spending": what the object of the verb is for says what was done."""
    return clause.dep_ == "acl" and clause.head.dep_ == "dobj" and clause.head.head == root \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _corefers(ctx: Context, token: Token, kind: str, location: str | None, participants: list[str]) -> str | None:
    """An earlier meeting this mention refers to, or None for a new event; not one held at another time than the one
    the mention's own words give ("meetings were held from 1929 until 1931 ... the May 1931 Conference": a date in
    another phrase after it, "set a date for the summit in January", may be another act's), nor, unless "this" or "that"
    points back, one none of whose parties the mention names ("X met Y ... the visit of Z")."""
    if kind not in MEETING_KINDS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.dep_ == "attr" and token.head.lemma_ == "be":  # "the Lima Conference was a meeting of ...": it
        named = [ctx.event_at[s.i] for s in token.head.children if s.dep_ == "nsubj" and s.i in ctx.event_at]
        if named:
            return named[0]
    # "held talks in Lima on May 2, the first such meeting in years": an apposition (which the parser may make a
    # second object) says more of the event before it
    restated = token.head if token.dep_ == "appos" else next(
        (c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None) if token.dep_ == "dobj" else None
    if restated is not None and restated.i in ctx.event_at:
        return ctx.event_at[restated.i]
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    if determiners & {"another", "a", "an"} or any(c.lower_ in ("next", "new", "future") for c in token.children):
        return None
    participants = [] if determiners & {"this", "that", "these", "those"} else participants  # "this meeting": the last
    # "the 1930 conference", "the Conference of 1930"
    own = [*token.lefts, *(p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
    when = next((ctx.dates[t.i].start for t in own if t.i in ctx.dates), None)
    earlier = [e for e in ctx.events.values() if e.kind in ("Meeting", "Summit")
               and (when is None or e.start is None or e.start.overlaps(when))
               and not _other_parties(ctx, participants, e.participants)]
    if location:
        return next((e.key for e in reversed(earlier) if e.location == location), None)
    definite = determiners & {"the", "this", "that", "their", "his", "its", "our"}
    wanted = {"Summit"} if kind == "Summit" else {"Meeting", "Summit"}
    earlier = [e for e in earlier if e.kind in wanted and e.evidence.span.begin < sentence_of(token).start_char]
    # "the Lausanne Conference" names its own meeting: an earlier one is it only under that name
    name = [c.text for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if name:
        earlier = [e for e in earlier if all(w in " ".join((e.label, *e.aliases)) for w in name)]
    # "the 1930 conference": the one held then before one whose time is not known
    earlier = [e for e in earlier if e.start is not None] or earlier if when is not None else earlier
    return earlier[-1].key if definite and earlier and kind != "Negotiation" else None


def _other_parties(ctx: Context, mention: list[str], earlier: tuple[str, ...]) -> bool:
    """None of the parties the mention names, nor their states, took part in the earlier event: "the visit of Z" after
    "X met Y" (a meeting of two leaders, told after a summit of their states, may be that summit)."""
    def widened(actors: Collection[str]) -> set[str]:
        return {*actors, *(k for a in actors for k in ctx.served_by(a))}
    return bool(mention and earlier) and widened(mention).isdisjoint(widened(earlier))


def _merge(old: Event, kind: str, participants: list[str], location: str | None, when: Interval | None,
           name: str | None = None) -> Event:
    """A later mention adds what the first lacked; a proper name ("the Machu Picchu Summit") names it."""
    kind = kind if SPECIFICITY.get(kind, 0) > SPECIFICITY.get(old.kind, 0) else old.kind
    old = replace(old, label=name) if name else old
    people = old.participants + tuple(p for p in participants if p not in old.participants)
    start = old.start or (when.start if when else None)
    end = old.end or (when.end if when and not old.start else None)
    return replace(old, kind=kind, participants=people, location=old.location or location, start=start, end=end)


def _absorbed_noun(ctx: Context, verb: Token) -> tuple[Token | None, str | None]:
    """"met ... for a summit": a noun trigger in a preposition of a trigger verb names that verb's event."""
    for noun in prep_objects(verb, "for", "at", "in"):
        kind = _trigger_kind(ctx, noun)
        if kind:
            return noun, kind
    return None, None


def events(ctx: Context, sent: SentSpan) -> None:
    dates = ctx.dates
    for token in sent:
        kind = _trigger_kind(ctx, token) or _journey_to_gathering(ctx, token)
        if kind is None or token.i in ctx.event_at or _taken_as(ctx, token):
            continue
        noun, noun_kind = _absorbed_noun(ctx, token) if token.pos_ == "VERB" else (None, None)
        if noun is not None and SPECIFICITY.get(noun_kind, 0) >= SPECIFICITY.get(kind, 0):
            kind = noun_kind
        _record(ctx, token, kind, dates, also=noun)
        for place in _other_places(ctx, token, kind):
            _record(ctx, token, kind, dates, place=place)
    _dated_clauses(ctx, sent, dates)


def _other_places(ctx: Context, noun: Token, kind: str) -> list[str]:
    """"the 1972 summits in Beijing and Moscow": gatherings named together, each held in its own place; the places
    after the first (which ``_location`` gives the first)."""
    if kind not in MEETING_KINDS or noun.tag_ != "NNS":
        return []
    places = [k for p in prep_objects(noun, "in", "at") for c in conjuncts(p)[1:] if (k := ctx.registry.key_of(c))]
    return [k for k in dict.fromkeys(places) if _kind_of(ctx, k) in ("Location", "State")]


def _journey_to_gathering(ctx: Context, verb: Token) -> str | None:
    """"X flew to Moscow for talks with Y": the journey is the gathering it was made for, so that the traveller takes
    part in it and the place it went to is where it was held (the noun then names the event)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.triggers["events"]["travel_verbs"]:
        return None
    return next((kind for noun in prep_objects(verb, "for") if (kind := _trigger_kind(ctx, noun)) in MEETING_KINDS),
                None)


def _taken_as(ctx: Context, noun: Token) -> bool:
    """"Chile regarded the blockade as an attack on its waters": what a thing is taken for, after the "as" of a verb of
    holding a view, is that view, no event (the thing itself is one); the parser may hang the "as" on a participle
    of the thing ("to regard any missile launched from Cuba as an attack on the United States")."""
    while noun.dep_ == "pobj" and noun.head.lower_ != "as" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "as a launching pad for an invasion": inside the phrase of what it is taken for
    if noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return False
    head = noun.head.head
    if any(t.lower_ == "as" and t.dep_ == "advmod" for t in head.subtree):
        return False  # "not considered as significant a failure as the Bay of Pigs invasion": a comparison
    for _ in range(3):
        if head.pos_ == "VERB" and head.lemma_.lower() in ctx.triggers["positions"]["regarding_verbs"]:
            return True
        if head.dep_ not in ("acl", "dobj"):
            return False
        head = head.head
    return False


def _record(ctx: Context, token: Token, kind: str, dates: dict[int, Interval], also: Token | None = None,
            when: Interval | None = None, place: str | None = None) -> None:
    also_in = _participants(ctx, also) if also is not None else []
    participants = list(dict.fromkeys(_participants(ctx, token) + also_in))
    location = place or _location(ctx, token) or (_location(ctx, also) if also is not None else None)
    when = when or _when(ctx, token, dates) or (_when(ctx, also, dates) if also is not None else None)
    mention = also if also is not None else token
    same = _corefers(ctx, mention, kind, location, participants)
    fact = ASSERTED if also is None and _presupposed(ctx, token) else ctx.factuality(token)
    if same:
        name = phrase(mention) if mention.pos_ == "PROPN" and mention.is_title else None
        name = name if name and len(name.split()) > 1 else None  # "the Summit" alone names nothing new
        ctx.events[same] = _merge(ctx.events[same], kind, participants, location, when, name)
        told = token.dep_ not in ("compound", "poss", "nmod")  # "the Lima Summit ratio" tells nothing of the summit
        # "the talks were suspended": what the text told as held was broken off, which does not undo it
        broken_off = ctx.events[same].factuality.is_plain_fact and token.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and with_particle(token.head) in ctx.triggers["events"]["closing_verbs"]
        if fact.polarity == "Negative" and not broken_off or fact.is_plain_fact and location and told:
            # "the meeting was canceled": what was planned did not happen; "the Machu Picchu Summit, which opened on ...":
            # it did (only a mention that names the same place is sure to be the same meeting), and that sentence
            # is its evidence; a cancellation keeps the sentence that says what was planned
            evidence = ctx.evidence(sentence_of(token), f"rule:event-{kind.lower()}", 0.75) if fact.is_plain_fact \
                else ctx.events[same].evidence
            ctx.events[same] = replace(ctx.events[same], factuality=fact, evidence=evidence)
    elif mention.pos_ != "VERB" and not (participants or location or when) and (
            fact.is_plain_fact and not _told_to_occur(ctx, mention) or len(phrase(mention).split()) < 2):
        # a bare "negotiations" or "military exercises" names a kind of event, not one that happened (unless the
        # text says it came about); nor is a bare one that did not happen a statement anyone can use
        return
    else:
        label = _label(ctx, mention, kind, location, dates)
        if mention.pos_ == "VERB":
            label = tidy_label(label, shortest=2 if _named_doer_alone(mention, label) else 3)
            if label is None:
                return  # "which attend in", "it took for": a clause the parse tore apart names no event
            label = next((_named_subject(ctx, s, label) for s in mention.children if s.dep_ in ("nsubj", "nsubjpass")),
                         label)
        same = ctx.fact_key("event", kind, label, sentence_of(token).start_char)
        ctx.events[same] = Event(
            key=same, kind=kind, label=label, evidence=ctx.evidence(sentence_of(token), f"rule:event-{kind.lower()}", 0.75),
            factuality=fact, participants=tuple(participants), location=location,
            start=when.start if when else None, end=when.end if when else None,
            aliases=_own_words(ctx, mention, label))
    ctx.event_at[token.i] = same
    if also is not None:
        ctx.event_at[also.i] = same
    hosting = _hosting_clause(ctx, mention) if mention.pos_ == "NOUN" else None
    for clause in ([hosting] if hosting is not None else []) + _occurrence_clauses(ctx, mention):
        ctx.event_at[clause.i] = same  # its date is the meeting's, not an event of its own
    hosts = [k for s in subjects(hosting) for k in ctx.registry.actors(s)] if hosting is not None else []
    ctx.events[same] = _as_summit(ctx, ctx.events[same], hosts)
    if ctx.events[same].kind in MEETING_KINDS:
        ctx.registry.note_pair(list(ctx.events[same].participants), token.idx)
    elif _fought_by_two_states(ctx, mention, ctx.events[same]):
        ctx.registry.note_fought(ctx.events[same].participants)


def _fought_by_two_states(ctx: Context, mention: Token, event: Event) -> bool:
    """"the Russo-Japanese War", "Iraq invaded Kuwait": the two states a war or an attack sets against each other are
    whom "the two sides of the conflict" then means (not "the two sides" alone: the last to meet or sign)."""
    fought = event.kind == "Attack" or _named_event(ctx, mention)
    return fought and event.factuality.is_plain_fact and len(event.participants) == 2 \
        and all(_kind_of(ctx, k) == "State" for k in event.participants)


def _named_doer_alone(verb: Token, label: str) -> bool:
    """"Smith resigned", "Smith, who resigned": a named doer and a verb with no object say what happened (not "which
    Japan activated", whose object is elsewhere, nor "the siege of Grozny, which began", where the parse may have
    hung the clause on the wrong noun)."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "relcl":
        doers = [verb.head] if not (verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of") else []
    else:
        doers = subjects(verb)
    return any(d.pos_ == "PROPN" and label.startswith(phrase(d)) for d in doers)


def _presupposed(ctx: Context, noun: Token) -> bool:
    """"talks on the amount owed at the Paris Conference", "help defeat the coup", "debate on whether X backed Y's
    coup": an event named, or referred to as known (the, this, a possessor), took place whatever the clause around it
    supposes, unless the clause is what makes it ("might hold the summit"), calls it off or denies it, or a word
    says it is only planned ("the planned summit")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if not referred_to_as_known(noun) or any(c.dep_ in ("amod", "compound") and c.lower_ in ctx.cues.irrealis_modifiers
                        for c in noun.children):
        return False
    head = noun.head
    if noun.pos_ == "PROPN" and noun.dep_ in ("compound", "poss", "nmod"):
        return True  # "stayed out of the Chaco War contest": a name that modifies another noun is of a thing known
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        # "demanded Chile's withdrawal": what is wanted is not presupposed, however it is referred to; a "not" on
        # another verb is that verb's ("never forgot its defeat"), one on a verb that only carries the noun is the
        # noun's ("did not hold the summit")
        wanted = noun.dep_ == "dobj" and head.lemma_.lower() in ctx.cues.future_verbs - ctx.cues.ordering_verbs
        return not (head.lemma_.lower() in ctx.frames.light_verbs or negating(head, ctx.cues)
                    or wanted)
    # "called for Chile's withdrawal", "pressed for Israel's withdrawal": what is sought is not presupposed either
    sought = head.lower_ == "for" and head.head.lemma_.lower() in ctx.cues.future_verbs | ctx.cues.advocating_verbs
    # "can be traced to the Conference of Foreign Ministers": a name is of a thing known, whatever the preposition
    return noun.dep_ == "pobj" and not sought and (head.lower_ in ctx.cues.presupposing_prepositions
                                                   or noun.pos_ == "PROPN" and noun.is_title
                                                   or any(c.dep_ == "poss" for c in noun.children))


def _as_summit(ctx: Context, event: Event, hosts: Sequence[str] = ()) -> Event:
    """A meeting of two or more leaders, each with a leader's title in the text, is a summit; so is one a leader hosts
    for a state ("a meeting the President hosted in Lima, where Chile joined the group"): a state a head of state
    receives comes as its own leader, where one met by others ("met the Chilean delegation") need not; and a named
    conference the text places and dates ("At the Lima Conference in 1932, Chile agreed")."""
    leader_titles = set(ctx.triggers["relations"]["leader_titles"])
    leaders = [p for p in event.participants
               if ctx.registry.entities.get(p) and set(ctx.registry.entities[p].roles) & leader_titles]
    guests = [p for p in event.participants if ctx.registry.kind(p) == "State" and p not in hosts]
    sitting = event.location is not None and event.start is not None and _named_conference(ctx, event)
    summit = len(leaders) >= 2 or bool(set(leaders) & set(hosts) and guests) or sitting
    return replace(event, kind="Summit") if event.kind == "Meeting" and summit else event


def _named_conference(ctx: Context, event: Event) -> bool:
    """"the Paris Peace Conference", whichever mention of it told where and when it sat."""
    heads = ctx.triggers["events"]["conference_heads"]
    return any(len(words := name.split()) > 1 and words[-1].istitle() and words[-1].lower() in heads
               for name in (event.label, *event.aliases))


def join_participants(ctx: Context, event_key: str, actors: list[str]) -> None:
    """Those who sign an agreement at a meeting took part in it."""
    event = ctx.events[event_key]
    added = tuple(a for a in actors if a not in event.participants)
    if added:
        ctx.events[event_key] = _as_summit(ctx, replace(event, participants=event.participants + added))


def _dated_clauses(ctx: Context, sent: SentSpan, dates: dict[int, Interval]) -> None:
    """A verb with a date of its own and no trigger word is still a dated event; so is the main clause of a dated
    "when" clause."""
    for i in _stated_first(sent.doc, list(dates)):
        for clause in _when_of_the_date(sent.doc[i]):
            _dated_clause(ctx, clause, dates, dates[i])  # "lasted until 1991, when the FMLN reached an accord"
        anchor = _attachment(sent.doc[i], noun=False)
        if anchor is not None and anchor.pos_ == "PROPN" and sent.doc[i].head.lower_ == "of":
            _dated_measure(ctx, anchor, dates[i])  # "the Fisheries Act of 1951" dates the act, not the clause around it
            continue
        if anchor is None or _own_year(ctx, anchor, sent.doc[i]):
            continue  # "the 1929 Tacna Treaty" is a name, "paved the way for the treaty of 1979" a treaty's year
        if _standing_since(ctx, sent.doc[i], dates[i]):
            continue
        if _after_before(sent.doc[i]) or _deadline_of_a_thing(sent.doc[i]):
            continue  # "Before November 11, the MPLA had negotiated with Castro": no date it did
        verb = _governing_verb(ctx, sent.doc[i], dates[i])
        until = verb is not None and _after_until(sent.doc[i])
        # "did not enter the war until 1941": entered it then; "elections are not required until 2030": what is not
        # required is dated, not the elections
        not_until = until and any(c.dep_ == "neg" for c in verb.children)
        if until and not not_until and not _it_took(verb):
            continue  # "the talks lasted until May", "postponed until 1943": when it ends, not when it happened
        _dated_clause(ctx, verb, dates, dates[i], own=not_until)
        dated = verb if verb is not None else anchor if anchor.pos_ == "VERB" else None  # or the event it dates
        for other in _at_a_gathering(ctx, dated if dated is not None else anchor):
            _dated_clause(ctx, other, dates, dates[i], shared=True)
        if dated is not None and dated.dep_ == "pcomp" and _dated_means(dated.head.head, dates):
            _dated_clause(ctx, dated.head.head, dates, dates[i], shared=True)  # "responded by imposing X on May 2"
        if _shares_the_date(dated, dates):
            # "X proclaimed an amnesty and declared the war over on July 4": both acts took place that day
            _dated_clause(ctx, dated.head, dates, dates[i], shared=True)
        for joined in _under_a_fronted_date(dated, sent.doc[i], dates):
            _dated_clause(ctx, joined, dates, dates[i], shared=True)
        told = _event_its_clause_tells(ctx, verb)
        if told is not None:  # "a coup that toppled the regime on April 25, 1974": the coup's date
            _dated_clause(ctx, told, dates, dates[i], shared=True)
        # "In 1950, when Chile closed the border, ...": not by the date that ended a wait ("while X recognized Texas,
        # it took no action until 1844")
        for clause in _clauses_of_the_time(dated, dates) if not until else ():
            _dated_clause(ctx, clause, dates, dates[i], shared=True)
        when_clause = verb is not None and any(m.dep_ == "advmod" and m.lower_ == "when" for m in verb.children)
        if verb is not None and verb.dep_ == "advcl" and (when_clause or _fronted_participle(ctx, verb)):
            # "When X defaulted in January 1923, Y occupied the Ruhr", "Speaking before the UN on March 17, 1977, the
            # President asserted ...": the main clause happened then too
            _dated_clause(ctx, verb.head, dates, dates[i], shared=True)


def _when_of_the_date(date: Token) -> list[Token]:
    """"until December 1917, when its new government withdrew from the war": a "when" clause on a date, or right
    after it (the parser may hang it on the verb the date is of), tells what happened then."""
    own = [c for c in date.children if c.dep_ == "relcl"]
    end = min([c.left_edge.i for c in own], default=max(t.i for t in date.subtree if not t.is_punct) + 1)
    follows = end < len(date.doc) and date.doc[end].text == "," and end + 1 < len(date.doc) \
        and date.doc[end + 1].lower_ == "when"
    after = [date.doc[end + 1].head] if follows and date.doc[end + 1].head.dep_ == "advcl" else []
    return [c for c in own + after if c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)]


def _event_its_clause_tells(ctx: Context, verb: Token | None) -> Token | None:
    """The event noun a relative clause about it is said of, when the clause tells what the event did or that it
    took place ("a coup that toppled the regime", "the conference, which met in Lima"), not that it ended or went
    on ("the war, which ended in 1953") or what it brought about ("talks which produced a treaty by October")."""
    if verb is None or verb.dep_ != "relcl" or verb.head.i not in ctx.event_at \
            or not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return None
    lemma, events = verb.lemma_.lower(), ctx.triggers["events"]
    lasting = lemma in ctx.frames.ending_verbs or lemma in events["stative"] or lemma in events["causal_verbs"]
    return verb.head if lemma in ctx.cues.occurrence_verbs or not lasting else None


def _clauses_of_the_time(verb: Token | None, dates: dict[int, Interval]) -> list[Token]:
    """"In 1950, when Chile closed the border, Peru protested", "In that year, as the war began in Asia, X gave a
    speech": a clause of the same time ("when", "as", "while") set in a dated clause took place then too, unless it
    has a date of its own or tells of an earlier past ("as Peru had refused")."""
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while") and m.i < c.i
                    for m in c.children)
            and not _earlier_past(c) and not _date_tokens(c, dates)]


_GATHERING_PREPOSITIONS = ("at", "during", "in")


def _at_a_gathering(ctx: Context, dated: Token) -> list[Token]:
    """"Ireland proposed a ban at a meeting of the General Assembly in 1961", "Kennedy announced the plan at the
    Vienna summit in June 1961": an act done at a meeting took place when the meeting did, whichever of the two
    the date hangs on. The act for a dated meeting; the meeting for a dated act, when this sentence first tells of
    it, by the name it goes by (one told of before, or named otherwise, may be another meeting)."""
    def gathering(noun: Token) -> bool:
        event = ctx.events.get(ctx.event_at.get(noun.i, ""))
        return event is not None and event.kind in MEETING_KINDS \
            and event.evidence.span.begin == sentence_of(noun).start_char and phrase(noun) in event.label
    if dated.dep_ == "pobj" and dated.head.lower_ in _GATHERING_PREPOSITIONS and gathering(dated):
        act = dated.head.head  # "proposed a ban at a meeting": the parser may hang the phrase on the object
        act = act.head if act.dep_ == "dobj" else act
        # "Before X became necessary, at the Bandung Conference Y ...": what came before is not at it
        sequenced = any(c.dep_ == "mark" and c.lower_ in SEQUENCE_PREPOSITIONS | {"until"} for c in act.children)
        return [act] if act.pos_ == "VERB" and not sequenced else []
    if dated.pos_ == "VERB":
        places = [p for t in (dated, *objects(dated)) for p in prep_objects(t, *_GATHERING_PREPOSITIONS)]
        return [p for p in places if gathering(p)]
    return []


def _stated_first(doc: Doc, dates: list[int]) -> list[int]:
    """"Fifteen months later, in February 1973, X ...": a date given with its year goes before one counted from another
    date, which it restates (the count may start from the wrong date: the last one named)."""
    def counted(i: int) -> bool:
        words = [doc[j] for j in _date_phrase(doc[i])]
        return not any(YEAR.search(w.text) for w in words) and any(w.lower_ in _COUNTING_WORDS for w in words)
    return sorted(dates, key=counted)


def _fronted_participle(ctx: Context, verb: Token) -> bool:
    """A present participle before its clause's subject, with no conjunction of its own, tells what the subject did as
    the clause's act took place ("Visiting Berlin in early October, Gorbachev cautioned ..."); a past participle tells
    what was done to it before ("Signed into law on June 12, 1934, the act represented ..."), and one of onset when a
    course began, not when the clause's act took place ("Beginning in October, talks in Washington broke down")."""
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verb.tag_ == "VBG" and subject is not None and verb.i < subject.i and not any(
        c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children) \
        and verb.lemma_.lower() not in ctx.triggers["events"]["onset_verbs"]


def _own_year(ctx: Context, noun: Token, date: Token) -> bool:
    """"paved the way for the peace treaty of 1979", "after the campaign of 1812, X": a date in the "of" phrase of a
    thing the clause acts on or is set against is the thing's, not the clause's ("in the summer of 1950", "by the end
    of 1945" are the clause's, and "the crash of 1929 caused X" happened then)."""
    times = {*ctx.triggers["positions"]["time_nouns"], *ctx.triggers["events"]["time_part_nouns"]}
    return noun.pos_ == "NOUN" and date.dep_ == "pobj" and date.head.lower_ == "of" \
        and noun.dep_ not in ("nsubj", "nsubjpass") and not noun.ent_type_ and noun.lemma_.lower() not in times


def _shares_the_date(verb: Token | None, dates: dict[int, Interval]) -> bool:
    """A verb joined to the one before it, with the subject of that one and the date at its end, dates both; the one
    before must have no date of its own, tell no earlier past ("Iraq had financed the war with loans and owed $37
    billion in 1990") and not describe a noun ("the firm, which had owned and run the canal since 1869")."""
    if verb is None or verb.dep_ != "conj" or verb.head.pos_ != "VERB" or verb.head.i > verb.i:
        return False
    first = verb.head
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not _date_tokens(first, dates) \
        and first.dep_ not in ("acl", "relcl") and not _earlier_past(first) and not _dated_means(first, dates)


def _told_as_after(verb: Token) -> bool:
    """"and in its wake came traders", "and Chile later protested": a clause told as coming after the one before."""
    return any(c.dep_ == "advmod" and c.lower_ in _AFTER_ADVERBS or c.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.lower_ in ("wake", "aftermath") for o in c.children) for c in verb.children)


_AFTER_ADVERBS = frozenset(("later", "afterwards", "afterward", "thereafter", "subsequently", "eventually", "soon",
                            "then"))


def _under_a_fronted_date(verb: Token | None, date: Token, dates: dict[int, Interval]) -> list[Token]:
    """"In 1888, Congress took exclusion further and passed the Scott Act": a date set before a verb dates the verbs
    joined after it that share its subject and have no date of their own (one after the verb may be the first act's
    alone: "closed the port in May and expelled the consul"; one in the subject is the subject's: "the purchase of
    Alaska in 1867 marked ..."). A joined verb of another form is taken for the parser's slip ("devised a statement
    of war aims", with "aims" for a verb)."""
    if verb is None or verb.pos_ != "VERB" or date.i > verb.i or any(date in s.subtree for s in subjects(verb)):
        return []
    joined, before = [], verb
    later_verbs = sorted(c for c in verb.conjuncts if c.i > verb.i)
    for later in later_verbs:
        # a verb with a subject of its own ends the list ("X issued A, and Britain responded ... and authorized B"),
        # as does one with no "and" or comma before it; a second clause alone shares the date ("On May 2, a mine
        # exploded, and the ship sank")
        linked = any((t.dep_ == "cc" or t.text == ",") and before.i < t.i < later.i
                     for t in (*before.children, *later.children))
        own_subject = any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in later.children)
        if later.pos_ != "VERB" or later.tag_ != verb.tag_ or not linked \
                or own_subject and (len(later_verbs) > 1 or _told_as_after(later)):
            break
        joined += [] if _date_tokens(later, dates) else [later]
        before = later
    return joined


def _dated_means(verb: Token, dates: dict[int, Interval]) -> bool:
    """"responded by implementing a blockade on April 22 and issued a call the following day": a clause saying how the
    verb's act was done, with a date of its own, dates the act; not a date one had to meet ("by guaranteeing the
    second front by the spring")."""
    means = [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("by", "in") for c in p.children
             if c.dep_ == "pcomp"]
    return any(verb.doc[i].head.lower_ != "by" for clause in means for i in _date_tokens(clause, dates))


def _earlier_past(verb: Token) -> bool:
    """A perfect ("had financed", "as Peru had refused"): a past before the time the sentence tells of."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _takes_agreement_pronoun(ctx: Context, verb: Token) -> bool:
    """"Chile ratified it", "Peru acceded to it": "it" stands for the agreement just named."""
    from .agreements import is_agreement_head  # agreements reads this module's dates: imported when first needed

    words = objects(verb) + prep_objects(verb, "to", "into")
    return any(w.lower_ == "it" and is_agreement_head(ctx, w) for w in words)


def _dated_measure(ctx: Context, name: Token, when: Interval) -> None:
    """"The Fisheries Act of 1951 barred trawlers": a measure named with its year was made that year (a treaty's
    date is the agreement stage's)."""
    from .agreements import is_agreement_head  # agreements reads this module's dates: imported when first needed

    if not head_forms(name) & set(ctx.triggers["reference"]["measure_heads"]) or name.i in ctx.event_at \
            or is_agreement_head(ctx, name):
        return
    label = phrase(name)
    key = ctx.fact_key("event", "Event", label)
    if key not in ctx.events:
        ctx.events[key] = Event(key=key, kind="Event", label=label, factuality=ASSERTED, start=when.start, end=when.end,
                                evidence=ctx.evidence(sentence_of(name), "rule:dated-measure", 0.7))
    ctx.event_at[name.i] = key


def _after_until(date: Token) -> bool:
    """A date after "until": when a state of things ends, or a deadline, unless "not" or "it took" come before."""
    return date.dep_ == "pobj" and date.head.lower_ in ("until", "till")


def _sequenced_event(node: Token, below: Token, date: Token) -> bool:
    """"Until his death in February 1979, Dubs pursued X", "After the fall of Singapore on February 15, 1942, X
    expressed concern": the date of an event that X came before, after or till is not X's (unless X is denied till
    then: "did not end their raids until the conquest of Algeria in 1830" ended them then)."""
    if node.dep_ != "prep" or below == date:
        return False
    until = node.lower_ in ("until", "till") and not any(c.dep_ == "neg" for c in node.head.children)
    return until or node.lower_ in SEQUENCE_PREPOSITIONS


def _after_before(date: Token) -> bool:
    """A date after "before" or "after": a time the act came before or after, not its own ("expanded its navy after
    1952")."""
    return date.dep_ == "pobj" and date.head.lower_ in ("before", "after")


def _deadline_of_a_thing(date: Token) -> bool:
    """"called for Aristide's return to Haiti by October 30, 1993": the time a thing named was due by, not the date of
    the clause around it ("By 1843, immigration had made X a burning issue": one before the noun opens the clause)."""
    by = date.head
    return date.dep_ == "pobj" and by.lower_ == "by" and by.head.pos_ in ("NOUN", "PROPN") and by.head.i < by.i


def _it_took(verb: Token) -> bool:
    """"It took until 1965 for talks to begin": the date is when what followed happened."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children)


def _dated_clause(ctx: Context, verb: Token | None, dates: dict[int, Interval], when: Interval,
                  shared: bool = False, own: bool = False) -> None:
    """Date the verb's event, or record the verb as a dated event if it is one; unless `own`, a date of a verb
    whose subject is a named event is that event's."""
    if shared and verb is not None and verb.i in ctx.event_at:
        event = ctx.events[ctx.event_at[verb.i]]
        ctx.events[event.key] = replace(event, start=event.start or when.start, end=event.end or when.end)
        return
    if verb is None or verb.i in ctx.event_at or verb.lemma_.lower() in ctx.triggers["events"]["stative"]:
        return
    carried = [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ == "dobj" and verb.lemma_.lower() in
               ctx.frames.light_verbs]
    if any(c.i in ctx.event_at for c in carried):
        return  # "began to shell the port in May", "held a summit in May": the date is that event's
    if not (subjects(verb) or objects(verb) or agents(verb)):
        return  # "before being replaced in 1979 by X": the doer is enough to say what happened
    heads, status_verbs = ctx.triggers["agreements"]["heads"], ctx.triggers["agreements"]["status_verbs"]
    if status_verbs.get(verb.lemma_.lower()) not in (None, "Withdrawn") and (
            _object_has(verb, heads) or any(s.dep_ == "nsubj" and s.lemma_.lower() in heads for s in verb.children)
            or _takes_agreement_pronoun(ctx, verb)):
        # a dated signing is the agreement stage's event ("The Lima Treaty, signed May 3, ...": the parser may take
        # the treaty for the subject); "agreed in May to hold talks" is not one; a withdrawal the stage makes none of
        return
    if verb.lemma_.lower() in ctx.triggers["events"]["causal_verbs"] and any(
            t.i in ctx.event_at for t in prep_objects(verb, "to", "in") + objects(verb)):
        return  # "the raid provoked clashes in the winter": the date is the clashes'
    named = [ctx.event_at[s.i] for s in subjects(verb) if s.i in ctx.event_at]
    if named and own:
        return
    # "Negotiations ... began in late 1972": the date is the named event's ("the occupation ended in 1934" is a
    # dated event of its own)
    if named and with_particle(verb) not in ctx.triggers["events"]["closing_verbs"]:
        event = ctx.events[named[0]]
        ctx.events[named[0]] = replace(event, start=event.start or when.start, end=event.end or when.end)
        return
    _record(ctx, verb, "Event", dates, when=when)


def _standing_since(ctx: Context, date: Token, when: Interval) -> bool:
    """"Peru, a Chilean ally since 1931,", "Peru has been a member since 1931": a standing the text dates by its start
    began then; recorded as the actor with what it became."""
    prep = date.head
    if date.dep_ != "pobj" or prep.lower_ != "since":
        return False
    noun = next((c for c in prep.head.children if c.dep_ == "attr"), prep.head) if prep.head.lemma_ == "be" else prep.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("appos", "attr"):
        return False
    holders = [noun.head] if noun.dep_ == "appos" else subjects(noun.head)
    actors = [k for h in holders for k in ctx.registry.actors(h)]
    if not actors or noun.i in ctx.event_at:
        return False
    words = [t for t in noun.subtree if t.i not in _date_phrase(date) and not _in_clause_of(t, noun) and t.dep_ != "punct"]
    label = f"{phrase(holders[0])} {text_of(words)}"
    key = ctx.fact_key("event", "Event", label, sentence_of(date).start_char)
    ctx.events[key] = Event(key=key, kind="Event", label=label, factuality=ctx.factuality(noun),
                            evidence=ctx.evidence(sentence_of(date), "rule:event-event", 0.6),
                            participants=tuple(actors), start=when.start)
    ctx.event_at[noun.i] = key
    return True


def _elided(verb: Token) -> bool:
    """"if the United States did not", "but Bolivia would not": a clause with a subject of its own that leaves its
    verb to the one before says nothing of its own (not an infinitive, "than to be forced to do so", said of what
    governs it)."""
    return (verb.lemma_.lower() == "do" or verb.tag_ == "MD") and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "prep", "oprd", "advcl", "dative")
                    for c in verb.children)


def unrealized_clauses(ctx: Context, sent: SentSpan) -> None:
    """A clause the text negates, hedges, supposes or recommends is recorded as such, never as fact.

    Its verb needs a subject, so that the statement says who or what; triggers already read are skipped.
    """
    made: list[tuple[int, str]] = []  # (verb, statement) of this sentence
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in ctx.event_at or verb.dep_ in ("aux", "auxpass"):
            continue
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "X signed the pact but did not ratify it": a coordinated verb with a negation or modal of its own says its
        # statement of the first one's subject
        own_cue = any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)
        shared = subjects(verb)[:1] if own_cue and coordinated_verb(verb) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) else []
        own = own or shared
        # "declared during the campaign that the tariff should not be raised": a "that" clause with a subject
        # of its own that the parser hung on a noun is no relative clause of it
        # ("the ministry, where the director would serve as ...": a clause on a place or time tells of its own subject;
        # "in the event that the debts were not repaid": the clause is what the condition is)
        relative = verb.dep_ == "relcl" and not (that_clause(verb) and any(c.dep_ == "nsubj" for c in verb.children)) \
            and not condition_phrase(verb.head, ctx.cues) \
            and not any(c.tag_ == "WRB" for c in verb.children)
        said = [s for s in own if not (s.tag_ == "EX" or s.lower_ == "there" or (s.tag_ in ("WDT", "WP") and not relative))]
        # "hoping to resume X", "impossible to keep", "a wish to end X", "the failure to win X"
        # "..., without extending the commitment": what was left undone alongside the act
        left_undone = verb.dep_ == "pcomp" and (verb.head.lower_ == "without" or verb.tag_ == "VBG"
                                                and any(c.dep_ == "neg" for c in verb.children))  # "for not acting"
        listed = verb in listed_infinitives(verb.head)  # "hoped to keep X, to bolster Y, and to undermine Z"
        governed = not said and (verb.dep_ == "xcomp" or left_undone or listed or verb.dep_ == "acl"
                                 and verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in verb.children))
        doer = for_subject(verb)  # "called for X to deploy ships": X deploying ships is what is called for
        if not said and not governed and doer is None or _reporting_aside(ctx, verb) \
                or name_given(verb, ctx.triggers["agreements"]["naming_words"]) is not None:
            continue
        if verb.dep_ == "xcomp" and _unrealized_at(ctx, verb.head) and not listed:
            continue  # "an intent to help reopen X": "help reopen X" is one statement, already read
        if _entitlement(ctx, verb) or _elided(verb):
            continue
        fact = ctx.factuality(verb)
        if fact.polarity == "Positive" and fact.modality == "Asserted" or past_ability(verb, ctx.cues):
            continue
        label = _clause_label(verb)
        if not said and len(label.split()) < 2 and fact.polarity == "Positive":
            continue  # "needs to decide", "barriers to trade": a bare verb says little unless refused or failed
        # "hoping to resume X", "urged Y to address X", "called for Y to act": who would do it, and what
        doers = list(verb_predication(verb, ctx.frames.object_control).agents)[:1] or _striver(ctx, verb)
        if not said and doers:
            # "his wish to liberalize X": a possessive pronoun is no name to put before the verb
            # "Both Chile and Peru pledged to X": every doer, not the first alone
            label = label if doers[0].dep_ == "poss" and doers[0].pos_ == "PRON" \
                else _named_subject(ctx, doers[0], f"{' and '.join(phrase(d) for d in conjuncts(doers[0]))} {label}")
        elif not said and (kept := _tough_subject(ctx, verb)) is not None:  # "the format became impossible to keep"
            label = f"{_clause_label(verb)} {phrase(kept)}"
        elif not said:  # "a pledge to help dredge ...": the clause itself; "hoping to resume X": with its verb
            label = _clause_label(verb if verb.dep_ in ("acl", "pcomp") else verb.head)
        if relative:
            label = f"{phrase(verb.head)} {label}"
        if shared:
            label = f"{phrase(shared[0])} {label}"
        # "Iraq refused to withdraw": a name and a verb that takes nothing are statement enough, denied
        bare = fact.polarity == "Negative" and not said and verb.dep_ == "xcomp" and doers \
            and doers[0].pos_ == "PROPN" and all(c.dep_ in _BARE_VERB_DEPS for c in verb.children)
        label = tidy_label(label, shortest=2 if bare else 3)
        if label is None:
            continue  # "attacked" alone, or "what she feared", says nothing an analyst can use
        if said and not relative:
            label = _named_subject(ctx, said[0], label)
        key = ctx.fact_key("event", "clause", label, sent.start_char)
        ctx.events[key] = Event(key=key, kind="Event", label=label, factuality=fact,
                                evidence=ctx.evidence(sent, "rule:unrealized-clause", 0.5))
        ctx.event_at[verb.i] = key
        made.append((verb.i, key))
    _drop_contained(ctx, made)
    _unrealized_things(ctx, sent)
    _not_sooner(ctx, sent)


_BARE_VERB_DEPS = frozenset({"aux", "neg", "advmod", "cc", "conj"})  # what a verb that takes nothing may still have


def _not_sooner(ctx: Context, sent: SentSpan) -> None:
    """"Peru did not ratify the treaty until 2031": besides the ratification of 2031, a statement that it did not
    come sooner, negated and undated; not after "until" and a clause, which the statement would leave out ("the issue
    was not resolved until X became president" is no issue left unresolved)."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "neg" for c in verb.children) \
                or not any(c.dep_ == "prep" and c.lower_ == "until" for c in verb.children):
            continue
        label = tidy_label(_clause_label(verb))
        if label is None:
            continue
        doers = tuple(dict.fromkeys(k for s in subjects(verb) for k in ctx.registry.actors(s)))
        key = ctx.fact_key("event", "not-sooner", label, sent.start_char)
        ctx.events[key] = Event(key=key, kind="Event", label=label, participants=doers,
                                factuality=replace(ctx.factuality(verb), polarity="Negative"),
                                evidence=ctx.evidence(sent, "rule:not-until", 0.5))


def _striver(ctx: Context, verb: Token) -> list[Token]:
    """"occupied the Ruhr in an effort to force payment", "made an attempt to force payment": the infinitive of a
    noun of striving is what the subject of the clause the noun is in strives to do."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in ctx.triggers["positions"]["striving_nouns"] \
            or any(ctx.registry.actors(c) for c in noun.children if c.dep_ in ("poss", "amod", "compound")):
        return []  # "British attempts to drive a wedge": the noun's own doer, whoever the clause's subject is
    # only "in an effort to", or an effort made ("made an attempt to"): who thwarts or resists it strives for nothing
    clause = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else noun.head \
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.frames.light_verbs else None
    if clause is None or clause.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in clause.children):
        return []
    # a subject of its own: "looked to the United States to lead efforts to X" leaves who leads them to the parse
    own = [c for c in clause.children if c.dep_ == "nsubj"]
    return [s for s in own[:1] if ctx.registry.actors(s)]  # "the impasse led Carter to ..." strives for nothing


def _drop_contained(ctx: Context, made: list[tuple[int, str]]) -> None:
    """"were asked to give up all intentions to ever develop arms": the statement of "develop arms" is said, with the
    same factuality, inside that of "give up": one statement, the wider, says both."""
    for verb_at, key in made:
        event = ctx.events.get(key)
        if event is None:
            continue  # dropped already: two verbs of one statement
        wider = next((k for _, k in made if k != key and k in ctx.events and ctx.events[k].factuality == event.factuality
                      and f" {event.label} " in f" {ctx.events[k].label} "), None)
        if wider is not None:
            del ctx.events[key]
            ctx.event_at[verb_at] = wider


def _named_subject(ctx: Context, subject: Token, label: str) -> str:
    """"Peru said he would not sign": "he" or "she" opening the statement is replaced by whom it stands for, so that
    the statement says who; so is "they" when it is the reporting verb's own plural subject ("the rebels said they
    would not disarm"). Other "they", "it" and "we" stay: a thing, a pair or the writers may be meant."""
    if not label.lower().startswith(subject.lower_ + " "):
        return label
    if subject.lower_ == "they" and (reporter := _plural_reporter(subject)) is not None:
        named = _names(ctx, reporter) or phrase(reporter, drop_determiners=False)
    else:
        # "he and Vega": the pronoun's own person, not its conjuncts, which the label names after it
        named = _names(ctx, subject, coordinated=False) if subject.lower_ in ("he", "she") else ""
    return f"{named}{label[len(subject.text):]}" if named else label


def _names(ctx: Context, token: Token, coordinated: bool = True) -> str:
    """The labels of the actors a word (with its conjuncts, if `coordinated`) stands for, joined by "and"; empty when
    it stands for none."""
    return " and ".join(ctx.registry.entities[k].label for k in ctx.registry.actors(token, coordinated)
                        if k in ctx.registry.entities)


def _plural_reporter(pronoun: Token) -> Token | None:
    """The plural noun subject of the verb whose reported clause "they" opens: in "the states agreed that they would
    not X", English binds "they" to "the states" (no other plural is in reach)."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    plural = reporter is not None and (reporter.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in reporter.children))
    return reporter if plural and reporter.pos_ in ("NOUN", "PROPN") else None


def _tough_subject(ctx: Context, verb: Token) -> Token | None:
    """"X became impossible to sustain", "X is hard to verify": the linking verb's subject is what the infinitive
    acts on, when the infinitive has no object of its own."""
    adjective = verb.head
    if verb.dep_ != "xcomp" or adjective.lemma_.lower() not in ctx.frames.tough_adjectives \
            or adjective.dep_ not in ("acomp", "oprd") or any(c.dep_ in ("dobj", "nsubj") for c in verb.children):
        return None
    return next((s for s in adjective.head.children if s.dep_ in ("nsubj", "nsubjpass")), None)


def _entitlement(ctx: Context, verb: Token) -> bool:
    """"the right to tax the colonies and to levy duties", "the strength to attack": what one is able or entitled to
    do, not an act that did not happen."""
    while verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        verb = verb.head
    return verb.dep_ in ("acl", "advcl", "relcl") and verb.head.pos_ == "NOUN" \
        and verb.head.lemma_.lower() in ctx.cues.capacity_nouns and to_infinitive(verb)


def _unrealized_at(ctx: Context, verb: Token) -> bool:
    key = ctx.event_at.get(verb.i)
    return key is not None and ctx.events[key].evidence.extractor == "rule:unrealized-clause"


def _refused(ctx: Context, noun: Token) -> bool:
    """"rejected a renewal of U.S. isolationism", "rejected the idea of X": what is refused did not come to be;
    not a text, a claim or a stance that was put forward ("rejected the Peruvian proposal", "vetoed the bill", "rejected
    the claims": they were made, what they sought was not), nor a thing judged as it stands ("rejected the tribute as
    insufficient")."""
    verb = noun.head
    if noun.dep_ != "dobj" or with_particle(verb) not in ctx.triggers["events"]["refusing_verbs"] \
            or ctx.factuality(verb).polarity == "Negative" \
            or any(c.dep_ == "prep" and c.lower_ == "as" for t in (verb, *noun.subtree) for c in t.children):
        return False
    lemma = noun.lemma_.lower()
    section = ctx.triggers["agreements"]
    return not any(f.stance in ("Offers", "Demands") for f in ctx.frames.evoked("noun", lemma)) \
        and lemma not in section["heads"] and lemma not in section["of_heads"] and lemma not in ctx.cues.claim_nouns \
        and lemma not in ctx.triggers["reference"]["measure_heads"]


def _unrealized_things(ctx: Context, sent: SentSpan) -> None:
    """A thing the text says did not happen: "without prior warning", "refused any contact with X", "omitting
    references to Y", "the meeting was canceled", "there were no diplomatic ties"; and what it says was not without a
    thing ("the plan was not without risks": a plan without risks, denied)."""
    for noun in sent:
        if noun.pos_ == "NOUN" and noun.i not in ctx.event_at and _none_there(noun) \
                and noun.lemma_.lower() not in ctx.triggers["positions"]["topic_nouns"]:  # "no question of X"
            fact = replace(ctx.factuality(noun.head), polarity="Negative")  # "there would be no war": not so, if ever
            _record_missing(ctx, sent, noun, _whole_phrase(noun).removeprefix("no "), fact)
            continue
        if noun.pos_ != "NOUN" or noun.i in ctx.event_at or noun.dep_ not in ("dobj", "nsubjpass", "pobj"):
            continue
        if second_object(noun):
            continue  # a second object describes the first
        without = noun.dep_ == "pobj" and noun.head.lower_ == "without" and not _fronted_condition(noun.head)
        # a verb that negates only with its particle takes things held ("gave up its claims", "set aside their
        # doubts"), which are no events
        negated = without and not not_without(noun.head) or noun.dep_ != "pobj" \
            and noun.head.lemma_.lower() in ctx.cues.negating_verbs and negating(noun.head, ctx.cues)
        litotes = without and not_without(noun.head) and bool(subjects(noun.head.head))
        refused = _refused(ctx, noun)
        if not negated and not litotes and not refused:
            continue
        label = f"{_whole_phrase(subjects(noun.head.head)[0])} without {phrase(noun)}" if litotes else phrase(noun)
        if len(label.split()) < 2:
            continue
        fact = ctx.factuality(noun)
        _record_missing(ctx, sent, noun, label, replace(fact, polarity="Negative") if litotes or refused else fact)


def _record_missing(ctx: Context, sent: SentSpan, noun: Token, label: str, fact: Factuality) -> None:
    key = ctx.fact_key("event", "thing", label, sent.start_char)
    ctx.events[key] = Event(key=key, kind="Event", label=label, factuality=fact,
                            evidence=ctx.evidence(sent, "rule:unrealized-thing", 0.5))
    ctx.event_at[noun.i] = key


def _none_there(noun: Token) -> bool:
    """"there were no diplomatic ties", "there had been few contacts and no trade": a thing an existential "there"
    clause says there was none of (by "no", not "few": "few contacts" were some; "no one process" says there were
    several)."""
    verb = first_conjunct(noun).head
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) and verb.lemma_ == "be" \
        and any(c.dep_ == "expl" for c in verb.children) and len(phrase(noun).removeprefix("no ").split()) > 1 \
        and not any(c.dep_ == "nummod" for c in noun.children)


def _fronted_condition(preposition: Token) -> bool:
    """"Without pressure from Moscow, neither government has a reason to compromise": a "without" phrase before
    the subject of a clause in the present, or with a modal, supposes the thing away ("if there is none"); in a past
    narrative it tells it was missing ("Without U.S. support, the revolt collapsed")."""
    verb = preposition.head
    before_subject = any(s.i > preposition.i for s in subjects(verb)) if verb.pos_ in ("VERB", "AUX") else False
    return before_subject and (verb.tag_ in ("VBZ", "VBP") or any(c.tag_ == "MD" for c in verb.children))


def _whole_phrase(noun: Token, limit: int = 12) -> str:
    """"the decision by the council to build a canal": a noun phrase with the clauses that say which thing it is."""
    return strip_determiners(text_of(list(noun.subtree)[:limit]))


def _reporting_aside(ctx: Context, verb: Token) -> bool:
    """"as Trump suggested" reports a word; it is not itself a condition or a hypothesis."""
    return verb.lemma_.lower() in ctx.cues.reporting_verbs and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _clause_label(verb: Token) -> str:
    """The clause of a verb with its subject, without the clauses embedded in it, at most 24 words."""
    aside = _asides(verb, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
    aside |= {t.i for item in listed_infinitives(verb) for t in item.subtree} | _in_brackets(verb)
    sharing = tuple(c for v in verb.subtree if v.pos_ == "VERB" for c in _sharing_object(v))
    words = [t for t in verb.subtree if t.dep_ not in ("mark", "punct") and not _embedded(t, verb, sharing)
             and t.i not in aside]
    while words and words[0].dep_ in ("cc", "preconj") or words and words[0].lower_ == "not" and words[0].i < verb.i \
            and words[0].doc[words[0].i - 1].lower_ == "or":
        words = words[1:]  # "or not each nation should ..." of "whether or not"
    # "terms both envoys could live with": a relative clause's preposition stranded without its object stays
    stranded = verb.dep_ == "relcl" and words and words[-1].dep_ == "prep" and not list(words[-1].children)
    while words and words[-1].dep_ in ("cc", "prep", "aux") and not stranded:
        words = words[:-1]
    return _gap_filled(words[:24], verb)


def _gap_filled(words: list[Token], verb: Token) -> str:
    """"the bomber, which Chile refused to include in the talks": a relative pronoun object says what the verb acts
    on only through its noun, which takes its place after the verb ("Chile include the bomber in the talks")."""
    pronoun = next((t for t in verb.subtree if t.dep_ == "dobj" and t.tag_ in ("WDT", "WP")
                    and t.lower_ in RELATIVE_PRONOUNS and t.head in words), None)
    antecedent = _antecedent(pronoun, verb) if pronoun is not None else None
    if antecedent is None:
        return text_of(words)
    rest = [t for t in words if t != pronoun]  # a pronoun before the verb is read as fronted (``_asides``)
    before, after = [t for t in rest if t.i <= pronoun.head.i], [t for t in rest if t.i > pronoun.head.i]
    return " ".join(part for part in (text_of(before), phrase(antecedent), text_of(after)) if part)


def _antecedent(pronoun: Token, root: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of the relative clause it opens, through the verbs that
    carry it there ("which Chile refused to include", "which X believed and Y refused to sign"). None when the
    relative clause is the label's own ``root``, whose noun opens the label already."""
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "ccomp", "conj") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    noun = clause.head
    return noun if clause.dep_ == "relcl" and clause != root and noun.pos_ in ("NOUN", "PROPN") else None


def _sharing_object(verb: Token) -> tuple[Token, ...]:
    """"would not buy, build or obtain arms": verbs coordinated with one without an object of its own, the last of
    which has the object they all take; the first verb's statement is the whole coordination. Empty otherwise."""
    chain: list[Token] = []
    last = verb
    while (nxt := next((c for c in last.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)) is not None:
        chain.append(last := nxt)
    takes_object = ("dobj", "dative", "ccomp", "xcomp", "attr", "prep")
    # each verb bare, in the first one's form: "will never disarm and has strengthened ties" are two statements
    own_words = ("nsubj", "nsubjpass", "aux", "auxpass", "neg")
    if not chain or any(c.dep_ in takes_object and c.i > verb.i for t in (verb, *chain[:-1]) for c in t.children) \
            or any(t.tag_ != verb.tag_ or any(c.dep_ in own_words for c in t.children) for t in chain):
        return ()
    return tuple(chain) if any(c.dep_ == "dobj" for c in last.children) else ()


def _embedded(t: Token, root: Token, sharing: tuple[Token, ...] = ()) -> bool:
    """A word of a clause inside the root's, not of the root's own; "could allow one side to launch a strike", "help
    them avoid a war", "consider itself bound by the pact": an infinitive, with or without "to", or a participle, with
    its own subject right under the verb completes it; so do the verbs ``sharing`` the root's object."""
    while t != root:
        bare = t.tag_ == "VB" or t.tag_ == "VBN" and not any(a.dep_ in ("aux", "auxpass") for a in t.children)
        completing = t.dep_ == "ccomp" and t.head == root and (any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
                                                             or bare and any(a.dep_ == "nsubj" for a in t.children)
                                                             and not any(a.dep_ == "mark" for a in t.children))
        clause = t.dep_ in ("advcl", "relcl", "parataxis", "ccomp") and not misread_clause(t)
        if clause and not completing or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t not in sharing):
            return True
        t = t.head
    return False


def _governing_verb(ctx: Context, token: Token, when: Interval) -> Token | None:
    """The verb a date belongs to, unless the date already dates an event noun on the way."""
    node = token
    while node.head != node:
        below, node = node, node.head
        event = ctx.events.get(ctx.event_at.get(node.i, ""))
        if event is not None and event.start in (None, when.start):
            return None
        if node.pos_ == "VERB":
            return node.head if below.dep_ == "prep" and _fronted_before_absolute(below) else node
        if node.dep_ in CLAUSE_DEPS or _sequenced_event(node, below, token):
            return None
    return None
