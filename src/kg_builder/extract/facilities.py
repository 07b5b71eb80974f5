"""Facilities: named ones from the lexicon and NER, and noun phrases headed by a facility word.

A facility's status is the text's own words for its condition: a modifier
("operational ballistic missile bases"), a status noun it modifies ("a
possible Yongbyon shutdown") or the passive verb phrase said of it ("have
been kept in good condition"). Its operator is the subject of a verb of
keeping or running it; a passive clause coordinated with such a clause
shares its subject.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SentSpan, Token

from ..lexicon import slug
from .context import Context
from .tokens import sentence_of, subjects, text_of


_PLACE_PREPOSITIONS = frozenset({"at", "in", "near", "outside"})  # "the air base at X": where a facility is
# verbs that tell what their subject is ("remains operational"), words of English grammar
_LINKING_VERBS = frozenset({"be", "remain", "stay", "become", "appear", "seem"})


def _facility_key(ctx: Context, token: Token) -> str | None:
    key = ctx.registry.key_of(token)
    if key and ctx.registry.entities[key].kind == "Facility":
        return key
    section = ctx.triggers["facilities"]
    if token.pos_ == "PROPN":
        return _named_facility(ctx, token, section["named_heads"])
    heads = section["heads"]
    if token.pos_ != "NOUN" or not {token.lemma_.lower(), token.lower_, token.lower_.rstrip("s")} & set(heads):
        return None
    described = _described_facility(ctx, token)
    if described:
        ctx.registry.token_key[token.i] = described
        return described
    status_words = set(section["status_modifiers"])
    if any(c.lower_ == "such" for c in token.children):
        return None  # "such strategic sites as the palaces": the kind its examples are of
    # (a comparative says how much of a kind: "a stronger base in areas where it had been weak")
    modifiers = [c for c in _modifiers(token) if c.lower_ not in section["generic_modifiers"]
                 and c.lower_ not in status_words and c.tag_ not in ("JJR", "JJS")]
    place = _place_phrase(token)
    if not place and (not modifiers or not any(t.pos_ in ("NOUN", "ADJ", "PROPN") for t in modifiers)):
        return None
    needed = section["head_requires"].get(token.lemma_.lower())
    said = {t.lower_ for m in modifiers for t in m.subtree}
    if needed and not said & set(needed) or said & set(section["head_excludes"].get(token.lemma_.lower(), ())):
        return None
    if _kind_only(ctx, token):
        return None
    known = _known_facility_named(ctx, modifiers)
    if known:
        ctx.registry.token_key[token.i] = known
        return known
    named = [t for m in modifiers for t in m.subtree if t.lower_ not in status_words and not t.is_bracket] + [token]
    placed = None if place else _placed_before(ctx, text_of(named))
    if placed:  # "the air base at Villa Sol ... the air base": the one named with its place
        ctx.registry.token_key[token.i] = placed
        return placed
    key = _register(ctx, token, text_of(named + place))
    if place and modifiers:  # "the naval base at Callao" is also "the naval base" the text goes on to call it
        ctx.registry.add(key, "Facility", text_of(named + place), text_of(named))
    return key


def _described_facility(ctx: Context, noun: Token) -> str | None:
    """"The Chinese base in Djibouti is Beijing's first overseas military facility": a facility word after "is" says
    what its subject, a facility, is; no other facility."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    key = ctx.registry.key_of(subject) if subject is not None else None
    return key if key and ctx.registry.kind(key) == "Facility" else None


def _placed_before(ctx: Context, name: str) -> str | None:
    """The one facility the text named before with its place and this name ("naval base")."""
    found = [k for k, e in ctx.registry.entities.items() if e.kind == "Facility" and name in e.aliases]
    return found[0] if len(found) == 1 else None


def _place_phrase(head: Token) -> list[Token]:
    """"the air base at Villa Sol", "the U.S. embassy in Lima": the named place a facility word is at tells which it
    is (two air bases of one text are two facilities), and is part of its name."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return []  # "the center of American diplomacy in Europe": a figure of speech, no facility
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS):
        # (a name there is a place's, whatever the tagger took it for: "the naval base at Porto Azul", a person)
        place = next((o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
        if place is not None:
            return [prep, *(t for t in place.subtree if t.i <= place.i and t.dep_ != "det")]
    return []


def _known_facility_named(ctx: Context, modifiers: list[Token]) -> str | None:
    """"the Natanz enrichment plant", "the Fordow facility": a facility word after the name of a known facility is
    that facility, however the text calls it."""
    return next((k for m in modifiers for t in m.subtree
                 if (k := ctx.registry.key_of(t)) and ctx.registry.kind(k) == "Facility"), None)


def _kind_only(ctx: Context, head: Token) -> bool:
    """"The development of an ABM system could allow one side to ...": an indefinite facility in a clause that only
    supposes, or denies, is any facility of that kind, not one that exists."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in head.children):
        return False
    # (one that someone reports is built is one that exists, on their word: "announced that X had begun to build a
    # missile defense system")
    factuality = ctx.factuality(head.head if head.dep_ in ("dobj", "nsubjpass") else head)  # "did not build a base"
    return factuality.modality != "Asserted" or factuality.polarity == "Negative"


def _modifiers(head: Token) -> list[Token]:
    """The words before a facility head that say which it is; a head coordinated after another without words of
    its own shares them ("Chilean ports and airbases": Chilean airbases)."""
    own = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if own or head.dep_ != "conj" or head.head.pos_ != "NOUN":
        return own
    return [c for c in head.head.lefts if c.dep_ in ("compound", "amod", "nmod")]


def _register(ctx: Context, token: Token, name: str) -> str:
    key = f"facility/{slug(name)}"
    ctx.registry.add(key, "Facility", name, name)
    ctx.registry.token_key[token.i] = key
    return key


def _named_facility(ctx: Context, token: Token, named_heads: list[str]) -> str | None:
    """"U.S. Air Station Tacna", "the Lima Nuclear Plant": a capitalised name with a facility word in it."""
    if token.dep_ == "compound" or token.ent_type_ == "PERSON":
        return None
    start = token.i
    while start > sentence_of(token).start and token.doc[start - 1].pos_ == "PROPN" \
            and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i in range(start, token.i + 1):
        start -= 1
    words = list(token.doc[start: token.i + 1])
    if len(words) < 2 or not any(w.lower_ in named_heads for w in words):
        return None
    return _register(ctx, token, text_of(words))


def facilities(ctx: Context, sent: SentSpan) -> None:
    section = ctx.triggers["facilities"]
    for token in sent:
        key = _facility_key(ctx, token)
        if key is None:
            continue
        head = _head_noun(token)
        entity = ctx.registry.entities[key]
        work = _work_on(head, section)
        entity.statuses.update(_statuses(ctx, head, work, section))
        operator = _operator(ctx, head, section["operator_verbs"] + (section["phase_verbs"] if work else []))
        if operator:
            ctx.relate(key, "operator", operator, ctx.evidence(sent, "rule:facility-operator", 0.6), ctx.factuality(head.head))
        for owner in ([] if operator else _owners(ctx, head)):
            # "Soviet nuclear facilities", "its air bases": whose they are is presupposed, whatever is said of them
            ctx.relate(key, "operator", owner, ctx.evidence(sent, "rule:facility-owner", 0.55))
        place = ctx.registry.key_of(phrase[-1]) if (phrase := _place_phrase(head)) else None
        if place and ctx.registry.kind(place) in ("State", "Location"):  # where it is, presupposed as whose it is
            ctx.relate(key, "locatedIn", place, ctx.evidence(sent, "rule:facility-place", 0.6))
    _offered_operators(ctx, sent)


def _owners(ctx: Context, head: Token) -> list[str]:
    """The states or organizations a facility's possessive or its modifiers name."""
    words = [c for c in head.children if c.dep_ == "poss"] + _modifiers(head)
    found = [k for w in words for k in ctx.registry.actors(w) if ctx.registry.kind(k) in ("State", "Organization")
             and not _classifier(ctx, w, k)]
    return list(dict.fromkeys(found))[:1]


def _classifier(ctx: Context, word: Token, key: str) -> bool:
    """"the ABM system": capitals the tagger took for a body but that say which kind of facility it is; a state or
    a body the lexicon knows ("NATO bases") is an owner."""
    return word.dep_ == "compound" and ctx.registry.kind(key) == "Organization" and key not in ctx.registry.lex


def _head_noun(token: Token) -> Token:
    """A named facility may be one word of a longer name: climb to the head of its phrase."""
    while token.dep_ == "compound" and token.head.ent_type_ == token.ent_type_ and token.head != token:
        token = token.head
    return token


def _work_on(head: Token, section: dict) -> Token | None:
    """"the construction of new bases", "halted work at the site": the status noun the facility is the object of."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("of", "at"):
        return None
    holder = head.head.head
    nouns = [holder] + [c for c in holder.children if c.dep_ == "dobj"] if holder.pos_ == "VERB" else [holder]
    return next((n for n in nouns if n.lemma_.lower() in section["status_nouns"]), None)


def _statuses(ctx: Context, head: Token, work: Token | None, section: dict) -> list[str]:
    found = [c.lower_ for c in head.children if c.dep_ == "amod" and c.lower_ in section["status_modifiers"]]
    found += _said_to_be(ctx, head, section["status_modifiers"])
    if head.dep_ == "compound" and head.head.lemma_.lower() in section["status_nouns"]:
        status_noun = head.head
        found.append(text_of([c for c in status_noun.children if c.dep_ == "amod"] + [status_noun]).lower())
    if work is not None:  # "stopped construction at the site": the verb says which way the work went
        verb = [work.head] if work.dep_ == "dobj" and work.head.lemma_.lower() in section["phase_verbs"] else []
        found.append(text_of(verb + [c for c in work.children if c.dep_ == "amod"] + [work]).lower())
    change = _change(ctx, head, section["change_verbs"])
    if change:
        found.append(change)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in section["operator_verbs"] and head.head.dep_ == "xcomp":
        # "had begun to construct an ABM system": the verbs of the clause say what state it is in
        verb = head.head
        found.append(text_of([t for t in verb.head.subtree if t.i <= verb.i and t.dep_ in ("aux", "ROOT", "ccomp", "conj",
                                                                                    "xcomp", "advcl") or t in (verb, verb.head)]))
        return found
    verb = head.head if head.dep_ == "nsubjpass" else _passive_after(head)
    if verb is not None:
        # what follows the verb says how ("handed over to the air force"), not a date or what comes before it
        words = [verb] + [t for c in verb.children if c.dep_ in ("prep", "oprd", "acomp") and verb.i < c.i < verb.i + 4
                          and not any(t.ent_type_ == "DATE" for t in c.subtree) for t in c.subtree]
        found.append(text_of(words))
    return found


def _said_to_be(ctx: Context, head: Token, words: list[str]) -> list[str]:
    """"The Fordow facility remains operational", "the plant is now closed": a condition the text states of it
    (not one it denies or supposes: "is not operational", "may be closed")."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in _LINKING_VERBS or not ctx.factuality(verb).is_plain_fact:
        return []
    return [c.lower_ for c in verb.children if c.dep_ == "acomp" and c.lower_ in words]


def _change(ctx: Context, head: Token, verbs: list[str]) -> str | None:
    """"a plan to relocate the Lima Air Station", "Peru closed the base": the change said of a facility, when it
    happened or is a plan the text speaks of."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in verbs or verb.dep_ == "xcomp":
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return text_of([verb.head] + [c for c in verb.children if c.dep_ == "aux"] + [verb])
    return verb.lower_ if ctx.factuality(verb).is_plain_fact else None


def _passive_after(head: Token) -> Token | None:
    """"sites have been kept in good condition" when the parser lost the subject: the passive verb right after."""
    for t in head.doc[head.i + 1: min(head.i + 4, sentence_of(head).end)]:
        if t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children):
            return t
        if t.pos_ not in ("AUX", "ADV", "PART"):
            return None
    return None


def _operator(ctx: Context, head: Token, verbs: list[str]) -> str | None:
    """The subject of the verb of keeping or running above the facility, or the agent of one said of it; coordinated
    facilities share it. A leader acts for the state ("Kim offered to dismantle the reactor": the North runs it,
    whatever becomes of the offer)."""
    by = [o for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in verbs
          for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if by:  # "the copper mines owned by Anaconda", "a base run by the navy"
        actors = ctx.registry.actors(by[0])
        return ctx.registry.state_of(actors[0]) if actors else None
    verb = head.head
    while verb.pos_ != "VERB" and verb.head != verb:
        verb = verb.head
    if head.dep_ == "nsubjpass" and verb.dep_ == "conj":
        verb = verb.head
    if verb.lemma_.lower() not in verbs or head.dep_ == "pobj" and any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "arranged for ships to be built at a shipyard": whoever arranged it builds them, not the yard
    for subject in subjects(verb):
        actors = ctx.registry.actors(subject)
        if actors:
            return ctx.registry.state_of(actors[0])
    return None


def _offered_operators(ctx: Context, sent: SentSpan) -> None:
    """Who offers to shut a facility down runs it: the holder's state operates a facility named in an offer of this
    sentence to act on it (an offer to seize the mines says nothing of who runs them)."""
    facilities = [e for e in ctx.registry.entities.values() if e.kind == "Facility"]
    operated = {r.subject for r in ctx.relations if r.predicate == "operator"}
    section = ctx.triggers["facilities"]
    for position in (p for p in ctx.positions if sent.start_char <= p.evidence.span.begin < sent.end_char):
        issue = ctx.registry.entities[position.issue].label.lower().split()
        if position.stance != "Offers":
            continue
        for facility in facilities:
            names = {facility.label.lower(), *(a.lower() for a in facility.aliases)}
            if facility.key not in operated and any(_acted_on(issue, n.split(), section) for n in names):
                # the offer may be hedged, but that the offerer runs the facility is presupposed by it
                ctx.relate(facility.key, "operator", ctx.registry.state_of(position.holder),
                           replace(position.evidence, extractor="rule:offered-facility-operator", confidence=0.5))
                operated.add(facility.key)


def _acted_on(words: list[str], name: list[str], section: dict) -> bool:
    """The offer names the facility right beside an act only who runs it does: "a Yongbyon shutdown", "to dismantle
    the Yongbyon reactor" (not "a capability to attack enemy sites", where the act is on someone else's)."""
    verbs, nouns = section["operator_verbs"], section["status_nouns"]
    stems = [v.removesuffix("e") for v in verbs]
    acts = [i for i, w in enumerate(words)
            if w in nouns or any(w == v or len(stem) >= 3 and w.startswith(stem) for v, stem in zip(verbs, stems))]
    starts = [i for i in range(len(words) - len(name) + 1) if words[i: i + len(name)] == name]
    return any(-3 <= a - s < 0 or 0 <= a - (s + len(name)) <= 1 for a in acts for s in starts)