"""Hand-written actor lexicon for the templated part of the stance corpus.

Each actor has a canonical name (the `actor` field), a kind, and surface
forms grouped by type: `names` (plain), `metonyms` ("Berlin", "the Kremlin"),
`roles` (role-only descriptions that need resolving: "the chancellor"),
`titled` ("Chancellor Angela Merkel"). Persons carry the state they speak
for (`state`) and whether they speak for it (`speaks`: heads of state or
government, ministers, commanders, heads of international bodies) or are
legislators / private persons (`speaks=False`).

Nothing here concerns Syria or US-Russia relations in 2012-2014.
"""

from __future__ import annotations

ACTORS: dict[str, dict] = {}


def C(name, metonyms="", adj="", gov=True, kind="country"):
    """A country (or sub-national government / organisation with metonyms)."""
    met = [m for m in metonyms.split("|") if m]
    names = [
        f"the {name}"
        if name in ("United States", "United Kingdom", "Netherlands", "Czech Republic", "Philippines")
        else name
    ]
    if adj and gov:
        names += [f"the {adj} government"]
    ACTORS[name] = dict(
        kind=kind,
        names=names,
        metonyms=met,
        roles=[],
        titled=[],
        poss="its",
        pron="it",
        adj=adj,
        state=None,
        speaks=False,
    )


THE = {
    "European Union",
    "European Commission",
    "European Parliament",
    "European Central Bank",
    "Bundesbank",
    "Federal Reserve",
    "United Nations",
    "IMF",
    "World Bank",
    "Arab League",
    "African Union",
    "Sierra Club",
    "AFL-CIO",
    "U.S. Chamber of Commerce",
    "National Rifle Association",
    "ACLU",
    "Confederation of British Industry",
    "Trades Union Congress",
    "CGT",
    "Catholic Church",
    "Taliban",
    "Scottish National Party",
    "Liberal Democrats",
    "Labour Party",
    "Conservative Party",
    "Republican Party",
    "Democratic Party",
    "Parti Quebecois",
    "Bundestag",
    "U.S. Senate",
    "Pro Life Campaign",
    "Australian Christian Lobby",
    "International Whaling Commission",
}


def O(name, alts="", metonyms="", kind="org"):
    """An organisation: alternative names and metonyms."""
    first = f"the {name}" if name in THE else name
    ACTORS[name] = dict(
        kind=kind,
        names=[first] + [a for a in alts.split("|") if a],
        metonyms=[m for m in metonyms.split("|") if m],
        roles=[],
        titled=[],
        poss="its",
        pron="it",
        adj="",
        state=None,
        speaks=False,
    )


def P(name, state, title, g, roles="", speaks=True, surname=None, alts=""):
    """A person. `title` e.g. "Chancellor" (used as "Chancellor Angela Merkel");
    `roles` role-only descriptions separated by |."""
    sur = surname or name.split()[-1]
    titled = [f"{title} {name}"] if title else []
    adj = ACTORS.get(state, {}).get("adj", "") if state else ""
    if title and adj and speaks:
        titled.append(f"{adj} {title} {name}")
    ACTORS[name] = dict(
        kind="person",
        names=[name, sur] + [a for a in alts.split("|") if a],
        metonyms=[],
        roles=[r for r in roles.split("|") if r],
        titled=titled,
        poss="her" if g == "f" else "his",
        pron="she" if g == "f" else "he",
        adj=adj,
        state=state,
        speaks=speaks,
        surname=sur,
        title=title,
    )


# ---------------------------------------------------------------- countries
C("United States", "Washington|the White House|the State Department", "American")
C("China", "Beijing|China's Foreign Ministry|the Chinese Foreign Ministry", "Chinese")
C("Russia", "Moscow|the Kremlin|Russia's Foreign Ministry", "Russian")
C("Germany", "Berlin|the German Foreign Office", "German")
C("France", "Paris|the Elysee|the French Foreign Ministry", "French")
C("United Kingdom", "Britain|London|Downing Street|Whitehall|the British government", "British", gov=False)
C("Japan", "Tokyo", "Japanese")
C("India", "New Delhi", "Indian")
C("Canada", "Ottawa", "Canadian")
C("Mexico", "Mexico City", "Mexican")
C("Australia", "Canberra", "Australian")
C("New Zealand", "Wellington", "New Zealand")
C("Poland", "Warsaw", "Polish")
C("Hungary", "Budapest", "Hungarian")
C("Turkey", "Ankara", "Turkish")
C("Israel", "Jerusalem|the Israeli government", "Israeli", gov=False)
C("Iran", "Tehran", "Iranian")
C("Saudi Arabia", "Riyadh", "Saudi")
C("Ukraine", "Kyiv", "Ukrainian")
C("Italy", "Rome", "Italian")
C("Spain", "Madrid", "Spanish")
C("Netherlands", "The Hague", "Dutch")
C("Austria", "Vienna", "Austrian")
C("Sweden", "Stockholm", "Swedish")
C("Finland", "Helsinki", "Finnish")
C("Norway", "Oslo", "Norwegian")
C("Denmark", "Copenhagen", "Danish")
C("Ireland", "Dublin", "Irish")
C("Greece", "Athens", "Greek")
C("Brazil", "Brasilia", "Brazilian")
C("South Korea", "Seoul", "South Korean")
C("North Korea", "Pyongyang", "North Korean")
C("Estonia", "Tallinn", "Estonian")
C("Lithuania", "Vilnius", "Lithuanian")
C("Latvia", "Riga", "Latvian")
C("Slovakia", "Bratislava", "Slovak")
C("Czech Republic", "Prague", "Czech")
C("Portugal", "Lisbon", "Portuguese")
C("Indonesia", "Jakarta", "Indonesian")
C("Sudan", "Khartoum", "Sudanese")
C("Mali", "Bamako", "Malian")
C("Chad", "N'Djamena", "Chadian")
C("Cuba", "Havana", "Cuban")
C("Guatemala", "Guatemala City", "Guatemalan")
C("Jordan", "Amman", "Jordanian")
C("Iceland", "Reykjavik", "Icelandic")
C("Philippines", "Manila", "Philippine")
C("Chile", "Santiago", "Chilean")
C("Belgium", "", "Belgian")
C("Yugoslavia", "Belgrade", "Yugoslav")
C("Libya", "Tripoli", "Libyan")
C("Scotland", "Holyrood|Edinburgh|the Scottish government", "Scottish", gov=False, kind="subnational")
C("Catalonia", "Barcelona|the Catalan government|the Generalitat", "Catalan", gov=False, kind="subnational")
C("Quebec", "Quebec City", "", gov=False, kind="subnational")
C("Wallonia", "Namur|the Walloon government", "Walloon", gov=False, kind="subnational")
C("Ontario", "Queen's Park|the Ontario government", "", gov=False, kind="subnational")
C("Hong Kong", "the Hong Kong government", "", gov=False, kind="subnational")

# ------------------------------------------------------------ organisations
O("European Union", "the EU|the bloc", "Brussels")
O("European Commission", "the Commission|the EU's executive", "Brussels")
O("European Parliament", "the parliament in Strasbourg")
O("European Central Bank", "the ECB", "Frankfurt")
O("Bundesbank", "Germany's central bank")
O("Federal Reserve", "the Fed|the U.S. central bank")
O("NATO", "the alliance|the Western alliance")
O("United Nations", "the UN|the world body")
O("UNHCR", "the UN refugee agency")
O("IMF", "the International Monetary Fund|the fund")
O("World Bank")
O("Arab League")
O("African Union")
O("ASEAN")
O("Amnesty International", "Amnesty")
O("Greenpeace")
O("Human Rights Watch")
O("Sierra Club")
O("Friends of the Earth")
O("AFL-CIO", "the labour federation")
O("U.S. Chamber of Commerce", "the Chamber|the business lobby")
O("National Rifle Association", "the NRA|the gun lobby")
O("ACLU", "the American Civil Liberties Union")
O("Planned Parenthood")
O("Confederation of British Industry", "the CBI|the employers' group")
O("Trades Union Congress", "the TUC")
O("CGT", "the CGT union")
O("Gazprom", "the Russian gas giant")
O("TransCanada", "the pipeline company")
O("Huawei", "the Chinese telecoms company|the telecoms giant")
O("OpenAI")
O("Jubilee 2000", "the debt campaign")
O("Catholic Church", "the church")
O("Taliban", "")
O("Scottish National Party", "the SNP")
O("Liberal Democrats", "the Liberal Democrat party")
ACTORS["Liberal Democrats"]["names"] = ["the Liberal Democrat party", "the Lib Dem party"]
O("Labour Party", "Labour")
O("Conservative Party", "the Tory party")
O("Republican Party", "the GOP")
O("Democratic Party", "")
O("Parti Quebecois", "the PQ|the sovereigntist party")
O("Bundestag", "the German parliament")
O("U.S. Senate", "the Senate")
O("Pro Life Campaign", "the anti-abortion group")
O("Australian Christian Lobby", "the lobby group")
O("International Whaling Commission", "the IWC")
O("NASA", "the U.S. space agency")
O("Cuadrilla", "the shale gas firm")

# ------------------------------------------------------------------ persons
# United States
P(
    "Bill Clinton",
    "United States",
    "President",
    "m",
    "the American president|the U.S. president|the president",
)
P(
    "George W. Bush",
    "United States",
    "President",
    "m",
    "the American president|the U.S. president|the president",
    surname="Bush",
)
P(
    "Barack Obama",
    "United States",
    "President",
    "m",
    "the American president|the U.S. president|the president",
)
P(
    "Donald Trump",
    "United States",
    "President",
    "m",
    "the American president|the U.S. president|the president",
)
P("Joe Biden", "United States", "President", "m", "the American president|the U.S. president|the president")
P(
    "Madeleine Albright",
    "United States",
    "Secretary of State",
    "f",
    "the U.S. secretary of state|America's top diplomat",
)
P(
    "Hillary Clinton",
    "United States",
    "Secretary of State",
    "f",
    "the secretary of state|America's top diplomat",
)
P("Mike Pompeo", "United States", "Secretary of State", "m", "the secretary of state|America's top diplomat")
P(
    "Robert Lighthizer",
    "United States",
    "Trade Representative",
    "m",
    "the U.S. trade representative|Washington's chief trade negotiator",
)
P("Wilbur Ross", "United States", "Commerce Secretary", "m", "the commerce secretary")
P("Henry Paulson", "United States", "Treasury Secretary", "m", "the Treasury secretary")
P(
    "Nikki Haley",
    "United States",
    "Ambassador",
    "f",
    "the U.S. ambassador to the United Nations|Washington's envoy to the UN",
)
P("Janet Yellen", "Federal Reserve", "Fed Chair", "f", "the Fed chair|the central bank's chief")
P("Jerome Powell", "Federal Reserve", "Fed Chair", "m", "the Fed chair|the central bank's chief")
P("Bernie Sanders", "United States", "Senator", "m", "the Vermont senator", speaks=False)
P(
    "Mitch McConnell",
    "United States",
    "Senate Majority Leader",
    "m",
    "the Senate majority leader|the Kentucky Republican",
    speaks=False,
)
P(
    "Nancy Pelosi",
    "United States",
    "House Speaker",
    "f",
    "the House speaker|the California Democrat",
    speaks=False,
)
P("Chuck Schumer", "United States", "Senator", "m", "the New York Democrat", speaks=False)
P("John McCain", "United States", "Senator", "m", "the Arizona senator|the Arizona Republican", speaks=False)
P("Susan Collins", "United States", "Senator", "f", "the Maine Republican", speaks=False)
P("Lisa Murkowski", "United States", "Senator", "f", "the Alaska Republican", speaks=False)
P("Marco Rubio", "United States", "Senator", "m", "the Florida senator|the Florida Republican", speaks=False)
P("Dianne Feinstein", "United States", "Senator", "f", "the California senator", speaks=False)
P("Joe Manchin", "United States", "Senator", "m", "the West Virginia Democrat", speaks=False)
P("Lindsey Graham", "United States", "Senator", "m", "the South Carolina Republican", speaks=False)
P(
    "Jesse Helms",
    "United States",
    "Senator",
    "m",
    "the North Carolina Republican|the chairman of the Foreign Relations Committee",
    speaks=False,
)
P("Ross Perot", None, "", "m", "the Texas billionaire", speaks=False)
P("Ron DeSantis", "United States", "Governor", "m", "the Florida governor", speaks=False)
P("Wayne LaPierre", "National Rifle Association", "", "m", "the NRA's chief executive", speaks=False)
P("Ajit Pai", "United States", "FCC Chairman", "m", "the FCC chairman", speaks=False)
P("Tom Wheeler", "United States", "FCC Chairman", "m", "the FCC chairman", speaks=False)
# Germany
P("Helmut Kohl", "Germany", "Chancellor", "m", "the chancellor|the German chancellor")
P("Gerhard Schroeder", "Germany", "Chancellor", "m", "the chancellor|the German chancellor")
P("Angela Merkel", "Germany", "Chancellor", "f", "the chancellor|the German chancellor|Germany's chancellor")
P("Olaf Scholz", "Germany", "Chancellor", "m", "the chancellor|the German chancellor")
P(
    "Wolfgang Schaeuble",
    "Germany",
    "Finance Minister",
    "m",
    "the finance minister|Germany's finance minister|the German finance minister",
)
P("Joschka Fischer", "Germany", "Foreign Minister", "m", "the foreign minister|Germany's foreign minister")
P("Heiko Maas", "Germany", "Foreign Minister", "m", "the foreign minister|Germany's foreign minister")
P(
    "Jens Weidmann",
    "Bundesbank",
    "Bundesbank President",
    "m",
    "the Bundesbank chief|the head of Germany's central bank",
)
P("Hubertus Heil", "Germany", "Labour Minister", "m", "the labour minister")
# France
P("Jacques Chirac", "France", "President", "m", "the French president|the president")
P(
    "Dominique de Villepin",
    "France",
    "Foreign Minister",
    "m",
    "the French foreign minister|France's top diplomat",
    surname="de Villepin",
)
P("Nicolas Sarkozy", "France", "President", "m", "the French president")
P("Emmanuel Macron", "France", "President", "m", "the French president|France's president")
P(
    "Bruno Le Maire",
    "France",
    "Finance Minister",
    "m",
    "the French finance minister|France's finance minister",
    surname="Le Maire",
)
P("Elisabeth Borne", "France", "Prime Minister", "f", "the prime minister|the French prime minister")
P("Marine Le Pen", None, "", "f", "the far-right leader", speaks=False, surname="Le Pen")
P("Jean-Luc Melenchon", None, "", "m", "the hard-left leader", speaks=False)
# United Kingdom
P("John Major", "United Kingdom", "Prime Minister", "m", "the prime minister|the British prime minister")
P(
    "Tony Blair",
    "United Kingdom",
    "Prime Minister",
    "m",
    "the prime minister|the British prime minister|Britain's prime minister",
)
P(
    "Gordon Brown",
    "United Kingdom",
    "Chancellor",
    "m",
    "the chancellor of the exchequer|Britain's finance minister",
)
P("David Cameron", "United Kingdom", "Prime Minister", "m", "the prime minister|the British prime minister")
P(
    "Theresa May",
    "United Kingdom",
    "Prime Minister",
    "f",
    "the prime minister|the British prime minister|Britain's prime minister",
)
P("Boris Johnson", "United Kingdom", "Prime Minister", "m", "the prime minister|the British prime minister")
P("George Osborne", "United Kingdom", "Chancellor", "m", "the chancellor|the chancellor of the exchequer")
P("Nigel Farage", None, "", "m", "the Brexit campaigner|the UKIP leader", speaks=False)
P("Jeremy Corbyn", None, "", "m", "the Labour leader|the opposition leader", speaks=False)
P(
    "Nick Clegg",
    "United Kingdom",
    "Deputy Prime Minister",
    "m",
    "the deputy prime minister|the Liberal Democrat leader",
)
P("William Hague", None, "", "m", "the Conservative leader|the Tory leader", speaks=False)
P("Jo Swinson", None, "", "f", "the Liberal Democrat leader", speaks=False)
P(
    "Nicola Sturgeon",
    "Scotland",
    "First Minister",
    "f",
    "Scotland's first minister|the first minister|the SNP leader",
)
P("Alex Salmond", "Scotland", "First Minister", "m", "Scotland's first minister|the first minister")
# EU / international bodies
P(
    "Jean-Claude Juncker",
    "European Commission",
    "Commission President",
    "m",
    "the Commission president|the head of the EU's executive",
)
P(
    "Ursula von der Leyen",
    "European Commission",
    "Commission President",
    "f",
    "the Commission president|the head of the EU's executive",
    surname="von der Leyen",
)
P(
    "Donald Tusk",
    "European Union",
    "European Council President",
    "m",
    "the European Council president|the EU summit chairman",
)
P(
    "Cecilia Malmstrom",
    "European Commission",
    "Trade Commissioner",
    "f",
    "the EU trade commissioner|the bloc's trade chief",
)
P(
    "Federica Mogherini",
    "European Union",
    "EU foreign policy chief",
    "f",
    "the EU's foreign policy chief|the bloc's top diplomat",
    alts="",
)
P(
    "Margrethe Vestager",
    "European Commission",
    "Commissioner",
    "f",
    "the EU's digital chief|the competition commissioner",
)
P(
    "Frans Timmermans",
    "European Commission",
    "Commissioner",
    "m",
    "the EU climate chief|the Commission's vice-president",
)
P(
    "Mario Draghi",
    "European Central Bank",
    "ECB President",
    "m",
    "the ECB president|the head of the European Central Bank",
)
P(
    "Jens Stoltenberg",
    "NATO",
    "NATO Secretary-General",
    "m",
    "the NATO chief|the alliance's secretary-general",
)
P("Javier Solana", "NATO", "NATO Secretary-General", "m", "the NATO chief|the alliance's secretary-general")
P("Kofi Annan", "United Nations", "Secretary-General", "m", "the UN secretary-general|the UN chief")
P("Antonio Guterres", "United Nations", "Secretary-General", "m", "the UN secretary-general|the UN chief")
P(
    "Christine Lagarde",
    "IMF",
    "IMF Managing Director",
    "f",
    "the IMF chief|the head of the International Monetary Fund",
)
P("Pope Francis", "Catholic Church", "", "m", "the pontiff|the Argentine pontiff", surname="Francis")
# Others
P("Vladimir Putin", "Russia", "President", "m", "the Russian president|Russia's president|the Kremlin leader")
P("Boris Yeltsin", "Russia", "President", "m", "the Russian president|the Kremlin leader")
P("Yevgeny Primakov", "Russia", "Prime Minister", "m", "the Russian prime minister")
P("Xi Jinping", "China", "President", "m", "the Chinese president|China's leader", surname="Xi")
P("Zhu Rongji", "China", "Premier", "m", "the Chinese premier|China's premier", surname="Zhu")
P(
    "Wang Yi",
    "China",
    "Foreign Minister",
    "m",
    "the Chinese foreign minister|China's top diplomat",
    surname="Wang",
)
P("Shinzo Abe", "Japan", "Prime Minister", "m", "the Japanese prime minister|Japan's prime minister")
P(
    "Yoshihide Suga",
    "Japan",
    "Chief Cabinet Secretary",
    "m",
    "the chief cabinet secretary|the government's top spokesman",
)
P("Narendra Modi", "India", "Prime Minister", "m", "the Indian prime minister|India's prime minister")
P("Justin Trudeau", "Canada", "Prime Minister", "m", "the Canadian prime minister|Canada's prime minister")
P(
    "Chrystia Freeland",
    "Canada",
    "Foreign Minister",
    "f",
    "Canada's foreign minister|the Canadian foreign minister",
)
P("Jean Chretien", "Canada", "Prime Minister", "m", "the Canadian prime minister|the prime minister")
P("Stephen Harper", "Canada", "Prime Minister", "m", "the Canadian prime minister|the prime minister")
P("Lloyd Axworthy", "Canada", "Foreign Minister", "m", "Canada's foreign minister")
P(
    "Catherine McKenna",
    "Canada",
    "Environment Minister",
    "f",
    "the environment minister|Canada's environment minister",
)
P("Doug Ford", "Ontario", "Premier", "m", "the Ontario premier")
P("Andrew Scheer", None, "", "m", "the Conservative leader|the opposition leader", speaks=False)
P("Jacques Parizeau", "Quebec", "Premier", "m", "the Quebec premier")
P("Lucien Bouchard", None, "", "m", "the Bloc Quebecois leader", speaks=False)
P(
    "Enrique Pena Nieto",
    "Mexico",
    "President",
    "m",
    "the Mexican president|Mexico's president",
    surname="Pena Nieto",
)
P("Carlos Salinas", "Mexico", "President", "m", "the Mexican president")
P("John Howard", "Australia", "Prime Minister", "m", "the Australian prime minister|the prime minister")
P("Julia Gillard", "Australia", "Prime Minister", "f", "the Australian prime minister|the prime minister")
P(
    "Tony Abbott",
    "Australia",
    "Prime Minister",
    "m",
    "the Australian prime minister|the former prime minister",
)
P("Malcolm Turnbull", "Australia", "Prime Minister", "m", "the Australian prime minister|the prime minister")
P("Scott Morrison", "Australia", "Prime Minister", "m", "the Australian prime minister|the prime minister")
P(
    "Jacinda Ardern",
    "New Zealand",
    "Prime Minister",
    "f",
    "New Zealand's prime minister|the New Zealand leader",
)
P(
    "Viktor Orban",
    "Hungary",
    "Prime Minister",
    "m",
    "the Hungarian prime minister|Hungary's prime minister|the Hungarian leader",
)
P(
    "Recep Tayyip Erdogan",
    "Turkey",
    "President",
    "m",
    "the Turkish president|Turkey's president|the Turkish leader",
)
P(
    "Benjamin Netanyahu",
    "Israel",
    "Prime Minister",
    "m",
    "the Israeli prime minister|Israel's prime minister|the Israeli leader",
)
P(
    "Mahmoud Abbas",
    "Palestinian Authority",
    "President",
    "m",
    "the Palestinian president|the Palestinian leader",
)
P("Hassan Rouhani", "Iran", "President", "m", "the Iranian president|Iran's president")
P("Javad Zarif", "Iran", "Foreign Minister", "m", "Iran's foreign minister|the Iranian foreign minister")
P("Sauli Niinisto", "Finland", "President", "m", "the Finnish president|Finland's president")
P("Sanna Marin", "Finland", "Prime Minister", "f", "the Finnish prime minister|Finland's prime minister")
P(
    "Magdalena Andersson",
    "Sweden",
    "Prime Minister",
    "f",
    "the Swedish prime minister|Sweden's prime minister",
)
P("Mark Rutte", "Netherlands", "Prime Minister", "m", "the Dutch prime minister|the Dutch leader")
P("Sebastian Kurz", "Austria", "Chancellor", "m", "the Austrian chancellor|Austria's chancellor")
P("Giuseppe Conte", "Italy", "Prime Minister", "m", "the Italian prime minister|Italy's prime minister")
P("Pedro Sanchez", "Spain", "Prime Minister", "m", "the Spanish prime minister|Spain's prime minister")
P("Mariano Rajoy", "Spain", "Prime Minister", "m", "the Spanish prime minister|Spain's prime minister")
P("Jose Maria Aznar", "Spain", "Prime Minister", "m", "the Spanish prime minister", surname="Aznar")
P("Carles Puigdemont", "Catalonia", "President", "m", "the Catalan leader|the regional president")
P("Paul Magnette", "Wallonia", "Minister-President", "m", "the Walloon leader|the regional premier")
P("Alexis Tsipras", "Greece", "Prime Minister", "m", "the Greek prime minister|Greece's prime minister")
P("Yanis Varoufakis", "Greece", "Finance Minister", "m", "the Greek finance minister")
P("Jair Bolsonaro", "Brazil", "President", "m", "the Brazilian president|Brazil's president")
P("Leo Varadkar", "Ireland", "Taoiseach", "m", "the Irish prime minister|the taoiseach")
P(
    "Moon Jae-in",
    "South Korea",
    "President",
    "m",
    "the South Korean president|South Korea's president",
    surname="Moon",
)
P("Park Geun-hye", "South Korea", "President", "f", "the South Korean president", surname="Park")
P("Rodrigo Duterte", "Philippines", "President", "m", "the Philippine president|the Philippine leader")
P("Gabriel Boric", "Chile", "President", "m", "the Chilean president|Chile's president")
P("Jose Antonio Kast", None, "", "m", "the right-wing leader", speaks=False, surname="Kast")
P("Carrie Lam", "Hong Kong", "Chief Executive", "f", "Hong Kong's leader|the city's chief executive")
P("Omar al-Bashir", "Sudan", "President", "m", "the Sudanese president", surname="Bashir")
P("Slobodan Milosevic", "Yugoslavia", "President", "m", "the Yugoslav president|the Yugoslav leader")
P("Raul Castro", "Cuba", "President", "m", "the Cuban president|Cuba's leader", surname="Castro")
P("Assimi Goita", "Mali", "Colonel", "m", "Mali's military leader|the junta leader")
P("Muammar Gaddafi", "Libya", "", "m", "the Libyan leader", surname="Gaddafi")
P(
    "Guido Westerwelle",
    "Germany",
    "Foreign Minister",
    "m",
    "Germany's foreign minister|the German foreign minister",
)
P("Xanana Gusmao", None, "", "m", "the resistance leader", speaks=False)
P("Bono", None, "", "m", "the U2 singer", speaks=False)
P("Sam Altman", "OpenAI", "", "m", "OpenAI's chief executive", speaks=False)
P("Simon Harris", "Ireland", "Health Minister", "m", "the health minister|Ireland's health minister")

ACTORS["Palestinian Authority"] = dict(
    kind="org",
    names=["the Palestinian Authority", "the PA"],
    metonyms=["Ramallah"],
    roles=[],
    titled=[],
    poss="its",
    pron="it",
    adj="Palestinian",
    state=None,
    speaks=False,
)


def validate(issue_actor_names):
    missing = sorted(set(n for n in issue_actor_names if n not in ACTORS))
    if missing:
        raise SystemExit(f"actors missing from lexicon: {missing}")
