"""Compositional generator: hand-written frames x actor lexicon x issue phrase banks.

A frame is a format string with actor slots {A}, {B}, {R} and issue slots
({NP}, {INF}, {GER}, {AP}, {AC}); each frame says which label every actor slot
gets and which phenomenon it illustrates. Mentions are wrapped in private
markers while filling so that the exact surface form and its offset are known;
a sentence is kept only if `sentence.find(mention)` (what
service/nlp/inputs.py:mark_mention does) lands on the intended mention.
"""

from __future__ import annotations

import random
import re

from actors import ACTORS
from issues import ISSUES

MK = {"A": ("\x01", "\x02"), "B": ("\x03", "\x04"), "R": ("\x05", "\x06")}

DAYS = [
    "",
    "",
    "",
    " on Monday",
    " on Tuesday",
    " on Wednesday",
    " on Thursday",
    " on Friday",
    " on Sunday",
    " this week",
    " late on Tuesday",
    " earlier this month",
    " on Thursday evening",
    " at a news conference",
    " in an interview",
    " in a statement",
]
CITIES = [
    "Brussels",
    "Vienna",
    "Tokyo",
    "Ottawa",
    "Canberra",
    "Madrid",
    "Warsaw",
    "Helsinki",
    "Lisbon",
    "Nairobi",
    "Seoul",
    "Strasbourg",
    "Luxembourg",
    "Davos",
    "Oslo",
    "Rome",
    "Buenos Aires",
    "Jakarta",
    "Prague",
    "Copenhagen",
]
DAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BEN = [
    "create jobs",
    "make the region safer",
    "strengthen the economy",
    "protect ordinary families",
    "bring long-term stability",
    "serve the national interest",
    "restore confidence",
]
HARM = [
    "cost thousands of jobs",
    "undermine stability",
    "hurt ordinary families",
    "set a dangerous precedent",
    "damage the economy",
    "weaken national sovereignty",
    "deepen divisions",
]
SNEER = [
    "a fairy tale",
    "political theatre",
    "a bad joke",
    "window dressing",
    "a fig leaf",
    "a gift to lobbyists",
    "a triumph of hope over arithmetic",
    "a solution in search of a problem",
    "a vanity project",
    "a circus",
]
WHOM = ["our competitors", "the lobbyists", "the bureaucrats", "the speculators", "our rivals"]
COND = [
    "the concerns over costs are addressed",
    "workers are protected",
    "parliament has the final say",
    "the other side makes concessions first",
    "firm safeguards are written into the text",
    "it is phased in over several years",
    "the financing is agreed",
    "all partners sign up",
    "an independent review finds no legal obstacles",
    "the timetable is pushed back",
]
EVENTS = [
    "the elections",
    "an independent review",
    "consultations with coalition partners",
    "next month's summit",
    "the court ruling",
    "a cabinet meeting",
]

Q_SUP = [
    "We fully support {NP}",
    "{NPc} is the right thing to do, and we will see it through",
    "There is no alternative to {NP}",
    "Our position has not changed: we are in favour of {NP}",
    "We want to {INF}, and we want to do it quickly",
    "{NPc} will {BEN}",
    "We have always believed in {NP}",
    "The time has come to {INF}",
    "{NPc} is good for our workers, our families and our security",
    "Nobody should doubt our commitment to {NP}",
]
Q_OPP = [
    "We will never accept {NP}",
    "{NPc} is a mistake, plain and simple",
    "We will do everything in our power to stop {NP}",
    "Our answer to {NP} is no",
    "{NPc} would be a disaster",
    "There is no way we can {INF}",
    "{NPc} will {HARM}",
    "We cannot and will not support {NP}",
    "It would be irresponsible to {INF}",
    "{NPc} must be stopped",
]
Q_NEU = [
    "We have not taken a decision on {NP}",
    "It is too early to say where we stand on {NP}",
    "We are studying {NP} very carefully",
    "All options remain on the table",
    "We will look at {NP} with an open mind",
    "We are neither for nor against {NP} at this stage",
]
Q_FRAMES = [
    "“{Q},” {A} said{T}.",
    "“{Q},” {A} told reporters{T}.",
    "{A} said{T}: “{Q}.”",
    "{A} told parliament: “{Q}.”",
    "“{Q},” {A} wrote on social media.",
    "“{Q},” {A} said in a statement.",
    "“{Q},” said {A}.",
    "{A} was blunt: “{Q}.”",
    "“{Q}” — {A} said{T}.",
    "Speaking in {CITY}, {A} said: “{Q}.”",
]

Q_FRAMES_ORG = [
    "“{Q},” {A} said in a statement.",
    "{A} said in a statement{T}: “{Q}.”",
    "“{Q},” {A} said{T}.",
    "“{Q}” — so read the statement issued by {A}{T}.",
    "{A} said: “{Q}.”",
]

# frame lists: (template, {slot: label}, {slot: phenomenon})
F = {}
F["plain_support"] = [
    "{A} backed {NP}{T}.",
    "{A} endorsed {NP}{T}, saying it would {BEN}.",
    "{A} threw {Aposs} weight behind {NP}{T}.",
    "{A} voiced strong support for {NP}{T}.",
    "{A} came out in favour of {NP}{T}, calling it long overdue.",
    "{A} reaffirmed {Aposs} support for {NP}{T}.",
    "{A} has long championed {NP}.",
    "{A} welcomed {NP}{T} as a step in the right direction.",
    "{A} is pushing hard for {NP}.",
    "{A} lobbied hard for {NP}{T}.",
    "{A} pledged{T} to {INF}.",
    "{A} vowed{T} to {INF}, whatever the cost.",
    "{A} said{T} it was time to {INF}.",
    "{A} wants to {INF} before the end of the year.",
    "{A} argued{T} that {NP} would {BEN}.",
    "{A} is among the most vocal supporters of {NP}.",
    "{A} urged its partners{T} to {INF}.",
    "In a statement{T}, {A} said {Apron} strongly supported {NP}.",
    "{A} remains firmly committed to {NP}, officials close to the talks said.",
    "{A} called{T} for {NP} to go ahead without further delay.",
    "{A}, a longtime advocate of {NP}, said the case for it had never been stronger.",
    "{A} hailed {NP} as “historic”{T}.",
    "{A} defended {NP} against its critics{T}.",
    "{A} said{T} that {Apron} would press ahead with plans to {INF}.",
]
F["plain_oppose"] = [
    "{A} opposed {NP}{T}.",
    "{A} rejected {NP}{T}, saying it would {HARM}.",
    "{A} condemned {NP}{T}.",
    "{A} denounced {NP}{T} as reckless.",
    "{A} voiced strong objections to {NP}{T}.",
    "{A} warned{T} against {GER}.",
    "{A} vowed{T} to block {NP}.",
    "{A} has campaigned against {NP} for months.",
    "{A} slammed {NP}{T}, calling it a grave mistake.",
    "{A} pushed back against {NP}{T}.",
    "{A} is fiercely opposed to {NP}.",
    "{A} said{T} {Apron} was firmly against {NP}.",
    "{A} argued{T} that {NP} would {HARM}.",
    "{A} urged lawmakers{T} to reject {NP}.",
    "{A} bristles at {NP}, which it sees as a threat to its interests.",
    "{A} has led the resistance to {NP}.",
    "{A} criticised {NP}{T} in unusually sharp terms.",
    "In a statement{T}, {A} said {Apron} could not accept {NP}.",
    "{A} accused the proponents of {NP} of ignoring the risks.",
    "{A} lodged a formal protest against {NP}{T}.",
    "{A} called {NP} “unacceptable”{T}.",
    "{A}, which has long been hostile to {NP}, said it would fight it at every stage.",
    "{A} said{T} that {NP} would {HARM} and must be abandoned.",
]
F["negation_support"] = [
    "{A} said{T} {Apron} had no objection to {NP}.",
    "{A} has never wavered in {Aposs} support for {NP}.",
    "{A} denied{T} that {Apron} was trying to block {NP}, insisting {Apron} wanted it to succeed.",
    "{A} rejected suggestions that {Apron} was having second thoughts about {NP}.",
    "{A} dismissed reports that {Apron} had cooled on {NP}, saying {Aposs} support was undiminished.",
    "{A} is not against {NP} — quite the opposite, {Apron} wants to {INF}.",
    "{A} left no doubt{T} that {Apron} favours {NP}.",
    "There was never any question of {A} abandoning {NP}, {Aposs} aides said.",
    "{A} said{T} {Apron} saw no reason not to {INF}.",
]
F["negation_oppose"] = [
    "{A} will not support {NP}.",
    "{A} refused{T} to back {NP}.",
    "{A} said{T} {Apron} could not accept {NP}.",
    "{A} has never been in favour of {NP}.",
    "{A} is no friend of {NP}.",
    "{A} said{T} there was “no way” {Apron} would {INF}.",
    "{A} declined to join {NP}{T}.",
    "{A} made clear{T} that {Apron} would not sign up to {NP}.",
    "{A} refused to endorse {NP}{T}.",
    "{A} did not hide {Aposs} disdain for {NP}.",
    "{A} said{T} {Apron} saw no need to {INF}.",
    "Under no circumstances will {A} {INF}, {Aposs} spokesman said{T}.",
]
F["reported_support"] = [
    "{R} said{T} {A} supports {NP}.",
    "{R} told reporters that {A} had agreed to {INF}.",
    "According to {R}, {A} is ready to {INF}.",
    "{R} said{T} that {A} had come round to {NP}.",
    "{R} confirmed{T} that {A} backed {NP}.",
    "{R} said {A} was “fully on board” with {NP}.",
    "{R} revealed{T} that {A} had privately endorsed {NP}.",
]
F["reported_oppose"] = [
    "{R} said{T} {A} opposes {NP}.",
    "{R} acknowledged{T} that {A} remained opposed to {NP}.",
    "According to {R}, {A} has no intention of {GER}.",
    "{R} said {A} was “dead set against” {NP}.",
    "{R} told reporters{T} that {A} would veto {NP}.",
    "{R} said{T} that {A} had rejected {NP} outright.",
    "{R} conceded that {A} was still resisting {NP}.",
]
F["reported_neutral"] = [
    "{R} said{T} {A} had not yet made up {Aposs} mind on {NP}.",
    "According to {R}, {A} is still weighing {NP}.",
    "{R} said {A} was keeping {Aposs} options open on {NP}.",
]
F["refuse_rule_out"] = [
    "{A} refused{T} to rule out {GER}.",
    "{A} has not ruled out {GER}.",
    "{A} would not rule out {GER}, {Aposs} spokesman said{T}.",
    "{A} kept the door open{T} to {GER}.",
    "{A} said{T} {Apron} was not excluding {GER}.",
    "Asked about {NP}, {A} said nothing was off the table.",
    "{A} declined to rule out {GER}, saying all options were being examined.",
    "{A} pointedly did not rule out {GER}{T}.",
]
F["ruled_out"] = [
    "{A} ruled out {GER}{T}.",
    "{A} flatly ruled out {GER}.",
    "{A} categorically excluded {GER}{T}.",
    "{A} said{T} {GER} was out of the question.",
]
F["conditional_support"] = [
    "{A} said{T} {Apron} would back {NP} as long as {COND}.",
    "{A} is prepared to {INF}, provided {COND}.",
    "{A} said {Apron} would support {NP} if {COND}.",
    "{A} signalled{T} that {Apron} would vote for {NP}, on condition that {COND}.",
]
F["conditional_neutral"] = [
    "{A} said{T} any decision on {NP} would depend on whether {COND}.",
    "{A} said {Apron} would only decide on {NP} after {EVENT}.",
    "{A} made {Aposs} position on {NP} conditional on the outcome of {EVENT}.",
    "{A} said{T} {Apron} would take a position on {NP} once {COND}.",
]
F["conditional_oppose"] = [
    "{A} threatened{T} to block {NP} unless {COND}.",
    "{A} said {Apron} would vote against {NP} unless {COND}.",
    "{A} warned{T} that {Apron} would veto {NP} unless {COND}.",
]
F["scaled_support"] = [
    "{A} scaled back {Aposs} plans to {INF} but said the project would go ahead.",
    "{A} watered down {Aposs} proposal for {NP}{T} in the face of opposition, but kept its core.",
    "{A} trimmed the scope of {NP}{T} while insisting {Apron} remained committed to it.",
    "{A} dropped {Aposs} opposition to {NP}{T}.",
    "{A} softened {Aposs} stance{T} and now backs {NP}.",
    "{A} reversed course{T} and endorsed {NP}.",
    "{A} slowed the timetable for {NP} but said {Apron} still wanted to {INF}.",
]
F["scaled_oppose"] = [
    "{A} withdrew {Aposs} support for {NP}{T}.",
    "{A} has turned against {NP}, which {Apron} once championed.",
    "{A} toned down {Aposs} criticism of {NP}{T} but said {Apron} still opposed it.",
    "{A} dropped {Aposs} backing for {NP}{T}, citing rising costs.",
    "{A} abandoned {Aposs} earlier support for {NP} and now wants it scrapped.",
]
F["scaled_neutral"] = [
    "{A} put {Aposs} plans to {INF} on hold{T} pending a review.",
    "{A} backed away from {Aposs} earlier support for {NP}, saying {Apron} would now review it.",
]
F["declined"] = [
    "{A} declined to comment on {NP}{T}.",
    "{A} would not be drawn on {NP}{T}.",
    "{A} refused to say{T} whether {Apron} would {INF}.",
    "Asked about {NP}{T}, {A} said {Apron} had nothing to add.",
    "{A} declined to say whether {Apron} supported {NP}.",
    "{A} sidestepped questions about {NP}{T}.",
    "{A} has so far declined to take a position on {NP}.",
    "{A} did not say{T} whether {Apron} backed {NP}.",
]
F["considering"] = [
    "{A} is considering {GER}.",
    "{A} is weighing whether to {INF}.",
    "{A} said{T} {Apron} would study {NP} carefully before taking a position.",
    "{A} has yet to decide whether to {INF}.",
    "{A} remains undecided on {NP}.",
    "{A} said{T} {Apron} was keeping an open mind on {NP}.",
    "{A} is reviewing {Aposs} position on {NP}.",
    "{A} said{T} {Apron} was still examining the pros and cons of {NP}.",
]
F["restraint"] = [
    "{A} called for restraint on all sides in the row over {NP}.",
    "{A} urged both camps{T} to settle their differences over {NP} through dialogue.",
    "{A} said{T} {Apron} was neither for nor against {NP}.",
    "{A} abstained in the vote on {NP}.",
    "{A} reserves the right to {INF}, {Aposs} spokesman said{T}.",
    "{A} said {Apron} reserved the right to {INF} at a later stage.",
    "{A} appealed for calm in the dispute over {NP}{T}.",
]
F["sarcasm_oppose"] = [
    "{A} mocked {NP} as “{SNEER}”{T}.",
    "{A} derided {NP} as “{SNEER}”.",
    "“{NPc}? A brilliant idea — if you want to {HARM},” {A} said.",
    "{A} poured scorn on {NP}, calling it “a great success” — for {WHOM}.",
    "{A} described {NP} as a “gift” to {WHOM}, and did not mean it as praise.",
    "{A} sneered at what {Apron} called the “miracle cure” of {NP}.",
    "“What a wonderful plan,” {A} said of {NP}, with evident sarcasm.",
    "{A} dismissed {NP} as “{SNEER}” dreamed up by people who will never pay for it.",
]
F["sarcasm_support"] = [
    "{A} mocked critics of {NP} as “prophets of doom”{T}.",
    "{A} scoffed at the “so-called experts” who oppose {NP}, saying it would {BEN}.",
    "{A} ridiculed opponents of {NP}, saying their “end of the world” had failed to arrive.",
    "“Apparently {NP} will bring the sky crashing down,” {A} said, dismissing the critics.",
]
F["action_support"] = [
    "{A} {AP}{T}.",
    "{A}{T} {AP}.",
    "{A} {AP}, a step critics had long warned against.",
    "{A} {AP} on Tuesday, officials said.",
    "Last month {A} {AP}.",
]
F["action_oppose"] = [
    "{A} {AC}{T}.",
    "{A}{T} {AC}.",
    "{A} {AC}, escalating the dispute.",
    "Last year {A} {AC}.",
]
F["multi"] = [
    ("{A} backs {NP}, while {B} opposes it.", "support", "oppose"),
    ("{A} has pushed hard for {NP}, but {B} has refused to go along.", "support", "oppose"),
    ("{B} has blocked {NP}, which {A} strongly supports.", "support", "oppose"),
    ("Unlike {B}, which has rejected {NP}, {A} has embraced it.", "support", "oppose"),
    (
        "{A} and {B} remain at odds over {NP}, with {A2} pressing to {INF} and {B2} warning against it.",
        "support",
        "oppose",
    ),
    ("{B} condemned {NP}, a policy {A} has championed for years.", "support", "oppose"),
    ("{A} welcomed {NP}; {B}, by contrast, called it a mistake.", "support", "oppose"),
    ("While {A} wants to {INF}, {B} has vowed to fight it.", "support", "oppose"),
    ("{B} criticised {A} for backing {NP}.", "support", "oppose"),
    ("{A} and {B} both voiced support for {NP}{T}.", "support", "support"),
    ("{A} joined {B} in rejecting {NP}.", "oppose", "oppose"),
    ("{A} urged {B} to drop {Bposs} objections to {NP}.", "support", "oppose"),
    ("{A} said{T} it would {INF}, brushing aside objections from {B}.", "support", "oppose"),
    ("{B} has stayed neutral on {NP}, while {A} has campaigned for it.", "support", "neutral"),
    ("{A} opposes {NP}; {B} has so far declined to take sides.", "oppose", "neutral"),
]
F["anaphora_ctx"] = [
    "Talk of {NP} dominated the meeting.",
    "The proposal, known as {NP}, has divided the region.",
    "Officials have spent weeks debating {NP}.",
    "The idea of {GER} has gained ground in recent weeks.",
    "A vote on {NP} is expected later this month.",
    "Critics say {NP} is being rushed through.",
]
F["anaphora_support"] = [
    "{A} welcomed the proposal.",
    "{A} has thrown {Aposs} weight behind the plan.",
    "{A} said it was high time for such a step.",
    "{A} strongly supports such a move.",
    "{A} said the plan deserved everyone's backing.",
    "{A} is among its most ardent backers.",
]
F["anaphora_oppose"] = [
    "{A} strongly opposes such a move.",
    "{A} rejected the idea out of hand.",
    "{A} warned that such a step would be a grave mistake.",
    "{A} has vowed to fight it.",
    "{A} is dead set against it.",
    "{A} called the plan “irresponsible”.",
]
F["anaphora_neutral"] = [
    "{A} said {Apron} would study the proposal.",
    "{A} declined to comment on the idea.",
    "{A} has not yet taken a position on it.",
    "{A} refused to rule out such a step.",
]
F["anaphora_none"] = [
    "{A} was not represented at the talks.",
    "The issue came up during {A}'s visit.",
    "{A} is expected to host the next round of discussions.",
]
F["pron_ctx"] = [
    "{P} spoke to reporters after talks in {CITY} on {DAY}.",
    "{P} arrived in {CITY} on {DAY} for a two-day visit.",
    "{P} was asked about {NP} at a joint news conference.",
    "{P} addressed lawmakers on {DAY}.",
    "{P} has faced growing pressure over {NP}.",
    "The question was put to {P} during a televised interview on {DAY}.",
]
F["pron_support"] = [
    "{PRON} said {NP} was “the right decision”.",
    "{PRON} said {pron} would {INF}.",
    "{PRON} added that {NP} had {poss} full support.",
    "{PRON} told reporters: “{QS}.”",
    "{PRON} insisted that {NP} would {BEN}.",
]
F["pron_oppose"] = [
    "{PRON} said {NP} was “a grave mistake”.",
    "{PRON} vowed to fight {NP}.",
    "{PRON} made clear that {pron} would never accept {NP}.",
    "{PRON} told reporters: “{QO}.”",
    "{PRON} warned that {NP} would {HARM}.",
]
F["pron_neutral"] = [
    "{PRON} declined to say whether {pron} supported {NP}.",
    "{PRON} would not rule out {GER}.",
    "{PRON} said {pron} was still considering {NP}.",
]
F["official"] = [
    ("{P} said{T} {S} would {INF}.", "support"),
    ("{P} said {S} fully supported {NP}.", "support"),
    ("{P} said{T} that {S} would never accept {NP}.", "oppose"),
    ("{P} said {S} opposed {NP}.", "oppose"),
    ("{P} said {S} would not rule out {GER}.", "neutral"),
    ("{P} told reporters that {S} was still studying {NP}.", "neutral"),
]
F["legislator"] = [
    "{P} said{T} {S} should {INF}.",
    "{P} urged {S} to reject {NP}.",
    "{P} introduced a resolution calling on {S} to {INF}.",
    "{P} demanded that {S} abandon {NP}.",
]
F["spokes"] = [
    ("A spokesman for {S} said {NP} had the government's full backing.", "support"),
    ("A spokeswoman for {S} said{T} {Spron} firmly opposed {NP}.", "oppose"),
    ("{S} firmly opposes {NP}, a Foreign Ministry spokesman said{T}.", "oppose"),
    ("{S} supports {NP}, a government spokeswoman told reporters.", "support"),
    ("A spokesperson for {S} said{T} {Spron} was still assessing {NP}.", "neutral"),
]
F["none_mentioned"] = [
    "{NPc} was on the agenda when {A} met {B}{T}.",
    "Analysts say {NP} could cost {A} billions in lost revenue.",
    "{NPc} will be discussed at a summit hosted by {A} next month.",
    "Protesters marched past {A}'s offices as the debate over {NP} intensified.",
    "{A} is expected to be among those most affected by {NP}, economists said.",
    "The first draft of {NP} was circulated to {A} and {B} last week.",
    "{NPc} came up only briefly during {A}'s talks with {B}.",
    "A poll published{T} found voters in {A}'s home region divided over {NP}.",
    "{A} and {B} held talks{T}; {NP} was not on the official agenda but came up over lunch.",
    "The report on {NP} was presented to {A} on Thursday.",
]
F["none_target"] = [
    "{B} {AP}{T} — a move aimed squarely at {A}.",
    "{A} is the main target of {NP}.",
    "{NPc} would hit {A} hardest, analysts said.",
    "{B} {AP}, piling pressure on {A}.",
]


def _title_case_first(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1 :]
        if ch not in "\x01\x02\x03\x04\x05\x06“\"'— ":
            return s
    return s


def _np_cap(np: str) -> str:
    return np[0].upper() + np[1:]


class Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    # -- mentions ---------------------------------------------------------
    def mention(self, name, types=("name", "titled", "surname", "metonym", "role"), weights=None):
        a = ACTORS[name]
        pool = []
        w = weights or {"name": 4, "titled": 3, "surname": 2, "metonym": 3, "role": 2, "alias": 1}
        for t in types:
            if a["kind"] == "person":
                if t == "name":
                    pool.append((a["names"][0], "name", w.get("name", 1)))
                elif t == "surname" and len(a["names"]) > 1 and a["names"][1] != a["names"][0]:
                    pool.append((a["names"][1], "surname", w.get("surname", 1)))
                elif t == "titled":
                    pool += [(x, "titled", w.get("titled", 1) / len(a["titled"])) for x in a["titled"]]
                elif t == "role":
                    pool += [(x, "role", w.get("role", 1) / len(a["roles"])) for x in a["roles"]]
            else:
                if t == "name":
                    pool.append((a["names"][0], "name", w.get("name", 1)))
                    pool += [(x, "alias", w.get("alias", 1) / 2) for x in a["names"][1:]]
                elif t == "metonym":
                    pool += [(x, "metonym", w.get("metonym", 1) / len(a["metonyms"])) for x in a["metonyms"]]
        if not pool:
            return a["names"][0], "name"
        r = self.rng.random() * sum(p[2] for p in pool)
        for text, t, wt in pool:
            r -= wt
            if r <= 0:
                return text, t
        return pool[-1][0], pool[-1][1]

    # -- actors -----------------------------------------------------------
    def actor_for(self, issue, label, exclude=()):
        rng = self.rng
        pro, con, third = issue["pro"], issue["con"], issue["third"]
        everyone = [a for a in pro + con + third if a not in exclude]
        if label == "support" and rng.random() < 0.85:
            pool = pro
        elif label == "oppose" and rng.random() < 0.85:
            pool = con
        elif label == "neutral" and rng.random() < 0.6:
            pool = third
        else:
            pool = everyone
        pool = [a for a in pool if a not in exclude] or everyone
        return rng.choice(pool) if pool else None

    def reporter_for(self, issue, holder):
        """A person who does not speak for the holder (different state/org)."""
        h = ACTORS[holder]
        hstate = h["state"] if h["kind"] == "person" else holder
        cands = [
            a
            for a in issue["pro"] + issue["con"] + issue["third"]
            if ACTORS[a]["kind"] == "person"
            and a != holder
            and ACTORS[a]["state"] not in (hstate, holder)
            and a != hstate
        ]
        if not cands or self.rng.random() < 0.3:
            cands = [
                n
                for n, a in ACTORS.items()
                if a["kind"] == "person"
                and a["speaks"]
                and a["state"] not in (hstate, holder)
                and n != hstate
                and abs(self.rng.random()) < 1
            ]
            cands = self.rng.sample(cands, min(8, len(cands)))
        return self.rng.choice(cands)

    # -- filling ----------------------------------------------------------
    def slots(self, issue):
        rng = self.rng
        np = rng.choice(issue["np"])
        return dict(
            NP=np,
            NPc=_np_cap(np),
            INF=rng.choice(issue["inf"]),
            GER=rng.choice(issue["ger"]),
            AP=rng.choice(issue["ap"]) if issue["ap"] else "",
            AC=rng.choice(issue["ac"]) if issue["ac"] else "",
            T=rng.choice(DAYS),
            BEN=rng.choice(BEN),
            HARM=rng.choice(HARM),
            SNEER=rng.choice(SNEER),
            WHOM=rng.choice(WHOM),
            COND=rng.choice(COND),
            EVENT=rng.choice(EVENTS),
            CITY=rng.choice(CITIES),
            DAY=rng.choice(DAYNAMES),
        )

    def render(self, tmpl, issue, actors, extra=None):
        """actors: slot -> (canonical, mention). Returns (sentence, {slot: mention}) or None."""
        sl = self.slots(issue)
        if extra:
            sl.update(extra)
        for slot, (name, men) in actors.items():
            a, b = MK[slot]
            sl[slot] = f"{a}{men}{b}"
            sl[slot + "2"] = sl[slot]
            sl[slot + "poss"] = ACTORS[name]["poss"]
            sl[slot + "pron"] = ACTORS[name]["pron"]
        for k in ("Q", "QS", "QO"):
            if k in sl:
                sl[k] = sl[k].format(**sl)
        try:
            s = tmpl.format(**sl)
        except (KeyError, IndexError):
            return None
        # A2/B2: second mention of same actor -> use pronoun-free short form
        s = _title_case_first(s)
        s = re.sub(r"\s+", " ", s).replace(" ,", ",").replace(" .", ".").strip()
        s = s.replace(".”.", ".”").replace("..", ".")
        if self.rng.random() < 0.3:
            s = s.replace("“", '"').replace("”", '"')
        # extract mentions, check first-occurrence property
        mentions = {}
        for slot in actors:
            a, b = MK[slot]
            i = s.find(a)
            j = s.find(b)
            if i < 0 or j < 0:
                return None
            mentions[slot] = (i, s[i + 1 : j])
        clean = re.sub("[\x01-\x06]", "", s)
        out = {}
        for slot, (i, men) in mentions.items():
            # offset in clean text
            off = len(re.sub("[\x01-\x06]", "", s[:i]))
            at = clean.find(men)
            if at < 0:
                at = clean.lower().find(men.lower())
            if at != off:
                return None
            out[slot] = men
        return clean, out


def mention_phen(mtype):
    return {"metonym": "metonym", "role": "role_only"}.get(mtype, "plain")


def generate(issue_key: str, seed: int, scale: float = 1.0):
    """Yield groups: dict(sentence, context, records=[dict(actor, mention, label, phenomenon)])."""
    issue = ISSUES[issue_key]
    g = Gen(seed)
    rng = g.rng
    out = []

    def n(k):
        x = k * scale
        return int(x) + (1 if rng.random() < x - int(x) else 0)

    def emit(sentence, context, recs):
        out.append(dict(sentence=sentence, context=context, records=recs, issue=issue_key))

    def simple(
        frames, label, phen, count, types=("name", "titled", "surname", "metonym", "role"), ctx_person=False
    ):
        for _ in range(count):
            for _try in range(6):
                actor = g.actor_for(issue, label)
                if actor is None:
                    return
                men, mt = g.mention(actor, types)
                tmpl = rng.choice(frames)
                r = g.render(tmpl, issue, {"A": (actor, men)})
                if not r:
                    continue
                sent, ms = r
                p = phen if phen != "plain" else mention_phen(mt)
                ctx = ""
                if ACTORS[actor]["kind"] == "person" and mt in ("surname", "role") and rng.random() < 0.5:
                    ctx = intro_context(g, issue, actor)
                emit(sent, ctx, [dict(actor=actor, mention=ms["A"], label=label, phenomenon=p)])
                break

    # plain & quotes ---------------------------------------------------------
    simple(F["plain_support"], "support", "plain", n(6))
    simple(F["plain_oppose"], "oppose", "plain", n(6))
    for label, bank, cnt in (("support", Q_SUP, 3), ("oppose", Q_OPP, 3), ("neutral", Q_NEU, 1)):
        for _ in range(n(cnt)):
            for _try in range(6):
                actor = g.actor_for(issue, label)
                if actor is None:
                    break
                men, mt = g.mention(actor)
                frames = Q_FRAMES if ACTORS[actor]["kind"] == "person" else Q_FRAMES_ORG
                r = g.render(rng.choice(frames), issue, {"A": (actor, men)}, {"Q": rng.choice(bank)})
                if not r:
                    continue
                p = mention_phen(mt) if label != "neutral" else "considering"
                p = "quote" if p == "plain" else p
                ctx = (
                    intro_context(g, issue, actor) if mt in ("surname", "role") and rng.random() < 0.5 else ""
                )
                emit(r[0], ctx, [dict(actor=actor, mention=r[1]["A"], label=label, phenomenon=p)])
                break
    if issue["ap"]:
        simple(
            F["action_support"],
            "support",
            "action_implements_policy",
            n(3),
            types=("name", "metonym", "titled"),
        )
    if issue["ac"]:
        simple(
            F["action_oppose"],
            "oppose",
            "action_implements_policy",
            n(2),
            types=("name", "metonym", "titled"),
        )
    simple(F["negation_support"], "support", "negation", n(2))
    simple(F["negation_oppose"], "oppose", "negation", n(2))
    simple(F["refuse_rule_out"], "neutral", "refused_to_rule_out", n(2))
    simple(F["ruled_out"], "oppose", "ruled_out", n(1))
    simple(F["conditional_support"], "support", "conditional", n(1))
    simple(F["conditional_neutral"], "neutral", "conditional", n(1))
    simple(F["conditional_oppose"], "oppose", "conditional", n(1))
    simple(F["scaled_support"], "support", "scaled_back", n(1.5))
    simple(F["scaled_oppose"], "oppose", "scaled_back", n(1))
    simple(F["scaled_neutral"], "neutral", "scaled_back", n(0.5))
    simple(F["declined"], "neutral", "declined_comment", n(2))
    simple(F["considering"], "neutral", "considering", n(2))
    simple(F["restraint"], "neutral", "restraint_or_abstain", n(1.5))
    simple(F["sarcasm_oppose"], "oppose", "sarcasm_quote", n(1.5))
    simple(F["sarcasm_support"], "support", "sarcasm_quote", n(0.6))

    # reported speech: holder + reporter(none) --------------------------------
    for label, key, cnt in (
        ("support", "reported_support", 2),
        ("oppose", "reported_oppose", 2),
        ("neutral", "reported_neutral", 0.5),
    ):
        for _ in range(n(cnt)):
            for _try in range(6):
                holder = g.actor_for(issue, label)
                if holder is None:
                    break
                rep = g.reporter_for(issue, holder)
                hm, _hmt = g.mention(holder, ("name", "metonym", "titled", "surname"))
                rm, _ = g.mention(rep, ("name", "titled", "surname"))
                r = g.render(rng.choice(F[key]), issue, {"A": (holder, hm), "R": (rep, rm)})
                if not r:
                    continue
                recs = [
                    dict(actor=holder, mention=r[1]["A"], label=label, phenomenon="reported_speech"),
                    dict(actor=rep, mention=r[1]["R"], label="none", phenomenon="holder_vs_reporter"),
                ]
                emit(r[0], "", recs)
                break

    # multi-actor ---------------------------------------------------------------
    for _ in range(n(3)):
        for _try in range(8):
            tmpl, la, lb = rng.choice(F["multi"])
            a = g.actor_for(issue, la)
            b = g.actor_for(issue, lb, exclude=(a,) + ((ACTORS[a]["state"],) if a else ()))
            if not a or not b or a == b or ACTORS[b]["state"] == a:
                continue
            if (
                ACTORS[a]["kind"] == "person"
                and ACTORS[b]["kind"] == "person"
                and ACTORS[a]["state"] == ACTORS[b]["state"]
                and la != lb
            ):
                continue
            am, _ = g.mention(a, ("name", "metonym", "titled"))
            bm, _ = g.mention(b, ("name", "metonym", "titled"))
            if am in bm or bm in am:
                continue
            if ACTORS[b]["kind"] == "person":
                tmpl = tmpl.replace("{B}, which", "{B}, who")
            r = g.render(tmpl, issue, {"A": (a, am), "B": (b, bm)})
            if not r:
                continue
            ph = "multi_actor_opposite" if la != lb else "multi_actor_same"
            emit(
                r[0],
                "",
                [
                    dict(actor=a, mention=r[1]["A"], label=la, phenomenon=ph),
                    dict(actor=b, mention=r[1]["B"], label=lb, phenomenon=ph),
                ],
            )
            break

    # anaphora: issue only in the context ------------------------------------------
    for label, cnt in (("support", 1.2), ("oppose", 1.2), ("neutral", 0.8), ("none", 0.6)):
        for _ in range(n(cnt)):
            for _try in range(6):
                actor = g.actor_for(issue, label if label != "none" else "neutral")
                if actor is None:
                    break
                men, mt = g.mention(actor, ("name", "metonym", "titled"))
                ctx_t = rng.choice(F["anaphora_ctx"])
                sl = g.slots(issue)
                ctx = _title_case_first(ctx_t.format(**sl))
                r = g.render(rng.choice(F["anaphora_" + label]), issue, {"A": (actor, men)})
                if not r:
                    continue
                emit(
                    r[0],
                    ctx,
                    [
                        dict(
                            actor=actor,
                            mention=r[1]["A"],
                            label=label,
                            phenomenon="anaphora_context" if label != "none" else "none_mentioned_only",
                        )
                    ],
                )
                break

    # pronoun speaker -----------------------------------------------------------------
    persons = [a for a in issue["pro"] + issue["con"] + issue["third"] if ACTORS[a]["kind"] == "person"]
    if persons:
        for label, cnt in (("support", 1.5), ("oppose", 1.5), ("neutral", 0.8)):
            for _ in range(n(cnt)):
                for _try in range(8):
                    pool = [
                        p
                        for p in persons
                        if (label == "support" and p in issue["pro"])
                        or (label == "oppose" and p in issue["con"])
                        or label == "neutral"
                    ] or persons
                    p = rng.choice(pool)
                    pa = ACTORS[p]
                    full = rng.choice(pa["titled"] or [pa["names"][0]])
                    sl = g.slots(issue)
                    sl["P"] = full
                    ctx = _title_case_first(rng.choice(F["pron_ctx"]).format(**sl))
                    pron = pa["pron"]
                    extra = {
                        "PRON": "\x01" + pron.capitalize() + "\x02",
                        "pron": pron,
                        "poss": pa["poss"],
                        "QS": rng.choice(Q_SUP),
                        "QO": rng.choice(Q_OPP),
                    }
                    tmpl = rng.choice(F["pron_" + label])
                    if rng.random() < 0.35 and label != "neutral":
                        # quote first, pronoun after: “...,” she said.
                        q = rng.choice(Q_SUP if label == "support" else Q_OPP)
                        tmpl = "“" + q + ",” {A} said."
                        extra = {"Q": q}
                        r = g.render(tmpl, issue, {"A": (p, pron)}, extra)
                    else:
                        tmpl = tmpl.replace("{PRON}", "{A}")
                        extra.pop("PRON")
                        r = g.render(tmpl, issue, {"A": (p, pron.capitalize())}, extra)
                    if not r:
                        continue
                    emit(
                        r[0],
                        ctx,
                        [dict(actor=p, mention=r[1]["A"], label=label, phenomenon="pronoun_speaker")],
                    )
                    break

    # official speaks for state / legislator does not / spokesperson ----------------------
    officials = [
        a
        for a in issue["pro"] + issue["con"] + issue["third"]
        if ACTORS[a]["kind"] == "person" and ACTORS[a]["speaks"] and ACTORS[a]["state"]
    ]
    for _ in range(n(1.5)):
        if not officials:
            break
        for _try in range(6):
            p = rng.choice(officials)
            st = ACTORS[p]["state"]
            tmpl, label = rng.choice(F["official"])
            pm, _ = g.mention(p, ("name", "titled", "surname"))
            sm, _ = g.mention(st, ("name",))
            if sm in pm or pm in sm:
                continue
            r = g.render(
                tmpl.replace("{P}", "{A}").replace("{S}", "{B}"), issue, {"A": (p, pm), "B": (st, sm)}
            )
            if not r:
                continue
            emit(
                r[0],
                "",
                [
                    dict(actor=p, mention=r[1]["A"], label=label, phenomenon="official_for_state"),
                    dict(actor=st, mention=r[1]["B"], label=label, phenomenon="official_for_state"),
                ],
            )
            break
    legs = [
        a
        for a in issue["pro"] + issue["con"] + issue["third"]
        if ACTORS[a]["kind"] == "person"
        and not ACTORS[a]["speaks"]
        and ACTORS[a]["state"] in ACTORS
        and ACTORS[ACTORS[a]["state"]]["kind"] == "country"
    ]
    for _ in range(n(0.8)):
        if not legs:
            break
        p = rng.choice(legs)
        st = ACTORS[p]["state"]
        i = rng.randrange(len(F["legislator"]))
        label = "support" if i in (0, 2) else "oppose"
        pm, _ = g.mention(p, ("titled", "name"))
        sm, _ = g.mention(st, ("name", "metonym"))
        r = g.render(
            F["legislator"][i].replace("{P}", "{A}").replace("{S}", "{B}"),
            issue,
            {"A": (p, pm), "B": (st, sm)},
        )
        if r:
            emit(
                r[0],
                "",
                [
                    dict(actor=p, mention=r[1]["A"], label=label, phenomenon="plain"),
                    dict(actor=st, mention=r[1]["B"], label="none", phenomenon="legislator_not_state"),
                ],
            )
    countries = [a for a in issue["pro"] + issue["con"] + issue["third"] if ACTORS[a]["kind"] == "country"]
    for _ in range(n(0.8)):
        if not countries:
            break
        c = rng.choice(countries)
        tmpl, label = rng.choice(F["spokes"])
        cm, _ = g.mention(c, ("name", "metonym"))
        r = g.render(tmpl.replace("{S}", "{A}").replace("{Spron}", "{Apron}"), issue, {"A": (c, cm)})
        if r:
            emit(
                r[0], "", [dict(actor=c, mention=r[1]["A"], label=label, phenomenon="spokesperson_for_state")]
            )

    # none: mentioned only / target -----------------------------------------------------------
    for _ in range(n(2.5)):
        for _try in range(6):
            a = g.actor_for(issue, "none")
            b = g.actor_for(issue, "none", exclude=(a,))
            if not a or not b:
                break
            am, _ = g.mention(a, ("name", "metonym", "titled"), {"name": 4, "titled": 3, "metonym": 1})
            bm, _ = g.mention(b, ("name", "titled"))
            if am in bm or bm in am:
                continue
            tmpl = rng.choice(F["none_mentioned"])
            r = g.render(tmpl, issue, {"A": (a, am), "B": (b, bm)})
            if not r:
                continue
            recs = [dict(actor=a, mention=r[1]["A"], label="none", phenomenon="none_mentioned_only")]
            if "B" in r[1]:
                recs.append(dict(actor=b, mention=r[1]["B"], label="none", phenomenon="none_mentioned_only"))
            emit(r[0], "", recs)
            break
    for _ in range(n(1.2) if issue["target"] else 0):
        for _try in range(6):
            t = rng.choice(issue["target"])
            b = g.actor_for(issue, "support", exclude=(t,))
            if not b or ACTORS[b]["state"] == t:
                continue
            tm, _ = g.mention(t, ("name", "metonym"))
            bm, _ = g.mention(b, ("name", "metonym", "titled"))
            if tm in bm or bm in tm:
                continue
            tmpl = rng.choice(F["none_target"])
            if "{B}" in tmpl and not issue["ap"]:
                continue
            acts = {"A": (t, tm)}
            if "{B}" in tmpl:
                acts["B"] = (b, bm)
            r = g.render(tmpl, issue, acts)
            if not r:
                continue
            recs = [dict(actor=t, mention=r[1]["A"], label="none", phenomenon="target_not_holder")]
            if "B" in r[1]:
                recs.append(
                    dict(actor=b, mention=r[1]["B"], label="support", phenomenon="action_implements_policy")
                )
            emit(r[0], "", recs)
            break
    return out


def intro_context(g: Gen, issue, actor):
    a = ACTORS[actor]
    full = g.rng.choice(a["titled"] or [a["names"][0]])
    sl = g.slots(issue)
    sl["P"] = full
    return _title_case_first(g.rng.choice(F["pron_ctx"]).format(**sl))
