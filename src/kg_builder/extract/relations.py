"""Relations between actors: titles and roles, affiliations, alliances.

"U.S. president Donald Trump" gives Trump the role "president" and makes him
leader of the United States; "X is a senior fellow with Y" affiliates X with
Y; "its close ally Britain" or "the U.S.-South Korean alliance" allies two
states. Each becomes a Relation; the RDF layer asserts the triple only when
the statement is plain fact.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SentSpan, Token

from ..lexicon import slug
from ..model import ASSERTED, Evidence, Factuality, Role
from .clauses import Predication, description_predication, verb_predication
from .context import Context, UnplacedTitle
from .tokens import (PLACE_TYPES, conjuncts, entities_in, first_conjunct, indefinite, objects, prep_objects,
                     sentence_of, side_prefix, subjects, to_infinitive, verb_phrases)
from .factuality import polarity


def _title_in(words: list[Token], titles: list[str]) -> str | None:
    """The longest title among the words, in the words' own spelling; a plural last word ("as his envoys") is read
    in the singular, each of the people holding the title."""
    found = _title_in_text(" ".join(t.lower_ for t in words), titles)
    if found is None and words and words[-1].tag_ == "NNS":
        found = _title_in_text(" ".join([*(t.lower_ for t in words[:-1]), words[-1].lemma_.lower()]), titles)
    return found


def _title_in_text(low: str, titles: list[str]) -> str | None:
    low = low.replace(" - ", "-")  # "Under - Secretary" as the tokenizer split it
    for title in sorted(titles, key=len, reverse=True):
        padded = f" {low} "
        if f" {title} " in padded:
            start = padded.index(f" {title} ")
            return low[start: start + len(title)].strip() if start >= 0 else title
    return None


def _left_context(ent: SentSpan) -> list[Token]:
    """The words right before a name that can be its title: "U.S. president" in "U.S. president Donald Trump". They
    stop at punctuation, a verb or another person's name, whatever the parse says ("X, Egyptian President Y, and
    Israeli Prime Minister Z": Z's title is not Y's)."""
    words: list[Token] = []
    i = ent.start - 1
    while i >= max(ent.sent.start, ent.start - 6):
        t = ent.doc[i]
        # "Secretary of State X", "Under-Secretary of State Y", "Secretary of the Treasury Z": an "of" (and its
        # "the") or a hyphen between capitalised words is part of the title
        inside = t.lower_ in ("of", "-") and i > 0 and ent.doc[i - 1].is_title and _title_word_after(ent.doc[i + 1]) \
            or t.is_title and ent.doc[i + 1].text == "-" or _of_the(t)
        if not inside and (t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ", "ADP", "SCONJ") or t.ent_type_ == "PERSON"):
            break
        words.insert(0, t)
        i -= 1
    # "Russia's President X": a possessive name says whose title it is; "his" does not
    return [t for t in words if t.dep_ not in ("det", "poss", "case") or t.dep_ == "poss" and t.pos_ == "PROPN"
            or _of_the(t)]


def _title_word_after(word: Token) -> bool:
    """A capitalised word, or "the" before one: what an "of" inside a title goes on with."""
    return word.is_title or word.lower_ == "the" and word.i + 1 < len(word.doc) and word.doc[word.i + 1].is_title


def _of_the(word: Token) -> bool:
    """The "the" of "Secretary of the Treasury", between an "of" after a capitalised word and a capitalised word."""
    return word.lower_ == "the" and 1 < word.i < len(word.doc) - 1 and word.doc[word.i - 1].lower_ == "of" \
        and word.doc[word.i - 2].is_title and word.doc[word.i + 1].is_title


def titles(ctx: Context, sent: SentSpan) -> None:
    lexical = ctx.triggers["relations"]
    leader_titles, other_titles = lexical["leader_titles"], lexical["other_titles"]
    for ent in entities_in(sent):
        key = ctx.registry.key_of(ent.root)
        if not key or ctx.registry.entities.get(key) is None or ctx.registry.entities[key].kind != "Person":
            continue
        words = _left_context(ent) + [t for t in ent if t.lower_ in ctx.registry.titles and t.i == ent.start]
        party = _party(ctx, ent, words)
        if party:  # a member, whatever title the words give
            ctx.relate(key, "affiliatedWith", party, ctx.evidence(sent, "rule:party", 0.8))
        # "General Electric chief X": a word of an organization's name is no title
        title = _title_in([t for t in words if not _in_organization_name(ctx, t)], leader_titles + other_titles)
        owners: list[str] = []
        leads = True
        if not title:
            title, words = _listed_title(ent, leader_titles + other_titles)
        if not title:
            title, words, owners, leads = _appositive_title(ctx, ent, leader_titles + other_titles)
        if not title:
            continue
        # a title in a noun phrase is presupposed, as the leaderOf it gives: the clause's modality does not reach it
        _entitle(ctx, key, title, ctx.evidence(sent, "rule:title", 0.9))
        # "Chilean President X", "Liberal Party leader Y", "ALP candidate Z"; the "State" of "Secretary of State" is
        # the title's own word
        bodies = owners or _bodies_in(ctx, [t for t in words if t.lower_ not in title.replace("-", " ").split()]) \
            or _body_named_after(ctx, ent, title in leader_titles)
        if bodies and title in leader_titles and leads:
            if ctx.registry.kind(bodies[0]) == "State":
                ctx.registry.note_leader(bodies[0], key)
            ctx.relate(key, "leaderOf", bodies[0], ctx.evidence(sent, "rule:title-leader", 0.9))
        elif bodies:
            ctx.relate(key, "affiliatedWith", bodies[0], ctx.evidence(sent, "rule:title-affiliation", 0.8))
        elif _office(words, title):
            ctx.unplaced_titles.append(UnplacedTitle(key, title, ctx.evidence(sent, "rule:home-title", 0.6)))
            if title in lexical["home_titles"] and (home := _publisher_state(ctx)) is not None:
                ctx.registry.note_home(key, home)


def _party(ctx: Context, ent: SentSpan, words: list[Token]) -> str | None:
    """"Republican Senator X", "the Federalist John Adams", "X, a Republican from North Dakota": a word for a party's
    members before a name, or heading an indefinite apposition to it, names the party the person belongs to (not
    inside a longer name: "Social Democratic leader X")."""
    named = {w: party for party, members in ctx.triggers["relations"]["party_words"].items() for w in members}
    appositions = [c for c in ent.root.children if c.dep_ == "appos" and c.text in named
                   and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)]
    opening = [ent[0]] if len(ent) > 1 else []  # "Republican Warren Harding" tagged as one name; not "a Whig defeat"
    for word in [*words, *opening, *appositions]:
        if word.text in named and not _inside_a_name(ctx, word):
            return ctx.registry.add(f"organization/{slug(named[word.text])}", "Organization", named[word.text])
    return None


def _inside_a_name(ctx: Context, word: Token) -> bool:
    """A word of a longer name the tagger found ("Social Democratic", "Democratic Party") or of capitalised words
    before it that name nothing the text knows."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    before = word.doc[word.i - 1] if word.i > word.sent.start else None
    return word.ent_iob_ == "I" or after is not None and after.ent_iob_ == "I" and word.ent_iob_ == "B" \
        or before is not None and before.is_title and before.dep_ == "compound" and ctx.registry.key_of(before) is None


def _in_organization_name(ctx: Context, token: Token) -> bool:
    """The word opens or runs on a name of several words ("General" of "General Electric"; not "State", tagged alone
    inside "Secretary of State")."""
    key = ctx.registry.key_of(token) if token.ent_type_ == "ORG" else None
    words = ctx.registry.entities[key].label.split() if key is not None and ctx.registry.kind(key) == "Organization" \
        else []
    return token.text in words[:-1]


def _listed_title(ent: SentSpan, titles: list[str]) -> tuple[str | None, list[Token]]:
    """"Senators Hiram Johnson of California, William Borah of Idaho, and Robert La Follette": a title in the plural
    before a list of names is each one's, whatever the parser makes of the list."""
    first, past_comma = ent, False
    for before in reversed([e for e in ent.sent.ents if e.label_ == "PERSON" and e.end <= ent.start]):
        gap = ent.doc[before.end: first.start]
        if not all(t.lower_ in (",", "and", "or", "of") or t.ent_type_ in PLACE_TYPES for t in gap):
            break
        joined = any(t.lower_ in ("and", "or") for t in gap)
        if joined and past_comma:
            return None, []  # "peace commissioners A and B, Franklin engaged ...": a name after the list's last
        past_comma, first = past_comma or not joined, before
    words = _left_context(first)
    if not words or not words[-1].lower_.endswith("s") or words[-1].ent_iob_ == "I":
        return None, []  # "the Good Neighbor Policy of Presidents X and Y": a word of a name, not a title
    singular = words[-1].lower_[:-1]
    title = _title_in_text(" ".join([t.lower_ for t in words[:-1]] + [singular]), titles)
    return (title, words) if title and title.split()[-1] == singular else (None, [])


def _appositive_title(ctx: Context, ent: SentSpan,
                      titles: list[str]) -> tuple[str | None, list[Token], list[str], bool]:
    """"Peru was led by its President, X", "Boric and his Foreign Minister, Y":
    a title in apposition to the name; its possessor is the state (or the possessor's state) the title is of. Whether
    the title leads that state or body: "the head of the Soviet delegation" leads the delegation, a part of the state
    its modifier names, and is only in that state's service."""
    root = ent.root
    noun = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"
                                                        and not _after_conjunct(root, c)), None)
    if noun is not None and root.dep_ == "appos" and _owner_of_title(ctx, noun) and noun.i == root.left_edge.i - 2:
        noun = noun.head.head  # "the Bey of Arica, Juan Soto,": the parser hangs the name on the place
    if noun is None and root.dep_ == "conj":  # "A and B, then Foreign Minister": the last one's
        noun = next((c for c in root.head.children if c.dep_ == "appos" and _after_conjunct(root.head, c)
                     and not any(x.dep_ == "conj" and root.i < x.i < c.i for x in root.head.children)), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ == "PERSON" or _names_next(noun):
        return None, [], [], True
    title, words, owner_phrases = None, [], []
    for description in _descriptions(noun):
        title, words, owner_phrases = _title_noun(ctx, description, titles)
        if title:
            break
    # a possessor's state ("Boric's Foreign Minister": Chile's), or the body an owner phrase names ("the leader of
    # the Likud Party")
    owners = [ctx.registry.state_of(k) if t.dep_ == "poss" else k
              for t in owner_phrases for k in ctx.registry.actors(t)]
    owners = [k for k in owners if ctx.registry.entities.get(k) and ctx.registry.entities[k].kind in ("State", "Organization")]
    # ("the agency's director general" leads the agency, a possessor named by a common noun)
    leads = not any(t.pos_ == "NOUN" and t.dep_ != "poss" and not ctx.registry.key_of(t) for t in owner_phrases)
    return title, words, owners, leads


def _owner_of_title(ctx: Context, owner: Token) -> bool:
    """"Arica" of "the Bey of Arica", "the ANC" of "a leader of the ANC": the place or body a one-word title is
    of (not a word of a longer title: "Secretary of State")."""
    title = owner.head.head
    return owner.dep_ == "pobj" and owner.ent_type_ in PLACE_TYPES | {"ORG"} and owner.head.lower_ == "of" \
        and title.lemma_.lower() in ctx.registry.titles \
        and f"{title.lower_} of {owner.lower_}" not in ctx.registry.title_names


def _descriptions(noun: Token) -> list[Token]:
    """"Dawes (Chicago banker, former Director of the Bureau of the Budget, and future Vice President)": the nouns of
    a list of descriptions in apposition to a name, which the parser hangs on the first; not a person's name."""
    found = [noun]
    for description in found:  # the list grows as it is walked: "Director" hangs on "banker", "President" on it
        found += [c for c in description.children if c.dep_ in ("appos", "conj") and c.pos_ in ("NOUN", "PROPN")
                  and c.ent_type_ != "PERSON"]
    return found


def _names_next(noun: Token) -> bool:
    """"with the help of Soto and Vega, Peruvian Minister of Foreign Affairs Luis Paz proposed": a title right
    before a name is that name's, whatever the parser hangs it on."""
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and noun.doc[after].ent_type_ == "PERSON" and noun.doc[after].ent_iob_ == "B"


def _after_conjunct(head: Token, appos: Token) -> bool:
    """The parser hangs an apposition after a list on the list's first item: it is the last item's."""
    return any(c.dep_ == "conj" and c.i < appos.i for c in head.children)


def _title_noun(ctx: Context, noun: Token, titles: list[str]) -> tuple[str | None, list[Token], list[Token]]:
    """The title a noun names, the words before it, and its possessor and the objects of its prepositions, which say
    whose title it is.
    An "of" that the title itself holds ("Secretary of State") names no owner; "ambassador to Peru" names the host,
    not the body the person works for, so only the affiliation prepositions count; nor does "special envoy for Haiti"
    (a state a diplomat is "for" is the one the mission goes to)."""
    # "the President's Assistant for National Security Affairs", "South Africa's first president": a possessor
    # says whose title it is, and is no word of it
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    owned = {t.i for c in possessors for t in c.subtree}
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "case") and t.i not in owned]
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.triggers["relations"]["affiliation_preps"]]
    of_phrase = [t for c in preps if c.lower_ == "of" for t in c.subtree]
    title = _title_in(words + of_phrase, titles)
    whole = title is not None and " of " in title
    if not whole:
        title = _title_in(words, titles)
    # "a fellow at Brookings" names the body, "a mediator at Japan's request" none
    owners = [p for c in preps if not (whole and c.lower_ == "of") for p in c.children if p.dep_ == "pobj"
              and not (c.lower_ == "for" and title in ctx.triggers["relations"]["host_titles"] and _a_state(ctx, p))
              and not (c.lower_ == "at" and p.pos_ != "PROPN")]
    return title, words, possessors + owners


def _without_clauses(noun: Token) -> list[Token]:
    """"the leader of the Party that celebrated the ideals of the French Revolution": the noun's phrase, without the
    clauses that say more of it (they name no owner)."""
    said = {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in noun.subtree if t.i not in said]


def _a_state(ctx: Context, noun: Token) -> bool:
    return any(ctx.registry.kind(k) == "State" for k in ctx.registry.actors(noun))


def appointments(ctx: Context, sent: SentSpan) -> None:
    """"South Koreans elected Lee as president", "X was appointed ambassador", "X became prime minister of Y",
    "X served as secretary of state", "Jane Roe is a senior fellow at the Brookings Institution", "Ruiz, who was
    Secretary of State, ...", "As premier, X signed ...": the person takes or holds the title, of the state or body
    the clause names."""
    section = ctx.triggers["relations"]
    titling = set(section["appointment_verbs"] + section["holding_verbs"])
    for verb in (t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")):
        titled = verb.lemma_.lower() in titling
        if not titled and not _as_phrases(verb):
            continue  # most verbs: asked before their predication and their doers are worked out
        pred = verb_predication(verb, ctx.frames.object_control)  # "recruited X to assume the post as Y": X holds it
        people, nouns = _appointed(ctx, verb, pred) if titled else _acting_as(ctx, verb)
        for noun in nouns if people else ():
            _title_of(ctx, sent, verb, pred.agents, noun, people)


def _appointed(ctx: Context, verb: Token, pred: Predication) -> tuple[list[str], list[Token]]:
    """Who takes the title of an appointing or holding verb, and the nouns that may name it: the object of "elected
    X"; the subject of "X became", of "X was" (the clause layer reads "who" in "Ruiz, who was ..." as Ruiz) and of a
    passive, with its "by" phrase; both of "X succeeded Y as Z"."""
    section = ctx.triggers["relations"]
    if pred.passive or pred.lemma in section["succession_verbs"]:
        holders = [*pred.agents, *pred.themes]
    else:
        holders = list(pred.agents if pred.lemma in section["holding_verbs"] else pred.themes)
    people = [k for t in holders for k in ctx.registry.actors(t) if ctx.registry.kind(k) == "Person"]
    nouns = [*pred.oblique("as"), *(c for c in verb.children if c.dep_ in ("oprd", "attr"))]
    if not people and not pred.passive and pred.lemma in section["appointment_verbs"]:
        return _named_before_title(ctx, list(pred.themes))
    return people, nouns


def _title_of(ctx: Context, sent: SentSpan, verb: Token, agents: tuple[Token, ...], noun: Token,
              people: list[str]) -> None:
    """The people hold the title ``noun`` names, of the body it names, else of the state of the clause's doers."""
    section = ctx.triggers["relations"]
    title, words, owner_phrases = _title_noun(ctx, noun, section["leader_titles"] + section["other_titles"])
    if not title:
        return
    bodies = _bodies_in(ctx, words + [t for c in conjuncts(noun)[1:] for t in c.subtree if t.i <= c.i]
                        + [t for p in owner_phrases for t in _without_clauses(p)])
    bodies = bodies or [ctx.registry.state_of(k) for t in agents for k in ctx.registry.actors(t)
                        if ctx.registry.kind(ctx.registry.state_of(k)) == "State"]
    _give_title(ctx, sent, list(dict.fromkeys(people)), title, bodies[:1], title in section["leader_titles"],
                ctx.factuality(verb), office=_office(words, title))


def _acting_as(ctx: Context, verb: Token) -> tuple[list[str], list[Token]]:
    """"As Secretary of State, X negotiated ...", "X resigned as premier": the subject that acts "as" a title holds
    it; after an object the "as" phrase may be the object's ("recognized Y as king", "regarded Y as an ally")."""
    doers = subjects(verb)
    people = [k for t in doers for k in ctx.registry.actors(t) if ctx.registry.kind(k) == "Person"]
    if not people:
        return [], []
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    return people, [n for c in _as_phrases(verb) if not has_object or c.i < min(t.i for t in doers)
                    for n in c.children if n.dep_ == "pobj"]


def _as_phrases(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]


def _named_before_title(ctx: Context, themes: list[Token]) -> tuple[list[str], list[Token]]:
    """"appointed Ana Ruiz Secretary of State", "named Juan Soto minister": the parser makes the name a modifier of
    the title, and the title the object; the people so named, and the title noun."""
    for noun in themes:
        people = [k for c in noun.children if c.dep_ == "compound" for k in ctx.registry.actors(c)
                  if ctx.registry.kind(k) == "Person"]
        if people:
            return people, [noun]
    return [], []


def _give_title(ctx: Context, sent: SentSpan, people: list[str], title: str, bodies: list[str], leader: bool,
                fact: Factuality, office: bool) -> None:
    for person in people:
        _entitle(ctx, person, title, ctx.evidence(sent, "rule:appointment", 0.75), fact)
        if not bodies and fact.is_plain_fact and office:
            ctx.unplaced_titles.append(UnplacedTitle(person, title, ctx.evidence(sent, "rule:home-title", 0.6)))
        for body in bodies:
            if leader and ctx.registry.kind(body) == "State":
                ctx.registry.note_leader(body, person)
            ctx.relate(person, "leaderOf" if leader else "affiliatedWith", body,
                       ctx.evidence(sent, "rule:appointment", 0.75), fact)


def home_titles(ctx: Context) -> None:
    """"President Ruiz", "Secretary of State Mora", with no state in the text: in a document whose publisher
    names a state ("Historical Office, Chile Ministry of Foreign Affairs"), a home title is an office of that state,
    unless the text ties the person to a state or names them with another state's name ("Peruvian President X")."""
    if not ctx.unplaced_titles or (home := _publisher_state(ctx)) is None:
        return
    section = ctx.triggers["relations"]
    placed = {r.subject for r in ctx.relations if r.predicate in ("leaderOf", "affiliatedWith")
              and ctx.registry.kind(r.object) == "State"}
    named_with = _states_named_with(ctx, {u.person for u in ctx.unplaced_titles})
    for unplaced in ctx.unplaced_titles:
        person, title = unplaced.person, unplaced.title
        if person in placed or title not in section["home_titles"] or named_with.get(person, set()) - {home}:
            continue
        ctx.relate(person, "leaderOf" if title in section["leader_titles"] else "affiliatedWith", home, unplaced.evidence)


def envoys(ctx: Context, text: SentSpan) -> None:
    """"President Jefferson sent William Pinkney and James Monroe to negotiate a treaty": who is sent to act serves
    the state or body the sender acts for (a leader's state, once the titles are read), unless the text ties them to
    a state already; not who is sent to lead another ("appointed Diem to lead South Vietnam")."""
    served = {r.subject: r.object for r in ctx.relations if r.predicate in ("leaderOf", "affiliatedWith")
              and r.factuality.is_plain_fact}
    for verb in (t for t in text if t.pos_ == "VERB" and t.lemma_.lower() in ctx.frames.sending_verbs):
        mission = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)]
        if not (mission or _posted_to_a_state(ctx, verb)) or not ctx.factuality(verb).is_plain_fact \
                or mission and mission[0].lemma_.lower() in ctx.triggers["relations"]["leading_verbs"]:
            continue
        bodies = [b for s in subjects(verb) for k in ctx.registry.actors(s) if (b := _served_body(ctx, k, served))]
        people = [k for o in objects(verb) for t in conjuncts(o) for k in ctx.registry.actors(t)
                  if ctx.registry.kind(k) == "Person" and ctx.registry.kind(served.get(k, "")) != "State"]
        for person in people if len(set(bodies)) == 1 else []:
            ctx.relate(person, "affiliatedWith", bodies[0], ctx.evidence(sentence_of(verb), "rule:envoy", 0.6))


def _posted_to_a_state(ctx: Context, verb: Token) -> bool:
    """"dispatched Davies to Moscow as Bullitt's replacement": who is sent to a state or its seat of government goes
    as an envoy (not who is sent to an island or a prison)."""
    keys = [k for o in prep_objects(verb, "to") if (k := ctx.registry.key_of(o))]
    return any(ctx.registry.kind(k) == "State" or (entry := ctx.registry.lex.get(k)) and entry.metonym_for
               for k in keys)


def _served_body(ctx: Context, actor: str, served: dict[str, str]) -> str | None:
    kind = ctx.registry.kind(actor)
    if kind in ("State", "Organization"):
        return actor
    return served.get(actor) if kind == "Person" and ctx.registry.kind(served.get(actor, "")) == "State" else None


def title_bodies(ctx: Context) -> None:
    """"Senator Nye" in a text that names Congress, "Army Commander Pinochet": a title that makes its holder a member
    of a body affiliates the holder with the one body of that kind the text names (``title_bodies``), or, for a rank,
    that a sentence giving the rank names (``rank_bodies``); none when there are two, when the holder already
    belongs to a body, or when the body is another state's than the one the holder serves."""
    section = ctx.triggers["relations"]
    tied = {r.subject: ctx.registry.kind(r.object) for r in ctx.relations if r.predicate in ("leaderOf", "affiliatedWith")}
    states = {r.subject: r.object for r in ctx.relations if r.predicate in ("leaderOf", "affiliatedWith")
              and ctx.registry.kind(r.object) == "State"}
    bodies = [e for e in ctx.registry.entities.values() if e.kind == "Organization"]
    for person in [e for e in ctx.registry.entities.values() if e.kind == "Person" and tied.get(e.key) != "Organization"]:
        for role in (r for r in person.role_readings if r.factuality.is_plain_fact):
            rank = role.title in section["rank_bodies"]
            heads = section["rank_bodies" if rank else "title_bodies"].get(role.title, [])
            # the head of the body's name: "the House of Representatives", not "members of Congress"
            found = [b.key for b in bodies if b.label.lower().split(" of ")[0].split()[-1] in heads
                     and (not rank or b.label.lower() in role.evidence.span.sentence.lower())]
            body_state = ctx.registry.named_state(found[0]) if len(found) == 1 else None
            if len(found) == 1 and (body_state is None or states.get(person.key, body_state) == body_state):
                ctx.relate(person.key, "affiliatedWith", found[0],
                           replace(role.evidence, extractor="rule:title-body", confidence=0.6))
                break


def _publisher_state(ctx: Context) -> str | None:
    """The state the publisher's name names, if one does ("U.S. Department of State"), as an entity of the text."""
    words = (ctx.document.publisher or "").replace(",", " ").split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            entry = ctx.lexicon.named(" ".join(words[start: start + size]), "State")
            if entry is not None:
                return ctx.registry.add(entry.key, entry.kind, entry.label)
    return None


def _states_named_with(ctx: Context, people: set[str]) -> dict[str, set[str]]:
    """For each of these people, the states named right before any mention of them ("Bolivian Marxist Luis
    Paz"), in one pass over the text's names."""
    found: dict[str, set[str]] = {}
    for sent in ctx.doc.sents:
        for ent in entities_in(sent):
            person = ctx.registry.key_of(ent.root)
            if person in people:
                found.setdefault(person, set()).update(
                    k for t in _left_context(ent) if (k := ctx.registry.key_of(t)) and ctx.registry.kind(k) == "State")
    return found


def _body_named_after(ctx: Context, ent: SentSpan, leader: bool) -> list[str]:
    """"King Hussein of Jordan", "Foreign Minister Gromyko of the Soviet Union": an "of" phrase right after a titled
    name names the state or organization the title is of (for a lesser title, only one the lexicon knows: "Senator
    Borah of Idaho" is no official of a state called Idaho)."""
    after = [t for t in ent.doc[ent.end: min(ent.end + 3, ent.sent.end)] if t.dep_ != "det"]
    if len(after) < 2 or after[0].lower_ != "of":
        return []
    return [key for key in _bodies_in(ctx, after[1:2]) if leader or key in ctx.registry.lex]


def _office(words: list[Token], title: str) -> bool:
    """The title of an office, capitalised ("President Ruiz", "as Under-Secretary of State"), not a description
    ("former president Diaz")."""
    first = title.replace("-", " ").split()[0]
    return any(t.lower_ == first and t.text[:1].isupper() for t in words)


def _entitle(ctx: Context, person: str, title: str, evidence: Evidence, fact: Factuality = ASSERTED) -> None:
    """The person holds the title as the sentence says it: plain fact, or negated, hedged or reported."""
    ctx.registry.entities[person].role_readings.append(Role(title, evidence, fact))


def _bodies_in(ctx: Context, words: list[Token]) -> list[str]:
    """The states and organizations among a title's words; a capitalised common noun that only says which kind of
    minister or commander it is ("Finance Minister", "Navy Commander") names no organization, unless the lexicon
    knows it for one."""
    out: list[str] = []
    for t in words:
        key = ctx.registry.key_of(t)
        if not key or key in out or ctx.registry.entities[key].kind not in ("Organization", "State"):
            continue
        if ctx.registry.entities[key].kind == "Organization" and _kind_of_title(ctx, t) \
                and key not in ctx.registry.lex or _side_taken(ctx, t):  # "Kuomintang General X" is the KMT's
            continue
        out.append(key)
    return out


def _side_taken(ctx: Context, t: Token) -> bool:
    """"pro-British Chief Justice John Jay": British is the side he takes, not the state he serves."""
    return side_prefix(t, ctx.triggers["positions"]["side_prefixes"]) is not None


def _kind_of_title(ctx: Context, t: Token) -> bool:
    """"Navy Commander", "Finance Minister": one capitalised word before a capitalised title, which may be part of it
    (before a title in lower case, "Taliban deputy leader", it names the body)."""
    alone = t.ent_iob_ == "B" and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")
    return t.dep_ == "compound" and t.is_title and alone and t.head.lower_ in ctx.registry.titles \
        and t.i + 1 < len(t.doc) and t.doc[t.i + 1].is_title


def leaderships(ctx: Context, sent: SentSpan) -> None:
    """"Ruiz led the Liberal Party", "Peru was ruled by Ruiz", "Walsh commanded the Andean Army": a person who leads a
    state or organization the text names is its leader. A common noun is no name ("led the Peruvian delegation")."""
    verbs = set(ctx.triggers["relations"]["leading_verbs"])
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in verbs):
        pred = verb_predication(verb, ctx.frames.object_control)
        people = [k for a in pred.agents for k in ctx.registry.actors(a) if ctx.registry.kind(k) == "Person"]
        bodies = [k for t in pred.themes if t.pos_ == "PROPN" and (k := ctx.registry.key_of(t))
                  and ctx.registry.kind(k) in ("State", "Organization")] + _named_group(ctx, verb)
        for person in dict.fromkeys(people):
            for body in dict.fromkeys(bodies):
                ctx.relate(person, "leaderOf", body, ctx.evidence(sent, "rule:leadership", 0.75), ctx.factuality(verb))
    _led_under(ctx, sent)
    _came_to_power(ctx, sent)


def _came_to_power(ctx: Context, sent: SentSpan) -> None:
    """"Nasser came to power in Egypt", "X seized power in Y": who comes to power in a state leads it."""
    phrases = set(ctx.triggers["relations"]["power_phrases"])
    verbs = {p.split()[0] for p in phrases}  # asked of every verb: its phrases only when its lemma may open one
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in verbs and verb_phrases(t) & phrases):
        pred = verb_predication(verb, ctx.frames.object_control)
        people = [k for a in pred.agents for k in ctx.registry.actors(a) if ctx.registry.kind(k) == "Person"]
        places = [*pred.oblique("in"), *(o for p, o in pred.object_phrases() if p == "in")]  # "seized power in Y"
        states = [k for o in places for k in ctx.registry.actors(o) if ctx.registry.kind(k) == "State"]
        for person in dict.fromkeys(people):
            for state in states[:1]:
                ctx.registry.note_leader(state, person)
                ctx.relate(person, "leaderOf", state, ctx.evidence(sent, "rule:leadership", 0.7), ctx.factuality(verb))


def _named_group(ctx: Context, verb: Token) -> list[str]:
    """"The Filipino revolutionaries, led by Aguinaldo, ...", "the Federalists, led by Hamilton": a group the text
    names by a plural ("Filipino revolutionaries", "commissioners") that a participle of leading describes; a
    singular word for a body sent by a state ("the Chilean mission") stands for the state and gets no leader here."""
    # "the Nationalists over the Communists led by Mao": the parser may hang the participle on a noun before the one
    # right before it, which it says more of
    before = verb.doc[verb.i - 1]
    group = before if before.tag_ in ("NNS", "NNPS") and verb.head.i < before.i else verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or group.tag_ not in ("NNS", "NNPS"):
        return []
    return [k for k in ctx.registry.actors(group) if ctx.registry.kind(k) == "Organization"
            and ctx.registry.entities[k].label.lower().endswith(group.lower_)]


def _led_under(ctx: Context, sent: SentSpan) -> None:
    """"The commission, under the chairmanship of Ruiz, met in Lima", "the army under Ruiz's command": the leader
    named in the "under" phrase leads the named body the phrase is said of (the noun it hangs on, or its verb's
    doer)."""
    nouns = set(ctx.triggers["relations"]["leadership_nouns"])
    for noun in (t for t in sent if t.lemma_.lower() in nouns and t.dep_ == "pobj" and t.head.lower_ == "under"):
        said_of = noun.head.head
        # of a verb, its doer ("were defeated by forces under the command of X": the forces, not the defeated)
        led = verb_predication(said_of).agents if said_of.pos_ in ("VERB", "AUX") else [said_of]
        leaders = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, "of")
        people = [k for t in leaders for k in ctx.registry.actors(t) if ctx.registry.kind(k) == "Person"]
        bodies = [k for t in led if t.pos_ == "PROPN" and (k := ctx.registry.key_of(t))
                  and ctx.registry.kind(k) in ("State", "Organization")]
        for person in dict.fromkeys(people):
            for body in dict.fromkeys(bodies):
                ctx.relate(person, "leaderOf", body, ctx.evidence(sent, "rule:leadership", 0.7), ctx.factuality(noun))


def memberships(ctx: Context, sent: SentSpan) -> None:
    """"Ruiz's Liberal Party", "Ruiz's party, the Liberal Party": a person's party is one the person belongs to;
    "Peru, a member of the Andean Pact", "Peru became a member of X", "Peru joined X": a member belongs to the
    organization."""
    _members_of(ctx, sent)
    _of_a_body(ctx, sent)
    heads = set(ctx.triggers["relations"]["membership_heads"])
    for token in sent:
        if token.lemma_.lower() not in heads or token.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [k for c in token.children if c.dep_ == "poss" for k in ctx.registry.actors(c)
                  if ctx.registry.kind(k) == "Person"]
        named = [token, *(c for c in token.children if c.dep_ == "appos")]
        bodies = [k for t in named if (k := ctx.registry.key_of(t)) and ctx.registry.kind(k) == "Organization"]
        # "feared his party would rebel": whose party it is, the noun phrase presupposes, whatever its clause supposes
        for person in owners:
            for body in dict.fromkeys(bodies):
                ctx.relate(person, "affiliatedWith", body, ctx.evidence(sent, "rule:membership", 0.7),
                           Factuality(polarity(token, ctx.cues)))


def _members_of(ctx: Context, sent: SentSpan) -> None:
    section = ctx.triggers["relations"]
    for token in sent:
        lemma = token.lemma_.lower()
        # "X, the head of Y and a member of Z": Z's member is X, whom the first of the coordinated nouns describes
        if lemma in section["member_nouns"] and token.pos_ == "NOUN" \
                and (described := first_conjunct(token)).dep_ in ("attr", "appos"):
            members, bodies = description_predication(described, "noun").agents, prep_objects(token, "of")
        elif lemma in section["joining_verbs"] and token.pos_ == "VERB" and not _joined_in_act(ctx, token) \
                and not _joined_states(ctx, token):
            members, bodies = verb_predication(token, ctx.frames.object_control).agents, objects(token)
        elif lemma in section["member_nouns"] and (listed := _members_listed(ctx, token)):
            members, bodies = listed, [c for c in token.children if c.dep_ == "poss"] + prep_objects(token, "of")
        else:
            continue
        organizations = [k for b in bodies for k in ctx.registry.actors(b) if ctx.registry.kind(k) == "Organization"]
        for member in (k for m in members for k in ctx.registry.actors(m)):
            for body in dict.fromkeys(o for o in organizations if o != member):
                ctx.relate(member, "affiliatedWith", body, ctx.evidence(sent, "rule:membership", 0.7),
                           ctx.factuality(token))
                if ctx.registry.kind(member) == "State" and _an_alliance(ctx, body):  # "Poland joined NATO"
                    ctx.relate(member, "alliedWith", body, ctx.evidence(sent, "rule:membership", 0.7),
                               ctx.factuality(token))


def _members_listed(ctx: Context, noun: Token) -> list[Token]:
    """"Its members are Canada, Denmark and Norway", "the members of the pact include X and Y": the actors a body's
    members are said to be."""
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.tag_ != "NNS" or \
            verb.lemma_.lower() not in ("be", *ctx.triggers["agreements"]["member_verbs"]):
        return []
    return [t for c in verb.children if c.dep_ in ("attr", "dobj") for t in conjuncts(c)]


def _of_a_body(ctx: Context, sent: SentSpan) -> None:
    """"X of the Liberal Party", "Y from the Ruiz Foundation": a person named with the body they come from belongs to
    it (a state is where one comes from, not what one belongs to: "Senator X of Ohio")."""
    preps = ctx.triggers["relations"]["member_preps"]
    for ent in entities_in(sent):
        person = ctx.registry.key_of(ent.root)
        if person is None or ctx.registry.kind(person) != "Person":
            continue
        objects_ = [o for p in ent.root.children if p.dep_ == "prep" and p.lower_ in preps
                    for o in p.children if o.dep_ == "pobj"]
        for body in dict.fromkeys(k for o in objects_ for k in ctx.registry.actors(o)
                                  if ctx.registry.kind(k) == "Organization"):
            ctx.relate(person, "affiliatedWith", body, ctx.evidence(sent, "rule:membership", 0.7))


def _joined_in_act(ctx: Context, verb: Token) -> bool:
    """"forces joining the rebels in attacking X", "Spain joined Austria in the war against France": who joins
    another in an act shares the act, not membership ("joined NATO in 1999, in the second round" is)."""
    event_nouns = {*ctx.triggers["events"]["nouns"], *ctx.triggers["events"]["named_heads"]}
    return any(c.dep_ == "prep" and any(g.dep_ == "pcomp" or c.lower_ == "in" and g.dep_ == "pobj"
                                        and g.pos_ == "NOUN" and g.lemma_.lower() in event_nouns for g in c.children)
               for c in verb.children)


def _joined_states(ctx: Context, verb: Token) -> bool:
    """"the United States joined Australia, Canada, ... and nine exiled governments to condemn X": who joins states
    acts with them; one is a member of a body, not of a state."""
    return any(ctx.registry.kind(k) == "State" for o in objects(verb) for k in ctx.registry.actors(o, False))


def _an_alliance(ctx: Context, organization: str) -> bool:
    """An organization one of whose names says it is an alliance ("NATO", also "the Atlantic Alliance")."""
    entity = ctx.registry.entities[organization]
    entry = ctx.lexicon.by_key().get(organization)
    names = (entity.label, *entity.aliases, *((entry.label, *entry.aliases) if entry else ()))
    words = {w.lower() for name in names for w in name.split()}
    return bool(words & set(ctx.triggers["relations"]["alliance_words"]))


def alliances(ctx: Context, sent: SentSpan) -> None:
    """Two states named inside the phrase of an alliance word are allied; so are those who fight side by side."""
    words = set(ctx.triggers["relations"]["alliance_words"])
    aligning = set(ctx.triggers["relations"]["aligning_verbs"])
    _fought_together(ctx, sent)
    _attacked_together(ctx, sent)
    _owed_allegiance(ctx, sent)
    _close_ties(ctx, sent)
    _acted_together(ctx, sent)
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in aligning:
            _allied_with(ctx, sent, token)
            continue
        if token.lower_ not in words and token.lemma_.lower() not in words:
            continue
        if _allied_with(ctx, sent, token) or _listed_with_other_allies(ctx, sent, token):
            continue
        scope = _alliance_scope(token, ctx.triggers["relations"])
        states = []
        named = ctx.registry.key_of(token)
        for t in scope:
            key = ctx.registry.key_of(t)
            if t == token or named is not None and key == named:
                # "the Allied leaders", "the Alliance's role", "the Partnership for Peace": the word that names the
                # alliance, or the name it is part of, is no party
                continue
            actor = ctx.registry._as_actor(key) if key else None
            if actor and ctx.registry.entities.get(actor) and ctx.registry.entities[actor].kind in ("State", "Organization") and actor not in states:
                states.append(actor)
        owner = _owner(ctx, token)
        if owner and owner not in states:
            states.insert(0, owner)
        if owner and token.dep_ == "appos":  # "Bolivia, Peru's ally": the one described is the ally
            # "X, its ally Y, and Z": the list's other members are no allies of X
            listed = {k for c in conjuncts(token.head)[1:] + conjuncts(token)[1:] for k in ctx.registry.actors(c)}
            states += [k for k in ctx.registry.actors(token.head) if k not in states and k not in listed]
        if owner and token.pos_ == "NOUN" and token.tag_ == "NNS":  # "the U.S. and its Western European allies"
            # bare "its allies" or "Peru's allies" names nobody in particular
            # "allies and Weinberger feared", "hostilities between its allies and a rising power": no ally
            states += [k for k in ctx.registry.actors(token, coordinated=False) if k not in states
                       and _POSSESSOR.sub("", ctx.registry.entities[k].label.lower()) != token.lower_]
        copula = _alliance_copula(ctx, token)
        if owner is None and copula is None and _examples_only(ctx, token):
            continue  # "the exporters of several allies, including A and B": allies of someone unnamed, not of each other
        if copula is not None:  # "Peru is an ally of Chile", "Chile and Peru are allies"
            states += [k for k in dict.fromkeys(k for s in subjects(copula) for k in ctx.registry.actors(s))
                       if k not in states]
        if len(states) >= 2:
            # an alliance named in a noun phrase is presupposed: the modality of the clause does not reach it; one a
            # clause states is as sure as the clause ("Peru is not an ally of Chile")
            fact = ctx.factuality(copula) if copula is not None else ctx.factuality(token) if _indefinite(token) \
                else Factuality(polarity(token, ctx.cues))
            for other in states[1:]:
                ctx.relate(states[0], "alliedWith", other, ctx.evidence(sent, "rule:alliance", 0.7), fact)


def _fought_together(ctx: Context, sent: SentSpan) -> None:
    """"Italy entered the war on the side of France", "fought alongside Peru", "joined Chile in the war against
    Peru", "Egypt and Syria fought together": a state that takes part in a fight with another is its ally."""
    words = ctx.triggers["relations"]
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in words["fighting_verbs"]):
        fights = [o for o in objects(verb) + prep_objects(verb, "in", "into") if o.lemma_.lower() in words["war_nouns"]]
        if verb.lemma_.lower() != "fight" and not fights:
            continue  # "entered the harbor", "joined the talks": no fight
        named = (ctx.registry.state_of(k) for s in subjects(verb) for k in ctx.registry.actors(s))
        doers = [d for d in dict.fromkeys(named) if _can_ally(ctx, d)]
        partners = [k for t in (verb, *fights) for o in _beside(t) for k in ctx.registry.actors(o)]
        if verb.lemma_.lower() == "join" and fights:  # "joined Chile in the war": Chile is the one joined
            partners += [k for o in objects(verb) if o not in fights for k in ctx.registry.actors(o)]
        if any(c.lower_ in ("together", "side") and c.dep_ in ("advmod", "npadvmod") for c in verb.children):
            partners += doers[1:]  # "Egypt and Syria fought together", "fought side by side"
            doers = doers[:1]
        _align(ctx, sent, doers, partners, ctx.factuality(verb))


def _attacked_together(ctx: Context, sent: SentSpan) -> None:
    """"the Anglo-French invasion of Egypt", "a combined Anglo-Dutch bombardment of Algiers": the states named before an
    attack made it side by side, and are allies in it (before a war's name they are its two sides: "the Russo-Japanese
    War")."""
    war_nouns = ctx.triggers["relations"]["war_nouns"]
    for noun in (t for t in sent if t.pos_ == "NOUN" and t.i in ctx.event_at and t.lemma_.lower() not in war_nouns):
        event = ctx.events[ctx.event_at[noun.i]]
        if event.kind != "Attack" or not event.factuality.is_plain_fact:
            continue
        named = (ctx.registry.state_of(k) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 for t in c.subtree if (k := ctx.registry.key_of(t)))
        attackers = [k for k in dict.fromkeys(named) if ctx.registry.kind(k) == "State"]
        for i, attacker in enumerate(attackers):
            _align(ctx, sent, [attacker], attackers[i + 1:], event.factuality)


def _owed_allegiance(ctx: Context, sent: SentSpan) -> None:
    """"Algiers and Tunis owed allegiance to the Ottoman Empire", "pledged its loyalty to X": who holds to another is
    aligned with it."""
    for noun in (t for t in sent if t.lemma_.lower() in ctx.triggers["relations"]["allegiance_nouns"]):
        if noun.dep_ != "dobj":
            continue
        holders = [k for s in subjects(noun.head) for k in ctx.registry.actors(s)]
        others = [k for o in prep_objects(noun, "to") for k in ctx.registry.actors(o)]
        _align(ctx, sent, holders, others, ctx.factuality(noun.head))


def _close_ties(ctx: Context, sent: SentSpan) -> None:
    """"France retained strong ties with Haiti", "its close ties to the United States": a close bond is an alignment,
    as sure as the clause that says one has it (a possessive presupposes it)."""
    words = ctx.triggers["relations"]
    for noun in (t for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in words["tie_nouns"]):
        if not any(c.dep_ == "amod" and c.lemma_.lower() in words["closeness_words"]
                   and not any(a.lower_ == "formerly" for a in c.children) for c in noun.children):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        held = noun.dep_ == "dobj" and noun.head.lemma_.lower() in words["tie_holding_verbs"]
        holders = [k for h in owners or (subjects(noun.head) if held else []) for k in ctx.registry.actors(h)]
        others = [k for o in prep_objects(noun, "with", "to") for k in ctx.registry.actors(o)]
        fact = Factuality(polarity(noun, ctx.cues)) if owners else ctx.factuality(noun.head)
        _align(ctx, sent, holders, others, fact)


def _acted_together(ctx: Context, sent: SentSpan) -> None:
    """"the United States and the United Kingdom unified their zones", "Chile cooperated with Peru", "Peru and Bolivia
    worked together": who join in one act, or work with another, are aligned in it."""
    words = ctx.triggers["relations"]
    for verb in (t for t in sent if t.pos_ == "VERB"):
        lemma = verb.lemma_.lower()
        if lemma not in words["cooperating_verbs"] and not (lemma in words["working_verbs"] and any(
                c.lower_ in ("together", "jointly") and c.dep_ == "advmod" for c in verb.children)):
            continue
        doers = list(dict.fromkeys(ctx.registry.state_of(k) for s in subjects(verb) for k in ctx.registry.actors(s)))
        partners = [k for o in prep_objects(verb, "with") for k in ctx.registry.actors(o)]
        for i, doer in enumerate(doers):  # with no partner named, the doers are each other's ("the three coordinated")
            _align(ctx, sent, [doer], partners or doers[i + 1:], ctx.factuality(verb))


def _align(ctx: Context, sent: SentSpan, holders: list[str], others: list[str], fact: Factuality) -> None:
    """Each state or organization of the holders allied with each of the others, none with itself."""
    for holder in (h for h in dict.fromkeys(holders) if _can_ally(ctx, h)):
        for other in (o for o in dict.fromkeys(others) if o != holder and _can_ally(ctx, o)):
            ctx.relate(holder, "alliedWith", other, ctx.evidence(sent, "rule:alliance", 0.7), fact)


def _beside(token: Token) -> list[Token]:
    """Those a fight is fought with: "alongside X", "on the side of X", "on X's side"."""
    sides = [o for o in prep_objects(token, "on") if o.lemma_.lower() == "side"]
    owners = [c for s in sides for c in s.children if c.dep_ == "poss"]
    return prep_objects(token, "alongside") + [o for s in sides for o in prep_objects(s, "of")] + owners


def _can_ally(ctx: Context, key: str) -> bool:
    return ctx.registry.kind(key) in ("State", "Organization")


def _indefinite(token: Token) -> bool:
    """"would result in an Anglo-American alliance": an alliance brought in as new is as sure as its clause, unlike
    one named as known ("the existing Franco-American alliance")."""
    return indefinite(token.head if token.dep_ in ("compound", "amod") else token)


_POSSESSOR = re.compile(r"^.*['\u2019]s ")  # "Peru's allies" less its owner


def _examples_only(ctx: Context, token: Token) -> bool:
    """A plural "allies" of no one named ("U.S. allies" names whose), whose members the text gives only as examples
    ("allies, including A", "allies such as A")."""
    words = ctx.triggers["relations"]
    examples = set(words["example_prepositions"])
    if token.tag_ != "NNS" or token.lemma_.lower() != "ally" or not any(
            c.dep_ == "prep" and c.lower_ in examples for t in (token, *token.children) for c in t.children) \
            or any(c.dep_ == "prep" and c.lower_ in words["alliance_member_prepositions"] for c in token.children):
        return False
    return not any(ctx.registry.actors(t) for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                   for t in c.subtree)


def _alliance_copula(ctx: Context, token: Token) -> Token | None:
    """The linking verb an alliance word completes, whose subject is then an ally: "Peru is an ally of Chile", "Peru
    was one of Chile's closest allies"."""
    noun = token.head if token.dep_ in ("compound", "amod") else token
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr":
        noun = noun.head.head  # "one of Y's allies"
    verb = noun.head
    return verb if noun.dep_ == "attr" and verb.lemma_.lower() in ctx.triggers["relations"]["holding_verbs"] else None


def _allied_with(ctx: Context, sent: SentSpan, token: Token) -> bool:
    """"Nasser formed alliances with Jordan and Syria", "Sweden allied with the United States", "Chile entered into
    an alliance with Peru": those after "with" are allies of the one who forms or holds the alliance, not of each
    other, as surely as the verb says so; "Chile and Peru formed an alliance": the doers are allies of each other.
    False when the word names no one so."""
    head = token.head if token.dep_ in ("compound", "amod") else token
    partners = [k for o in prep_objects(head, "with") for c in conjuncts(o) for k in ctx.registry.actors(c)]
    verb = _alliance_verb(head)
    owner = _owner(ctx, token)
    # "Sweden, allied with the United States, ...": the one a participle describes is the ally
    # "told Chile to avoid alliances with X": the one told is the one who would avoid them
    # "Egypt remained aligned with X": the subject of the linking verb
    doing = ([verb.head] if verb.dep_ == "acl" else list(verb_predication(verb, ctx.frames.object_control).agents)
             if verb.dep_ == "xcomp" else subjects(verb.head if verb.dep_ == "acomp" else verb)) \
        if verb is not None else []
    doers = [owner] if owner else [k for s in doing for k in ctx.registry.actors(s)]
    # a leader's alliances are his state's; "Franklin and Lee signed a treaty of alliance": envoys ally no one
    doers = [d for d in dict.fromkeys(ctx.registry.state_of(d) for d in doers) if _can_ally(ctx, d)]
    # "rejected Soviet offers to establish an alliance": an alliance only aimed at binds none of those named
    aimed = verb is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not partners and not (len(doers) >= 2 and verb is not None and not aimed):
        return False
    # "decided to avoid lasting alliances with X": the object of a verb reads as that verb governs it
    fact = ctx.factuality(head if head.dep_ == "dobj" else verb) if verb is not None \
        else Factuality(polarity(token, ctx.cues))
    for partner in (partners or doers[1:]) if doers else []:
        if partner != doers[0]:
            ctx.relate(doers[0], "alliedWith", partner, ctx.evidence(sent, "rule:alliance", 0.7), fact)
    return True


def _listed_with_other_allies(ctx: Context, sent: SentSpan, token: Token) -> bool:
    """"the United States, the United Kingdom, France, and the other Allies", "..., and other allied nations": those
    listed before "the other allies" are allies too, each of every other. False when the word ends no such list."""
    allies = token.head if token.lower_ == "allied" and token.dep_ == "amod" else token
    if allies.tag_ not in ("NNS", "NNPS") or not allies.conjuncts \
            or not any(c.lower_ == "other" for c in allies.children) \
            or any(c.dep_ == "prep" for c in allies.children):  # "and other allies of Poland": of Poland's
        return False
    listed = [k for c in conjuncts(allies)[1:] for k in ctx.registry.actors(c, coordinated=False)
              if ctx.registry.kind(k) in ("State", "Organization")]
    listed = list(dict.fromkeys(listed))
    fact = ctx.factuality(token)
    for i, state in enumerate(listed):
        for other in listed[i + 1:]:
            ctx.relate(state, "alliedWith", other, ctx.evidence(sent, "rule:alliance", 0.7), fact)
    return len(listed) >= 2


def _alliance_verb(head: Token) -> Token | None:
    """The verb whose doers form or hold the alliance: the alliance word itself ("allied with"), the verb of its
    object ("formed an alliance") or of its phrase ("entered into an alliance")."""
    if head.pos_ == "VERB":
        return head
    if head.dep_ == "dobj":
        return head.head
    prep = head.head
    if head.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("into", "in") and prep.head.pos_ == "VERB":
        return prep.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "dobj":
        return prep.head.head  # "Chile and Peru signed a treaty of alliance"
    return None


def _alliance_scope(token: Token, words: dict[str, list[str]]) -> list[Token]:
    """The noun phrase around an alliance word: its own subtree, and that of the noun it modifies, without the
    phrases that name no members."""
    head = token.head if token.dep_ in ("compound", "amod") else token
    kept = set(words["example_prepositions"]) | (set(words["alliance_member_prepositions"]) if head == token else set())
    # "the alliance, X relations"; "its allies equal to its debt to X": an adjective after the noun says what they
    # are like, not who
    left_out = {t.i for c in head.children if c.dep_ in ("conj", "cc") or c.dep_ == "amod" and c.i > head.i
                or c.dep_ == "prep" and c.lower_ not in kept for t in c.subtree}
    return [t for t in head.subtree if t.i not in left_out]


def _owner(ctx: Context, token: Token) -> str | None:
    """"its close ally Britain": the possessor of an "ally" noun."""
    head = token.head if token.dep_ in ("compound", "amod") else token
    for child in head.children:
        if child.dep_ == "poss":
            found = ctx.registry.actors(child)
            return found[0] if found else None
    return None

