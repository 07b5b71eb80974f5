"""Small readings of a spaCy parse shared by the extractors: phrases, conjuncts, lists, clauses."""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp import SENTENCE_ENDS

DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "another", "any", "some", "such", "its", "their", "his", "her", "our", "other"}
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})  # spaCy's entity types of places and of their peoples
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "xcomp", "csubj", "parataxis"}
SPACES = re.compile(r"\s+")  # compiled once: the texts of phrases and names are made thousands of times a document


def sentence_of(token: Token) -> Span:
    """The token's sentence, from an index kept on the Doc: spaCy's ``sentence_of(token)`` scans for it on every call."""
    doc = token.doc
    index = doc.user_data.get("kg_sentences")
    if index is None:
        sents = list(doc.sents)
        owner = [0] * len(doc)
        for n, sent in enumerate(sents):
            owner[sent.start: sent.end] = [n] * (sent.end - sent.start)
        index = doc.user_data["kg_sentences"] = (sents, owner)
    sents, owner = index
    return sents[owner[token.i]]


def entities_in(sent: Span) -> list[Span]:
    """The named entities of a sentence, from an index kept on the Doc (``Span.ents`` rescans the document)."""
    doc = sent.doc
    index = doc.user_data.get("kg_entities")
    if index is None:
        index = doc.user_data["kg_entities"] = {}
        for ent in doc.ents:
            index.setdefault(sentence_of(ent[0]).start, []).append(ent)
    return index.get(sent.start, [])


# words that set a phrase against the one before instead of adding it to a list
CONTRASTING = frozenset({"than", "not", "instead"})
# conjunctions that open a clause set against another ("X insisted on A, while Y refused B")
CONTRASTING_MARKS = frozenset({"while", "whereas", "although", "though"})


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Trump and Kim"), as far as they make one list."""
    others = token.conjuncts
    if not others:
        return [token]
    chain = sorted((token, *others), key=lambda t: t.i)
    kept = token.doc.user_data.setdefault("kg_lists", {})  # every item of a chain, often, asks for the same lists
    if chain[0].i not in kept:
        kept[chain[0].i] = _lists(chain)
    part = next(p for p in kept[chain[0].i] if token in p)
    return [token, *(t for t in part if t != token)]


def _lists(chain: list[Token]) -> list[list[Token]]:
    """The lists a chain of conjuncts makes. A list ends at its "and": in "the rejection of A and B, the C and D
    were ...", the parser may go on past the comma, but C starts a phrase of its own. And in "After the election of
    X, A and B resurrected ...", the subject the parser hung on the fronted phrase is a list of its own. What
    "rather than", "instead of" or "not" sets against the list ("sought independence rather than a change of
    rulers") is none of it."""
    dangling = [c for c in chain[-1].rights if c.dep_ in ("cc", "punct")]  # ", and" with nothing after it
    between = [list(chain[0].doc[a.i + 1: b.left_edge.i]) for a, b in zip(chain, chain[1:])] + [dangling]
    # "A and B, instead of C": the adverb the parser hangs on the joining word says how it joins
    joins = [[t.lower_ for t in gap if t.dep_ in ("cc", "neg") or t.dep_ == "advmod" and t.head.dep_ == "cc"]
             for gap in between]
    # "supplies, arms and ammunition, uniforms, and troops": a list that ends in ", and" (where the parser may
    # leave its last item out of the chain) holds pairs inside it
    ends_later = [any(words and any(t.text == "," for t in gap) for words, gap in zip(joins[k:], between[k:]))
                  for k in range(1, len(joins))]
    lists: list[list[Token]] = [[chain[0]]]
    closed = False
    outer = {a.lemma_.lower() for a in chain[0].ancestors if a.pos_ in ("NOUN", "PRON", "DET")}
    for item, words, later in zip(chain[1:], joins, ends_later):
        # "those who backed A, including X, and those who backed B": a phrase that repeats the head of the one the
        # list is inside goes with that phrase, wherever the parser hangs it
        if closed and not words and not later or set(words) & CONTRASTING or item.lemma_.lower() in outer:
            lists.append([])
        closed = closed or bool(words)
        lists[-1].append(item)
    subject = _subject_run_on(chain)
    return [split for items in lists for split in ([t for t in items if t not in subject],
                                                   [t for t in items if t in subject]) if split]


def _subject_run_on(chain: list[Token]) -> set[Token]:
    """The last items of a chain when they are the stray subject of the verb right after it (``_stray_subject``),
    and only a comma parts them from the items before ("the election of X, A and B resurrected": "X and A" is a
    list)."""
    doc, i = chain[-1].doc, chain[-1].right_edge.i + 1
    while i < len(doc) and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("VERB", "AUX") or not _may_lose_its_subject(doc[i]) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children):
        return set()
    stray = set(_stray_subject(doc[i]))
    before = [t for t in chain if t not in stray]
    if chain[-1] not in stray or not before:
        return set()
    first = min(stray, key=lambda t: t.i)
    return set() if any(t.dep_ == "cc" for t in doc[before[-1].i + 1: first.left_edge.i]) else stray


_DEGREE_ADJECTIVES = frozenset({"enough", "sufficient", "insufficient", "adequate", "inadequate"})


def subjects(verb: Token) -> list[Token]:
    """Subjects of a verb; a verb coordinated with another shares its subject. The parser may hang a subject on the
    verb's auxiliary ("the United States [was] committed to X"): it is the verb's."""
    raised = raised_conjunct(verb)
    if raised is not None:
        return subjects(raised)
    chain = [verb, *conj_heads(verb)]
    for candidate in chain:
        found = [c for c in candidate.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            s for a in candidate.children if a.dep_ in ("aux", "auxpass") for s in a.children
            if s.dep_ in ("nsubj", "nsubjpass")]
        found = [s for s in found if not _spelled_out_after(s, found) and not _before_a_break(s, found)]
        if found:
            return [t for s in found for t in conjuncts(s)]
    if _may_lose_its_subject(verb):
        stray = _stray_subject(verb)
        if stray:
            return stray
    first = chain[-1]  # "tried to break X and to engage Y": the second infinitive is controlled like the first
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children)
    if first.dep_ == "xcomp" and first.head.pos_ == "ADJ" and first.head.dep_ == "acomp" \
            and first.head.lower_ not in _DEGREE_ADJECTIVES and any(c.dep_ == "dobj" for c in first.children):
        # "Chile was quick to condemn X": who is quick acts ("the pact was hard to ratify", with no object, is done to;
        # "wealth was not enough to guarantee victory" says how much of a means there was)
        return subjects(first.head.head)
    if first.dep_ in ("xcomp", "advcl") and first.head != first and (first.dep_ == "xcomp" or infinitive):
        return subjects(first.head)  # "Both sides failed ... to make progress": the sides make it
    if first.dep_ == "advcl" and first.pos_ == "ADJ" and first.head.pos_ in ("VERB", "AUX") and first.i < first.head.i:
        return subjects(first.head)  # "Unable to agree on X, A and B divided it": A and B were unable
    return []


def _spelled_out_after(subject: Token, found: list[Token]) -> bool:
    """"Kennan advocated defending the centers of power: Western Europe, Japan, and the United States": a list after a
    colon or dash at the clause's end, which the parser made a second subject, spells out a word before it, not a
    subject that is a name or pronoun (where "four men joined together to lead: A, B, C, and D" spells out the
    subject)."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return before is not None and before.text in (":", "—", "–") and subject.i > subject.head.i \
        and any(other.i < other.head.i and other.pos_ in ("PROPN", "PRON") for other in found)


def _before_a_break(subject: Token, found: list[Token]) -> bool:
    """"the rivals lined up in two camps: in 2031, Peru and its allies founded X": a subject cut off from
    the verb by a colon or a semicolon, with another subject after the break, is the subject of a clause the parser
    lost, not the verb's."""
    return any(subject.i < other.i < other.head.i and any(
        t.text in (":", ";") for t in subject.doc[subject.right_edge.i + 1: other.left_edge.i]) for other in found)


def raised_conjunct(verb: Token) -> Token | None:
    """"X believed that the Soviets supported the rebels and worried that they would win": a verb the parser joined
    to the verb of a "that" clause, with a "that" clause of its own where that verb has none, or in the past tense
    after a "could" it cannot share, goes with the verb the clause depends on, and shares its subject."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    finite = finite_above(verb)
    if finite is not None:
        return finite
    if head.dep_ != "ccomp" or head.head == head or not that_clause(head):
        return None
    # "predicted that he could reach a deal, and pledged to withdraw", "believed the plan would be rejected, and did
    # not want ...": a past tense cannot go on after "could" or "would"
    tensed = verb.tag_ == "VBD" and head.tag_ == "VB" and not any(a.dep_ in ("aux", "auxpass") for a in verb.children) \
        or any(a.dep_ == "aux" and a.tag_ in ("VBD", "VBZ") for a in verb.children)
    after_modal = tensed and any(a.tag_ == "MD" for a in head.children)
    return head.head if after_modal or _takes_that_clause(verb) and not _takes_that_clause(head) else None


def finite_above(verb: Token) -> Token | None:
    """"X announced a plan to stay in the region and closed the border", "did form a committee to draft a declaration
    and assigned this duty to X": a verb in the past tense (or the present's third person) that the parser joined to
    an infinitive, which no tensed verb can share its "to" with, is joined to the tensed verb above the infinitive (a
    bare form with "did" or a modal is one); "hoped to reassure X and so split Y": a past tense the same as the bare
    form may be the bare form."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or verb.lower_ == verb.lemma_.lower() \
            or not to_infinitive(verb.head):
        return None
    return next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX") and _tensed(a)), None)


def _tensed(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


# adverbs that make a phrasal verb with the verb before them, whether the parser calls them particles or not
PARTICLES = frozenset({"aside", "off", "up", "away", "down", "out", "back", "over", "ahead", "about"})


def particle_of(verb: Token) -> str:
    """"give up", "call off", "pushed back": the particle that makes a verb of its own with it, or ""."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1
                 and c.lower_ in PARTICLES), "")


def to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it ("to sign", "in order to sign")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_RANKING_WORDS = frozenset({"only", "sole", "last", "next", "first", "second", "third"})  # and superlatives


def ranked_infinitive(clause: Token) -> bool:
    """"became the only general ever to receive the prize", "was the first president to visit China": an infinitive
    after a ranked description of the subject says what made the rank, not what an act was for."""
    if any(c.dep_ == "advmod" and c.lower_ == "ever" for c in clause.children):
        return True
    described = [c for c in clause.head.children if c.dep_ == "attr" and c.i < clause.i]
    return any(w.lower_ in _RANKING_WORDS or w.ent_type_ == "ORDINAL" or w.tag_ == "JJS"
               for n in described for w in (n, *n.children) if w == n or w.dep_ == "amod")


def that_clause(verb: Token) -> bool:
    """The verb heads a clause introduced by "that"."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _takes_that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and that_clause(c) for c in verb.children)


def _may_lose_its_subject(verb: Token) -> bool:
    """A main or finite clause, whose subject the parser may hang on a phrase before it (an infinitive has none)."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "conj") and _finite(verb))


def _finite(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def stray_clause(noun: Token) -> Token | None:
    """The verb whose subject the parser took for a conjunct: "assented to the plan and the treaty was signed"."""
    after = max(t.i for t in noun.subtree) + 1
    while after < sentence_of(noun).end and noun.doc[after].pos_ in ("ADV", "AUX", "PART"):
        after += 1
    verb = noun.doc[after] if after < sentence_of(noun).end else None
    return verb if verb is not None and verb.pos_ == "VERB" and noun in subjects(verb) else None


def _stray_subject(verb: Token) -> list[Token]:
    """"At the Vladivostok Summit, Ford and Brezhnev agreed", "assented to the plan and the treaty was signed": the
    parser may hang the subject on the fronted phrase, or take it for a conjunct of an object."""
    before = verb.i - 1
    commas = 0  # one comma may close an apposition to the subject
    while before >= sentence_of(verb).start and (verb.doc[before].pos_ in ("ADV", "AUX", "PART")
                                                 or verb.doc[before].text == "," and commas == 0):
        commas += verb.doc[before].text == ","
        before -= 1
    if before < sentence_of(verb).start:
        return []
    token = verb.doc[before]
    if token.pos_ not in ("PROPN", "NOUN") or token.dep_ not in ("conj", "appos"):
        return []
    found = [token]
    while token.dep_ == "conj" and token.head.dep_ in ("conj", "appos"):
        token = token.head  # "From the start of his term, X and his deputy, Y, pursued": X is an apposition
        found.append(token)
    return found


def stray_subjects_within(token: Token) -> set[Token]:
    """"In an attempt to mollify the wing, the new President, Franklin Pierce, appointed X": the words of a later
    verb's subject that the parser hung inside this phrase (as an apposition of its object), with the appositions
    that lead to it."""
    verb = _verb_after(token.right_edge)
    if verb is None or token.is_ancestor(verb) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            or not _may_lose_its_subject(verb):
        return set()
    found: set[Token] = set()
    for stray in (s for s in _stray_subject(verb) if token.is_ancestor(s)):
        while stray.dep_ == "appos" and stray.head.dep_ == "appos":
            stray = stray.head
        found |= set(stray.subtree)
    return found


def _verb_after(last: Token) -> Token | None:
    """The verb right after a phrase and its closing comma."""
    i = last.i + 1
    while i < len(last.doc) and (last.doc[i].pos_ in ("ADV", "AUX", "PART") or last.doc[i].text == ","):
        i += 1
    return last.doc[i] if i < len(last.doc) and last.doc[i].pos_ in ("VERB", "AUX") else None


def noun_before_participle(verb: Token) -> Token | None:
    """"By issuing the Declaration of Independence, adopted by the Continental Congress on July 4, the colonies
    severed ...": a past participle the parser hung on the main verb, right after the comma that closes a noun's
    phrase, is said of that noun, not of the main verb's subject ("..., followed by X" tells what came next)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i < 2 or verb.doc[verb.i - 1].text != "," \
            or verb.lemma_.lower() in ("follow", "precede"):
        return None
    noun = verb.doc[verb.i - 2]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "the Declaration of Independence": the phrase's head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ not in ("nsubj", "nsubjpass") else None


def list_from(item: Token) -> list[Token]:
    """The words from an item to the end of its clause: the item and whatever is listed after it, up to a
    relative clause ("for leases to A and B, which would serve as bases": "which" lists nothing), or up to the
    clause's subject or adverb when the phrase comes first ("In return for A, however, Chile agreed")."""
    words = []
    for t in item.doc[item.left_edge.i: sentence_of(item).end]:
        if t.text in (";", ".") or t.tag_ in ("WDT", "WP") \
                or t not in item.subtree and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or _of_clause_frame(t)):
            break
        words.append(t)
    return words


def _of_clause_frame(token: Token) -> bool:
    """A word of a clause's subject, one of its adverbs or a "but" that sets it against another ("in exchange for
    aid, but the deal collapsed"): no item of a list (an "and" the parser hangs on the verb may still join items)."""
    for word in (token, *token.ancestors):
        if word.dep_ in ("nsubj", "nsubjpass", "advmod") or word.dep_ == "cc" and word.lower_ in ("but", "yet"):
            return word.head.pos_ in ("VERB", "AUX")
        if word.pos_ in ("VERB", "AUX"):
            return False
    return False


def indefinite(noun: Token) -> bool:
    """A noun brought in as new: "an invasion", "a treaty"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


LIST_OPENERS = frozenset({":", "—", "–", "--"})


def spelled_out(noun: Token) -> list[Span]:
    """"set out three principles: A, B and C", "two measures—A and B": the items a colon or a dash lists after a
    plural noun; none when a clause of its own follows ("the terms: they were harsh") or the noun is no plural."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return []
    doc, sent = noun.doc, sentence_of(noun)
    # the opener ends the noun's phrase, relative clause included ("principles that would guide X: A, B")
    opener = next((t for t in doc[noun.i + 1: sent.end] if t.text in LIST_OPENERS), None)
    if opener is None or any(t.text == ";" for t in doc[noun.i: opener.i]) \
            or not (noun.is_ancestor(opener) or opener.head == noun.head):
        return []
    close = next((t.i for t in doc[opener.i + 1: sent.end] if t.text in LIST_OPENERS), sent.end)
    while close > opener.i + 1 and (doc[close - 1].is_punct or doc[close - 1].is_space):
        close -= 1
    listed = doc[opener.i + 1: close]
    first = listed[0] if len(listed) else None
    while first is not None and listed.start <= first.head.i < listed.end and first.head != first:
        first = first.head  # the head of the first item's phrase
    if first is None or first.pos_ not in ("NOUN", "PROPN", "VERB") \
            or first.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return []
    texts = split_list(listed.text)
    if len(texts) == 1 and any(c.dep_ == "conj" for c in listed.root.children):  # "two ports: Arica and Ilo"
        texts = re.split(r"\s+(?:and|or)\s+", listed.text)
    items, at = [], listed.start_char
    for text in texts:
        at = doc.text.find(text, at)
        if at < 0:
            return []  # an item the list splitter rejoined with other spacing ("B and  C"): not read as a list
        items.append(doc.char_span(at, at + len(text), alignment_mode="expand"))
        at += len(text)
    # one phrase after a dash says what the noun was ("the rebels—mostly peasants—"), unless they were counted
    return items if len(items) > 1 or any(c.dep_ == "nummod" for c in noun.children) else []


def conj_heads(token: Token) -> Iterator[Token]:
    """The verbs or nouns a conjunct is joined to, nearest first, up to the first of the coordination."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
        yield token


def first_conjunct(token: Token) -> Token:
    """The first of the coordination a conjunct is in; the token itself when it is joined to none."""
    return [token, *conj_heads(token)][-1]


HEADING_MAX_TOKENS = 16


def heading(sent: Span) -> bool:
    """A title or heading: a short paragraph of its own with no end of sentence ("Talks in Geneva", "What the Summit
    Did and Did Not Achieve"), which tells no fact in a sentence the evidence could quote."""
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > HEADING_MAX_TOKENS or words[-1].text in SENTENCE_ENDS:
        return False
    last = words[-1]
    ends_paragraph = last.i + 1 >= len(sent.doc) or "\n" in last.whitespace_ or "\n" in sent.doc[last.i + 1].text
    return ends_paragraph and sent.start_char == paragraph_start(sent.doc, sent.start_char)


# "(See Incidents Leading up to the War)", "(cf. The Treaty of Lima.)": a bracketed pointer to another text
_CROSS_REFERENCE = re.compile(r"\(\s*(?:see|cf\.)\s[^()]*\)\.?", re.IGNORECASE)


def cross_reference(sent: Span) -> bool:
    """A sentence that only points the reader to another text: the title it names tells no fact of this one."""
    return _CROSS_REFERENCE.fullmatch(sent.text.strip()) is not None


def paragraph_start(doc: Doc, char: int, back: int = 0) -> int:
    """Where the paragraph holding the character starts (the cleaned text has a line per paragraph), or, with
    `back`, the paragraph that many before it."""
    start = doc.text.rfind("\n", 0, char) + 1
    for _ in range(back):
        start = doc.text.rfind("\n", 0, len(doc.text[:start].rstrip())) + 1
    return start


def side_prefix(token: Token, prefixes: Iterable[str]) -> tuple[str, str] | None:
    """"anti-Chilean" (one token) or "pro - French" (three): the prefix of a side taken and the side's word."""
    prefix, _, word = token.lower_.partition("-")
    if not word and token.i >= 2 and token.doc[token.i - 1].text == "-":
        prefix, word = token.doc[token.i - 2].lower_, token.lower_
    return (prefix, word) if word and prefix in prefixes else None


def told_with_modal(verb: Token) -> bool:
    """"X would oversee A, manage B and inspect C": a modal auxiliary of the verb, or of the verb it is coordinated
    with, which it shares."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for v in (verb, *conj_heads(verb)) for c in v.children)


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb; "to be finished by autumn 2031" gives a deadline, not a doer."""
    return [t for c in verb.children if c.dep_ == "agent" for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for t in conjuncts(p)]


def objects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") for t in conjuncts(c)]


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the named prepositions under the token ("met with X", "summit in Y")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out += [t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return out


def phrase(token: Token, drop_determiners: bool = True, keep_possessor: bool = False) -> str:
    """The text of a noun phrase headed by the token, without clauses, leading determiners or trailing punctuation;
    with ``keep_possessor`` a named possessor stays ("Egypt's insistence"), a possessive pronoun still goes."""
    tokens = [t for t in token.subtree if t == token or not (_inside_clause(t, token) or _under_conj(t, token))]
    dated = {t.i for c in token.children if _time_phrase(c, token) for t in c.subtree}
    tokens = [t for t in tokens if t.i not in dated]
    # "Aymara and Quechua envoys", "talks with Chile and Peru" keep their inner "and"; a list's commas go
    tokens = [t for t in tokens if t.dep_ != "punct" or t.i < token.i and t.text in "-–"]
    tokens = [t for t in tokens if t.dep_ != "cc" or _inner_conjunction(t, tokens)]
    # "even the outbreak of war": a focusing adverb on the phrase is no part of what it names
    while tokens and tokens[0].dep_ == "advmod" and tokens[0].head == token and tokens[0].pos_ == "ADV":
        tokens = tokens[1:]
    while tokens and drop_determiners and tokens[0] != token \
            and (tokens[0].lower_ in DETERMINERS or tokens[0].dep_ in ("poss", "predet", "case")):
        if keep_possessor and tokens[0].dep_ == "poss" and tokens[0].pos_ != "PRON":
            break
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ == "case" and tokens[-1].head == token:
        tokens = tokens[:-1]  # a possessor named as a doer ("the United States' decision to act"): no "'s"
    return text_of(_name_begun_before(token, tokens[0]) + tokens if tokens else tokens)


def _time_phrase(child: Token, head: Token) -> bool:
    """"rejected the formula in 2019": a phrase of time the parser hung on the noun says when the clause happened, no
    part of the thing ("the Treaty of 1819" keeps its year)."""
    return child.dep_ == "prep" and child.i > head.i and child.lower_ in _TIME_PREPOSITIONS \
        and any(o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in child.children)


_TIME_PREPOSITIONS = frozenset({"in", "on", "during", "since", "until", "after", "before", "by"})


def _name_begun_before(head: Token, first: Token) -> list[Token]:
    """"the Bay of Pigs invasion", parsed as "Bay" with "of Pigs invasion": the words of a name that a phrase opens
    inside of, which the phrase would cut in two. Only a name that modifies the head: "the Terms of Surrender" read
    from "Surrender" is a title the phrase's noun ends, not an event of surrender."""
    if first.ent_iob_ != "I" or head.ent_iob_ == "I":
        return []
    start = first.i
    while start > 0 and first.doc[start].ent_iob_ == "I":
        start -= 1
    words = [t for t in first.doc[start:first.i] if t.i < head.left_edge.i and not t.is_punct]
    return words[1:] if words and words[0].lower_ in DETERMINERS else words


def misread_clause(token: Token) -> bool:
    """"not to ratify Protocol IV": a name the parser took for a reported clause ("ccomp") is the verb's object."""
    return token.dep_ == "ccomp" and token.pos_ not in ("VERB", "AUX")


def head_forms(token: Token) -> set[str]:
    """A head word as a lemma, and without a plural "s" (a proper noun's lemma keeps it: "Orders", "Acts")."""
    return {token.lemma_.lower(), token.lower_.removesuffix("s")}


def coordinated_verb(verb: Token) -> bool:
    """A verb joined to another by a conjunction ("signed it but did not ratify it"); the parser also calls "conj" a
    clause it failed to read ("held that X does not give"), which has no "and" or "but" before it."""
    if not (verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX")):
        return False
    between = [c for c in verb.head.children if verb.head.i < c.i < verb.i]
    # (or right before the clause, hung on a word of the first: "could claim a victory and both looked to X")
    if any(c.dep_ == "cc" for c in between) or verb.doc[verb.left_edge.i - 1].dep_ == "cc":
        return True
    # "broke away in 1948, became a member in 1961, and adopted X": an item of a list, whose "and" the parser hangs on
    # the item after it
    return any(c.text == "," for c in between) and any(c.dep_ == "cc" for c in verb.children) \
        and any(coordinated_verb(c) for c in verb.children)


def referred_to_as_known(noun: Token) -> bool:
    """A name, or a noun with "the", "this", "that" or a possessor: a thing the text takes its reader to know."""
    return noun.pos_ == "PROPN" or any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                       for c in noun.children)


def name_given(clause: Token, naming_words: Sequence[str]) -> Token | None:
    """"a plan that would later be called the Quito Accord", "a pact that became known as the Lima Pact": the name a
    relative clause of naming gives its noun (no event: the clause says what the thing came to be called), also one
    that "would come to be known as" it."""
    naming = _naming(clause, naming_words)
    return naming[1] if naming else None


def naming_words_of(clause: Token, naming_words: Sequence[str]) -> list[Token]:
    """"known as the Lima Pact" of "a pact that became known as the Lima Pact": the words of a relative clause of
    naming that give the name, without its tense or modal; none for any other clause."""
    naming = _naming(clause, naming_words)
    if naming is None:
        return []
    namer = naming[0]
    return [namer, *(t for c in namer.children if c.dep_ in ("oprd", "attr") or c.dep_ == "prep" and c.lower_ == "as"
                     for t in c.subtree)]


def _naming(clause: Token, naming_words: Sequence[str]) -> tuple[Token, Token] | None:
    """The naming participle of a relative clause ("known", "called") and the name it gives."""
    if clause.dep_ not in ("relcl", "acl"):
        return None
    namer = clause if clause.lower_ in naming_words else next(
        (c for c in clause.children if c.dep_ in ("xcomp", "advcl") and c.lower_ in naming_words), None)
    named = [c for c in namer.children if c.dep_ in ("oprd", "attr")] + prep_objects(namer, "as") if namer else []
    return (namer, named[0]) if named else None


def none_of(noun: Token) -> bool:
    """"accepted no troops", "harbored no illusions": a verb's object said to be none of a kind."""
    return noun.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def set_against(phrase_head: Token) -> bool:
    """"sought autonomy rather than a change of rulers", "chose talks instead of war": the phrase after "rather
    than" or "instead of" is what was not done, whatever the parser makes of it (here a second object)."""
    start = phrase_head.left_edge.i
    before = [t.lower_ for t in phrase_head.doc[max(start - 2, 0): start]]
    return before in (["rather", "than"], ["instead", "of"])


def non_restrictive(node: Token) -> bool:
    """"tariffs on steel, which could hurt Chile": a relative clause set off by a comma, an aside on its noun."""
    if node.dep_ != "relcl":
        return False  # first: the left edge walks the clause, and most nodes asked are no relative clause
    start = node.left_edge.i
    return start > 0 and node.doc[start - 1].text == ","


def second_object(noun: Token) -> bool:
    """An object after another object of the same verb: what the parser makes of an apposition after a comma
    ("suspended its part in X, the last treaty that ...")."""
    return noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)


def summing_up(noun: Token) -> bool:
    """An apposition after a comma whose relative clause or participle comments on what came before ("..., a policy
    to which X agreed", "..., a move that angered Y", "..., a practice formerly forbidden by Y"), also where the
    parser makes it a second object of the verb ("defend its neutrality, a position that X hoped to change"); a name
    so set off names who ("..., Juan Soto, who ...")."""
    if noun.dep_ != "appos" and not second_object(noun) or noun.pos_ != "NOUN" or not any(
            c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children):
        return False  # first: the left edge walks the phrase, and most words asked are no apposition
    return noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","


def _inside_clause(t: Token, root: Token) -> bool:
    """Inside a clause, an apposition, a list of examples ("two summits, including a visit to X") or a time the parser
    hung on the noun ("its obligations the next day")."""
    while t != root:
        if t.dep_ in CLAUSE_DEPS or t.dep_ == "appos" or t.dep_ == "prep" and t.lower_ == "including" \
                or t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME"):
            return True
        if t.dep_ == "prep" and t.lower_ == "in" and _in_order(t):
            return True  # "in order to try ...": with its clause goes the "in order" that opens it
        t = t.head
    return False


def _in_order(preposition: Token) -> bool:
    """The "in order" of "in order to" or "in order that" (not "in the postwar order")."""
    order = [c for c in preposition.children if c.dep_ == "pobj"]
    return len(order) == 1 and order[0].lower_ == "order" and order[0].i == preposition.i + 1 \
        and all(c.dep_ in ("acl", "ccomp", "advcl", "relcl") for c in order[0].children)


def _inner_conjunction(cc: Token, kept: list[Token]) -> bool:
    """An "and" between two words both kept: "Arab and Israeli", not a dangling one before a dropped conjunct; a
    "but" that joins nothing is part of an idiom: "all but small loans" are not all loans."""
    joined = [c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i]
    if not joined:
        return cc.head in kept and cc.i + 1 < len(cc.doc) and cc.doc[cc.i + 1] in kept
    return any(c in kept for c in joined) and cc.head in kept


def _under_conj(t: Token, root: Token) -> bool:
    """Inside a phrase coordinated with the root itself ("A and B": B is not part of A's phrase)."""
    while t.head != root and t != root:
        t = t.head
    return t != root and t.dep_ in ("conj", "cc")


def text_of(tokens: Iterable[Token]) -> str:
    """Original text from the first to the last token given, keeping the source's own spacing."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    kept = {t.i for t in tokens}
    kept -= _half_brackets(tokens, kept)
    tokens = [t for t in tokens if t.i in kept]
    out = []
    for t in tokens:
        out.append(t.text)
        out.append(t.whitespace_ if t.i + 1 in kept else " ")
    return SPACES.sub(" ", "".join(out)).strip(" ,;:")


_BRACKETS = {"(": ")", "[": "]"}


def _half_brackets(tokens: list[Token], kept: set[int]) -> set[int]:
    """"the Organization of Petroleum Exporting Countries (OPEC": a bracket whose other half is left out goes, with
    what it encloses; so does a closing one whose opening half is left out."""
    dropped: set[int] = set()
    last = tokens[-1].i  # a half closed after the last word kept is left out all the same: no need to look further
    for t in tokens:
        if t.text in _BRACKETS:
            close = next((u.i for u in t.doc[t.i + 1: last + 1] if u.text == _BRACKETS[t.text]), last + 1)
            if close not in kept:
                dropped |= set(range(t.i, close))
        elif t.text in _BRACKETS.values() and not any(u.text in _BRACKETS for u in tokens if u.i < t.i):
            dropped.add(t.i)
    return dropped


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character offsets of a sentence without the whitespace tokens spaCy keeps at its edges."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return sent.start_char, sent.start_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def strip_determiners(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def split_list(text: str) -> list[str]:
    """Items of an enumeration: "A, B, and C"; "A and the B"; keeps "nuclear and missile testing" whole."""
    parts = [p.strip() for p in _top_level_split(text) if p.strip()]
    if not parts:
        return []
    last = parts.pop()
    # "A, B, and C and D": after a comma, the last "and" opens the last item, which keeps an "and" of its own
    oxford = bool(parts) and re.match(r"(?:and|or)\s", last) is not None
    items = parts + ([last] if oxford else _split_last(last, listed=bool(parts)))
    return [re.sub(r"^(?:and|or)\s+", "", i).strip() for i in items if re.sub(r"^(?:and|or)\s*", "", i).strip()]


def _top_level_split(text: str) -> list[str]:
    """Split on commas and semicolons outside parentheses, quotations ("all “fishing, port, or transit rights”
    granted by X" quotes one provision) and dashed asides ("each of them—A, B, and C—would"), and not inside numbers
    like "2,400"."""
    parts, depth, current = [], 0, []
    aside = quoted = False
    for i, ch in enumerate(text):
        depth += ch in "(\u201c"
        depth -= ch in ")\u201d" and depth > 0
        quoted = quoted != (ch == '"')
        aside = (not aside and "\u2014" in text[i + 1:]) if ch == "\u2014" else aside
        numeric = ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if ch in ",;" and depth == 0 and not aside and not quoted and not numeric:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    return parts + ["".join(current)]


def _split_last(segment: str, listed: bool) -> list[str]:
    pattern = r"\s+(?:and|or)\s+" if listed else r"\s+(?:and|or)\s+(?=(?:the|a|an|its|their|his|her|our)\s)"
    pieces = re.split(pattern, segment)
    if listed and len(pieces) > 2:  # only the last "and" of a comma list separates items
        return [" and ".join(pieces[:-1]), pieces[-1]]
    return pieces


def modifiers_text(token: Token) -> set[str]:
    """Lower-case words modifying a noun (compounds, adjectives), for trigger conditions."""
    words = set()
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod"):
            words |= {t.lower_ for t in child.subtree} | {t.lemma_.lower() for t in child.subtree}
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "on"):
            words |= {t.lemma_.lower() for t in child.subtree}
    return words


def verb_lemmas(verb: Token) -> list[str]:
    """The parser's lemma, then the ones the inflected form allows: the small English model lemmatises "hoped" as
    "hop" and "eyed" as "ey"."""
    lemma, form = verb.lemma_.lower(), verb.lower_
    found = [lemma]
    for suffix, replacement in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""), ("s", "")):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            found.append(form[: len(form) - len(suffix)] + replacement)
    return list(dict.fromkeys(found))


def verb_phrases(verb: Token) -> set[str]:
    """The verb's lemma with each object it takes, straight ("take effect") or through a preposition ("enter into
    force")."""
    lemma = verb.lemma_.lower()
    return {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "dobj"} | {
        f"{lemma} {c.lower_} {o.lower_}" for c in verb.children if c.dep_ == "prep" for o in c.children
        if o.dep_ == "pobj"}
