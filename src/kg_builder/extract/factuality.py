"""Factuality of a statement read off the parse: polarity, modality and attribution.

The cues are collected on the path from the trigger word up to the sentence
root, so a clause embedded under "if", "may", "should" or "X argued that"
inherits what governs it. Which cue wins follows a fixed order: a condition
("if", "until", "whether") makes the statement hypothetical whatever else
it says; a belief or hedge verb above the trigger ("Kim may have calculated
that ...") makes it hedged even when the inner clause has "would"; a
normative modal on the path makes it normative; then the modals.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from spacy.tokens import Token

from ..model import Factuality
from .clauses import ADDRESSING_PREPOSITIONS, for_infinitive, verb_predication
from .tokens import (CONTRASTING_MARKS, finite_above, indefinite, non_restrictive, none_of, ranked_infinitive,
                     particle_of, referred_to_as_known, sentence_of, set_against, that_clause, to_infinitive,
                     verb_lemmas)


@dataclass(frozen=True)
class Cues:
    """The word lists of the `factuality` section of triggers.yaml."""

    negators: frozenset[str]
    negative_implicatives: frozenset[str]
    gerund_implicatives: frozenset[str]
    preventing_verbs: frozenset[str]
    negative_nouns: frozenset[str]
    lacking_verbs: frozenset[str]
    negative_adjectives: frozenset[str]
    implicative_adjectives: frozenset[str]
    implicative_verbs: frozenset[str]
    permissive_verbs: frozenset[str]
    approximating_adverbs: frozenset[str]
    falling_short: frozenset[str]
    claim_nouns: frozenset[str]
    factive_nouns: frozenset[str]
    scaling_verbs: frozenset[str]
    negated_degree_adverbs: frozenset[str]
    negative_quantifiers: frozenset[str]
    negating_verbs: frozenset[str]
    ruling_out_verbs: frozenset[str]
    placing_prepositions: frozenset[str]
    thwarting_verbs: frozenset[str]
    averting_verbs: frozenset[str]
    realizing_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    negative_adverbs: frozenset[str]
    failure_adjectives: frozenset[str]
    restating_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    normative_modals: frozenset[str]
    normative_adjectives: frozenset[str]
    hedge_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    taking_verbs: frozenset[str]
    anticipating_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    hypothetical_marks: frozenset[str]
    condition_marks: frozenset[str]
    specified_nouns: frozenset[str]
    fated_verbs: frozenset[str]
    narrative_modals: frozenset[str]
    past_ability_modals: frozenset[str]
    past_circumstance_marks: frozenset[str]
    future_verbs: frozenset[str]
    advocating_verbs: frozenset[str]
    undertaking_verbs: frozenset[str]
    future_adjectives: frozenset[str]
    irrealis_nouns: frozenset[str]
    irrealis_modifiers: frozenset[str]
    presupposing_prepositions: frozenset[str]
    reporting_verbs: frozenset[str]
    believing_verbs: frozenset[str]
    predicting_verbs: frozenset[str]
    directing_verbs: frozenset[str]
    inverting_words: frozenset[str]
    ordering_verbs: frozenset[str]
    means_verbs: frozenset[str]
    capacity_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    obligation_nouns: frozenset[str]
    convincing_verbs: frozenset[str]
    mandative_verbs: frozenset[str]
    denying_verbs: frozenset[str]
    favoring_words: frozenset[str]

    @classmethod
    def from_triggers(cls, triggers: dict) -> "Cues":
        section = triggers["factuality"]
        return cls(**{name: frozenset(section[name]) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Reading:
    """What the cues say, before the speaker is resolved to an entity."""

    polarity: str
    modality: str
    speaker: Token | None  # subject of a reporting verb ("as Trump suggested")
    said_future: bool = False  # hypothetical only by a reported "will" ("X stated that Y would go on")

    def factuality(self, speaker_key: str | None) -> Factuality:
        return Factuality(self.polarity, self.modality, speaker_key)


def _negated(token: Token, cues: Cues) -> bool:
    """Negation on the trigger itself, or "no"/"never" on a noun trigger; "whether or not" negates nothing,
    nor does "did not ratify it until 1816" (or "until Congress acted"), which says when it was ratified."""
    if not_until(token):
        return False
    if token.dep_ == "pcomp" and token.head.lower_ in cues.negators and not not_without(token.head):
        return True  # "without extending the commitment": the extending did not happen
    if token.pos_ in ("VERB", "AUX") and set_against(token) and not any(c.dep_ == "nsubj" for c in token.children):
        return True  # "preferred to stay neutral rather than join the pact", "instead of joining it": not done
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(n.dep_ == "neg" for n in c.children)
           for c in token.children) and not any(c.lower_ == "only" for c in token.subtree):
        return True  # "could no longer stand by": it stops ("no longer only by X, but by Y": it goes on)
    if token.pos_ in ("VERB", "AUX") and _nearly(token, cues):
        return True  # "nearly signed the treaty", "almost went to war": it did not happen
    if _shares_auxiliary(token) and _negated(token.head, cues):
        return True  # "could not stand by and allow X": the bare verb has the first one's auxiliary and its "not"
    own_subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(any(d.dep_ in ("det", "preconj") and d.lower_ in cues.negators for d in c.children) for c in own_subjects):
        return True  # "neither state agreed", "no envoy came", "neither Chile nor Peru wished", "no progress was made"
    if any(_scant(s, cues) for s in own_subjects):
        return True  # "few officials backed the plan": hardly any did ("a few officials" did)
    if len(own_subjects) == 1 and own_subjects[0].lower_ in _NONE_OF and any(
            p.lower_ == "of" for p in own_subjects[0].children):
        return True  # "neither of the parties abided by it", "none of the states signed"
    if any(c.dep_ == "dobj" and any(d.dep_ == "preconj" and d.lower_ == "neither" for d in c.children)
           for c in token.children):
        return True  # "the plan satisfied neither Chile nor Peru"
    if token.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ in cues.negated_degree_adverbs
                                   and any(n.dep_ == "neg" for n in c.children) for c in token.children):
        return True  # "not yet able", "not fully ready": the adverb's "not" is the adjective's
    if any(c.dep_ == "aux" and any(n.dep_ == "neg" and not _whether_or_not(n) for n in c.children)
           for c in token.children):
        return True  # "it did not, however, establish": the parser may hang the "not" on the auxiliary
    return any((c.dep_ == "neg" and not _whether_or_not(c) and not _before_until(c))
               or (c.dep_ in ("det", "advmod") and c.lower_ in cues.negators)
               or (c.dep_ == "preconj" and c.lower_ == "neither") for c in token.children) \
        or _scant(token, cues)


_NONE_OF = frozenset(("neither", "none"))


def _nearly(verb: Token, cues: Cues) -> bool:
    """"nearly signed", "almost went to war": an act that came close did not take place; a change of amount that came
    close to a figure did, about ("almost tripled", "nearly reached $5 billion")."""
    return any(c.dep_ == "advmod" and c.lower_ in cues.approximating_adverbs for c in verb.children) \
        and verb.lemma_.lower() not in cues.scaling_verbs \
        and not any(t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for t in verb.subtree)


def _shares_auxiliary(verb: Token) -> bool:
    """A bare verb joined to one with an auxiliary, with none and no subject of its own ("would not sign and
    ratify")."""
    return verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "aux" for c in verb.head.children)


def _negated_alternative(verb: Token, cues: Cues) -> bool:
    """"did not sign or ratify the treaty", "neither signed nor ratified": a verb joined by "or" to a negated verb,
    with no subject of its own, is negated too."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    joined = [c.lower_ for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return bool(joined) and (joined[-1] == "nor" or joined[-1] == "or" and _negated(verb.head, cues))


def _takes_none(verb: Token) -> bool:
    """"harbored no illusions", "faced no organized opposition", "accepted no troops": a verb whose object is none
    of a kind did not do it. Only the verb's own reading counts so: read from the object up, the object's own "no"
    already negates it ("had no intention of joining" is negated once)."""
    return verb.pos_ in ("VERB", "AUX") and any(none_of(c) for c in verb.children)


def _scant(noun: Token, cues: Cues) -> bool:
    """"showed little support for X", "few objections": a noun said to be nearly absent is not there ("a little
    support", "a few objections" are)."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in cues.negative_quantifiers for c in noun.children) \
        and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _denied_host(preposition: Token, cues: Cues) -> bool:
    """Whether the act a "without" phrase hangs on, or an act it is part of, is denied: "should not press Israel to
    withdraw without demanding X", "could not admit to providing aid without risking war" (what goes with the act is
    not denied with it); "even without X, Y could not enter" says Y fails whatever X."""
    before = preposition.doc[preposition.i - 1] if preposition.i else preposition
    if any(c.lower_ == "even" for c in preposition.children) or before.lower_ == "even":
        return False
    node = preposition.head
    for _ in range(4):
        if _negated(node, cues):
            return True
        if node.dep_ not in ("xcomp", "pcomp", "prep") or node.head == node:
            return False
        node = node.head
    return False


def not_without(preposition: Token) -> bool:
    """"not without risk", "never without a guard": a negation right before "without" undoes it, and the risk, the
    guard were there (`_whether_or_not` lets that negation negate nothing itself)."""
    return preposition.lower_ == "without" and preposition.i > 0 \
        and preposition.doc[preposition.i - 1].lower_ in ("not", "never", "n't")


def _whether_or_not(neg: Token) -> bool:
    """"whether or not", litotes ("not without cost", "not far off") and "not to mention" negate
    nothing."""
    after = neg.doc[neg.i + 1].lower_ if neg.i + 1 < len(neg.doc) else ""
    then = neg.doc[neg.i + 2].lower_ if neg.i + 2 < len(neg.doc) else ""
    litotes = after in ("without", "far", "unlike", "least") or (after.startswith("un") and len(after) > 5) \
        or after == "to" and then in ("mention", "speak")
    return litotes or (neg.i >= 2 and neg.doc[neg.i - 1].lower_ == "or" and neg.doc[neg.i - 2].lower_ == "whether")


# the modals of what is to come ("could" and "can" tell an ability as well)
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "'d"})
# auxiliaries that, before their subject, make a clause a condition
_INVERTED = frozenset({"should", "had", "were"})


def with_particle(verb: Token) -> str:
    """"give up", "call off": a particle makes a verb of its own."""
    particle = particle_of(verb)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def negating(verb: Token, cues: Cues) -> bool:
    """"canceled the meeting", "dropped the demand": the verb says its object did not happen or was given up;
    "dropped the bomb on Nagasaki" puts its object somewhere."""
    placed = any(c.dep_ == "prep" and c.lower_ in cues.placing_prepositions and any(
        o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC") for o in c.children) for c in verb.children)
    return with_particle(verb) in cues.negating_verbs and not placed


def lacking_governor(infinitive: Token) -> Token:
    """The word that may say the means for an infinitive are lacking: "lacked the votes to ratify it" (the parser
    may hang the infinitive on the votes or on the verb), "was unable to sign"."""
    return infinitive.head.head if infinitive.dep_ == "acl" and infinitive.head.dep_ == "dobj" else infinitive.head


def _restated(clause: Token, cues: Cues) -> Token | None:
    """"would refrain from interfering in its affairs (i.e. aiding the party)": the verb a restating clause says
    again, the last one before it under the clause's head (else the head)."""
    if clause.dep_ not in ("advcl", "appos", "conj") or not any(
            c.dep_ == "advmod" and c.lower_ in cues.restating_adverbs for c in clause.children):
        return None
    head = clause.head
    before = head.doc[head.i + 1: clause.left_edge.i]
    return next((t for t in reversed(before) if t.pos_ == "VERB" and head in t.ancestors), head)


def _counterfactual(verb: Token) -> bool:
    """"should not have allowed it", "could have stopped it": a modal perfect supposes the other way from what was
    done (it was allowed; it was not stopped)."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.tag_ == "MD" for a in auxiliaries) and any(a.lower_ in ("have", "'ve") for a in auxiliaries)


def _called_a_failure(verb: Token, cues: Cues) -> bool:
    """"was unsuccessful", "proved futile"."""
    return any(c.dep_ == "acomp" and c.lower_ in cues.failure_adjectives for c in verb.children)


def _ended_in_failure(verb: Token, cues: Cues) -> bool:
    """"X attempted to build a coalition, but was unsuccessful", "tried to X but failed": a verb joined after it, of
    its subject, says the attempt failed."""
    return any(c.dep_ == "conj" and c.i > verb.i and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
               and (_called_a_failure(c, cues) or c.lemma_.lower() == "fail" and not any(
                   x.dep_ == "xcomp" for x in c.children)) for c in verb.children)


def yet_to(verb: Token) -> bool:
    """"has yet to ratify the treaty", "is yet to be signed": what has not been done so far, nothing that is due."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("have", "be") \
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.head.children)


def polarity(trigger: Token, cues: Cues) -> str:
    """Negative when the trigger, or the verb a noun trigger depends on, is negated, or sits under "failed to"."""
    negations = 1 if _takes_none(trigger) else 0
    node, own = trigger, True
    if _listed_infinitive(trigger):  # "refused to lift the tariff or to allow visits": refused the visits too
        negations += 1 if _negated(trigger, cues) or _negated_alternative(trigger, cues) else 0
        node, own = trigger.head, False
    for _ in range(3):
        if own and (_negated(node, cues) or _negated_alternative(node, cues)):
            negations += 1
        own = True
        failed = any(c.lower_ in cues.negative_adverbs for c in node.head.children) \
            or _ended_in_failure(node.head, cues)  # "tried vainly to", "tried to ..., but failed"
        governor = with_particle(node.head)
        # "stopped trading" did not trade; "stopped ships to search them" searched
        denying = governor in cues.negative_implicatives and not (
            governor in cues.gerund_implicatives and node.tag_ == "VB")
        if node.dep_ in ("xcomp", "advcl") and _did_little(node.head, cues):
            negations += 1  # "the pact did little to prevent the war", "did nothing to foster trade"
            break
        if node.dep_ == "xcomp" and (denying or failed or yet_to(node)
                                     or node.head.pos_ == "ADJ" and governor in cues.negative_adjectives):
            negations += 1 + (1 if _negated(node.head, cues) else 0)
            break
        if node.dep_ in ("ccomp", "xcomp") and node.pos_ in ("VERB", "AUX") and governor in cues.denying_verbs:
            negations += 1 + (1 if _negated(node.head, cues) else 0)  # "denied that X sought arms": not so, says he
            break
        if denied_claim(node, cues):  # "denied reports that X had sought arms": not so, says he
            negations += 1 + (1 if _negated(node.head.head, cues) else 0)
            break
        if node.dep_ == "pcomp" and f"{node.head.head.lower_} {node.head.lower_}" in cues.falling_short:
            negations += 1  # "came close to declaring war", "stopped short of recognizing X": it was not done
            break
        if node.dep_ == "pcomp" and node.head.lower_ == "from" \
                and with_particle(node.head.head) in cues.negative_implicatives | cues.preventing_verbs:
            # "refrained from providing support", "prevented Peru from signing": it did not happen
            negations += 1 + (1 if _negated(node.head.head, cues) else 0)
            break
        if node.dep_ == "xcomp" and node.head.pos_ in ("VERB", "AUX") and governor in cues.implicative_verbs:
            negations += 1 if _negated(node.head, cues) else 0  # "did not manage to sign", "did not dare to act"
            break
        if node.dep_ in ("ccomp", "xcomp") and node.pos_ in ("VERB", "AUX") and node.i > node.head.i \
                and governor in cues.permissive_verbs and not _counterfactual(node.head):
            negations += 1 if polarity(node.head, cues) == "Negative" else 0
            break
        if node.dep_ == "xcomp" and node.head.pos_ == "ADJ" and governor in cues.implicative_adjectives:
            # "not able to deliver aid", "was not willing to sign": what they govern did not happen
            adjective = node.head
            linked = adjective.dep_ == "acomp" or adjective.dep_ == "oprd" \
                and adjective.head.lemma_.lower() in cues.raising_verbs  # "did not appear ready to sign"
            negations += 1 if _negated(adjective, cues) or linked and _negated(adjective.head, cues) else 0
            break
        if node.dep_ == "acl" and node.head.pos_ == "NOUN" and governor in cues.negative_nouns:
            negations += 1  # "the failure to win support"
            break
        lacking = lacking_governor(node)
        if (node.dep_ == "acl" or node.dep_ == "advcl" and to_infinitive(node)) \
                and with_particle(lacking) in cues.lacking_verbs:
            # "lacked the votes to ratify it" (the parser may hang the infinitive on the verb)
            negations += 1 + (1 if _negated(lacking, cues) else 0)
            break
        if node.dep_ == "acl" and governor in cues.irrealis_nouns and (
                node.head.dep_ in ("dobj", "nsubjpass")
                and (negating(node.head.head, cues) or with_particle(node.head.head) in cues.thwarting_verbs)
                or node.head.dep_ == "nsubj" and (with_particle(node.head.head) in cues.negative_implicatives
                                                  or _called_a_failure(node.head.head, cues))):
            # "blocked attempts to expel X", "dropped plans to build a base", "an effort to extend it failed", "the
            # attempt to seize it was unsuccessful": it did not happen
            negations += 1 + (1 if _negated(node.head.head, cues) else 0)
            break
        if node.dep_ == "acl" and governor in cues.irrealis_nouns and _none_made(node.head, cues):
            negations += 1  # "there were no attempts to expel X", "made no effort to stop it": it did not happen
            break
        if node.dep_ in ("dobj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN") and negating(node.head, cues):
            negations += 1 + (1 if _negated(node.head, cues) else 0)  # "the meeting was canceled"
            break
        if node.dep_ in ("dobj", "nsubjpass") and node.pos_ == "NOUN" and governor in cues.averting_verbs \
                and not any(c.dep_ == "prep" and c.lower_ == "from" for c in node.head.children):
            # "the truce prevented attacks": none took place; "did not prevent attacks": they did ("prevented the
            # war from spreading": the war took place)
            negations += 1 + (1 if _negated(node.head, cues) else 0)
            break
        if node.dep_ == "pobj" and node.head.lower_ == "without":
            negations += 0 if not_without(node.head) else 1  # "without prior warning"
            break
        if node.dep_ == "pcomp" and node.head.lower_ == "without" and _denied_host(node.head, cues):
            negations += 1  # "should not sanction X without exempting aid": not one without the other
            break
        # an object or passive subject shares its verb's negation; a prepositional phrase does not
        # ("refused to include X in the negotiations": the negotiations took place), nor does the subject of an
        # act ("the summit did not produce an agreement": the summit took place), unless the verb says it occurred
        subject_of_occurrence = node.dep_ == "nsubj" and governor in cues.occurrence_verbs
        if node.dep_ == "dobj" and node.pos_ in ("NOUN", "PROPN") and governor not in cues.realizing_verbs:
            break  # "made no attempt to influence the election": the election took place
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.dep_ == "acomp":
            node = node.head.head  # "was not instrumental in promoting X": the adjective's negation is the act's
            continue
        # "was not willing": a predicative adjective shares its linking verb's negation, and "did not appear ready
        # (to sign)", "did not seem to want X": what "appear" or "seem" says, its negation
        raised = node.dep_ in ("oprd", "xcomp") and node.head.lemma_.lower() in cues.raising_verbs
        if node.dep_ not in ("dobj", "nsubjpass", "attr", "acomp") and not (subject_of_occurrence or raised) \
                or node.head == node:
            break
        node = node.head
    return "Negative" if negations % 2 else "Positive"


def denied_claim(node: Token, cues: Cues) -> bool:
    """The clause of a report or claim that the verb it is the object of denies."""
    claim = node.head
    return node.dep_ == "acl" and claim.dep_ == "dobj" and claim.lemma_.lower() in cues.claim_nouns \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children) \
        and with_particle(claim.head) in cues.denying_verbs


def _did_little(verb: Token, cues: Cues) -> bool:
    """"did little to", "did nothing to": an act said to be next to nothing toward a thing did not bring it about."""
    return verb.lemma_.lower() == "do" and any(
        c.dep_ == "dobj" and (c.lower_ in cues.negative_quantifiers or c.lower_ == "nothing") for c in verb.children)


def _none_made(noun: Token, cues: Cues) -> bool:
    """"no attempt", "few efforts", "did not make any attempt": an attempt, plan or way said not to be there."""
    return _negated(noun, cues) or noun.dep_ == "dobj" and _negated(noun.head, cues)


def kept_from(verb: Token, cues: Cues) -> bool:
    """"prevented Peru from signing", "barred X from buying Y": an act the object of a verb of preventing is kept
    from (or, the verb negated, left free to do)."""
    preventing = verb.head.head
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and preventing.lemma_.lower() in cues.preventing_verbs \
        and any(c.dep_ == "dobj" for c in preventing.children)


def _listed_infinitive(verb: Token) -> bool:
    """An infinitive joined to an infinitive complement, which its governor governs too (not the first one's own
    "not": "refused not to sign X but to allow Y")."""
    return verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.dep_ == "xcomp" and verb.head.tag_ == "VB"


def _modal_of(token: Token, cues: Cues, below: Token | None = None) -> str | None:
    """The modality a clause's auxiliaries give it; a verb of need gives it only to what it needs, its complement
    (the way up passes ``below``), not to a clause the parser hangs on it ("X failed; both needed to yield")."""
    for child in token.children:
        word = child.lower_
        if child.dep_ != "aux" and not (child.dep_ == "auxpass" and word == "need"):
            continue
        if word in cues.hedge_modals or word == "must" and _perfect(token):
            # ("they must have known": an inference about what was, no duty)
            return "Hypothetical" if _on_condition(token, cues) else "Hedged"
        if word in cues.normative_modals and child.tag_ == "MD" or word in ("should", "must", "ought"):
            return "Normative"
        if word in cues.narrative_modals and _what_came_next(token) and not _on_condition(token, cues):
            continue
        if word in cues.hypothetical_modals:
            return "Hypothetical"
    if token.lemma_.lower() in ("need", "have", "ought") \
            and any(c.dep_ == "xcomp" and below in (None, c) and not yet_to(c) for c in token.children):
        # "Chile has to sign", "ought to sign": what is due; "had to sign" in a story most often tells it was done
        return "Normative" if token.lemma_.lower() != "have" or token.tag_ in ("VBZ", "VBP") else None
    return None


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def _only_recourse(verb: Token) -> bool:
    """"X could do little but wait", "could do nothing but watch": what one could do no more than is what one
    did, whatever the modal of "do"."""
    do = verb.head
    return verb.dep_ == "conj" and do.lemma_.lower() == "do" and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in do.children if do.i < c.i < verb.i) and any(
        c.dep_ == "dobj" and c.lower_ in ("little", "nothing") for c in do.children)


def _on_condition(verb: Token, cues: Cues) -> bool:
    """"if X, Y would ...", "in the event of war, Y would ...": a clause set on a condition."""
    return any(c.dep_ == "advcl" and opened_by_any(c, cues.condition_marks)
               or c.dep_ == "prep" and any(condition_phrase(o, cues) for o in c.children) for c in verb.children)


def condition_phrase(noun: Token, cues: Cues) -> bool:
    """"in the event that ...", "in case of war", "on condition that ...": a noun of condition after "in" or "on",
    whose clause or "of" phrase is supposed, not told ("in some cases securing X", "in flagrant cases of abuse": in
    the instances that were)."""
    return noun.dep_ == "pobj" and noun.lemma_.lower() in cues.condition_nouns and noun.head.lower_ in ("in", "on") \
        and noun.tag_ == "NN" and all(c.lower_ == "the" for c in noun.children if c.dep_ in ("det", "amod")) \
        and any(c.dep_ in ("acl", "relcl") or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _what_came_next(verb: Token) -> bool:
    """"Ruiz would go on to sign the accord" after a sentence in the past tense: the future seen from the
    past that the narrative tells, not a supposition (no "would have", no condition, in the main clause)."""
    sent = verb.sent
    if verb.dep_ != "ROOT" or sent.start == 0 or any(c.lower_ in ("have", "'ve") and c.dep_ == "aux"
                                                      for c in verb.children):
        return False
    before = verb.doc[sent.start - 1].sent.root
    # a condition has a subordinator ("if", "unless"); a participle ("..., deferring payment") is no condition; "Under
    # the plan, X would inspect Y" tells what a plan provides, not what came
    return before.tag_ == "VBD" and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
                                            and not _not_until_first(c)
                                            or c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)


def _said_future(verb: Token, cues: Cues) -> bool:
    """"Nixon stated that relations would continue": in what a past reporting verb governs, "would" may be the
    speaker's "will" told in the past (no "would have", no condition, no verb of foretelling)."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if not cues.narrative_modals & set(auxiliaries) or {"have", "'ve"} & set(auxiliaries) or _conditional(verb, cues) \
            or any(c.dep_ == "advcl" and _conditional(c, cues) for c in verb.children):
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "... would continue, but would be cooler"
    reporter = clause.head
    lemma = reporter.lemma_.lower()
    return clause.dep_ == "ccomp" and reporter.pos_ == "VERB" and lemma in cues.reporting_verbs \
        and lemma not in cues.predicting_verbs \
        and "VBD" in [reporter.tag_] + [a.tag_ for a in reporter.children if a.dep_ == "aux"]


def past_ability(verb: Token, cues: Cues) -> bool:
    """"drafted terms both envoys could live with": a relative clause whose modal is the past of "can", under a verb in
    the past tense, says what its noun was able to do, and so do the infinitives it governs; so does a main clause's
    "could" in a past circumstance (``_in_past_circumstance``). Not so when the noun
    is only sought or planned (``_sought``); "investigations, which could result in tariffs" under a verb in the
    present still says what may happen, "could have" is counterfactual, and "could not live with" what failed."""
    while verb.dep_ in ("ccomp", "xcomp") and verb.tag_ == "VB":
        verb = verb.head  # "terms that could help them avoid X": what the clause of the relative verb says as well
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modals = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    negated = any(c.dep_ == "neg" for c in verb.children)
    if not modals or not all(m in cues.past_ability_modals for m in modals) or "have" in auxiliaries or negated:
        return False
    if verb.dep_ == "relcl":
        return _tense_above(verb.head) == "past" and not _sought(verb.head, cues)
    return _in_past_circumstance(verb, cues)


def _in_past_circumstance(verb: Token, cues: Cues) -> bool:
    """"While only two fleets were at sea, the balance could be kept": a clause in the past tense that sets when or
    why ("when", "while", "because") puts the "could" of its main clause in the past, what was possible then. "if"
    and "unless" set a supposition instead, and are no such marks."""
    circumstances = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in cues.past_circumstance_marks for m in c.children)]
    return any("VBD" in [c.tag_] + [a.tag_ for a in c.children if a.dep_ in ("aux", "auxpass")] for c in circumstances)


def _sought(noun: Token, cues: Cues) -> bool:
    """"proposed a league that could keep the peace", "a plan that could end the war": what a thing not yet there
    could do is hoped for, not a property it has."""
    governor = noun.head if noun.dep_ in ("dobj", "attr", "oprd") else None
    return noun.lemma_.lower() in cues.irrealis_nouns or governor is not None and any(
        lemma in cues.future_verbs for lemma in verb_lemmas(governor))


def _tense_above(token: Token) -> str | None:
    """The tense of the first finite verb above a token: "past", "present", or None when none is found."""
    node = token
    while node.head != node:
        node = node.head
        tense = _tense_of(node) if node.pos_ in ("VERB", "AUX") else None
        if tense is not None:
            return tense
    return None


def _tense_of(verb: Token) -> str | None:
    """"past", "present" (a modal too), or None (a bare form or participle with no auxiliary)."""
    tags = [verb.tag_] + [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "MD" in tags or any(t in ("VBZ", "VBP") for t in tags):
        return "present"
    return "past" if "VBD" in tags else None


def _conditional(token: Token, cues: Cues) -> bool:
    """"if ...", "until ...", and the inverted "should they decide ..." that means "if they decide"; not the "until"
    of a negated clause ("was not altered until Parliament passed the act": it passed it, where "would not lift
    them until X agreed" waits), nor one told in the past of a clause told so ("the blockade lasted until Chile
    paid": it did; "would not sign until X withdrew" waits)."""
    if token.dep_ in ("acl", "relcl") and condition_phrase(token.head, cues):
        return True  # "in the event that the debts were not repaid"
    if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks for c in token.children):
        negated = any(c.dep_ == "neg" for c in token.head.children) and _modal_of(token.head, cues) is None
        return not (_opened_by(token, "until") and token.dep_ == "advcl"
                    and (negated or _told_in_the_past(token, cues) or _not_until_first(token)))
    inverted = _inverted_auxiliary(token)
    # "not only had X taken Y", "never had they seen": inverted after a word that calls for it, no condition
    return inverted is not None and not any(t.lower_ in cues.inverting_words
                                            for t in token.doc[token.left_edge.i: inverted.i])


def _inverted_auxiliary(verb: Token) -> Token | None:
    """The "should", "had" or "were" before the subject that makes a clause a condition ("should they decide", "had
    France wanted war", "were Chile to demand it"); the parser may make it the head of the verb, with the subject."""
    holder = verb.head if verb.head.lower_ in _INVERTED and verb.head.i < verb.i else verb
    subject = next((c for c in [*verb.children, *holder.children] if c.dep_ in ("nsubj", "nsubjpass")
                    and c.i < verb.i and c.lower_ != "that"), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    own = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _INVERTED and c.i < subject.i), None)
    if own is not None:
        return own
    before = verb.doc[subject.left_edge.i - 1]
    opening = before.i == before.sent.start or verb.doc[before.i - 1].is_punct \
        or verb.doc[before.i - 1].lower_ in ("that", "and", "but")
    return before if before.lower_ in _INVERTED and opening and before.i < verb.i else None


def _told_in_the_past(clause: Token, cues: Cues) -> bool:
    """A clause in the past tense under a verb in the past tense with no modal of its own, which asks or plans
    nothing."""
    # "allowed Ukraine to export grain until Russia withdrew": an infinitive told in the tense of the verb it completes
    chain = [clause.head]
    while _tense_of(chain[-1]) is None and chain[-1].dep_ in ("xcomp", "ccomp") and chain[-1].head.pos_ == "VERB":
        chain.append(chain[-1].head)
    # "ordered the mines shut until the owners were paid": what an order or a plan waits for is still to come
    return _tense_of(clause) == _tense_of(chain[-1]) == "past" \
        and all(_modal_of(v, cues) is None and v.lemma_.lower() not in cues.future_verbs | cues.undertaking_verbs
                for v in chain)


def not_until(verb: Token) -> bool:
    """"did not ratify it until 1816", "not until Congress acted": the "not" says when it happened, not that it did
    not."""
    return any(c.dep_ == "prep" and c.lower_ == "until" or c.dep_ == "advcl" and _opened_by(c, "until")
               for c in verb.children)


def _before_until(neg: Token) -> bool:
    """The "not" of "not until", which says when a thing came, not that it did not."""
    after = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return after is not None and after.lower_ == "until"


def _not_until_first(clause: Token) -> bool:
    """"Not until the war ended did they restore ties": a clause opened by "not until", set first, tells what came
    (the war ended) and when the main clause did (they restored ties then), however the parser hangs the "not"."""
    return clause.dep_ == "advcl" and clause.i < clause.head.i and any(
        c.dep_ == "mark" and c.lower_ == "until" and c.i > 0 and c.doc[c.i - 1].lower_ == "not" for c in clause.children)


def _opened_by(clause: Token, mark: str) -> bool:
    return opened_by_any(clause, {mark})


def opened_by_any(clause: Token, marks: Collection[str]) -> bool:
    """A clause opened by one of these conjunctions ("whether", "if", "until")."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _hedged_here(token: Token, below: Token | None, cues: Cues, is_trigger: bool) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in cues.hedge_adverbs for c in token.children):
        return True
    if below is not None and below.dep_ == "dobj" and with_particle(token) in cues.ruling_out_verbs \
            and _negated(token, cues):
        return True  # "has not ruled out a strike": it may come
    lemma = token.lemma_.lower()
    if not is_trigger and _anticipated(token, below, cues):
        return False  # not a guess at what is: a look at what may come (``read`` makes it hypothetical)
    if not is_trigger and lemma in cues.hedge_verbs and token.pos_ == "VERB" and not _taken_on(token, below, cues):
        # "X believed A but Y refused B", "X feared A and let it be known that B": a verb joined to the hedge is not
        # what X believed, unless it is a "that" clause the parser joined to it ("believed that A and that B")
        if below is not None and below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") and not that_clause(below):
            return False
        # "is expected to be finished by 2031", "hoped to sign": what is looked forward to has not happened yet
        return not (lemma in cues.future_verbs and below is not None and below.dep_ == "xcomp")
    if not is_trigger and lemma in cues.convincing_verbs and below is not None and below.dep_ == "ccomp":
        return True  # "convinced that the Americans opposed talks": so the convinced saw it
    if not is_trigger and below is not None and below.dep_ in ("ccomp", "csubj") and any(
            a.lemma_.lower() in cues.hedge_adjectives for a in (token, *token.children)
            if a is token and a.pos_ == "ADJ" or a.dep_ == "acomp"):
        return True  # "it is likely that X signed", "it was doubtful that X had signed" (on the adjective)
    # "Chile is unlikely to sign the treaty", "doubtful to attend": the infinitive of an adjective of likelihood
    hedging = lemma in cues.hedge_adjectives and token.pos_ == "ADJ" and below is not None and below.dep_ == "xcomp"
    return (lemma == "likely" or hedging) and not is_trigger


def _taken_on(verb: Token, below: Token | None, cues: Cues) -> bool:
    """"would assume governing responsibilities", "assumed power": what such a verb takes on is no clause it guesses
    at (the parser may read a gerund before the object as the verb's complement)."""
    return verb.lemma_.lower() in cues.taking_verbs and below is not None and (
        below.dep_ in ("dobj", "nsubjpass") or below.dep_ == "xcomp" and below.tag_ == "VBG")


def _anticipated(node: Token, below: Token | None, cues: Cues) -> bool:
    """"feared that the Soviets might seek a separate peace", "fears arose that ... might": a "that" clause with
    "would", "might" or "could", feared, hoped or expected (or told as the content of such a noun, the parser hanging
    it on the noun's verb), says what may come."""
    if below is None or below.dep_ != "ccomp" or _modal_of(below, cues) not in ("Hedged", "Hypothetical"):
        return False
    lemmas = verb_lemmas(node) if node.pos_ == "VERB" else []
    if any(lemma in cues.anticipating_verbs for lemma in lemmas):
        return True
    # "believed that the treaty would hold": what one thinks will or would come is a supposition of its own, where
    # "believed that X might", "that X could" (was able to) or "that X had" only hedges
    foretold = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in below.children)
    if foretold and any(lemma in cues.hedge_verbs for lemma in lemmas):
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in cues.irrealis_nouns for c in node.children)


def read(trigger: Token, cues: Cues) -> Reading:
    """Cues from the trigger up to the root. An adverbial or relative clause ("While X were ...", "nations
    that lay ...") keeps its own modality: above it, only a reporting verb still counts."""
    restated = _restated(trigger, cues)
    if restated is not None:
        return read(restated, cues)
    conditional = normative = said_future = False
    # "Neither side appears to have exceeded the limits": the clause of "appear" is itself a guess
    hedged = _asked_yes_or_no(trigger) or trigger.lemma_.lower() in cues.raising_verbs \
        and any(c.dep_ == "xcomp" for c in trigger.children)
    # "the planned summit", "a possible deal": the noun's own modifier says it has not happened
    future = trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in cues.irrealis_modifiers for c in trigger.children)
    modal: str | None = None
    speaker = None
    node, is_trigger, bounded, aside = trigger, True, False, False
    below: Token | None = None  # the node's child on the way up from the trigger
    while True:
        if below is not None and _narrative_break(below, cues):
            aside = bounded = True  # what the story goes on to tell after a report is no part of it
        speaker = speaker or (None if aside else _reporter(node, below, trigger, cues, beliefs=not bounded))
        if bounded:
            if node.head == node:
                break
            node, below = node.head, node
            continue
        conditional |= _conditional(node, cues)
        here = None if below is not None and (_only_recourse(below) or _tensed_conjunct(below)) \
            else _modal_of(node, cues, below)
        said_future = said_future or modal is None and here == "Hypothetical" and _said_future(node, cues)
        # "would likely have led": a modal of the clause itself outweighs a hedging adverb beside it
        hedged |= _hedged_here(node, below, cues, is_trigger) and not (modal is None and here == "Hypothetical")
        hedged |= not is_trigger and here == "Hedged"  # "may have thought that X would": the thought itself a guess
        normative |= here == "Normative" or node.head != node and _judged_needed(node.head, node, cues)
        modal = modal or (here if here != "Normative" else None)
        # "demanded Chile's withdrawal", "proposed a summit": a named event a verb of wanting takes as its object
        # (not an order's: "ordered an attack on X" tells of one the narrative goes on to as carried out)
        # "called for an invasion of Cuba", "prepared for an attack": a "for" phrase of such a verb as well
        wanted_thing = is_trigger and node is not trigger and trigger.pos_ == "NOUN" and node.pos_ == "VERB" \
            and (below is trigger and trigger.dep_ == "dobj" or _sought_for(trigger, below)
                 or _pressed_for(trigger, below, node, cues)) \
            and node.lemma_.lower() not in cues.ordering_verbs \
            and not any(c.dep_ == "prt" for c in node.children)  # "called off the summit": no call for it
        if not is_trigger or wanted_thing:  # a verb that is itself joined to another still governs its complement
            # the small model lemmatises "hoped" as "hop": the inflected form's other readings count too
            lemmas = verb_lemmas(node) if node.pos_ == "VERB" else [node.lemma_.lower()]
            # "feared an invasion", "expected an attack": one brought in as new has not come yet
            future |= wanted_thing and below is trigger and indefinite(trigger) \
                and any(lemma in cues.anticipating_verbs for lemma in lemmas)
            future |= wanted_thing and (any(lemma in cues.advocating_verbs for lemma in lemmas)
                                        or _pressed_for(trigger, below, node, cues))
            future |= any(lemma in cues.future_verbs for lemma in lemmas) and _complement(below)
            future |= any(lemma in cues.undertaking_verbs for lemma in lemmas) and _complement(below) \
                and below.dep_ != "ccomp"
            future |= _told_to(node, below, lemmas, cues)
            future |= node.pos_ == "ADJ" and node.lemma_.lower() in cues.future_adjectives \
                and below.dep_ == "xcomp"  # "willing to sign": not signed yet
        future |= subjunctive(node, cues) or not is_trigger and (_anticipated(node, below, cues)
                                                                  or _due(node, below, cues))
        future |= _so_that(node)  # "divided the classes so that heavy cruisers did not exceed 10,000 tons"
        future |= _argued_act(trigger, node, below, cues)
        # "troops poised for an invasion of Taiwan", "ready for war": what one stands ready for has not come yet
        future |= _sought_for(trigger, below) and node.lower_ in cues.future_adjectives
        # "did not prevent X from seeking Y": X might seek it ("prevented X from signing": X did not sign)
        future |= kept_from(node, cues) and _negated(node.head.head, cues)
        # "agreed on inspections to ensure that no tests were held", "sent money to enable Bolivia to rebuild the
        # port": the state of affairs a purpose clause aims at is not asserted (its own act, "to help X", is read as
        # the doer's stance and keeps its modality)
        future |= not is_trigger and purpose_clause(node, cues) and below.dep_ in ("ccomp", "xcomp")
        # "agreed not to use the crisis to press new claims": what an act left undone was to serve is not
        # pursued
        future |= purpose_clause(node, cues) and any(c.dep_ == "neg" for c in node.head.children)
        # "sent troops to prevent an invasion of Kuwait": what an act was meant to avert is told neither averted nor
        # come ("the treaty prevented attacks" tells that none came)
        future |= below is trigger and trigger.dep_ == "dobj" and node.lemma_.lower() in cues.averting_verbs \
            and purpose_clause(node, cues)
        # "the threat of a German attack", "fear of war", "talks on reunification": what such a noun is of or about
        # has not happened
        future |= below is not None and below.dep_ == "prep" and below.lower_ in ("of", "for", "on") \
            and node.pos_ == "NOUN" and node.lemma_.lower() in cues.irrealis_nouns  # "plans for a strike on X"
        future |= below is not None and below.dep_ == "prep" and condition_phrase(node, cues)  # "in case of war"
        if not is_trigger and (node.dep_ != "conj" or below.dep_ == "acl"):
            # "regret over X and a wish to end it": the clause of a coordinated wish is wished for too
            future |= node.pos_ == "NOUN" and _supposing_noun(node, below, cues)
        if node.head == node:
            break
        # "reports that Peru had bombed Arica", "claims that it had invaded": what such a noun says is only said
        hedged |= node.dep_ == "acl" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in cues.claim_nouns \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
        # "a plan to end the war", "the only way to convince X": an infinitive on such a noun is what it supposes
        infinitival = node.dep_ == "acl" or node.dep_ == "relcl" and _purpose(node)
        bounded = node.dep_ in ("advcl", "relcl", "acl") and not (infinitival and node.head.pos_ == "NOUN"
                                                                  and _supposing_noun(node.head, node, cues))
        bounded = bounded and not for_infinitive(node)  # "called for X to act": a complement, not an adverbial
        # "would withdraw if Syria met its needs, paving the way for talks": what a condition brings about, told after
        # it, is only supposed too
        bounded = bounded and not (_result_participle(node) and opened_by_any(node.head, ("if", "unless")))
        # "suggested that Bush travel to Beijing to meet officials": the purpose of an act only proposed is too, and
        # the purpose of an infinitive is what the infinitive is ("pledged to act to meet an attack")
        # "Chile would lend Peru money to help rebuild the port": the purpose of a supposed act is supposed too
        bounded = bounded and not (node.dep_ == "advcl" and _purpose(node)
                                   and (subjunctive(node.head, cues) or to_infinitive(node.head)
                                        or _modal_of(node.head, cues) == "Hypothetical"))
        # "to keep trading after the Chilean decision to cut ties": a known thing after such a preposition
        # was so whatever the clause around it supposes
        bounded = bounded or _presupposed_after_preposition(node, cues)
        # "found it difficult to give support": the parser makes the adjective's infinitive an adverbial clause
        future |= node.dep_ == "advcl" and node.head.pos_ == "ADJ" and node.head.lemma_.lower() in \
            cues.future_adjectives and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        aside = aside or non_restrictive(node)  # the writer's aside, not part of what X said
        is_trigger = is_trigger and node.dep_ in ("conj", "dobj", "pobj", "prep", "compound", "amod", "nsubjpass", "nsubj", "appos")
        node, below = finite_above(node) or node.head, node
    said_future = said_future and not (conditional or hedged or normative or future)
    return Reading(polarity(trigger, cues), _modality(conditional, hedged, normative, future, modal), speaker,
                   said_future)


def _argued_act(trigger: Token, node: Token, below: Token | None, cues: Cues) -> bool:
    """"opposed joining the league", "the opposition to joining it": an act in -ing that its governor is for or
    against ("stirred up resistance to joining it": the parser may hang the phrase on the verb of the noun)."""
    if trigger.tag_ != "VBG" or below is None:
        return False
    lemmas = verb_lemmas(node) if node.pos_ == "VERB" else [node.lemma_.lower()]
    if below is trigger:
        return trigger.dep_ in ("dobj", "xcomp") and any(lemma in cues.favoring_words for lemma in lemmas)
    if below.dep_ != "prep" or below.lower_ not in ("to", "for", "against") or trigger.head != below \
            or trigger.dep_ != "pcomp":
        return False  # "lent support by hosting the talks" hosted them
    nouns = [node] if node.pos_ == "NOUN" else [c for c in node.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return any(n.lemma_.lower() in cues.favoring_words for n in nouns) \
        or node.pos_ == "VERB" and any(f"{lemma} {below.lower_}" in cues.favoring_words for lemma in lemmas)


def _result_participle(clause: Token) -> bool:
    """", paving the way for X": a present participle after its clause and a comma, with no subject or conjunction of
    its own."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > clause.head.i \
        and clause.doc[clause.left_edge.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "advmod") and c.i < clause.i for c in clause.children)


def _asked_yes_or_no(trigger: Token) -> bool:
    """"Was the summit a failure?", "was the Soviet Union planning a full takeover?": what a question asks is not
    told; "Why did Peru attack Chile?" presupposes the attack (a question word before the subject)."""
    sent = sentence_of(trigger)
    if "?" not in [t.text for t in sent[-3:]]:
        return False
    for node in (trigger, *trigger.ancestors):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None:
            continue
        # "was the Soviet Union planning ...", "Did Peru attack ...": the parser may make the auxiliary the head
        fronted = (node.pos_ == "AUX" or node.lemma_ in ("be", "do", "have")) and node.i < subject.i or any(
            c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in node.children) \
            or node.dep_ == "ccomp" and node.head.pos_ == "AUX" and node.head.i < subject.i
        return fronted and not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in sent
                                   if node.left_edge.i <= t.i < subject.i)
    return False


def _sought_for(trigger: Token, below: Token | None) -> bool:
    """The trigger is the object of a "for" phrase that is ``below``, a preposition of the verb above it."""
    return below is not None and below.dep_ == "prep" and below.lower_ == "for" and trigger.head == below \
        and trigger.dep_ == "pobj"


def _pressed_for(trigger: Token, below: Token | None, verb: Token, cues: Cues) -> bool:
    """"insisted on the withdrawal of X": the object of a phrasal verb of advocating is wanted, not yet come (the
    verb alone may report: "insisted that X had withdrawn")."""
    return below is not None and below.dep_ == "prep" and trigger.head == below and trigger.dep_ == "pobj" \
        and any(f"{lemma} {below.lower_}" in cues.advocating_verbs for lemma in verb_lemmas(verb))


def _so_that(clause: Token) -> bool:
    """A clause of purpose opened by "so that" or "in order that": what it aims at, in whatever tense."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "advcl" and "that" in marks and bool(marks & {"so", "order"})


def _tensed_conjunct(verb: Token) -> bool:
    """"a war might soon erupt and Congress took action": a verb joined to another with a subject and a tense of its
    own does not share the other's modal."""
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _narrative_break(verb: Token, cues: Cues) -> bool:
    """A clause before a semicolon says what it says on its own. "argued that the United States should abrogate it,
    and in 1881 Blaine proposed revising it": a clause in the past tense with a subject of its own that the parser
    joined to a clause of what should or would be goes on with the story, outside the report (a clause so joined in
    the same tense may be part of it). Nor is a clause of another subject set against it after a comma ("insisted
    that the talks go on, while Peru refused to sign")."""
    head = verb.head
    if verb.i < head.i and any(c.text == ";" and verb.i < c.i < head.i for c in head.children):
        return True  # "a solution requires X; without it, Y is unlikely": the parser hangs the first on the second
    if verb.dep_ == "advcl" and verb.i > head.i and _subject(verb) is not None \
            and opened_by_any(verb, CONTRASTING_MARKS) and verb.doc[verb.left_edge.i - 1].text == ",":
        return True
    if verb.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in cues.factive_nouns:
        return True  # "accuse him of X despite the fact that the Soviets made concessions": the writer's own
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and head.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _due(node: Token, below: Token, cues: Cues) -> bool:
    """"The council was to meet each year", "the aim was to sign": what "be" with a "to" infinitive says was arranged
    or meant (see the triggers' ``specified_nouns``); not "it was possible to say", "was right to", "was unsure how
    to"."""
    if node.lemma_.lower() != "be" or below.dep_ != "xcomp" or below.i < node.i \
            or below.lemma_.lower() in cues.fated_verbs or yet_to(below):
        return False
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ == "it":
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    # "one of the aims of the pact was to ...": the noun of a part's "of" phrase
    nouns = {subject.lemma_.lower(), *(o.lemma_.lower() for c in subject.children if c.dep_ == "prep"
                                        and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")}
    # "his aim was to sign a treaty", "his aim was bolder: to sign a treaty": what an aim or a plan is has not
    # happened either; of another subject, an infinitive beside an adjective may be the adjective's ("was able to")
    judged = any(c.dep_ in ("acomp", "attr") for c in node.children)
    return infinitive and bool(nouns & cues.irrealis_nouns or not judged and not nouns & cues.specified_nouns)


def _judged_needed(node: Token, below: Token, cues: Cues) -> bool:
    """"it was necessary for Chile to sign", "considered it vital to sign", "it is essential that Peru withdraw": a
    clause an adjective of need is said of, beside it or under it, is what ought to be, not what was ("it was vital
    that Peru had signed" tells what was)."""
    clause = below.dep_ in ("advcl", "xcomp", "ccomp", "csubj") and any(
        c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "mark" and c.lower_ == "that" and below.tag_ == "VB"
        for c in below.children)
    # said of the clause, not of a noun ("the roads necessary to move troops" tells no need of moving them)
    judged = [node] * (node.dep_ in ("ROOT", "acomp", "ccomp", "xcomp", "oprd")) + [
        c for c in node.children if c.dep_ == "acomp"]
    return clause and any(a.pos_ == "ADJ" and a.lemma_.lower() in cues.normative_adjectives for a in judged)


def _modality(conditional: bool, hedged: bool, normative: bool, future: bool, modal: str | None) -> str:
    if conditional:
        return "Hypothetical"
    if hedged:
        return "Hedged"
    if normative:
        return "Normative"
    if future:
        return "Hypothetical"
    return modal or "Asserted"


def subjunctive(verb: Token, cues: Cues) -> bool:
    """"suggested that the two powers send troops", "insisted that Chile be paid": a "that" clause in the bare form,
    with a subject of its own and no tense, is what is asked for, not what was done ("helped X achieve Y" and
    "watched X sweep down" have no "that": what they tell took place)."""
    own_subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ not in ("ccomp", "acl") or not that_clause(verb) or not own_subject:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        # "insisted that Chile agree": the tagger may call the bare form a present (or a noun: "suggested that the
        # powers form a pact"), which a singular noun subject (no "I" or "you") rules out, and so does a past verb of
        # asking ("suggested that the nations issue")
        singular = own_subject[0].tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in own_subject[0].children)
        asked = verb.head.tag_ == "VBD" and verb.head.lemma_.lower() in cues.mandative_verbs
        return verb.tag_ == "VB" or verb.tag_ in ("VBP", "NN") and (singular or asked)
    return len(auxiliaries) == 1 and auxiliaries[0].lower_ == "be" and auxiliaries[0].dep_ == "auxpass"


def _told_to(verb: Token, below: Token, lemmas: list[str], cues: Cues) -> bool:
    """"warned the nation to avoid alliances", "told Chile to withdraw": the addressee is told to do it, which is not
    done yet (where "was told to leave" tells of an order given, and "warned that X" of what may come)."""
    return below.dep_ == "xcomp" and any(lemma in cues.directing_verbs for lemma in lemmas) \
        and any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ADDRESSING_PREPOSITIONS and c.i > verb.i
               for c in verb.children) \
        and not any(c.dep_ == "auxpass" for c in verb.children)


def _complement(child: Token) -> bool:
    """The way up from the trigger enters a future verb through what it governs ("plans to test"). A clause before
    the verb is none of it ("X were wary, others wished to avoid Y": the parser hangs the first on "wished")."""
    if child.dep_ == "ccomp" and child.i < child.head.i:
        return False
    return child.dep_ in ("xcomp", "ccomp", "dobj", "prep") or for_infinitive(child)


def _presupposed_after_preposition(noun: Token, cues: Cues) -> bool:
    """"after the Chilean decision", "following Peru's refusal": a thing named as known (not a hope or a plan, whose
    content is still to come: "would enter the conflict in the hope of winning back X")."""
    return noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") \
        and noun.head.lower_ in cues.presupposing_prepositions and noun.lemma_.lower() not in cues.irrealis_nouns \
        and referred_to_as_known(noun)


def _supposing_noun(noun: Token, clause: Token, cues: Cues) -> bool:
    """"a plan to end the war", "the strength to attack", "the duty to defend": a noun whose clause is planned, feared,
    able, entitled or bound to be done, not done (of those that tell ability, right or duty, only a "to" infinitive:
    "the authority granted to it" was granted)."""
    lemma = noun.lemma_.lower()
    return lemma in cues.irrealis_nouns or (lemma in cues.capacity_nouns or lemma in cues.obligation_nouns) \
        and to_infinitive(clause)


def purpose_clause(clause: Token, cues: Cues) -> bool:
    """An adverbial infinitive of purpose, or one the parser makes the complement of a verb of means ("used force
    to compel X to accept")."""
    return (clause.dep_ == "advcl" or clause.dep_ == "xcomp" and clause.head.lemma_.lower() in cues.means_verbs
            and any(c.dep_ == "dobj" for c in clause.head.children) or _in_order_to(clause)) and _purpose(clause)


def _in_order_to(clause: Token) -> bool:
    """"in order to prevent X": the parser hangs the infinitive on "order" as a noun's."""
    return clause.dep_ == "acl" and clause.head.lower_ == "order" and clause.head.head.lower_ == "in"


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose: "to" and no subject of its own ("sent ships to ensure X", "in order to")."""
    return clause.pos_ == "VERB" and to_infinitive(clause) and not ranked_infinitive(clause) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)



def _reporter(node: Token, below: Token | None, trigger: Token, cues: Cues, beliefs: bool) -> Token | None:
    """The subject of a reporting verb that governs the trigger, or of "as X suggested" attached to it; with
    ``beliefs``, of a verb of belief too (not above a relative clause: "doubted its ability to repay the loans it had
    floated" doubts no loans). A verb coordinated with a reporting verb ("X announced A, and Congress approved it") is
    not reported by it, nor is an adverbial clause or phrase set before it ("Backed by Y, X insisted that ...", "In an
    attempt to win Y over, X informed Y that ...": the writer tells of the backing and the attempt)."""
    for child in node.children:
        if child.dep_ == "advcl" and any(m.lower_ == "as" for m in child.children if m.dep_ == "mark") \
                and child.lemma_.lower() in cues.reporting_verbs:
            return _subject(child)
        if child.dep_ == "prep" and child.lower_ == "according":
            return next((p for c in child.children for p in c.children if p.dep_ == "pobj"), None)
    lemma = node.lemma_.lower()
    saying = lemma in cues.reporting_verbs or beliefs and lemma in cues.believing_verbs
    if node != trigger and saying and node.pos_ == "VERB" \
            and not (below is not None and below.dep_ == "conj" and below.pos_ in ("VERB", "AUX")) \
            and not (below is not None and below.dep_ in ("advcl", "prep") and below.i < node.i) \
            and not (below is not None and _after_semicolon(node, below)):
        # "..., interpreting X's insistence as a ruse to spy": a participle's speaker is its clause's subject
        return _subject(node) or next(iter(verb_predication(node).agents), None)
    return None


def _after_semicolon(verb: Token, clause: Token) -> bool:
    """"X declared himself president; fifty states recognized him": a clause set after a semicolon is the writer's
    own next statement, not a part of what the verb before it reports."""
    return clause.dep_ == "parataxis" and clause.i > verb.i \
        and any(t.text == ";" for t in verb.doc[verb.i + 1: clause.left_edge.i + 1])


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
