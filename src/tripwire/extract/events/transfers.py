"""Transfers: arms, technology, goods and troops moving from a supplier to a recipient.

Read from the dependency parse, in two shapes:

- a trigger verb ("supply", "buy", "seek", …; ``lexicons/triggers/transfers.yaml``) with its
  subject (or passive agent), objects, dative, and ``to``/``from``/``with``/``for`` phrases; a
  subject missing from an infinitive or gerund is taken from the governing verb ("Russia wants to
  buy", "asked North Korea to supply", "accused Iran of sending");
- a trigger noun ("shipments", "purchases", "deal") with its possessor or national modifier and
  its ``of``/``from``/``to``/``between`` phrases.

The item (``items.py``) decides the type: troops → ``troop_deployment``; space or military
technology → ``technology_transfer``; energy or dual-use goods → ``goods_transfer``; anything
else → ``arms_transfer``. A verb needs a known item to count; a transfer noun with both actors
explicit counts without one. The stage comes from the trigger and from governing verbs
("wants to buy" → sought, "agreed to supply" → agreed, "began sending" → delivered).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.extract import quantity as qty
from tripwire.extract.actors import Actor
from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.items import categorize, is_vague, item_lexicon, items_in
from tripwire.model import Item

TYPES = ("arms_transfer", "technology_transfer", "goods_transfer", "troop_deployment")
_PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_IRREGULAR = ("sold", "sent", "gave", "given", "bought", "sought", "got", "gotten", "fired",
              "shipp", "suppli", "sale", "purchas", "deliver", "transfer")
_TECH = frozenset({"space_technology", "military_technology"})
_GOODS = frozenset({"energy", "dual_use_goods"})
_ACCUSE = frozenset({"accuse", "blame", "suspect", "condemn", "charge", "criticize", "criticise",
                     "denounce", "sanction", "punish", "penalize", "thank", "praise"})
_DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disavow"})
_AGENTIVE = frozenset({"supplier", "provider", "buyer", "exporter", "importer"})


@dataclass(frozen=True, slots=True)
class Lex:
    verbs: dict[str, list[tuple[str, str]]]  # lemma → [(side, stage)]
    nouns: dict[str, list[tuple[str, str]]]
    governors: dict[str, str]
    object_control: frozenset[str]
    counterpart_objects: frozenset[str]
    to_recipient: frozenset[str]
    from_supplier: frozenset[str]
    origin_suffixes: frozenset[str]
    troop_heads: frozenset[str]
    help_nouns: frozenset[str]
    help_preps: frozenset[str]
    reason_heads: frozenset[str]
    presence: frozenset[str]
    presence_objects: frozenset[str]
    presence_preps: frozenset[str]
    combat: frozenset[str]
    alongside: frozenset[str]


@functools.lru_cache(maxsize=1)
def lex() -> Lex:
    data = lexicon("triggers/transfers")

    def table(section: str) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for side, stages in (data.get(section) or {}).items():
            for stage, words in (stages or {}).items():
                for w in words:
                    out.setdefault(w.lower(), []).append((side, stage))
        return out

    governors = {w: stage for stage, ws in (data.get("governors") or {}).items() for w in ws}
    return Lex(table("verbs"), table("nouns"), governors,
               frozenset(data.get("object_control") or ()),
               frozenset(data.get("counterpart_objects") or ()),
               frozenset(data.get("to_recipient") or ()),
               frozenset(data.get("from_supplier") or ()),
               frozenset(data.get("origin_suffixes") or ()),
               frozenset(item_lexicon().troop_words),
               frozenset((data.get("help") or {}).get("nouns") or ()),
               frozenset((data.get("help") or {}).get("preps") or ()),
               frozenset(data.get("reason_heads") or ()), *(
                   frozenset(w.lower() for w in (data.get("presence") or {}).get(k) or ())
                   for k in ("verbs", "objects", "preps", "combat", "alongside")))


def _keywords() -> frozenset[str]:
    lx = lex()
    words = set(lx.verbs) | set(lx.nouns) | lx.troop_heads | lx.presence | lx.combat
    out = {w[: max(4, len(w) - 2)] if len(w) > 5 else w for w in words}
    out.update(_IRREGULAR)
    return frozenset(out)


# -- argument helpers ------------------------------------------------------------------------


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _preps(tok: Token, words: Iterable[str]) -> list[Token]:
    """pobj tokens of ``tok``'s prepositions in ``words`` (also "agent" by-phrases)."""
    words = set(words)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words:
            out.extend(_children(c, "pobj"))
    return out


def _complements(tok: Token, words: Iterable[str]) -> list[Token]:
    """Objects (pobj) and clauses (pcomp) of ``tok``'s prepositions in ``words``."""
    words = set(words)
    return [c for p in tok.children if p.dep_ == "prep" and p.lower_ in words
            for c in p.children if c.dep_ in ("pobj", "pcomp")]


def _resolve(tok: Token | None, ctx: Context) -> list[Actor]:
    """Actors an argument token stands for, resolving pronouns and relative pronouns."""
    if tok is None:
        return []
    if tok.lower_ in _RELATIVE:
        head = tok.head
        while head.dep_ != "relcl" and head.head.i != head.i:
            head = head.head
        return ctx.actors.of_phrase(head.head) if head.dep_ == "relcl" else []
    if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
        a = _antecedent(tok, ctx)
        return [a] if a else []
    found = ctx.actors.of_phrase(tok)
    if not found and tok.lemma_.lower() in ("country", "nation", "government", "side", "state"):
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in _PRONOUNS]
        if poss:
            a = _antecedent(poss[0], ctx)
            return [a] if a else []
    return found


def _antecedent(tok: Token, ctx: Context) -> Actor | None:
    """The nearest earlier actor that was a subject (this sentence or the one before), else the
    nearest earlier actor mention."""
    sent = tok.sent
    same = [a for a in ctx.actors.mentions(sent) if a.end <= tok.i and a.kind == "state"]
    if same:
        return same[-1]
    prev = ctx.neighbours(sent, before=1)
    scope = [*prev, sent]
    best_subj = best_any = None
    for s in scope:
        for a in ctx.actors.mentions(s):
            if a.start >= tok.i:
                continue
            if a.kind != "state" and a.kind != "organization":
                continue
            head = s.doc[a.end - 1]
            if head.dep_ in _SUBJ or head.head.dep_ in _SUBJ:
                best_subj = a
            best_any = a
    return best_subj or best_any


def _subject(verb: Token, ctx: Context, depth: int = 0) -> tuple[list[Actor], Token | None]:
    """Actors of the subject of ``verb`` (inherited through xcomp/conj/pcomp/relcl/acl), and the
    governing verb whose object supplied it by object control (or None)."""
    if depth > 4:
        return [], None
    subj = _children(verb, "nsubj", "csubj")
    if subj:
        return _resolve(subj[0], ctx), None
    agent = [p for c in _children(verb, "agent") for p in _children(c, "pobj")]
    if agent:
        return _resolve(agent[0], ctx), None
    if _children(verb, "nsubjpass"):
        return [], None
    misparsed = _object_before_aux(verb)
    if misparsed is not None:
        return _resolve(misparsed, ctx), None
    head = verb.head
    if head.i == verb.i:
        return [], None
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and _children(head, "nsubjpass"):
        # raising: "North Korea is believed / said / reported to have sent …"
        return _resolve(_children(head, "nsubjpass")[0], ctx), None
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        objs = _children(head, "dobj")
        if head.lemma_ in lex().object_control and objs:
            return _resolve(objs[0], ctx), head
        return _subject(head, ctx, depth + 1)
    if verb.dep_ == "conj":
        return _subject(head, ctx, depth + 1)
    if verb.dep_ == "relcl":
        return [], None
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if ctx.actors.at(head) is not None:
            return ctx.actors.of_phrase(head), None  # "reports of North Korea supplying arms"
        # "evidence of North Korea supplying arms" parsed with the gerund on "evidence"
        of_ = [p for p in _preps(head, ("of",)) if p.right_edge.i == verb.i - 1]
        if of_ and ctx.actors.of_phrase(of_[0]):
            return ctx.actors.of_phrase(of_[0]), None
    if verb.dep_ in ("acl", "xcomp") and head.pos_ in ("NOUN", "PROPN"):
        poss = _children(head, "poss")  # "his intention to help", "the DPRK's plans to supply"
        if poss:
            return _resolve(poss[0], ctx), None
        outer = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        if outer is not None and outer.pos_ == "NOUN" and _children(outer, "poss"):
            # "Putin's mention of a promise to support …": the promise is the possessor's
            return _resolve(_children(outer, "poss")[0], ctx), None
        if head.head.i != head.i and head.dep_ in ("dobj", "attr", "pobj"):
            gov = head.head.head if head.dep_ == "pobj" else head.head
            if gov.pos_ in ("VERB", "AUX"):
                return _subject(gov, ctx, depth + 1)
        return [], None
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        grand = head.head
        objs = _children(grand, "dobj")
        if grand.pos_ in ("VERB", "AUX") and objs and grand.lemma_.lower() in _ACCUSE:
            return _resolve(objs[0], ctx), None  # "accused Iran of sending"
        punished = [t for o in objs if o.lemma_.lower() in _ACCUSE
                    for t in _preps(o, ("on", "against"))]
        if grand.pos_ in ("VERB", "AUX") and punished:
            return _resolve(punished[0], ctx), None  # "imposed sanctions on X for buying"
        if grand.pos_ in ("NOUN", "PROPN"):
            return [], None
        return _subject(grand, ctx, depth + 1)
    return [], None


def _stranded_to(noun: Token) -> list[Token]:
    """The object of a "to" phrase right after ``noun``'s phrase that the parser hung on a word
    above it: "the issue of North Korea's provision of missiles to Russia", "the transfer of
    missiles from the DPRK ("DPRK") to Russia". Only punctuation and a parenthesis may come
    between."""
    doc = noun.doc
    i = noun.right_edge.i + 1
    ancestors = {a.i for a in noun.ancestors}
    depth = 0
    while i < len(doc) and i <= noun.right_edge.i + 6:
        tok = doc[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.lower_ == "to" and depth == 0 and tok.dep_ == "prep" and tok.head.i in ancestors:
            return [c for c in tok.children if c.dep_ == "pobj"]
        elif depth == 0 and not tok.is_punct:
            return []
        i += 1
    return []


def _object_before_aux(verb: Token) -> Token | None:
    """The subject of a finite clause that the parser took for the object of the verb before it:
    in "the U.S. assesses the North is seeking …" it may read "the North" as the object of
    "assesses"; a direct object whose phrase ends right before this verb's first auxiliary is
    this verb's subject."""
    auxes = [c.i for c in verb.children
             if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ != "TO"]
    if not auxes or min(auxes) == 0:
        return None
    end = min(auxes) - 1
    tok = verb.doc[end]
    for cand in (tok, *tok.ancestors):
        if cand.i == verb.i or cand.i > end:
            return None
        if cand.dep_ == "dobj" and cand.right_edge.i == end and cand.head.i < cand.i \
                and cand.head.pos_ == "VERB":
            return cand
    return None


def _governor_stage(tok: Token) -> tuple[str | None, Token | None]:
    """The stage set by the nearest governing verb ("wants to buy" → sought), and that verb."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "advcl", "acl",
                            "nsubjpass", "nsubj", "attr", "conj"):
            break
        stage = lex().governors.get(head.lemma_.lower())
        if stage and head.pos_ in ("VERB", "AUX", "NOUN"):
            if cur.dep_ == "nsubj" and stage != "delivered":
                break  # "the deal wants" is not a governor
            return stage, head
        if head.pos_ in ("VERB", "AUX") and cur.dep_ not in ("prep", "pobj", "conj"):
            break
        cur = head
    return None, None


def _committed(draft: Draft, verb: Token, gov_stage: str | None) -> Draft:
    """A reported commitment ("promised that it would supply") is an asserted agreement."""
    if gov_stage == "agreed" and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll")
                                     for c in verb.children):
        draft.modality = "asserted"
    return draft


def _denied(tok: Token) -> bool:
    """Whether a denial verb governs the trigger ("denied supplying", "rejected reports of …"):
    the denial is its own event type, not a negative transfer."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in _DENY:
            return True
    return False


def _origins(items: list[tuple[Item, Token]], ctx: Context) -> list[Actor]:
    """States named as the origin of items ("Iranian-made drones", "North Korean missiles")."""
    out: list[Actor] = []
    for _item, head in items:
        for t in head.subtree:
            if t.i >= head.i and t.dep_ != "prep":
                continue
            a = ctx.actors.at(t)
            if a is not None and a.kind == "state" and all(a.name != o.name for o in out):
                out.append(a)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for p in _children(prep, "pobj"):
                    for a in ctx.actors.of_phrase(p):
                        if all(a.name != o.name for o in out):
                            out.append(a)
    return out


def _cargo(tok: Token, ctx: Context) -> bool:
    """Whether an object that carries a state's name is what moves, not who receives it:
    "North Korean soldiers", "Chinese weapons technologies" (but "the Russian forces" in
    "armed the Russian forces" is a recipient, and "Russia" itself always is)."""
    if ctx.actors.at(tok) is not None:
        return False
    found = categorize(tok)
    if found is None or found[1] == "other":
        return False
    return found[1] != "troops" or tok.lemma_.lower() in lex().troop_heads


def _via_with(tok: Token, clauses: list[Token]) -> bool:
    """Whether ``tok`` hangs on a "with" phrase inside one of ``clauses`` ("help X overcome
    problems with the drones": the drones are not what the help builds)."""
    roots = {c.i for c in clauses}
    cur, seen = tok, False
    while cur.i not in roots and cur.head.i != cur.i:
        seen = seen or (cur.dep_ == "prep" and cur.lower_ == "with")
        cur = cur.head
    return seen and cur.i in roots


def _end_users(verb: Token, ctx: Context) -> list[Actor]:
    """Organisations named as the end user: "for use by X" on the verb or its object."""
    out: list[Actor] = []
    for h in [verb, *_children(verb, "dobj")]:
        for use in _preps(h, ("for",)):
            if use.lemma_.lower() == "use":
                out += [a for t in _preps(use, ("by",)) for a in _resolve(t, ctx)
                        if a.kind == "organization"]
    return out


def _in_reason(tok: Token) -> bool:
    """Whether a trigger sits in the reason of a sanction or condemnation ("sanctions over
    Moscow's weapons procurements", "firms involved in Russia's procurement of arms",
    "condemned the purchase of …"): the act punished is one under way, not a plan."""
    return any(a.lemma_.lower() in lex().reason_heads for a in tok.ancestors)


def _helped(drafts: list[Draft]) -> list[Draft]:
    """Help to build or upgrade an item is a technology transfer ("assist X in upgrading its
    missiles"): arms drafts of a helper become one technology transfer."""
    tech = [d for d in drafts if d.type == "technology_transfer"]
    arms = [d for d in drafts if d.type == "arms_transfer"]
    rest = [d for d in drafts if d.type not in ("technology_transfer", "arms_transfer")]
    if tech:
        return tech + rest
    for d in arms:
        d.type = "technology_transfer"
    return arms + rest


def _ongoing_or_past(verb: Token) -> bool:
    """A verb in the past or in progress, not under a modal ("supported", "has been
    assisting"; not "would help", "will assist")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxes):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ in ("VBG", "VBN") and bool(auxes))


def _type_of(items: list[tuple[Item, Token]]) -> str:
    cats = {i.category for i, _ in items}
    if cats and cats <= {"troops", "other"} and "troops" in cats:
        return "troop_deployment"
    cats.discard("troops")
    if cats & _TECH and not (cats - _TECH - {"other"}):
        return "technology_transfer"
    if cats & _GOODS and not (cats - _GOODS - {"other"}):
        return "goods_transfer"
    return "arms_transfer"


def _names(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.name for a in actors))


def _drafts(sentence: Span, trigger: Token, stage: str, suppliers: list[Actor],
            recipients: list[Actor], items: list[tuple[Item, Token]], confidence: float,
            ctx: Context) -> list[Draft]:
    """One draft per type the items fall into ("aircraft and advanced technologies" → an arms
    and a technology transfer)."""
    groups: dict[str, list[tuple[Item, Token]]] = {}
    for it in items:
        cat = it[0].category
        key = ("technology_transfer" if cat in _TECH else "goods_transfer" if cat in _GOODS
               else "troop_deployment" if cat == "troops" else "arms_transfer")
        groups.setdefault(key, []).append(it)
    if len(groups) > 1 and "arms_transfer" in groups and all(
            i.category == "other" and (is_vague(t) or t.lemma_.lower() in lex().help_nouns)
            for i, t in groups["arms_transfer"]):
        del groups["arms_transfer"]  # "assistance in launching satellites": the help is no item
        items = [it for g in groups.values() for it in g]
    if len(groups) <= 1:
        d = _draft(sentence, trigger, stage, suppliers, recipients, items, confidence, ctx)
        return [d] if d else []
    out = []
    for group in groups.values():
        d = _draft(sentence, trigger, stage, suppliers, recipients, group, confidence, ctx)
        if d:
            out.append(d)
    return out


def _draft(sentence: Span, trigger: Token, stage: str, suppliers: list[Actor],
           recipients: list[Actor], items: list[tuple[Item, Token]], confidence: float,
           ctx: Context) -> Draft | None:
    sup, rec = _names(suppliers), _names(recipients)
    rec = tuple(r for r in rec if r not in sup)
    if not sup and not rec:
        return None
    type_ = _type_of(items)
    roles = ("sender", "host") if type_ == "troop_deployment" else ("supplier", "recipient")
    kept = tuple(dict.fromkeys(i for i, _ in items if not (type_ != "troop_deployment"
                                                          and i.category == "troops")))
    if type_ == "troop_deployment":
        kept = tuple(i for i in kept if i.category == "troops")
    heads = [t for _, t in items]
    quantity = qty.find(heads) if heads else None
    return Draft(type=type_, stage=stage, actors={roles[0]: sup, roles[1]: rec},
                 sentence=sentence, trigger=trigger, items=kept, quantity=quantity,
                 confidence=confidence if sup and rec else confidence * 0.7,
                 extra={"incomplete": not (sup and rec)})


# -- the rule --------------------------------------------------------------------------------


class TransferRule:
    """arms_transfer, technology_transfer, goods_transfer and troop_deployment."""

    type = "arms_transfer"
    types = TYPES

    def __init__(self) -> None:
        self.keywords = _keywords()

    def find(self, sentence: Span, ctx: Context) -> Iterator[Draft]:
        lx = lex()
        for tok in sentence:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in lx.verbs:
                if self._governs_trigger(tok):
                    continue
                yield from self._verb(tok, sentence, ctx)
            elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lx.nouns or tok.lower_ in lx.nouns):
                if self._argument_of_trigger(tok):
                    continue
                yield from self._noun(tok, sentence, ctx)
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in lx.troop_heads:
                yield from self._presence(tok, sentence, ctx)
            elif (tok.pos_ == "NOUN" and lemma in lx.help_nouns
                  and not self._argument_of_trigger(tok)):
                yield from self._help(tok, sentence, ctx)

    # a governing trigger ("wants to buy", "asked … to supply") leaves the work to its xcomp
    @staticmethod
    def _governs_trigger(tok: Token) -> bool:
        lx = lex()
        return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in lx.verbs
                   for c in tok.children)

    @staticmethod
    def _argument_of_trigger(tok: Token) -> bool:
        lx = lex()
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        return (head.i != tok.i and head.pos_ in ("VERB", "AUX")
                and head.lemma_.lower() in lx.verbs and tok.dep_ in ("dobj", "nsubjpass", "pobj"))

    def _verb(self, verb: Token, sentence: Span, ctx: Context) -> Iterator[Draft]:
        lx = lex()
        if _denied(verb):
            return
        passive = _children(verb, "nsubjpass")
        subj, controller = _subject(verb, ctx)
        dobj = _children(verb, "dobj")
        dative = _children(verb, "dative", "iobj")
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "weapons supplied by Iran"
            passive = [verb.head]
        if verb.dep_ == "relcl" and not dobj and not passive and verb.head.pos_ == "NOUN":
            dobj = [verb.head]  # "the shells that North Korea sent"
        with_ = _preps(verb, ("with",))
        for side, stage in lx.verbs[verb.lemma_.lower()]:
            gov_stage, gov = _governor_stage(verb)
            if gov_stage:
                stage = gov_stage
            elif stage == "delivered" and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll")
                    for c in verb.children):
                stage = "agreed"  # "will supply", "would provide": promised, not done
            elif side == "recipient" and stage == "agreed" and _in_reason(verb):
                stage = "delivered"  # "firms through which Moscow buys arms were sanctioned"
            elif side == "recipient" and stage == "agreed" and (
                verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "acl")
                or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            ):
                stage = "delivered"  # "bought", "has purchased"
            # an object that names an actor is a counterpart, unless it is troops ("North
            # Korean troops" names PRK as their sender, not as a recipient)
            objects = [t for t in dobj + passive
                       if not ctx.actors.of_phrase(t) or (not with_ and _cargo(t, ctx))]
            counterparts = [t for t in dative + dobj if t not in objects]
            if side == "helper":
                xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
                recipients = [a for t in dobj + [s for x in xcomps for s in _children(x, "nsubj")]
                              for a in _resolve(t, ctx)]
                recipients += [a for t in _preps(verb, ("for", "to")) if ctx.actors.at(t)
                               for a in _resolve(t, ctx)]
                # "help X develop satellites", "assist X in upgrading missiles", "support X's
                # satellite programme", "assist X with its missile programme"
                items = [it for it in items_in(xcomps + dobj + with_
                                               + _complements(verb, lx.help_preps))
                         if it[0].category != "troops" and not _via_with(it[1], xcomps)]
                if items and not all(is_vague(t) or i.category == "other" for i, t in items):
                    if not gov_stage and _ongoing_or_past(verb):
                        stage = "delivered"  # "supported X in launching", "has been assisting"
                    for d in _helped(_drafts(sentence, verb, stage, subj, recipients, items,
                                             0.5, ctx)):
                        yield _committed(d, verb, gov_stage)
                continue
            items = items_in(objects + with_
                             + (_preps(verb, ("for",)) if side == "recipient" else []))
            if side == "supplier" and any(o.lemma_.lower() in lx.help_nouns for o in objects):
                # "provided support for X in building satellites", "offered aid with missiles"
                items += items_in([c for h in [verb, *objects]
                                   for c in _complements(h, lx.help_preps)])
            if not items or all(is_vague(t) and i.category != "troops" for i, t in items):
                continue
            if side == "supplier":
                suppliers = subj
                recipients = [a for t in _preps(verb, ("to", "into")) for a in _resolve(t, ctx)]
                recipients += [a for t in counterparts for a in _resolve(t, ctx)]
                if not recipients:  # "to Russia" attached to the object phrase
                    recipients = [a for o in objects for t in o.subtree if t.dep_ == "prep"
                                  and t.lower_ == "to" for p in _children(t, "pobj")
                                  for a in _resolve(p, ctx)]
                if not recipients:  # "support for X": a named actor only
                    recipients = [a for o in objects for t in _preps(o, ("for",))
                                  if ctx.actors.at(t) for a in _resolve(t, ctx)]
                if not recipients:  # "for Russia", not "for the war in Ukraine"
                    recipients = [a for t in _preps(verb, ("for",)) if ctx.actors.at(t)
                                  for a in _resolve(t, ctx)]
                users = _end_users(verb, ctx)
                if users:  # "sent rockets to Russia for use by Wagner": the user receives
                    recipients = users
                if passive and not suppliers:
                    suppliers = [a for t in _preps(verb, ("by",)) for a in _resolve(t, ctx)]
                if not suppliers:
                    suppliers = _origins(items, ctx)
                if not recipients and controller is not None:
                    recipients, _ = _subject(controller, ctx)
                if items and _type_of(items) == "troop_deployment":
                    recipients += [a for t in _preps(verb, ("in", "into", "inside"))
                                   for a in _resolve(t, ctx)]
                    if not recipients:  # "sent to fight alongside the Russian military"
                        recipients = [a for x in _children(verb, "xcomp", "advcl")
                                      for t in _preps(x, lx.alongside) for a in _resolve(t, ctx)]
                    # troops belong to the state named on them, whoever carries them
                    senders = _origins([it for it in items if it[0].category == "troops"], ctx)
                    if senders:
                        suppliers = senders
                for d in _drafts(sentence, verb, stage, suppliers, recipients, items, 0.7, ctx):
                    yield _committed(d, verb, gov_stage)
                break
            # recipient side
            recipients = subj
            if passive and not recipients:
                recipients = [a for t in _preps(verb, ("by",)) for a in _resolve(t, ctx)]
            suppliers = [a for h in [verb, *objects] for t in _preps(h, lx.from_supplier - {"by"})
                         for a in _resolve(t, ctx)]  # "sought aid from X", "sought X's aid"
            if not suppliers and gov is not None and gov.lemma_.lower() in lx.counterpart_objects:
                suppliers = [a for t in _children(gov, "dobj") for a in _resolve(t, ctx)]
                suppliers += [a for t in _preps(gov, ("to",)) for a in _resolve(t, ctx)]
            if not suppliers:
                suppliers = _origins(items, ctx)
            if not suppliers and stage == "delivered" and verb.lemma_ in (
                    "use", "fire", "launch", "field", "employ", "deploy"):
                continue
            if verb.lemma_ in ("use", "fire", "launch", "field", "employ", "deploy") and not (
                    suppliers and recipients and _children(verb, "nsubj", "agent")):
                continue  # a user must be the verb's own subject, not one inherited
            found = _drafts(sentence, verb, stage, suppliers, recipients, items, 0.7, ctx)
            if found:
                yield from found
                break

    def _noun(self, noun: Token, sentence: Span, ctx: Context) -> Iterator[Draft]:
        lx = lex()
        if _denied(noun):
            return
        own = self._own_actors(noun, ctx)
        of_ = _preps(noun, ("of",))
        items = items_in([c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")] + of_)
        # from/to may hang on the noun or on its "of" complement
        holders = [noun, *of_]
        from_ = [a for h in holders for t in _preps(h, lx.from_supplier - {"by"})
                 for a in _resolve(t, ctx)]
        to_ = [a for h in holders for t in _preps(h, ("to", "for")) for a in _resolve(t, ctx)]
        if not to_:
            to_ = [a for t in _stranded_to(noun) for a in _resolve(t, ctx)]
        between = [a for t in _preps(noun, ("between", "among")) for a in _resolve(t, ctx)]
        gov_stage, _gov = _governor_stage(noun)
        for side, stage in lx.nouns.get(noun.lemma_.lower()) or lx.nouns.get(noun.lower_) or []:
            stage = gov_stage or stage
            if stage == "agreed" and _in_reason(noun):
                stage = "delivered"
            if side == "between":
                if len(between) < 2:
                    continue
                origins = _origins(items, ctx)
                if origins and origins[0].name in {a.name for a in between}:
                    sup = [origins[0]]
                    rec = [a for a in between if a.name != origins[0].name]
                else:
                    continue
                d = _draft(sentence, noun, stage, sup, rec, items, 0.5, ctx)
                if d is not None:
                    yield d
                return
            if noun.lower_ in _AGENTIVE or noun.lemma_ in _AGENTIVE:
                # "X is Russia's main weapons supplier": poss = counterpart, copula subject = agent
                agent = _subject(noun.head, ctx)[0] if noun.dep_ in ("attr", "appos") else []
                if noun.dep_ == "appos":
                    agent = _resolve(noun.head, ctx)
                counterpart = own
                if side == "supplier":
                    sup, rec = agent, counterpart + to_
                else:
                    sup, rec = counterpart + from_, agent
            elif side == "supplier":
                sup, rec = own + (from_ if not own else []), to_
                if not sup:
                    sup = _origins(items, ctx)
            else:
                sup, rec = from_, own + to_
                if not sup:
                    sup = _origins(items, ctx)
            if not (sup and rec) and not items:
                continue
            if items and all(is_vague(t) for _, t in items) and not (sup and rec):
                continue
            if not items and noun.lemma_ in ("use", "deployment", "transport", "order", "demand",
                                             "request", "offer", "provision", "dispatch"):
                continue
            yield from _drafts(sentence, noun, stage, sup, rec, items, 0.55 if items else 0.45, ctx)
            return

    def _help(self, noun: Token, sentence: Span, ctx: Context) -> Iterator[Draft]:
        """Help given for a specific item: "Russia's technical assistance to X", "Russian
        help with X's satellite programme" (the help itself is no item)."""
        lx = lex()
        if _denied(noun):
            return
        items = [it for it in items_in([noun, *_complements(noun, lx.help_preps)])
                 if it[0].category != "other" and not is_vague(it[1])]
        if not items:
            return
        sup = self._own_actors(noun, ctx) or [a for t in _preps(noun, ("from",))
                                              for a in _resolve(t, ctx)]
        rec = [a for t in _preps(noun, ("to", "for")) if ctx.actors.at(t) for a in _resolve(t, ctx)]
        if not sup:
            return
        stage = _governor_stage(noun)[0] or next(
            (lx.governors[a.lemma_.lower()] for a in noun.ancestors
             if a.pos_ == "VERB" and lx.governors.get(a.lemma_.lower()) in ("sought", "agreed")),
            "delivered")  # "agreed on X in return for Russian technical help"
        yield from _drafts(sentence, noun, stage, sup, rec, items, 0.45, ctx)

    def _presence(self, noun: Token, sentence: Span, ctx: Context) -> Iterator[Draft]:
        """Troops of one state said to be in, or moving into, another: "North Korean troops
        are stationed in / arrived in / entered Russia", "N soldiers are fighting alongside
        Russian forces", "there are N North Korean troops in Russia"."""
        lx = lex()
        troops = [it for it in items_in([noun]) if it[0].category == "troops" and it[1].i == noun.i]
        if not troops:
            return
        senders = _origins(troops, ctx) or [a for c in noun.children if c.dep_ == "poss"
                                            for a in _resolve(c, ctx)]
        if not senders:
            return
        arg = noun
        if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.pos_ in ("NOUN", "NUM"):
            arg = arg.head.head  # "thousands of North Korean soldiers", "a batch of troops"
        verb = arg.head
        hosts: list[Actor] = []
        if arg.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            lemma = verb.lemma_.lower()
            if lemma in lx.presence or (lemma == "be" and arg.dep_ == "nsubj"):
                hosts = [a for t in _preps(verb, lx.presence_preps) for a in _resolve(t, ctx)]
                if lemma in lx.presence_objects:
                    hosts += [a for t in _children(verb, "dobj") for a in _resolve(t, ctx)]
            if lemma in lx.presence or lemma in lx.combat:
                hosts += [a for t in _preps(verb, lx.alongside) for a in _resolve(t, ctx)]
                for x in _children(verb, "xcomp", "advcl"):  # "arrived to fight alongside …"
                    hosts += [a for t in _preps(x, lx.alongside) for a in _resolve(t, ctx)]
            if lemma in lx.combat:
                hosts += [a for t in _preps(verb, ("in", "inside")) for a in _resolve(t, ctx)]
        elif arg.dep_ == "attr" and verb.lemma_ == "be":  # "there are N troops in Russia"
            hosts = [a for t in _preps(noun, ("in", "inside")) for a in _resolve(t, ctx)]
            hosts += [a for t in _preps(verb, ("in", "inside")) for a in _resolve(t, ctx)]
        else:
            return
        enemies = {a.name for t in sentence if t.dep_ == "prep" and t.lower_ == "against"
                   for p in _children(t, "pobj") for a in _resolve(p, ctx)}
        names = {a.name for a in senders}
        hosts = [a for a in hosts if a.kind == "state" and a.name not in names
                 and a.name not in enemies]
        if not hosts:
            return
        trigger = verb if verb.pos_ in ("VERB", "AUX") else noun
        yield from _drafts(sentence, trigger, "delivered", senders, hosts, troops, 0.6, ctx)

    @staticmethod
    def _own_actors(noun: Token, ctx: Context) -> list[Actor]:
        """The noun's possessor or national modifier ("Russia's purchases", "Iranian exports")."""
        out: list[Actor] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                for a in ctx.actors.of_phrase(c):
                    if all(a.name != o.name for o in out):
                        out.append(a)
        return out


RULES = (TransferRule(),)
