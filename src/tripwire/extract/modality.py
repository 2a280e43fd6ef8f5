"""Polarity and modality of an event mention, scoped on the trigger's clause (SPEC §3).

:func:`classify` walks the dependency tree from the trigger up to the sentence root and reads
only what governs the trigger:

- ``hypothetical``: the trigger's clause (or a clause above it) is a condition ("if", "unless",
  "whether"), the act is promised on a condition ("agreed to provide aid if either is
  attacked"), or a counterfactual "would have + participle";
- ``speculative``: a hedging modal (may, might, could) or adverb (likely, possibly) on the
  trigger's clause or a clause governing it, a future act in an embedded question ("will see
  how many troops will be deployed"), a raising frame ("is expected to", "is likely to",
  "appears to"), a hedging noun above it ("speculation that", "the possibility of"), or a
  hedging modifier on a noun trigger ("a possible arms deal");
- ``negative``: a negation on the trigger's own clause ("has not yet tried to sell", "never
  delivered"), a negated head noun above it ("no indications that purchases have been
  completed"), or a denial verb governing it ("denied supplying drones").

Planned stages are not hedges: "Russia is seeking to buy" is an asserted ``sought``. Words in a
sibling clause ("X may follow, but Russia delivered shells") do not count.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripwire.extract.base import lexicon

_DEFAULT = {
    "hedge_modals": ["may", "might", "could", "would"],
    "hedge_adverbs": ["likely", "possibly", "perhaps", "probably", "potentially", "maybe",
                      "allegedly", "conceivably", "presumably", "supposedly"],
    "raising": ["expect", "likely", "unlikely", "possible", "poised", "appear", "seem", "set",
                "consider", "mull", "weigh", "contemplate", "fear", "rumor", "rumour", "speculate"],
    "hedge_nouns": ["speculation", "possibility", "prospect", "rumor", "rumors", "rumour",
                    "rumours", "risk", "chance", "likelihood", "scenario", "suspicion",
                    "suspicions", "potential", "hypothesis", "prediction", "predictions",
                    "forecast", "forecasts", "expectation", "expectations"],
    # attitudes hedge a clause under them ("fears that X could …"), not a named act they are
    # about ("concern about Russia's veto")
    "attitude_nouns": ["fear", "fears", "concern", "concerns", "question", "questions", "worry",
                       "worries"],
    "hedge_amods": ["possible", "potential", "prospective", "hypothetical", "rumored", "rumoured",
                    "likely", "probable", "feared", "suspected", "alleged", "future", "proposed"],
    # predicates that state whether their subject event exists: their hedges are its hedges
    # ("a summit may take place", "the deal could go ahead", "talks might be held")
    "existence_verbs": ["take", "happen", "occur", "hold", "go", "proceed", "begin", "start",
                        "resume", "materialize", "materialise", "continue", "come", "be",
                        "conclude", "finish", "end", "collapse"],
    "conditional_marks": ["if", "unless", "whether", "lest"],
    "negators": ["not", "n't", "never", "no", "without", "neither", "nor"],
    "denial_verbs": ["deny", "refute", "reject", "dismiss"],
    "failure_verbs": ["fail", "refuse", "decline", "stop", "halt", "cease", "abandon"],
}


def _lex() -> dict[str, frozenset[str]]:
    try:
        data = lexicon("modality")
    except (FileNotFoundError, OSError):
        data = {}
    return {k: frozenset(w.lower() for w in (data.get(k) or v)) for k, v in _DEFAULT.items()}


_LEX: dict[str, frozenset[str]] | None = None


def _words() -> dict[str, frozenset[str]]:
    global _LEX
    if _LEX is None:
        _LEX = _lex()
    return _LEX


_VERBAL = frozenset({"VERB", "AUX"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "csubj", "pcomp", "conj",
                      "ROOT", "parataxis"})


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _negated(tok: Token) -> bool:
    w = _words()
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in {"det", "advmod", "neg"} and c.lower_ in w["negators"]):
            return True
    return False


def _hedged_verb(verb: Token, own: bool) -> bool:
    """Modal or hedging adverb on ``verb``; ``own``: the trigger's own clause."""
    w = _words()
    auxes = _aux_words(verb)
    modals = w["hedge_modals"] - ({"would"} if not own else set())
    if any(a in modals for a in auxes):
        # "would" as future-in-the-past ("said it would deliver") is not a hedge by itself
        future_in_past = "would" in auxes and "have" not in auxes and verb.tag_ != "VBN" \
            and not any(a in {"may", "might", "could"} for a in auxes)
        return not future_in_past
    return any(c.dep_ == "advmod" and c.lower_ in w["hedge_adverbs"] for c in verb.children)


def _counterfactual(verb: Token) -> bool:
    auxes = _aux_words(verb)
    return "would" in auxes and "have" in auxes


def _conditional(verb: Token) -> bool:
    w = _words()
    return any(c.dep_ == "mark" and c.lower_ in w["conditional_marks"] for c in verb.children)


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose ("may be defying sanctions to supply X with oil"): an intent,
    as hedged as the act it serves, not a presupposed circumstance."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
        and not any(c.dep_ == "mark" for c in verb.children)


def _on_condition(verb: Token) -> bool:
    """The act itself is promised on a condition: "agreed to provide assistance if either faces
    aggression", "will supply arms unless …" (an "if" clause attached to the act's verb)."""
    return any(c.dep_ == "advcl" and _conditional(c) and c.i > verb.i
               and not any(m.lower_ == "whether" for m in c.children)
               for c in verb.children)


_PAST_AMODS = frozenset({"recent", "last", "previous", "earlier", "past", "latest", "first"})
_TIME_WORDS = frozenset({"week", "month", "year", "yesterday", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday", "january", "february",
                         "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"})


def _past_marked(noun: Token) -> bool:
    """"the recent meeting", "last month's summit", "Tuesday's talks", "the previous visit"."""
    for c in noun.children:
        if c.dep_ == "amod" and c.lower_ in _PAST_AMODS:
            return True
        if c.dep_ in {"poss", "compound", "npadvmod"} and c.lower_ in _TIME_WORDS:
            return True
    return False


def _would_subject(trigger: Token) -> bool:
    """The trigger sits in the subject phrase of a "would" predicate."""
    cur = trigger
    for _ in range(12):
        if cur.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            return "would" in _aux_words(cur.head)
        if cur.head.i == cur.i or cur.head.pos_ in _VERBAL or cur.dep_ in _CLAUSAL:
            return False
        cur = cur.head
    return False


def _open_question(verb: Token) -> bool:
    """A future act asked about in an embedded question ("will see how many troops will be
    deployed", "asked what Russia would give in return"): nothing is asserted to happen."""
    return verb.pos_ in _VERBAL and verb.dep_ == "ccomp" \
        and verb.left_edge.tag_ in {"WRB", "WDT", "WP", "WP$"} \
        and not {"will", "would", "'ll"}.isdisjoint(_aux_words(verb))


def classify(sentence: Span, trigger: Token) -> tuple[str, str]:
    """``(polarity, modality)`` of the event at ``trigger`` (see the module docstring)."""
    w = _words()
    polarity = "positive"
    modality = "asserted"

    # A noun trigger: its own hedging modifiers and negating determiners.
    if trigger.pos_ not in _VERBAL:
        for c in trigger.children:
            if c.dep_ in {"amod", "compound"} and c.lower_ in w["hedge_amods"]:
                modality = "speculative"
            if c.dep_ == "det" and c.lower_ == "no":
                polarity = "negative"

    # A noun trigger that is the subject of its clause: the predicate says something of the
    # event ("Choe's recent meeting with Putin might be related to …"), it does not hedge it;
    # a definite one ("last month's summit", "the visit") is presupposed by whatever governs it.
    if sentence.text.rstrip().rstrip("\"”’'").endswith("?"):
        return polarity, "speculative"  # a question asserts nothing
    # A subject (noun or gerund) of a "would" predicate is a supposition: "Buying weapons from X
    # would violate …", "Russia's import of weapons would be a serious violation".
    if _would_subject(trigger):
        return polarity, "hypothetical"
    # A noun trigger marked as past ("last month's summit", "the recent meeting") is presupposed:
    # what its clause and the clauses above say of it ("… might be related to", "speculation
    # that … produced a deal") neither hedges nor negates the event — unless the predicate states
    # whether it happens at all ("the summit may take place").
    subject_noun = trigger.pos_ not in _VERBAL and trigger.dep_ in {"nsubj", "nsubjpass"} \
        and trigger.head.lemma_.lower() not in w["existence_verbs"]
    presupposed = trigger.pos_ not in _VERBAL and _past_marked(trigger) \
        and (subject_noun or trigger.dep_ in {"dobj", "pobj"})
    cur = trigger
    own = True  # still inside the trigger's own clause
    passed_clause = False  # gone up through a verb (the trigger sits in a clause)
    via_conj = False  # the last step up left a conjunct
    # False once the way up passes through another noun: a noun trigger inside a nominal
    # argument ("did not provide details of the supply") is not what the verb's "not" denies.
    direct = True
    for _ in range(40):
        hedges_count = not presupposed
        if cur.pos_ in _VERBAL or cur.i == trigger.i:
            if _conditional(cur):
                return polarity, "hypothetical"
            if own and _counterfactual(cur):
                return polarity, "hypothetical"
            if own and cur.pos_ in _VERBAL and _on_condition(cur):
                return polarity, "hypothetical"
            if cur.pos_ in _VERBAL and _hedged_verb(cur, own) and hedges_count \
                    and (own or cur.lemma_.lower() not in {"say", "tell", "add", "state"}):
                modality = "speculative"
            if own and _open_question(cur):
                modality = "speculative"
            if own and direct and cur.pos_ in _VERBAL and _negated(cur):
                polarity = "negative"
            if cur.i != trigger.i and cur.lemma_.lower() in w["denial_verbs"] \
                    and not _negated(cur) and not via_conj:
                polarity = "negative"  # "denied supplying" (not "X denied A, and Y denied B")
            if cur.i != trigger.i and cur.lemma_.lower() in w["failure_verbs"] and own:
                polarity = "negative"
            if cur.i != trigger.i and cur.lemma_.lower() in w["raising"] \
                    and trigger.dep_ != "nsubj" and hedges_count:
                modality = "speculative"
        else:
            lemma = cur.lemma_.lower()
            if cur.i != trigger.i and hedges_count \
                    and (lemma in w["hedge_nouns"] or cur.lower_ in w["hedge_nouns"]):
                modality = "speculative"
            if cur.i != trigger.i and passed_clause and hedges_count \
                    and (lemma in w["attitude_nouns"] or cur.lower_ in w["attitude_nouns"]):
                modality = "speculative"
            if cur.i != trigger.i and lemma in w["raising"] and cur.pos_ == "ADJ":
                modality = "speculative"
            if cur.i != trigger.i and any(c.dep_ == "det" and c.lower_ == "no"
                                          for c in cur.children) and own is False:
                polarity = "negative"
        head = cur.head
        if head.i == cur.i:
            break
        # An adverbial clause (when/after/because …) is presupposed: what governs it from
        # above does not hedge it. Conditions were checked on the clause itself.
        if cur.dep_ == "advcl" and cur.pos_ in _VERBAL and not _purpose(cur):
            break
        # So is a (finite) relative clause: it describes its noun ("a partnership that has seen
        # X send shells"), whatever is said of that noun above it.
        if cur.dep_ == "relcl" and cur.pos_ in _VERBAL and not _purpose(cur):
            break
        # Leaving a verb's clause upwards: we are now in a governing clause.
        if cur.pos_ in _VERBAL and cur.dep_ in _CLAUSAL and cur.dep_ not in {"conj", "xcomp"}:
            own = False
        if cur.pos_ in _VERBAL:
            passed_clause = True
        # A noun trigger as the subject of its clause: what the predicate says of the event
        # ("the veto does not remove the sanctions") does not negate or hedge the event itself.
        if cur.i == trigger.i and trigger.pos_ not in _VERBAL \
                and trigger.dep_ in {"nsubj", "nsubjpass"}:
            own = False
        if cur.i != trigger.i and cur.pos_ in {"NOUN", "PROPN", "PRON"}:
            direct = False
        # a coordinated verb is a sibling of its head, not governed by it
        via_conj = cur.dep_ == "conj"
        cur = head
    return polarity, modality


__all__ = ["classify"]
