"""IBM Debater Claim Stance -> reported speech by invented speakers.

Source: IBM Debater Claim Stance dataset (Bar-Haim et al., "Stance
Classification of Context-Dependent Claims", EACL 2017), CC BY-SA 3.0, read
from ../shared/data/ibm-claim-stance/ at build time. Derived examples are
therefore also CC BY-SA 3.0 (see models/DATA_CARD.md).

Each claim is PRO or CON the debate motion. The motion is rephrased as an issue
whose support direction equals the motion's ("banning the sale of violent video
games to minors"), so PRO -> support and CON -> oppose; `topicSentiment` (the
sentiment of the motion towards its topicTarget) is deliberately *not* used to
flip labels because the issue is the whole motion, not its target. Speakers are
invented; a share of items adds a second actor who disputes the claim (opposite
stance) or a moderator who only reports it (none).
"""

from __future__ import annotations

import collections
import csv

# topicId -> (issue key, issue name, description, topic, split)
MOTIONS = {
    "1": ("cs_violent_games", "banning the sale of violent video games to minors", "topic-culture", "train"),
    "21": ("cs_one_child", "China's one-child policy", "topic-population", "train"),
    "61": ("cs_doping", "allowing performance-enhancing drugs in professional sport", "topic-sport", "train"),
    "81": ("cs_pe", "making physical education compulsory", "topic-education", "train"),
    "101": ("cs_affirmative", "affirmative action", "topic-rights", "train"),
    "121": ("cs_boxing", "banning boxing", "topic-sport", "train"),
    "181": ("cs_multicult", "multiculturalism as state policy", "topic-migration", "train"),
    "221": ("cs_gambling", "banning gambling", "topic-culture", "train"),
    "323": ("cs_asylum", "limiting the right to asylum", "topic-migration", "test"),
    "381": ("cs_monarchy", "abolishing the monarchy", "topic-constitution", "train"),
    "441": ("cs_open_primaries", "open primaries for selecting candidates", "topic-elections", "train"),
    "443": ("cs_school_age", "raising the school leaving age to 18", "topic-education", "train"),
    "482": ("cs_tobacco", "ending state subsidies for tobacco growing", "topic-agriculture", "train"),
    "483": ("cs_speech", "government restrictions on freedom of speech", "topic-rights", "train"),
    "602": ("cs_vouchers", "school vouchers", "topic-education", "dev"),
    "603": ("cs_earmarks", "abolishing congressional earmarks", "topic-us-congress", "train"),
    "621": ("cs_nukes_right", "a right for all nations to have nuclear weapons", "topic-security", "train"),
    "641": ("cs_unions", "abolishing trade unions' collective bargaining rights", "topic-labour", "train"),
    "642": ("cs_pba", "banning partial-birth abortions", "topic-abortion", "test"),
    "644": ("cs_year_round", "year-round schooling", "topic-education", "train"),
    "645": ("cs_subsidize_poor", "subsidising poor communities", "topic-welfare", "train"),
    "661": ("cs_retirement", "a mandatory retirement age", "topic-labour", "train"),
    "662": ("cs_voter_id", "requiring photo ID to vote", "topic-elections", "dev"),
    "663": ("cs_national_service", "reintroducing national service", "topic-security", "train"),
    "665": ("cs_housewives", "paying housewives for their work", "topic-welfare", "train"),
    "681": ("cs_ip", "abolishing intellectual property rights", "topic-economy", "train"),
    "683": ("cs_wind", "making wind power the focus of future energy supply", "topic-energy", "train"),
    "701": ("cs_endangered", "protecting endangered species", "topic-environment", "train"),
    "721": ("cs_austerity", "easing austerity in Europe", "topic-economy", "train"),
    "742": ("cs_bear_arms", "limiting the right to bear arms", "topic-guns", "test"),
    "744": ("cs_myanmar", "re-engaging with Myanmar", "topic-diplomacy", "train"),
    "761": ("keystone", "the Keystone XL pipeline", "energy", None),
    "801": ("cs_gaza_ops", "Israel's 2008-2009 military operations in Gaza", "topic-middle-east", "train"),
    "803": ("cs_high_rises", "building high-rises for housing", "topic-housing", "train"),
    "841": ("cs_blasphemy", "criminalising blasphemy", "topic-rights", "train"),
    "861": ("cs_gaza_blockade", "lifting the blockade of Gaza", "topic-middle-east", "train"),
    "881": ("cs_holocaust_denial", "making Holocaust denial a criminal offence", "topic-rights", "train"),
    "922": ("cs_open_source", "governments choosing open-source software", "topic-tech", "train"),
    "923": ("cs_private_unis", "creating private universities in the UK", "topic-education", "train"),
    "942": ("cs_term_limits", "term limits for legislators", "topic-elections", "train"),
    "944": ("cs_flag_burning", "banning burning of the US flag", "topic-rights", "train"),
    "985": ("cs_free_market", "unleashing the free market", "topic-economy", "train"),
    "994": ("cs_dams", "building hydroelectric dams", "topic-energy", "train"),
    "1005": ("cs_truth_commissions", "truth and reconciliation commissions", "topic-justice", "train"),
    "1065": ("cs_democratization", "promoting democratisation abroad", "topic-diplomacy", "train"),
}
PER_MOTION = 13

FIRST = [
    "Anna",
    "Tomas",
    "Maria",
    "David",
    "Leila",
    "Jonas",
    "Priya",
    "Samuel",
    "Ines",
    "Kofi",
    "Elena",
    "Marek",
    "Ruth",
    "Hiroshi",
    "Carmen",
    "Olumide",
    "Freya",
    "Rafael",
    "Greta",
    "Aziz",
    "Nadia",
    "Pieter",
    "Sofia",
    "Liam",
    "Mei",
    "Viktor",
    "Hannah",
    "Diego",
    "Amara",
    "Johan",
]
LAST = [
    "Keller",
    "Novak",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Brennan",
    "Castillo",
    "Mensah",
    "Petrova",
    "Dubois",
    "Hadley",
    "Sorensen",
    "Varga",
    "Ibrahim",
    "Whitfield",
    "Rossi",
    "Kowalski",
    "Nakamura",
    "Oyelaran",
    "Lindgren",
    "Marsh",
    "Albrecht",
    "Quinn",
    "Ferreira",
]
ROLES = [
    "an opposition lawmaker",
    "a government minister",
    "a senior senator",
    "a think-tank economist",
    "the committee chair",
    "a campaign spokeswoman",
    "a former minister",
    "a union leader",
    "a member of parliament",
    "a policy adviser",
    "a regional governor",
    "the party's deputy leader",
]
FRAMES = [
    "{S}, {role}, argued that {claim}.",
    "“{Claim},” {S} said.",
    "{S} told the committee that {claim}.",
    "Speaking during the debate, {S} insisted that {claim}.",
    "{S} said in a statement that {claim}.",
    "In an op-ed, {S} wrote that {claim}.",
    "“{Claim},” {S}, {role}, told reporters.",
    "{S} said: “{Claim}.”",
    "{S} maintained that {claim}.",
]
FRAMES_DISPUTE = [
    "{S} argued that {claim}, a view {O} rejected.",
    "{S} said {claim}; {O} disputed that.",
    "{O} dismissed the argument, made by {S}, that {claim}.",
]
FRAMES_REPORT = [
    "{O}, who chaired the hearing, said {S} had argued that {claim}.",
    "According to {O}, {S} told the panel that {claim}.",
]


def issue_table():
    out = {}
    for key, name, topic, split in MOTIONS.values():
        if split is None:
            continue
        out[key] = dict(
            name=name,
            topic=topic,
            split=split,
            desc=f"The debate motion on {name}. support = argues for {name}; oppose = argues against it.",
        )
    return out


def _lc(claim):
    w = claim.split()[0]
    if w in (
        "The",
        "A",
        "An",
        "It",
        "This",
        "There",
        "Such",
        "Many",
        "Most",
        "Some",
        "These",
        "Those",
        "When",
        "If",
        "With",
        "Without",
        "In",
        "For",
        "Its",
        "Their",
        "Every",
        "No",
        "All",
        "Children",
        "People",
        "Violent",
        "Exposure",
        "Playing",
        "Boxing",
        "Gambling",
    ):
        return claim[0].lower() + claim[1:]
    return claim


def load(path, rng):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    by = collections.defaultdict(list)
    for r in rows:
        if r["topicId"] in MOTIONS:
            by[r["topicId"]].append(r)
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rng.shuffle(names)
    ni = 0
    groups = []
    for tid in sorted(by, key=int):
        key = MOTIONS[tid][0]
        items = sorted(by[tid], key=lambda r: r["claims.claimId"])
        rng.shuffle(items)
        for r in items[:PER_MOTION]:
            claim = r["claims.claimCorrectedText"].strip().rstrip(".")
            if len(claim.split()) < 5 or len(claim.split()) > 40:
                continue
            label = "support" if r["claims.stance"] == "PRO" else "oppose"
            opp = "oppose" if label == "support" else "support"
            s_name = names[ni % len(names)]
            ni += 1
            o_name = names[ni % len(names)]
            ni += 1
            s_sur, o_sur = s_name.split()[1], o_name.split()[1]
            if s_sur == o_sur:
                continue
            x = rng.random()
            s_m = s_name if rng.random() < 0.7 else s_sur
            fill = dict(
                S=s_m, O=o_name, role=rng.choice(ROLES), claim=_lc(claim), Claim=claim[0].upper() + claim[1:]
            )
            if x < 0.15:
                sent = rng.choice(FRAMES_DISPUTE).format(**fill)
                recs = [
                    dict(actor=s_name, mention=s_m, label=label, phenomenon="reported_speech"),
                    dict(actor=o_name, mention=o_name, label=opp, phenomenon="multi_actor_opposite"),
                ]
            elif x < 0.30:
                sent = rng.choice(FRAMES_REPORT).format(**fill)
                recs = [
                    dict(actor=s_name, mention=s_m, label=label, phenomenon="reported_speech"),
                    dict(actor=o_name, mention=o_name, label="none", phenomenon="holder_vs_reporter"),
                ]
            else:
                sent = rng.choice(FRAMES).format(**fill)
                recs = [dict(actor=s_name, mention=s_m, label=label, phenomenon="reported_speech")]
            if s_m != s_name and s_m in o_name:
                continue
            sent = sent[0].upper() + sent[1:]
            name = MOTIONS[tid][1]
            ctx = rng.choice(
                [
                    "",
                    "",
                    f"Lawmakers spent the afternoon debating {name}.",
                    f"The hearing on {name} ran late into the evening.",
                    f"The panel took evidence on {name}.",
                    f"Debate over {name} has intensified in recent weeks.",
                ]
            )
            groups.append(
                dict(sentence=sent, context=ctx, issue=key, origin="claimstance_transformed", records=recs)
            )
    return groups
