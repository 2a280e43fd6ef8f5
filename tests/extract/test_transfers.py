"""Transfer events read from short synthetic sentences, and the key seed events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tripwire import nlp as tnlp
from tripwire.extract import analyse, analyse_many
from tripwire.model import Document


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return tnlp.load()


def events(nlp, text: str, published: str = "2024-03-10"):  # type: ignore[no-untyped-def]
    return analyse(Document(id="t", text=text, published=published), nlp).events


def one(evs, type_):  # type: ignore[no-untyped-def]
    found = [e for e in evs if e.type == type_ and e.modality == "asserted"]
    assert len(found) == 1, evs
    return found[0]


def test_recipient_side_purchase_is_delivered(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Moscow bought thousands of drones from Tehran last month, "
                         "officials said."),
             "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("IRN",), "recipient": ("RUS",)}
    assert ev.stage == "delivered"
    assert {i.category for i in ev.items} == {"drones"}
    assert ev.quantity is not None and ev.quantity.min == 1000


def test_supplier_side_with_recipient_in_to_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Beijing has shipped 40 fighter jets to Tehran, the ministry said."),
             "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("CHN",), "recipient": ("IRN",)}
    assert {i.category for i in ev.items} == {"aircraft"}


def test_wanting_to_buy_is_sought(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Iran wants to buy cruise missiles from Russia, diplomats said."),
             "arms_transfer")
    assert ev.stage == "sought"
    assert dict(ev.actors) == {"supplier": ("RUS",), "recipient": ("IRN",)}


def test_subject_read_as_the_object_of_the_verb_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "North Korea" as the object of "indicating"; it is the supplier
    ev = one(events(nlp, "John Kirby said the US had information indicating North Korea was "
                         "supplying Russia with artillery shells."), "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("PRK",), "recipient": ("RUS",)}


def test_an_infinitive_keeps_its_controller(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Russia had approached Iran to buy armed drones."), "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("IRN",), "recipient": ("RUS",)}
    assert ev.stage == "sought"


def test_the_subject_of_a_raising_verb_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "North Korea is believed to have sent another batch of around 1,500 "
                         "soldiers to Russia, the spy agency said."), "troop_deployment")
    assert dict(ev.actors) == {"sender": ("PRK",), "host": ("RUS",)}


def test_troops_sent_to_fight_alongside_an_army(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Officials confirmed that thousands of North Korean troops have been "
                         "sent to fight alongside the Russian military."), "troop_deployment")
    assert dict(ev.actors) == {"sender": ("PRK",), "host": ("RUS",)}
    assert ev.stage == "delivered"


def test_a_promise_mentioned_by_its_maker(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "The agency cited Russian President Vladimir Putin's earlier mention of "
                         "a promise to support North Korea's satellite program."),
             "technology_transfer")
    assert dict(ev.actors) == {"supplier": ("RUS",), "recipient": ("PRK",)}
    assert ev.stage == "agreed"


def test_what_a_seller_seeks_it_seeks_from_its_buyer(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "North Korea has shipped artillery shells to Russia, officials said. The "
                      "U.S. assesses the North is seeking fighter aircraft in return.")
    sought = [e for e in evs if e.type == "arms_transfer" and e.stage == "sought"]
    assert sought and dict(sought[0].actors) == {"supplier": ("RUS",), "recipient": ("PRK",)}


def test_the_punished_party_is_the_buyer(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Japan imposes sanctions on Russia for purchasing arms from North "
                         "Korea."), "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("PRK",), "recipient": ("RUS",)}


def test_a_to_phrase_the_parser_hung_above_the_transfer_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "The U.S. will formally raise the issue of North Korea’s provision of "
                         "ballistic missiles to Russia at the UN Security Council."),
             "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("PRK",), "recipient": ("RUS",)}


def test_items_of_several_types_make_several_events(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Beijing has shipped fighter jets and missile technology to Iran.")
    assert {e.type for e in evs} == {"arms_transfer", "technology_transfer"}


def test_troops_are_a_deployment(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Iran has sent 2,000 soldiers to Syria, a monitoring group said."),
             "troop_deployment")
    assert dict(ev.actors) == {"sender": ("IRN",), "host": ("SYR",)}


def test_no_event_without_an_item(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events(nlp, "Russia sent a letter to Iran on Monday.")
                if e.type == "arms_transfer"]


def test_denied_supply_is_not_a_transfer(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Beijing denied supplying rockets to Tehran.")
    assert not [e for e in evs if e.type == "arms_transfer"]


def test_evidence_offsets_point_into_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Weather was calm. Nothing else. Moscow bought tanks from Minsk in May, he said."
    ev = one(events(nlp, text), "arms_transfer")
    for e in ev.evidence:
        assert text[e.start : e.end] == e.text


def test_seeds_hold_the_key_prk_to_rus_transfers(nlp, corpus_dir: Path, gold_dir: Path) -> None:  # type: ignore[no-untyped-def]
    published = {}
    for line in (gold_dir / "documents.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            published[rec["doc"]] = rec.get("published")
    docs = [Document(id=p.stem, text=p.read_text("utf-8"), published=published.get(p.stem))
            for p in sorted((corpus_dir / "seeds").glob("*.txt"))]
    found = {(a.document.id, e.stage) for a in analyse_many(docs, nlp) for e in a.events
             if e.type == "arms_transfer" and e.modality == "asserted"
             and dict(e.actors).get("supplier") == ("PRK",)
             and dict(e.actors).get("recipient") == ("RUS",)}
    assert len({d for d, _ in found}) >= 3, found


# -- troops present in, or moving into, another state ------------------------------------------

@pytest.mark.parametrize("text", [
    "Some 4,000 Cuban soldiers are stationed in Venezuela's Zulia state, officials said.",
    "Cuban troops arrived in Venezuela in March.",
    "Hundreds of Cuban soldiers are fighting in Venezuela's Zulia state.",
    "Cuban troops have entered Venezuela, the ministry said.",
    "There are more than 900 Cuban troops in Venezuela, officials said.",
    "Cuban soldiers are fighting alongside Venezuelan forces.",
    "Cuban troops deployed to Venezuela are training at two bases.",
    "The Venezuelan navy ferried 700 Cuban troops to Venezuela.",
])
def test_troops_present_in_a_host(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, text), "troop_deployment")
    assert dict(ev.actors) == {"sender": ("CUB",), "host": ("VEN",)}
    assert ev.stage == "delivered"


def test_troops_fighting_against_a_state_do_not_make_it_host(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Cuban soldiers are fighting against Colombia in the border region.")
    assert not [e for e in evs if e.type == "troop_deployment"]


def test_weapons_and_troops_give_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Cuba has supplied Venezuela with rifles and troops.")
    assert dict(one(evs, "arms_transfer").actors) == {"supplier": ("CUB",), "recipient": ("VEN",)}
    assert dict(one(evs, "troop_deployment").actors) == {"sender": ("CUB",), "host": ("VEN",)}


# -- technology: help to build or upgrade, technology sought, help nouns ------------------------

@pytest.mark.parametrize(("text", "stage"), [
    ("China would help Pakistan build satellites, the minister said.", "agreed"),
    ("Beijing has been assisting Pakistan in upgrading its military capabilities.", "delivered"),
    ("China agreed to assist Pakistan with its satellite programs.", "agreed"),
    ("China supported Pakistan in launching its spy satellite, officials said.", "delivered"),
    ("China's technical assistance to Pakistan will improve the next launch.", "delivered"),
    ("China offered assistance to Pakistan in launching satellites.", "agreed"),
    ("China promised to support Pakistan's satellite program.", "agreed"),
    ("Officials said Islamabad is seeking sophisticated Chinese weapons technologies.", "sought"),
])
def test_technology_transfer(nlp, text: str, stage: str) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, text)
    ev = one(evs, "technology_transfer")
    assert dict(ev.actors) == {"supplier": ("CHN",), "recipient": ("PAK",)}
    assert ev.stage == stage
    assert not [e for e in evs if e.type == "arms_transfer"]  # the help itself is no weapon


def test_help_to_upgrade_missiles_is_technology_not_arms(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "China has been helping Pakistan upgrade its ballistic missiles.")
    assert one(evs, "technology_transfer").actors["supplier"] == ("CHN",)
    assert not [e for e in evs if e.type == "arms_transfer"]


def test_help_with_problems_of_an_item_is_no_transfer(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Cuba sent advisers to Venezuela to help Venezuelan pilots overcome "
                      "problems with the drones.")
    assert not [e for e in evs if e.type == "technology_transfer"]


def test_aid_sought_from_a_supplier_with_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Caracas is seeking military assistance from Moscow including attack "
                      "helicopters and missile production equipment.")
    assert dict(one(evs, "arms_transfer").actors) == {"supplier": ("RUS",), "recipient": ("VEN",)}
    tech = one(evs, "technology_transfer")
    assert {i.category for i in tech.items} == {"military_technology"}


# -- arms: reasons of sanctions, end users, gerund subjects -------------------------------------

def test_procurement_in_a_sanction_reason_is_not_a_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = events(nlp, "Japan imposed sanctions on five firms over Iran's procurement of drones "
                      "from Belarus.")
    ev = one(evs, "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("BLR",), "recipient": ("IRN",)}
    assert ev.stage == "delivered"


def test_plain_agreement_to_purchase_stays_agreed(nlp) -> None:  # type: ignore[no-untyped-def]
    assert one(events(nlp, "Iran agreed to purchase drones from Belarus."),
               "arms_transfer").stage == "agreed"


def test_end_user_named_for_use_by_is_the_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "Belarus sent rifles to Russia for use by Wagner, officials said."),
             "arms_transfer")
    assert dict(ev.actors) == {"supplier": ("BLR",), "recipient": ("Wagner Group",)}


def test_gerund_subject_after_of(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = one(events(nlp, "The United States presented evidence of Belarus supplying rifles "
                         "to the Wagner Group."), "arms_transfer")
    assert ev.actors["supplier"] == ("BLR",)
