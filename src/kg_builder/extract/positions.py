"""Policy positions (who supports, opposes, demands, offers or rejects what) and disagreements.

Stances come from the verbs of `positions.verbs` applied to the parse: the
subject holds the stance, the object (or the object of the verb's
preposition, "object to X") is the issue, one position per coordinated item.
A negated stance flips ("should not accept" opposes). Verbs of giving say who
offers what and who wants it ("repay them with X in exchange for Y"); a
possessed policy ("his maximum pressure policy") is supported by its owner;
"X argue that Y is a threat" opposes Y on X's word.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import combinations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span as SentSpan, Token

from ..lexicon import slug
from ..model import ASSERTED, Disagreement, Factuality, Position
from .clauses import (Predication, clause_text, cut_words, hyphened_before, infinitive_of_its_noun,
                      listed_infinitives, listed_that_clauses, noun_predication, open_question, verb_predication)
from .context import Context
from .factuality import (Cues, denied_claim, kept_from, lacking_governor, opened_by_any, purpose_clause, subjunctive,
                         with_particle, yet_to)
from .framing import FrameMatch, matches
from .tokens import (PLACE_TYPES, agents, conjuncts, head_forms, list_from, name_given, non_restrictive, none_of,
                     objects, particle_of, phrase, prep_objects, referred_to_as_known, sentence_of, side_prefix,
                     spelled_out, split_list, strip_determiners, subjects, summing_up, text_of, that_clause,
                     to_infinitive, verb_lemmas)


# what follows a phrase's last inner determiner, preposition or conjunction is the fullest part of it a bare noun can
# stand for: "the patrols" after "an end to naval patrols" are the naval patrols, not their end; "privileges" after
# "rights and privileges" are only the privileges
INNER_FUNCTION_WORD = re.compile(r"\s(?:the|a|an|its|their|his|her|this|that|of|for|on|in|against|with|to|from|by|over"
                                 r"|between|among|about|under|into|and|or)(?=\s)", re.IGNORECASE)


def issue_key(ctx: Context, text: str) -> str:
    """The Issue an issue phrase names: a scheme concept when one of its labels is the phrase, else a new one."""
    low = text.lower().strip()
    # "the patrols" after "border patrols": the fuller phrase already seen (a name is itself: "Juárez" after
    # "support for Juárez" is no kind of support)
    fuller = _fuller_issue(ctx, low) if " " not in low and not text.strip()[:1].isupper() else None
    if fuller:
        return issue_key(ctx, fuller)
    entry = ctx.lexicon.named(low, "Issue")
    if entry:
        return ctx.registry.add(entry.key, "Issue", entry.label, text)
    return ctx.registry.add(f"issue/{slug(text)}", "Issue", text)


def _fuller_issue(ctx: Context, noun: str) -> str | None:
    """The last issue seen whose phrase ends in this one noun ("border patrols" for "patrols", "the Scott Act" for
    "act"); "end the blockade", "abolishing serfdom" are acts against the thing, not kinds of it."""
    issues = (e.label for e in ctx.registry.entities.values() if e.kind == "Issue")
    earlier = [tail for tail in map(_named_tail, issues)
               if tail.lower().endswith(" " + noun) and not _ending_act(ctx, tail)]
    return earlier[-1] if earlier else None


def _named_tail(label: str) -> str:
    """What a bare noun after ``label`` may stand for (see INNER_FUNCTION_WORD); a name inside a longer phrase is
    not taken ("the treaty" after "extension of the Five Power Treaty" may be another treaty)."""
    tail = INNER_FUNCTION_WORD.split(label)[-1].strip()
    return tail if tail == label or tail[:1].islower() else ""


def _issue_text(ctx: Context, token: Token, chained: bool = False) -> str:
    """A pronoun object ("abandoned it") stands for the nearest subject noun before it that names a thing, else the
    nearest such object ("X announced the doctrine, and Congress approved it"), in its own sentence first ("... the
    treaty. Some backed the tariff, while others opposed it": the tariff); one that goes on from an "it" object of
    the sentences before stands for what that one does ("Cubans resented the amendment, and the convention rejected
    it. Delegates accepted it only later": the amendment). Other pronouns ("them", "him") name no issue."""
    if token.pos_ == "PRON" and token.lower_ not in ("it", "this", "that"):
        return ""
    if token.lower_ not in ("it", "this", "that"):
        return phrase(token)
    shared = _object_of_joined_verb(ctx, token)
    if shared is not None:
        return _agreement_name(ctx, shared) or phrase(shared)
    own = sentence_of(token).start
    for before in (token.doc[own: token.i], token.doc[max(own - 40, 0): own]):
        if before.start < own and _after_an_actor_subject(ctx, token):
            return ""  # nothing named in its own sentence, and the subject before it an actor: it is that actor
        earlier = next((t for t in reversed(before) if t.lower_ == "it" and t.dep_ == "dobj"), None) \
            if before.start < own and not chained else None
        if earlier is not None and (text := _issue_text(ctx, earlier, chained=True)):
            return text
        # "it" is one thing ("made frontier areas attractive; it was popular": not the areas)
        things = [t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN") and not ctx.registry.actors(t)
                  and not (token.lower_ == "it" and t.tag_ in ("NNS", "NNPS")) and t not in _subject_beside(token)]
        # an agreement named on the way counts as a subject does ("in favor of the treaty, it was unpopular")
        found = [t for t in things if t.dep_ in ("nsubj", "nsubjpass") or t.i in ctx.agreement_at] \
            or [t for t in things if t.dep_ == "dobj"]
        if found:
            return _agreement_name(ctx, found[0]) or phrase(found[0])
    return ""


def _subject_beside(pronoun: Token) -> set[Token]:
    """The words of the subject of the pronoun's own verb, which the pronoun never stands for ("hoped that the
    mediation would prevent it": not the mediation; that would be "itself")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and pronoun.dep_ in ("dobj", "pobj")
            for t in c.subtree}


def _object_of_joined_verb(ctx: Context, pronoun: Token) -> Token | None:
    """"rejected the ruling and continues to reject it", "signed the pact but never ratified it": the object of a
    verb joined to one with a thing for its object is that thing."""
    if pronoun.dep_ != "dobj":
        return None
    verb = pronoun.head
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head
    if verb.dep_ != "conj":
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                 and not ctx.registry.actors(c)), None)


def _agreement_name(ctx: Context, token: Token) -> str | None:
    """"The U.S. Senate approved the treaty": the name of the accord the text named that a bare mention refers to, or
    that ends or opens a mention with a clause after it ("the so-called Rogers Plan, which called for ..."); a mention
    that says more than its name ("the Removal Act of 1830", "the treaty proposed by X") keeps its words."""
    key = ctx.agreement_at.get(token.i)
    label = next((a.label for a in ctx.agreements if a.key == key), "") if key is not None else ""
    if not label[:1].isupper():
        return None
    said = phrase(token).lower().replace("\u201c", "").replace("\u201d", "")
    if said.endswith(label.lower()) or label.lower().startswith(said) and " " in said:
        said = label.lower()  # "the so-called Rogers Plan", "the Albany Plan" of the Albany Plan of Union
    bare = said == token.lower_ and all(c.dep_ in ("det", "punct") and c.lower_ not in ("a", "an")
                                        for c in token.children)
    return label if bare or said == label.lower() else None


def _after_an_actor_subject(ctx: Context, pronoun: Token) -> bool:
    """"Since the PLO backed Iraq, it had alienated Egypt": "it" as a subject after a subject of the same sentence that
    names an actor stands for that actor, not for a thing named in an earlier sentence."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    sentence = sentence_of(pronoun)
    subjects_before = [t for t in sentence[: pronoun.i - sentence.start] if t.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects_before) and bool(ctx.registry.actors(subjects_before[-1]))


def _add(ctx: Context, holder: str, stance: str, issue_text: str, fact: Factuality, sent: SentSpan, rule: str,
         confidence: float) -> None:
    issue_text = strip_determiners(issue_text.strip(" ,.;:()"))
    if not issue_text or not holder or issue_text.lower() == ctx.registry.entities[holder].label.lower():
        return  # nobody takes a stance on themselves
    if _points_back(issue_text):
        return  # "to prevent this", "wanted to stop it": what it stands for is not said here
    if not any(c.isalpha() for c in issue_text):
        return  # "voted 43 to 26 in favor of the treaty": a count, no issue
    issue = _proposed_before(ctx, issue_text, sent) or issue_key(ctx, issue_text)
    key = ctx.fact_key("position", holder, stance, issue, sent.start_char)
    if any(p.key == key for p in ctx.positions):
        return
    ctx.positions.append(Position(key, holder, stance, issue, ctx.evidence(sent, rule, confidence), fact))


def _points_back(issue_text: str) -> bool:
    """An act whose only object is a pronoun: "avoid this", "join it", "do so"."""
    words = issue_text.lower().split()
    return len(words) == 2 and words[1] in ("it", "this", "that", "so", "them")


def _proposed_before(ctx: Context, text: str, sent: SentSpan) -> str | None:
    """"Peru proposed a ban on X ... the delegates approved the resolution": a bare noun for a proposal is the issue
    last offered or proposed, in this sentence or the one before."""
    if text.lower() not in ctx.triggers["positions"]["proposal_nouns"]:
        return None
    # "passed a resolution denying X": a proposal brought in anew, or said here what it is, is no earlier one
    if not any(t.lower_ == text.lower() and _bare_definite(t) for t in sent):
        return None
    start = sentence_of(sent.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
    offered = [p.issue for p in ctx.positions if p.stance == "Offers" and p.evidence.span.begin >= start]
    return offered[-1] if offered else None


def _bare_definite(noun: Token) -> bool:
    """"the resolution", "this proposal", "his offer": a noun referring back, with nothing of its own that says
    which."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
               or c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children) \
        and not any(c.dep_ in ("acl", "relcl", "prep", "amod", "compound") for c in noun.children)


def _holders(ctx: Context, verb: Token) -> list[str]:
    """The subject (of a participle too: "X made a broadcast, announcing ..."), or the "by" phrase of a passive ("a
    ban was proposed by Ireland")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return _actors(ctx, agents(verb))
    return _actors(ctx, subjects(verb) or list(verb_predication(verb, ctx.frames.object_control).agents),
                   coordinated=not _defining_clause(verb))


def _defining_clause(verb: Token) -> bool:
    """"troops and rebels who sought X": a relative clause with no comma before it is about the one noun it
    follows, not about the others listed with it."""
    return verb.dep_ == "relcl" and not non_restrictive(verb)


def _actors(ctx: Context, heads: list[Token], coordinated: bool = True) -> list[str]:
    out: list[str] = []
    for head in heads:
        out += [k for k in ctx.registry.actors(head, coordinated) if k not in out]
    return out


def _construed(ctx: Context, noun: Token) -> bool:
    """"Chile understood the move to mean the end of X": a stance noun taken for something by the subject, which the
    infinitive after it says, is neither the subject's nor about that."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in ctx.triggers["positions"]["construing_verbs"] \
        and any(c.dep_ == "acl" and c.i > noun.i and to_infinitive(c) for c in noun.children)


def _not_yet_taken(verb: Token) -> bool:
    """A negated stance verb in the present perfect or with "yet" ("has not agreed", "neither has endorsed", "had not
    yet accepted", "has yet to agree"), where "has never backed X" tells a lasting stance."""
    if yet_to(verb) or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children):
        return True
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                         for c in verb.children)
    return perfect and not any(c.lower_ == "never" for c in verb.children)


def _asked(ctx: Context, match: FrameMatch) -> bool:
    pred = match.predication
    name = " ".join(w for w in (pred.lemma, match.preposition or pred.particle) if w)
    section = ctx.triggers["positions"]
    return pred.category == "verb" and (name in section["asking_verbs"] or name in section["effort_verbs"])


def _unable(ctx: Context, verb: Token) -> bool:
    """An infinitive of what one lacks the means to do ("lacked the votes to ratify it") or is unable to do."""
    return verb.dep_ in ("acl", "xcomp", "advcl") \
        and lacking_governor(verb).lemma_.lower() in ctx.cues.lacking_verbs | ctx.cues.negative_adjectives


def _flip(ctx: Context, stance: str, fact: Factuality) -> tuple[str, Factuality]:
    if fact.polarity == "Negative":
        flipped = ctx.triggers["positions"]["negated"].get(stance)
        if flipped:
            return flipped, Factuality("Positive", fact.modality, fact.attributed_to)
    return stance, fact


def stances(ctx: Context, sent: SentSpan) -> None:
    """Every stance frame the sentence evokes: its holders take its stance on each thing it concerns."""
    for match in matches(sent, ctx.frames, "PolicyPosition"):
        pred = match.predication
        holder_tokens = _own_holders(ctx, pred, match.fillers("holder"))
        holders = _actors(ctx, holder_tokens + [m for t in holder_tokens for m in _members(t)],
                          coordinated=not _defining_clause(pred.head)) \
            or _actors(ctx, [o for t in holder_tokens for o in _voiced_by(ctx, t)])
        source, issues = _concerned(ctx, match)
        # "responded by saying it would review the issue": words said are no act done
        issues = [(t, text) for t, text in issues if not _carries_stance_noun(ctx, sent, pred, t)
                  and not (source == "by" and t.lemma_.lower() in ctx.cues.reporting_verbs)]
        # "rewarded him with X": the one rewarded is the object; he takes part in any exchange
        recipients = _actors(ctx, list(pred.themes)) if source == "with" else []
        if not holders and match.frame.stance == "Supports" and pred.category == "noun":  # "won bipartisan support"
            _support_sought(ctx, sent, pred.head, issues, f"frame:{match.frame.name}:noun")
        if not holders and not recipients or _manner_left_out(pred.head) or _in_dispute(ctx, sent, pred.head) \
                or _compelled(ctx, pred.head) or _under_denied_stance(ctx, pred.head) or _ranked_first(ctx, match) \
                or _lessened(pred.head):
            continue
        if pred.category == "noun" and _construed(ctx, pred.head):
            continue
        fact = _stance_factuality(ctx, match, holders)
        if fact.polarity == "Negative" and _tried_to_persuade(ctx, match):
            fact = Factuality("Positive", fact.modality, fact.attributed_to)
        if pred.category == "noun" and fact.polarity == "Negative":
            continue  # "the failure to win X's support for Y", "no commitment from X": no stance either way
        if fact.polarity == "Negative" and pred.lemma in ctx.triggers["positions"]["agreeing_verbs"] \
                and source in ("on", "upon", "over", "about"):
            continue  # "X and Y could not agree on Z": no stance on Z, a rift over it (unresolved issues)
        if fact.polarity == "Negative" and _qualified(ctx, pred.head):
            continue  # "did not explicitly argue for X": neither for nor against X
        if fact.polarity == "Negative" and match.frame.act:
            continue  # "did not pass the bill", "did not fund X": an act left undone states no stance on its object
        if fact.polarity == "Negative" and _asked(ctx, match):
            continue  # "did not ask for a truce", "would not fight for the islands": a request or effort left unmade
        if fact.polarity == "Negative" and (pred.head.dep_ == "ccomp" and pred.head.head.lemma_.lower()
                                            in ctx.cues.denying_verbs or denied_claim(pred.head, ctx.cues)):
            continue  # "X denied (reports) that it had supported the rebels": a stance disowned, none against
        if fact.polarity == "Negative" and pred.category == "verb" and _not_yet_taken(pred.head):
            continue  # "has yet to agree to X", "has not accepted Y": a stance not taken so far may still come
        if fact.polarity == "Negative" and kept_from(pred.head, ctx.cues):
            continue  # "prevented X from granting Y": what X would have done, not what X holds
        if fact.polarity == "Negative" and _unable(ctx, pred.head) \
                and pred.lemma not in ctx.triggers["positions"]["persuading_verbs"]:
            # "lacked the resources to support X", "was unable to back Y": not done, and no stance against ("unable to
            # convince Y to join" still says Y would not)
            continue
        stance, fact = _flip(ctx, _own_act(match.frame.stance, source, pred), fact)
        if fact.polarity == "Negative":
            continue  # "did not oppose" says nothing firm about a stance
        if stance == "Offers" and _given_to_itself(ctx, pred, holders):
            stance = "Supports"  # "sought to guarantee the United States favorable terms": wanted, not offered
        if stance == "Offers" and pred.lemma != "propose":
            # "offered different interpretations of the text", "gave a speech": words, no offer ("proposed a joint
            # statement" proposes one)
            saying = set(ctx.triggers["positions"]["saying_nouns"])
            issues = [(t, text) for t, text in issues if t.lemma_.lower() not in saying]
        if stance == "Offers" and pred.lemma in ctx.triggers["positions"]["prolonging_verbs"]:
            issues = [(t, text) for t, text in issues if not referred_to_as_known(t) or _an_offer(ctx, t)]
        if stance == "Offers" and pred.lemma in ctx.triggers["positions"]["handing_verbs"] \
                and not any(ctx.registry.actors(t) for t in (*pred.recipients, *pred.oblique("to"))):
            issues = [(t, text) for t, text in issues if _an_offer(ctx, t)]
        rule = f"frame:{match.frame.name}:{pred.category}"
        # who holds that a thing should be ("insisted that the treaty be ratified") supports it (normative_reports)
        if stance == "Believes":
            issues = [(t, text) for t, text in issues if not _ought(t) and not subjunctive(t, ctx.cues)]
        if stance == "Opposes" and pred.category != "verb":
            issues = [(t, text) for t, text in issues if not _own_thing(t)]
        for token, issue in issues:
            if match.frame.act and token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.lefts):
                continue  # "chose not to challenge the navies": an act of choice left undone is restraint, no stance
            held, text = _against_failure(ctx, stance, token, issue) if stance == "Opposes" \
                else _negated_act(ctx, _coerced(ctx, stance, token), token, issue)
            held = "Believes" if held == "Demands" and _told_as_so(token, ctx.cues) else held
            # "its opposition to Soviet interventions" read with "its" as the Soviet Union: none opposes the acts its
            # own name is the doer of (a pronoun doer, "punished Japan for its militarism", is no such name)
            own = set(_doers(ctx, token, named=True)) if held == "Opposes" else set()
            for holder in (h for h in holders if h not in own):
                _add(ctx, holder, held, text, _in_own_words(ctx, pred, holders, holder, fact), sent, rule, 0.65)
        for issue in _ended(ctx, issues) if stance == "Supports" else []:
            for holder in holders:
                _add(ctx, holder, "Opposes", issue, fact, sent, "frame:ending", 0.6)
        if stance in ("Opposes", "Rejects"):
            _opposed_acts(ctx, sent, holders, issues + _coordinated_stances(ctx, match), fact)
        if match.frame.name in ctx.triggers["positions"]["rival_frames"] and len(holders) > 1 \
                and all(ctx.registry.kind(h) == "State" for h in holders):
            # (states each claiming it, where a president and his congress claim it together; each in their own
            # words: the rift is no one claimant's)
            both = fact if fact.attributed_to not in holders else Factuality(fact.polarity, fact.modality, None)
            _disagreement(ctx, sent, holders, [text for _, text in issues], both, "frame:rival-claims")
        if stance == "Supports" and pred.category == "noun":
            _support_sought(ctx, sent, pred.head, issues, rule)
        _exchanged(ctx, match, stance, fact, holders, recipients, [text for _, text in issues])
    _stance_prepositions(ctx, sent)


def _in_own_words(ctx: Context, pred: Predication, holders: list[str], holder: str, fact: Factuality) -> Factuality:
    """"Peru and Chile argued for a truce": a verb of saying that is the stance is each holder's own word, not the
    first one's."""
    if _voiced_by_saying(ctx, pred) and fact.attributed_to == holders[0]:
        return Factuality(fact.polarity, fact.modality, holder)
    return fact


def _voiced_by_saying(ctx: Context, pred: Predication) -> bool:
    """The stance is taken by a verb of saying ("argued for", "claimed"): its holders voice it themselves."""
    return pred.category == "verb" and pred.lemma in ctx.cues.reporting_verbs


def _given_to_itself(ctx: Context, pred: Predication, holders: list[str]) -> bool:
    """The one a thing is given to is the holder itself."""
    given_to = _actors(ctx, [r for r in pred.recipients if r.dep_ == "dative"])
    return bool(given_to) and set(given_to) <= set(holders)


def _carries_stance_noun(ctx: Context, sent: SentSpan, pred: Predication, theme: Token) -> bool:
    """"gave its consent for the treaty to proceed", "gave assurances that it would withdraw": a light verb's object
    that is a stance noun saying what it is about is no thing given; the noun's own frame reads the stance."""
    if pred.category != "verb" or pred.lemma not in ctx.frames.light_verbs or theme not in pred.themes:
        return False
    return any(_concerned(ctx, m)[0] not in ("itself", "")
               for m in matches(sent, ctx.frames, "PolicyPosition") if m.predication.head == theme)


def _coerced(ctx: Context, stance: str, issue: Token) -> str:
    """"in an effort to force payment", "to compel Moscow to withdraw": to be for making another act is to demand it."""
    coercing = issue.pos_ == "VERB" and issue.lemma_.lower() in ctx.triggers["positions"]["coercing_verbs"]
    return "Demands" if stance == "Supports" and coercing else stance


def _compelled(ctx: Context, verb: Token) -> bool:
    """"an agreement that might force the United States to abolish its program", "Peru was compelled to accept the
    terms": what one is made to do states no stance of one's own, unless it is to strive for a thing; "asked the
    Soviets to seek a solution", "requested that Congress provide aid": nor what one is asked to do (the asker's
    demand)."""
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    section, governor = ctx.triggers["positions"], verb.head.lemma_.lower()
    # (one persuaded comes to want it: "persuaded Peru to join")
    asking = "Demands" in ctx.frames.verb_stances([governor], any_thing=True)
    asked = asking and governor not in section["persuading_verbs"] \
        and (_asked_clause(verb) or any(c.dep_ == "dobj" for c in verb.head.children))
    return asked or governor in section["coercing_verbs"] and verb.lemma_.lower() not in section["striving_verbs"]


def _told_as_so(clause: Token, cues: Cues) -> bool:
    """"Lincoln's insistence that the war was an insurrection": a "that" clause in a tense of its own, with a subject
    and no modal, says what is so, which one who insists on it believes ("insistence that Chile withdraw" asks for an
    act; "at X's request, Congress made Hawaii a territory" tells what was asked and done)."""
    finite = clause.tag_ in ("VBD", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ")
                                                  for c in clause.children)
    return clause.pos_ in ("VERB", "AUX") and finite and that_clause(clause) and not subjunctive(clause, cues) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and not any(c.tag_ == "MD" for c in clause.children)


def _asked_clause(verb: Token) -> bool:
    """"requested that Congress provide aid": a clause after the verb, not one the parser took for its complement
    ("after the United States had committed itself to X, Roosevelt sought Y")."""
    return verb.dep_ == "ccomp" and verb.i > verb.head.i \
        and not any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children)


def _ranked_first(ctx: Context, match: FrameMatch) -> bool:
    """"Napoleon's chief concern was the war in Mexico": a worry noun ranked first says what its holder was most intent
    on, not what the holder was against."""
    noun = match.predication.head
    return match.frame.stance == "Opposes" and match.predication.category == "noun" \
        and any(c.dep_ == "amod" and c.lower_ in ctx.triggers["positions"]["priority_modifiers"] for c in noun.children)


def _under_denied_stance(ctx: Context, verb: Token) -> bool:
    """"did not want to accept any agreement", "hesitated to allow inspections", "was hesitant to allow them": the
    stance is the denied wanting's or the hesitation's (opposing the acceptance, the allowing); the act under it,
    which its own factuality reads as merely hoped for or as done, is none."""
    governor = verb.head
    if verb.dep_ == "xcomp" and governor.pos_ == "ADJ":
        return bool(ctx.frames.evoked("adjective", governor.lemma_.lower()))  # "hesitant to permit X": hesitancy
    if verb.dep_ != "xcomp" or governor.pos_ not in ("VERB", "AUX") or governor == verb:
        return False
    stances = ctx.frames.verb_stances([governor.lemma_.lower()])
    return bool(stances) and ctx.factuality(governor).polarity == "Negative" or stances == {"Opposes"}


def _tried_to_persuade(ctx: Context, match: FrameMatch) -> bool:
    """"X failed to persuade Y to refrain", "X never convinced Y to join": X asked all the same; only Y's stance is
    not won."""
    verb = match.predication.head
    return match.frame.fillers("holder") == ("agent",) \
        and verb.lemma_.lower() in ctx.triggers["positions"]["persuading_verbs"]


def _own_holders(ctx: Context, pred: Predication, holders: list[Token]) -> list[Token]:
    """"Chile voiced dissatisfaction with Peru's delays and Peruvian reluctance to pay": a stance noun whose own
    modifier names an actor is that actor's, whoever voices it."""
    own = [t for t in holders if (t.head == pred.head or t in hyphened_before(t.head))
           and t.dep_ in ("compound", "amod", "nmod", "poss")]
    return own if pred.category == "noun" and own and _actors(ctx, own) else holders


def _in_dispute(ctx: Context, sent: SentSpan, head: Token) -> bool:
    """"X and Y haggled over whether each should complete its plans": the question in dispute is nobody's stance."""
    for clause in (head, *head.ancestors):
        if opened_by_any(clause, ("whether", "if")):
            governor = clause.head.head if clause.head.dep_ == "prep" else clause.head
            return any(m.predication.head == governor for m in matches(sent, ctx.frames, "Disagreement"))
    return False


def _qualified(ctx: Context, verb: Token) -> bool:
    """A "not" on an adverb of how far or how openly ("did not explicitly argue for", "not fully supported")."""
    return any(c.dep_ == "advmod" and c.lower_ in ctx.triggers["positions"]["qualifying_adverbs"]
               for c in verb.children) and any(c.dep_ == "neg" for c in verb.children)


def _lessened(head: Token) -> bool:
    """"less interested in X than in Y", "least hostile to Z": a stance told only as weaker than another, which
    says neither that it is held nor that it is not."""
    return any(c.dep_ == "advmod" and c.lower_ in ("less", "least")
               and not (c.i > 0 and c.doc[c.i - 1].lower_ == "at") for c in head.children)  # "at least"


def _manner_left_out(head: Token) -> bool:
    """"X opened talks without offering a deal" says how X acted, not that X rejects a deal."""
    return head.dep_ == "pcomp" and head.head.lower_ == "without"


def _doers(ctx: Context, noun: Token, named: bool = False) -> list[str]:
    """"Peruvian naval patrols", "Chile's blockade": the actors a modifier or possessor names as the doer of a noun's
    act ("opposed the Soviet Union": the words of an actor's own name do not name a doer); with `named`, no pronoun.
    A possessor that names an actor is the doer, and a place named beside it is where or whom the act is about
    ("Carter's China policy", "Moscow's Afghan war"); not one that undergoes the act ("Taiwan's expulsion", unlike
    "Chile's arrest of the crew")."""
    if noun.lemma_.lower() in ctx.triggers["positions"]["condition_nouns"]:
        return []  # "Haitian instability", "Chinese immigration": a state of things, or people's moves, no state's act
    own = ctx.registry.actors(noun)
    undergone = noun.lemma_.lower() in ctx.triggers["positions"]["undergoer_nouns"] and not prep_objects(noun, "of")
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                 and not (named and c.pos_ == "PRON") and not (undergone and c.dep_ in ("poss", "compound"))]
    found = {c: [k for k in ctx.registry.actors(c) if k not in own] for c in modifiers}
    owners = [k for c in modifiers if c.dep_ == "poss" for k in found[c]]
    return owners or [k for c in modifiers for k in found[c]]


def _against_failure(ctx: Context, stance: str, issue: Token, text: str) -> tuple[str, str]:
    """"criticized X for not doing more", "blamed Y for failing to act": to oppose an act left undone is to want
    it done."""
    if stance != "Opposes" or issue.pos_ not in ("VERB", "AUX"):
        return stance, text
    undone = [c for c in issue.children if c.dep_ == "xcomp"] if issue.lemma_.lower() in ctx.cues.negative_implicatives \
        else []
    if undone:
        return "Demands", clause_text(undone[0])
    if any(c.dep_ == "neg" for c in issue.children):  # its own "not", not the stance word's ("reluctance to act")
        return "Demands", text.removeprefix("not ")
    return stance, text


def _negated_act(ctx: Context, stance: str, issue: Token, text: str) -> tuple[str, str]:
    """"determined not to be drawn into the war", "decided never to join": to want an act left undone is to oppose the
    act. A promise not to act stays an offer: of restraint, not a refusal of anything asked."""
    flipped = ctx.triggers["positions"]["negated"].get(stance) if stance != "Offers" else None
    negation = next((c for c in issue.children if c.dep_ == "neg" and c.i < issue.i), None) \
        if issue.pos_ in ("VERB", "AUX") else None
    if flipped is None or negation is None or not text.startswith(f"{negation.lower_} "):
        return stance, text
    return flipped, text.removeprefix(f"{negation.lower_} ")


def _ended(ctx: Context, issues: list[tuple[Token, str]]) -> list[str]:
    """"sought to halt the tests": what a supported act of ending would end, which its supporter opposes (to address
    another's concerns is to meet them, no stance against them, and to address the question of X takes up a topic);
    "agreed that Peru should not lift the embargo" is for what it keeps, not against it."""
    acts = [verb_predication(t) for t, _ in issues if t.pos_ == "VERB" and not any(c.dep_ == "neg" for c in t.children)]
    ending = [p for p in acts if f"{p.lemma} {p.particle}" in ctx.frames.ending_verbs or p.lemma in ctx.frames.ending_verbs]
    # "that membership be restricted to the members of the treaty": bounded to a scope, not lessened
    ending = [p for p in ending if not (p.passive and p.oblique("to"))]
    topics = ctx.triggers["positions"]["topic_nouns"]
    return [_argument_text(ctx, theme) for p in ending for theme in p.themes
            if not ctx.frames.evoked("noun", theme.lemma_.lower()) and theme.lemma_.lower() not in topics]


def _voiced_by(ctx: Context, token: Token) -> list[Token]:
    """"Chile's defense strategy calls for ...": the owner of a text or policy that takes a stance; "Peru drafted a
    petition which asked for ...": the one who made or sent it. ("terms for a settlement, which required ...": the
    parser may hang the clause on the last noun of the text's phrase.)"""
    section = ctx.triggers["positions"]
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in section["voice_heads"]:
        token = token.head.head
    if token.lemma_.lower() not in section["voice_heads"]:
        return []
    owners = [c for c in token.children if c.dep_ == "poss"]
    if not owners and token.dep_ == "dobj" and with_particle(token.head) in section["authoring_verbs"]:
        return subjects(token.head)
    return owners


def _own_thing(token: Token) -> bool:
    """"fears for its fishing fleet": worry for what is one's own is no stance against it."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _opposed_acts(ctx: Context, sent: SentSpan, holders: list[str], issues: list[tuple[Token, str]],
                  fact: Factuality) -> None:
    """"Chile objected to Peruvian naval patrols": to oppose what another actor does is to disagree with
    it (the actor named as the act's doer: a demonym, a possessive, a compound)."""
    aspects = set(ctx.triggers["positions"]["aspect_nouns"])
    for token, text in issues:
        # "elements of the U.S. presence": the doer of the thing an aspect is of
        named = prep_objects(token, "of") if token.lemma_.lower() in aspects else [token]
        doers = [k for n in named for k in _doers(ctx, n)]
        about = _stance_content(ctx, sent, token) or text  # "rejected Egypt's insistence on withdrawal": withdrawal
        for holder in holders:
            side = ctx.registry.state_of(holder)
            for doer in dict.fromkeys(doers):
                # "Congress rejected U.S. membership": a state's own body acting on the state's acts is no rift; nor
                # are holders who oppose what "their" own acts would bring ("A and B opposed their joint patrols")
                if doer not in (holder, side, ctx.registry.named_state(holder)) and doer not in holders:
                    _disagreement(ctx, sent, [side, doer], [about], fact, "frame:opposed-act")


def _stance_content(ctx: Context, sent: SentSpan, noun: Token) -> str:
    """What a stance noun is about, when the text says ("Egypt's insistence on withdrawal": withdrawal)."""
    stances = [m for m in matches(sent, ctx.frames, "PolicyPosition") if m.predication.head == noun]
    found = [text for m in stances for _, text in _concerned(ctx, m)[1]]
    # the parser may hang the noun's own phrase on the verb: "rejected [Egypt's insistence] [on withdrawal]"
    hung = [t for m in stances for p, t in verb_predication(noun.head).obliques
            if noun.dep_ == "dobj" and p in m.frame.fillers("concerns")] if noun.head.pos_ == "VERB" else []
    return found[0] if found else _argument_text(ctx, hung[0]) if hung else ""


def _stance_prepositions(ctx: Context, sent: SentSpan) -> None:
    """"X voted in favor of Y", "X decided in favor of Y", "X and Y were in favor of Z", "abandoned it in favor
    of Y": the clause's doer takes the preposition's stance (a balance that shifts in favor of Y does not)."""
    for pred in (verb_predication(t) for t in sent if t.pos_ == "VERB" or t.lemma_ == "be" and t.dep_ == "ROOT"):
        for preposition, stance in ctx.frames.stance_prepositions.items():
            for token in pred.oblique(preposition):
                holders = _actors(ctx, list(pred.agents))
                fact = ctx.factuality(pred.head)
                for holder in holders if fact.polarity == "Positive" else []:
                    _add(ctx, holder, stance, _argument_text(ctx, token), fact, sent, "frame:stance-preposition", 0.6)


def _own_act(stance: str, source: str, pred: Predication) -> str:
    """To seek or want to do something oneself ("sought to modernize the alliance") is to support it; one demands
    what others should do or give. Support "against" a thing is opposition to it ("support against the French")."""
    if stance == "Supports" and source == "against":
        return "Opposes"
    if stance != "Demands" or source not in ("clause", "infinitive") or pred.category != "verb" or pred.addressees:
        return stance
    own = all(not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and clause.dep_ == "xcomp"
              for clause in pred.clauses)
    return "Supports" if own else stance


def _stance_factuality(ctx: Context, match: FrameMatch, holders: list[str]) -> Factuality:
    """A stance verb that is itself a verb of saying ("X argued for Y") reports the holder's own word; a stance
    someone said another would take ("Foster stated that Britain would not offer compensation") is held now, as
    they report it; one that another was to be brought round to ("used force to convince Y to accept X") is what
    the act was for, not what came of it."""
    pred = match.predication
    # "failed to provide Peru with aid": a thing given in a phrase of the light verb is given as the verb says
    giving = pred.support if pred.category == "noun" and pred.head.dep_ == "pobj" else None
    source = _content_verb(ctx, pred) or _striving_for(ctx, match) or giving or pred.head
    fact = ctx.factuality(source)
    if source is pred.head and pred.category == "noun" and fact.polarity == "Positive" \
            and fact.modality in ("Hypothetical", "Hedged") and _known_stance_as_subject(ctx, pred.head):
        return ASSERTED  # what the writer presupposes, whoever is said to think the rest
    served = _act_served(ctx, pred.head)
    if served is not None:
        held = ctx.factuality(served)
        fact = Factuality(fact.polarity, held.modality, held.attributed_to)
    if "theme" in match.frame.fillers("holder") and purpose_clause(pred.head, ctx.cues) and fact.modality == "Asserted":
        return Factuality(fact.polarity, "Hypothetical", fact.attributed_to)
    if ctx.reading(pred.head).said_future and fact.attributed_to is not None:
        fact = Factuality(fact.polarity, "Asserted", fact.attributed_to)
    if holders and _voiced_by_saying(ctx, pred) and fact.attributed_to is None:
        return Factuality(fact.polarity, fact.modality, holders[0])
    if (_sought(ctx, pred.head) or _to_be_won(ctx, pred.head)) and fact.modality == "Asserted":
        return Factuality(fact.polarity, "Hypothetical", fact.attributed_to)  # "sought Chile's support": not given yet
    return fact


def _known_stance_as_subject(ctx: Context, noun: Token) -> bool:
    """"feared that Peru's refusal to sign could cost it dearly", "believed that Chilean demands for a port would
    anger Lima": a stance the subject of a clause refers to as known (a possessor, "the", a people's adjective) is
    held, whatever the clause supposes of what it leads to ("a refusal would cost it dearly" supposes one)."""
    known = referred_to_as_known(noun) or any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                                              for c in noun.children)
    if not known or any(c.lower_ in ctx.cues.irrealis_modifiers for c in noun.children):
        return False
    node = noun
    while node.dep_ in ("pobj", "prep", "conj", "appos") and node.head != node:
        node = node.head  # "frustration over Israel's refusal": the subject is the phrase that holds it
    return node.dep_ in ("nsubj", "nsubjpass") and node.pos_ == "NOUN"


def _act_served(ctx: Context, verb: Token) -> Token | None:
    """"pledged to act to meet an attack", "sought to conclude a treaty to guarantee X good terms": the purpose of an
    infinitive is only meant, yet shows its doer's stance all the same; the act above the infinitives says whether
    that stance is held ("agreed not to use the war to seek rights": no stance is)."""
    if verb.dep_ != "advcl" or not purpose_clause(verb, ctx.cues) or not to_infinitive(verb.head) \
            or ctx.factuality(verb.head).polarity == "Negative":
        return None
    node = verb.head
    while node.dep_ == "xcomp" and to_infinitive(node) and node.head != node:
        node = node.head
    return node


def _striving_for(ctx: Context, match: FrameMatch) -> Token | None:
    """"Napoleon attempted to crush the revolt", "in an effort to outlaw the party": an act that shows a stance,
    which its doer strives to carry out, shows it whether or not it came off; the striving verb says whether it was
    made."""
    verb, section = match.predication.head, ctx.triggers["positions"]
    striving = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in section["striving_verbs"] \
        or verb.dep_ == "acl" and verb.head.lemma_.lower() in section["striving_nouns"]
    return verb.head if match.frame.act and striving else None


def _content_verb(ctx: Context, pred: Predication) -> Token | None:
    """"Their interests did not include aiding Peru", "its aim may have been to delay the vote": the verb that says
    what a stance noun amounts to carries whether it does (the noun, its subject, is not negated itself)."""
    verb = pred.head.head
    if pred.category != "noun" or pred.head.dep_ != "nsubj" or verb.lemma_.lower() not in ctx.frames.complement_verbs:
        return None
    return verb if any(clause.head == verb or clause.head.head == verb for clause in pred.clauses) else None


def _to_be_won(ctx: Context, noun: Token) -> bool:
    """"sent envoys to win Peru's backing", "used the talks to gain X's support": a stance noun that the purpose of
    an act is to win is not given yet."""
    verb = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and verb.pos_ == "VERB" \
        and any(lemma in ctx.frames.receiving_verbs for lemma in verb_lemmas(verb)) and purpose_clause(verb, ctx.cues)


def _support_sought(ctx: Context, sent: SentSpan, noun: Token, issues: list[tuple[Token, str]], rule: str) -> None:
    """"X sought Y's support for Z", "X used the talks to gain Y's support for Z": who seeks or wins support for a
    thing supports it (not for themselves: "X won Y's support" is Y's stance on X)."""
    verb = noun.head
    lemmas = verb_lemmas(verb) if verb.pos_ == "VERB" and noun.dep_ == "dobj" else []
    if not (_sought(ctx, noun) or any(lemma in ctx.frames.receiving_verbs for lemma in lemmas)):
        return
    fact = ctx.factuality(verb)
    if fact.polarity == "Negative":
        return  # "failed to win support for Y", "did not seek it": nothing said of the seeker's own stance on Y
    for seeker in _actors(ctx, list(verb_predication(verb, ctx.frames.object_control).agents)):
        for token, issue in issues:
            if seeker not in ctx.registry.actors(token):
                _add(ctx, seeker, "Supports", issue, fact, sent, f"{rule}:sought", 0.6)


def _sought(ctx: Context, noun: Token) -> bool:
    """A stance noun that is the object of a verb of demanding ("sought X's support", "asked for Y's backing"): what
    is sought is not given yet (what is pledged is)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else noun.head
    if verb.pos_ != "VERB":
        return False
    phrasal = [f"{lemma} {noun.head.lower_}" for lemma in verb_lemmas(verb)] if verb != noun.head else []
    return "Demands" in ctx.frames.verb_stances(verb_lemmas(verb) + phrasal)


def _concerned(ctx: Context, match: FrameMatch) -> tuple[str, list[tuple[Token, str]]]:
    """What the stance is about, with its text: the first argument that names a thing, not a person or state
    ("rewarded him with X": X; "supports Y's bid": Y's bid)."""
    pred = match.predication
    # "pressed the republics to assume the obligations", "called on X to ...": what is wanted is the whole clause, doer
    # included; the one persuaded wants the act, not themselves doing it
    if pred.category == "verb" and pred.infinitives and pred.addressees and pred.lemma in ctx.frames.object_control \
            and "theme" not in match.frame.fillers("holder") \
            and {"clause", "infinitive"} & set(match.frame.fillers("concerns")):
        return "clause", [(c, f"{phrase(t)} {clause_text(c)}") for c in pred.infinitives for t in pred.addressees[:1]]
    # "failed to provide it with assistance", "rewarded them with land": with a "with" phrase right after it, the
    # object is whom the thing is given to, whatever it names (not beside a recipient: "gave Japan a grace period with
    # X"; "offered autonomy, with France keeping X" offers autonomy)
    given_to = pred.category == "verb" and not pred.recipients and "with" in match.frame.fillers("concerns") and any(
        t.doc[t.right_edge.i + 1: t.right_edge.i + 2].text == "with" for t in pred.themes)
    act = _act_it_follows(pred) if "agent" in match.frame.fillers("concerns") else None
    if act is not None:
        return "act", [(act, clause_text(act, after=act.i))]
    listed = spelled_out(pred.head) if pred.category == "noun" else []
    if listed:  # "made three demands: A, B and C"
        return "listed", [(i.root, text) for i in listed if (text := _argument_text(ctx, i.root, pred.head, i.end))]
    for source, tokens in match.candidates("concerns"):
        if source == "theme" and given_to:
            continue
        if source == "itself":
            return source, [(pred.head, _kind_named(pred.head))] if _kind_named(pred.head) else []
        tokens = [t for t in _coordinates(pred, tokens) if _of_theme(ctx, match.frame.themes, t)
                  and not (match.frame.except_themes and _of_theme(ctx, match.frame.except_themes, t))
                  and (not match.frame.acts_only or t.pos_ in ("VERB", "AUX"))]
        # a date ("On July 10 the delegates adopted the plan") or a phrase of a stretch of time ("in the period after
        # the coup") is when, never what, a stance concerns (time given is a thing: "gave Japan a grace period")
        if source != "theme" and any(t.lemma_.lower() in ctx.triggers["positions"]["time_nouns"] for t in tokens):
            continue
        # "proposed two measures: A and B" is on each thing it spells out
        spelled = {t: spelled_out(t) for t in tokens}
        tokens = [item.root for t in tokens for item in spelled[t]] + [t for t in tokens if not spelled[t]]
        ends = {item.root: item.end for items in spelled.values() for item in items}
        found = [(token, text) for token in tokens if token.tag_ not in ("WP", "WDT") and token.pos_ != "SCONJ"
                 and token.ent_type_ != "DATE"
                 and not _reciprocal(token) and not _bare_office(ctx, token)
                 and (not _person_or_state(ctx, token) or _sided_with(ctx, pred, source, token))
                 and not _addressee(ctx, pred, source, token) and not (pred.category == "noun" and _asking(token))
                 and not _stance_of_its_own(ctx, token)
                 and (text := _argument_text(ctx, token, pred.head, ends.get(token)))]
        if found and source == "occasion":  # "when Chile closed the border": what occasioned it, not when
            found = [(token, re.sub(r"^(when|whenever)\s+", "", text, flags=re.I)) for token, text in found]
        if found:
            return source, found
    return "", []


def _act_it_follows(pred: Predication) -> Token | None:
    """"Soto cancelled the concession, angering the bankers": what angers (pleases) them is the act the participle
    follows, not its doer."""
    verb = pred.head
    if pred.category != "verb" or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.pos_ != "VERB" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children) or verb.i < verb.head.i:
        return None
    return verb.head


def _asking(token: Token) -> bool:
    """"different views of what the accord required": a clause opened by a question word that is not its subject, which
    says what is in question, is no issue a noun of stance is for or against ("concern about what seemed to be a
    division of Africa" is about the division)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    subjects_ = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.tag_ in ("WP", "WRB") and c.i < token.i and (c not in subjects_ or len(subjects_) > 1)
               for c in token.children)


def _bare_office(ctx: Context, token: Token) -> bool:
    """"campaigned for the presidency", "sought office": an office alone is no policy."""
    return token.lemma_.lower() in ctx.triggers["positions"]["office_nouns"] \
        and all(c.dep_ == "det" for c in token.children)


def _reciprocal(token: Token) -> bool:
    """"their dislike of each other": the holders' stance on one another, no issue of its own (also when the parser
    splits the pronoun: "wary of one another's strength" may hang "another" on the noun)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return " ".join(t.lower_ for t in token.subtree) in ("each other", "one another") or (
        token.lower_ in ("one", "each") and following is not None and following.lower_ in ("other", "another"))


def _sided_with(ctx: Context, pred: Predication, source: str, token: Token) -> bool:
    """"backed the rebels", "opposed Allende", "support for Allende", "Allende won the support of X": the object of a
    verb of taking sides ("sided with Peru": of its preposition), the "for", "to", "against" phrase of such a noun,
    the "to" phrase of such an adjective, or who received it, is what the stance is on, a person or state too (the
    actor a verb of welcoming or urging acts on is no stance's issue). A possessor the parser made an object
    ("supported [Mexico]['s right]") is not."""
    if pred.category == "noun":
        # "X enjoyed the support of Y": a theme that is no "of" phrase is who received the stance (clauses.received)
        received = source == "theme" and token not in pred.oblique("of")
        # "U.S. support of the ROC regime": with its holder before it, the "of" phrase is whom it is for
        owned = source == "of" and any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < pred.head.i
                                       and ctx.registry.actors(c) for c in pred.head.children)
        sided = received or owned or source in ("for", "to", "against", "toward", "towards", "recipient")
        return sided and pred.lemma in ctx.frames.siding_nouns
    if pred.category == "adjective":  # "sympathetic to the Confederacy", "opposed to Noriega"
        return source in ("to", "toward", "towards") and pred.head.lower_ in ctx.frames.siding_adjectives
    siding = source == "theme" and pred.lemma in ctx.frames.siding_verbs \
        or f"{pred.lemma} {source}" in ctx.frames.siding_verbs  # "sided with Peru"
    return pred.category == "verb" and siding and not any(c.dep_ == "case" for c in token.children)


def _addressee(ctx: Context, pred: Predication, source: str, token: Token) -> bool:
    """"presented a plan to the commission", "a proposal to Peru": the actor a proposal goes to is who is to take it
    up, not what it is about; nor is whom a verb lets or tells to act ("authorized the navy to fire")."""
    if source == "theme" and pred.category == "verb" and pred.infinitives and pred.lemma in ctx.frames.object_control:
        return token in pred.addressees
    return source == "to" and pred.category == "noun" and bool(ctx.registry.actors(token)) \
        and pred.lemma in ctx.triggers["positions"]["proposal_nouns"]


def _of_theme(ctx: Context, themes: frozenset[str], token: Token) -> bool:
    """Any thing fits a frame that names no themes; else its head is one ("the Fisheries Acts" is an act), or the
    "of" phrase of a noun for many of a kind ("a series of Neutrality Acts"); a named state is a "state", a named
    place a "place"."""
    if not themes:
        return True
    if "state" in themes and any(ctx.registry.kind(k) == "State" for k in ctx.registry.actors(token)):
        return True  # "recognized the PRC": a state named is a state
    if "place" in themes and (token.ent_type_ in ("GPE", "LOC") or ctx.registry.kind(ctx.registry.key_of(token)) in (
            "Location", "State")):
        return True  # "claimed Texas": a place named is a place
    many = token.lemma_.lower() in ctx.triggers["positions"]["collection_nouns"]
    return any(head_forms(head) & themes for head in [token, *(prep_objects(token, "of") if many else [])])


def _kind_named(noun: Token) -> str:
    """"political concessions", "assurances": a noun of what is given, with the words that say what kind; a bare
    singular ("a concession") says too little of it."""
    kind = [t for c in noun.lefts if c.dep_ in ("amod", "compound") for t in c.subtree]
    return text_of(kind + [noun]) if kind or noun.tag_ == "NNS" else ""


def _coordinated_stances(ctx: Context, match: FrameMatch) -> list[tuple[Token, str]]:
    """"dissatisfaction with Peru's delays and Peruvian reluctance to pay": the stance coordinated with what is opposed
    is opposed too (its text is what that stance is about, read when the two sides are divided)."""
    return [(c, "") for _, tokens in match.candidates("concerns") for c in _coordinates(match.predication, tokens)
            if c.pos_ == "NOUN" and _stance_of_its_own(ctx, c)]


def _coordinates(pred: Predication, tokens: list[Token]) -> list[Token]:
    """"dissatisfaction with A, B and C": each thing coordinated is an issue of its own, also where the parser hangs
    B and C on the verb that carries the stance noun, as a conjunct or as a second object."""
    if not tokens:
        return tokens
    carried = pred.support is not None and pred.head.dep_ == "dobj" and pred.head.head == pred.support
    # a second object after the stance noun can only be a coordinate the parser lost
    hung = [c for c in pred.support.children if c.dep_ in ("conj", "dobj") and c.pos_ == "NOUN" and c.i > pred.head.i] \
        if carried else []
    # "unwilling to lift the embargo, allow visits or hold talks": each infinitive of a list is an act of its own
    return list(dict.fromkeys(c for t in tokens + hung
                              for c in ([c for c in conjuncts(t) if c == t or c.pos_ == "NOUN"] if t.pos_ == "NOUN"
                                        else [t, *(listed_infinitives(t) if to_infinitive(t) else ())])))


def _stance_of_its_own(ctx: Context, token: Token) -> bool:
    """"regret over the delay and a wish to end the talks": a coordinated "desire to ..." is a stance of its
    own, read by its own frame, not what the disappointment is about."""
    return token.dep_ == "conj" and any(f.fact_class == "PolicyPosition" for f in ctx.frames.evoked("noun", token.lemma_.lower())) \
        and any(c.dep_ == "acl" for c in token.children)


def _members(group: Token) -> list[Token]:
    """The named members of a plural group: "the states refusing to adhere ... were A, B and C" (a partitive "of the
    X" or "among the X" beside a copula whose subject lists them), "X, including A and B", "X such as A and B"."""
    if group.tag_ not in ("NNS", "NNPS") and not (group.tag_ == "DT" and group.dep_ != "det"):
        return []  # a plural, or a pronoun standing for one ("those who backed X, including A")
    # the parser may tag "including" a participle, which no oblique takes
    found = [t for p, t in noun_predication(group).obliques if p in ("including", "such as", "like")] \
        or prep_objects(group, "including")
    found += [t for c in group.children if c.dep_ == "appos" for t in conjuncts(c)]
    copula = group.head.head if group.dep_ == "pobj" and group.head.lower_ in ("of", "among") else None
    if copula is not None and copula.lemma_ == "be":
        found += [t for c in copula.children if c.dep_ in ("nsubj", "attr") and c.pos_ == "PROPN" for t in conjuncts(c)]
    # "isolationists, including progressive politicians such as A and B": the members named of a group of them
    return [named for t in found for named in (_members(t) if t.tag_ in ("NNS", "NNPS") else []) or [t]]


def _person_or_state(ctx: Context, token: Token) -> bool:
    if token.pos_ == "PRON" and token.lower_ in ("it", "this", "that"):
        return False  # stands for a thing said before, not an actor
    if token.pos_ == "PROPN" and any(c.dep_ == "amod" for c in token.children):
        return False  # "a greater Peru", "a stable Chile": a state as it should be is an aim, not the state
    return any(ctx.registry.kind(k) in ("Person", "State") for k in ctx.registry.actors(token))


def _with_its_clause(verb: Token, clause: Token) -> str:
    """"moves to get the administration to break the stalemate": a verb that says nothing without its clause, with
    the clause's subject and words ("get the administration to break the stalemate")."""
    subject = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    to = ["to"] if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) else []
    head = [verb.text, *text_of(subject).split(), *to]
    rest = clause_text(clause, limit=max(18 - len(head), 6), after=subject[-1].i + 1 if subject else None)
    return " ".join([*head, rest])


def _argument_text(ctx: Context, token: Token, stance: Token | None = None, until: int | None = None) -> str:
    """A clause is its words without the clauses inside it; a noun is its phrase; a pronoun what it stands for; an
    item of a list ends where the next begins, token `until` (the parser hangs later items on earlier ones). A clause
    around the stance word itself ("At Peru's request, Chile withdrew") starts at its subject."""
    if until is not None and token.right_edge.i >= until:
        words = [t for t in token.subtree if t.i < until and not (t.i == until - 1 and t.dep_ in ("cc", "punct"))]
        return strip_determiners(text_of(words)) if token.pos_ != "VERB" else clause_text(token, before=until)
    if token.lemma_.lower() == "do" and all(c.lower_ in ("so", "this", "that", "it") for c in token.children
                                            if c.dep_ not in ("aux", "neg", "advmod", "punct")):
        return ""  # "doing so angered them", "which it was not ready to do": what it stands for is not said here
    if token.pos_ in ("VERB", "AUX"):
        seen = [c for c in token.children if c.dep_ == "dobj"] if token.lemma_.lower() in ctx.frames.transparent_verbs \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) else []
        if seen:  # "wished to see a deal": about the deal
            return _argument_text(ctx, seen[0])
        around = stance is not None and stance in token.subtree
        # "... was overthrown with the approval of X", "was lifted at the urging of X": the phrase of the stance
        # word is none of what it is about
        framing = (stance.head,) if around and stance.dep_ == "pobj" \
            and stance.head.lower_ in ctx.frames.adjunct_prepositions | ctx.frames.detached_prepositions else ()
        text = clause_text(token, without=_fronted_prepositions(token) if around else frozenset(),
                           drop=framing + _when_said(ctx, token))
        nested = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.i > token.i]
        return text if " " in text or not nested else _with_its_clause(token, nested[0])
    if token.pos_ == "PRON":
        return _issue_text(ctx, token)
    if token.lower_ == "one" and not any(c.lower_ == "of" for c in token.children):
        return ""  # "ratified none with the United States, but approved one with Japan": one of a kind told before
    if summing_up(token) and stance is not None and stance not in token.subtree:
        # "gave X the right to appoint consuls, a privilege not granted before": taken by the clause around it, the
        # apposition only names again a thing already there (its own clause's stance is on it: "a move X opposed")
        return ""
    named = _agreement_name(ctx, token)
    if named:
        return named
    children = list(token.children)
    if children and all(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in children):
        # "opposed this act" after "the Scott Act": the name it points back to; "encouraged this position", "that
        # government": what it points back to is not said here
        fuller = _fuller_issue(ctx, token.lower_) if token.pos_ == "NOUN" else None
        return fuller if fuller and fuller[:1].isupper() else ""
    purpose = [c for c in token.children if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if purpose:  # "plans to reopen the border": the noun says little without what it is for
        return _short(f"{phrase(token, keep_possessor=True)} to {clause_text(purpose[0])}", 18)
    text = phrase(token, keep_possessor=True)
    if token.head.dep_ == "relcl" and any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children):
        # "Soto, whose election Peru had backed": the election is Soto's
        text = f"{phrase(token.head.head, keep_possessor=True)}'s {text.split(' ', 1)[-1]}"
    if none_of(token):
        text = text.removeprefix("no ")  # "accepted no troops" negates the verb (factuality): it is about troops
    content = [c for c in token.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and that_clause(c)]
    if content:  # "accepting the argument that the ship was never Peruvian": the argument is what it says
        return _short(f"{text} that {clause_text(content[0])}", 18)
    # "an amendment (to the charter) that would let the state seize the mines": what it would do is at stake; the
    # parser often hangs the clause on the last noun of the phrase
    nouns = [token, *(o for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    # "the territory gained by aggression": a participle right after its noun says which one, as such a clause does
    defining = [c for n in nouns for c in n.children if c.dep_ == "relcl" and not non_restrictive(c)
                or c.dep_ == "acl" and c.tag_ == "VBN" and c.left_edge.i == n.i + 1]
    # "a series of laws known as the Intolerable Acts" (a name is not renamed: "the X Act, commonly known as PL-480")
    naming = defining + [c for n in nouns for c in n.children if c.dep_ == "acl" and n.pos_ == "NOUN"]
    named = [n for c in naming if (n := name_given(c, ctx.triggers["agreements"]["naming_words"])) is not None]
    if named:  # "proposed an initiative (that would be) known as Lend-Lease": the initiative is Lend-Lease
        return _short(phrase(named[0]))
    if defining:
        room = max(18 - len(text.split()), 4)  # a cut leaves no dangling "as a" or "by"
        return _short(f"{text} {text_of(cut_words(list(defining[-1].subtree), room))}", 18)
    for preposition in ctx.frames.exchange_prepositions:  # what is given in return is a stance of its own
        text = text.split(f" {preposition} ")[0]
    for objection in (o for p in token.children for o in p.children if _overriding_anchor(ctx, o) == token):
        text = text.split(f" {objection.head.lower_} ")[0]  # "the treaty over the objections of X" is the treaty
    return _short(text)


def _when_said(ctx: Context, verb: Token) -> tuple[Token, ...]:
    """"offered to sell Alaska to the United States in 1859": the time of an act is when the stance was taken on it,
    not part of what it is about (the same act wanted in another year is the same issue); how soon is ("could reach
    accords in 6 to 8 months")."""
    return tuple(c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "during")
                 and any(o.dep_ == "pobj" and o.i in ctx.dates for o in c.children))


def _fronted_prepositions(verb: Token) -> frozenset[str]:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return frozenset(c.lower_ for c in verb.children if c.dep_ == "prep" and subject is not None and c.i < subject.i)


def _inside_clause(t: Token, root: Token) -> bool:
    while t != root:
        if t.dep_ in ("advcl", "relcl", "parataxis", "ccomp", "xcomp", "acl"):
            return True
        t = t.head
    return False


def _short(text: str, limit: int = 14) -> str:
    words = text.split()
    return " ".join(words[:limit])


def _exchanged(ctx: Context, match: FrameMatch, stance: str, fact: Factuality, holders: list[str],
               recipients: list[str], issues: list[str]) -> None:
    """"X insisted on A in exchange for B": X offers B. "X rewards Y with A in exchange for B": X wants B, and Y, the
    other side of the deal, wants A and offers B."""
    counterpart = ctx.frames.exchange_counterpart.get(stance)
    pred = match.predication
    items = _exchange_items(pred.head, ctx.frames.exchange_prepositions)
    if counterpart is None or not items:
        return
    # the parser rarely gets a long list right: its items are read off the words ("A, B and C"); without a comma
    # there is no list ("leases to land in A and the B" is one item)
    listed = [text_of(list_from(item)) for item in items]
    texts = [strip_determiners(t) for text in listed for t in (split_list(text) if "," in text else [text])]
    for text in dict.fromkeys(texts):
        for holder in holders:
            _add(ctx, holder, counterpart, text, fact, pred.sentence, "frame:exchange", 0.6)
        for recipient in recipients:
            _add(ctx, recipient, stance, text, fact, pred.sentence, "frame:exchange-recipient", 0.55)
    for recipient in recipients:
        for issue in issues:
            _add(ctx, recipient, counterpart, issue, fact, pred.sentence, "frame:exchange-recipient", 0.55)


def _exchange_items(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """The objects of "in exchange for" anywhere in the predicate's own clause: the parser often hangs it deep
    inside the object ("insisted on a withdrawal to the 1967 borders in exchange for ..."), or on the infinitive
    it takes ("agreed to cede the valley in return for ...")."""
    found = []
    for token in head.subtree:
        if token.pos_ in ("NOUN", "PROPN", "ADJ") and not _inside_clause(token, head):
            found += [t for p, t in noun_predication(token).obliques if p in prepositions]
    verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")] if head.pos_ == "VERB" else []
    found += [t for verb in verbs for p, t in verb_predication(verb).obliques if p in prepositions]
    return list(dict.fromkeys(found))


def self_reports(ctx: Context, sent: SentSpan) -> None:
    """"Kim has said he will never denuclearize": a speaker who says what they themselves, or the state or body they
    lead or serve, will do offers it, or rejects it when the clause is negated ("Britain's minister stated that
    Britain would not revoke X"); the position is on the speaker's own word. Only verbs that bind the speaker
    count ("arguing that it would leave the country exposed" tells a view)."""
    binding = set(ctx.triggers["positions"]["binding_verbs"])
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in binding:
            continue
        speakers = _holders(ctx, verb)
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and _told(ctx, verb, c)):
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
            future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in clause.children)
            if not speakers or not future or not doers or _described(clause):
                continue
            # "Chile and Peru declared that they would ...": each speaker for its own part
            spoken = {doer: speaker for doer in _actors(ctx, doers) for speaker in reversed(speakers)
                      if _speaks_for(ctx, speaker, [doer])}
            if not spoken:
                continue
            negated = ctx.reading(clause).polarity == "Negative"
            said = {t.i for d in doers for t in d.subtree} | {c.i for c in clause.children
                                                              if c.dep_ in ("aux", "neg", "mark", "punct") or c.lower_ == "never"}
            issue = text_of([t for t in clause.subtree if t.i not in said][:16])
            for doer, speaker in spoken.items():
                # "X reportedly told Y that it would ...": the offer is as sure as the telling
                fact = Factuality("Positive", ctx.factuality(verb).modality, speaker)
                _add(ctx, doer, "Rejects" if negated else "Offers", issue, fact, sent, "rule:self-report", 0.55)


def _described(clause: Token) -> bool:
    """"arguing that they would not be free or fair": what a thing will be is no act anyone offers (what one would be
    willing or happy to do is: "he would be happy to talk with Nixon")."""
    return clause.lemma_ == "be" and not any(c.dep_ == "xcomp" for a in clause.children if a.dep_ == "acomp"
                                             for c in a.children)


def _told(ctx: Context, verb: Token, clause: Token) -> bool:
    """A clause its speaker is said to have said: "has not stated whether it would defend Taiwan", "did not say that
    X must go" tell nothing the speaker holds."""
    return ctx.factuality(verb).polarity != "Negative" and not opened_by_any(clause, ("whether", "if"))


def _speaks_for(ctx: Context, speaker: str, doers: list[str]) -> bool:
    """The speaker is the doer, or leads or serves it (a relation read before in the text)."""
    return doers == [speaker] or bool(doers) and doers[0] in ctx.served_by(speaker)


def normative_reports(ctx: Context, sent: SentSpan) -> None:
    """"Johnson said they must gain control of X": a speaker who says something must be done demands it; "X believed
    that the army should stay out of politics": one who holds that a state of affairs should be supports it, and so
    does one convinced of it ("convinced Y that Z should ..."): Y. A clause in the bare form says what should be as
    "should" does ("insisted that the treaty be ratified")."""
    opinion = set(ctx.triggers["positions"]["opinion_verbs"])
    persuading = set(ctx.triggers["positions"]["persuading_verbs"])
    stating = ctx.cues.reporting_verbs | opinion | persuading
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in stating or verb.pos_ != "VERB":
            continue
        speakers = _actors(ctx, objects(verb)) if lemma in persuading else _holders(ctx, verb)
        for clause in _said_clauses(verb, lemma in persuading):
            if _told(ctx, verb, clause):
                _normative_clause(ctx, sent, speakers, clause)
    # "Ruiz's conviction that Chile must lead", "the view of Peru that X should withdraw": a noun of belief whose clause
    # says what ought to be holds it as its verb does
    for match in matches(sent, ctx.frames, "PolicyPosition"):
        if match.frame.stance == "Believes" and match.predication.category == "noun":
            speakers = _actors(ctx, match.fillers("holder"))
            for clause in match.predication.clauses:
                _normative_clause(ctx, sent, speakers, clause)


def _normative_clause(ctx: Context, sent: SentSpan, speakers: list[str], clause: Token) -> None:
    """What the speakers hold of a clause that says what must or should be: they demand or support it, or oppose
    what it says must not be."""
    if not _ought(clause) and not subjunctive(clause, ctx.cues):
        return
    fact = Factuality("Positive", "Normative", speakers[0] if speakers else None)
    negated = any(c.dep_ == "neg" for c in clause.children)
    if negated and clause.lemma_ == "be":
        return  # "should not be hostile" describes a manner, not an act to oppose
    refused = _refused_act(ctx, clause)
    if refused is not None or negated:
        # "said Chile should not join X", "... must avoid joining X": the speaker opposes that act
        doer = " ".join(phrase(t) for t in subjects(clause)[:1])
        if refused is None:
            text = f"{doer} {_predicate_words(clause)}"
        else:
            text = f"{doer} {clause_text(refused)}" if refused.pos_ in ("VERB", "AUX") else phrase(refused)
        stance = "Demands" if refused is not None and negated else "Opposes"
        for speaker in speakers:
            _add(ctx, speaker, stance, text.strip(), fact, sent, "rule:normative-report", 0.55)
        return
    stance, text = ("Demands", _predicate_words(clause)) if objects(clause) else ("Supports", clause_text(clause))
    for speaker in speakers:
        _add(ctx, speaker, stance, text, fact, sent, "rule:normative-report", 0.55)


def _ought(clause: Token) -> bool:
    """"the army should stay out of politics": the clause says what must or should be."""
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in clause.children)


def _said_clauses(verb: Token, persuading: bool) -> list[Token]:
    """The that-clauses a verb governs, each of a list ("said that X and that Y"); after "convinced X", the parser
    may hang it on X."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not open_question(c)]
    clauses += [c for o in objects(verb) for c in o.children if persuading and c.dep_ == "acl" and that_clause(c)]
    return [t for c in clauses for t in (c, *listed_that_clauses(c))]


def _predicate_words(verb: Token) -> str:
    """"should not join the council" -> "join the council": the verb with its complements, no modal or negation."""
    return text_of([verb] + [t for c in verb.children if c.dep_ in ("dobj", "prep", "attr", "acomp", "prt", "dative")
                             for t in c.subtree])


def _refused_act(ctx: Context, verb: Token) -> Token | None:
    """"avoid becoming involved", "refuse to join", "stop the tests": what a verb of not doing keeps from happening."""
    if verb.lemma_.lower() not in ctx.triggers["factuality"]["negative_implicatives"]:
        return None
    return next((c for c in verb.children if c.dep_ in ("xcomp", "dobj")), None)


def purposes(ctx: Context, sent: SentSpan) -> None:
    """"X sent aid to ensure Y's election", "X acted in order to prevent Y": the doer supports what the act is for,
    and opposes what it is to prevent or end, as surely as the act is stated. A purpose that is itself a stance
    ("sent envoys to demand Y") is read by its frame."""
    for verb in sent:
        # "examined whether to expand the pact to include Japan": an act only weighed has no purpose anyone holds
        # ("learned how the British used force to compel X" tells one)
        if verb.pos_ != "VERB" or _takes_infinitive(ctx, verb) or opened_by_any(verb, ("whether",)):
            continue
        pred = verb_predication(verb, ctx.frames.object_control)
        if any(t.lower_ in ctx.cues.negative_quantifiers for t in pred.themes) \
                or infinitive_of_its_noun(verb) and _noun_s_own(ctx, verb):
            continue  # "did little to ease the crisis": hardly an act for it; "the ability to use force to ...": no act
        wanted = [p for p in pred.purposes if _joined(verb, p) and not _noun_s_own(ctx, p) and not _aspect(ctx, verb, p)] \
            + _ends_of_means(ctx, pred)
        wanted = [p for p in dict.fromkeys(wanted) if not ctx.frames.reads_acts(p.lemma_.lower())
                  and not _found_out(ctx, p)]
        fact = ctx.factuality(verb) if wanted else None
        if fact is None or fact.polarity == "Negative":
            continue
        issues = [(p, text) for p in wanted if len((text := clause_text(p)).split()) > 1]
        # "withdrew in order not to provoke Peru": what the act is to keep from happening, its doer opposes
        negated = {p for p, _ in issues if any(c.dep_ == "neg" for c in p.children)}
        avoided = [text.removeprefix("not ") for p, text in issues if p in negated]
        issues = [(p, text) for p, text in issues if p not in negated]
        for holder in _holders(ctx, verb):
            for purpose, issue in issues:
                _add(ctx, holder, _coerced(ctx, "Supports", purpose), issue, fact, sent, "rule:purpose", 0.55)
            for issue in _ended(ctx, issues) + avoided:
                _add(ctx, holder, "Opposes", issue, fact, sent, "rule:purpose", 0.55)


def _aspect(ctx: Context, verb: Token, infinitive: Token) -> bool:
    """"came to view X as unlikely": an infinitive right after a verb of aspect is how things came to be, no purpose
    ("came to Lima to sign" has one)."""
    between = verb.doc[verb.i + 1: infinitive.left_edge.i]
    return verb.lemma_.lower() in ctx.triggers["positions"]["aspect_verbs"] and all(t.pos_ == "ADV" for t in between)


def _found_out(ctx: Context, infinitive: Token) -> bool:
    """"woke to find that X": what the act led to finding out, not what it was for (the parser may make the
    "that" an object of its own, the clause a sentence of its own)."""
    return infinitive.lemma_.lower() in ctx.triggers["positions"]["discovery_verbs"] and any(
        c.dep_ == "ccomp" or c.lower_ == "that" and c.tag_ == "IN" for c in infinitive.children)


def _takes_infinitive(ctx: Context, verb: Token) -> bool:
    """"failed, in the months after, to make progress": a verb whose infinitive says what was (not) done, tried or
    asked, or what its object was taken for ("understood the move to mean X"), wherever the parser hangs it, has no
    purpose clause."""
    lemma = verb.lemma_.lower()
    construed = lemma in ctx.triggers["positions"]["construing_verbs"] and any(c.dep_ == "dobj" for c in verb.children)
    # "Soto had to be removed", "needed to yield": "to" right after a verb of need is what is due, not what for
    due = lemma in ctx.cues.normative_modals and verb.doc[verb.i + 1: verb.i + 2].text == "to"
    return lemma in ctx.cues.negative_implicatives or lemma in ctx.cues.future_verbs or construed or due \
        or lemma in ctx.frames.object_control - ctx.frames.sending_verbs or ctx.frames.reads_acts(lemma)


def _ends_of_means(ctx: Context, pred: Predication) -> list[Token]:
    """"took steps to ease tension", "devised measures to compel X": what a means is for, its taker wants, wherever the
    parser hangs the infinitive ("deterred initiatives to start talks" takes none)."""
    if pred.lemma not in ctx.frames.means_verbs and pred.lemma not in ctx.frames.light_verbs:
        return []
    means = [o for o in pred.themes if o.lemma_.lower() in ctx.frames.means_nouns]
    return [c for o in means for c in o.children if infinitive_of_its_noun(c)] + [
        p for p in pred.purposes if p.left_edge.i > 0 and p.doc[p.left_edge.i - 1] in means]


def _noun_s_own(ctx: Context, infinitive: Token) -> bool:
    """"transferred the obligations to reduce X": an infinitive right after a noun that takes one is that noun's,
    however the parser hangs it; so is one after a phrase headed by a noun whose infinitive says what it is of, or
    after such a noun as the object ("ignoring warnings from Lima to halt the march", "lacked the authority from its
    congress to close the port"; not "used the threat of force to gain Y")."""
    if infinitive.left_edge.i == 0:
        return False
    before = infinitive.doc[infinitive.left_edge.i - 1]
    lemma = before.lemma_.lower()
    if before.pos_ == "NOUN" and (lemma in ctx.triggers["positions"]["infinitive_nouns"] or ctx.frames.evoked(
            "noun", lemma) or lemma in ctx.cues.irrealis_nouns):
        return True
    owners = [o for o in infinitive.head.children if o.dep_ == "dobj" and o.i < infinitive.i]
    while before.head != before and before.head.pos_ != "VERB" and before.head.right_edge.i == before.right_edge.i:
        before = before.head
        owners.append(before)
    return any(o.pos_ == "NOUN" and o.lemma_.lower() in ctx.triggers["positions"]["infinitive_nouns"] for o in owners)


def _joined(verb: Token, purpose: Token) -> bool:
    """"faced a dilemma: to go on was to submit", "had three options: to wait, to sue or to fight": an infinitive
    set off by a dash or colon is no purpose."""
    low, high = sorted((verb.i, purpose.left_edge.i - 1))
    return not any(t.text in ("—", "–", ":", ";", "--") for t in verb.doc[max(low, 0):high + 1])


def backed_things(ctx: Context, sent: SentSpan) -> None:
    """"the Soviet-backed regime", "a U.S.-sponsored plan", "the French-proposed truce": the actor a hyphen joins to a
    participle of a verb of supporting or offering takes that stance on the noun it modifies; a modifier presupposes
    it, so the clause's modality does not reach it. Other stances are not read so: "U.N.-sanctioned action" was
    approved, "French-held" is no belief, and a capitalised participle is part of a name ("Most-Favored-Nation")."""
    for participle in sent:
        if participle.dep_ != "amod" or participle.i < 2 or participle.doc[participle.i - 1].text != "-" \
                or not participle.is_lower:
            continue
        stances = ctx.frames.verb_stances([participle.lemma_.lower()]) & {"Supports", "Offers"}
        holders = ctx.registry.actors(participle.doc[participle.i - 2])
        if len(stances) != 1 or not holders:
            continue
        issue = _short(text_of([t for t in participle.head.subtree if t.i > participle.i and t.dep_ != "punct"]))
        for holder in holders:
            _add(ctx, holder, next(iter(stances)), issue, Factuality(), sent, "rule:backed-thing", 0.65)


def overridden_objections(ctx: Context, sent: SentSpan) -> None:
    """"the Senate approved the treaty over the objections of naval officers", "Congress ratified it against the
    protests of Webster and Clay", "the ban was expanded despite objections from China", "in spite of fierce French
    opposition, Chile annexed X": who objected opposes what the clause acted on; the preposition presupposes the
    objection, so the clause's modality does not reach it."""
    for noun in sent:
        anchor = _overriding_anchor(ctx, noun)
        if anchor is None:
            continue
        objectors = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                     for o in c.children if o.dep_ == "pobj"]
        owners = [c for c in noun.children if c.dep_ == "poss" or c.dep_ == "amod" and c.ent_type_ == "NORP"]
        for holder in _actors(ctx, objectors + owners):
            for theme in _overridden(anchor):
                _add(ctx, holder, "Opposes", _argument_text(ctx, theme), Factuality(), sent,
                     "rule:overridden-objection", 0.6)


def _overriding_anchor(ctx: Context, noun: Token) -> Token | None:
    """The word a phrase of an objection overridden hangs on: "approved it over the objections of X" (approved),
    "in spite of X's protests, Y annexed it" (annexed)."""
    section = ctx.triggers["positions"]
    if noun.lemma_.lower() not in section["objection_nouns"] or noun.dep_ != "pobj":
        return None
    outer = noun.head
    while outer.head.dep_ == "pobj" and outer.head.head.dep_ == "prep" and outer.head.head.i < outer.i:
        outer = outer.head.head  # "in spite of", "in the face of"
    preposition = noun.doc[outer.i: noun.left_edge.i].text.lower()
    return outer.head if preposition in section["overriding_prepositions"] else None


def _overridden(anchor: Token) -> tuple[Token, ...]:
    """What was acted on over the objection, from the word the parser hung its phrase on: the act's object or a
    passive's subject ("ratified the treaty over ...", which it may hang on "treaty"); past an infinitive after the
    act ("was expanded to cover Hawaii, over objections": the expanding was objected to)."""
    if anchor.pos_ in ("NOUN", "PROPN"):
        return (anchor,) if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ == "VERB" else ()
    while anchor.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        anchor = anchor.head
    return verb_predication(anchor).themes[:1] if anchor.pos_ == "VERB" else ()


def sides_taken(ctx: Context, sent: SentSpan) -> None:
    """"pro-French Thomas Jefferson", "the pro-Soviet Afghan government": the actor a "pro-" or "anti-" word modifies
    takes that stance on the side it names (a state named by its demonym is that state); a modifier presupposes it,
    so the clause's modality does not reach it."""
    prefixes = ctx.triggers["positions"]["side_prefixes"]
    for side in sent:
        taken = side_prefix(side, prefixes) if side.dep_ == "amod" else None
        if taken is None:
            continue
        prefix, word = taken
        head = side.head
        while head.dep_ == "compound" and head.head.i > head.i:  # "anti-Chilean President Ana Ruiz"
            head = head.head
        if head.lemma_.lower() in ctx.triggers["relations"]["opinion_nouns"]:
            continue  # "anti-Chinese sentiment" says what the sentiment is, not whose
        state = ctx.registry.state_of_demonym(word)
        issue = ctx.registry.entities[state].label if state in ctx.registry.entities else side.text.split("-")[-1]
        for holder in (h for h in ctx.registry.actors(head, coordinated=False) if h != state):
            _add(ctx, holder, prefixes[prefix], issue, Factuality(), sent, "rule:side-taken", 0.6)


def possessed_policies(ctx: Context, sent: SentSpan) -> None:
    heads = set(ctx.triggers["positions"]["policy_heads"])
    for token in sent:
        if token.lemma_.lower() not in heads or token.pos_ != "NOUN":
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")]
        # "X's policy of deepening ties": what the policy is; else its modifiers ("X's open borders policy")
        content = [t for p, t in noun_predication(token).obliques if p == "of"]
        holders = ctx.registry.actors(owners[0]) if owners else _named_owners(ctx, token, content)
        if not holders:
            continue  # "its policies" is too often someone else's than the clause's subject
        words = [t for c in token.children if c.dep_ in ("compound", "amod") for t in c.subtree]
        if not content and token.tag_ == "NNS":
            # "X's trade policies" are its rules on trade, no stance for trade; "her Andean Deal policies" are a program
            # she runs under its name
            words = [t for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree]
            if not words:
                continue
        if not content and not any(t.pos_ in ("NOUN", "PROPN") for t in words):
            continue  # "X's new foreign policy": adjectives alone name nothing the policy is for
        if not content and all(t.ent_type_ in PLACE_TYPES for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ")):
            continue  # "X's China policy", "X's Soviet policy": its policy toward a place, neither for it nor against
        issue = _argument_text(ctx, content[0]) if content else text_of(words)
        for holder in holders:
            # a possessive presupposes the policy, so belief or hedge verbs above do not reach it
            _add(ctx, holder, "Supports", issue, Factuality(), sent, "rule:possessed-policy", 0.65)


def _named_owners(ctx: Context, policy: Token, content: list[Token]) -> list[str]:
    """"the Soviet policy of rejecting inspections", "a U.S. policy of protecting X": a state or body the policy's
    modifiers name owns it, where an "of" phrase says what the policy is (without one, "the Soviet policy" may be a
    policy toward the Soviet Union; "the China policy of the United States" names its owner after it)."""
    if not content or ctx.registry.actors(content[0]):
        return []
    modifiers = [c for c in policy.children if c.dep_ in ("amod", "compound", "nmod") and c.i < policy.i]
    return [k for c in modifiers for k in ctx.registry.actors(c, coordinated=False)
            if ctx.registry.kind(k) in ("State", "Organization")]


def judgments(ctx: Context, sent: SentSpan) -> None:
    """"X argued that Y is a threat", "X said Y was morally wrong": the speaker opposes Y; "X said Y was essential":
    the speaker supports Y. "It was wrong to annex Z": the judged thing is the infinitive the "it" stands for.
    "X regarded Y as a threat", "X viewed Y as vital": the same judgment, held rather than said."""
    _regarded(ctx, sent)
    for word in sent:
        speakers, clauses = _said(ctx, word)
        for clause in clauses:
            stance = _judgment(ctx, clause)
            topics = [c for c in clause.children if c.dep_ == "nsubj"]
            if stance is None or not topics or not speakers or ctx.reading(clause).polarity == "Negative" \
                    or not _told(ctx, word, clause):
                continue
            topic = phrase(topics[0])
            if topics[0].lower_ == "it":
                extraposed = [c for c in clause.children if c.dep_ in ("advcl", "xcomp", "ccomp") and c.i > topics[0].i
                              and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
                if not extraposed:
                    continue
                topic = clause_text(extraposed[0])
            fact = Factuality("Positive", ctx.factuality(word).modality, speakers[0])  # "reportedly said": hedged
            for speaker in speakers:
                _add(ctx, speaker, stance, topic, fact, sent, "rule:judgment", 0.55)


def _regarded(ctx: Context, sent: SentSpan) -> None:
    section = ctx.triggers["positions"]
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in section["regarding_verbs"]):
        judged = [o for o in objects(verb) if o.dep_ == "dobj"]
        # (or on the object: "saw the agreement as a betrayal", which is no part of what is judged)
        on_object = [p for o in judged for p in o.children if p.dep_ == "prep" and p.lower_ == "as"]
        named = [w for p in [*verb.children, *on_object] if p.dep_ == "prep" and p.lower_ == "as"
                 for w in p.children if w.dep_ in ("pobj", "amod", "acomp")]
        # "considered the bomb a threat": with no "as", the parser makes the second noun the object's predicate, or
        # the head of a clause whose subject is the first
        named += [c for c in verb.children if c.dep_ == "oprd"]
        # "described the treaty as vital": the parser may make the "as" a modifier of the word it introduces
        named += [c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("ADJ", "NOUN")
                  and any(a.lower_ == "as" and a.i < c.i for a in c.children)]
        small = [c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.pos_ == "NOUN"
                 and any(s.dep_ == "nsubj" for s in c.children)]
        if small:
            judged, named = [s for s in small[0].children if s.dep_ == "nsubj"], [small[0]]
        stance = next((s for w in named if (s := _judged_by(section, w.lemma_.lower(), w.pos_)) is not None), None)
        fact = ctx.factuality(verb)
        if stance is None or not judged or fact.polarity == "Negative":
            continue
        text = _argument_text(ctx, judged[0])
        for aside in on_object:
            text = text.removesuffix(f" {text_of(list(aside.subtree))}")
        for holder in _holders(ctx, verb):
            _add(ctx, holder, stance, text, fact, sent, "rule:judgment", 0.55)


def _judged_by(section: dict, lemma: str, pos: str) -> str | None:
    """The stance a word of judgment takes on what it is said of: "a threat", "wrong" oppose it; "vital", "the best
    guarantee of peace" support it."""
    if pos == "NOUN":
        return "Opposes" if lemma in section["negative_frames"] else "Supports" if lemma in section["positive_frames"] \
            else None
    return "Opposes" if lemma in section["negative_judgments"] else "Supports" if lemma in section["positive_judgments"] \
        else None


def _judgment(ctx: Context, clause: Token) -> str | None:
    """The stance a clause's predicate takes on its subject: a noun of harm ("is a threat", "poses a danger") or an
    adjective of judgment ("was wrong", "is essential")."""
    section = ctx.triggers["positions"]
    if clause.pos_ == "ADJ" and clause.dep_ == "ccomp":  # "considered it imperative to X": a clause with no verb
        return _judged_by(section, clause.lemma_.lower(), "ADJ")
    for c in clause.children:
        lemma = c.lemma_.lower()
        if lemma in section["negative_frames"] and (
                c.dep_ == "attr" or c.dep_ == "dobj" and clause.lemma_.lower() in section["framing_verbs"]):
            return "Opposes"
        if c.dep_ == "attr" and any(_judgment(ctx, a) == "Opposes" for a in c.children if a.dep_ == "acl"):
            return "Opposes"  # "Y was a client posing a threat to Z": what the noun is said to do is said of Y
        if c.dep_ == "acomp" and clause.lemma_.lower() == "be" and _judged_by(section, lemma, "ADJ"):
            return _judged_by(section, lemma, "ADJ")
    return None


def _an_offer(ctx: Context, noun: Token) -> bool:
    """"the invitation", "the guarantee": a noun that itself makes an offer."""
    return any(frame.stance == "Offers" for frame in ctx.frames.evoked("noun", noun.lemma_.lower()))


def _said(ctx: Context, word: Token) -> tuple[list[str], list[Token]]:
    """Who says or holds what: a reporting or opinion verb's subject and its clause, or the owner of a saying noun ("X's remark
    that ...") and the clause that gives its content."""
    if word.pos_ == "VERB" and (word.lemma_.lower() in ctx.cues.reporting_verbs
                                or word.lemma_.lower() in ctx.triggers["positions"]["opinion_verbs"]):
        return _holders(ctx, word), [c for c in word.children if c.dep_ == "ccomp"]
    if word.pos_ == "NOUN" and word.lemma_.lower() in ctx.triggers["positions"]["saying_nouns"]:
        owners = _actors(ctx, [c for c in word.children if c.dep_ == "poss"])
        return owners, [c for c in word.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return [], []


def disagreements(ctx: Context, sent: SentSpan) -> None:
    """Disagreement frames ("X and Y disagreed over Z", "the rift between X and Y", "X were divided over Z"), and
    what two parties fail to settle."""
    _unresolved_issues(ctx, sent)
    _worsened_relations(ctx, sent)
    # "Chile and Peru were divided by a buffer zone": who is kept apart by a thing on the ground is not at odds
    barriers = set(ctx.triggers["disagreements"]["barrier_nouns"])
    for match in matches(sent, ctx.frames, "Disagreement"):
        # (nor is the body whose name the barrier bears: "divided by a U.N. buffer zone"); "tensions rose over the
        # border" are at odds over it
        if any(a.lemma_.lower() in barriers and (a.dep_ != "pobj" or a.head.lower_ == "by")
               for a in match.predication.agents):
            continue
        parties, used = _parties(ctx, match)
        # "opinion was divided between A and B over X": with what it is over said, the subject is what is divided
        candidates = list(match.candidates("concerns"))
        named = any(t.ent_type_ != "DATE" for source, tokens in candidates if source != "agent" for t in tokens)
        concerned = [t for source, tokens in candidates for t in tokens if not (named and source == "agent")]
        # "the gap between X's and Y's positions on Z": what the parties' views are about
        concerned += [t for i in used for p, t in noun_predication(ctx.doc[i]).obliques
                      if p in ("on", "over", "about", "regarding", "concerning")]
        # "divided over A, as well as B": each thing coordinated is an issue of its own, also where the parser hangs
        # B on the verb
        concerned += [c for c in match.predication.head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        # "the gap between their views on A, not to mention their stances on B": B divides them too
        concerned += [t for o in _mentioned_too(match.predication.head) for p, t in noun_predication(o).obliques
                      if p in ("on", "over", "about", "regarding", "concerning")]
        concerned = list(dict.fromkeys(c for t in concerned for c in conjuncts(t) if c == t or c.pos_ in ("NOUN", "PROPN")))
        issues = [text for t in concerned if t.i not in used and t.ent_type_ != "DATE" and (text := _argument_text(ctx, t))]
        for pair in _pairs_at_odds(ctx, match, parties):
            _disagreement(ctx, sent, pair, issues[:3], ctx.factuality(match.predication.head),
                          f"frame:{match.frame.name}:{match.predication.category}")


def _worsened_relations(ctx: Context, sent: SentSpan) -> None:
    """"Relations between A and B soured over X", "X strained relations between A and B", "A's ties with B
    deteriorated as X dragged on": two whose relations a thing worsens are at odds over it."""
    words = ctx.triggers["disagreements"]
    worsening = set(words["worsening_verbs"])
    for verb in (t for t in sent if t.pos_ == "VERB" and _phrasal_lemmas(t) & worsening):
        below = [o for o in subjects(verb) + objects(verb) if o.lemma_.lower() in words["relation_nouns"]]
        for relations in below[:1]:
            if relations.dep_ in ("dobj", "nsubjpass"):  # "X strained relations", "relations were strained by X"
                causes = [s for s in subjects(verb) + agents(verb) if s != relations]
            else:  # "relations soured over X", "... as the battles over X continued"
                causes = prep_objects(verb, "over", "about", "because of") + [
                    s for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children)
                    for s in subjects(c)]
            issues = [text for t in causes if not ctx.registry.actors(t) and (text := _argument_text(ctx, t))]
            fact = ctx.factuality(verb)
            for pair in _relations_of(ctx, relations, causes):
                _disagreement(ctx, sent, pair, issues[:2], fact, "rule:worsened-relations")


def _relations_of(ctx: Context, relations: Token, causes: list[Token]) -> list[list[str]]:
    """The pairs whose relations a noun names: "relations between A and B"; "A's relations with B and C" (A with
    each); "X's censure of A soured relations with B": the one whose act or word did it, with B."""
    between = _actors(ctx, prep_objects(relations, "between", "among"))
    named = _actors(ctx, [t for c in relations.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree])
    if len(between) == 2 or len(named) == 2:  # "relations between A and B", "Sino-Soviet relations"
        return [between if len(between) == 2 else named]
    owner = _actors(ctx, [c for c in relations.children if c.dep_ == "poss"]) or named or _actors(ctx, causes) \
        or _actors(ctx, [c for t in causes for c in t.children if c.dep_ == "poss"])
    others = _actors(ctx, prep_objects(relations, "with"))
    return [[owner[0], other] for other in others if other != owner[0]] if len(owner) == 1 else []


def _phrasal_lemmas(verb: Token) -> set[str]:
    """The verb's lemmas, with its particle if it has one ("broke down": "break down")."""
    particle = particle_of(verb)
    return {f"{lemma} {particle}" if particle else lemma for lemma in verb_lemmas(verb)}


def _unresolved_issues(ctx: Context, sent: SentSpan) -> None:
    """"The two nations could not resolve the issues: A and B", "X and Y could not agree on A", "the treaty left A
    unsettled": what two parties fail to settle, or to agree on, divides them."""
    section = ctx.triggers["positions"]
    settling, agreeing, leaving_verbs = (set(section[k]) for k in ("settling_verbs", "agreeing_verbs", "leaving_verbs"))
    verbs = settling | agreeing | leaving_verbs
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in verbs):
        parties = _actors(ctx, subjects(verb)) or _signers(ctx, subjects(verb))
        leaving, polarity = verb.lemma_.lower() in leaving_verbs, ctx.factuality(verb).polarity
        # "the treaty left the border unsettled": what two parties leave unsettled they have not settled
        left_unsettled = leaving and polarity == "Positive" and any(
            c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl") and c.lower_ in section["unsettled_words"]
            for c in verb.children)
        if len(parties) < 2 or not (left_unsettled or not leaving and polarity == "Negative"):
            continue
        settled = prep_objects(verb, "on", "upon", "over", "about") if verb.lemma_.lower() in agreeing \
            else [o for o in objects(verb) if o.lower_ not in section["unsettled_words"]]
        # "the two other issues: the number of bombers and the number of warheads" names the issues after the colon
        named = [a for o in settled for c in o.children if c.dep_ == "appos" for a in conjuncts(c)]
        # "A of B and the C": two items; "the issues surrounding X": the whole phrase says which
        texts = [strip_determiners(item) for t in named if t.pos_ in ("NOUN", "PROPN")
                 for item in split_list(_argument_text(ctx, t)) if len(item) > 2]
        texts = texts or [strip_determiners(text_of(list(o.subtree)[:14])) for o in settled]
        _disagreement(ctx, sent, parties, texts[:3], Factuality(), "rule:unresolved-issue")


def _signers(ctx: Context, heads: list[Token]) -> list[str]:
    """"The treaty did not settle the border question": the parties of an agreement left it unsettled."""
    keys = {ctx.agreement_at[t.i] for t in heads if t.i in ctx.agreement_at}
    return list(dict.fromkeys(r.object for r in ctx.signatory_relations(keys) if r.factuality.polarity == "Positive"))


def opposed_stances(ctx: Context) -> None:
    """Two actors taking opposite stances on one issue within a few sentences disagree on it: "X pushed for on-site
    inspections ... the Soviets were hesitant to permit such inspections"."""
    firm = [p for p in ctx.positions if p.factuality.polarity == "Positive" and p.factuality.modality == "Asserted"
            and p.stance != "Believes"]  # a view that a thing is so is neither for nor against it
    against = {p.key: _against(ctx, p) for p in firm}  # once a position, not once a pair
    names = _actor_words(ctx)
    words = {p.issue: {w for w in _content_words(ctx.registry.entities[p.issue].label) if w not in names} for p in firm}
    side = _sides(ctx)
    for first, second in combinations(firm, 2):
        if against[first.key] == against[second.key]:
            continue
        sides = [side(first.holder), side(second.holder)]
        near = abs(first.evidence.span.begin - second.evidence.span.begin) <= NEAR
        if sides[0] != sides[1] and near and _same_issue(first.issue, second.issue, words, ctx.lexicon.by_key()) \
                and not _both_ways(first, second, firm, against, side, words, ctx.lexicon.by_key()):
            later = max(first, second, key=lambda p: p.evidence.span.begin)
            sent = next(s for s in ctx.doc.sents if s.start_char <= later.evidence.span.begin < s.end_char)
            label = ctx.registry.entities[first.issue].label
            _disagreement(ctx, sent, sides, [label], Factuality(), "rule:opposed-stances")


def _both_ways(first: Position, second: Position, firm: list[Position], against: dict[str, bool],
               side: Callable[[str], str], words: dict[str, set[str]], named: Mapping[str, object]) -> bool:
    """"committed to doing their part to help contain it": one side that, in the same sentence, also takes the other's
    stance on the issue (one sentence read two ways) is at odds with no one."""
    return any(side(p.holder) == side(one.holder) and p.evidence.span == one.evidence.span
               and against[p.key] == against[other.key] and _same_issue(p.issue, other.issue, words, named)
               for one, other in ((first, second), (second, first)) for p in firm)


def _sides(ctx: Context) -> Callable[[str], str]:
    """The state an actor's stance stands for: a leader's state, or the state the text makes the person an official
    of ("President Ruiz" in a Chilean text), else the actor."""
    officials = {r.subject: r.object for r in ctx.relations if r.predicate in ("leaderOf", "affiliatedWith")
                 and r.factuality.is_plain_fact and ctx.registry.kind(r.object) == "State"}

    def side(actor: str) -> str:
        state = ctx.registry.state_of(actor)
        return officials.get(actor, actor) if state == actor else state

    return side


AGAINST = frozenset({"Opposes", "Rejects"})
NEAR = 1500  # characters: a paragraph or so


def _against(ctx: Context, position: Position) -> bool:
    """Whether the position is against what its issue names: to support, offer or demand addressing or ending a thing
    ("address trade barriers", "a ban on X") is to be against it, as its opponents are."""
    ending = _ending_act(ctx, ctx.registry.entities[position.issue].label)
    return (position.stance in AGAINST) != (position.stance not in AGAINST and ending)


def _ending_act(ctx: Context, label: str) -> bool:
    """An issue that names an act of ending a thing: "end the blockade", "abolishing serfdom", "halting the tests"."""
    words = label.lower().split()
    return bool(words) and any(words[0] == v or words[0].startswith(v.removesuffix("e") + "i")
                               for v in ctx.frames.ending_verbs)


def _same_issue(first: str, second: str, words: dict[str, set[str]], named: Mapping[str, object]) -> bool:
    """One issue, or, unless both are topics of the issue scheme (``named``: "human rights" and "human rights abuses"
    are two), two that share two words of their own, half the words of the shorter at least (``words``: each
    issue's words, those of actors' names left out: "the United States would join X" and "the United States should
    act on Y" are not one issue, nor are "persuade X to work toward a coastal fishing quota system" and "end raids
    and oppose a coastal fishing war")."""
    if first == second:
        return True
    shared = len(words[first] & words[second])
    return not (first in named and second in named) and shared >= 2 \
        and 2 * shared >= min(len(words[first]), len(words[second]))


def _actor_words(ctx: Context) -> frozenset[str]:
    return frozenset(w for e in ctx.registry.entities.values() if e.kind in ("Person", "State", "Organization")
                     for name in (e.label, *e.aliases) for w in _content_words(name))


def _content_words(text: str) -> set[str]:
    """The words of an issue that say what it is about: not "which", "with" or "would", which any two share."""
    return {w.strip("-").replace("-", "") for w in text.lower().split() if len(w) > 3 and w not in STOP_WORDS}


def _disagreement(ctx: Context, sent: SentSpan, parties: list[str], issues: list[str], fact: Factuality,
                  rule: str) -> None:
    issues = [strip_determiners(i) for i in issues if i]
    if len({_side_of(ctx, p) for p in parties}) < 2 or not issues:
        return  # "U.S. officials disagreed with the United States" is one side, as are an envoy and his state
    if any(ctx.registry.named_state(p) in parties for p in parties):
        return  # the U.S. Congress and the United States: a body of a state is not at odds with the whole of it
    key = ctx.fact_key("disagreement", *parties, *issues, sent.start_char)
    if any(d.key == key for d in ctx.disagreements):
        return
    ctx.disagreements.append(Disagreement(key, tuple(parties), tuple(issue_key(ctx, i) for i in issues),
                                          ctx.evidence(sent, rule, 0.65), fact))
    if fact.is_plain_fact:
        ctx.registry.note_dispute(parties, sent.start_char)


def _side_of(ctx: Context, actor: str) -> str:
    """The state an actor acts for, as far as the text has told it: the one it leads or a group's name places it in,
    else the state it was said to serve; else itself."""
    state = ctx.registry.state_of(actor)
    if state != actor or ctx.registry.kind(actor) != "Person":
        return state
    return next((s for s in ctx.served_by(actor) if ctx.registry.kind(s) == "State"), actor)


def _mentioned_too(head: Token) -> list[Token]:
    """What a "not to mention" adds to the phrase it hangs on."""
    return [o for c in head.children if c.dep_ in ("acl", "advcl") and c.lemma_ == "mention"
            and any(n.dep_ == "neg" for n in c.children) for o in c.children if o.dep_ == "dobj"]


def _pairs_at_odds(ctx: Context, match: FrameMatch, parties: list[str]) -> list[list[str]]:
    """The pairs at odds: "X had disputes with A and B" sets X against each of A and B, not A against B (and with
    no X named, nobody is against them here); else the parties are one group."""
    listed = [k for t in match.predication.oblique("with") for k in ctx.registry.actors(t)]
    if len(set(listed)) < 2:
        return [parties]
    pred = match.predication
    governing = _governing_verb(pred.head) if pred.category == "noun" else None
    others = [p for p in parties if p not in listed] or \
        ([k for k in _actors(ctx, subjects(governing)) if k not in listed] if governing is not None else [])
    return [[other, one] for other in others for one in dict.fromkeys(listed)]


def _parties(ctx: Context, match: FrameMatch) -> tuple[list[str], set[int]]:
    """Every actor named in a party argument; a phrase that names none may name them in its modifiers
    ("the gap between Egyptian and Israeli positions")."""
    parties: list[str] = []
    used: set[int] = set()
    pred = match.predication
    # "dividing authority between A and B", "split the spoils among them", "Poland was divided between A and B":
    # what a verb shares out is no party's quarrel (unless they are divided over something)
    shares_out = pred.category == "verb" and not pred.passive and any(not ctx.registry.actors(t) for t in pred.themes) \
        or pred.head.lower_ in ctx.triggers["disagreements"]["partition_words"] \
        and not any(pred.oblique(p) for p in ("over", "about", "on", "regarding", "concerning"))
    for name, tokens in match.candidates("party"):
        if shares_out and name in ("between", "among"):
            continue
        for token in tokens:
            # "Austrian-Hungarian relations", "relations between Austria and Hungary": the relations' two sides
            found = ctx.registry.actors(token) or [k for m in token.children if m.dep_ in ("amod", "compound", "poss")
                                                   for t in m.subtree for k in ctx.registry.actors(t)] \
                or [k for p, t in noun_predication(token).obliques if p in ("between", "among") and not shares_out
                    for k in ctx.registry.actors(t)]
            if found:
                used.add(token.i)
            parties = list(dict.fromkeys(parties + found))
    governing = _governing_verb(pred.head) if pred.category == "noun" else None
    # "A and B agreed on a division of the islands": what its doers agree on divides them not
    agreed = governing is not None and governing.lemma_.lower() in ctx.triggers["positions"]["agreeing_verbs"]
    if len(parties) < 2 and governing is not None and not agreed:
        # "both sides failed ... due to disagreements over X": a dispute noun in a clause is its subject's
        parties += [k for k in _actors(ctx, subjects(governing)) if k not in parties]
    return parties, used


def _governing_verb(token: Token) -> Token:
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return verb
