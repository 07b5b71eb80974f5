"""Entity mentions -> entities: the lexicon first, statistical NER for the rest.

Within a document, short person names resolve to the full name they are part
of ("Kim" -> "Kim Jong-un"), demonyms to their state ("the Chinese"),
capitals used as actors to the state they stand for, pronouns to the subject
they most likely refer to, "we" to the authors, and "both sides" to the two
parties the text last paired.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicon import LexEntry, Lexicon, slug
from ..model import Document, Entity, Role
from .clauses import OCCASION_MARKS
from .tokens import (SPACES, conjuncts, head_forms, indefinite, non_restrictive, paragraph_start, sentence_of,
                     subjects, text_of, that_clause)

NER_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Facility"}
_BEFORE_A_PLACE = frozenset({"at", "in", "on", "near", "from", "into", "off", "outside"})  # "landed at X"
ACTOR_KINDS = {"Person", "State", "Organization"}
PRONOUNS_SINGULAR = {"he", "him", "his", "she", "her", "himself", "herself"}
PRONOUNS_PLURAL = {"they", "them", "their", "themselves"}
PRONOUNS_NEUTER = {"it", "its", "itself"}
AUTHOR_PRONOUNS = {"we", "us", "our", "ourselves"}
# the marks of a clause that tells when or why, whose subject a later "he" goes on with (not "although", "unless")
_SEQUENCE_MARKS = OCCASION_MARKS | {"before", "since", "while", "upon"}
DEFINITE_WORDS = {"the", "this", "that", "his", "her", "its", "their"}  # "his party", "the alliance"
NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_PLAUSIBLE = re.compile(r"^[A-Z0-9][\w.'’&\- ]*$")
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial, "R." of "Henry R. Luce"
# compiled once: ``clean_name`` is asked of every entity mention (~100 a document)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_ARTICLE = re.compile(r"^(?:the|The)\s+")


@dataclass
class _Builder:
    key: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    role_readings: list[Role] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)

    @property
    def roles(self) -> set[str]:
        return {r.title for r in self.role_readings}

    def freeze(self) -> Entity:
        aliases = tuple(sorted(a for a in self.aliases if a != self.label))
        return Entity(self.key, self.kind, self.label, aliases, self.wikidata,
                      tuple(dict.fromkeys(self.role_readings)), tuple(sorted(self.statuses)))


def clean_name(text: str, titles: Collection[str]) -> str:
    """A name without a possessive, a leading article or a leading title ("President Moon" -> "Moon")."""
    name = _POSSESSIVE.sub("", SPACES.sub(" ", text)).strip(" ,.;:")
    name = _ARTICLE.sub("", name)
    words = name.split()
    while len(words) > 1 and (k := _title_words(words, titles)):
        words = words[k:]
    while len(words) > 1 and words[-1].islower():  # "Korea Chair at": NER spans may run into the next word
        words = words[:-1]
    return " ".join(words)


def _title_words(words: list[str], titles: Collection[str]) -> int:
    """How many of the first words make a title ("Commissar for Foreign Affairs Petrov": 4), the longest; 0 if
    none, or if no name follows it ("Archduke of" is all title)."""
    return next((k for k in range(min(len(words) - 1, 6), 0, -1)
                 if " ".join(words[:k]).lower() in titles and words[k][:1].isupper()), 0)


class Registry:
    """The entities of one document, and which tokens mention which."""

    def __init__(self, lexicon: Lexicon, document: Document, doc: Doc) -> None:
        self.lexicon = lexicon
        self.lex = lexicon.by_key()
        triggers = lexicon.triggers["relations"]
        self.title_names = frozenset(triggers["leader_titles"] + triggers["other_titles"])
        self.titles = {t for t in self.title_names if " " not in t}
        self._long_title_ends = {t.split()[-1] for t in self.title_names if " " in t}  # "justice" of "chief justice"
        self._title_starts = {t.split()[0] for t in self.title_names}
        self.group_nouns = set(triggers["group_nouns"])
        self.collective_nouns = set(triggers["collective_nouns"])
        self.member_nouns = frozenset(triggers["member_nouns"])
        # "Republicans", "Whigs": the plural words for a party's members name a group of them
        self.party_members = frozenset(w for words in triggers["party_words"].values() for w in words
                                       if w.endswith("s"))
        self.membership_heads = frozenset(triggers["membership_heads"])
        # names of agreements and of events ("the Chaco War" tagged ORG) name no actor
        # and "the Lausanne Conference" tagged FAC or PERSON names a meeting, no actor or place
        events = lexicon.triggers["events"]
        agreements = lexicon.triggers["agreements"]
        self.not_actor_heads = set(agreements["heads"]) | set(agreements["named_heads"]) | set(events["named_heads"]) \
            | {noun for noun, kind in events["nouns"].items() if kind in ("Meeting", "Summit")} \
            | set(lexicon.triggers["reference"]["measure_heads"]) | set(lexicon.triggers["positions"]["policy_heads"]) \
            | set(lexicon.triggers["positions"]["voice_heads"])  # "the Lima Petition" tagged ORG
        self.name_openers = frozenset(events["name_openers"])
        self.qualified_groups = set(triggers["qualified_group_nouns"])
        self.facility_words = frozenset(lexicon.triggers["facilities"]["named_heads"])
        self.opinion_nouns = frozenset(triggers["opinion_nouns"])
        self.group_suffixes = tuple(triggers["group_suffixes"])
        self.words = {name: frozenset(words) for name, words in lexicon.triggers["reference"].items()}
        # nouns of those who act for a state or body ("negotiators", "leaders"), asked of most nouns: joined once
        self.actor_nouns = self.words["agent_nouns"] | self.words["leader_nouns"]
        self.pair_nouns = frozenset(lexicon.triggers["disagreements"]["pair_nouns"])
        self.entities: dict[str, _Builder] = {}
        self._organization_heads: set[str] = set()  # the head words of the organizations' labels, lower case
        self.token_key: dict[int, str] = {}
        self.authors = tuple(self._author(name) for name in document.authors)
        self.publisher = self._publisher(document.publisher) if document.publisher else None
        self.last_pair: tuple[str, ...] = ()
        self.pair_at = 0
        self.disputed_pair: tuple[str, ...] = ()  # the two the last dispute the text told of set at odds
        self.dispute_at = -1
        self.fought_pair: tuple[str, ...] = ()  # the two states the last war or attack the text told of set at odds
        self.fight_heads = frozenset(events["named_heads"])
        self.leaders: dict[str, str] = {}  # state key -> person key, from titles in the text
        self.led: dict[str, str] = {}  # person key -> the state the text last made them leader of
        # person key -> the publisher's state, for "President X" with no state named: which two states "the two
        # sides" are (the relation itself waits for the document's end, when other states named with X are known)
        self.homes: dict[str, str] = {}
        self.group_states: dict[str, str] = {}  # "U.S. negotiators" -> the state its name places it in
        self.place_nouns = frozenset(events["place_nouns"])
        self._place_names = self._places_tagged_person(doc)
        self._text = doc.text
        self._most_named_of: dict[tuple[str, ...], LexEntry | None] = {}  # counted once a document, not each mention
        self._person_names, self._person_titles = self._cluster_persons(doc)
        self.mentions: dict[str, int] = {}
        self._resolving: set[int] = set()
        for ent in doc.ents:
            key = self._resolve(ent)
            if key:
                self.token_key.update({t.i: key for t in ent})
                self.mentions[key] = self.mentions.get(key, 0) + 1
        self._abbreviations(doc)  # first: a name it finds to be a body's is no person whose surname the next reads
        self._names_the_parser_missed(doc)

    def _abbreviations(self, doc: Doc) -> None:
        """"the Liberal Alliance (LA)", "Popular Front (Frente Popular or FP)": the capitals in brackets after the
        name of a body stand for it wherever they come again, tagged or not; a name beside them in the brackets is the
        body's name in another language, no actor of its own."""
        short: dict[str, str] = {}
        renamed: set[str] = set()  # the names that turned out to be the body's own
        replaced: set[str | None] = set()  # the entities whose tokens now mention the body
        for ent in doc.ents:
            key = self.token_key.get(ent.start)
            if key is None or self.kind(key) not in ("Organization", "State") or ent.end >= len(doc) \
                    or doc[ent.end].text != "(":
                continue
            close = next((t.i for t in doc[ent.end: min(ent.end + 12, len(doc))] if t.text == ")"), None)
            inside = doc[ent.end + 1: close or ent.end]
            letters = [t.text for t in inside if t.is_upper and t.is_alpha and len(t) >= 2]
            if letters and _abbreviates(letters[-1], [*ent, *inside]) and not _inside_longer_name(ent):
                short[letters[-1]] = key
                renamed.add(letters[-1])
                self.entities[key].aliases.add(letters[-1])
                for other in (e for e in inside.ents if e.text != letters[-1]):
                    other_key = self.token_key.get(other.start)
                    if other_key is not None and other_key != key:
                        replaced.add(other_key)
                        renamed.add(self.entities[other_key].label)
                    self.token_key.update({t.i: key for t in other})
                    self.entities[key].aliases.add(clean_name(other.text, set()))
        for letters, key in self._initialisms(doc, short).items():
            short[letters] = key
            renamed.add(letters)
            self.entities[key].aliases.add(letters)
        if not short:
            return  # most texts define none: no need to read every token again
        for token in doc:
            if token.text in short:
                replaced.add(self.token_key.get(token.i))
                self.token_key[token.i] = short[token.text]
        for key in replaced - set(self.token_key.values()) - {None}:
            if key not in self.lex and self.entities[key].label in renamed:
                del self.entities[key]  # the parser's entity for the letters alone was the body itself
                self.mentions.pop(key, None)

    def _initialisms(self, doc: Doc, defined: dict[str, str]) -> dict[str, str]:
        """"the Rapid Support Forces ... the RSF": capitals that spell, in order, the initials of the words of one
        body's name in the text stand for it, as news writes them without brackets; not letters the lexicon names
        as another, nor those two bodies' names would spell."""
        spelled: dict[str, set[str]] = {}
        for ent in doc.ents:
            key = self.token_key.get(ent.start)
            if key is None or self.kind(key) != "Organization":
                continue
            initials = "".join(t.text[0] for t in ent if t.is_alpha and t.text[0].isupper() and t.pos_ != "DET")
            if len(initials) >= 2 and sum(t.is_alpha for t in ent) >= 2 and initials not in defined:
                spelled.setdefault(initials, set()).add(key)
        if not spelled:
            return {}  # no body named in words of its own: no need to read every token
        found: dict[str, str] = {}
        for token in doc:
            keys = spelled.get(token.text)
            known = self.token_key.get(token.i)
            if keys and len(keys) == 1 and not (known in self.lex and known not in keys):
                found[token.text] = next(iter(keys))
        return found

    def _names_the_parser_missed(self, doc: Doc) -> None:
        """A capitalised word that is a person's name elsewhere in the text names that person here too, even where
        the statistical model did not tag it ("the Boric government"), but not inside the name of a work, law or
        event ("the Soto and Ruiz Plans" names plans, not their authors)."""
        surnames: dict[str, set[str]] = {}
        for entity in self.entities.values():
            if entity.kind == "Person" and len(entity.label.split()) > 1:
                surnames.setdefault(entity.label.split()[-1], set()).add(entity.key)
        for token in doc:
            # (the tagger may take a surname for a plural noun: "Prats" as "prat")
            if token.i in self.token_key or token.pos_ not in ("PROPN", "NOUN") or not token.is_title \
                    or _inside_a_title(token):
                continue
            found = self._person_names.get(token.text)
            regnal = token.i > 0 and doc[token.i - 1].lower_ in self.words["regnal_titles"]  # "King Faisal"
            keys = {found[0]} if found else set() if regnal else surnames.get(token.text, set())
            if len(keys) == 1 and next(iter(keys)) in self.entities:
                self.token_key[token.i] = next(iter(keys))

    # --- building -----------------------------------------------------------------
    def add(self, key: str, kind: str, label: str, alias: str | None = None) -> str:
        entry = self.lex.get(key)
        builder = self.entities.get(key)
        if builder is None:
            builder = _Builder(key, entry.kind if entry else kind, entry.label if entry else label,
                               wikidata=entry.wikidata if entry else None)
            self.entities[key] = builder
            # (``_named_by_head`` reads them; "the agreement" after the General Agreement on Tariffs and Trade may
            # be any agreement)
            head = _head_word(builder.label)
            if builder.kind == "Organization" and head not in self.not_actor_heads:
                self._organization_heads.add(head)
        if alias and alias != builder.label:
            builder.aliases.add(alias)
        return key

    def _author(self, name: str) -> str:
        entry = self.lexicon.named(name, "Person")
        return self.add(entry.key if entry else f"person/{slug(name)}", "Person", name)

    def _publisher(self, name: str) -> str:
        """"Center for Strategic and International Studies (CSIS)": the name, its abbreviation an alias."""
        match = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", name)
        full, short = (match.group(1), match.group(2)) if match else (name, None)
        entry = self.lexicon.named(full, "Organization") or (self.lexicon.named(short, "Organization") if short else None)
        key = self.add(entry.key if entry else f"organization/{slug(full)}", "Organization", full, full)
        if short:
            self.entities[key].aliases.add(short)
        return key

    def _cluster_persons(self, doc: Doc) -> tuple[dict[str, tuple[str, str]], dict[str, set[str]]]:
        """Each person name seen -> (key, canonical label): short names join the longest name that contains them,
        unless the short one came first with a title the longer one never has ("President Kennedy" written before
        "Attorney General Robert Kennedy" is someone else, whom the writer took the reader to know); and each name ->
        the titles written before it."""
        names: dict[str, str | None] = {}
        first: dict[str, int] = {}
        titled: dict[str, set[str]] = {}
        for ent in doc.ents:
            if self._names_no_actor(ent) and not ent.ent_id_ or self._no_person(ent) or ent.text in self._place_names:
                continue  # "the Tarvisio Conference" or "the Ravi" tagged PERSON
            if ent.label_ == "PERSON" or self._titled(ent) or (
                    ent.ent_id_ and self.lex.get(ent.ent_id_, None) and self.lex[ent.ent_id_].kind == "Person"):
                entry = self.lex.get(ent.ent_id_) if ent.ent_id_ else None
                written = clean_name(ent.text, self.title_names)
                if not entry and written.lower() in self.title_names:
                    continue  # "Archduke of Austria" tagged a person up to "of": a title, no name
                name = entry.label if entry else written
                names[name] = entry.key if entry else names.get(name)
                for seen in {name, written}:
                    first.setdefault(seen, ent.start)
                    titled.setdefault(seen, set()).update(self._title_before(ent))
                if entry:
                    names[written] = entry.key
        full = sorted(names, key=lambda n: -len(n.split()))
        out = {}
        for name in names:
            # "King Hussein": a regnal name is the first of a fuller name ("Hussein bin Talal"), never its surname
            regnal = bool(titled[name] & self.words["regnal_titles"])
            initialled = [f for f in full if _initials_dropped(name, f)]
            target = next((f for f in full if f != name and (
                _part_of(name, f) or initialled == [f]) and (
                first[f] <= first[name] or not titled[f] or not titled[name] or titled[f] & titled[name])
                and not (regnal and f.split()[: len(name.split())] != name.split())), name)
            target = out.get(target, (None, target))[1] if target in out else target
            key = names.get(target) or names.get(name) or f"person/{slug(target)}"
            label = self.lex[key].label if key in self.lex else target
            out[name] = (key, label)
        return out, titled

    def _places_tagged_person(self, doc: Doc) -> frozenset[str]:
        """"the town of Tolvik", "shelled Arvo and Tolvik": a lone word the model tagged PERSON that a word for a kind
        of place names, or that comes in a list of nothing but places, is a place wherever the text writes it, unless
        a title stands before it somewhere ("Governor Tolvik")."""
        placed = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1 and not ent.root.is_upper
                  and (self._named_by_a_place_noun(ent.root) or _listed_with_places(ent.root))}
        return frozenset(placed - {ent.text for ent in doc.ents if ent.text in placed and self._title_before(ent)})

    def _named_by_a_place_noun(self, name: Token) -> bool:
        return name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lemma_.lower() in self.place_nouns

    def _title_before(self, ent: Span) -> set[str]:
        """The title word right before a name ("President" of "President Kennedy"), or the first word of the span
        when the model took the title in ("King Hussein"), lower case, if there is one; and a title of several words
        right before it ("Chief Justice" of "Chief Justice Ortega")."""
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        words = {t.lower_ for t in (before, ent[0]) if t is not None and t.lower_ in self.titles}
        if before is None or before.lower_ not in self._long_title_ends:
            return words
        longer = (" ".join(t.lower_ for t in ent.doc[max(ent.start - k, 0): ent.start]) for k in range(2, 5))
        return words | {title for title in longer if title in self.title_names}

    def _supported(self, entry: LexEntry, ent: Span) -> bool:
        """A generic alias ("the North", "the peninsula") names its entity only where the document also names it
        by its label or another alias."""
        generic = {a.lower() for a in entry.context_aliases}
        if not generic or ent.text.lower().removeprefix("the ") not in {g.removeprefix("the ") for g in generic}:
            return True
        text = ent.doc.text
        return any(re.search(rf"\b{re.escape(name)}\b", text) for name in (entry.label, *entry.aliases)
                   if name.lower() not in generic)

    def _sharing_state(self, ent: Span) -> LexEntry | None:
        """"the Congolese government": a demonym two states share names the one of them the document names most
        often by its label or an alias, and none when it names two as often or none."""
        return self._most_named(self.lexicon.sharing_demonym(ent.text.removeprefix("the ").removeprefix("The ")))

    def _demonym_owner(self, word: str, own: LexEntry) -> LexEntry:
        """"the Czech government" in an essay on Czechoslovakia: a state's demonym that an earlier state shares
        names that state where the document names it more often than the demonym's own state."""
        sharing = self.lexicon.sharing_demonym(word)
        return (self._most_named((own, *sharing)) or own) if sharing else own

    def _most_named(self, owners: tuple[LexEntry, ...]) -> LexEntry | None:
        """The one of `owners` the document names most often by its label or an alias; none when it names two as
        often or none."""
        keys = tuple(e.key for e in owners)
        if keys not in self._most_named_of:
            self._most_named_of[keys] = self._count_names(owners)
        return self._most_named_of[keys]

    def _count_names(self, owners: tuple[LexEntry, ...]) -> LexEntry | None:
        text, counts = self._text, {e.key: 0 for e in owners}
        # the longest names first, each taken out once counted: "Democratic Republic of the Congo" is no mention of
        # the "Republic of the Congo" inside it
        for name, key in sorted(((n, e.key) for e in owners for n in (e.label, *e.aliases)), key=lambda p: -len(p[0])):
            text, found = re.subn(rf"\b{re.escape(name)}\b", " ", text)
            counts[key] += found
        ranked = sorted(owners, key=lambda e: -counts[e.key])
        top = [counts[e.key] for e in ranked[:2]]
        return ranked[0] if top and top[0] > 0 and top[1:] != top[:1] else None

    def _of_another_state(self, ent: Span, entry: LexEntry) -> str | None:
        """"the Bolivian Senate", "the New York provincial Congress": a body the lexicon knows by a bare word
        ("Senate") is another state's or place's body when a state or place that none of its names mentions owns it
        here (a modifier of the name, before it); its name then runs from that modifier."""
        start = ent.start
        while start > 0 and start <= ent.doc[start - 1].head.i < ent.end \
                and ent.doc[start - 1].dep_ in ("compound", "amod", "nmod"):
            start -= 1  # the modifiers the parser hangs on the name
        places = [k for t in ent.doc[start: ent.start] if (k := self.token_key.get(t.i)) is not None
                  and self.kind(k) in ("State", "Location")]
        if entry.kind != "Organization" or not places:
            return None
        known = self.lex.get(places[0])
        own = {known.label, *known.aliases, *known.demonyms} if known else {self.entities[places[0]].label}
        if any(n in name for n in own for name in (entry.label, *entry.aliases)):
            return None
        return f"{ent.doc[start: ent.start].text} {clean_name(ent.text, set())}"

    def _longer_name(self, ent: Span, entry: LexEntry) -> str | None:
        """"the Western European Union", "the Farabundo Marti National Liberation Front": capitalised words the
        parser hangs on a body's name, and which name no place or people, make it the name of another body."""
        start = ent.start
        while start > 0 and self._name_word_before(ent.doc[start - 1], start, ent.end):
            start -= 1
        if entry.kind != "Organization" or start == ent.start:
            return None
        return f"{ent.doc[start: ent.start].text} {clean_name(ent.text, set())}"

    def _name_word_before(self, word: Token, start: int, end: int) -> bool:
        return not word.is_sent_start and word.is_title and word.ent_type_ not in ("GPE", "LOC", "NORP") \
            and word.dep_ in ("compound", "amod") and start <= word.head.i < end and word.lower_ not in self.title_names

    def _titled(self, ent: Span) -> bool:
        """"premier Ana Ruiz" is a person whatever the statistical model tagged her: a title goes before her name,
        or stands in apposition to a name tagged an organization ("Arno Felt, the head of Andes Copper"), or the
        name to it ("the Soviet Ambassador to the United States, Anatoly Dobrynin,"), or the model took a title of
        several words in ("Commissar for Foreign Affairs Petrov")."""
        if ent.label_ not in ("ORG", "GPE", "NORP") or ent.ent_id_:
            return False
        return self._named_after_long_title(ent) or (len(ent) <= 4 and all(t.is_title for t in ent) and (
            bool(self._title_before(ent)) or ent.label_ == "ORG" and (any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in self.titles for c in ent.root.children)
                or ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in self.titles)))

    def _named_after_long_title(self, ent: Span) -> bool:
        """"Commissar for Foreign Affairs Petrov", "Lieutenant General Raoul Cedras": a title of several words, then
        a name."""
        opening = _title_words([t.text for t in ent], self.title_names)
        return opening > 1 and len(ent) - opening <= 3 and all(t.is_title for t in ent[opening:])

    def _resolve(self, ent: Span) -> str | None:
        if ent.ent_id_ and ent.ent_id_ in self.lex:
            entry = self.lex[ent.ent_id_]
            if ent.label_ == "NORP" and entry.kind == "State":
                entry = self._demonym_owner(ent.text.removeprefix("the ").removeprefix("The "), entry)
            if not self._supported(entry, ent):
                return None  # "the North" in an essay on the Civil War is not North Korea
            alias = None if ent.label_ == "NORP" else clean_name(ent.text, set())
            foreign = self._of_another_state(ent, entry) or self._longer_name(ent, entry)
            if foreign:
                return self.add(f"organization/{slug(foreign)}", "Organization", foreign, foreign)
            # "the Andean Congress ... the Congress": a one-word alias of a known body is, just after a body
            # whose name ends in it, that body
            earlier = self._organization_ending_in(ent, alias) if entry.kind == "Organization" and alias else None
            if earlier and earlier != entry.key:
                return self.add(earlier, "Organization", alias, alias)
            return self.add(entry.key, entry.kind, entry.label, alias)
        # a title opens a person's name, but is a word of an organization's ("General Electric", "General Assembly"),
        # unless it is a title of several words ("Lieutenant General Raoul Cedras")
        long_title = not ent.ent_id_ and self._named_after_long_title(ent)
        name = clean_name(ent.text, self.title_names if ent.label_ == "PERSON" or long_title else set())
        members = self._organization_of_members(name)
        if members:
            return self.add(members, "Organization", name, name)
        if self._no_person(ent):
            return None
        body = ent.label_ in ("PERSON", "ORG") and self._beside_a_body_word(ent)
        placed = ent.label_ == "PERSON" and ent.text in self._place_names
        full = None if body or placed else self._same_title(ent, name) or (name if name in self._person_names else next(
            (f for f in self._person_names if _part_of(name, f)), None))
        if full and ent.label_ in ("PERSON", "ORG", "GPE"):  # "Ruiz" after "premier Ana Ruiz"
            key, label = self._person_names[full]
            return self.add(key, "Person", label, name)
        shared = self._sharing_state(ent) if ent.label_ == "NORP" else None
        if shared is not None:
            return self.add(shared.key, shared.kind, shared.label, None)
        kind = "Organization" if body else "Location" if placed else "Person" if _listed_with_people(ent) \
            else NER_KINDS.get(ent.label_)
        if kind == "Facility":
            kind = self._kind_of_facility_name(ent)
        if kind == "Location" and ent.root.lower_ in self.words["state_group_heads"] and len(ent) > 1:
            kind = "Organization"
        if kind is None or not _plausible(name) or self._names_no_actor(ent) or name.lower() in self.title_names \
                or re.fullmatch(r"[IVX]+", ent[-1].text) or _holds_a_clause(ent) or self._governments_listed(ent):
            return None  # "the Andean Water Treaty", "SALT II" or "the Chaco War" tagged ORG is no actor
        earlier = self._organization_ending_in(ent, name) if kind == "Organization" else None
        if earlier:
            return self.add(earlier, kind, name, name)
        entry = self.lexicon.named(name, kind)
        return self.add(entry.key if entry else f"{kind.lower()}/{slug(name)}", kind, name, name)

    def _no_person(self, ent: Span) -> bool:
        """"the Ravi, the Beas and the Sutlej", "the cruiser General Belgrano": rivers, ships and the like the model
        tagged PERSON."""
        return ent.label_ == "PERSON" and (_named_with_the(ent) or self._names_a_vessel(ent))

    def _names_a_vessel(self, ent: Span) -> bool:
        """"the cruiser General Belgrano", "the liner Lusitania": a name after a word for a ship (and any title
        the model left out of the name) is the ship's."""
        i = ent.start - 1
        while i >= 0 and ent.doc[i].lower_ in self.titles:
            i -= 1
        return i >= 0 and ent.doc[i].lemma_.lower() in self.words["vessel_nouns"]

    def _organization_of_members(self, name: str) -> str | None:
        """"Houthi forces ... the Houthis": the plural of a one-word organization named before is its members, and
        acts for it."""
        if " " in name or not name.endswith("s"):
            return None
        return next((key for key, e in self.entities.items() if e.kind == "Organization" and e.label == name[:-1]),
                    None)

    def _organization_ending_in(self, ent: Span, name: str) -> str | None:
        """"the Andean Development Bank ... the Bank's loans": a one-word name that ends the name of an organization
        told before is that organization (the nearest, if several end so)."""
        if " " in name or name.lower() not in self._organization_heads:
            return None
        return self._nearest_organization(ent.root, lambda label: _head_word(label) == name.lower())

    def _nearest_organization(self, mention: Token, fits: Callable[[str], bool]) -> str | None:
        """The nearest organization named in the 400 words before whose label fits; none if "a" and the mention's
        word brought in another body between ("formed a committee to draft X ... the committee")."""
        for i in range(mention.i - 1, max(mention.i - 400, -1), -1):
            key = self.token_key.get(i)
            if key and self.kind(key) == "Organization" and fits(self.entities[key].label):
                return key
            if mention.doc[i].lower_ == mention.lower_ and indefinite(mention.doc[i]):
                return None
        return None

    def _kind_of_facility_name(self, ent: Span) -> str | None:
        """The tagger's FAC spans a name of a facility ("Tempelhof Airport", "Fort Duquesne") but also of a place
        ("the Bay of Pigs", "Dien Bien Phu") and of a message or an operation ("the Zimmermann Telegram", "Operation
        Overlord"): a facility's name has a word for one, a place's comes where a place does ("at", "in")."""
        if {t.lower_ for t in ent} & self.facility_words:
            return "Facility"
        return "Location" if ent.root.dep_ == "pobj" and ent.root.head.lower_ in _BEFORE_A_PLACE else None

    def _beside_a_body_word(self, ent: Span) -> bool:
        """"Russia's state company Rosatom", "the company Rosatom": a name set beside a word for a kind of body (in
        small letters: "leader of the Federalist Party Alexander Hamilton" ends a title)."""
        words = self.words["body_kind_nouns"]
        before = ent.doc[ent.start - 1] if ent.start else None
        head = ent.root.head if ent.root.dep_ == "appos" else None
        return head is not None and head.is_lower and head.lemma_ in words \
            or before is not None and before.is_lower and before.lemma_ in words and before.dep_ == "compound" \
            and before.head == ent.root

    def _same_title(self, ent: Span, name: str) -> str | None:
        """"Attorney General Kennedy" in a text that names President John F. Kennedy and Attorney General Robert
        Kennedy: a short name with a title is the one full name that has the same title."""
        titles = self._title_before(ent)
        same = [f for f in self._person_names if f != name and _part_of(name, f)
                and self._person_titles.get(f, set()) & titles] if titles else []
        return same[0] if len(same) == 1 else None

    def _names_no_actor(self, ent: Span) -> bool:
        """The name of an agreement, event, operation or measure ("the Trade Decrees" tagged ORG), or a title, its
        start or its end ("National Security Advisor", "National Security" before "Advisor", "State" after
        "Secretary of")."""
        start = ent.start + (ent[0].lower_ == "the")
        words = [t.lower_ for t in ent.doc[start: min(ent.end + 2, len(ent.doc))]]
        before = [t.lower_ for t in ent.doc[max(start - 3, 0): ent.end]]
        return bool(head_forms(ent.root) & self.not_actor_heads) or ent.doc[start].lower_ in self.name_openers \
            or any(" ".join(words[:k]) in self.title_names for k in range(ent.end - start, len(words) + 1)) \
            or any(" ".join(before[k:]) in self.title_names for k in range(len(before) - (ent.end - start)))

    # --- reading actors --------------------------------------------------------------
    def key_of(self, token: Token) -> str | None:
        """The entity a token mentions, as written (a capital stays a place)."""
        return self.token_key.get(token.i)

    def role_count(self) -> int:
        return sum(len(b.role_readings) for b in self.entities.values())

    def actors(self, token: Token, coordinated: bool = True) -> list[str]:
        """The actors a noun phrase head refers to, with its conjuncts (unless `coordinated` is false: "pro-French
        X and pro-British Y" says each one's side)."""
        if token.i in self._resolving:  # pronouns may point at phrases that contain them
            return []
        self._resolving.add(token.i)
        try:
            return self._actors(token, coordinated)
        finally:
            self._resolving.discard(token.i)

    def _actors(self, token: Token, coordinated: bool) -> list[str]:
        out: list[str] = []
        for t in conjuncts(token) + self._hidden_people(token) if coordinated else [token]:
            if self._modified_plural(t) != t:
                continue  # "Some Peru and Chile experts": the name says whose experts, it is no actor here
            # "two nuclear powers, France and China, did not sign": an apposition that names actors names them; so
            # it does after one member of a named body ("a Methodist, John Smith,")
            named = [k for c in t.children if c.dep_ == "appos" for a in conjuncts(c) for k in self._actor(a)]
            one_of = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
            found = named if named and (self.key_of(t) is None or one_of) else self._actor(t)
            found = found or self._name_after_title(t)
            out += [k for k in found + self._listed_after_apposition(t) if k not in out]
        return out

    def _name_after_title(self, title: Token) -> list[str]:
        """"Soto and Andean trade envoy Ana Ruiz": the parser may hang the name after a joined title on the first of
        the two, as its apposition; it is the title's holder."""
        if title.dep_ != "conj" or title.pos_ != "NOUN":
            return []
        name = next((c for c in title.head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                     and c.left_edge.i == title.right_edge.i + 1), None)
        return self._actor(name) if name is not None else []

    def _part_of_a_people(self, token: Token) -> bool:
        """"Many Americans opposed it", "some Germans", "Americans who advocated annexation", "Americans loyal to the
        British cause": part of a people is a group of people, not their state."""
        return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") and (any(
            c.pos_ in ("DET", "ADJ") and c.lower_ in self.words["vague_qualifiers"] for c in token.lefts) or any(
            c.dep_ == "relcl" and not non_restrictive(c) or c.dep_ == "amod" and c.i > token.i
            for c in token.children))

    def _people_of_a_name(self, token: Token) -> bool:
        """"Native Americans resisted", "attacks by Native American tribes", "European Americans": a people named
        with a name word before its own is a people, not the state ("the Spanish American War" is a war of two
        states, "Sino-American talks" talks of two)."""
        if token.ent_type_ != "NORP" or token.i == 0:
            return False
        before = token.doc[token.i - 1]
        # a name word: "Native", "European"; not "First" nor a sentence's first word, capitalised as any is
        name_word = before.ent_type_ in ("", "NORP") and (before.tag_ in ("NNP", "NNPS") or before.tag_ == "JJ" and (
            before.ent_type_ == "NORP" or not before.is_sent_start))
        if not before.whitespace_ or not before.is_title or not name_word \
                or self._names_a_state(f"{before.text} {token.text}"):
            return False  # "West German", "the North Vietnamese": one state's name in two words
        return token.tag_ == "NNPS" or not self._names_a_state(before.text)

    def _names_a_state(self, word: str) -> bool:
        return self.lexicon.named(word, "State") is not None or self._demonym_entry(word) is not None

    def _demonym_entry(self, word: str) -> LexEntry | None:
        low = word.lower()
        own = next((e for e in self.lex.values() if e.kind == "State" and low in {d.lower() for d in e.demonyms}),
                   None)
        return own and self._demonym_owner(word, own)

    def _modified_plural(self, token: Token) -> Token:
        """"Some Peru and Chile experts": a name with a quantifier is a modifier of the plural noun the parser
        coordinated it with, and that group is the actor, not the state."""
        if token.pos_ != "PROPN" or not any(c.dep_ == "det" and c.lower_ in self.words["vague_qualifiers"]
                                             for c in token.children):
            return token
        return next((c for c in token.children if c.dep_ == "conj" and c.tag_ == "NNS"), token)

    def _listed_after_apposition(self, token: Token) -> list[str]:
        """"signed by Chile, its close ally Peru, and Bolivia": the parser hangs the list's later members on the
        apposition, or hangs them on the first and the second as its apposition ("Chile, the Republic of Peru,
        and two other states"); an apposition the list goes on after is a member too, when it is the same kind
        of actor (a city is no apposition of a state that way: "Lima, Peru, and Quito")."""
        own = self.key_of(token)
        if own is None:
            return []
        out: list[str] = []
        list_goes_on = [c.i for c in token.children if c.dep_ in ("conj", "cc")]
        for appos in (c for c in token.children if c.dep_ == "appos" and (
                any(x.dep_ == "conj" for x in c.children) or _between_commas(c) and any(i > c.i for i in list_goes_on))):
            for member in conjuncts(appos):
                named = [a for a in member.children if a.dep_ == "appos"] if self.key_of(member) is None else [member]
                out += [k for a in named for k in self._actor(a) if self.kind(k) == self.kind(own)]
        return out

    def _hidden_people(self, token: Token) -> list[Token]:
        """"Nixon and Soviet General Secretary Leonid Brezhnev": the parser may hang one name under the other's title."""
        if self.kind(self.key_of(token) or "") != "Person":
            return []
        found = []
        for t in token.subtree:
            node, ok = t, True
            while node != token and ok:
                # (or as an adjective: "President X al-Sisi and Prime Minister Y" with "Sisi" on "Minister")
                ok = node.dep_ in ("compound", "nmod", "conj", "cc", "flat", "amod")
                node = node.head
            key = self.key_of(t)
            if ok and key and key != self.key_of(token) and self.kind(key) == "Person":
                found.append(t)
        return found

    def _actor(self, token: Token) -> list[str]:
        key = self.key_of(token)
        if key and self.kind(key) == "State" and self._one_of_a_people(token):
            # "Yigal Amir, an Israeli who opposed the accords": one person, the one named beside, not the state
            named = self.key_of(token.head) if token.dep_ == "appos" else None
            return [named] if named and self.kind(named) == "Person" else []
        if key and self._part_of_a_people(token):
            return [self._group(token)]
        if key and self.kind(key) == "State" and self._people_of_a_name(token):
            return [] if token.dep_ in ("amod", "compound") else [self._group(token)]  # "Native American attacks"
        if key:
            return [self._as_actor(key)] if self._as_actor(key) else []
        low = token.lower_
        if low in AUTHOR_PRONOUNS:
            return list(self.authors)
        if low in PRONOUNS_SINGULAR:
            return self._antecedent(token, plural=False)
        if low in PRONOUNS_PLURAL:
            return self._antecedent(token, plural=True)
        if low in PRONOUNS_NEUTER:
            return [] if self.expletive(token) else self._institution(token)
        return self._titled_person(token) or self._apposed_person(token) or self._titled_people(token) \
            or self._some_in(token) or self._title_alone(token) or self._nominal(token)

    def _some_in(self, token: Token) -> list[str]:
        """"Many in Peru called for a boycott", "some in Congress": a part of those in a state or a body acts as a
        group of its own, neither the state nor the body."""
        if token.lower_ not in _SOME or token.pos_ not in ("ADJ", "DET", "PRON"):
            return []
        within = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "within")]
        if not any(o.dep_ == "pobj" and self.kind(self.key_of(o) or "") in ("State", "Organization")
                   for c in within for o in c.children):
            return []
        label = text_of([token, *(t for c in within for t in c.subtree)])
        label = label[0].lower() + label[1:]
        return [self.add(f"organization/{slug(label)}", "Organization", label, label)]

    def _one_of_a_people(self, token: Token) -> bool:
        """"an Israeli", "a Chilean": a people's word in the singular, after "a", names one of them."""
        return indefinite(token) and token.tag_ in ("NN", "NNP") \
            and self._demonym_entry(token.text) is not None  # not "a newly reunited Germany"

    def _titled_person(self, token: Token) -> list[str]:
        """"Commissar for Foreign Affairs Maxim Litvinov signed": the parser may make the title the head of the
        phrase and hang the name in the title's own "for" or "of" phrase; the one named right after the title is
        meant."""
        if not token.is_title or token.lower_ not in self._title_starts:
            return []
        length = _title_words([t.text for t in token.doc[token.i: token.i + 7]], self.title_names)
        name = token.doc[token.i + length] if length else None
        key = self.key_of(name) if name is not None else None
        return [key] if key and self.kind(key) == "Person" and token.is_ancestor(name) else []

    def _title_alone(self, title: Token) -> list[str]:
        """"President Juan Soto met the envoy. The President then decided ...": a capitalised title with nothing to
        say whose it is names the one person written with that title before it (none when two were: "President
        Soto ... President Prado ... the President" could be either)."""
        if not title.is_title or title.tag_ not in ("NN", "NNP") or title.lower_ not in self._title_starts \
                or any(c.dep_ != "det" or c.lower_ != "the" for c in title.children if c.i < title.i) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children):
            return []
        holders = {key for ent in title.doc.ents if ent.end <= title.i
                   and any(t == title.lower_ or t.startswith(f"{title.lower_} ")
                           for t in self._person_titles.get(clean_name(ent.text, self.title_names), ()))
                   and (key := self.key_of(ent.root)) and self.kind(key) == "Person"}
        return list(holders) if len(holders) == 1 else []

    def _apposed_person(self, title: Token) -> list[str]:
        """"Alcide De Gasperi, the Italian Premier, who wanted X": a title set beside a person's name is that person,
        and so is what refers to it (not the state its adjective names)."""
        if title.dep_ != "appos" or title.lemma_.lower() not in self.titles:
            return []
        key = self.key_of(title.head)
        return [key] if key and self.kind(key) == "Person" else []

    def _titled_people(self, title: Token) -> list[str]:
        """"signed by Presidents Barack Obama and Dmitry Medvedev": the parser may make a plural title the head and
        break up the names after it; the people named right after it, in a list, hold it."""
        if title.tag_ != "NNS" or title.lemma_.lower() not in self.titles:
            return []
        found: list[str] = []
        for word in title.doc[title.i + 1: title.i + 16]:
            key = self.key_of(word) if word.pos_ == "PROPN" else None
            if key is None and word.lower_ not in ("and", ","):
                break
            if key is not None and self.kind(key) != "Person":
                return []
            found += [key] if key is not None and key not in found else []
        return found

    def _institution(self, token: Token) -> list[str]:
        """"its": in "X, its ally Y" X; else the state or organization that is the clause's subject, else the
        nearest one before ("it" looks no further than the subjects)."""
        if token.head.dep_ == "appos":
            found = [k for k in self._actor(token.head.head) if self.kind(k) in ("State", "Organization")]
            if found:
                return found[:1]
        owner = self._joined_owner(token, ("State", "Organization")) or self._owner_of_act(token) \
            or self._reporter_of_second_clause(token)
        if owner:
            return owner
        if self._joined_to_a_thing(token):
            return []
        verb = token
        while verb.head != verb:  # up to the nearest clause that has a subject of its own
            verb = verb.head
            # "The Chilean government, worried by a war between its allies and X, ...": the one the participle
            # describes
            described = [k for k in self._actor(verb.head) if self.kind(k) in ("State", "Organization")] \
                if verb.dep_ == "acl" and verb.head.i < token.i else []
            if described:
                return described[:1]
            # "Israel forced Egypt to lift its blockade": the infinitive's doer is the object of the verb above it
            controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None) \
                if verb.dep_ == "xcomp" else None
            controlling = self._institutions(controller) if controller is not None else []
            if controlling:
                return controlling[:1]
            # "At its meeting in Lima, the alliance ...": a pronoun in a fronted phrase points forward
            nearest_first = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                                    and (c.i < token.i or _fronted(token, verb, c))), key=lambda c: -c.i)
            for subject in nearest_first:
                found = self._institutions(subject)
                if found:
                    return found[:1]
                if self._thing(subject, token):
                    return []  # "This treaty was not X, and it did not Y": it is the treaty
            # "Clinton criticized the Bush administration for its policy": in a phrase of the verb, "its" may be
            # its object's
            in_phrase = token.dep_ == "poss" and token.head.dep_ == "pobj" and token.head.head.head == verb
            for thing in (c for c in verb.children if in_phrase and c.dep_ == "dobj" and c.i < token.i):
                found = [k for k in self.actors(thing) if self.kind(k) in ("State", "Organization")]
                if found:
                    return found[:1]
            # "X had long done ...; it then gave Y", "X said it would ...": the pronoun's own clause leads on
            if any(c.dep_ in ("nsubj", "nsubjpass") and c != token for c in verb.children):
                break
        # a subject earlier in the sentence, however the parser joined the clauses ("X had ...; it then ...")
        earlier = [t for t in sentence_of(token) if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")]
        for subject in earlier:
            found = self._institutions(subject)
            if found:
                return found[:1]
        if earlier and self._thing(earlier[-1], token):
            return []
        # "The summit ended in deadlock; Ruiz blamed Vega for its failure": a neuter pronoun passes over the people
        # named since to a thing ("its" of the subject of its own clause may still be a state's: "the squadron sent
        # missions from its base")
        nearest = next((s for s in reversed(earlier) if not self._people(s)), None)
        if nearest is not None and nearest != earlier[-1] and nearest.tag_ == "NN" and not self.actors(nearest):
            return []
        previous = self._previous_subject(token, ("State", "Organization"))
        if previous:
            return previous
        if token.lower_ == "it":
            return []  # no actor subject nearby: "it" is far likelier a thing than a state named further back
        for i in range(token.i - 1, max(sentence_of(token).start - 40, -1), -1):
            key = self.token_key.get(i)
            actor = self._as_actor(key) if key else None
            if actor and self.kind(actor) in ("State", "Organization"):
                return [actor]
        return []

    def _reporter_of_second_clause(self, pronoun: Token) -> list[str]:
        """"China affirmed that Taiwan was a part of China, and that it opposed ...": the subject of a second "that"
        clause of a reporting verb is the reporter, not the first clause's subject."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "conj" or clause.head.dep_ != "ccomp" or not that_clause(clause):
            return []
        reporters = [s for s in clause.head.head.children if s.dep_ == "nsubj"]
        return [k for s in reporters for k in self._institutions(s)][:1]

    def _reporting_person(self, pronoun: Token) -> list[str]:
        """"Although Ruiz told the Chilean envoy that he would resign, Vega ...": the subject "he" of a reported
        clause is the person who reports it."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return []
        reporter = next((s for s in clause.head.children if s.dep_ == "nsubj"), None)
        found = self.actors(reporter, coordinated=False) if reporter is not None else []
        return found if len(found) == 1 and self.kind(found[0]) == "Person" else []

    def _reporting_body(self, pronoun: Token) -> list[str]:
        """"Chile refused, insisting that while they had agreed to X, they had not agreed to Y": the subject "they" of a
        reported clause is the state or body that reports it, which the text may call "they"."""
        clause = pronoun.head
        while clause.dep_ == "advcl" and clause.head != clause:
            clause = clause.head  # "that while they had agreed ..., ...": the reported clause around it
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return []
        verb = clause.head
        reporter = next((s for s in verb.children if s.dep_ == "nsubj"), None)
        if reporter is None and verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
            reporter = next((s for s in verb.head.children if s.dep_ == "nsubj"), None)  # "X refused, insisting that"
        # (all of a joined subject: "Chile and Peru declared that they would ...")
        found = self.actors(reporter) if reporter is not None else []
        return found if found and all(self.kind(k) in ("State", "Organization") for k in found) else []

    def _joined_owner(self, pronoun: Token, kinds: tuple[str, ...]) -> list[str]:
        """"the Soviet Union and its allies", "Ruiz and his party", "the United States or any of its allies": a
        possessive in a conjunct is the one it is joined to, when that is an actor of the pronoun's kind."""
        noun = pronoun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "conj":
            noun = noun.head.head  # "any of its allies", "some of its partners"
        if pronoun.dep_ != "poss" or noun.dep_ != "conj":
            return []
        # "the security of the United States or any of its allies": the parser may join the conjunct to the noun
        # whose "of" phrase names the owner
        joined = [noun.head] + [o for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < noun.i
                                for o in c.children if o.dep_ == "pobj"]
        return next(([k for k in found if self.kind(k) in kinds] for t in joined
                     if (found := self._actor(t)) and any(self.kind(k) in kinds for k in found)), [])

    def _joined_to_a_thing(self, pronoun: Token) -> bool:
        """"the war and its aftermath", "the party and its leader": "its" in a conjunct is the singular noun it is
        joined to, which may name no actor (then no state or organization named further back owns it); not when that
        noun has an owner of its own ("X's breach of A, and its attempts to B": X's, as the owner is read)."""
        noun = pronoun.head
        joined = noun.head
        return pronoun.dep_ == "poss" and noun.dep_ == "conj" and joined.tag_ in ("NN", "NNP") \
            and not any(c.dep_ == "poss" for c in joined.children) and not self._actor(joined)

    def _owner_of_act(self, pronoun: Token) -> list[str]:
        """"the U.S. announcement of its intention", "Peru's defence of its claim": "its" in the "of" phrase of a
        noun is whoever that noun names as its own."""
        noun = pronoun.head
        if pronoun.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.dep_ != "prep":
            return []
        owners = [c for c in noun.head.head.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < noun.head.i]
        return [k for o in owners for k in self._actor(o) if self.kind(k) in ("State", "Organization")][:1]

    def expletive(self, pronoun: Token) -> bool:
        """"It took Harris years to convince them", "it seemed that ...": an "it" that stands in for the clause after
        its verb refers to nothing."""
        verb = pronoun.head
        if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "expl") \
                or verb.lemma_.lower() not in self.words["expletive_verbs"]:
            return False
        later = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > verb.i]
        return any(m.lower_ in ("to", "that") and m.dep_ in ("aux", "mark") for c in later for m in c.children)

    def _institutions(self, subject: Token) -> list[str]:
        """The states and organizations a subject names, which "it" may stand for; of a plural noun, only the state
        it acts for ("U.S. officials believed ..., so it ...", but "its supporters argued that it would ...": the
        supporters are no "it")."""
        kinds = ("State",) if subject.pos_ == "NOUN" and subject.tag_ == "NNS" else ("State", "Organization")
        return [k for k in self.actors(subject) if self.kind(k) in kinds]

    def _people(self, subject: Token) -> bool:
        """A subject that names only people ("Ruiz", "he", "Ruiz and Vega"), whom "it" cannot stand for."""
        found = self.actors(subject)
        return bool(found) and all(self.kind(k) == "Person" for k in found)

    def _thing(self, subject: Token, pronoun: Token) -> bool:
        """A singular common noun that names no actor: what a following "it" most likely stands for ("its" may still
        be the owner's: "the squadron sent missions from its base")."""
        return pronoun.lower_ == "it" and subject.tag_ == "NN" and not self.actors(subject)

    def _previous_subject(self, token: Token, kinds: tuple[str, ...], plural: bool = False) -> list[str] | None:
        """A sentence-initial pronoun continues the topic: the subject of the previous sentence's main clause (all
        its conjuncts for "they"), of its last clause for a singular one ("X had asked Y, but the President knew ...
        He"); None when "they" continues a plural subject that names no actor ("a band of ranchers and traders took
        over the islands. They asked ...": no state named before)."""
        sent = sentence_of(token)
        subject = token.head if token.dep_ == "poss" else token  # "Its members are ...": the subject's owner
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.dep_ != "ROOT" or sent.start == 0:
            return []
        previous = sentence_of(token.doc[sent.start - 1])
        while not previous.text.strip() and previous.start > 0:
            previous = sentence_of(token.doc[previous.start - 1])
        clauses = [previous.root] + ([] if plural else [c for c in previous.root.children if c.dep_ == "conj"
                                                        and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)])
        for subject in (c for c in clauses[-1].children if c.dep_ in ("nsubj", "nsubjpass")):
            found = [k for k in self.actors(subject) if self.kind(k) in kinds]
            if found and (len(found) > 1) == plural:
                return found if plural else found[:1]
            if plural and not found and subject.pos_ == "NOUN" and _many(subject):
                return None
        return []

    def _named_by_head(self, token: Token) -> list[str]:
        """"the Lima Party ... his party", "the Andean Development Organization ... the organization": a definite
        singular noun is the nearest organization named before whose name has it for head word; a word for any
        organization ("the organization", "the body") is the nearest organization named before, whatever its name
        ("APEC")."""
        any_name = token.lower_ in self.words["organization_nouns"]
        # ("the League" the model left untagged after "the League of Nations": a bare proper noun too)
        bare_name = token.tag_ == "NNP" and not any(c.dep_ == "compound" for c in token.children)
        if not (token.tag_ == "NN" or bare_name) or not (any_name or token.lower_ in self._organization_heads) \
                or not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_WORDS for c in token.children):
            return []  # (no organization so far has the word for head: the 400 words before need no look)
        # "the border commission" after the Joint Fisheries Commission: a noun before the head that is no word of
        # the name tells another body
        kinds = {c.lower_ for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        key = self._nearest_organization(token, lambda label: any_name or _head_word(label) == token.lower_)
        return [key] if key and kinds <= set(self.entities[key].label.lower().split()) else []

    def _name_with_kind_word(self, token: Token, modifiers: list[Token]) -> list[str]:
        """"the Kuomintang party", "the Solidarity movement": a word for a kind of body after the body's name, which
        the tagger left out of it, is the body."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.membership_heads:
            return []
        return self._named_in([m for m in modifiers if m.dep_ == "compound"], "Organization")[:1]

    def _as_actor(self, key: str) -> str | None:
        entry = self.lex.get(key)
        if entry and entry.metonym_for:
            # "George Washington ... Washington urged Americans ...": in a text that names a person by it, the word is
            # that person's name, not a seat of government
            namesake = next((e.key for e in self.entities.values() if e.kind == "Person" and len(e.label.split()) > 1
                             and e.label.split()[-1] == entry.label), None)
            if namesake is not None:
                return namesake
            # of the states a capital may stand for, the one this document names most
            state = max(entry.metonym_for, key=lambda k: (self.mentions.get(k, 0), k == entry.metonym_for[0]))
            if state not in self.entities and state in self.lex:  # "Moscow" acts: the state gets a node of its own
                self.add(state, self.lex[state].kind, self.lex[state].label)
            return state
        kind = self.entities[key].kind if key in self.entities else (entry.kind if entry else None)
        return key if kind in ACTOR_KINDS else None

    def _nominal(self, token: Token) -> list[str]:
        """"the North Korean leader", "U.S. negotiators", "both sides": descriptions that name an actor."""
        lemma = token.lemma_.lower()
        # before the noun: "officials, reluctant to favor U.S. shippers," are no U.S. officials
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < token.i]
        leader_nouns, agent_nouns = self.words["leader_nouns"], self.words["agent_nouns"]
        if lemma in self.actor_nouns:
            states = self._named_in(modifiers, "State")
            if not states and lemma in self.words["government_nouns"]:
                states = self._seats_named_in(modifiers)  # "the Lima government", "the Moscow regime"
            if states and lemma in leader_nouns and token.tag_ == "NN":
                return [self.leaders[states[0]]] if states[0] in self.leaders else []
            if states:  # "Peruvian leaders" act for Peru, not for one of them
                return list(dict.fromkeys(states))
            # "leaders of the two states", "the government of Chile", "Syria, whose leaders demanded X"
            owners = self._owners(token) or self._whose_owners(token)
            if owners:
                single = token.tag_ == "NN" and lemma in leader_nouns and owners[0] in self.leaders
                return [self.leaders[owners[0]]] if single else owners
        # "representatives of the United States and Great Britain signed the treaty" sign for the two states; those
        # of a body or a group act as themselves ("representatives of the colonial governments adopted the plan",
        # which the governments later rejected)
        owners = self._owners(token) if lemma in self.words["representing_nouns"] else []
        if owners and all(self.kind(k) == "State" for k in owners):
            return owners
        listed = self._numbered_group(token)
        if listed:
            return listed
        is_pair = self._is_pair(token)
        pair = self._pair_meant(token) if is_pair else []
        if pair or is_pair and lemma in self.pair_nouns:  # ("two envoys" no pair names: a group)
            # who acts on "both sides" ("Chile urged both sides to talk") is none of them
            return [] if set(pair) & set(self._doer_keys(token)) or not self._of_modifier_state(token, pair) else pair
        named = self._named_by_head(token) or self._name_with_kind_word(token, modifiers)
        if named:
            return named
        governed = self._governed_by_pronoun(token) if lemma in self.words["government_nouns"] else []
        if governed:
            return governed
        each = self._governments_of_each(token, modifiers)
        if each:
            return each  # "the Boric and Soto governments" are two
        if lemma in self.words["government_nouns"] and self._named_in(modifiers, "Person"):
            return [self._group(token)]  # "the Boric administration", "the Boluarte government"
        if token.tag_ == "NNS" and not modifiers and any(c.lower_ == "the" for c in token.children):
            earlier = self._listed_before(token)
            if earlier:
                return earlier
            if self.last_pair and lemma in self.pair_nouns | agent_nouns and self._pair_near(token, lemma):
                return self._pair_named(token)  # "Chile and Peru met ... the negotiators disagreed": the two who met
            body = self._body_before(token) if lemma in self.member_nouns else None
            if body:
                return [body]
        # "the states of Chile and Peru" are those two, not a group of them
        listed = self._named_in([c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"], "State") \
            if token.tag_ == "NNS" and lemma in self.qualified_groups else []
        if len(listed) >= 2:
            return list(dict.fromkeys(listed))
        # "the Andean states"; "the nations of Western Europe": an "of" phrase that names a region says which too
        qualified = any(c.dep_ == "amod" and c.lower_ not in self.words["vague_qualifiers"]
                        or c.dep_ == "prep" and c.lower_ == "of" and any(o.ent_type_ == "LOC" and not o.conjuncts
                                                                         for o in c.children)
                        for c in token.children)
        one_person = token.tag_ == "NN" and lemma not in self.collective_nouns  # "Immigration expert X", "an ally"
        # a noun that qualifies the noun after it is no group ("the nuclear power plant")
        if token.pos_ == "NOUN" and token.dep_ != "compound" and (
                lemma in self.group_nouns and not one_person or lemma in self.qualified_groups and token.tag_ == "NNS"
                and qualified or self._named_by_ending(token) or self._opinion_of(token)):
            return [self._group(token)]
        if token.tag_ == "NNPS" and token.ent_type_ == "NORP":
            return [self._group(token)]  # "Many Andeans opposed ...": a people named by the text acts as a group
        if token.tag_ == "NNPS" and not token.ent_type_ and token.lower_.removesuffix("s") in self.group_nouns \
                or token.tag_ in ("NNS", "NNPS") and token.text in self.party_members:
            return [self._group(token)]  # "Many Senators were opposed to X": a group noun capitalised
        if token.tag_ == "NNPS" and not token.ent_type_ and _named_group_doing(token) \
                and not head_forms(token) & self.not_actor_heads:  # "the Ambassadorial Talks began"
            return [self._group(token)]
        if lemma in self.words["partitive_nouns"] and self._of_people(token):
            return [self._group(token)]  # "the majority of Americans"
        return []

    def _named_in(self, modifiers: list[Token], kind: str) -> list[str]:
        """The entities of ``kind`` the words of these modifiers mention (worked out only for the nouns that need
        them: the walk is over every noun's modifiers otherwise)."""
        return [k for c in modifiers for t in c.subtree if (k := self.key_of(t)) and self.kind(k) == kind]

    def _seats_named_in(self, modifiers: list[Token]) -> list[str]:
        """The states of the seats of government these modifiers name (as a capital acting for its state does)."""
        seats = [k for c in modifiers if c.dep_ == "compound" for t in c.subtree
                 if (k := self.key_of(t)) and (entry := self.lex.get(k)) and entry.metonym_for]
        return [state for k in dict.fromkeys(seats) if self.kind(state := self._as_actor(k)) == "State"]

    def _body_before(self, token: Token) -> str | None:
        """"a session of the Andean Council ... the members approved it": bare members act as the organization
        named last, in their sentence or the one before."""
        sentence = sentence_of(token)
        start = sentence_of(token.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
        for earlier in reversed(token.doc[start: token.i]):
            key = self.key_of(earlier)
            if key and earlier.ent_type_ and self.kind(key) == "Organization":  # a name, not a group ("the rebels")
                return key
        return None

    def _named_by_ending(self, token: Token) -> bool:
        """"annexationists", "Filipino nationalists": a plural whose ending names people by a belief or a trade (long
        enough that the ending is a suffix: not "lists")."""
        lemma = token.lemma_.lower()
        return token.tag_ == "NNS" and len(lemma) >= 6 and lemma.endswith(self.group_suffixes)

    def _opinion_of(self, token: Token) -> bool:
        """"public opinion", "American sentiment": a people's shared view, said whose by a modifier, holds stances."""
        return token.tag_ == "NN" and token.lemma_.lower() in self.opinion_nouns and any(
            c.dep_ in ("amod", "compound") and c.lower_ not in self.words["vague_qualifiers"] for c in token.children)

    def _of_people(self, token: Token) -> bool:
        """The "of" phrase names a people or a group: "of Americans", "of the senators"."""
        named = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj"]
        return any(p.ent_type_ == "NORP" and p.tag_ == "NNPS" or p.lemma_.lower() in self.group_nouns
                   or p.tag_ == "NNS" and p.lemma_.lower() in self.words["agent_nouns"] for p in named)

    def _owners(self, token: Token) -> list[str]:
        found = [k for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from") for p in c.children
                 if p.dep_ == "pobj" for k in self.actors(p) if self.kind(k) in ("State", "Organization")]
        return list(dict.fromkeys(found))

    def _whose_owners(self, token: Token) -> list[str]:
        """The states or bodies "whose" stands for: the noun the relative clause is on."""
        if not any(c.dep_ == "poss" and c.tag_ == "WP$" for c in token.children):
            return []
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        found = self.actors(clause.head) if clause is not None else []
        return [k for k in found if self.kind(k) in ("State", "Organization")]

    def _listed_before(self, token: Token) -> list[str]:
        """"the envoys" after "the Chilean and Peruvian envoys": the states that earlier mention listed."""
        start = max(sentence_of(token).start - 120, 0)
        for earlier in reversed(token.doc[start: token.i]):
            if earlier.lemma_ == token.lemma_ and earlier.tag_ == "NNS" and earlier.i != token.i:
                modifiers = [c for c in earlier.children if c.dep_ in ("compound", "amod", "nmod")]
                states = list(dict.fromkeys(k for c in modifiers for t in c.subtree
                                            if (k := self.key_of(t)) and self.kind(k) == "State"))
                if len(states) >= 2:
                    return states
        return []

    def _group(self, token: Token) -> str:
        """"a broad coalition of Republicans and conservative Democrats", "U.S. negotiators": a group acting as one."""
        # "colonial governments" are not all governments, nor is "public opinion" every opinion, nor "the anti-war
        # movement" every movement
        qualifies = token.lemma_.lower() in self.qualified_groups | self.opinion_nouns | self.collective_nouns
        government = token.lemma_.lower() in self.words["government_nouns"]
        keep = [t for c in token.children if c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and (
                c.lower_ in self.words["group_qualifiers"] or c.ent_type_ == "NORP" or qualifies))
                or (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_))
                for t in c.subtree]
        if token.dep_ == "conj" and self._modified_plural(token.head) == token:
            # "Some Peru and Chile experts" parsed with "Peru" as the head: it names the group too
            keep += [token.head] + [c for c in token.head.children if c.dep_ == "cc"]
        # "Most Austrians" are Austrians, "the largest naval powers" naval powers
        keep = [t for t in keep if t.lower_ not in self.words["vague_qualifiers"] and t.tag_ != "JJS"]
        keep += [t for t in _defining_clause(token) if t not in keep]
        label = text_of(sorted(keep + [token], key=lambda t: t.i))
        # "the victorious European powers" are the European powers named again later: one group, and the
        # words the text gave it an alias
        described = [t for c in token.lefts if c.dep_ == "amod" and c.lower_ not in self.words["vague_qualifiers"]
                     for t in c.subtree if t not in keep]
        written = text_of(sorted(keep + described + [token], key=lambda t: t.i))
        key = self.add(f"organization/{slug(label)}", "Organization", label, written)
        states = self._named_in([c for c in token.children if c.dep_ in ("compound", "amod", "nmod")], "State")
        if government:
            states += self._led_states(token)
        if len(set(states)) == 1:
            self.group_states[key] = states[0]
        return key

    def _governments_listed(self, ent: Span) -> bool:
        """"the Harding and Coolidge Administrations" tagged one name: no body of its own, but one of each."""
        root = ent.root
        return bool(head_forms(root) & self.words["government_nouns"]) and root.tag_ in ("NNS", "NNPS") \
            and any(t.dep_ == "cc" for t in ent)

    def _governments_of_each(self, government: Token, modifiers: list[Token]) -> list[str]:
        """One body for each name a plural word for a government lists ("the Harding and Coolidge
        administrations", "the Labour and Conservative governments"), named by the name and the word, of the state
        the leader so named leads."""
        words = head_forms(government) & self.words["government_nouns"]
        names = [t for m in modifiers if m.dep_ in ("compound", "nmod") and m.pos_ == "PROPN" for t in conjuncts(m)]
        if not words or government.tag_ not in ("NNS", "NNPS") or len(names) < 2 \
                or not all(t.pos_ == "PROPN" for t in names):
            return []
        word = min(words) if government.text.islower() else min(words).capitalize()
        bodies = []
        for name in names:
            label = f"{name.text} {word}"
            key = self.add(f"organization/{slug(label)}", "Organization", label, label)
            if (leader := self.key_of(name)) and self.kind(state := self.state_of(leader)) == "State":
                self.group_states[key] = state
            bodies.append(key)
        return bodies

    def _governed_by_pronoun(self, government: Token) -> list[str]:
        """"her government", "its government": the state that the one the pronoun stands for leads, or is."""
        owners = [k for c in government.children if c.dep_ == "poss" and c.pos_ == "PRON" for k in self.actors(c)]
        return list(dict.fromkeys(s for k in owners if self.kind(s := self.state_of(k)) == "State"))[:1]

    def _led_states(self, government: Token) -> list[str]:
        """"Ruiz's government", "the Ruiz administration": the state its named leader leads."""
        people = self._named_in([c for c in government.children if c.dep_ in ("compound", "poss")], "Person")
        return [state for k in people if self.kind(state := self.state_of(k)) == "State"]

    def _numbered_group(self, token: Token) -> list[str]:
        """"the three states" after "Chile, Peru, and Bolivia signed": the last list of that many
        actors of the noun's kind, within the last few sentences."""
        count = next((NUMBER_WORDS.get(c.lower_, int(c.text) if c.text.isdigit() else 0)
                      for c in token.children if c.dep_ == "nummod"), 0)
        if count < 3 or token.lemma_.lower() not in self.pair_nouns:
            return []  # two is "both sides", read from the pair last named
        return self._last_list(token, count)[0]

    def _listed_pair(self, token: Token) -> list[str]:
        """The two states (leaders) the noun's sentence lists ("Neither Pakistan nor France backed the U.S. war in
        Vietnam, and both nations"), else the nearest two it names ("the French sent a minister to the United States,
        whose acts embroiled the two countries"), else the two the sentence before lists ("Britain and Spain declared
        war on France. These two powers"; not two it names in passing). None when a meeting or an agreement paired
        two since (``pair``)."""
        sentence = sentence_of(token)
        listed, at = self._last_list(token, 2)
        if listed and at > max(self.pair_at, sentence.start_char - 1):
            return listed
        kind = "Person" if self._pair_of_people(token) else "State"
        named = list(dict.fromkeys(k for t in reversed(token.doc[sentence.start: token.i])
                                   if (k := self.key_of(t)) and self.kind(k) == kind and t.idx > self.pair_at))
        if len(named) >= 2:
            return named[:2]
        before = sentence_of(token.doc[sentence.start - 1]).start_char if sentence.start else 0
        return listed if listed and at > max(self.pair_at, before - 1) else []

    def _last_list(self, token: Token, count: int) -> tuple[list[str], int]:
        """The last list of ``count`` actors of the noun's kind before it, within the last few sentences, and where
        it starts."""
        kind = "Person" if self._pair_of_people(token) else "State"
        start = max(sentence_of(token).start - 150, 0)
        for earlier in reversed(token.doc[start: token.i]):
            # "the United States and some 50 other countries": a list the noun is itself an item of is no earlier one
            if earlier.dep_ == "conj" or earlier.i in self._resolving or token in conjuncts(earlier):
                continue
            found = [k for t in conjuncts(earlier) for k in self._actor(t) if self.kind(k) == kind]
            if earlier.pos_ == "NOUN" and len(found) < count:  # "Chile-Peru-Bolivia relations" lists three too
                found = list(dict.fromkeys(k for c in earlier.children if c.dep_ in ("compound", "nmod", "amod")
                                           for t in c.subtree if (k := self.key_of(t)) and self.kind(k) == kind))
            if len(found) == count and len(set(found)) == count:
                return found, earlier.idx
        return [], -1

    def _is_pair(self, token: Token) -> bool:
        """"both sides", "the two countries"; not "fifty-two nations", whose "two" ends a longer number."""
        both = any(c.lower_ == "both" or c.lower_ == "two" and not c.n_lefts and c.doc[c.i - 1].text not in ("-", "–")
                   for c in token.children)
        return both and (token.lemma_.lower() in self.pair_nouns or self._pair_of_people(token))

    def _pair_meant(self, token: Token) -> list[str]:
        """"the two sides" are the parties of the talks or the treaty last named (``pair``), not any two listed."""
        if token.lemma_.lower() == "side":  # "Chiang and Mao ... the two sides": the two, if no states are said
            disputed = list(self.disputed_pair) if self.dispute_at > self.pair_at else []
            return self._sides_of_fight(token) or disputed or self._pair_named(token)
        return self._listed_pair(token) or self.pair(token, people=self._pair_of_people(token))

    def _pair_of_people(self, token: Token) -> bool:
        """"both presidents", "the two envoys": a pair of people, where "the two sides" are states."""
        return token.lemma_.lower() == "leader" or token.tag_ == "NNS" and token.lemma_.lower() in self.titles

    def _of_modifier_state(self, noun: Token, pair: list[str]) -> bool:
        """"the two German states", "both Korean governments": a pair a state's word modifies are of that state (East
        and West Germany), not any two the text named."""
        named = [self.entities[k].label for c in noun.children if c.dep_ in ("amod", "compound")
                 if (k := self.key_of(c)) in self.entities and self.kind(k) == "State"]
        return all(label in self.entities[k].label for label in named for k in pair if k in self.entities)

    def state_of_demonym(self, word: str) -> str | None:
        """"Chilean" of "anti-Chilean": the state the lexicon gives that demonym, a node of this document's."""
        entry = self._demonym_entry(word)
        if entry is None:
            return None
        if entry.key not in self.entities:
            self.add(entry.key, entry.kind, entry.label)
        return entry.key

    def _pair_near(self, token: Token, lemma: str) -> bool:
        """The pair was named in this paragraph, or, for those who negotiate for it ("the negotiators", "the
        diplomats"), in the one before: a pair named in passing earlier ("negotiations between India and China") is
        no topic for "the leaders" or "the countries" later."""
        back = 1 if lemma in self.words["agent_nouns"] else 0
        return paragraph_start(token.doc, token.idx, back) <= self.pair_at

    def pair(self, noun: Token, people: bool = False) -> list[str]:
        """The two parties the text last named together, as states unless people are asked for; failing
        that, the two states the document names most, if the noun's paragraph or the one before names both (a text
        that has moved on to other states means others by "the two governments")."""
        if people:
            return list(self.last_pair)
        states = [self._pair_state(k) for k in self.last_pair]
        if len(states) == 2 and all(self.kind(k) == "State" for k in states) and states[0] != states[1]:
            return states
        ranked = sorted((k for k in self.mentions if self.kind(k) == "State"), key=lambda k: -self.mentions[k])
        counts = [self.mentions[k] for k in ranked] + [0]
        if len(ranked) < 2 or counts[1] == counts[2]:  # a tie with a third: no pair
            return []
        return ranked[:2] if set(ranked[:2]) <= self._named_around(noun) else []

    def _named_around(self, token: Token) -> set[str]:
        """What the text names in the token's paragraph and the one before."""
        doc, start = token.doc, paragraph_start(token.doc, token.idx, 1)
        end = doc.text.find("\n", token.idx) % (len(doc.text) + 1)  # (no line break: the text's end)
        return {key for i, key in self.token_key.items() if start <= doc[i].idx < end}

    def _doer_keys(self, thing: Token) -> list[str]:
        """The named doers of the verb an object (or its preposition's object) hangs on."""
        verb = thing.head.head if thing.dep_ == "pobj" else thing.head
        if thing.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return []
        return [k for s in verb.children if s.dep_ == "nsubj" for t in conjuncts(s) if (k := self.key_of(t))]

    def _sides_of_fight(self, sides: Token) -> list[str]:
        """"After the Russo-Japanese War, ... the two sides of the conflict met": the states the last war or attack
        set at odds, when the noun says it means the sides of a fight."""
        fight = any(o.lemma_.lower() in self.fight_heads for c in sides.children if c.dep_ == "prep"
                    and c.lower_ in ("of", "in") for o in c.children if o.dep_ == "pobj")
        return list(self.fought_pair) if fight else []

    def _pair_named(self, noun: Token) -> list[str]:
        """The states of the two the text named together last when it has said which, else those two themselves: not
        the two states the text names most, a guess that a pair just named makes needless."""
        states = self.pair(noun)
        return states if all(self._pair_state(k) in states for k in self.last_pair) else list(self.last_pair)

    def _pair_state(self, key: str) -> str:
        """The state one of a pair stands for: the one it leads, else its home title's, else ``state_of``'s."""
        return self.state_of(key) if key in self.led else self.homes.get(key, self.state_of(key))

    def state_of(self, key: str) -> str:
        """The state an actor acts for: the one it leads, or the one a group's name places it in; else itself."""
        return self.led.get(key) or self.group_states.get(key, key)

    def named_state(self, key: str) -> str | None:
        """"U.S. Congress", "Chilean Navy": a body whose name starts with the name of a state the text names is that
        state's (it still acts as itself: "Congress rebuffed Roosevelt" is a rift inside the state)."""
        entity = self.entities.get(key)
        if entity is None or entity.kind != "Organization" or len(entity.label.split()) < 2:
            return None
        first = entity.label.split()[0].lower()
        for state in (b for b in self.entities.values() if b.kind == "State"):
            known = self.lex.get(state.key)
            names = {state.label, *state.aliases, *(known.aliases + known.demonyms if known else ())}
            if first in {n.lower() for n in names}:
                return state.key
        return None

    def note_leader(self, state: str, person: str) -> None:
        """The person leads the state: "the Chilean president" stays the first one the text named; the person acts
        for that state whoever came before ("Pinochet was named President of Chile")."""
        self.leaders.setdefault(state, person)
        self.led[person] = state

    def note_home(self, person: str, state: str) -> None:
        """A home title ("President X") in a text the publisher's state publishes: X is that state's, for now."""
        self.homes.setdefault(person, state)

    def note_pair(self, keys: list[str], at: int) -> None:
        """Two parties the text names together, at this character."""
        if len(keys) == 2:
            self.last_pair, self.pair_at = tuple(keys), at

    def note_dispute(self, keys: list[str], at: int) -> None:
        """Two parties the text sets at odds, at this character: "both sides" after it may be theirs."""
        if len(keys) == 2:
            self.disputed_pair, self.dispute_at = tuple(keys), at

    def note_fought(self, keys: tuple[str, ...]) -> None:
        """Two states a war or an attack the text tells of sets at odds."""
        self.fought_pair = keys

    def kind(self, key: str) -> str | None:
        """The entity's kind; a state a capital stands for may not be an entity of this document yet."""
        entry = self.lex.get(key)
        return self.entities[key].kind if key in self.entities else (entry.kind if entry else None)

    def _antecedent(self, token: Token, plural: bool) -> list[str]:
        """The subject of the sentence's main clause (a fronted "At their first meeting, Trump and Kim ..." points
        forward), else the pair last named together, else the nearest earlier actor (for "he" as the subject with no
        person before it in its own sentence, the previous sentence's subject first). In a clause that says what a
        noun holds ("Trump's statements that he wants ..."), the pronoun is the noun's owner."""
        owner = self._joined_owner(token, tuple(ACTOR_KINDS) if plural else ("Person",)) or self._content_owner(token)
        if owner:
            return owner
        reporter = self._reporting_body(token) if plural else self._reporting_person(token)
        if reporter:
            return reporter
        root = sentence_of(token).root
        # "After the election of X, A and B ... their": also a plural subject the parser hung on a phrase before
        # it (a singular one, in "X, Y's adviser, asked Z if he would", is no surer than the nearest person)
        candidates = subjects(root) if plural else [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        joined = [s for s in candidates if s.i != token.i and s.lower_ not in PRONOUNS_SINGULAR | PRONOUNS_PLURAL]
        if plural and len(joined) > 1:
            # "the United States and its partners began to coordinate their efforts": a subject of several is "they"
            # however many actors its items name
            found = list(dict.fromkeys(k for s in joined for k in self.actors(s)))
            if found:
                return found
        for subject in (s for s in candidates if s.i != token.i):
            if plural and subject.lower_ in PRONOUNS_PLURAL and subject.i < token.i:
                return self.actors(subject)  # "they asked X for help, but X refused their pleas": whoever they are
            if subject.lower_ in PRONOUNS_SINGULAR | PRONOUNS_PLURAL:
                continue
            found = self.actors(subject)
            people = all(self.kind(k) == "Person" for k in found)
            before = subject.i < token.i or _fronted(token, root, subject)  # "On her election, Soto ..."
            many = len(found) > 1 or subject.tag_ == "NNPS"  # "the Soviets ... their": a state named in the plural
            if found and many == plural and (plural or (before and people)):
                return found
        if plural:
            before = self._plural_before(token)
            if before is None:
                return []
            previous = self._previous_subject(token, tuple(ACTOR_KINDS), plural=True)
            # the pair last named, if named in this paragraph ("the talks between X and Y ... they agreed")
            paired = list(self.last_pair) if paragraph_start(token.doc, token.idx) <= self.pair_at else []
            return [] if previous is None and not before else before or previous or paired
        fronted = self._fronted_clause_subject(token)
        if fronted:
            return fronted
        start = sentence_of(token).start
        nearest = next(((i, actor) for i in range(token.i - 1, max(start - 60, -1), -1)
                        if (actor := self._as_actor(self.token_key[i]) if i in self.token_key else None)
                        and self.kind(actor) == "Person"), None)
        # "Sadat sought a way out of the deadlock with Nixon. In July, he expelled ...": with no person before it in its
        # own sentence, a subject "he" goes on with the subject of the sentence before, not the last name in it
        previous = self._previous_subject(token, ("Person",)) if nearest is None or nearest[0] < start else []
        return previous or ([nearest[1]] if nearest else [])

    def _fronted_clause_subject(self, token: Token) -> list[str]:
        """"When Ruiz met Vega in Lima, he proposed ...": the subject "he" of a clause goes on with the person who is
        the subject of a "when", "after" or "because" clause set before it, not with the nearer object of that clause.
        (A concessive clause, "Although Ruiz pressed Vega, he refused", sets the two against each other: left out.)"""
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < token.i):
            if not any(m.dep_ in ("mark", "advmod") and m.lower_ in _SEQUENCE_MARKS for m in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = self.actors(subject) if subject is not None and subject.lower_ not in PRONOUNS_SINGULAR else []
            if len(found) == 1 and self.kind(found[0]) == "Person":
                return found
        return []

    def _content_owner(self, token: Token) -> list[str]:
        clause = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
        noun = clause.head if clause is not None and clause.dep_ in ("acl", "ccomp", "relcl") else None
        if noun is None or noun.pos_ != "NOUN":
            return []
        return [k for c in noun.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS_SINGULAR | PRONOUNS_PLURAL
                for k in self.actors(c) if self.kind(k) == "Person"]

    def _plural_before(self, token: Token) -> list[str] | None:
        """"the talks split the two states, but in the end they agreed": a group named earlier in the sentence; None when the
        nearest plural names no actor ("there were many countries which, should they decide to ..."). Failing a pair,
        one actor named in the plural, the nearest ("the arguments of isolationists; they argued")."""
        main = _main_clause_subject(token)
        if main is not None:
            return self.actors(main) or None
        # "unrest in Chile, Peru, and Bolivia that hurt their plans": places where a thing is are not who acts in it
        before = [t for t in reversed(list(sentence_of(token))[: token.i - sentence_of(token).start])
                  if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and t.pos_ in ("NOUN", "PROPN")
                  and t.lower_ not in PRONOUNS_PLURAL and not (t.dep_ == "pobj" and t.head.lower_ in _WHERE)]
        for t in before:
            found = self.actors(t)
            if len(found) > 1:
                return found
            if not found and t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass", "attr"):
                return None  # a plural subject, not a thing acted on ("the link between debts ... their")
        # "While Peruvians opposed Chilean ports, they also ...": a subject "they" goes on with a subject
        # before an object ("X flew troops in and allowed them to ...": an object "them" is not its own clause's subject)
        subjects_first = sorted(before, key=lambda t: t.dep_ not in ("nsubj", "nsubjpass")) \
            if token.lower_ == "they" else before
        return next((found for t in subjects_first if t.tag_ in ("NNS", "NNPS") and (found := self.actors(t))), [])

    def freeze(self) -> tuple[Entity, ...]:
        return tuple(b.freeze() for _, b in sorted(self.entities.items()))


_WHERE = frozenset(("in", "at", "across", "throughout", "within"))
_SOME = frozenset(("many", "some", "most", "few", "others", "those", "several"))


def _many(noun: Token) -> bool:
    """A plural noun, nouns coordinated, or a collective of them ("a group of planters")."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.tag_ in ("NNS", "NNPS") for o in c.children)
        for c in noun.children)


def _abbreviates(letters: str, words: list[Token]) -> bool:
    """The capitals are the initials of the name's words, in any order (a name in another language orders them its
    own way: "Liberal Democratic Union (ULD)"), one letter spared; "Allied Forces Peru (AFP)" is not Peru."""
    initials = {t.text[0].upper() for t in words if t.is_alpha and t.text[0].isupper()}
    return sum(letter not in initials for letter in letters) <= 1 and len(letters) <= len(initials) + 1


def _between_commas(phrase_head: Token) -> bool:
    """", the Republic of Peru,": set off by commas, as a list's item is ("(PRC)" names the one before it)."""
    left, right = phrase_head.left_edge.i - 1, phrase_head.right_edge.i + 1
    doc = phrase_head.doc
    return left >= 0 and doc[left].text == "," and right < len(doc) and doc[right].text == ","


def _inside_a_title(token: Token) -> bool:
    """A word before the last of a name of a work, law or event ("Soto" of "the Soto and Ruiz Plans"); a single
    word so tagged is more likely a person the model mistook."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    return ent is not None and ent.label_ in ("WORK_OF_ART", "LAW", "EVENT", "PRODUCT") and token.i < ent.end - 1


def _inside_longer_name(ent: Span) -> bool:
    """The tagged name is the end of a longer one the tagger cut ("Allied Forces Peru": "Peru")."""
    return ent.start > 0 and ent.doc[ent.start - 1].pos_ == "PROPN" and ent.doc[ent.start - 1].text[:1].isupper()


def _main_clause_subject(pronoun: Token) -> Token | None:
    """"The delegates built on principles worked out between India and China, as they sought unity": the subject of
    a clause set under another refers to that clause's plural subject before the nearer names."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "advcl":
        return None
    subject = next((s for s in subjects(verb.head) if s.i < pronoun.i), None)  # its own, or the one it shares
    if subject is None or subject.tag_ not in ("NNS", "NNPS") and not subject.conjuncts:
        return None
    return subject


def _fronted(token: Token, root: Token, subject: Token) -> bool:
    """In a phrase set before the main clause's subject ("On her election, X ..."), which points forward."""
    top = token
    while top.head != root and top.head != top:
        top = top.head
    return top.head == root and top.dep_ in ("prep", "advcl", "npadvmod") and top.i < subject.i


def _defining_clause(group: Token) -> list[Token]:
    """"Americans who advocated annexation", "senators who opposed the treaty", "Americans loyal to the British
    cause": a short relative clause, or after a people's name an adjective phrase, set off by no comma, says which of
    them act: a group of its own ("allies equal to its debt": the parser may hang another's adjective on a noun)."""
    clause = next((c for c in group.children if c.i > group.i and (
        c.dep_ == "relcl" or c.dep_ == "amod" and group.ent_type_ == "NORP")), None)
    if clause is None or group.tag_ not in ("NNS", "NNPS") or group.doc[group.i + 1].text == "," \
            or clause.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that")
                                                  for c in clause.children):
        return []
    words = list(clause.subtree)
    return words if len(words) <= 6 else []


def _listed_with_people(ent: Span) -> bool:
    """"Roosevelt, Churchill and Stalin met": a lone capitalised word (no acronym) the model tagged an organization
    or a place, in a list of nothing but people the lexicon knows, is a person too (the model's own PERSON tags are
    no proof: it tags "Jersey Standard" and "Mazu" so)."""
    words = [t for t in ent if not t.is_punct]  # the model may take the list's comma in ("Roosevelt,")
    others = [t for t in conjuncts(ent.root) if not ent.start <= t.i < ent.end]
    return ent.label_ in ("ORG", "GPE") and len(words) == 1 and words[0].pos_ == "PROPN" and not words[0].is_upper \
        and bool(others) and all(t.ent_id_.startswith("person/") for t in others)


def _listed_with_places(name: Token) -> bool:
    """The others of the list are names the model tagged places and the lexicon knows as no state ("Britain and
    Eden" lists a state and a person)."""
    others = [t for t in conjuncts(name) if t != name]
    return bool(others) and all(t.ent_type_ in ("GPE", "LOC") and t.pos_ == "PROPN"
                                and not t.ent_id_.startswith(("state/", "person/", "organization/")) for t in others)


def _named_with_the(ent: Span) -> bool:
    """A one-word name after a bare "the" ("the Ravi"), which no person's name takes ("the young Kennedy" has more)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return len(ent) == 1 and before is not None and before.lower_ == "the" and before.head == ent.root \
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in ent.root.children)


def _head_word(label: str) -> str:
    """"bank" of "World Bank", "league" of "League of Nations": the word that names an organization's kind."""
    return re.split(r"\s+(?:of|for|on)\s+", label, maxsplit=1)[0].split()[-1].lower()


def _part_of(short: str, full: str) -> bool:
    """"Kim" is part of "Kim Jong-un"; "Trump" of "Donald Trump"; not "Jong" of "Kim Jong-un"."""
    s, f = short.split(), full.split()
    return len(s) < len(f) and (f[: len(s)] == s or f[-len(s):] == s)


def _initials_dropped(short: str, full: str) -> bool:
    """"Henry Luce" is "Henry R. Luce" written without the middle initial (only when one full name fits: "George
    Bush" beside "George H. W. Bush" and "George W. Bush" is either)."""
    s, f = short.split(), full.split()
    return 2 <= len(s) < len(f) and s[0] == f[0] and [w for w in f[1:] if not _INITIAL.fullmatch(w)] == s[1:]


def _plausible(name: str) -> bool:
    # nine words: "the National Union for the Total Independence of Angola" is eight
    return len(name) > 1 and "\n" not in name and bool(_PLAUSIBLE.match(name)) and len(name.split()) <= 9 \
        and not name.isdigit()


def _holds_a_clause(ent: Span) -> bool:
    """"Hearst hired Outcault" tagged ORG: a verb with its subject inside the span is a statement, not a name."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and ent.start <= t.head.i < ent.end
               for t in ent)


def _named_group_doing(token: Token) -> bool:
    """"The Allies insisted on ...", "rejected by the Loyalists": a plural name with "the" that the model gave no
    type, as the subject of a clause or the doer of a passive, is a group acting as one (a place so named, "the
    Straits", would rarely be either)."""
    doer = token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "pobj" and token.head.dep_ == "agent"
    return doer and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
