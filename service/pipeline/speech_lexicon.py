"""The nouns and verbs the speech rules (service.pipeline.speech) read a clause's
roles by: who acts for whom, whose position a noun states, which passives keep their
subject as the holder."""

from __future__ import annotations

# Nouns whose possessor or modifier holds a position ("Russia's support",
# "U.S. plans", "Germany's objection").
STANCE_NOUNS = frozenset(
    {
        "support", "opposition", "backing", "plan", "proposal", "decision", "refusal", "call",
        "veto", "push", "bid", "demand", "position", "stance", "objection", "approval",
        "rejection", "offer", "threat", "pledge", "commitment", "policy", "insistence",
        "response", "condemnation", "criticism", "endorsement", "resistance", "effort",
        "request", "ruling", "judgment", "judgement", "verdict", "promise",
    }
)  # fmt: skip
# Passives whose subject still holds the position ("Russia is opposed to", "Iran was
# quoted as saying", "Germany is determined to"); any other passive subject undergoes
# the action.
PASSIVE_HOLDER_VERBS = frozenset(
    {
        "oppose", "quote", "report", "say", "believe", "commit", "determine", "prepare", "divide",
        "split", "expect", "understand", "know", "convince", "persuade", "concern", "opposed",
        "inclined", "dispose", "set", "poise", "resolve",
    }
)  # fmt: skip
# People and bodies that act for the actor named before them ("Russian diplomats").
AGENT_NOUNS = frozenset(
    {
        "official", "diplomat", "leader", "government", "administration", "negotiator", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "president",
        "force", "troop", "military", "army", "authority", "delegation", "lawmaker", "senator",
        "parliament", "legislator", "prime", "chancellor", "secretary", "ambassador", "embassy",
        "department", "office", "cabinet", "regime", "officer", "commander", "navy", "court",
        "agency", "central", "bank", "foreign", "defense", "defence", "state", "premier",
    }
)  # fmt: skip
# People who speak for the body named after them ("the chief executive of Nucor said",
# "a spokeswoman for the Refugee Council said", "the leader of the Labour Party, Jeremy
# Corbyn, said"): that body holds what they say. Not "a member of", nor a place after "in".
SPEAKS_FOR_NOUNS = frozenset(
    {
        "head", "leader", "chief", "executive", "spokesman", "spokeswoman", "spokesperson",
        "president", "chairman", "chairwoman", "chair", "secretary", "director", "representative",
        "minister", "ministry", "ambassador", "envoy", "official", "commissioner", "governor",
        "mayor", "premier", "chancellor", "ceo", "boss", "general",
    }
)  # fmt: skip
# A body that its modifier names ("the DGB trade union confederation said", "the
# Labour party said"): the modifier is the body itself, not a state it speaks for.
BODY_NOUNS = frozenset(
    {
        "union", "confederation", "federation", "association", "party", "council", "committee",
        "commission", "coalition", "alliance", "bloc", "organisation", "organization", "chamber",
        "assembly", "caucus", "lobby", "institute", "foundation", "board", "movement", "campaign",
    }
)  # fmt: skip

# Kinds of place whose government a head speaks for ("the president of the Lombardy
# region"; "... of the Lombardy region, Roberto Maroni").
PLACE_NOUNS = frozenset(
    {"region", "state", "province", "county", "city", "municipality", "prefecture", "canton", "territory"}
)
