"""The clause layer: each predicate of a sentence with its arguments by role.

One pass over the dependency parse turns every verb, and every noun or
adjective that the frames name as a predicate, into a ``Predication``. Roles
are normalised so that extractors need not know the parse:

- voice: the subject of a passive is its theme, its "by" phrase its agent;
  a participle modifying a noun ("a treaty concluded between X and Y") takes
  that noun as its theme;
- control: an infinitive without a subject takes its governor's subject
  ("X refused to sign"), or its object after verbs of object control ("led X
  to intercede"); a participial adjunct takes the main clause's subject
  ("X made a move, announcing ...");
- relative clauses: "which", "who" and "that" stand for the noun they modify;
- conjuncts are distributed: "X and Y signed A and B" gives two agents and two
  themes; a verb coordinated with another shares its subject;
- nominal predicates take their agent from a possessive, a demonym or state
  modifier ("Israeli withdrawal") or a light verb's subject ("X held talks",
  "X expressed a desire to ..."), their theme from "of", their clause from an
  infinitive ("a wish to end ...");
- multi-word prepositions are read as one ("in exchange for", "with regard to");
- a "for" infinitive is one argument: in "called for X to deploy ships" the
  object of "for" is the clause "X ... deploy ships", whose subject is X.

The layer names no fact: which predicate says what is the frames' business.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .tokens import (agents as by_phrase, conj_heads, conjuncts, finite_above, first_conjunct, misread_clause,
                     non_restrictive, particle_of, phrase, prep_objects, raised_conjunct, ranked_infinitive,
                     sentence_of, set_against, stray_subjects_within, subjects, summing_up, text_of, that_clause,
                     to_infinitive)

RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
# subordinators of a clause telling the occasion or cause an act answers: "protested when X closed the border"
OCCASION_MARKS = frozenset({"when", "whenever", "as", "after", "once", "because"})
# and of one telling when, why or despite what: none says what a verb says, thinks or wants
_ADVERBIAL_MARKS = OCCASION_MARKS | {"before", "while", "since", "although", "though", "unless", "until"}
# nouns that join a preposition to the next one: "in exchange for", "in favor of", "with regard to"
PREPOSITION_NOUNS = frozenset({"exchange", "return", "favor", "favour", "addition", "response", "regard", "respect",
                               "spite", "place", "lieu", "terms", "light", "view", "behalf", "support", "opposition"})
# the prepositions that open one ("in return for", "on behalf of", "with regard to"): "called for support of X" calls
# for support, "pressed for return of X" for a return
COMPOUND_PREPOSITION_OPENERS = frozenset({"in", "on", "upon", "with"})
NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# the prepositions of the one a verb of asking addresses: "called on Chile to", "appealed to the U.N. to"
ADDRESSING_PREPOSITIONS = ("on", "upon", "to")
# prepositions the tagger may take for participles: "concerns regarding X" is about X as "concerns about X" is
PARTICIPLE_PREPOSITIONS = frozenset({"regarding", "concerning"})
# prepositions of what a noun of stance or act is about: "a demand for X", "opposition to Y", "talks on Z"
CONTENT_PREPOSITIONS = frozenset({"for", "to", "on", "upon", "against", "about", "over", "of", "regarding",
                                  "concerning"})
# a preposition's other spelling, read as the one the frames name: "insisted upon X" as "insisted on X"
PREPOSITION_SPELLINGS = {"upon": "on"}


@dataclass(frozen=True)
class Predication:
    """A predicate and its arguments: the heads of the phrases that fill each role."""

    head: Token
    lemma: str  # the predicate's lemma, lower case
    category: str  # "verb" | "noun" | "adjective"
    agents: tuple[Token, ...] = ()
    themes: tuple[Token, ...] = ()
    recipients: tuple[Token, ...] = ()
    clauses: tuple[Token, ...] = ()  # heads of embedded clauses: infinitives, that-clauses, gerunds
    obliques: tuple[tuple[str, Token], ...] = ()  # (preposition, head of its object)
    particle: str = ""  # "cut off", "carry out"
    support: Token | None = None  # the light verb carrying a nominal predicate ("held talks")
    passive: bool = False
    purposes: tuple[Token, ...] = ()  # infinitives saying what the act is for: "sent aid (in order) to ensure Y"

    @property
    def addressees(self) -> tuple[Token, ...]:
        """Whom a verb asks to act: its object ("urged Chile to ..."), or "on" or "to" ("called on Chile to ...",
        "appealed to the U.N. to ..."), after the verb: "on the other hand" before it addresses no one."""
        return self.themes or next((o for p in ADDRESSING_PREPOSITIONS
                                    if (o := tuple(t for t in self.oblique(p) if t.head.i > self.head.i))), ())

    @property
    def occasions(self) -> tuple[Token, ...]:
        """"Peru protested when Chile closed the border": a clause of the occasion or cause a verb answers, whose doer
        is named (not "when it learned of X", whose doer may be the verb's own)."""
        if self.category != "verb":
            return ()
        # (the parser may make such a clause a complement: "two days after X signed, Y protested")
        return tuple(c for c in self.head.children if c.dep_ in ("advcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                     and any(m.dep_ in ("mark", "advmod") and m.lower_ in OCCASION_MARKS and m.i < c.i
                             for m in c.children)
                     and any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON" for s in c.children))

    @property
    def infinitives(self) -> tuple[Token, ...]:
        """The embedded clauses that are to-infinitives: what is asked or planned, not what is said."""
        return tuple(c for c in self.clauses if to_infinitive(c) or _sharing_to(c.head, c))

    @property
    def propositions(self) -> tuple[Token, ...]:
        """The embedded clauses with a subject of their own that say what is so or will be ("concluded that the war
        was lost"): not an infinitive of what is wanted ("hoped to win"), nor a question ("asked whether ..."), nor half
        of a comparative correlative ("the more X, the more Y"), nor a clause before the word (an aside the parser hung
        on it)."""
        return tuple(c for c in self.clauses if _proposition(c) and c.i > self.head.i)

    def oblique(self, *prepositions: str) -> tuple[Token, ...]:
        """The objects of the given prepositions, in order."""
        return tuple(t for p, t in self.obliques if p in prepositions)

    def object_phrases(self) -> tuple[tuple[str, Token], ...]:
        """(preposition, object) of the phrases the parser hung on the verb's objects, which may be the verb's own
        ("replaced the quota with the Tariff Act")."""
        return tuple(o for t in self.themes for o in _obliques(t) if o not in self.obliques)

    @property
    def sentence(self) -> Span:
        return sentence_of(self.head)


def verb_predication(verb: Token, object_control: frozenset[str] = frozenset()) -> Predication:
    """A verb (or a participle) with its roles normalised across voice, control and relative clauses.

    Kept on the Doc: several rules read the same verb of a sentence. ``object_control`` counts only through
    whether it holds the verb's governor, so callers that pass other sets share one reading of most verbs."""
    kept = verb.doc.user_data.setdefault("kg_verb_predications", {})
    key = (verb.i, _governor(verb).lemma_.lower() in object_control)
    if key not in kept:
        kept[key] = _verb_predication(verb, object_control)
    return kept[key]


def _governor(verb: Token) -> Token:
    """The verb whose object may control the verb's subject: its head, or its first conjunct's ("led Peru to
    condemn X and to impose Y", "urged Peru to cut X, to admit Y, and to hold Z", "told Peru to cut X and admit Y")."""
    first = first_conjunct(verb)
    if verb.dep_ == "conj" and first.dep_ == "xcomp" and (to_infinitive(verb) or verb.tag_ == "VB"):
        return first.head
    return verb.head


def _sent_to(verb: Token) -> bool:
    """"sent Chief Justice John Jay to negotiate with Britain": the parser may make the infinitive what the sending
    was for, where it is what the one sent is to do; so it is when the object is someone named ("sent troops to
    guard the port", "sent money to help" leave the sender the doer)."""
    return verb.dep_ == "advcl" and to_infinitive(verb) and any(
        c.dep_ == "dobj" and c.i < verb.i and any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in c.subtree)
        for c in verb.head.children)


def _verb_predication(verb: Token, object_control: frozenset[str]) -> Predication:
    passive = _is_passive(verb)
    subject = _subjects(verb, object_control)
    if passive:
        doers = tuple(by_phrase(verb))
        doers += _stray_last_item(verb, doers)
        themes = tuple(subject) or _modified_noun(verb)
    else:
        doers = tuple(subject) or _modified_noun(verb, active=True)
        themes = tuple(t for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and not set_against(c)
                       for t in (_antecedent(verb) if c.lower_ in ("which", "whom") and non_restrictive(verb)
                                 else conjuncts(c)))
    return Predication(verb, verb.lemma_.lower(), "verb", doers, themes, _recipients(verb), _clauses(verb),
                       _obliques(verb), particle_of(verb), None, passive, _purposes(verb))


def noun_predication(noun: Token, light_verbs: frozenset[str] = frozenset(),
                     complement_verbs: frozenset[str] = frozenset(),
                     adjunct_prepositions: frozenset[str] = frozenset(),
                     object_control: frozenset[str] = frozenset()) -> Predication:
    """A noun naming an act or stance ("refusal to", "withdrawal from", "talks with", "Sadat's visit")."""
    owners = [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c)]
    modifiers = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ")
                 and (c.ent_type_ in NAMED_ENTITY_TYPES or c.ent_id_) for t in (*hyphened_before(c), c)]
    obliques = _obliques(noun)
    support = _light_verb(noun, light_verbs) or _giving_with(noun, light_verbs)
    agents = owners + modifiers + [t for p, t in obliques if p == "by"]
    if support is not None and all(a.pos_ == "PRON" for a in owners):
        # "X declared its intent to": X intends; "X and Y attended the Lima Summit": a place name is no party;
        # "X responded by giving support to Y", "urged Y to hold talks": the light verb's subject as the clause layer
        # finds it
        agents = [a for a in agents if a not in owners] + _subjects(support, object_control)
    if not agents and _relative_subject_of(noun) is not None:
        agents += subjects(_relative_subject_of(noun))
    if not agents and _adjunct_verb(noun, adjunct_prepositions) is not None:
        agents += subjects(_adjunct_verb(noun, adjunct_prepositions))  # "X shelled Y in an effort to ...": X's effort
    if not agents:
        agents += _doers_before_infinitive(noun, obliques)
    themes = tuple(t for p, t in obliques if p == "of" and t not in agents)
    clauses = tuple(t for c in noun.children if c.dep_ in ("acl", "ccomp") and (to_infinitive(c) or _content_clause(c))
                    or infinitive_of_its_noun(c) for t in (c, *listed_infinitives(c)))
    clauses += tuple(t for p, t in obliques if t.pos_ in ("VERB", "AUX"))
    # "Peru's decision to close the port was a mistake", "its demand for reparations was an error": a noun that says
    # what it is about itself is judged by the copula, not given its content
    own_content = bool(themes or clauses) or any(p in CONTENT_PREPOSITIONS for p, _ in obliques)
    clauses += _complements(noun, complement_verbs, has_object=own_content)
    relative = _relative_subject_of(noun)
    if relative is not None:  # "the controversy that developed between X and Y over Z"
        obliques += tuple(o for o in _obliques(relative) if o not in obliques)
    if support is not None:  # "voiced disagreements over X", "held talks with Y": the light verb's phrases are the noun's
        obliques += tuple(o for o in _obliques(support) if o not in obliques)
    return Predication(noun, noun.lemma_.lower(), "noun", tuple(dict.fromkeys(agents)), themes,
                       _given_to(noun, support), clauses, obliques, "", support, False)


def hyphened_before(modifier: Token) -> list[Token]:
    """"a U.S.-Mexican plan", "the Chile-Peru talks": a name the lexicon knows joined to the modifier by a hyphen,
    which the parser hangs on it, is a modifier of the noun as well ("the Arab-Israeli conflict" names one state)."""
    before = modifier.doc[modifier.i - 1] if modifier.i > 0 else None
    return [c for c in modifier.children if before is not None and before.text in ("-", "–") and c.i < before.i
            and c.right_edge.i == before.i - 1 and c.ent_id_]


def _giving_with(noun: Token, light_verbs: frozenset[str]) -> Token | None:
    """"provided the rebels with aid": a light verb that gives the noun of its "with" phrase to its object carries
    it too."""
    prep = noun.head
    verb = prep.head
    gives = noun.dep_ == "pobj" and prep.lower_ == "with" and verb.pos_ == "VERB" and verb.lemma_.lower() in light_verbs
    return verb if gives and any(c.dep_ == "dobj" for c in verb.children) else None


def _given_to(noun: Token, support: Token | None) -> tuple[Token, ...]:
    """Whom the light verb that carries the noun gives it to: "gave the rebels aid", "provided the rebels with aid"."""
    if support is None:
        return ()
    if noun.dep_ == "pobj":
        return tuple(t for c in support.children if c.dep_ == "dobj" for t in conjuncts(c))
    return _recipients(support) if noun.dep_ == "dobj" else ()


def framed(pred: Predication, prepositions: frozenset[str], adjunct_prepositions: frozenset[str] = frozenset(),
           backing: bool = False) -> Predication:
    """"At Peru's request, Chile withdrew", "upon the insistence of Bolivia, the talks moved", "with the backing of
    Peru, Chile sued": a stance noun in such an adjunct is about the clause it is set in, and an "of" phrase names who
    holds it. A noun that names no holder of its own there is the subject's ("with the aim of delaying the vote").

    A preposition that may also open the subject's own adjunct frames the clause only set before its subject: after
    the verb, "with" is as often the verb's ("the talks began with Peru's proposals"), unless the noun is one of
    ``backing`` whose "of" phrase names who gives it ("was overthrown with the tacit approval of X"; not "with the
    fear of X", where X is what is feared)."""
    noun, prep = pred.head, pred.head.head
    if noun.dep_ != "pobj" or prep.lower_ not in prepositions or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return pred
    clause = prep.head
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "was overthrown and killed with the approval of X": both acts, and their subject
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return pred  # the parser took the subject into the adjunct ("At the request of Chile, Peru ..."): unsure
    if prep.lower_ in adjunct_prepositions and prep.i > subject.i \
            and not (backing and any(map(_named, pred.oblique("of")))):
        return pred
    agents = pred.agents
    if agents and set(agents) <= set(subjects(prep.head)):  # the subject's, read as an adjunct's (noun_predication)
        agents = tuple(t for t in pred.oblique("of") if _named(t))
        if not agents:
            return pred
    owners = pred.oblique("of") if not agents else ()
    return replace(pred, agents=agents + owners, themes=tuple(t for t in pred.themes if t not in owners + agents),
                   clauses=pred.clauses + (clause,))


def received(pred: Predication, receiving_verbs: frozenset[str], object_control: frozenset[str] = frozenset()) \
        -> Predication:
    """"The bill ran into opposition from X", "the plan won support in Congress": a stance noun that the subject of
    a verb of meeting with it receives is about that subject; its "of" phrase, when it names someone, holds it ("won
    the support of Peru")."""
    noun = pred.head
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "prt") else noun.head
    particle = f" {noun.head.lower_}" if verb != noun.head else ""
    phrasal = f"{verb.lemma_.lower()}{particle}"
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or phrasal not in receiving_verbs:
        return pred
    # the parser may hang "from X" or "for Y" on the verb: they still say whose the stance is and what it is for
    sources = tuple(o for o in _obliques(verb) if o[0] in ("from", "for") and o not in pred.obliques)
    # "enabled X to win the support of Y": X is who wins it
    receivers = tuple(verb_predication(verb, object_control).agents) if verb.dep_ == "xcomp" else tuple(subjects(verb))
    agents = tuple(a for a in pred.agents if a not in receivers)  # not the light verb's subject: it met with the noun
    # what one wins the support of is who gives it: a name, or people ("won the support of the other members")
    owners = () if agents else tuple(t for t in pred.oblique("of") if _named(t) or t.tag_ in ("NNS", "NNPS"))
    themes = tuple(t for t in pred.themes if t not in owners)
    return replace(pred, agents=agents + owners, themes=themes + tuple(t for t in receivers if t not in themes),
                   obliques=tuple(o for o in pred.obliques + sources if o[1] not in owners))


def _doers_before_infinitive(noun: Token, obliques: tuple[tuple[str, Token], ...]) -> list[Token]:
    """"the refusal of Chile to sign", "the decision of U.S. officials to exclude X": an "of" phrase naming someone,
    between a noun and the infinitive it takes, says who is to act, and so whose the refusal or decision is."""
    infinitive = next((c for c in noun.children if c.dep_ == "acl" and to_infinitive(c)), None)
    if infinitive is None:
        return []
    return [t for p, t in obliques if p == "of" and t.i < infinitive.i and (_named(t) or t.tag_ in ("NNS", "NNPS"))]


def _named(token: Token) -> bool:
    """A name or a named entity: who may hold a stance ("the support of Peru"), not what it is of ("fear of war")."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTITY_TYPES


def unfolded(pred: Predication, unfolding_verbs: frozenset[str]) -> Predication:
    """"Tensions grew between X and Y over Z", "a dispute arose over the border": the phrases of the verb by which
    the noun, its subject, comes about or grows are the noun's."""
    noun, verb = pred.head, pred.head.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in unfolding_verbs:
        return pred
    return replace(pred, obliques=pred.obliques + tuple(o for o in _obliques(verb) if o not in pred.obliques))


def secondary_predicate(word: Token) -> bool:
    """"X took office determined to ...", "X came into office convinced that ...": a word said of the subject after
    the verb and its object, which the parser made a clause with no subject of its own (not "thought the bomb needed
    to defeat leaders determined to fight", hung on "thought" far from its object)."""
    if word.dep_ not in ("advcl", "ccomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in word.children):
        return False
    return word.i - 1 == word.head.i or any(c.dep_ in ("dobj", "prep") and c.right_edge.i == word.i - 1
                                             for c in word.head.children)


def description_predication(word: Token, category: str = "adjective") -> Predication:
    """A word said of someone: a predicative adjective ("X appeared intractable on Y", "willing to go"), or a noun
    for the one who holds a view ("X, a critic of Y", "X is a supporter of Y"): its agent is who it describes."""
    # "X remained at odds with Y": a phrase of a linking verb
    linked = word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head.pos_ in ("VERB", "AUX") \
        and category == "adjective"
    if word.dep_ in ("acomp", "oprd", "attr"):
        agents = tuple(subjects(word.head))
    elif linked:
        agents = tuple(subjects(word.head.head))
    elif (word.dep_ in ("advcl", "xcomp") or secondary_predicate(word)) and word.head.pos_ in ("VERB", "AUX"):
        # "X entered the talks determined to win": X is determined; "although X was pleased by Y, ...": X is
        own = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        agents = tuple(conjuncts(own[0]) if own else subjects(word.head))
    elif word.dep_ in ("amod", "appos"):
        agents = tuple(conjuncts(word.head))
    elif category == "agent_noun" and word.tag_ == "NNS" and word.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        agents = (word,)  # "Opponents of the treaty argued ...": a plural that describes no one else is its own holder
    else:  # a participle heading its own clause: "Chile was determined to ..."
        agents = tuple(subjects(word)) if word.pos_ in ("VERB", "AUX") else ()
    clauses = tuple(c for c in word.children if c.dep_ in ("xcomp", "ccomp"))
    obliques = _obliques(word)
    if word.dep_ in ("acomp", "oprd", "attr") or linked:  # "appeared intractable on X": the linking verb holds
        verb = word.head.head if linked else word.head  # the phrase ("In addition, X became opposed to Y": not one
        # set before the subject)
        obliques += tuple(o for o in _obliques(verb) if o not in obliques and not _fronted(o[1], verb))
    return Predication(word, word.lemma_.lower(), category, agents, (), (), clauses, obliques)


def _fronted(obj: Token, verb: Token) -> bool:
    """The phrase of ``obj`` comes before the verb's subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and obj.i < subject.i


def _antecedent(relative_clause: Token) -> list[Token]:
    """"a ban on mining, which Chile rejected": what the pronoun of an aside stands for, the noun before its comma
    (a restrictive clause, "the level that X would have liked", makes a new phrase of its noun). It is about the noun
    whose own phrase ends at the comma, where the parser hangs it on that phrase's last word."""
    head = relative_clause.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" \
            and head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head
    return conjuncts(head)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return False
    # "Headed by X, the commission met": a participle set before the clause with its "by" phrase is a passive too
    return verb.dep_ in ("acl", "relcl") or verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in verb.children)


def _ranked_to(verb: Token) -> bool:
    """An infinitive on "the first", "the last", "the only one" or a superlative that completes "be": its subject is
    the one ranked so."""
    rank = verb.head
    ranked = rank.lower_ in ("first", "last", "only") or rank.tag_ == "JJS" or any(
        c.dep_ == "amod" and (c.lower_ in ("first", "last", "only") or c.tag_ == "JJS") for c in rank.children)
    return verb.dep_ in ("acl", "relcl") and to_infinitive(verb) and ranked and rank.dep_ == "attr" \
        and rank.head.lemma_ == "be"


def _relative_heads(clause: Token) -> list[Token]:
    """What a relative clause is about: after a list, a clause set off by a comma may be about every noun in it
    ("France and Spain, which demanded X"), one without ("troops and rebels who sought X") only about the noun
    right before it, whichever of the list the parser hung it on."""
    heads = _things_not_people(clause, _people_not_places(clause, _things_not_dates(clause)))
    if non_restrictive(clause):
        return heads
    return [max((h for h in heads if h.i < clause.left_edge.i), key=lambda h: h.i, default=clause.head)]


def _people_not_places(clause: Token, heads: list[Token]) -> list[Token]:
    """"the archbishop of San Salvador, Oscar Romero, who had lamented X": the parser may set the name beside the
    place and hang the clause on the place; "who" stands for the person."""
    if not any(c.lower_ in ("who", "whom") for c in clause.children):
        return heads
    people = [t for h in heads if h.ent_type_ in ("GPE", "LOC") for t in h.children
              if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    return people or heads


def _things_not_dates(clause: Token) -> list[Token]:
    """"signed the accord on May 5, 1990, which ended the war": the parser may hang the clause on the date that ends
    the verb's phrase; "which" stands for what was done then, the verb's object."""
    date = clause.head
    if not any(c.lower_ == "which" for c in clause.children) or date.ent_type_ != "DATE" or date.dep_ != "pobj":
        return conjuncts(date)
    done = next((o for o in date.head.head.children if o.dep_ == "dobj" and o.i < date.i), None)
    return conjuncts(done if done is not None and date.head.head.pos_ == "VERB" else date)


def _things_not_people(clause: Token, heads: list[Token]) -> list[Token]:
    """"the memorandum with Arafat, which committed both sides to X": the parser may hang the clause on a person
    inside the phrase of a noun before it; "which" stands for that noun."""
    named = heads[0] if heads else clause.head
    if not any(c.lower_ == "which" for c in clause.children) or not all(h.ent_type_ == "PERSON" for h in heads) \
            or named.dep_ != "pobj" or named.head.head.pos_ not in ("NOUN", "PROPN"):
        return heads
    return [named.head.head]


def _all_of_which(subject: Token) -> bool:
    """"the USSR, Poland and Czechoslovakia, all of which objected to X": every one of the relative pronoun's nouns
    (not "some of which", "none of which")."""
    return subject.lower_ in ("all", "both", "each") and any(
        o.lower_ in RELATIVE_PRONOUNS for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj")


def _subjects(verb: Token, object_control: frozenset[str]) -> list[Token]:
    """The verb's subjects after relative pronouns, control and participial adjuncts are undone."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own and verb.dep_ == "relcl" and all(s.lower_ in RELATIVE_PRONOUNS or _all_of_which(s) for s in own):
        return _relative_heads(verb)  # "the Geneva Conference, which had been established ..."
    finite = None if own else finite_above(verb)
    if finite is not None:
        return subjects(finite)  # "announced a plan to stay and closed the border": who announced it
    if not own and for_subject(verb) is not None:
        return conjuncts(for_subject(verb))  # "called for X to deploy ships": X deploys them
    if not own and (verb.dep_ == "xcomp" or _governor(verb) != verb.head or _sent_to(verb)):
        governor = _governor(verb)
        controller = [c for c in governor.children if c.dep_ == "dobj"] or _addressee(governor)
        if controller and governor.lemma_.lower() in object_control:
            return [t for c in controller for t in conjuncts(c)]  # "led Chile to protest"
    if not own and verb.dep_ == "acl" and to_infinitive(verb) and verb.head.pos_ == "NOUN":
        owner = [c for c in verb.head.children if c.dep_ == "poss"] \
            or [o for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
                if o.dep_ == "pobj"]
        if owner:
            return conjuncts(owner[0])  # "Ruiz's decision to sign a pact", "a decision by X to sign": X signs
    if not own and _ranked_to(verb):
        return subjects(verb.head.head)  # "Napoleon was the first to offer concessions": Napoleon offers them
    first = first_conjunct(verb)
    if not own and first is not verb and first.tag_ == verb.tag_ in ("VBG", "VBN") and first.dep_ == "advcl":
        return _subjects(first, object_control)  # "X sailed on, claiming Y and demanding Z": X demands Z
    if not own and verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # "Sadat made a move, announcing ...": Sadat announces
        if head.dep_ == "xcomp" and head.head.dep_ == "acomp" and not subjects(head):
            return subjects(head.head.head)  # "X were hesitant to permit it, fearing ...": X fears
        if head.dep_ == "ccomp" and _says_after_report(verb):
            return subjects(head.head) or subjects(head)  # "X announced that Y would go, claiming ...": X claims
        return subjects(head)
    if not own and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.dep_ == "acomp":
        return subjects(verb.head.head.head)  # "X was instrumental in promoting Y": X promotes Y
    if not own and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        objects_ = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        named = [c for c in objects_ if c.pos_ in ("PROPN", "PRON")]
        if verb.head.lower_ in ("for", "of") and named:
            return conjuncts(named[0])  # "criticized Peru for not acting", "accused Peru of arming X": Peru acts
        if verb.head.lower_ == "from" and objects_:
            return conjuncts(objects_[0])  # "dissuaded Peru from pursuing X", "kept the navy from sailing": they would
        governor = verb.head.head
        # "shifted from favoring X to backing Y": a gerund hung on a gerund has that one's doer
        found = _subjects(governor, object_control) if governor.dep_ == "pcomp" else subjects(governor)
        return found or list(_modified_noun(governor, active=True))  # "X abandoned it in favor of reaching a treaty"
    shared = subjects(verb)
    return _said_of_relative_noun(verb, shared) or shared


def _says_after_report(participle: Token) -> bool:
    """A participle that takes a clause of its own ("claiming that ...", "arguing it would ..."), set after a comma at
    the end of a reported clause: it tells what the reporter went on to say, not the reported subject."""
    reported = participle.head
    return reported.head.i < reported.i < participle.i and participle.doc[participle.left_edge.i - 1].text == "," \
        and any(c.dep_ == "ccomp" for c in participle.children)


def _said_of_relative_noun(verb: Token, shared: list[Token]) -> list[Token]:
    """"X, who had lamented Y and criticized Z": a verb joined to a relative clause's verb is said of the noun the
    clause is about, when that is one noun ("a resident of Lima, Juan Soto, who ...": the parser may join the
    name to the place)."""
    clause = shared[0].head if shared else verb
    if verb.dep_ != "conj" or clause not in conj_heads(verb) or clause.dep_ != "relcl" \
            or not all(s.lower_ in RELATIVE_PRONOUNS for s in shared):
        return []
    heads = _relative_heads(clause)
    return heads if len(heads) == 1 and conjuncts(heads[0]) == heads else []


def _stray_last_item(verb: Token, doers: tuple[Token, ...]) -> tuple[Token, ...]:
    """"the Accords, signed by A, B, and C in 1978, ...": the parser may hang the last item of the "by" list on the
    noun the participle modifies; it follows the participle's phrase with only ", and" between."""
    if verb.dep_ != "acl" or len(doers) < 2:
        return ()
    end = max(t.i for t in verb.subtree)
    for item in (c for c in verb.head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > end):
        between = verb.doc[end + 1:item.left_edge.i]
        if len(between) and all(t.dep_ in ("punct", "cc") for t in between) and any(t.dep_ == "cc" for t in between):
            return (item,)
    return ()


def _addressee(verb: Token) -> list[Token]:
    """"called on Chile to end the blockade", "prevailed upon X to", "appealed to the U.N. to send troops": the one
    addressed is the object of "on" or "to" after the verb."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ADDRESSING_PREPOSITIONS and c.i > verb.i
            for o in c.children if o.dep_ == "pobj"]


def _modified_noun(verb: Token, active: bool = False) -> tuple[Token, ...]:
    """A participle modifying a noun: "the states refusing to adhere" (agent), "a treaty signed in 1968" (theme)."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return ()
    if active and verb.tag_ not in ("VBG", "VBD"):  # a finite verb hung on its subject is the parser's slip
        return ()
    # "were infrequent and merely confirmed decisions agreed upon by X": the parser may join the noun to a verb
    return tuple(t for t in conjuncts(verb.head) if t.pos_ in ("NOUN", "PROPN"))


def _recipients(verb: Token) -> tuple[Token, ...]:
    """The indirect object ("gave North Korea X"), or the object of a verb that also takes "with" ("repaid them with")."""
    dative = [t for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for t in conjuncts(c)]
    dative += [t for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP"
               for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return tuple(dative)


def _clauses(verb: Token) -> tuple[Token, ...]:
    """Embedded clauses, coordinated ones kept together: "agreed to destroy or transfer X" is one undertaking
    whose words only make sense whole (the parser hangs the shared object on the last verb); a list of
    infinitives each with its own "to" is one clause an item."""
    own = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and not _adverbial(c)
           and not _clause_before_semicolon(c)]
    return tuple(dict.fromkeys(t for c in own for t in (c, *(listed_infinitives(c) if to_infinitive(c)
                                                             else listed_that_clauses(c)))))


def _clause_before_semicolon(clause: Token) -> bool:
    """"The plant remains the main point of contention; the EU wants it closed": a clause the parser makes the
    complement of a verb after a semicolon is a sentence of its own."""
    verb = clause.head
    return clause.i < verb.i and any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:verb.i])


def _adverbial(clause: Token) -> bool:
    """"after the United States had committed itself to X, Roosevelt sought to repeal Y": a clause the parser makes a
    complement, opened by a conjunction of time, cause or concession, says when or why, not what."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _ADVERBIAL_MARKS for c in clause.children)


def listed_infinitives(verb: Token) -> tuple[Token, ...]:
    """"hoped to keep X, to bolster Y, and to undermine Z": the infinitives after the first, each with its own "to"
    after a comma or a conjunction, are items of one list, however the parser chains them; so is one that shares the
    first's "to" but has an object or a phrase of its own ("to close the port and expel the consul", "to arrange for a
    release and settle the claims"; not "to destroy or transfer the weapons", one act on one thing)."""
    items: list[Token] = []
    for c in verb.children:
        before = c.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        # ("to keep X rather than hold Y": what is set against the first is no item of its list)
        if c.dep_ in ("xcomp", "advcl", "conj") and (to_infinitive(c) or _sharing_to(verb, c)) and before is not None \
                and (before.text == "," or before.dep_ == "cc" and before.lower_ != "than"):
            items += [c, *listed_infinitives(c)]
    return tuple(items)


def _sharing_to(verb: Token, joined: Token) -> bool:
    """(down a chain of them: "to cut X, admit Y, and hold Z", "hold" shares the "to" that "admit" shares; a word in
    capitals the tagger took for a verb, "to honor the pact and START II", is none)"""
    return joined.dep_ == "conj" and joined.tag_ == "VB" and joined.text.islower() \
        and (to_infinitive(verb) or verb.dep_ == "conj" and _sharing_to(verb.head, verb)) \
        and all(any(o.dep_ in ("dobj", "prep") and o.i > v.i for o in v.children) for v in (verb, joined))


def listed_that_clauses(verb: Token) -> tuple[Token, ...]:
    """"believed that the talks would fail, and that Lima would give in": a clause after the first with a "that" of
    its own says a thing of its own (the parser hangs it on the first as a conjunct)."""
    return tuple(t for c in verb.children if c.dep_ == "conj" and that_clause(c) for t in (c, *listed_that_clauses(c)))


def _purposes(verb: Token) -> tuple[Token, ...]:
    """An infinitive adjunct ("sent aid to ensure Y"), also after "in order" or "so as", or after the object, where
    the parser makes it a complement ("used force to stop Y", "spent millions to buy Z"; not "believed it to be
    void"); "only to find Y" tells what came of the act, not what it was for, nor does "the first to sign"."""
    adjuncts = [c for c in verb.children if c.dep_ == "advcl"]
    after_object = min((c.i for c in verb.children if c.dep_ == "dobj"), default=len(verb.doc))
    adjuncts += [c for c in verb.children if c.dep_ == "xcomp" and c.i > after_object and c.lemma_ != "be"
                 and _reached_over_own_words(verb, c)]
    adjuncts += [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 for o in c.children if o.lower_ == "order" for a in o.children if a.dep_ in ("acl", "relcl")]
    return tuple(t for c in adjuncts if to_infinitive(c) and not any(a.lower_ == "only" for a in c.children)
                 and not ranked_infinitive(c) for t in (c, *listed_infinitives(c)))


def _reached_over_own_words(verb: Token, later: Token) -> bool:
    """Every word between the verb and a later dependent is the verb's own: the parser may hang "to fight" on "using"
    in "kept from using ships by law and by reluctance to fight", across the main verb's "by reluctance"."""
    return all(verb.is_ancestor(t) for t in verb.doc[verb.i + 1: later.left_edge.i])


def _content_clause(verb: Token) -> bool:
    """"the concern that the Soviets continued to build ...": a that-clause saying what the noun is about."""
    return verb.pos_ in ("VERB", "AUX") and that_clause(verb)


def _proposition(verb: Token) -> bool:
    """A clause with a subject of its own, not a relative one ("what they thought was a lost cause", "believed what
    the papers printed": a thing, not what is so)."""
    words = [t for t in verb.subtree if t.dep_ not in ("mark", "punct")]
    correlative = len(words) > 1 and words[0].lower_ == "the" and words[1].tag_ in ("JJR", "RBR")
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    relative = bool(subject) and (subject[0].tag_ in ("WP", "WDT") or subject[0].lower_ in ("that", "which", "who")) \
        or words[0].tag_ in ("WP", "WDT") and words[0].head == verb
    return not to_infinitive(verb) and not correlative and bool(subject) and not relative and not open_question(verb)


def open_question(clause: Token) -> bool:
    """"chose how to reply", "asked whether to reopen X", "weighed whether it should lift Y", "debated what to
    do": a clause that asks, which says what is in question, not what anyone wants or holds (a relative pronoun,
    "the concessions that X had tried to obtain", "resented what he saw as Y", asks nothing; nor does a relative
    adverb before the verb that governs the clause, "a treaty wherein X pledged to Y", hung on the clause)."""
    return any(clause.head.i < c.i < clause.i and (c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                                   or c.tag_ == "WRB" or c.tag_ == "WP" and to_infinitive(clause))
               for c in clause.children)


def _what_it_is(clause: Token) -> bool:
    """A clause opened by "what" that completes a bare "be" ("X was what caused Y")."""
    return clause.head.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in clause.head.children) \
        and any(c.lower_ == "what" and c.i < clause.i for c in clause.children)


def _misplaced_relative_adverb(token: Token, verb: Token) -> bool:
    """"a treaty wherein X pledged to Y": the parser may hang the relative adverb on "Y" instead of "pledged"."""
    return token.tag_ == "WRB" and token.head == verb and token.i < verb.head.i < verb.i


def _obliques(token: Token) -> tuple[tuple[str, Token], ...]:
    """(preposition, object) for every prepositional phrase under the token, conjuncts distributed."""
    found: list[tuple[str, Token]] = []
    preps = [c for c in token.children if c.dep_ in ("prep", "agent", "dative")
             and (c.pos_ == "ADP" or c.lower_ in PARTICIPLE_PREPOSITIONS or _noun_taking_conjunction(c))
             and not _circumstance(c, token)]
    taken: set[int] = set()
    for prep in preps:
        if prep.i in taken:
            continue
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            name, obj = _compound_preposition(prep, obj, preps)
            taken |= {p.i for p in preps if p.i == obj.head.i and p != prep}
            found += [(name, t) for t in conjuncts(obj)]
    found += [("according to", t) for c in token.children if c.dep_ == "prep" and c.lower_ == "according"
              for t in prep_objects(c, "to")]  # the parser tags "according" a participle, not a preposition
    # "for X to act" reads as X's acting; "for not acting" is an act already
    found = [(name, _for_infinitive_of(obj) or obj) if name == "for" and obj.pos_ not in ("VERB", "AUX") else (name, obj)
             for name, obj in found]
    found += [("for", c) for c in token.children if c.dep_ in ("advcl", "xcomp", "acl") and to_infinitive(c)
              and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
    return tuple(dict.fromkeys(found))


def _noun_taking_conjunction(prep: Token) -> bool:
    """"intent upon a settlement": the tagger calls "upon" a conjunction, but with a noun for its object it is a
    preposition."""
    return prep.pos_ == "SCONJ" and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in prep.children)


def _circumstance(prep: Token, head: Token) -> bool:
    """"With war on the horizon, X was willing to ...", "... with elections approaching": a "with" phrase set before the
    subject, or whose object has a participle of its own, says in what circumstances, not with whom or what; "for its
    part", "for their part" says whose turn it is, no argument."""
    if prep.lower_ == "for":
        return any(o.dep_ == "pobj" and o.lower_ == "part" and any(c.dep_ == "poss" for c in o.children)
                   for o in prep.children)
    if prep.lower_ != "with":
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    fronted = subject is not None and prep.i < subject.i
    return fronted or any(c.dep_ == "acl" and c.tag_ == "VBG" for o in prep.children if o.dep_ == "pobj"
                          for c in o.children if c.i > o.i)


def _for_infinitive_of(obj: Token) -> Token | None:
    """The infinitive that follows "for X" and makes X its subject: "called for X and Y to deploy ships"."""
    holder = obj.head.head
    last = max(t.i for t in obj.subtree)
    return next((c for c in holder.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)
                 and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                 and min(t.i for t in c.subtree) == last + 1), None)


def for_infinitive(verb: Token) -> bool:
    """"for X to act", whether the parser makes X the object of "for" or the subject with "for" as its marker."""
    return for_subject(verb) is not None or to_infinitive(verb) and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in verb.children)


def for_subject(verb: Token) -> Token | None:
    """The object of "for" just before an infinitive without a subject of its own."""
    if verb.dep_ not in ("advcl", "xcomp") or not to_infinitive(verb):
        return None
    first = min(t.i for t in verb.subtree)
    for prep in (c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "for"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if objects and max(t.i for t in prep.subtree) == first - 1:
            return objects[0]
    return None


def _compound_preposition(prep: Token, obj: Token, siblings: list[Token]) -> tuple[str, Token]:
    """"in exchange for X" is the preposition "in exchange for" with object X, whether the parser hangs "for X"
    under "exchange" or beside "in"; "such as" is one too, where the parser hangs "such" on "as"."""
    if obj.lemma_.lower() in PREPOSITION_NOUNS and prep.lower_ in COMPOUND_PREPOSITION_OPENERS \
            and not any(c.dep_ == "det" for c in obj.children):
        inner = next((c for c in obj.children if c.dep_ == "prep"), None)
        if inner is None:
            inner = next((p for p in siblings if p.i == obj.i + 1), None)
        target = next((c for c in inner.children if c.dep_ in ("pobj", "pcomp")), None) if inner is not None else None
        if target is not None:
            return f"{prep.lower_} {obj.lower_} {inner.lower_}", target
    if prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children):
        return "such as", obj  # "politicians such as A and B"
    return PREPOSITION_SPELLINGS.get(prep.lower_, prep.lower_), obj


def _light_verb(noun: Token, light_verbs: frozenset[str]) -> Token | None:
    """The verb whose object the noun is, when that verb only carries it ("held talks", "made an offer")."""
    head = noun.head
    if noun.dep_ == "conj":  # "expressed disappointment ... and a desire to ..."
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        # "disappointment over the talks and a desire to end them": the parser may hang a noun with a clause of its
        # own inside the first noun's phrase
        wants = any(c.dep_ == "acl" and to_infinitive(c) for c in noun.children)
        while wants and head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head
        if wants and head.pos_ == "VERB" and head.lemma_.lower() in light_verbs:
            return head  # or on the light verb itself
        noun, head = head, head.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in light_verbs:
        return head
    return None


def _adjunct_verb(noun: Token, prepositions: frozenset[str]) -> Token | None:
    """The verb an adjunct phrase with the noun modifies ("in an effort to", "with the aim of")."""
    prep = noun.head
    name = prep.lower_
    if name == "of" and prep.dep_ == "prep" and prep.head.dep_ == "prep":
        prep, name = prep.head, f"{prep.head.lower_} of"  # "out of fear that ...": the parser stacks the two words
    if noun.dep_ != "pobj" or name not in prepositions or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head if prep.dep_ == "prep" else None


def _complements(noun: Token, complement_verbs: frozenset[str], has_object: bool) -> tuple[Token, ...]:
    """"X's goal is to end the war", "their priorities include raising taxes": what the subject noun amounts to.

    A noun with an object of its own says what it is about itself: "the rejection of the treaty was a turning
    point" judges the rejection, so only a clause complement ("the aim of the talks was to ...") is its content."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in complement_verbs:
        return ()
    kept = ("xcomp", "ccomp") if has_object else ("attr", "dobj", "xcomp", "acomp")
    # "the envoy's aim was far more modest": an adjective says what the aim was like, not what it was
    return tuple(t for c in verb.children if c.dep_ in kept and not (c.dep_ == "acomp" and c.pos_ == "ADJ")
                 for t in conjuncts(c))


def infinitive_of_its_noun(clause: Token) -> bool:
    """"took steps to ease tension": an infinitive under a noun with no subject of its own says what the noun is for,
    though the parser may read it as a relative clause."""
    return clause.dep_ in ("acl", "relcl") and to_infinitive(clause) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _relative_subject_of(noun: Token) -> Token | None:
    """The verb of a relative clause whose subject is the noun itself ("the controversy that developed ...")."""
    for child in noun.children:
        if child.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in child.children):
            return child
    return None


def _after_wh_word(to: Token) -> bool:
    """"how to address X", "whether to sign": the "to" stays, or the question reads as a command."""
    before = to.doc[to.i - 1] if to.i > 0 else to
    return before.tag_ in ("WRB", "WP") or before.lower_ == "whether"


def clause_text(verb: Token, limit: int = 16, without: frozenset[str] | set[str] = frozenset(),
                before: int | None = None, after: int | None = None, drop: tuple[Token, ...] = ()) -> str:
    """The words of a clause headed by `verb` (with its coordinated verbs: "destroy or transfer X", and the relative
    clauses that say which thing it is), without "to", its marker, the adverbial clauses in it, or correlatives
    ("not only ... but also"); only those before token `before` and from token `after` on, if given, and none of
    the phrases in `drop`."""
    words = [t for t in verb.subtree if not nested_clause(t, verb, keep_relative=True)
             and t.dep_ not in ("punct", "preconj") and not (t.dep_ == "mark" and t.head == verb)
             and not (t.dep_ == "aux" and t.lower_ == "to" and t.head == verb and not _after_wh_word(t))
             and (before is None or t.i < before) and (after is None or t.i >= after)
             and not _misplaced_relative_adverb(t, verb)]
    words = [t for t in words if not (t.lower_ in ("only", "also") and t.dep_ in ("advmod", "cc"))]
    dropped = {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in without for t in c.subtree}
    dropped |= {t.i for d in drop + listed_infinitives(verb) + listed_that_clauses(verb) for t in d.subtree}
    # a clause opens at its conjunction: what the parser hangs on it before that is none of its words ("two days
    # after X signed", how long after; "On May 3, two days after X signed, Y ...", the date of the clause around it)
    opening = min((m.i for m in verb.children if m.dep_ == "mark"), default=None)
    dropped |= {t.i for c in verb.children if opening is not None and c.i < opening for t in c.subtree}
    # "... that the Soviets supported X and worried that Y": the worrying is the outer clause's
    dropped |= {t.i for c in verb.children if c.dep_ == "conj" and raised_conjunct(c) is not None for t in c.subtree}
    # "defend its neutrality, a position that X hoped to change": an apposition that comments on the clause
    dropped |= {t.i for a in verb.subtree if summing_up(a) for t in a.subtree}
    dropped |= {t.i for t in stray_subjects_within(verb)}  # the subject of the verb after the clause
    # "adopt the policy by promising that X": a phrase whose reported clause goes says nothing without it
    dropped |= {t.i for p in verb.subtree if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"
                and any(k.dep_ == "ccomp" and nested_clause(k, verb, keep_relative=True) for k in c.children)
                for t in p.subtree}
    words = [t for t in words if t.i not in dropped]
    words = [t for t in words if t.i not in _left_bare(words)]
    while words and (words[0].dep_ in ("cc", "neg") and words[0].i < verb.i and words[0].lower_ == "not"
                     and len(words) > 1 and words[1].lower_ == "only"):
        words = words[2:]
    if [w.lower_ for w in words[:2]] == ["or", "not"]:
        words = words[2:]  # "whether or not each nation should ...": the question's "or not" is no part of it
    words = cut_words(words, limit)
    while words and words[-1].dep_ in ("cc", "prep", "aux", "det"):
        words = words[:-1]  # a cut leaves no dangling "and", "of" or "the"
    # "the meeting, which both agreed to attend": a relative pronoun of a clause around this one stands for its
    # noun; one of a clause inside it ("a treaty, which had ...") was left out above
    relative = next((t for t in words if t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WDT", "WP")
                     and _relative_clause(t) in (verb, *verb.ancestors)), None)
    antecedent = _relative_clause(relative).head if relative is not None else None
    if antecedent is None:
        return text_of(words)
    # "the meeting, which both agreed to attend": they agreed to attend the meeting
    rest = [t for t in words if t != relative]
    named = phrase(antecedent)
    if relative.dep_ in ("nsubj", "nsubjpass"):
        return f"{named} {text_of(rest)}"
    return " ".join(p for p in (text_of([t for t in rest if t.i <= verb.i]), named,
                                text_of([t for t in rest if t.i > verb.i])) if p)


def _left_bare(words: list[Token]) -> set[int]:
    """"might escalate into war and let it be known that ...": a coordinated verb whose every complement went with a
    clause left out says nothing alone (one that never had any, "rise and fall", stays)."""
    kept = {t.i for t in words}
    return {c.i for c in words if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and (own := [k for k in c.children if k.dep_ not in ("cc", "punct")])
            and not any(t.i in kept for k in own for t in k.subtree)}


def _between_items(comma: Token) -> bool:
    """A comma of a list inside a clause ("under joint U.S., British, and French control"), which does not close it."""
    return any(c.dep_ == "conj" and c.i > comma.i for c in comma.head.children)


def cut_words(words: list[Token], limit: int) -> list[Token]:
    """The first ``limit`` words, with a name the cut would split whole and no "of the" or "and" left dangling."""
    kept = _whole_names(words, limit)
    while len(kept) < len(words) and kept and _dangling(kept[-1]):
        kept = kept[:-1]
    return kept


def _dangling(word: Token) -> bool:
    """The last word kept is a conjunction, or a word whose phrase the cut after it leaves out ("of the" of "the
    charter of a", "the local and state" of "the local and state level")."""
    first = word
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return word.dep_ == "cc" or first.head.i > word.i \
        or word.dep_ == "prep" and not any(c.i <= word.i for c in word.children)


def _whole_names(words: list[Token], limit: int) -> list[Token]:
    """The first `limit` words, and the rest of a name the cut would split ("advances in North Korea's programs"
    cut after "North" keeps "Korea's")."""
    kept = words[:limit]
    while len(kept) < len(words) and kept[-1].ent_iob_ in ("B", "I") and words[len(kept)].ent_iob_ == "I":
        kept.append(words[len(kept)])
    return kept


def _relative_clause(pronoun: Token) -> Token | None:
    return next((a for a in (pronoun.head, *pronoun.head.ancestors) if a.dep_ == "relcl"), None)


def _contrasting_not(word: Token) -> bool:
    """"only wars of aggression - not acts of self-defense - would be covered": the parser may hang the "not" of a
    contrasting apposition on the noun before it; it is the apposition's."""
    return word.dep_ == "neg" and word.head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "appos" and word.head.i < word.i < c.i for c in word.head.children)


def nested_clause(t: Token, root: Token, keep_relative: bool = False) -> bool:
    """Inside a clause of its own below `root` (adverbial, reported, appended, joined to an infinitive with a subject
    of its own, or a participle set off by a comma: "tariffs, imposed earlier that year, ..."), or a relative one
    unless kept."""
    if _contrasting_not(t):
        return True
    word = t
    while t != root:
        purpose = t.dep_ == "advcl" and to_infinitive(t) and not any(c.dep_ in ("nsubj", "mark") for c in t.children)
        # "let the force deploy", "made them sign": a bare infinitive with its subject completes the verb; so does a
        # participle with its subject ("would no longer consider itself bound by X", "wanted the treaty ratified")
        participle = t.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in t.children)
        bare = t.dep_ == "ccomp" and (t.tag_ == "VB" or participle) \
            and not any(c.dep_ in ("mark", "aux", "auxpass") for c in t.children)
        # "had allowed Nasser to spread his policies": so does an infinitive with "to" and a subject of its own
        bare = bare or t.dep_ == "ccomp" and to_infinitive(t) and not any(c.dep_ == "mark" for c in t.children) \
            and any(c.dep_ == "nsubj" for c in t.children)
        # "refused to retaliate and coalition forces took the offensive": a verb with a subject of its own joined to
        # an infinitive (which has none) opens a clause of its own; joined to a clause with a subject ("believed
        # that X was so and Y was not"), it says more of the same
        joined = t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and to_infinitive(t.head) \
            and (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or finite_above(t) is not None)
        # "X managed to get the bill passed, and Texas was admitted": a main clause with a subject of its own joined
        # to the sentence's main clause is a sentence of its own (what a "that" clause joins says more of it)
        joined = joined or t.dep_ == "conj" and t.head == root and root.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        # "the only way to end the raids was for Peru to sign": a "for" clause is what a bare "was" says
        predicate = t.dep_ == "advcl" and t.head.lemma_ == "be" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in t.children) \
            and not any(c.dep_ in ("attr", "acomp") for c in t.head.children)
        # "to consider how and when X should act": the question a verb takes is its object, not a clause apart;
        # "the rhetoric was what caused the rift": a "what" clause after "be" is what the subject is
        question = t.dep_ == "ccomp" and (open_question(t) or _what_it_is(t))
        if t.dep_ in ("advcl", "parataxis", "ccomp", "appos") \
                and not (purpose or bare or predicate or question or misread_clause(t)) \
                or (t.dep_ == "relcl" and not keep_relative) or joined:
            return True
        if t.dep_ in ("acl", "relcl") and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
            # up to its closing comma: what the parser hangs on it after that belongs to the clause around it
            closing = next((c.i for c in t.subtree if c.i > t.i and c.text == "," and not _between_items(c)), None)
            if closing is None or word.i < closing:
                return True
        t = t.head
    return False
