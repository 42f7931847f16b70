"""Names and descriptions in the text: "she" and "he" find an antecedent of the right
gender, names spaCy labels as places or bodies are persons, a name found once is found
again, and "the bloc" is the body named before."""

from __future__ import annotations

from typing import Any

from service.pipeline.actors import ActorFindings, ActorIndex, find_holders
from service.pipeline.actors.gender import agrees, name_gender
from service.pipeline.segment import segment


def analyse(text: str, index: ActorIndex, nlp: Any) -> tuple[list[Any], ActorFindings]:
    doc = nlp(text)
    sentences = segment(text, doc)
    return sentences, find_holders(text, sentences, doc, index, None)


def name(found: ActorFindings, index: ActorIndex, key: str) -> str:
    return index.specs[key].name if key in index.specs else {a.key: a.name for a in found.new_actors}[key]


def holders_of_last(text: str, index: ActorIndex, nlp: Any) -> set[str]:
    """The names of the holders of the text's last sentence."""
    sentences, found = analyse(text, index, nlp)
    last = sentences[-1].index
    return {name(found, index, h.actor_key) for h in found.holders if h.sentence_index == last}


def pronoun_referents(text: str, index: ActorIndex, nlp: Any) -> list[tuple[str, str]]:
    _, found = analyse(text, index, nlp)
    return [(m.surface, name(found, index, m.actor_key)) for m in found.mentions if m.via == "pronoun"]


def test_given_names_and_honorifics_show_gender() -> None:
    assert name_gender("Theresa May") == "f"
    assert name_gender("President Joe Biden") == "m"
    assert name_gender("Mrs Thatcher") == "f"
    assert name_gender("Lavrov") is None  # a lone surname tells nothing
    assert name_gender("Jean Dupont") is None  # a name used for both
    assert agrees("Jean Dupont", "she") and agrees("Angela Merkel", "she")
    assert not agrees("Thomas Sam", "she") and not agrees("Angela Merkel", "he")


def test_she_skips_a_man_named_closer(index: ActorIndex, nlp: Any) -> None:
    text = (
        "Greta Lindqvist, who runs the clinic, met the inspectors on Monday. "
        "Her colleague Albert Moreau left early. "
        "She said the new rules would force the clinic to close."
    )
    assert ("She", "Greta Lindqvist") in pronoun_referents(text, index, nlp)


def test_he_still_takes_the_nearest_man_and_an_unknown_name_either(index: ActorIndex, nlp: Any) -> None:
    text = "Greta Lindqvist met Albert Moreau on Monday. He said the plan was sound."
    assert pronoun_referents(text, index, nlp) == [("He", "Albert Moreau")]
    text = "Kiri Tanaka spoke after the vote. She said the plan was sound."
    assert pronoun_referents(text, index, nlp) == [("She", "Kiri Tanaka")]


def test_a_person_titled_in_apposition_is_a_person_whatever_the_ner_label(
    index: ActorIndex, nlp: Any
) -> None:
    text = (
        "Labour leader Jeremy Corbyn said the months must be used for a compromise. "
        "The Scottish first minister, Nicola Sturgeon, welcomed the delay. "
        "She said it should be used to put the question back to the people."
    )
    assert holders_of_last(text, index, nlp) == {"Nicola Sturgeon"}


def test_a_surname_that_is_a_place_belongs_to_the_person(index: ActorIndex, nlp: Any) -> None:
    text = (
        "Valeska Paris, an Australian woman, has claimed that the church held her aboard a ship. "
        "Paris claims she was first sent to the ship aged eighteen."
    )
    _, found = analyse(text, index, nlp)
    france = next(k for k, s in index.specs.items() if s.name == "France")
    assert france not in {m.actor_key for m in found.mentions}
    assert holders_of_last(text, index, nlp) == {"Valeska Paris"}


def test_a_body_found_once_is_the_same_body_where_ner_misses_it(index: ActorIndex, nlp: Any) -> None:
    text = (
        "A sensitive Environment Canada document was found wet on an Ottawa street. "
        "Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into it."
    )
    sentences, found = analyse(text, index, nlp)
    second = sentences[-1].index
    names = {name(found, index, m.actor_key) for m in found.mentions if m.sentence_index == second}
    assert "Environment Canada" in names and "Canada" not in names


def test_the_bloc_and_the_alliance_are_the_bodies_named_before(index: ActorIndex, nlp: Any) -> None:
    text = (
        "The European Union promised to strike back against the tariffs. "
        "The bloc will take the dispute to the WTO, Juncker said. "
        "NATO leaders met in Madrid. The alliance agreed to invite Finland."
    )
    sentences, found = analyse(text, index, nlp)
    by_sentence = {
        s.index: {name(found, index, h.actor_key) for h in found.holders if h.sentence_index == s.index}
        for s in sentences
    }
    assert "European Union" in by_sentence[1]
    assert "NATO" in by_sentence[3]
    # Nothing named before: "the bloc" stays nobody.
    _, alone = analyse("The bloc will take the dispute to the WTO.", index, nlp)
    assert not alone.holders


def test_a_party_named_by_capitalised_words_before_party_is_an_actor(index: ActorIndex, nlp: Any) -> None:
    text = (
        "The Left party voted for the bill but said 12 euros was not enough. "
        "The Green party said it would oppose the plan. "
        "The ruling party said nothing. "
        "The Movimento di Base coalition said it would resist the tax."
    )
    sentences, found = analyse(text, index, nlp)
    holders = [
        {name(found, index, h.actor_key) for h in found.holders if h.sentence_index == s.index}
        for s in sentences
    ]
    assert holders[0] == {"Left party"}
    assert holders[1] == {"Green party"}
    assert holders[2] == set(), "a lowercase modifier names no body"
    assert holders[3] == {"Movimento di Base coalition"}, "particles join a name's words"


def test_a_clear_given_name_makes_a_person_but_not_a_company_named_after_one(
    index: ActorIndex, nlp: Any
) -> None:
    kinds = {}
    for text in (
        "The competition was founded by Dean Kamen to encourage interest in science.",
        "Ford Motor said the tariffs would raise its costs.",
    ):
        _, found = analyse(text, index, nlp)
        kinds.update({a.name: a.kind for a in found.new_actors})
    assert kinds == {"Dean Kamen": "person", "Ford Motor": "organisation"}
