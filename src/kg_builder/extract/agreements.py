"""Agreements, their status, signatories, the event that adopted them, and their commitments.

An agreement is a noun headed by a word of `agreements.heads` or a named law
("the ABM Treaty"). Its status comes from the verb that governs it (signed,
was not signed, proposed, withdrew from), its signatories from that verb's
subject or "by" phrase, and the list of what it calls for is split into
commitments. A later definite mention ("the statement") is the agreement
already seen.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace

from spacy.tokens import Span as SentSpan, Token

from ..lexicon import slug
from ..model import ASSERTED, Agreement, Commitment, Event, Factuality, TimeValue
from ..timex import Interval
from .context import Context
from .clauses import RELATIVE_PRONOUNS, Predication, clause_text, infinitive_of_its_noun, verb_predication
from .entities import ACTOR_KINDS
from .events import SEQUENCE_PREPOSITIONS, YEAR, _date_tokens, _earlier_past, join_participants
from .factuality import opened_by_any, with_particle
from .tokens import (CONTRASTING_MARKS, conjuncts, first_conjunct, list_from, non_restrictive, objects, paragraph_start,
                     phrase, prep_objects, sentence_of, split_list, stray_clause, subjects, text_of, to_infinitive,
                     told_with_modal, verb_phrases)

# how far back (in characters) "the plan" or the parties' undertakings still reach the agreement last named
NEARBY_CHARS = 1200
# what brings a pledge in, none of its words: "the Declaration, wherein the parties pledged to prevent X"
_RELATIVE_OPENING = re.compile(r"^(?:wherein|whereby|in which|under which|by which)\s+", re.IGNORECASE)
# prepositions that open a phrase, never an item of a list: "withdraw to the lines, with small alterations"
_PHRASE_OPENERS = frozenset({"with", "without", "in", "for", "to", "under", "by", "at", "from", "within", "into"})


def _head_lemma(token: Token) -> str:
    """"Accords" in a name is tagged a proper noun and keeps its plural as lemma."""
    lemma = token.lemma_.lower()
    return lemma[:-1] if token.pos_ == "PROPN" and lemma.endswith("s") else lemma


def is_agreement_head(ctx: Context, token: Token) -> bool:
    """The token heads a mention of an agreement: a head word (with the modifier some need), a plan named as one,
    or whatever a signing verb takes."""
    if token.lower_ == "it":
        return _pronoun_referent(ctx, token) is not None
    if token.pos_ not in ("NOUN", "PROPN") and token.dep_ != "dobj" and not token.is_upper:
        return False  # no way below takes such a word: asked of every word, most of which are none
    section = ctx.triggers["agreements"]
    lemma = _head_lemma(token)
    if _signed_title(ctx, token) or _short_name_again(ctx, token) or _named_plan(ctx, token, lemma) \
            or _plan_again(ctx, token, lemma):
        return True
    if token.pos_ not in ("NOUN", "PROPN") or lemma not in section["heads"] or _in_body_name(ctx, token):
        return False
    needed = section["head_requires"].get(lemma)
    if not needed or {t.lower_ for t in token.lefts} & set(needed):
        return True
    # "the council adopted the resolution", "the UN-brokered deal": a status verb makes any head an agreement, but
    # one that only proposes does not before it ("a proposed resolution" of a crisis, "any proposed deal"), nor one of
    # issuing
    verb, status = _governor(ctx, token)
    return verb is not None and not (verb.dep_ == "amod" and status == "Proposed") \
        and verb.lemma_.lower() not in section["issuing_verbs"]


def _in_body_name(ctx: Context, token: Token) -> bool:
    """"a Military Armistice Commission", "the Southeast Asia Treaty Organization": a word of the name of what the
    capitalised noun after it heads, no agreement's."""
    head = token.head
    return token.dep_ == "compound" and token.is_title and head.is_title and head.pos_ == "PROPN" \
        and head.i > token.i and _head_lemma(head) not in ctx.triggers["agreements"]["heads"]


# what "it" may also stand for, named between the agreement and the pronoun ("... through the Black Sea until Russia
# withdrew from it")
_OTHER_REFERENTS = frozenset({"LOC", "FAC", "ORG", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})


def _pronoun_referent(ctx: Context, it: Token) -> Agreement | None:
    """"Chile and Peru drafted the Lima Treaty. Chile ratified it in 1932": "it", the object of a verb of signing,
    is the agreement named last, in its sentence or the one before, when nothing else "it" could be was named since
    (who ratifies does not count)."""
    if it.dep_ not in ("dobj", "pobj") or not ctx.agreement_at:
        return None
    verb, status = _governor(ctx, it)
    if verb is None or status != "Signed":
        return None  # only a signing: "those who broke it", "withdrew from it" may be of anything
    mention = max((i for i in ctx.agreement_at if i < it.i), default=None)
    sent = sentence_of(it)
    if mention is None or mention < (ctx.doc[sent.start - 1].sent.start if sent.start else 0):
        return None
    doers = {t.i for s in subjects(verb) for t in s.subtree}
    if any(t.ent_type_ in _OTHER_REFERENTS and t.i not in doers for t in ctx.doc[mention + 1: it.i]):
        return None
    key = ctx.agreement_at[mention]
    return next((a for a in ctx.agreements if a.key == key), None)


def _named_plan(ctx: Context, token: Token, lemma: str) -> bool:
    """"the Quito Plan", "the Lima Initiative", "the Peace of Amiens": a head that names an agreement only as part of
    a proper name. A capital inside the sentence marks the name even where the tagger took the head for a common
    noun ("Under the Baruch Plan the Authority would ...")."""
    return token.is_title and lemma in ctx.triggers["agreements"]["named_heads"] \
        and (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.i > sentence_of(token).start) \
        and (any(c.dep_ in ("compound", "amod", "conj", "poss") and c.is_title and c.i < token.i
                 for c in token.children) or _of_place(token) is not None)


def _plan_again(ctx: Context, token: Token, lemma: str) -> bool:
    """"Under the Quito Plan, ... The plan also banned ...": a bare definite head of a named plan, soon after it was
    named, is that plan again (one described on the spot, "the plan to build a port", is another)."""
    if lemma not in ctx.triggers["agreements"]["named_heads"] or token.pos_ != "NOUN" \
            or [c.lower_ for c in token.children] not in (["the"], ["this"]):
        return False
    named = [a for a in ctx.agreements if _label_head(a.label) == lemma and a.label[:1].isupper()]
    near = sentence_of(token).start_char - NEARBY_CHARS
    if any(ctx.last_seen.get(a.key, -1) >= near for a in named):
        return True
    # further on, the plan the essay is about, unless another plan came up since ("Franklin proposed a plan of
    # union ... the plan"): one in this paragraph or the one before, not the named plan nor a bare "the plan"
    since = ctx.doc.char_span(paragraph_start(ctx.doc, token.idx, back=1), token.idx, alignment_mode="expand")
    return bool(named) and not any(t.lemma_.lower() == lemma and t.i not in ctx.agreement_at
                                   and [c.lower_ for c in t.children] != ["the"] for t in since or ())


def _signed_title(ctx: Context, token: Token) -> bool:
    """"signed a 'Commitment to Consult'": the titled object of a verb of signing is an agreement."""
    return token.dep_ == "dobj" and token.ent_type_ in ("LAW", "WORK_OF_ART") and token.ent_iob_ == "B" \
        and token.head.lemma_.lower() in ctx.triggers["agreements"]["signing_verbs"]


def _proper_name(token: Token) -> str | None:
    """"the Tacna Protocol", "Lima Accord II": a name written with capitals or tagged as a law or a title."""
    if token.ent_type_ == "ORG" and token.dep_ == "compound":
        return None  # "the North Atlantic Treaty Organization" names an organization, not a treaty
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    # (or a body's name with an "of" inside that the head ends, which the parser may split at its "of": "the General
    # Security of Military Information Agreement")
    split = token.ent_type_ == "ORG" and ent.end == token.i + 1 and any(t.lower_ == "of" for t in ent)
    if token.ent_type_ in ("LAW", "WORK_OF_ART") or split:
        # the tagger may run a name on into the next one ("Under the Baruch Plan the Authority would ..."): an article
        # after the head and outside its phrase starts another
        # ("the Declaration on the Neutrality of Laos": one after a preposition goes on with it)
        stray = next((t.i for t in ent if t.i > token.i and t.pos_ == "DET" and token not in t.ancestors
                      and t.doc[t.i - 1].pos_ != "ADP"), ent.end)
        words = list(token.doc[ent.start: stray])
        joined = _name_goes_on(words[-1]) if stray == ent.end else None  # "the Treaty of Peace" and "Friendship"
        # "the Inter-American Treaty of Reciprocal Assistance", tagged up to its "of": the name goes on after it
        # (or tagged up to its head alone: "The Declaration" of "the Declaration on the Neutrality of Laos")
        joined = joined or (_of_place(token) if words[-1].lower_ in NAME_JOINERS or words[-1] == token else None)
        if joined is not None and joined.i >= ent.end:
            words = list(token.doc[ent.start: joined.i + 1])
        words = [t for t in _to_closing_quote(words) if not t.is_quote]
        return re.sub(r"^(?:the|The|an?|An?)\s+", "", text_of(words)).strip()
    start, other_name = token.i, range(0)
    # a name inside the treaty's goes back to its start, whatever it is written with: "the Sharm al-Shaykh Memorandum";
    # another spelling in brackets is no word of it: "the Shangtung (Shandong) Treaty"
    while start - 1 >= token.left_edge.i:
        before = token.doc[start - 1]
        if before.ent_type_ == "DATE" and YEAR.fullmatch(before.text):
            break  # "the December 1971 Smithsonian Agreement": its date says when it was made, not what it is called
        bracketed = _bracketed_before(token, start) if before.text == ")" and not other_name else None
        if bracketed is not None:
            other_name, start = bracketed, bracketed.start
        elif _inside_name(before) and start < token.i \
                or _name_word(before, token.doc[start - 2] if start > 1 else None):
            start -= 1
        else:
            break
    end = token.i + 1  # "Resolution 242", "Protocol II": a number after the head is part of the name
    while end < len(token.doc) and token.doc[end].ent_type_ != "DATE" and (
            token.doc[end].like_num and token.doc[end].text.isdigit() or re.fullmatch(r"[IVX]+", token.doc[end].text)):
        end += 1
    # a year completes a name that is no name without it ("the Convention of 1818", not "the Quito Treaty of 1991")
    of_name = (_of_place(token) or (_of_year(token) if start == token.i else None)) if end == token.i + 1 else None
    if of_name is not None and token.is_title:
        end = of_name.i + 1  # "the Treaty of Kanagawa", "the Peace of Westphalia", "the Convention of 1818"
    if (start < token.i or of_name is not None or end > token.i + 1) and token.is_title:
        # (without the quotation mark the tagger may take into a name it found: "the “Andean Accord”")
        return _without_final_stop([t for t in token.doc[start: end] if not t.is_quote and t.i not in other_name])
    if _named_by_people(token):  # "the Rush-Bagot agreement"
        return text_of(list(token.doc[start: token.i + 1]))
    return None


def _names_a_place_next(head: Token) -> bool:
    """The words after the head's "on" (and a "the") open the name of a place or a person."""
    after = [t for t in head.doc[head.i + 2: head.i + 4] if t.lower_ != "the"][:1]
    return bool(after) and after[0].ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP")


def _to_closing_quote(words: list[Token]) -> list[Token]:
    """"signed the “Founding Act on Mutual Relations, ... and the Russian Federation,”": a name the tagger cut
    inside quotation marks runs on to the closing one."""
    if len([t for t in words if t.is_quote]) % 2 == 0:
        return words
    sent = sentence_of(words[-1])
    closing = next((t for t in words[-1].doc[words[-1].i + 1: min(sent.end, words[-1].i + 30)] if t.is_quote), None)
    return list(words[0].doc[words[0].i: closing.i]) if closing is not None else words


def _bracketed_before(head: Token, start: int) -> range | None:
    """The words "(Shandong)" of "the Shangtung (Shandong) Treaty", brackets included, when a word of the name comes
    before them."""
    opening = next((i for i in range(start - 2, max(start - 6, head.left_edge.i) - 1, -1) if head.doc[i].text == "("),
                   None)
    if opening is None or opening - 1 < head.left_edge.i or not head.doc[opening - 1].is_title:
        return None
    return range(opening, start)


def _of_year(head: Token) -> Token | None:
    """"the Convention of 1818": a year right after the head's "of" completes a capitalised name."""
    after = head.doc[head.i + 1: head.i + 3]
    if len(after) == 2 and after[0].lower_ == "of" and after[0].head == head and re.fullmatch(r"1[5-9]\d\d|20\d\d",
                                                                                               after[1].text):
        return after[1]
    return None


def _named_by_people(head: Token) -> bool:
    """"the Rush-Bagot agreement", "the Sykes-Picot accord": two capitalised names joined by a hyphen right before a
    lower-case head name it after the men who made it (two states so joined name its parties instead). The tagger
    may take the first name for an adjective ("Rush" of "Rush-Bagot"); a people's name is tagged as one."""
    words = head.doc[max(head.i - 3, 0): head.i]
    return len(words) == 3 and words[1].text in "-\u2013" and all(
        w.is_title and (w.pos_ == "PROPN" and w.ent_type_ not in ("GPE", "NORP") or w.pos_ == "ADJ" and not w.ent_type_)
        for w in (words[0], words[2]))


def _of_place(head: Token) -> Token | None:
    """The capitalised name right after a head's "of" or "on" (and a "the": "the Charter of the United Nations", "the
    Treaty of the Pyrenees", "the Declaration on the Neutrality of Laos") that completes its name, if any."""
    after = head.doc[head.i + 1: head.i + 2]
    # (the parser may hang an "on" right after the name on the verb: "signed the Treaty on the Non-Proliferation of
    # Nuclear Weapons", a matter named with an "of"; not one that says where: "signed the Accord on Capitol Hill")
    if not after or after[0].lower_ not in ("of", "on") or after[0].head != head and not (
            after[0].lower_ == "on" and after[0].head == head.head and head.dep_ == "dobj"):
        return None
    if after[0].lower_ == "on" and _names_a_place_next(head):
        return None  # "the impact of the Marshall Plan on Western Europe": where it worked, no word of its name
    name = next((c for c in after[0].children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.is_title), None)
    misattached = name is not None and after[0].head != head
    if misattached and (name.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "PERSON", "NORP")
                        or _name_goes_on(name) is None):
        return None
    while name is not None and (later := _name_goes_on(name)) is not None:
        name = later  # "the Treaty of Peace and Friendship", "on the Neutrality of Laos"
    words = head.doc[after[0].i + 1: name.i + 1] if name is not None else []
    if words and words[0].lower_ == "the":
        words = words[1:]
    if name is None or name.ent_type_ == "DATE" or not all(_word_of_a_title(t) for t in words):
        return None
    # what one word "on" names is the matter of an agreement, not its name ("Agreement on the Communique did not ...")
    return name if after[0].lower_ == "of" or len(words) > 1 else None


def _word_of_a_title(word: Token) -> bool:
    """A word of a capitalised name after "of" or "on": a capitalised one, a joining word, a "the" after a joining
    word ("the Law of the Sea") or a hyphen between capitalised ones ("the Non-Proliferation of Nuclear Weapons")."""
    before, after = word.doc[word.i - 1], word.doc[min(word.i + 1, len(word.doc) - 1)]
    return word.is_title or word.lower_ in NAME_JOINERS or word.lower_ == "the" and before.lower_ in NAME_JOINERS \
        or word.text in "-\u2013" and before.is_title and after.is_title


def _name_goes_on(word: Token) -> Token | None:
    """The capitalised word a name's word is joined to, by an "and" right between them ("Peace and Friendship", not
    "the Tacna Agreement, ..., and the Quito Accord") or by an "of" of its own, if any."""
    joined = [c for c in word.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.is_title
              and c.i == word.i + 2 and word.doc[word.i + 1].lower_ == "and"]
    owned = [o for c in word.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == word.i + 1
             for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.is_title and o.ent_type_ != "DATE"]
    return (joined or owned or [None])[-1]


def _without_final_stop(words: list[Token]) -> str:
    """"... ratified Treaty II.": the tokenizer glues the full stop to a last one-letter word; it is no part
    of the name."""
    text = text_of(words)
    last = words[-1]
    final = all(t.is_space for t in last.doc[last.i + 1: sentence_of(last).end])
    return text[:-1] if final and re.fullmatch(r"[A-Z]\.", last.text) else text


def _short_name_again(ctx: Context, token: Token) -> bool:
    """"the Arms Treaty (AT) ... Peru ratified AT": a short name the text gave in brackets names that agreement
    wherever it comes again."""
    if token.dep_ == "compound" or not (token.pos_ == "PROPN" or token.is_upper) \
            or not any(a.aliases for a in ctx.agreements):  # the token first: most words are no name at all
        return False
    name = _compound_name(token)
    return any(name in a.aliases for a in ctx.agreements)


def _compound_name(token: Token) -> str:
    """"QT II": the word with the words compounded before it."""
    return _without_final_stop([t for c in token.lefts if c.dep_ == "compound" for t in c.subtree] + [token])


# nouns that count what follows "of": "a range of agreements", "a series of accords"
QUANTITY_NOUNS = frozenset({"range", "series", "number", "set", "pair", "couple", "host", "package"})
# small words inside a name between capitalised ones: "Fisheries and Ports Agreement"
NAME_JOINERS = frozenset({"and", "of", "for", "on"})


def _inside_name(word: Token) -> bool:
    """A word of a name that goes on after it ("al" of "Sharm al-Shaykh"), not its article or a date."""
    after = word.doc[word.i + 1]
    return after.ent_iob_ == "I" and word.pos_ != "DET" and word.ent_type_ not in ("DATE", "CARDINAL", "ORDINAL")


def _name_word(word: Token, before: Token | None) -> bool:
    """A word of a treaty's name: capitalised, a numeral, or the hyphen of "Non-Proliferation"."""
    if word.pos_ == "DET":
        return False
    if word.tag_ == "POS":  # "Gadsden's Purchase"
        return before is not None and before.is_title
    if word.text in "-\u2013" or word.lower_ in NAME_JOINERS:  # "Anti-Piracy", "Fisheries and Ports Agreement"
        return before is not None and (before.is_title or before.is_upper)
    return word.is_title or word.is_upper or word.like_num


def _generic_name(ctx: Context, token: Token) -> str:
    """"joint statement", "basic framework of a SALT II agreement": the head with its classifying words."""
    section = ctx.triggers["agreements"]
    if token.lemma_.lower() in section["of_heads"] and prep_objects(token, "of"):
        kept = [t for t in token.subtree if t.dep_ not in ("det", "punct") or t.head != token]
        return text_of(kept)
    # "the May 2031 accord": its date says when it was made, it is no part of what it is called
    words = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod") and t.tag_ not in ("VBN", "VBD", "RB")
             and not any(c.dep_ == "advmod" for c in t.children) and t.lower_ not in section["unnamed_modifiers"]
             and t.ent_type_ != "DATE"]
    # the parser may hang the article on the first modifier ("a fisheries pact"): it is no part of the name
    return text_of([t for w in words for t in w.subtree if t.dep_ != "det"] + [token] + _kind_of_phrase(token))


def _kind_of_phrase(token: Token) -> list[Token]:
    """"a memorandum of understanding", "a treaty of friendship and commerce": an "of" phrase of a bare common noun
    says what kind of accord a new one is, and is part of what it is called (not "of the two states", "of 1990"; "the
    treaty of purchase" may be one named before)."""
    if any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ not in ("a", "an") for c in token.children):
        return []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        kind = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if kind is None or kind.pos_ != "NOUN" or any(c.dep_ in ("det", "poss", "nummod") for c in kind.children):
            return []
        clauses = {t.i for c in kind.children if c.dep_ in ("relcl", "acl", "prep", "punct", "appos")
                   for t in c.subtree}
        return [prep, *(t for t in kind.subtree if t.i not in clauses)]
    return []


def _family(ctx: Context, lemma: str) -> str:
    """The family of a head word, or of a plural one ("the Geneva Peace Accords": accords)."""
    for name, members in ctx.triggers["agreements"]["families"].items():
        if lemma in members or lemma.endswith("s") and lemma[:-1] in members:
            return name
    return lemma


def _governor(ctx: Context, token: Token) -> tuple[Token | None, str | None]:
    """The status verb of the agreement and the status it gives, if any."""
    verbs = ctx.triggers["agreements"]["status_verbs"]
    head = token.head
    if head.tag_ == "VBG" and head.dep_ == "pcomp":
        # "a settlement on concluding a treaty" is not yet its conclusion; "after concluding the treaty, which they
        # signed in 1922" is
        return _relative_clause_status(token, verbs) or (None, None)
    # the small model may hang a sentence-final object on its verb as an attribute or adverb ("... ratified Pact I.")
    misread = token.dep_ in ("attr", "npadvmod", "oprd") and not any(c.dep_ == "dobj" for c in head.children)
    # "The Lima Treaty, signed August 9, 1842, ended ...": the parser may take the participle set off by commas for the
    # treaty's own act, but an agreement signs nothing
    misread = misread or token.dep_ == "nsubj" and head.tag_ in ("VBD", "VBN") and head.i == token.i + 2 \
        and token.doc[token.i + 1].text == "," and not any(c.dep_ in ("dobj", "aux") for c in head.children)
    if (token.dep_ in ("dobj", "nsubjpass") or misread) and head.lemma_.lower() in verbs and not _any_who(head):
        status = verbs[head.lemma_.lower()]
        # "Peru proposed a border treaty, which Chile ratified in 1931": what became of it after
        later = _relative_clause_status(token, verbs) if status == "Proposed" else None
        return later or (head, status)
    if token.dep_ == "pobj" and head.head.lemma_.lower() in ctx.triggers["agreements"]["agree_verbs"]:
        return head.head, "Signed"
    if token.dep_ == "pobj" and head.lower_ == "as" and verbs.get(head.head.lemma_.lower()) == "Signed":
        return head.head, "Signed"  # "a draft was approved as Resolution 2750": what it was approved as
    if token.dep_ == "nsubj" and verb_phrases(head) & set(ctx.triggers["agreements"]["in_force_phrases"]):
        # one that "never entered into force" may still have been signed
        return (None, None) if any(c.dep_ == "neg" for c in head.children) else (head, "Signed")
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _stating_verbs(ctx) \
            and head.head.i > token.i and not _one_owner(token):
        return head.head, "Signed"  # "In a joint statement, X and Y confirmed ...": what they issued together
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and (making := _act_verb(ctx, head.head)) in verbs:
        return head.head, verbs[making]  # "the signing of the Antarctic Treaty in 1959"
    if token.dep_ == "pobj" and head.lower_ == "of" and (head.head.lemma_.lower() in QUANTITY_NOUNS
                                                         or _split_name(token)):
        # "signed a range of economic agreements", "signed the General Security of Military Information Agreement"
        return _governor(ctx, head.head)
    phrasal = f"{head.head.lemma_.lower()} {head.lower_}"  # "entered into a deal", "withdrew from the treaty"
    if token.dep_ == "pobj" and phrasal in verbs:
        return head.head, verbs[phrasal]
    stray = stray_clause(token) if token.dep_ == "conj" else None
    if stray is not None and stray.lemma_.lower() in verbs:
        return stray, verbs[stray.lemma_.lower()]
    if token.dep_ == "conj":  # a relative clause or participle on the first conjunct is said of it alone
        verb, status = _governor(ctx, token.head)
        return (verb, status) if verb is None or verb.head != token.head else (None, None)
    for child in token.children:  # "an agreement signed in 1968 by ...", "a treaty concluded between X and Y"
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBD") and child.lemma_.lower() in verbs:
            return child, verbs[child.lemma_.lower()]
        if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in verbs:
            return child, verbs[child.lemma_.lower()]  # "the UN-brokered deal", "the ratified treaty"
    stray_participle = _participle_on_last_noun(ctx, token)
    if stray_participle is not None:
        return stray_participle, verbs[stray_participle.lemma_.lower()]
    return _relative_clause_status(token, verbs) or (None, None)


def _participle_on_last_noun(ctx: Context, token: Token) -> Token | None:
    """"an agreement to outlaw war signed on August 27, 1928": the parser may hang the participle that says what
    became of the agreement on the last noun of its purpose, which is nothing one signs."""
    verbs = ctx.triggers["agreements"]["status_verbs"]
    last = token.right_edge
    return next((t for t in token.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in verbs
                 and t.head != token and t.head.i == t.i - 1 and t.right_edge == last and t.head.pos_ == "NOUN"
                 and not is_agreement_head(ctx, t.head)), None)


def _any_who(verb: Token) -> bool:
    """"act against signatories breaking the agreement": a participle on a bare plural says what any who did it
    would be, not that anyone did."""
    noun = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.tag_ == "NNS" \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _relative_clause_status(token: Token, verbs: Mapping[str, str]) -> tuple[Token, str] | None:
    """"the treaty that was signed in 1968", "the pact which X signed", "the agreement they signed": the status verb
    of a relative clause on it, whose object it is."""
    for child in token.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in verbs and (any(
                c.dep_ in ("nsubjpass", "dobj") and c.lower_ in RELATIVE_PRONOUNS for c in child.children)
                or _object_left_out(child)):
            return child, verbs[child.lemma_.lower()]
    return None


def _object_left_out(clause: Token) -> bool:
    """A relative clause with no relative pronoun, a subject and no object: its object is the noun it is on."""
    return any(c.dep_ == "nsubj" for c in clause.children) and not any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") or c.lower_ in RELATIVE_PRONOUNS for c in clause.children)


def _split_name(token: Token) -> bool:
    """The head of a name the parser split at its "of", inside one entity: "General Security of ... Agreement"."""
    noun = token.head.head
    return bool(token.ent_type_) and noun.ent_type_ == token.ent_type_ and "I" == noun.ent_iob_ == token.ent_iob_ \
        and not any(t.ent_iob_ == "B" for t in token.doc[noun.i + 1: token.i + 1])


def _one_owner(token: Token) -> bool:
    """"In her closing statement, the minister declared", "In Rabin's statement": a text one party owns is no
    accord."""
    return any(c.dep_ == "poss" and (c.lower_ in ("his", "her", "its") or c.tag_ in ("NNP", "NN")
                                     and not any(g.dep_ == "conj" for g in c.children)) for c in token.children)


def _stating_verbs(ctx: Context) -> set[str]:
    section = ctx.triggers["agreements"]
    return set(ctx.cues.reporting_verbs) | set(section["undertaking_verbs"]) | set(section["affirming_verbs"])


def agreements(ctx: Context, sent: SentSpan) -> None:
    dates = ctx.dates
    for token in sent:
        if is_agreement_head(ctx, token):
            _mention(ctx, token, dates)


def _existing(ctx: Context, token: Token, name: str, proper: bool) -> Agreement | None:
    if proper and " " not in name:
        # "the Charter of the Andes ... the Charter": a name of one word is the head of one named before,
        # the likeliest of them
        return next((a for a in _likely_referents(ctx, token) if _label_head(a.label) == name.lower()
                     or name.lower() in (x.lower() for x in a.aliases)), None)
    if proper:
        return next((a for a in ctx.agreements for known in (a.label, *a.aliases)
                     if _same_name(name, known) or _named_after_the_same_people(ctx, name, known)), None)
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    if determiners & {"a", "an", "another"} or _of_something_new(token):
        return None
    if not determiners & {"the", "this", "that", "its", "their"}:
        # "signed Jay's Treaty ... Jay's Treaty was unpopular": a name without an article, as written before
        named = name[:1].isupper() and " " in name
        return next((a for a in ctx.agreements if name in (a.label, *a.aliases)), None) if named else None
    # "the treaty", "the final treaty": the treaty last named
    head = " ".join(w for w in name.lower().split() if w not in ctx.triggers["agreements"]["referring_adjectives"])
    if head in ("agreement", "treaty", "accord", "pact", "deal"):
        recent = _likely_referents(ctx, token)
        if head != name.lower():  # "the final agreement" ends talks just told of, not an accord named pages before
            near = paragraph_start(ctx.doc, token.idx, back=1)
            recent = [a for a in recent if ctx.last_seen.get(a.key, -1) >= near]
        when = _of_date(token, ctx.dates) or _identifying_date(ctx, token)
        if when is not None:  # "their May 1931 agreement": one made then, not any named before
            recent = [a for a in recent if _made_within(ctx, a, when)]
        same = [a for a in recent if _label_head(a.label) == head]
        single = [a for a in recent if not a.label.lower().endswith("s")]  # not "agreements" in general
        # any accord is "the agreement", "the accord" or "the deal" (the one named last, not the Agreement named
        # before it); "the treaty" is one of the treaties
        return ((single if head in ("agreement", "accord", "deal") else same) or [None])[0]
    family = _family(ctx, token.lemma_.lower())
    words = set(name.lower().split()) - {token.lower_}
    # "drew up their own treaties": a bare plural is not the one treaty named before ("the Lend-Lease agreements" are
    # the Lend-Lease agreement's kind)
    bare_plural = token.tag_ in ("NNS", "NNPS") and not words
    return next((a for a in reversed(ctx.agreements) if _family(ctx, _label_head(a.label)) == family
                 and (not bare_plural or a.label.lower().endswith("s"))
                 and words <= set(" ".join((a.label, *a.aliases)).lower().split())), None)


def _identifying_date(ctx: Context, token: Token) -> TimeValue | None:
    """"the agreement signed in Nairobi in 2031 obliged ...": a participle set on the mention with no comma before it
    picks out the one made at its date, which the deal last named need not be; not so a mention set after a comma
    (", the agreement signed in 1947"), which describes what it follows."""
    verb, _ = _governor(ctx, token)
    if verb is None or verb.dep_ != "acl" or verb.head != token \
            or "," in (token.doc[verb.i - 1].text, token.doc[max(token.left_edge.i - 1, 0)].text):
        return None
    dated = _date_tokens(verb, ctx.dates)
    return ctx.dates[dated[0]].start if dated else None


def _same_name(name: str, known: str) -> bool:
    """"the Quito Plan of Union ... the Quito Plan": a name less its "of" or "on" phrase is the same one; so is
    one less the parties in front of it ("the Anglo-Chinese Treaty of Nanjing ... the Treaty of Nanjing"), and one
    written with or without a possessive ("Gadsden's Purchase", "the Gadsden Purchase")."""
    name, known = (re.sub(r"['’]s\b", "", n.lower()) for n in (name, known))
    prefix = known[: -len(name)].strip() if known.endswith(f" {name}") else None
    return name == known or known.startswith((f"{name} of ", f"{name} on ")) \
        or bool(prefix) and " " not in prefix and "-" in prefix


def _named_after_the_same_people(ctx: Context, name: str, known: str) -> bool:
    """"the Rush-Bagot Pact ... the Rush-Bagot agreement": an accord named after the two people who made it, whatever
    the word for it; not one named after two peoples ("the Anglo-Japanese Treaty", "the Anglo-Japanese Alliance")."""
    (*names, head), (*known_names, known_head) = name.split(), known.split()
    heads = ctx.triggers["agreements"]["heads"]
    if len(names) != 1 or names != known_names or head.lower() not in heads or known_head.lower() not in heads:
        return False
    surnames = {e.label.split()[-1] for e in ctx.registry.entities.values() if e.kind == "Person"}
    people = re.split(r"[-\u2013]", names[0])
    return len(people) == 2 and all(p in surnames for p in people)


def _named_for_its_makers(ctx: Context, makers: list[str]) -> Agreement | None:
    """"Bagot ... reached an agreement with Rush": the accord two people made is the one the text names after them
    (the Rush-Bagot Pact)."""
    people = [ctx.registry.entities[k].label.split()[-1] for k in makers if ctx.registry.kind(k) == "Person"]
    if len(people) != 2:
        return None
    names = {f"{a}-{b}" for a, b in (people, people[::-1])}
    return next((a for a in ctx.agreements if re.sub("\u2013", "-", a.label.split()[0]) in names), None)


def _of_something_new(token: Token) -> bool:
    """"to draft the charter of a new regional body": an "of" phrase the text introduces tells a new one."""
    return any(p.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in p.children)
               for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


def _likely_referents(ctx: Context, token: Token) -> list[Agreement]:
    """The agreements a bare "the treaty" may mean, likeliest first: the one made at the date the mention gives; then
    the one named last in this paragraph; then, of those named in the paragraph before, the one the text names most
    ("signed the Treaty of Paris. ... also signed the Treaty of San Ildefonso at the same time." and a new paragraph
    on "the treaty": Paris's); further back, the one the text names most ("John Jay's Treaty ... the Treaty of Paris
    (1783) ... two paragraphs on, the treaty": Jay's)."""
    here, near = paragraph_start(ctx.doc, token.idx), paragraph_start(ctx.doc, token.idx, back=1)
    mentions = Counter(ctx.agreement_at.values())
    dated = _mention_date(ctx, token)

    def rank(agreement: Agreement) -> tuple[bool, bool, bool, int]:
        seen = ctx.last_seen.get(agreement.key, -1)
        recent = seen >= here
        return _made_at(ctx, agreement, dated), seen >= near, recent, seen if recent else mentions[agreement.key]
    return sorted(ctx.agreements, key=rank, reverse=True)


def _label_head(label: str) -> str:
    """The head word of an agreement's name: "treaty" of "the Lima Treaty" and of "Treaty of Lima" (and "agreement"
    of "the framework of an agreement"); "resolution" of "Resolution 242" (a number after it is no word of it)."""
    named, _, place = label.partition(" of ")
    words = (named if place and named.split()[-1][:1].isupper() else label).split()
    while len(words) > 1 and words[-1].isdigit():
        words.pop()
    return words[-1].lower()


def _mention_date(ctx: Context, token: Token) -> Interval | None:
    """"the May 2031 accord", "signed the treaty on May 3, 2031": the date the mention, or the verb that makes it,
    gives."""
    verb, _ = _governor(ctx, token)
    dated = [ctx.dates[t.i] for t in token.lefts if t.i in ctx.dates]
    dated += [ctx.dates[i] for i in _date_tokens(verb, ctx.dates)] if verb is not None else []
    return dated[0] if dated else None


def _made_at(ctx: Context, agreement: Agreement, dated: Interval | None) -> bool:
    """The agreement was concluded at that date."""
    event = ctx.events.get(agreement.adopted_at or "")
    return bool(dated and event and event.start and event.start.iso == dated.start.iso)


def _made_within(ctx: Context, agreement: Agreement, when: TimeValue) -> bool:
    """The agreement was concluded at that date, or within it, or it within that date."""
    event = ctx.events.get(agreement.adopted_at or "")
    return event is not None and event.start is not None and event.start.overlaps(when)


def _identified(ctx: Context, token: Token) -> Token:
    """"The Nuclear Non-Proliferation Treaty was an agreement signed ...": the predicate noun is its subject; "the
    Black Sea Grain Initiative, the UN-brokered deal that ...": an appositive is the name it stands beside; "signed a
    bilateral agreement, the Shangtung Treaty, which ...": so is the name set beside it."""
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _proper_name(subject):
            return subject
    if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN" \
            and token.head.ent_type_ not in ("GPE", "PERSON", "NORP") and _proper_name(token.head):
        return token.head
    return _name_beside(ctx, token) or token


def _name_beside(ctx: Context, token: Token) -> Token | None:
    """The name of an agreement right after a description of it and a comma, which the parser may make an apposition
    of it or hang on the verb ("signed a bilateral agreement, the Shangtung Treaty, which ...")."""
    after = token.right_edge.i + 1
    if token.pos_ != "NOUN" or after + 1 >= len(token.doc) or token.doc[after].text != ",":
        return None
    return next((t for t in token.doc[after + 1: min(after + 10, len(token.doc))]
                 if t.left_edge.i in (after, after + 1) and t.pos_ == "PROPN" and t.dep_ in ("appos", "npadvmod")
                 and t.head in (token, token.head) and is_agreement_head(ctx, t) and _proper_name(t)), None)


def _mention(ctx: Context, token: Token, dates: dict[int, Interval]) -> None:
    verb, status = _governor(ctx, token)
    body = ctx.registry.key_of(token) or ""
    known_body = body in ctx.registry.lex or _head_lemma(token) not in ctx.triggers["agreements"]["heads"]
    if ctx.registry.kind(body) == "Organization" and known_body and verb is None and _of_year(token) is None:
        return  # "the Warsaw Pact disbanded": the name of an alliance the lexicon knows, "the Bank for International
        # Settlements" a body's; "the Lima Accords, signed by ...", "the Convention of 1818", "the Andean Security
        # Agreement", a name the tagger took for a body's: a treaty
    referent = _pronoun_referent(ctx, token) if token.lower_ == "it" else None
    proper = _proper_name(_identified(ctx, token)) or (_compound_name(token) if _short_name_again(ctx, token) else None)
    year, proper = _dated_name(proper)
    name = referent.label if referent else proper or _generic_name(ctx, token)
    stated = status  # what the verb says became of it, before its factuality is weighed
    # "the Chile-Peru fisheries treaty", "their pact with Japan": a treaty the text names by its parties is one they
    # concluded
    by_parties = not proper and any(c.lower_ == "the" or c.dep_ == "poss" for c in token.children) \
        and bool(_parties_in_name(ctx, token))
    # a treaty the text names (or names so) and no verb governs is presupposed: "Under the Lima Accord, Chile would
    # withdraw" says what the accord provides, not that it might exist; "X argued that Y violated the treaty between
    # Chile and Peru" that there is one, whoever says the rest
    fact = ctx.factuality(verb) if verb is not None else ASSERTED if proper or by_parties else ctx.factuality(token)
    signing_denied = status == "Signed" and fact.polarity == "Negative"
    if signing_denied:
        # "Peru did not sign the treaty between Chile and Bolivia", "Chile did not ratify its treaty with Peru": one
        # named by its parties was concluded all the same
        status = None if by_parties else "NotSigned"
    elif (fact.polarity == "Negative" or fact.modality != "Asserted") and verb is not None \
            and not (verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN"):
        # "threatened to terminate the pact", "did not withdraw from it": still in force; but "the proposed pact
        # might fail" was proposed whatever might come of it
        status = None
    found = referent or _existing(ctx, token, name, bool(proper))
    if found is None and verb is None and not proper and not by_parties and not _list_verb(token):
        return
    if found is None and not proper and _not_an_accord(ctx, token, name, verb):
        return
    sought = stated == "Proposed" and verb is not None \
        and bool(ctx.frames.verb_stances([verb.lemma_.lower()]) & {"Supports", "Demands"})
    # "pursued an agreement", "sought a treaty": a verb of wanting gives no status to what it wants (one that
    # proposes or negotiates a text does); nor does one that is denied or only supposed ("did not produce an
    # agreement", "could lead to an agreement")
    made = stated if fact.is_plain_fact and not sought else None
    if found is None and not proper and _unnamed_and_unmade(ctx, token, name, made):
        return
    event_key = _adopting_event(ctx, token, verb, dates, status, found, name)
    signers = _signatories(ctx, verb, token) if verb is not None \
        and _signing(ctx, verb, token, "NotSigned" if signing_denied else status) else []
    when = TimeValue(year, "year") if year else _of_date(token, dates)
    named_made = status in (None, "Signed") or status == "Proposed" and when is not None
    if (proper or by_parties) and named_made and fact.is_plain_fact:
        # "the Chile-Peru Border Treaty", "the 1929 ... Treaty", "the Tacna Protocol of May 1929": a treaty
        # named by its parties, or by its date, is one they concluded, then (one "negotiated" under its date was made);
        # "in the Chile-Peru Accord, Chile agreed to X": the one whose act the clause tells is not its only party
        named_parties = _parties_in_name(ctx, token)
        status = "Signed" if signers or named_parties or when else status
        signers = list(dict.fromkeys([*signers, *named_parties]))
    if when and status == "Signed" and event_key is None and not (found and found.adopted_at):
        event_key = _named_date_event(ctx, token, name, when, signers)
    # (or negotiated: "Burlingame negotiated a treaty with Seward", the Burlingame-Seward Treaty)
    makers = signers or (_signatories(ctx, verb, token) if verb is not None and stated == "Proposed" else [])
    found = found or (_named_for_its_makers(ctx, makers) if not proper else None)
    agreement = found or _new(ctx, token, name, bool(proper), ASSERTED if by_parties else fact, event_key, status)
    agreement = _update(agreement, status, event_key if status == "Signed" else None, name)
    if agreement.status is None and _label_head(agreement.label) in ctx.triggers["agreements"]["proposal_heads"]:
        agreement = replace(agreement, status="Proposed")  # "rejected the Rogers Plan": a plan was put forward
    if status and fact.is_plain_fact and not agreement.factuality.is_plain_fact:
        # "urged Chile to join the Lima Pact ... Chile ratified the pact": it exists, whatever was first said of it
        agreement = replace(agreement, factuality=fact)
    short = _short_name(token) or (_acronym_name(ctx, agreement.label) if proper else None)
    if short:
        agreement = _update(agreement, None, None, short)
    called = _called_name(ctx, token)
    if called and proper:  # "the Lima Treaty of 1819 (also called the Andean Treaty)": one more name
        agreement = _update(agreement, None, None, called)
    elif called and called != agreement.label:  # the name the text gives it is its label, its description an alias
        agreement = replace(agreement, label=called, aliases=tuple(dict.fromkeys(
            (agreement.label, *(a for a in agreement.aliases if a != called)))))
    agreement = replace(agreement, commitments=agreement.commitments + _commitments(ctx, token, agreement))
    _store(ctx, agreement)
    ctx.last_seen[agreement.key] = sentence_of(token).start_char
    ctx.agreement_at[token.i] = agreement.key
    # a later signing by others ("In 2034 Bolivia ratified it too") is not the one that adopted it
    if event_key and agreement.adopted_at == event_key and status == "Signed" and fact.is_plain_fact:
        join_participants(ctx, event_key, signers)
    # a body of a state that ratifies or approves binds its state: "the U.S. Senate ratified the treaty" makes the
    # United States a party (the Senate stays the one who ratified, in the event)
    # "Peru did not sign the treaty between Chile and Bolivia": the parties its name gives are its parties whatever
    # the verb says of it, but of its doers ("Chile and Peru may sign the Chile-Peru pact") only what the verb says
    doers = {k for t in subjects(verb) for k in ctx.registry.actors(t)} if verb is not None else set()
    named = {ctx.registry.named_state(s) or s for s in _parties_in_name(ctx, token) if s not in doers} \
        if by_parties else set()
    for signer in dict.fromkeys(ctx.registry.named_state(s) or s for s in signers):
        ctx.relate(agreement.key, "signatory", signer, ctx.evidence(sentence_of(token), "rule:agreement-signatory", 0.8),
                   ASSERTED if signer in named else Factuality(fact.polarity, fact.modality, fact.attributed_to))
    # "France and China did not sign": no principal pair; nor are two who part ways ("the U.S. abrogated its
    # treaty with Japan")
    if len(signers) == 2 and fact.polarity == "Positive" and status != "Withdrawn":
        ctx.registry.note_pair(signers, token.idx)


# the verbs between "which" and a naming participle (the small model lemmatizes "became" as itself)
_BECOMING = frozenset({"is", "was", "were", "has", "had", "have", "be", "been", "become", "became", "becomes",
                       "come", "came", "to"})


def _called_name(ctx: Context, token: Token) -> str | None:
    """"their first commercial treaty, sometimes called the Harris Treaty", "a pact, known as the Lima Pact", "the
    Declaration (the so-called 'Oslo Accord')": the name a participle of naming gives right after the agreement's
    words, however the parser hangs it."""
    doc, i = token.doc, _after_its_name(token)
    while i < len(doc) and (doc[i].text in (",", "(", "the", "so", "-") or doc[i].pos_ == "ADV"):
        i += 1
    if i < len(doc) and doc[i].lower_ in ("which", "that"):  # "a statement, which became known as", "which was
        i += 1  # later called", "that came to be known as"
        while i < len(doc) and (doc[i].lower_ in _BECOMING or doc[i].pos_ == "ADV"):
            i += 1
    if i >= len(doc) or doc[i].lower_ not in ctx.triggers["agreements"]["naming_words"]:
        return None
    i += 1
    while i < len(doc) and doc[i].lower_ in ("as", "to"):  # "known as", "referred to as"
        i += 1
    while i < len(doc) and (doc[i].lower_ == "the" or doc[i].is_quote):
        i += 1
    end = i
    while end < len(doc) and _name_word(doc[end], doc[end - 1]):
        end += 1
    while end > i and not (doc[end - 1].is_title or doc[end - 1].is_upper or doc[end - 1].like_num):
        end -= 1  # "called the Andean Treaty and ratified": a joining word ends no name
    # the name's head: its last word ("the Harris Treaty"), or the head word before an "of" ("the Treaty of Ghent")
    head = next((t for t in doc[i:end] if _head_lemma(t) in ctx.triggers["agreements"]["heads"]), doc[end - 1]) \
        if end > i else None
    return _proper_name(head) if head is not None else None


def _after_its_name(token: Token) -> int:
    """The position after an agreement's head, the year that may follow it and the rest of its name after an "of"
    ("the Declaration of Principles (...)")."""
    doc, i = token.doc, _after_its_year(token)
    if i < len(doc) and doc[i].lower_ == "of":
        i = next((j for j in range(i + 1, len(doc)) if not _name_word(doc[j], doc[j - 1])), len(doc))
    return i


def _after_its_year(token: Token) -> int:
    """The position after an agreement's head and the year that may follow it ("the Arms Treaty of 1991")."""
    doc, end = token.doc, token.i + 1
    year = end + 1 < len(doc) and (doc[end + 1].ent_type_ == "DATE" or YEAR.fullmatch(doc[end + 1].text))
    if year and doc[end].lower_ == "of":
        end += 2  # the year may be tagged a word of the name ("the Convention of 1800")
        while end < len(doc) and doc[end].ent_type_ == "DATE":
            end += 1
    return end


def _short_name(token: Token) -> str | None:
    """"the Arms Treaty (AT) of 1991", "the Arms Treaty of 1991 (AT)", "the Treaty of Reciprocal Assistance (the Rio
    Treaty)": the name in brackets right after the agreement's own words, wherever the parser hangs it (a list of
    treaties has it hung on the first)."""
    doc, end = token.doc, _after_its_year(token)
    if end < len(doc) and doc[end].text != "(":
        end = _after_its_name(token)
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((i for i in range(end + 1, min(end + 7, len(doc))) if doc[i].text == ")"), None)
    words = list(doc[end + 1: close]) if close else []
    words = words[1:] if words and words[0].lower_ == "the" else words
    if not words or not all(w.is_upper or w.is_title or w.like_num or w.text in "-/" for w in words):
        return None
    return text_of(words)


def _acronym_name(ctx: Context, label: str) -> str | None:
    """"the PACT II Treaty ... PACT II limited X": a name that opens with an acronym goes without its head word."""
    *rest, head = label.split() or [""]
    if not rest or head.lower() not in ctx.triggers["agreements"]["heads"]:
        return None
    return " ".join(rest) if rest[0].isalpha() and rest[0].isupper() and len(rest[0]) > 1 else None


def _not_an_accord(ctx: Context, token: Token, name: str, verb: Token | None) -> bool:
    """"agreements" in general, or "the treaty" with no verb or date that says what became of it, or "Israeli
    agreement to make gestures" (a consent, not an accord): no agreement node of its own."""
    bare = verb is None and _of_date(token, ctx.dates) is None and (name.lower() in ctx.triggers["agreements"]["heads"]
                                                               or token.tag_ in ("NNS", "NNPS") and " " not in name)
    consent = any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                  for c in token.children)
    return bare or consent


# determiners of a thing not yet singled out: "an agreement", "any new treaty", "some accord"
_INDEFINITE = frozenset({"a", "an", "any", "some", "another", "each", "every"})


def _unnamed_and_unmade(ctx: Context, token: Token, name: str, status: str | None) -> bool:
    """"pursue an agreement that could end the war", "hoped other agreements would follow": an accord only sought,
    named by nothing but its head word, is no agreement an analyst can find again (the stance keeps what is sought)."""
    section = ctx.triggers["agreements"]
    indefinite = {c.lower_ for c in token.children if c.dep_ == "det"} <= _INDEFINITE or token.tag_ == "NNS"
    *qualifiers, head = name.lower().split()
    bare = head.rstrip("s") in section["heads"] and set(qualifiers) <= set(section["unnamed_modifiers"])
    return indefinite and bare and status is None and _of_date(token, ctx.dates) is None


def _dated_name(name: str | None) -> tuple[str | None, str | None]:
    """"1929 Chile-Peru Border Treaty" -> ("1929", "Chile-Peru Border Treaty"): a year in front of a name
    dates the agreement and is no part of its name."""
    match = re.match(r"^((?:1[6-9]|20)\d\d)\s+(.+)$", name or "")
    return (match.group(1), match.group(2)) if match else (None, name)


def _parties_in_name(ctx: Context, token: Token) -> list[str]:
    """The states a treaty's name is made of ("U.S.-ROK", "Egyptian-Israeli"): two or more, or none."""
    # a word of the name that is itself a name: "Power" in "the Six-Power Accord" points back at no powers
    words = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod", "nmod", "punct", "npadvmod")
             and t.ent_type_ in ("GPE", "NORP", "ORG")]
    found = list(dict.fromkeys(k for t in words for k in ctx.registry.actors(t) if ctx.registry.kind(k) == "State"))
    if len(found) < 2:  # "their neutrality pact with Japan", "Peru's accord with Chile", "the Chilean treaty with
        # Peru": its owner and its partner; "the accord between Chile and Peru": both
        partners = prep_objects(token, "with", "between") \
            or (prep_objects(token.head, "with") if token.dep_ == "dobj" else [])
        found = list(dict.fromkeys([*found, *(k for t in [*(c for c in token.children if c.dep_ == "poss"), *partners]
                                              for k in ctx.registry.actors(t))]))
    return found if len(found) >= 2 else []


def _of_date(token: Token, dates: dict[int, Interval]) -> TimeValue | None:
    """"the Tacna Protocol of May 1929", "a 2031 joint statement": a date the mention carries."""
    after = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    before = [c for c in token.lefts if c.dep_ in ("nummod", "compound", "nmod", "amod")]
    year = _of_year(token)  # "the Convention of 1818", which the tagger may take for a name, not a date
    return next((dates[t.i].start for t in after + before if t.i in dates),
                TimeValue(year.text, "year") if year is not None else None)


def _named_date_event(ctx: Context, token: Token, name: str, when: TimeValue, signers: list[str]) -> str:
    """The conclusion of an agreement dated by its name: an event of that date, so that the timeline has it."""
    sent = sentence_of(token)
    key = ctx.fact_key("event", "concluded", name, when.iso)
    if key not in ctx.events:
        ctx.events[key] = Event(key=key, kind="Event", label=f"{name} concluded",
                                evidence=ctx.evidence(sent, "rule:agreement-named-year", 0.6),
                                participants=tuple(signers), start=when)
    return key


def _new(ctx: Context, token: Token, name: str, proper: bool, fact: Factuality, event_key: str | None,
         status: str | None) -> Agreement:
    label = name
    if not proper and event_key and ctx.events[event_key].location:
        place = ctx.registry.entities[ctx.events[event_key].location].label
        label = name if place.lower() in name.lower() else f"{place} {name}"
    if not proper:
        label = f"{label} {_partner_phrase(ctx, token)}".strip()  # "a treaty with Peru": not any treaty
    # an agreement node is a fact of its document: another article may say otherwise of the same treaty
    key = ctx.fact_key("agreement", slug(name)) if proper else ctx.fact_key("agreement", label, sentence_of(token).start_char)
    # an agreement exists whatever is said of its signing: its polarity is that of its mention, not of the verb
    mention = Factuality("Positive", fact.modality if status is None else "Asserted", fact.attributed_to)
    return Agreement(key=key, label=label, evidence=ctx.evidence(sentence_of(token), "rule:agreement", 0.8),
                     factuality=mention, aliases=(name,) if name != label else ())


def _partner_phrase(ctx: Context, token: Token) -> str:
    """"with Peru", "between Chile and Peru": the phrase of an unnamed agreement that says whose it is."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "between")):
        named = [p for p in prep.children if p.dep_ == "pobj" and ctx.registry.actors(p)]
        words = list(prep.subtree)
        if named and len(words) <= 7:
            return text_of(words)
    return ""


def _update(agreement: Agreement, status: str | None, event_key: str | None, name: str) -> Agreement:
    aliases = agreement.aliases + ((name,) if name not in agreement.aliases and name != agreement.label else ())
    # once the text gave a status, a later "did not sign" speaks of some parties, not of the agreement, and a later
    # "negotiated" goes back to before it was made
    keep = status is None or (status in ("NotSigned", "Proposed") and agreement.status is not None)
    return replace(agreement, status=agreement.status if keep else status,
                   adopted_at=agreement.adopted_at or event_key, aliases=aliases)


def _store(ctx: Context, agreement: Agreement) -> None:
    for i, old in enumerate(ctx.agreements):
        if old.key == agreement.key:
            ctx.agreements[i] = agreement
            return
    ctx.agreements.append(agreement)


def _signing(ctx: Context, verb: Token, agreement: Token, status: str | None) -> bool:
    """A verb whose agent and partners are parties: one of signing, or of withdrawing from or breaking a pact (one
    who withdraws the text itself, "withdrew the treaty from consideration", took back a proposal)."""
    taken_back = agreement.dep_ == "dobj" and agreement.head == verb \
        and verb.lemma_.lower() in ctx.triggers["agreements"]["proposal_withdrawing_verbs"]
    return status in ("Signed", "NotSigned") or status == "Withdrawn" and not taken_back


def _signatories(ctx: Context, verb: Token, agreement: Token) -> list[str]:
    """Who signs: the agent of the signing verb, and those it was concluded "between" or signed "with" (the parser
    may hang "with X" on the agreement: "signed a pact with X"), and whose it is ("broke their pact with X")."""
    pred = verb_predication(verb, ctx.frames.object_control)  # "forced China to sign": China signs
    brokered = verb.lemma_.lower() in ctx.triggers["agreements"]["brokering_verbs"]
    # (who brokers a deal "with" another brokers it together with them: "between" still names the parties)
    partners = ("between",) if brokered else ("between", "with")
    # "Trump withdrew the United States from the JCPOA": what is taken out of an accord is the party, not who takes it
    taken_out = [o for o in objects(verb) if ctx.registry.actors(o)] \
        if agreement.dep_ == "pobj" and agreement.head.lower_ in ("from", "of") and agreement.head.head == verb else []
    heads = (taken_out or ([] if brokered else list(pred.agents))) + list(pred.oblique(*partners)) \
        + prep_objects(agreement, *partners) + [c for c in agreement.children if c.dep_ == "poss"]
    out: list[str] = []
    for head in heads:
        out += [k for k in ctx.registry.actors(head) if k not in out]
    # "signatories breaking the agreement": a word for the parties is none of them
    party_nouns = ctx.triggers["reference"]["party_nouns"]
    return [k for k in out if ctx.registry.entities[k].label.lower() not in party_nouns]


def _adopting_event(ctx: Context, token: Token, verb: Token | None, dates: dict[int, Interval], status: str | None,
                    found: Agreement | None, name: str) -> str | None:
    """The meeting named with the signing ("At their first meeting, ... signed"), or one in the same sentence; else a
    dated signing of ``found``, the agreement the mention means if the text named it before, or of a new one so
    named."""
    if verb is not None:
        for place in prep_objects(verb, "at", "during", "in"):
            if place.i in ctx.event_at:
                return ctx.event_at[place.i]
    # "Though the delegates adopted the charter, the Quito congress met only in 1931": not adopted there
    # "released in May after a meeting of both presidents": not at the meeting either
    in_sentence = [k for i, k in ctx.event_at.items() if sentence_of(token).start <= i < sentence_of(token).end
                   and ctx.events[k].kind in ("Meeting", "Summit")
                   and not (ctx.doc[i].dep_ == "pobj" and ctx.doc[i].head.lower_ in SEQUENCE_PREPOSITIONS)
                   and _adverbial_clause(ctx.doc[i]) == _adverbial_clause(verb if verb is not None else token)
                   and not (verb is not None and _dated_apart(ctx.events[k], verb, dates))]
    if in_sentence:
        return in_sentence[0]
    if verb is not None and status == "Signed":
        return _signing_event(ctx, verb, token, dates, found, name)
    return None


def _dated_apart(meeting: Event, verb: Token, dates: dict[int, Interval]) -> bool:
    """"The meeting (of October 1986) laid the groundwork for the treaty, which they signed in December 1987": a
    signing dated before the meeting named with it, or after its end, was not done there; with no end told, more than
    a year after its start (a conference may sit for months: "convened in November 1947 ... four months of
    negotiations later, the delegates signed the charter")."""
    attached = _date_tokens(verb, dates)
    if not attached or meeting.start is None:
        return False
    signed = _month_number(dates[attached[0]].start)
    if meeting.end is not None:
        return signed < _month_number(meeting.start) or signed > _month_number(meeting.end)
    return not 0 <= signed - _month_number(meeting.start) <= 12


def _month_number(time: TimeValue) -> int:
    """Months since year 0 of a time's first month ("1987" is its January)."""
    return int(time.iso[:4]) * 12 + (int(time.iso[5:7]) if len(time.iso) >= 7 else 1)


def _adverbial_clause(token: Token) -> Token:
    """The adverbial clause a word is in, or the sentence's root."""
    while token.dep_ not in ("advcl", "ROOT") and token.head != token:
        token = token.head
    return token


def _signing_event(ctx: Context, verb: Token, agreement: Token, dates: dict[int, Interval],
                   found: Agreement | None, name: str) -> str | None:
    """A dated signing with no meeting named becomes an event of its own, so the agreement has a date; a signing the
    text told already, on the same date, is that one. The date may be told on the agreement's own participle ("Under
    the protocol signed on September 7, 1901, China agreed to pay"), which then names the act."""
    dated, attached = verb, _date_tokens(verb, dates)
    if not attached:
        dated = next((c for c in agreement.children if c.dep_ == "acl" and c.tag_ == "VBN"
                      and c.lemma_.lower() in ctx.triggers["agreements"]["status_verbs"]), verb)
        attached = _date_tokens(dated, dates) if dated is not verb else []
    if not attached and _at_the_time_of(verb):
        attached = _date_tokens(verb.head, dates)  # "the war ended in 1953, when the parties signed an armistice"
    if not attached:
        return None
    if agreement.dep_ == "nsubj" and verb.i in ctx.event_at:
        return ctx.event_at[verb.i]  # "the treaty entered into force on May 5": the clause is an event already
    when = dates[attached[0]]
    if found is not None and found.adopted_at and ctx.events[found.adopted_at].start == when.start:
        ctx.event_at[verb.i] = found.adopted_at
        return found.adopted_at
    name = found.label if found is not None else name
    key = ctx.fact_key("event", "signing", name, sentence_of(verb).start_char)
    ctx.events[key] = Event(key=key, kind="Event", label=f"{name} {_past_participle(dated, _act_verb(ctx, dated))}",
                            evidence=ctx.evidence(sentence_of(verb), "rule:agreement-signing", 0.75),
                            factuality=ctx.factuality(verb), participants=tuple(_signatories(ctx, verb, agreement)),
                            start=when.start, end=when.end)
    ctx.event_at[verb.i] = key
    return key


def _at_the_time_of(verb: Token) -> bool:
    """A "when" clause of a main clause or of its date ("on May 4, 1974, when ..."), not told as an earlier past
    ("when Chile had signed the pact")."""
    of_the_time = verb.dep_ == "advcl" or verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE"
    return of_the_time and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children) \
        and not _earlier_past(verb)


def _act_verb(ctx: Context, noun: Token) -> str | None:
    """The verb of a noun of the act that gives an agreement its status ("signing": sign), if it is one."""
    return next(iter(ctx.triggers["agreements"]["status_nouns"].get(noun.lower_, [])), None)


def _past_participle(verb: Token, act_verb: str | None) -> str:
    """"signed", "ratified", "concluded": the text's own form when it has one (for a noun of the act, its verb's:
    "the signing of X", signed)."""
    if verb.tag_ in ("VBN", "VBD"):
        return verb.lower_
    lemma = act_verb or verb.lemma_.lower()
    if lemma.endswith("e"):
        return f"{lemma}d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return f"{lemma[:-1]}ied"
    return f"{lemma}ed"


def commitment_clauses(ctx: Context, sent: SentSpan) -> None:
    """What an agreement commits its parties to, from the clause layer: an agreement (or "it" for the one just named)
    as the subject of a verb of obliging ("it banned X", "the treaty grants Y", "... by limiting Z"), each clause an
    agreement named words ("the treaty stated that X would Y") or a party states in one ("X declared in the communiqué
    that ..."), and any clause set "under" an agreement ("Under the treaty, X and Y committed to defend each other", "a
    deal under which X imposed a tariff")."""
    if not ctx.agreements:
        return  # nothing named yet that a clause could provide for (two sentences in five of the corpus)
    obliging = set(ctx.triggers["agreements"]["commitment_verbs"])
    # "the treaty stated that Spain would cede Florida", "the accord provided that ...": each clause it words so is a
    # provision
    wording = obliging | set(ctx.triggers["agreements"]["wording_verbs"])
    issuing = _stating_verbs(ctx)
    for verb in (t for t in sent if t.pos_ == "VERB"):
        # "the treaty forced Spain to cede Guam": Spain cedes, and the treaty obliges it to (its own verb's provision)
        pred = verb_predication(verb, ctx.frames.object_control)
        owner = next((k for a in pred.agents if (k := _agreement_meant(ctx, _terms_of(ctx, a)))), None)
        # also "returned to X by limiting Y": the treaty limits Y; "it did not guarantee Y" commits to nothing
        if owner and verb.lemma_.lower() in obliging and ctx.factuality(verb).polarity == "Positive" \
                and not _no_provision(ctx, verb):
            # "obliges the United States and the Philippines to come to each other's aid": the parties bound to act
            # are no provision
            _add_commitments(ctx, sent, owner, [_with_recipient(pred, theme, text) for theme in pred.themes
                                                if not (pred.clauses and ctx.registry.actors(theme))
                                                for text in _provisions(theme)])
            if verb.dep_ == "ROOT":  # "The plan proposed X. The colonies would send Y.": what follows goes on
                ctx.provisions_of = (owner, sent.end)
        # (an agreement named: "it acknowledged that ..." is more often a state's word than a treaty's)
        speaker = owner if verb.lemma_.lower() in wording and not any(a.pos_ == "PRON" for a in pred.agents) else None
        speaker = speaker or _issued_in(ctx, verb, pred, issuing)
        if speaker and ctx.factuality(verb).polarity == "Positive":
            _add_commitments(ctx, sent, speaker, [
                text for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                for text in _provisions_said(c, drop=tuple(v for v in _verb_chain(c) if _omitting(ctx, v)))])
        # "under the accord, tariffs would be cut"; "in the treaty, Spain ceded X": only a party acts "in" one (what
        # "was included in the treaty", or "interest in a treaty", is no provision); asked only once one is named
        framing, framing_phrase = next(((k, t.head) for p in ("under", "according to", "in")
                                        for t in _framing_phrases(pred, p, ctx.triggers["agreements"]["bound_nouns"])
                                        + _fronted_framing(ctx, verb, p)
                                        if (k := _agreement_meant(ctx, _terms_of(ctx, t)))
                                        and (p != "in" or _party_acting(ctx, verb))), (None, None))
        if framing and not owner and not _naming(ctx, verb) and not _free_relative(verb) \
                and not _how_things_stood(ctx, verb):
            # "committed to buy X": the parser may take the complement for an adverbial infinitive
            inner = [*pred.clauses, *(c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and
                                      any(a.lower_ == "to" for a in c.children)
                                      and not any(a.dep_ == "nsubj" for a in c.children))] \
                if verb.lemma_.lower() in ctx.triggers["agreements"]["undertaking_verbs"] else []
            texts = [text for c in inner for text in _undertaken(c)] or _provisions_said(
                verb, drop=(framing_phrase,), exchange=ctx.frames.exchange_prepositions)
            _add_commitments(ctx, sent, framing, texts)
            ctx.provisions_of = (framing, sent.end)
            _parties_acting(ctx, sent, verb, framing)
        signed = _signed_while_undertaking(ctx, verb)
        if signed:
            _add_commitments(ctx, sent, signed, [t for c in verb.children if c.dep_ == "xcomp" for t in _undertaken(c)])
    _provisions_continued(ctx, sent)


def _signed_while_undertaking(ctx: Context, verb: Token) -> str | None:
    """"The two allies signed a memorandum in 2023, pledging to avoid exercises": what the signers undertook as they
    signed, in a participle on the verb of signing, is a term of the agreement signed; so is what a participle on the
    agreement itself pledges ("signed a declaration pledging to work toward X")."""
    section = ctx.triggers["agreements"]
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in section["undertaking_verbs"]:
        return None
    if verb.dep_ == "acl" and verb.head.i in ctx.agreement_at:
        return ctx.agreement_at[verb.head.i]
    if verb.dep_ != "advcl" or verb.head.lemma_.lower() not in section["signing_verbs"]:
        return None
    return next((ctx.agreement_at[o.i] for o in verb.head.children if o.dep_ == "dobj" and o.i in ctx.agreement_at),
                None)


def _how_things_stood(ctx: Context, verb: Token) -> bool:
    """"Under the charter, the council faced debts", "powers it lacked under the pact": how things stood
    while an accord was in force is no term of it; "under the pact, the port would remain open" and "there was to be
    a truce" (what was arranged) are."""
    return verb.lemma_.lower() in ctx.triggers["agreements"]["circumstance_verbs"] \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" or c.dep_ == "xcomp" and c.tag_ in ("TO", "VB")
                    for c in verb.children)


def _free_relative(verb: Token) -> bool:
    """"the difference between its tonnage and what it was allotted under the treaty": a clause whose "what" stands
    for its object or subject says what the accord gave without saying it."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and c.lower_ in ("what", "whatever")
               for c in verb.children)


def _with_recipient(pred: Predication, theme: Token, provision: str) -> str:
    """"gave the council greater authority": what is given is given to someone, and the provision says to whom."""
    recipient = next((r for r in pred.recipients if r.dep_ == "dative" and r.i < theme.i), None)
    return f"{pred.head.text} {phrase(recipient)} {provision}" if recipient is not None else provision


def _no_provision(ctx: Context, verb: Token) -> bool:
    """"It established a model for later pacts", "it gave them time to rearm", "the treaty served to give the party a
    base", "realizing that it gave them time": what an accord achieved, or what someone made of it, no provision; nor
    is a name it is "called" (where "called for" is one)."""
    section = ctx.triggers["agreements"]
    taken = objects(verb)
    if any(c.dep_ == "det" and c.lower_ == "no" for o in taken for c in o.children):
        return True  # "contained no disarmament provisions"
    if verb.lemma_.lower() in section["member_verbs"] and taken and all(ctx.registry.actors(o) for o in taken):
        return True  # "widened to include other states": who takes part, no provision
    # also "the situation created by it", "set the colonists on the path to ..."
    outcomes = [*taken, *([verb.head] if verb.dep_ == "acl" else []),
                *(o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "onto") for o in p.children
                  if o.dep_ == "pobj")]
    # a complement clause after its governor is what someone believed or said of the accord
    clause = first_conjunct(verb)
    believed = clause.dep_ == "ccomp" and clause.i > clause.head.i
    return _naming(ctx, verb) or believed or any(o.lemma_.lower() in section["outcome_nouns"] for o in outcomes) \
        or any(g.lemma_.lower() in section["assessing_verbs"] for g in _governors(verb))


def _governors(verb: Token) -> Iterator[Token]:
    """The verbs a verb is joined to or completes ("served to bolster X and give Y": "bolster", then "served")."""
    while verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        verb = verb.head
        yield verb


def _naming(ctx: Context, verb: Token) -> bool:
    """"also called the Andean Treaty": the verb gives a name (where "called for" asks for a thing)."""
    after = [t for t in verb.doc[verb.i + 1: verb.i + 3] if t.lower_ != "the"]
    return verb.lower_ in ctx.triggers["agreements"]["naming_words"] and bool(after) and after[0].is_title


def _party_acting(ctx: Context, verb: Token) -> bool:
    """An actor is the subject of the verb, and the verb does not merely state ("In a joint statement, X and Y
    confirmed ..." is how they issued it)."""
    stating = set(ctx.cues.reporting_verbs) | set(ctx.triggers["agreements"]["affirming_verbs"])
    return verb.lemma_.lower() not in stating and any(ctx.registry.actors(s) for s in subjects(verb))


def _framing_phrases(pred: Predication, preposition: str, bound_nouns: list[str]) -> list[Token]:
    """"Under the accord, X ...", "X ceded Y to Z in the treaty": the agreement a clause is set in, also where the
    parser hangs the phrase on the verb's last object; but "in" after a common noun is that noun's own ("suspended
    its participation in the treaty" tells nothing the treaty provides), and so is any after what one is bound to by
    it ("suspended its obligations under the treaty")."""
    bound = min((t.i for t in pred.themes if t.lemma_.lower() in bound_nouns), default=None)
    hung = [o for t in [*pred.themes, *(t for _, t in pred.obliques)] if preposition != "in" or t.pos_ == "PROPN"
            for o in prep_objects(t, preposition)]
    return [o for o in [*pred.oblique(preposition), *hung] if bound is None or o.i < bound]


def _issued_in(ctx: Context, verb: Token, pred: Predication, issuing: set[str]) -> str | None:
    """"In the communiqué, Japan declared that ...", "Japan stated in the accord that ...": what a party states (a verb
    of ``issuing``) in an agreement it issues, the agreement states (not what it says in a text of its own: "in her
    closing speech")."""
    if verb.lemma_.lower() not in issuing:
        return None
    return next((k for t in _framing_phrases(pred, "in", ctx.triggers["agreements"]["bound_nouns"])
                 + _fronted_framing(ctx, verb, "in") if not _one_owner(t) and (k := _agreement_meant(ctx, t))), None)


def _fronted_framing(ctx: Context, verb: Token, preposition: str) -> list[Token]:
    """"Under the accords, the United States agreed to A, and Iran agreed to B": a phrase set before the subject of
    the first of joined clauses frames the clauses after it too."""
    if verb.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    first = verb.head
    subject = min((c.i for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), default=first.i)
    pred = verb_predication(first, ctx.frames.object_control)
    return [t for t in pred.oblique(preposition) if t.i < subject]


def _parties_acting(ctx: Context, sent: SentSpan, verb: Token, agreement_key: str) -> None:
    """"In the Treaty of Paris, Spain ceded the islands", "Under the accord, Peru made peace with Chile": who acts
    under an agreement, and with whom, as a plain fact, are parties to it, and it was concluded; what "came under"
    another's rule under it is no party. What one "would" do under it is what it provides, told of a plan that may
    never have been adopted."""
    fact = ctx.factuality(verb)
    if not fact.is_plain_fact or told_with_modal(verb):
        return
    known = {r.object for r in ctx.signatory_relations({agreement_key})}
    undergoing = verb.lemma_.lower() in ctx.triggers["agreements"]["undergoing_verbs"] and not objects(verb)
    acting = [*([] if undergoing else subjects(verb)), *verb_predication(verb).oblique("with")]
    for party in dict.fromkeys(k for t in acting for k in ctx.registry.actors(t)):
        if party not in known:
            ctx.relate(agreement_key, "signatory", party, ctx.evidence(sent, "rule:agreement-signatory", 0.6), fact)
    agreement = next(a for a in ctx.agreements if a.key == agreement_key)
    if agreement.status is None:
        _store(ctx, replace(agreement, status="Signed"))


def _provisions_said(verb: Token, drop: tuple[Token, ...] = (), exchange: tuple[str, ...] = ()) -> list[str]:
    """"X would withdraw its troops and Y would reopen the border": one provision per clause with its own subject
    (without the phrases in `drop`: the one that names the agreement); "X gave Y destroyers in exchange for leases
    to territory in Z": what is given in return (a preposition of `exchange`) is a provision of its own."""
    own = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
           and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    # "Japan would protect seamen and open two ports": each act with an object of its own is a provision, said of
    # the one subject (one with an auxiliary of its own has a subject the parser lost: "X would A and banks would B")
    # (and so is each act of a longer list: "would oversee A, manage B, and inspect C")
    shared = [c for c in _verb_chain(verb) if c.pos_ == "VERB" and c not in own and c not in drop and objects(c)
              and not any(a.dep_ in ("aux", "auxpass") for a in c.children)] if objects(verb) else []
    # "In 1802, after the war, X ceded Y": what comes before the subject frames the provision, it is no part of it
    # (also before an empty "there": "According to the accord, there was to be a ban on X")
    subject = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass", "expl")]
    start = min((s.left_edge.i for s in subject), default=None)
    lost = _lost_subject_clause(verb, own)
    returned = [(opening, item) for p, item in verb_predication(verb).obliques if p in exchange
                if (opening := _opening_word(item, p)) is not None]
    cut = min(([own[0].left_edge.i] if own else []) + [c.i for c in shared] + ([lost[0]] if lost else [])
              + [opening.i for opening, _ in returned], default=None)
    first = clause_text(verb, before=cut, after=start, drop=drop)
    said_of = [t for s in subject for t in s.subtree] + [c for c in verb.children if c.dep_ in ("aux", "neg")]
    ends = [*(c.i for c in shared[1:]), None]
    return [first, *(f"{text_of(said_of)} {clause_text(c, before=end, drop=drop)}".strip() for c, end in zip(shared, ends)),
            *(text for c in own for text in _provisions_said(c, drop, exchange)),
            *([f"{text_of(list(verb.doc[lost[0] + 1:lost[1].left_edge.i]))} {clause_text(lost[1], drop=drop)}"]
              if lost else []),
            *(text_of(list_from(item)) for _, item in returned)]


def _opening_word(item: Token, preposition: str) -> Token | None:
    """The first word of the phrase "in exchange for" whose object is ``item``."""
    first = preposition.split()[0]
    return next((a for a in item.ancestors if a.dep_ == "prep" and a.lower_ == first and a.i < item.i), None)


def _lost_subject_clause(verb: Token, own: list[Token]) -> tuple[int, Token] | None:
    """"France would evacuate the Ruhr and foreign banks would loan X": the parser takes the second subject for part
    of the first object. A joined verb with its own "would" and no subject starts at the last "and" before it: the
    "and" and the joined verb."""
    joined, modal = next(((c, a) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c not in own
                          for a in c.children if a.dep_ in ("aux", "auxpass") and a.tag_ == "MD"), (None, None))
    if joined is None:
        return None
    ands = [t.i for t in verb.doc[verb.i + 1:modal.i] if t.lower_ == "and" and t.dep_ == "cc"]
    return (ands[-1], joined) if ands and ands[-1] < modal.i - 1 else None


def _verb_chain(verb: Token) -> list[Token]:
    """The verbs coordinated after this one, each hung on the one before it or all on the first."""
    chain, todo = [], [verb]
    while todo:
        found = [c for c in todo.pop().children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        chain += found
        todo += [c for c in found if c.pos_ == "VERB" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    return sorted(chain, key=lambda t: t.i)


def _provisions_continued(ctx: Context, sent: SentSpan) -> None:
    """"Under the Quito Plan, tariffs would be cut. A port authority would be created.": the sentences right after
    one set under an agreement, told in the same future of the past ("would") and as plain statements, go on
    listing its provisions."""
    if ctx.provisions_of is None or ctx.provisions_of[1] != sent.start:
        return
    agreement, _ = ctx.provisions_of
    root = sent.root
    # "the resolution would remain the bedrock of ...", "the plan would have stripped them of ...": a judgment
    judged = root.lemma_.lower() in ctx.triggers["agreements"]["assessing_verbs"] \
        or any(t.lower_ in ("have", "'ve") and t.dep_ == "aux" for t in root.children)
    if not _told_as_due(root) or judged or any(t.dep_ == "neg" for t in root.children) \
            or ctx.reading(root).speaker is not None:
        ctx.provisions_of = None
        return
    # "X were to select A, while Y would appoint B": a clause set against the first is a provision of its own
    contrasted = [c for c in root.children if c.dep_ == "advcl" and _told_as_due(c)
                  and opened_by_any(c, CONTRASTING_MARKS)]
    exchange = ctx.frames.exchange_prepositions
    _add_commitments(ctx, sent, agreement, [text for clause in (root, *contrasted)
                                            for text in _provisions_said(clause, exchange=exchange)])
    ctx.provisions_of = (agreement, sent.end)


def _told_as_due(verb: Token) -> bool:
    """"would appoint", "were to select": what a plan has someone do, told in the future of the past."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "would" for c in verb.children):
        return True
    return verb.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                       for c in verb.children)


def _terms_of(ctx: Context, token: Token) -> Token:
    """"under the terms of the accord", "according to its terms": the accord (or the word for it) whose terms they
    are."""
    if token.lemma_.lower() in ctx.triggers["agreements"]["provision_heads"]:
        owner = next((c for c in token.children if c.dep_ == "poss"), token)
        return next(iter(prep_objects(token, "of")), owner)
    return token


def _agreement_meant(ctx: Context, token: Token) -> str | None:
    """The agreement a word names: an agreement mention, a relative pronoun standing for one, or "it" / "which"
    right after one was named."""
    if token.i in ctx.agreement_at:
        return ctx.agreement_at[token.i]
    if token.lower_ == "which" and token.head.dep_ == "prep" and token.head.head.dep_ == "relcl":
        return ctx.agreement_at.get(token.head.head.head.i)
    if (token.lower_ in ("it", "this", "its") or _its_contents(ctx, token)) and ctx.agreements \
            and not ctx.registry.expletive(token):
        latest = max(ctx.agreements, key=lambda a: ctx.last_seen.get(a.key, -1))
        if 0 <= sentence_of(token).start_char - ctx.last_seen.get(latest.key, -10**9) <= 600 \
                and not _named_after(ctx, token, latest.key):
            return latest.key
    return None


def _its_contents(ctx: Context, token: Token) -> bool:
    """"... adopted a charter that listed several aims. These aims included X, Y and Z": a plural noun for what an
    accord sets out, pointed back to by "these" or "those", stands for the contents of the one just named."""
    return token.tag_ == "NNS" and token.lemma_.lower() in ctx.triggers["agreements"]["content_nouns"] \
        and any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in token.children)


def _named_after(ctx: Context, pronoun: Token, agreement_key: str) -> bool:
    """"It did not recognize X until the Treaty of Paris": an agreement named after the pronoun in its sentence is not
    what the pronoun stands for."""
    return any(ctx.agreement_at.get(t.i) == agreement_key for t in sentence_of(pronoun) if t.i > pronoun.i)


def _provisions(theme: Token) -> list[str]:
    """"banned naval patrols in the bay, in the strait, or in the gulf": one provision per coordinated place,
    whether the parser hangs the places on the object or on the verb."""
    own = [c for c in theme.children if c.dep_ == "prep"]
    places = [t for p in own[:1] for t in conjuncts(p)]
    if theme.dep_ == "dobj":  # the parser may hang the later places, or the last one alone, on the verb
        after = [t for c in theme.head.children if c.i > theme.i and c.dep_ == "prep"
                 and not any(o.ent_type_ == "DATE" for o in c.children) for t in conjuncts(c)]
        after += [c for c in theme.head.children if c.i > theme.i and c.dep_ == "conj" and c.pos_ in ("NOUN", "ADV")]
        # only a list: "banned tests in the air in 1963" names one place
        if any(c.dep_ == "cc" for t in [theme.head, *after] for c in t.children if c.i > theme.i):
            places = list(dict.fromkeys(places + after))
    if len(places) < 2:  # "granted Japan control of Shandong, which led to an outcry": the aside is no provision
        # (nor are the things listed after it, each a theme, and so a provision, of its own)
        asides = _aside_words(theme) | {i for c in theme.children if c.dep_ == "conj" for i in _listed_item(c)}
        return [text_of([t for t in theme.subtree if t.i not in asides])]
    skip = {t.i for p in places for t in p.subtree}
    base = [t for t in theme.subtree if t.i not in skip]
    return [text_of(base + [t for t in p.subtree if not _in_other_place(t, p)]) for p in places]


def _listed_item(item: Token) -> set[int]:
    """The words of one item of a list with the comma, "and" or "as well as" that brings it in."""
    words = {t.i for t in item.subtree}
    i = item.left_edge.i - 1
    while i > item.head.i and (item.doc[i].text == "," or item.doc[i].dep_ in ("cc", "preconj")
                               or item.doc[i].lower_ in ("as", "well")):
        words.add(i)
        i -= 1
    return words


def _aside_words(head: Token) -> set[int]:
    """The words of the relative clauses set off by a comma inside the phrase (", which led to an outcry")."""
    return {t.i for c in head.subtree if c != head and non_restrictive(c) for t in c.subtree}


def _in_other_place(t: Token, place: Token) -> bool:
    """Inside a place coordinated under this one ("in space, or underwater" hang on "in the atmosphere")."""
    while t != place:
        if t.dep_ in ("conj", "cc") or t.is_punct:
            return True
        t = t.head
    return False


def _add_commitments(ctx: Context, sent: SentSpan, agreement_key: str, texts: list[str]) -> None:
    current = next((a for a in ctx.agreements if a.key == agreement_key), None)
    if current is None:
        return
    known = [_word_set(c.label) for c in current.commitments]
    fresh = [t for t in texts if t and len(t.split()) >= 2 and _provision_text(ctx, t)
             and not any(len(words & _word_set(t)) >= 0.8 * min(len(words), len(_word_set(t))) for words in known)]
    new = tuple(dict.fromkeys(_commitment(ctx, sent, current, t) for t in fresh))
    if new:
        _store(ctx, replace(current, commitments=current.commitments + new))


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"[\w'’]+", text.lower()))  # ("most-favored-nation" is three words, as a label writes it)


def undertakings(ctx: Context, sent: SentSpan) -> None:
    """Sentences right after an agreement that say what parties agreed to, or what "This" agreement included."""
    if not ctx.agreements:
        return
    latest = max(ctx.agreements, key=lambda a: ctx.last_seen.get(a.key, -1))
    if sent.start_char - ctx.last_seen.get(latest.key, -10**9) > NEARBY_CHARS:
        return
    section = ctx.triggers["agreements"]
    found: list[Commitment] = []
    parties = _parties(ctx, latest.key) if _named_just_before(ctx, sent, latest.key) \
        or _terms_just_before(ctx, sent, latest) else set()
    party_nouns = set(ctx.triggers["reference"]["party_nouns"])
    for verb in sent:
        lemma = verb.lemma_.lower()
        undertaking, committing = lemma in section["undertaking_verbs"], lemma in section["commitment_verbs"]
        # who undertakes or commits is read of those verbs only, not of every word
        subject_words = {t.lower_ for s in subjects(verb) for t in _party_words(s)} \
            if undertaking or committing else set()
        # "failed to reach a ceasefire agreement ... both sides agreed to meet again": no term of the accord not made
        if undertaking and latest.status != "NotSigned" and (subject_words & party_nouns
                                                             or _by_party(ctx, verb, parties)):
            for comp in (c for c in verb.children if (c.dep_ in ("xcomp", "ccomp") or _bound_self_to(verb, c)
                                                      or _listed_after_semicolon(c)) and not _acts_on(ctx, c, latest)):
                found += [_commitment(ctx, sent, latest, text) for text in _undertaken(comp)]
        elif committing and any(_this_agreement(s, section["heads"]) for s in subjects(verb)) and verb.dep_ == "ROOT" \
                and ctx.factuality(verb).polarity == "Positive" and not _no_provision(ctx, verb) \
                and not any(_named_after(ctx, s, latest.key) for s in subjects(verb)):
            # "it did not guarantee X" commits to nothing
            found += [_commitment(ctx, sent, latest, item) for item in _items(verb, section["list_verbs"])]
        elif lemma in ("give", "set") and any(c.dep_ == "auxpass" for c in verb.children) and \
                any(s.i in ctx.agreement_at for s in subjects(verb)):
            subject = next(s for s in subjects(verb) if s.i in ctx.agreement_at)
            latest = next(a for a in ctx.agreements if a.key == ctx.agreement_at[subject.i])
            found += [_commitment(ctx, sent, latest, phrase(o)) for o in objects(verb)]
            found += [_commitment(ctx, sent, latest, text_of(list(c.subtree)))
                      for o in prep_objects(verb, "with") for c in o.children if c.dep_ in ("acl", "ccomp")]
    current = next(a for a in ctx.agreements if a.key == latest.key)  # this sentence may have updated it
    known = {c.label for c in current.commitments}
    new = tuple(dict.fromkeys(c for c in found if c.label and c.label not in known))
    if new:
        _store(ctx, replace(current, commitments=current.commitments + new))


def _listed_after_semicolon(clause: Token) -> bool:
    """"agreed not to seek X; to seek Y; to establish Z": an infinitive after a semicolon goes on the list of what was
    agreed (the parser makes it a clause of what the agreeing was for)."""
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and clause.i > 1 \
        and clause.doc[clause.i - 1].lower_ == "to" and clause.doc[clause.i - 2].text == ";"


def _bound_self_to(verb: Token, clause: Token) -> bool:
    """"committed themselves to consult each other": the infinitive after a reflexive object, which the parser may
    take for a purpose, is what they bound themselves to."""
    return clause.dep_ == "advcl" and to_infinitive(clause) \
        and any(o.lower_ in ("themselves", "itself", "himself", "herself") for o in objects(verb))


def _party_words(subject: Token) -> list[Token]:
    """"the two sides", "delegates of both nations": the subject's noun or the one it is of, not any word inside it
    ("a contingent from Caribbean nations agreed to serve" is no party undertaking a term)."""
    return [subject, *(o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                       if o.dep_ == "pobj")]


def _acts_on(ctx: Context, comp: Token, agreement: Agreement) -> bool:
    """"agreed to cancel the Arica Agreement": what is agreed about the agreement itself is no term of it."""
    return any(ctx.agreement_at.get(o.i) == agreement.key for o in objects(comp))


def _this_agreement(subject: Token, heads: list[str]) -> bool:
    """"It included ...", "This accord required ...": a subject that stands for the agreement just named (not "This
    statute obliged ...", another text)."""
    return subject.lower_ in ("this", "it") or subject.lemma_.lower() in heads \
        and any(c.dep_ == "det" and c.lower_ == "this" for c in subject.children)


def _named_just_before(ctx: Context, sent: SentSpan, agreement_key: str) -> bool:
    """The agreement was last named in the sentence before this one, not in this one."""
    if sent.start == 0:
        return False
    return ctx.last_seen.get(agreement_key, -1) == ctx.doc[sent.start - 1].sent.start_char


def _terms_just_before(ctx: Context, sent: SentSpan, agreement: Agreement) -> bool:
    """"Peru promised to pay an indemnity. Chile, for its part, pledged to withdraw": the sentence before told a term
    of the agreement, and the list of what its parties undertook goes on."""
    if sent.start == 0:
        return False
    before = ctx.doc[sent.start - 1].sent.start_char
    return any(c.evidence.span.begin == before for c in agreement.commitments)


def _by_party(ctx: Context, verb: Token, parties: set[str]) -> bool:
    """"Peru also committed to ...": the subject is one of the agreement's parties."""
    actors = {k for s in subjects(verb) for k in ctx.registry.actors(s)}
    return bool(actors) and actors <= parties


def _parties(ctx: Context, agreement_key: str) -> set[str]:
    """Who signed or announced the agreement, as far as the text has said, and the states its signers lead or serve
    ("Chilean envoy Vega and President Soto signed a treaty. Chile agreed to ...": the envoy signed for his state)."""
    signers = {r.object for r in ctx.signatory_relations({agreement_key})}
    agreement = next(a for a in ctx.agreements if a.key == agreement_key)
    event = ctx.events.get(agreement.adopted_at or "")
    served = {s for k in signers if ctx.registry.kind(k) == "Person" for s in ctx.served_by(k)
              if ctx.registry.kind(s) == "State"}
    return signers | served | set(event.participants if event else ())


def _undertaken(comp: Token, left_out: frozenset[int] = frozenset()) -> list[str]:
    """"to cooperate in X and to continue Y" are two undertakings; "not build, buy or lease X" is one;
    "not only to abide by X but also to destroy or transfer Y" are two, the second whole. The words ``left_out`` are
    none of them."""
    verbs = [v for v in conjuncts(comp) if v.pos_ in ("VERB", "AUX")]  # ("to establish A, and B": B is no act)
    turns = [v for v in verbs[1:] if any(c.dep_ == "cc" and c.lower_ == "but" and c.i < v.i for c in v.head.children)]
    if turns:
        inside = {t.i for v in turns for t in v.subtree}
        parts = [[t for t in comp.subtree if t.i not in inside]]
        parts += [[t for t in v.subtree if t.i not in {u.i for w in turns if w.i > v.i for u in w.subtree}] for v in turns]
        return [text_of([t for t in part if _undertaking_word(t) and t.i not in left_out]) for part in parts]
    if len(verbs) > 1 and all(objects(v) or any(c.dep_ in ("prep", "xcomp") for c in v.children) for v in verbs):
        return [text_of([t for t in _without_conj_verbs(v) if t.i not in left_out]) for v in verbs]
    edges = (comp.left_edge.i, comp.right_edge.i)
    words = [t for t in comp.subtree if (t.dep_ != "punct" or t.i not in edges) and t.i not in left_out]
    while words and words[-1].dep_ == "cc":
        words.pop()  # "to work toward X and [Peru dropped Y]": the parser hangs the next clause's "and" on X
    return [text_of(words)]


def _undertaking_word(t: Token) -> bool:
    """Not the frame of a correlative ("not only ... but also"), its commas, or the "to" of an infinitive."""
    return not (t.dep_ in ("preconj", "punct") or t.dep_ == "cc" and t.lower_ == "but"
                or t.lower_ in ("only", "also") and t.dep_ == "advmod"
                or t.dep_ == "aux" and t.lower_ == "to")


def _commitment(ctx: Context, sent: SentSpan, agreement: Agreement, label: str) -> Commitment:
    label = _RELATIVE_OPENING.sub("", label).removeprefix("that ").removeprefix("to ").strip()
    return Commitment(key=ctx.fact_key("commitment", agreement.key, label), label=label,
                      evidence=ctx.evidence(sent, "rule:commitment-undertaking", 0.6))


def _phrases_joined(items: list[str]) -> list[str]:
    """"called for Israel to withdraw to the lines, with insubstantial alterations, in return for peace": a phrase
    that opens with a preposition goes on with the item before it; it is none of its own."""
    joined: list[str] = []
    for item in items:
        if joined and item.split()[0].lower() in _PHRASE_OPENERS:
            joined[-1] = f"{joined[-1]}, {item}"
        else:
            joined.append(item)
    return joined


def _without_conj_verbs(verb: Token) -> list[Token]:
    """The verb's words less the verbs joined to it and their joining words ("to establish A, and B" keeps B, which
    the parser may hang on the verb)."""
    joined = [c for c in verb.children if c.dep_ == "conj"]
    skip = {t.i for c in joined if c.pos_ in ("VERB", "AUX") for t in c.subtree}
    skip |= {c.i for c in verb.children if c.dep_ == "cc" and next(
        (j.pos_ in ("VERB", "AUX") for j in joined if j.i > c.i), True)}
    return [t for t in verb.subtree if t.i not in skip and t.dep_ != "punct"]


def _list_verb(token: Token) -> Token | None:
    """"a joint statement that called for: ...", "the treaty limited ...": the verb stating what it commits to (the
    parser may hang the relative clause on the "of" phrase of its name: "a memorandum of understanding that called
    for ...")."""
    named_with = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    for child in (c for t in [token, *named_with] for c in t.children):
        if child.dep_ == "relcl":
            return child
    if token.dep_ in ("nsubj",):
        return token.head
    return None


def _commitments(ctx: Context, token: Token, agreement: Agreement) -> tuple[Commitment, ...]:
    verb = _list_verb(token)
    words = set(ctx.triggers["agreements"]["commitment_verbs"])
    out = []
    listing = verb is not None and verb.lemma_.lower() in words and not infinitive_of_its_noun(verb)
    verbs = [v for v in conjuncts(verb) if v.pos_ in ("VERB", "AUX") and (v == verb or not _told_apart(ctx, v))] \
        if listing else []
    verbs = [v for v in verbs if ctx.factuality(v).polarity == "Positive" and not _no_provision(ctx, v)
             and not _omitting(ctx, v)]
    for v in verbs:
        for item in (i for i in _items(v, ctx.triggers["agreements"]["list_verbs"]) if _provision_text(ctx, i)):
            key = ctx.fact_key("commitment", agreement.key, item)
            out.append(Commitment(key=key, label=item, evidence=ctx.evidence(sentence_of(token), "rule:commitment-list", 0.7)))
    stray = _participle_on_last_noun(ctx, token)  # "to outlaw war signed on ...": what became of it, not a term
    left_out = frozenset(t.i for t in stray.subtree) if stray is not None else frozenset()
    out += [_commitment(ctx, sentence_of(token), agreement, i) for c in _content_infinitives(ctx, token)
            for i in _undertaken(c, left_out)]
    known = {c.label for c in agreement.commitments}
    return tuple(c for c in dict.fromkeys(out) if c.label not in known)


def _content_infinitives(ctx: Context, token: Token) -> list[Token]:
    """"The Lima Pact was an agreement to withdraw their fleets", "signed a treaty to ban tests": what it is an
    agreement to do, when the text says what it is or what became of it; an infinitive the parser hangs on an accord
    that is only acted on is the act's purpose ("adhered to the pact to show their support")."""
    defined = token.dep_ == "attr" and token.head.lemma_ == "be"
    if not defined and _governor(ctx, token)[0] is None:
        return []
    return [c for c in token.children if infinitive_of_its_noun(c)]


def _told_apart(ctx: Context, verb: Token) -> bool:
    """A verb joined to an accord's verb of providing that says no provision of it: one with a subject of its own ("the
    agreement allowed X ..., and Chile promised Peru a loan": what that subject did), or one that says what the
    accord was or sought ("established a fisheries board ..., and represented a Peruvian effort to ...", "ceded the
    port ... and attempted to end the dispute")."""
    sorts = ctx.triggers["agreements"]["assessing_verbs"] + ctx.triggers["positions"]["framing_verbs"] \
        + ctx.triggers["positions"]["striving_verbs"]
    return verb.lemma_.lower() in sorts or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _omitting(ctx: Context, verb: Token) -> bool:
    """"stipulated X, but left out any mention of Y": what an accord leaves out is no provision of it."""
    return with_particle(verb) in ctx.triggers["agreements"]["omitting_verbs"]


def _provision_text(ctx: Context, text: str) -> bool:
    """What a list after a verb of providing can hold that is no provision: a relative clause on its last item
    ("..., which the United States never joined"), a date ("by October 30, 1993"), or an actor's bare name ("each of
    the signatories: the United States, the United Kingdom, ...")."""
    low = text.lower().removeprefix("the ").strip(" .")
    if low.split()[0] in RELATIVE_PRONOUNS - {"that"} or not re.search(r"[a-z]", low):  # "that X would": a provision
        return False
    return not any(low in {b.label.lower(), *(a.lower() for a in b.aliases)} for b in ctx.registry.entities.values()
                   if b.kind in ACTOR_KINDS)


def _participle_aside(token: Token) -> bool:
    """A past participle set off by a comma, whatever the parser hangs it on (a present one may say what the accord
    does: "provided military stipulations ..., ceding any gains in North America to the United States")."""
    return token.dep_ in ("acl", "advcl") and token.tag_ == "VBN" and token.left_edge.i > 0 \
        and token.doc[token.left_edge.i - 1].text == ","


def _antecedent_text(relative_verb: Token) -> str:
    """"the on-site inspections and data exchanges that the treaty requires": the words of the noun (and the nouns
    listed with it) the relative clause is on, up to the clause."""
    noun = first_conjunct(relative_verb.head)
    return text_of([t for t in noun.subtree if t.i < relative_verb.left_edge.i])


def _listed(span: SentSpan) -> list[str]:
    """The items of a list; one act ("to defend Chile against an attack by Peru or its allies", "to reduce tariffs
    and the quotas") is one item, whatever it names in a list of its own."""
    roots = [t for t in span if not span.start <= t.head.i < span.end]
    one_act = len(roots) == 1 and roots[0].pos_ in ("VERB", "AUX") \
        and not any(c.dep_ == "conj" for c in roots[0].children)
    return [span.text] if one_act else split_list(span.text)


def _items(verb: Token, list_verbs: list[str]) -> list[str]:
    """The things a verb lists: "called for: A, B, and C" gives three; "limited X to 200" gives one."""
    sent = sentence_of(verb)
    start = verb.i + 1
    # (and an adverb that only weighs the list: "called only for consultation")
    while start < sent.end and (sent.doc[start].dep_ in ("prep", "prt", "punct", "aux") and sent.doc[start].head == verb
                                or sent.doc[start].text in (":", "for", "to") or sent.doc[start].dep_ == "mark"
                                or sent.doc[start].dep_ == "advmod" and sent.doc[start].pos_ == "ADV"):
        start += 1
    # "provided the land and attempted to settle X": the list ends where the next verb's phrase begins; "the treaty
    # called for X, leaving each nation to Y": what the parser hangs on the subject after the list is none of it
    end = next((c.left_edge.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), sent.end)
    end = min([end, *(t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                      if t.i >= start)])
    if verb.head.i > verb.i:  # "it provided X; if one was attacked, the others were bound to Y": the clause it opens
        end = min(end, verb.right_edge.i + 1)
    # "the patrols that the treaty requires, although Lima said X": a clause the parser hangs elsewhere is none of it
    end = min([end, *(t.head.left_edge.i for t in sent.doc[start:end] if t.dep_ == "mark" and t.head != verb
                      and not verb.is_ancestor(t.head))])
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return [_antecedent_text(verb)]  # "halted the inspections that the treaty requires": the inspections
    # "included A and B, which would serve both as X and as Y", "called for X under the supervision of the ICC,
    # comprised of representatives of India, Poland, and Canada": an aside on the last item is no item
    end = min([end, *(t.left_edge.i for t in sent.doc[start:end] if non_restrictive(t) or _participle_aside(t))])
    while end > start and (sent.doc[end - 1].is_punct and sent.doc[end - 1].text != ")" or sent.doc[end - 1].is_space
                           or sent.doc[end - 1].dep_ == "cc"):
        end -= 1  # a closing bracket closes a name of the list: "the Mission in Haiti (UNMIH)"
    text = sent.doc[start:end].text
    if verb.lemma_.lower() in list_verbs:
        # "called for each to keep a ratio of tonnage which allowed A 500,000 tons, B 300,000 tons, and C 175,000
        # tons": what a relative clause lists is no item of the verb's list
        relative = next((t.left_edge.i for t in sent.doc[start:end] if t.dep_ == "relcl"), end)
        items = _phrases_joined(_listed(sent.doc[start:relative])) if relative > start else []
        # (up to a colon that lists its own examples, and a long one left out)
        said = sent.doc[relative:next((t.i for t in sent.doc[relative:end] if t.text in (":", ";")), end)].text
        if items and relative < end and len(f"{items[-1]} {said}".split()) <= 32:
            items[-1] = f"{items[-1]} {said}"
        # "stipulated that X would enjoy A, but left out any mention of B": a clause set against the list is no item
        return [i for i in items if len(i.split()) <= 32 and not i.lower().startswith("but ")]
    # "Additionally, it also lowered X", "Wary of the governors, it gave Y", "In addition, it granted Z, which led to an
    # outcry": what comes before the verb links or frames the sentence, an aside after a comma comments; neither is
    # part of the provision
    linking = {t.i for c in verb.children if c.i < verb.i and (c.dep_ not in ("aux", "auxpass", "neg") or c.lemma_ == "do")
               for t in c.subtree}
    asides = _aside_words(verb)
    # the subject the clause names ("which" of "an agreement, which grants X") and the one it shares
    subject = {t.i for s in [*subjects(verb), *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
               for t in s.subtree}
    own = [t for t in _without_conj_verbs(verb) if t.i not in subject | linking | asides]
    # "prohibited X, Y, and punished Z": the "and" joins the next verb
    while own and (own[-1].dep_ in ("cc", "punct") or own[-1].is_space):
        own.pop()
    return [text_of(own)] if len(own) > 1 else []
