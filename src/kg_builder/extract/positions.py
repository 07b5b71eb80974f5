"""Policy positions (who supports, opposes, demands, offers or rejects what) and disagreements.

Stances come from the verbs of `positions.verbs` applied to the parse: the
subject holds the stance, the object (or the object of the verb's
preposition, "object to X") is the issue, one position per coordinated item.
A negated stance flips ("should not accept" opposes). Verbs of giving say who
offers what and who wants it ("reward him with X in exchange for Y"); a
possessed policy ("his maximum pressure policy") is supported by its owner;
"X argue that Y is a threat" opposes Y on X's word.
"""
from __future__ import annotations

from spacy.tokens import Span as SentSpan, Token

from ..lexicon import slug
from ..model import Disagreement, Factuality, Position
from .context import Context
from .tokens import agents, conjuncts, objects, phrase, prep_objects, sentence_of, split_list, strip_determiners, subjects, text_of


def issue_key(ctx: Context, text: str) -> str:
    """The Issue an issue phrase names: a scheme concept when one of its labels is the phrase, else a new one."""
    low = text.lower().strip()
    if " " not in low:  # "the exercises" after "military exercises": the fuller phrase already seen
        earlier = [e.label for e in ctx.registry.entities.values() if e.kind == "Issue" and e.label.lower().endswith(" " + low)]
        if earlier:
            return issue_key(ctx, earlier[-1])
    entry = ctx.lexicon.named(low, "Issue")
    if entry:
        return ctx.registry.add(entry.key, "Issue", entry.label, text)
    return ctx.registry.add(f"issue/{slug(text)}", "Issue", text)


def _issue_phrases(ctx: Context, verb: Token) -> list[str]:
    """What a stance verb is about: its object, its infinitive, or what its subject is when passive."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return [_issue_text(ctx, t) for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    found = [_issue_text(ctx, t) for t in objects(verb) if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not found:
        found = [text_of(list(c.subtree)).removeprefix("to ") for c in verb.children if c.dep_ == "xcomp"]
    return [f for f in found if f]


def _issue_text(ctx: Context, token: Token) -> str:
    """A pronoun object ("abandoned it") stands for the nearest subject noun before it."""
    if token.lower_ in ("it", "this", "that"):
        for t in reversed(list(token.doc[max(sentence_of(token).start - 40, 0): token.i])):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
                return phrase(t)
        return ""
    return phrase(token)


def _add(ctx: Context, holder: str, stance: str, issue_text: str, fact: Factuality, sent: SentSpan, rule: str,
         confidence: float) -> None:
    issue_text = strip_determiners(issue_text.strip(" ,.;:()"))
    if not issue_text or not holder:
        return
    issue = issue_key(ctx, issue_text)
    key = ctx.fact_key("position", holder, stance, issue, sent.start_char)
    if any(p.key == key for p in ctx.positions):
        return
    ctx.positions.append(Position(key, holder, stance, issue, ctx.evidence(sent, rule, confidence), fact))


def _holders(ctx: Context, verb: Token) -> list[str]:
    """The subject, or the "by" phrase of a passive ("a ban was proposed by Ireland")."""
    heads = agents(verb) if any(c.dep_ == "auxpass" for c in verb.children) else subjects(verb)
    out: list[str] = []
    for head in heads:
        out += [k for k in ctx.registry.actors(head) if k not in out]
    return out


def _stance_of(ctx: Context, verb: Token) -> tuple[str | None, list[str]]:
    """The stance a verb expresses and the issues it names: phrasal verbs first, then infinitives, then plain."""
    section = ctx.triggers["positions"]
    lemma = verb.lemma_.lower()
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt")):
        stance = section["phrasal"].get(f"{lemma} {prep.lower_}")
        if stance:
            pobjs = [t for p in prep.children if p.dep_ in ("pobj", "pcomp") for t in conjuncts(p)]
            return stance, [text_of(list(p.subtree)) if p.pos_ == "VERB" else _issue_text(ctx, p) for p in pobjs]
    if lemma in section["infinitive"] and any(c.dep_ == "xcomp" for c in verb.children) and not objects(verb):
        return section["infinitive"][lemma], _issue_phrases(ctx, verb)
    if lemma in section["verbs"]:
        return section["verbs"][lemma], _issue_phrases(ctx, verb)
    return None, []


def _flip(ctx: Context, stance: str, fact: Factuality) -> tuple[str, Factuality]:
    if fact.polarity == "Negative":
        flipped = ctx.triggers["positions"]["negated"].get(stance)
        if flipped:
            return flipped, Factuality("Positive", fact.modality, fact.attributed_to)
    return stance, fact


def stance_verbs(ctx: Context, sent: SentSpan) -> None:
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        stance, issues = _stance_of(ctx, verb)
        holders = _holders(ctx, verb) if stance else []
        if not holders:
            continue
        stance, fact = _flip(ctx, stance, ctx.factuality(verb))
        if fact.polarity == "Negative":
            continue  # "did not oppose" says nothing firm about a stance
        for issue in issues:
            for holder in holders:
                _add(ctx, holder, stance, issue, fact, sent, f"rule:stance-{verb.lemma_.lower()}", 0.7)
        _favoured(ctx, sent, verb, holders, fact)


def _favoured(ctx: Context, sent: SentSpan, verb: Token, holders: list[str], fact: Factuality) -> None:
    """"abandoned it in favor of reaching a workable treaty": the holder supports what it is in favour of."""
    low = sent.text.lower()
    for marker in ctx.triggers["positions"]["favor_markers"]:
        at = low.find(marker)
        if at > verb.idx - sent.start_char:
            rest = sent.text[at + len(marker):].split(",")[0].rstrip(" .;")
            for holder in holders:
                _add(ctx, holder, "Supports", rest, fact, sent, "rule:in-favor-of", 0.6)


def stance_descriptions(ctx: Context, sent: SentSpan) -> None:
    """"X grew skeptical of Y", "X, a critic of Y": adjectives and nouns that state a stance."""
    section = ctx.triggers["positions"]
    for token in sent:
        lemma = token.lemma_.lower()
        stance = section["adjectives"].get(lemma) if token.pos_ == "ADJ" else section["nouns"].get(lemma) if token.pos_ == "NOUN" else None
        if stance is None:
            continue
        holder_heads = [token.head] if token.dep_ == "appos" else subjects(token.head) if token.dep_ in ("acomp", "attr", "oprd") else []
        holders = [k for h in holder_heads for k in ctx.registry.actors(h)]
        fact = ctx.factuality(token.head if token.dep_ != "appos" else token)
        for issue in prep_objects(token, "of", "to", "about", "toward", "towards"):
            for holder in holders:
                _add(ctx, holder, stance, phrase(issue), fact, sent, f"rule:stance-{lemma}", 0.6)


def light_verbs(ctx: Context, sent: SentSpan) -> None:
    """"both powers had an interest in X", "made enough concessions to induce ...": the noun carries the stance."""
    table = ctx.triggers["positions"]["light_verbs"]
    for verb in sent:
        nouns = table.get(verb.lemma_.lower()) if verb.pos_ in ("VERB", "AUX") else None
        if not nouns:
            continue
        holders = _holders(ctx, verb)
        stance_fact = ctx.factuality(verb)
        for noun in objects(verb):
            stance = nouns.get(noun.lemma_.lower())
            if stance is None or stance_fact.polarity == "Negative":
                continue
            inner = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "over", "for", "about")
                     for t in p.children if t.dep_ in ("pobj", "pcomp")]
            issues = [text_of(list(t.subtree)) for t in inner] or [phrase(noun)]
            for holder in holders:
                for issue in issues:
                    _add(ctx, holder, stance, issue, stance_fact, sent, f"rule:light-{verb.lemma_.lower()}", 0.6)


def refusing_members(ctx: Context, sent: SentSpan) -> None:
    """"Of the states refusing to adhere, ... were A, B and C": each listed state takes the group's stance."""
    infinitive = ctx.triggers["positions"]["infinitive"]
    for verb in sent:
        stance = infinitive.get(verb.lemma_.lower())
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or stance is None:
            continue
        issues = [text_of(list(c.subtree)).removeprefix("to ") for c in verb.children if c.dep_ == "xcomp"]
        group = {t.i for t in verb.head.subtree}
        listed = [t for t in sent if t.i not in group and t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)]
        states = [k for t in listed if t.i not in group and (k := ctx.registry.key_of(t)) and ctx.registry._kind(k) == "State"]
        if len(set(states)) < 3:
            continue
        fact = ctx.factuality(verb)
        for state in dict.fromkeys(states):
            for issue in issues:
                _add(ctx, state, stance, issue, fact, sent, "rule:refusing-members", 0.5)


def normative_reports(ctx: Context, sent: SentSpan) -> None:
    """"Johnson said they must gain control of X": a speaker who says something must be done demands it."""
    for verb in sent:
        if verb.lemma_.lower() not in ctx.cues.reporting_verbs or verb.pos_ != "VERB":
            continue
        speakers = _holders(ctx, verb)
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in clause.children):
                continue
            fact = Factuality("Positive", "Normative", speakers[0] if speakers else None)
            for issue in objects(clause):
                for speaker in speakers:
                    _add(ctx, speaker, "Demands", phrase(issue), fact, sent, "rule:normative-report", 0.55)


def giving(ctx: Context, sent: SentSpan) -> None:
    """"Trump would reward him with sanctions relief in exchange for a moratorium, limits and a shutdown"."""
    section = ctx.triggers["positions"]
    for verb in sent:
        frame = section["giving"].get(verb.lemma_.lower())
        if verb.pos_ != "VERB" or frame is None:
            continue
        givers = _holders(ctx, verb)
        recipients = [k for o in objects(verb) for k in ctx.registry.actors(o)] if frame["theme"] == "with" else []
        themes = prep_objects(verb, "with") if frame["theme"] == "with" else objects(verb)
        fact = ctx.factuality(verb)
        for theme in themes:
            for giver in givers:
                _add(ctx, giver, "Offers", phrase(theme), fact, sent, "rule:giving", 0.6)
            for recipient in recipients if frame["recipient"] else []:
                _add(ctx, recipient, frame["recipient"], phrase(theme), fact, sent, "rule:giving-recipient", 0.6)
        for item in _exchanged(sent, verb, section["exchange_markers"]):
            for giver in givers:
                _add(ctx, giver, "Demands", item, fact, sent, "rule:exchange", 0.55)
            for recipient in recipients:
                _add(ctx, recipient, "Offers", item, fact, sent, "rule:exchange", 0.6)


def _exchanged(sent: SentSpan, verb: Token, markers: list[str]) -> list[str]:
    """The items after "in exchange for", up to the end of the sentence, split as a list."""
    text = sent.text
    low = text.lower()
    for marker in markers:
        at = low.find(marker)
        if at >= 0 and sent.doc[verb.i].idx - sent.start_char < at:
            return split_list(text[at + len(marker):].rstrip(" .;"))
    return []


def possessed_policies(ctx: Context, sent: SentSpan) -> None:
    heads = set(ctx.triggers["positions"]["policy_heads"])
    for token in sent:
        if token.lemma_.lower() not in heads or token.pos_ != "NOUN":
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")]
        if not owners:
            continue  # "its policies" is too often someone else's than the clause's subject
        holders = ctx.registry.actors(owners[0])
        words = [t for c in token.children if c.dep_ in ("compound", "amod") for t in c.subtree]
        for holder in holders:
            # a possessive presupposes the policy, so belief or hedge verbs above do not reach it
            _add(ctx, holder, "Supports", text_of(words), Factuality(), sent, "rule:possessed-policy", 0.65)


def framed_negatively(ctx: Context, sent: SentSpan) -> None:
    frames = set(ctx.triggers["positions"]["negative_frames"])
    reporting = ctx.cues.reporting_verbs
    for verb in sent:
        if verb.lemma_.lower() not in reporting or verb.pos_ != "VERB":
            continue
        speakers = _holders(ctx, verb)
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            attrs = [c for c in clause.children if c.dep_ == "attr" and c.lemma_.lower() in frames]
            topics = [c for c in clause.children if c.dep_ == "nsubj"]
            if not attrs or not topics or not speakers:
                continue
            fact = Factuality("Positive", "Asserted", speakers[0])
            for speaker in speakers:
                _add(ctx, speaker, "Opposes", phrase(topics[0]), fact, sent, "rule:negative-frame", 0.55)


def disagreements(ctx: Context, sent: SentSpan) -> None:
    section = ctx.triggers["disagreements"]
    for token in sent:
        lemma = token.lemma_.lower()
        noun = token.pos_ == "NOUN" and lemma in section["nouns"]
        verb = token.pos_ == "VERB" and lemma in section["verbs"]
        unresolved = token.pos_ == "VERB" and lemma in section["unresolved_verbs"] and ctx.reading(token).polarity == "Negative"
        if not (noun or verb or unresolved):
            continue
        issues = _disputed(sent, token) if not unresolved else [phrase(t) for t in objects(token)] + _after_colon(sent, token)
        parties = _parties(ctx, token)
        if lemma == "divide":  # "Verification also divided the two nations"
            issues = [phrase(t) for t in subjects(token)]
            parties = [k for o in objects(token) for k in ctx.registry.actors(o)]
        issues = [i for i in issues if i]
        if len(parties) < 2 or not issues:
            continue
        fact = ctx.factuality(token) if not unresolved else Factuality()
        key = ctx.fact_key("disagreement", *parties, *issues, sent.start_char)
        ctx.disagreements.append(Disagreement(key, tuple(parties), tuple(issue_key(ctx, strip_determiners(i)) for i in issues),
                                              ctx.evidence(sent, "rule:disagreement", 0.65), fact))


def _disputed(sent: SentSpan, token: Token) -> list[str]:
    """What is in dispute: the objects of "over"/"about", or failing a clean parse the list after "over"."""
    found = [phrase(t) for t in prep_objects(token, "over", "about", "on", "regarding") if t.ent_type_ != "DATE"]
    if found:
        return found
    low = sent.text.lower()
    at = low.find(" over ", token.idx - sent.start_char)
    return split_list(sent.text[at + 6:].rstrip(" .")) if at >= 0 else []


def _after_colon(sent: SentSpan, token: Token) -> list[str]:
    at = sent.text.find(":", token.idx - sent.start_char)
    return split_list(sent.text[at + 1:].rstrip(" .")) if at >= 0 else []


def _parties(ctx: Context, token: Token) -> list[str]:
    heads = prep_objects(token, "between", "among", "with")
    if token.pos_ == "VERB":
        heads = subjects(token) + heads
    else:
        verb = token.head.head if token.dep_ == "pobj" else token.head
        while verb.pos_ != "VERB" and verb.head != verb:
            verb = verb.head
        heads = heads or subjects(verb)
    parties: list[str] = []
    for head in heads:
        parties += [k for k in ctx.registry.actors(head) if k not in parties]
    return parties

