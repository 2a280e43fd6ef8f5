"""agreement (SPEC §3): a treaty or deal announced as concluded — parties, stage ``signed``.

Triggers: a signing verb whose object is an agreement noun ("signed a pact with X", "X and Y
signed the treaty", "ratified the treaty … signed in June"), an agreement noun with its parties
("the treaty between X and Y", "the Russia-North Korea pact", "a treaty with Russia" plus the
subject or possessor), or "reached an agreement with X". Transfer deals ("an arms deal") belong
to the transfer types, not here. At least two parties.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tripwire.extract.base import Context, Draft, lexicon
from tripwire.extract.events._common import (
    VERBAL,
    FnRule,
    actor_names,
    keywords_of,
    lem,
    planned,
    prep_objects,
    subjects,
    subtree_mentions,
    words,
)

LEX = lexicon("triggers/agreement")
SIGN = words(LEX, "sign_verbs")
AGREE = words(LEX, "agree_verbs")
NOUNS = words(LEX, "nouns")
TRANSFER_MODS = words(LEX, "transfer_modifiers")


def _noun_parties(noun: Token, ctx: Context, sentence: Span) -> list[str]:
    out: list[str] = []
    for c in noun.children:
        if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.i < noun.i:
            out += subtree_mentions(c, ctx, states_only=True)
    for p in prep_objects(noun, {"between", "with", "of"}):
        out += subtree_mentions(p, ctx, states_only=True)
    for c in noun.children:
        if c.dep_ == "acl" and lem(c) in SIGN:  # "the treaty signed by X and Y"
            out += actor_names(prep_objects(c, {"by", "with"}), ctx, sentence)
        if c.dep_ == "relcl" and lem(c) in SIGN:  # "the agreement that he and Kim signed"
            out += actor_names(subjects(c), ctx, sentence)
            out += actor_names(prep_objects(c, {"with"}), ctx, sentence)
    return out


def find(sentence: Span, ctx: Context) -> Iterable[Draft]:
    for tok in sentence:
        low = lem(tok)
        if tok.pos_ not in {"NOUN", "PROPN"} or low not in NOUNS:
            continue
        if any(lem(t) in TRANSFER_MODS or t.lower_ in TRANSFER_MODS
               for t in tok.subtree if t.i < tok.i):
            continue
        head = tok.head
        if planned(tok) or head.pos_ in VERBAL and planned(head):
            continue  # "pledged not to sign any agreements", "will sign a treaty"
        parties = _noun_parties(tok, ctx, sentence)
        signing = next((c for c in tok.children if c.dep_ in {"acl", "relcl"} and lem(c) in SIGN),
                       None)  # "the treaty (that he) signed in June": the act and its date
        signed = signing is not None
        if head.pos_ in VERBAL and tok.dep_ in {"dobj", "nsubjpass"} and \
                (lem(head) in SIGN or lem(head) in AGREE):
            signed = True
            parties += actor_names(subjects(head), ctx, sentence)
            parties += actor_names(prep_objects(head, {"with", "by"}), ctx, sentence)
        elif head.pos_ in VERBAL and tok.dep_ == "dobj" and lem(head) in {"ratify", "approve"}:
            signed = True
            parties += actor_names(subjects(head), ctx, sentence)
        if not signed:
            continue
        uniq = list(dict.fromkeys(p for p in parties if p))
        if len(uniq) < 2:
            continue
        yield Draft(type="agreement", stage="signed", actors={"parties": tuple(uniq)},
                    sentence=sentence,
                    trigger=head if lem(head) in SIGN else signing if signing is not None else tok,
                    confidence=0.6)


RULES = [FnRule("agreement", keywords_of(NOUNS, SIGN), find)]
