"""Generate a deterministic corpus of synthetic adviser stories for the build benchmark.

The corpus is laid out like the project's content folder, so a site can be built from it:

    OUT_DIR/stories/YYYY-MM-DD-<slug>.md   one story per file, front matter per the story contract
    OUT_DIR/stories/advisers.yml           key -> {name, role, photo?, bio}
    OUT_DIR/stories/vacancies.yml          list of {id, title, url, goals, location, hours, closes, summary}
    OUT_DIR/stories/images/*.svg|*.png     a small shared set of images the stories point at

The same N and seed give byte-identical files: one seeded ``random.Random`` drives every choice, in a
fixed order, and nothing depends on the clock, the locale or the file system order.

Usage: python bench/corpus.py OUT_DIR -n 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import string
import struct
import sys
import time
import unicodedata
import zlib
from pathlib import Path
from typing import Callable

# The team's shared reference data beside the project (../shared/sdg/); from a clone without it, the copy
# the project ships.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SDG_REFERENCE = PROJECT_ROOT.parent / "shared" / "sdg" / "sdg_reference.json"
PROJECT_SDG_DATA = PROJECT_ROOT / "hooks" / "sdg_stories" / "data" / "sdg.json"

# --------------------------------------------------------------------------------------------------
# Vocabulary. Nouns come as (singular, plural) so sentences inflect ("gemeente"/"gemeenten"), which
# is what a Dutch stemmer and Pagefind's search are measured against.
# --------------------------------------------------------------------------------------------------

NL_ORGS = [
    ("gemeente", "gemeenten"),
    ("provincie", "provincies"),
    ("woningcorporatie", "woningcorporaties"),
    ("GGD", "GGD's"),
    ("veiligheidsregio", "veiligheidsregio's"),
    ("omgevingsdienst", "omgevingsdiensten"),
    ("welzijnsorganisatie", "welzijnsorganisaties"),
    ("school", "scholen"),
    ("bibliotheek", "bibliotheken"),
    ("zorgverzekeraar", "zorgverzekeraars"),
    ("gemeente", "gemeenten"),
    ("netbeheerder", "netbeheerders"),
]
NL_GROUPS = [
    ("inwoner", "inwoners"),
    ("bewoner", "bewoners"),
    ("ondernemer", "ondernemers"),
    ("jongere", "jongeren"),
    ("ouder", "ouders"),
    ("vrijwilliger", "vrijwilligers"),
    ("mantelzorger", "mantelzorgers"),
    ("statushouder", "statushouders"),
    ("werkzoekende", "werkzoekenden"),
    ("huurder", "huurders"),
    ("leerling", "leerlingen"),
    ("huisarts", "huisartsen"),
    ("oudere", "ouderen"),
    ("gezin", "gezinnen"),
]
NL_AREAS = [
    ("wijk", "wijken"),
    ("buurt", "buurten"),
    ("dorp", "dorpen"),
    ("kern", "kernen"),
    ("straat", "straten"),
    ("bedrijventerrein", "bedrijventerreinen"),
    ("winkelcentrum", "winkelcentra"),
    ("regio", "regio's"),
]
NL_ADJ = ["kwetsbare", "nieuwe", "lokale", "jonge", "betrokken", "oudere", "kleine", "actieve", "eenzame"]
NL_NUM = ["twee", "drie", "vier", "vijf", "zes", "acht", "tien", "twaalf", "twintig", "veertig", "honderd"]

# Per goal: topics read well bare ("werken aan energiearmoede"); things inflect.
NL_THEMES: dict[int, tuple[list[str], list[tuple[str, str]]]] = {
    1: (
        ["armoedebestrijding", "schuldhulpverlening", "vroegsignalering van schulden", "bestaanszekerheid"],
        [
            ("toeslag", "toeslagen"),
            ("betalingsachterstand", "betalingsachterstanden"),
            ("minimaregeling", "minimaregelingen"),
        ],
    ),
    2: (
        ["voedselzekerheid", "stadslandbouw", "gezonde voeding", "korte ketens"],
        [("voedselbank", "voedselbanken"), ("moestuin", "moestuinen"), ("boer", "boeren")],
    ),
    3: (
        ["gezondheid in de wijk", "mentale gezondheid", "preventie", "welzijn op recept"],
        [
            ("huisartsenpraktijk", "huisartsenpraktijken"),
            ("sportvereniging", "sportverenigingen"),
            ("buurtcoach", "buurtcoaches"),
        ],
    ),
    4: (
        ["laaggeletterdheid", "onderwijsachterstanden", "een leven lang ontwikkelen", "taalonderwijs"],
        [("taalcafé", "taalcafés"), ("stageplek", "stageplekken"), ("leerling", "leerlingen")],
    ),
    5: (
        ["gendergelijkheid", "gelijke beloning", "de veiligheid van vrouwen", "economische zelfstandigheid"],
        [("netwerk", "netwerken"), ("mentor", "mentoren"), ("ondernemster", "ondernemsters")],
    ),
    6: (
        ["waterkwaliteit", "schoon drinkwater", "waterbesparing", "het beheer van de riolering"],
        [("zuiveringsinstallatie", "zuiveringsinstallaties"), ("regenton", "regentonnen"), ("sloot", "sloten")],
    ),
    7: (
        ["energiearmoede", "de energietransitie", "isolatie van huurwoningen", "lokale energie"],
        [("zonnepaneel", "zonnepanelen"), ("warmtepomp", "warmtepompen"), ("energiecoöperatie", "energiecoöperaties")],
    ),
    8: (
        ["werkgelegenheid", "werk voor statushouders", "de lokale economie", "goed werkgeverschap"],
        [("baan", "banen"), ("werkgever", "werkgevers"), ("leerwerkplek", "leerwerkplekken")],
    ),
    9: (
        ["digitale infrastructuur", "innovatie in het mkb", "bereikbaarheid", "glasvezel op het platteland"],
        [("fietspad", "fietspaden"), ("bedrijventerrein", "bedrijventerreinen"), ("brug", "bruggen")],
    ),
    10: (
        ["inclusie", "kansengelijkheid", "toegankelijkheid", "integratie"],
        [("statushouder", "statushouders"), ("drempel", "drempels"), ("ontmoetingsplek", "ontmoetingsplekken")],
    ),
    11: (
        ["veilige winkelcentra", "betaalbaar wonen", "groene openbare ruimte", "duurzame mobiliteit"],
        [("woning", "woningen"), ("plein", "pleinen"), ("speeltuin", "speeltuinen")],
    ),
    12: (
        ["circulaire inkoop", "afvalscheiding", "hergebruik van materialen", "duurzaam inkopen"],
        [("kringloopwinkel", "kringloopwinkels"), ("repaircafé", "repaircafés"), ("grondstof", "grondstoffen")],
    ),
    13: (
        ["klimaatadaptatie", "hittestress", "wateroverlast", "CO2-reductie"],
        [("groen dak", "groene daken"), ("boom", "bomen"), ("wadi", "wadi's")],
    ),
    14: (
        ["zwerfafval in het water", "een gezonde Noordzee", "duurzame visserij", "schone kusten"],
        [("strand", "stranden"), ("haven", "havens"), ("vissoort", "vissoorten")],
    ),
    15: (
        ["biodiversiteit", "natuurinclusief bouwen", "bodemkwaliteit", "ecologisch bermbeheer"],
        [("bijenhotel", "bijenhotels"), ("houtwal", "houtwallen"), ("natuurgebied", "natuurgebieden")],
    ),
    16: (
        ["ondermijning", "veiligheid in de wijk", "burgerparticipatie", "transparant bestuur"],
        [
            ("wijkagent", "wijkagenten"),
            ("buurtpreventieteam", "buurtpreventieteams"),
            ("inspraakavond", "inspraakavonden"),
        ],
    ),
    17: (
        ["regionale samenwerking", "open data", "internationale stedenbanden", "publiek-private samenwerking"],
        [("partnerschap", "partnerschappen"), ("convenant", "convenanten"), ("dataset", "datasets")],
    ),
}

NL_SENTENCES = [
    "In {place} merken {grp_pl} al jaren dat {topic} niet vanzelf goed geregeld is.",
    "De {org} wilde weten wat {grp_pl} zelf nodig hebben om mee te doen.",
    "Daarom spraken we met {num} {grp_pl} uit verschillende {area_pl}.",
    "Elke {org} kent het vraagstuk, maar weinig {org_pl} pakken {topic} samen aan.",
    "De eerste stap was een gesprek aan de keukentafel met {adj} {grp_pl}.",
    "{first} zag snel dat de regels voor {topic} in iedere {org} anders zijn.",
    "Wat in de ene {area} werkt, werkt in een andere {area} soms helemaal niet.",
    "Samen met {org_pl} in de regio maakten we afspraken over {topic}.",
    "Het resultaat: {pct} procent meer {grp_pl} vindt de weg naar de juiste hulp.",
    "Dat klinkt eenvoudig, maar het vraagt tijd, geduld en vertrouwen.",
    "We begonnen klein, met één {area} en een handvol {grp_pl}.",
    "Na een jaar deden {num} {area_pl} mee en sloten ook {org_pl} aan.",
    "{grp_pl} kregen een vaste contactpersoon bij de {org}.",
    "De gemeente {place} trok daarvoor in {year} extra geld uit.",
    "Niet alles ging in één keer goed: de eerste planning bleek te krap.",
    "Een belangrijke les is dat je {grp_pl} vanaf het begin moet betrekken.",
    "Zo ontstond een netwerk van {org_pl}, {grp_pl} en {grp2_pl} dat elkaar nu makkelijk vindt.",
    "Voor {topic} is dat geen luxe, maar een voorwaarde.",
    "Ook de wethouder van {place} sprak uit dat {topic} voorrang krijgt.",
    "In {year} volgde een evaluatie met alle betrokken {org_pl}.",
    "Die liet zien dat de aanpak rond {topic} ook in andere {org_pl} kan werken.",
    "{first}: 'Je moet durven beginnen zonder dat alles al vastligt.'",
    "De cijfers van het CBS bevestigen het beeld: {topic} staat in veel {area_pl} onder druk.",
    "Tegelijk zien we dat {adj} {grp_pl} vaak buiten beeld blijven.",
    "Met een eenvoudige monitor houden we bij hoe het met {topic} gaat.",
    "Elke drie maanden bespreken we de uitkomsten met de {org} en de {grp_pl}.",
    "Daarbij letten we vooral op wat {grp_pl} zelf als verbetering ervaren.",
    "Een gemeente kan dit niet alleen; gemeenten hebben elkaar en hun partners nodig.",
    "Kleine gemeenten hebben vaak minder capaciteit, maar wel korte lijnen.",
    "Het {proj} in {place} laat zien hoe {topic} en {topic2} samenhangen.",
    "Dat maakt de bijdrage aan doel {goal} van de Verenigde Naties concreet.",
    "Wie in {place} woont, merkt het verschil in de eigen {area}.",
    "De budgetten zijn beperkt, dus we kiezen voor maatregelen met het meeste effect.",
    "Zo gaat er minder geld naar rapporten en meer naar {thing_pl}.",
    "Bij de start stonden {num} {grp_pl} op een wachtlijst.",
    "Inmiddels is die wachtlijst met {pct} procent gekrompen.",
    "Voor {org_pl} die hetzelfde willen, schreven we een korte handreiking.",
    "Daarin staat stap voor stap hoe je {topic} organiseert met {grp_pl}.",
    "Het mooiste compliment kwam van een {grp} uit {place}: 'Eindelijk luistert iemand.'",
    "De komende jaren willen we de aanpak uitbreiden naar {num} {area_pl}.",
    "Daarvoor zoeken we nog {grp_pl} en collega's die willen meedenken.",
    "Ook de provincie {prov} heeft belangstelling getoond.",
    "Belangrijk is dat {topic} niet afhangt van één enthousiaste ambtenaar.",
    "Daarom is de aanpak vastgelegd in het beleid van de {org}.",
    "Toch blijft het maatwerk: geen {area} is hetzelfde.",
    "Elke {thing} telt, maar pas met {num} {thing_pl} zie je echt verschil.",
    "In de {area} rond het station kwamen er in {year} {num} {thing_pl} bij.",
    "{grp_pl} in {place} denken inmiddels mee over de volgende {thing_pl}.",
    "De {org} van {place} deelt haar ervaringen graag met andere gemeenten.",
    "Wat ons opviel: {adj} {grp_pl} hebben vaak de beste ideeën.",
]
NL_HEADINGS = [
    "Waar het begon",
    "De aanpak",
    "Wat het oplevert",
    "Lessen voor andere gemeenten",
    "Samenwerken met {grp_pl}",
    "Wat er nog moet gebeuren",
    "Volgende stappen",
    "De rol van de adviseur",
    "Van pilot naar beleid",
    "Wat {grp_pl} ervan vinden",
    "{topic_cap} in {place}",
    "Meten is weten",
]
NL_BULLETS = [
    "{topic_cap} in kaart brengen met {grp_pl}",
    "afspraken maken met {org_pl} over {thing_pl}",
    "een vast aanspreekpunt voor {grp_pl}",
    "elk kwartaal meten wat er verandert in de {area_pl}",
    "kennis delen met andere gemeenten in de regio",
    "{num} {thing_pl} in de eerste fase",
    "een klankbordgroep van {adj} {grp_pl}",
    "budget vrijmaken in de begroting van {year}",
    "een evaluatie na twaalf maanden",
]
NL_TITLES = [
    "{role} over {topic_main} in {place}",
    "Hoe {place} werkt aan {topic_main}",
    "{topic_main_cap} in {place}: wat {grp_pl} ervan leerden",
    "Samen met {grp_pl} aan de slag met {topic_main}",
    "Van pilot naar beleid: {topic_main} in {place}",
    "Waarom {org_pl} investeren in {topic_main}",
    "{num_cap} {area_pl} in {place} kiezen voor {topic_main}",
    "Meer {thing_pl} voor {grp_pl} in {place}",
]
NL_SUMMARIES = [
    "Hoe de gemeente {place} met {grp_pl} en {org_pl} werkt aan {topic_main}.",
    "{first} vertelt wat {num} {area_pl} in {place} leerden over {topic_main}.",
    "Een aanpak voor {topic_main} die {grp_pl} zelf mee vormgaven.",
    "Wat andere gemeenten kunnen leren van {topic_main} in {place}.",
]
NL_LINKS = [
    ("de doelpagina van de Verenigde Naties", "https://sdgs.un.org/goals/goal{goal}"),
    ("SDG Nederland", "https://www.sdgnederland.nl/sdg/{goal}/"),
    ("de Vereniging van Nederlandse Gemeenten", "https://vng.nl/artikelen/gemeenten4globalgoals"),
    ("de cijfers van het CBS", "https://www.cbs.nl/nl-nl/dossier/sdg-s"),
    ("de handreiking van de rijksoverheid", "https://www.rijksoverheid.nl/onderwerpen/duurzame-ontwikkeling"),
]
NL_LINK_SENTENCES = [
    "Meer achtergrond staat bij [{text}]({url}).",
    "Wie verder wil lezen, vindt veel informatie bij [{text}]({url}).",
    "De aanpak sluit aan bij wat [{text}]({url}) beschrijft.",
]
NL_ALTS = [
    "{grp_pl} in gesprek over {topic} in {place}",
    "Een {area} in {place} waar gewerkt wordt aan {topic}",
    "Overleg met {org_pl} over {thing_pl}",
]
NL_ROLES: list[tuple[str, list[int]]] = [
    ("Adviseur duurzaamheid", [7, 12, 13]),
    ("Beleidsadviseur wonen", [11, 1]),
    ("Adviseur OOV", [16, 11]),
    ("Adviseur sociaal domein", [1, 3, 10]),
    ("Adviseur klimaatadaptatie", [13, 6, 15]),
    ("Adviseur energietransitie", [7, 13]),
    ("Beleidsadviseur armoede en schulden", [1, 10]),
    ("Adviseur circulaire economie", [12, 9]),
    ("Adviseur onderwijs", [4, 10]),
    ("Adviseur gezondheid", [3, 2]),
    ("Programmamanager Global Goals", [17, 16]),
    ("Adviseur economie en werk", [8, 9]),
    ("Adviseur waterbeheer", [6, 14]),
    ("Adviseur biodiversiteit", [15, 14]),
    ("Adviseur internationale samenwerking", [17, 5]),
    ("Adviseur mobiliteit", [11, 9]),
    ("Adviseur inclusie en gelijke kansen", [5, 10]),
    ("Adviseur voedsel en landbouw", [2, 12]),
]
NL_BIOS = [
    "{first} werkt sinds {year} als {role_lc} en adviseert gemeenten in heel Nederland.",
    "{first} begon als beleidsmedewerker in {place} en is nu {role_lc}.",
    "Als {role_lc} verbindt {first} gemeenten, maatschappelijke partners en inwoners.",
]

EN_ORGS = [
    ("municipality", "municipalities"),
    ("province", "provinces"),
    ("housing association", "housing associations"),
    ("water board", "water boards"),
    ("public health service", "public health services"),
    ("school", "schools"),
    ("library", "libraries"),
    ("welfare organisation", "welfare organisations"),
    ("grid operator", "grid operators"),
]
EN_GROUPS = [
    ("resident", "residents"),
    ("entrepreneur", "entrepreneurs"),
    ("young person", "young people"),
    ("parent", "parents"),
    ("volunteer", "volunteers"),
    ("carer", "carers"),
    ("refugee", "refugees"),
    ("jobseeker", "jobseekers"),
    ("tenant", "tenants"),
    ("pupil", "pupils"),
    ("older resident", "older residents"),
]
EN_AREAS = [
    ("neighbourhood", "neighbourhoods"),
    ("district", "districts"),
    ("village", "villages"),
    ("street", "streets"),
    ("business park", "business parks"),
    ("shopping centre", "shopping centres"),
    ("region", "regions"),
]
EN_ADJ = ["vulnerable", "new", "local", "young", "engaged", "older", "small", "active", "isolated"]
EN_NUM = ["two", "three", "four", "five", "six", "eight", "ten", "twelve", "twenty", "forty", "a hundred"]
EN_THEMES: dict[int, tuple[list[str], list[tuple[str, str]]]] = {
    1: (
        ["poverty reduction", "debt counselling", "early detection of debt", "income security"],
        [("allowance", "allowances"), ("payment arrear", "payment arrears"), ("support scheme", "support schemes")],
    ),
    2: (
        ["food security", "urban farming", "healthy food", "short supply chains"],
        [("food bank", "food banks"), ("vegetable garden", "vegetable gardens"), ("farmer", "farmers")],
    ),
    3: (
        ["health in the neighbourhood", "mental health", "prevention", "social prescribing"],
        [("GP practice", "GP practices"), ("sports club", "sports clubs"), ("health coach", "health coaches")],
    ),
    4: (
        ["low literacy", "educational disadvantage", "lifelong learning", "language teaching"],
        [("language café", "language cafés"), ("internship", "internships"), ("pupil", "pupils")],
    ),
    5: (
        ["gender equality", "equal pay", "women's safety", "economic independence"],
        [("network", "networks"), ("mentor", "mentors"), ("female founder", "female founders")],
    ),
    6: (
        ["water quality", "clean drinking water", "saving water", "sewer management"],
        [("treatment plant", "treatment plants"), ("rain barrel", "rain barrels"), ("ditch", "ditches")],
    ),
    7: (
        ["energy poverty", "the energy transition", "insulating rented homes", "local energy"],
        [("solar panel", "solar panels"), ("heat pump", "heat pumps"), ("energy cooperative", "energy cooperatives")],
    ),
    8: (
        ["employment", "work for refugees", "the local economy", "good employment practice"],
        [("job", "jobs"), ("employer", "employers"), ("apprenticeship", "apprenticeships")],
    ),
    9: (
        ["digital infrastructure", "innovation in small firms", "accessibility", "rural broadband"],
        [("cycle path", "cycle paths"), ("business park", "business parks"), ("bridge", "bridges")],
    ),
    10: (
        ["inclusion", "equal opportunities", "accessibility", "integration"],
        [("newcomer", "newcomers"), ("barrier", "barriers"), ("meeting place", "meeting places")],
    ),
    11: (
        ["safe shopping centres", "affordable housing", "green public space", "sustainable mobility"],
        [("home", "homes"), ("square", "squares"), ("playground", "playgrounds")],
    ),
    12: (
        ["circular procurement", "waste separation", "reuse of materials", "sustainable purchasing"],
        [("charity shop", "charity shops"), ("repair café", "repair cafés"), ("raw material", "raw materials")],
    ),
    13: (
        ["climate adaptation", "heat stress", "flooding", "CO2 reduction"],
        [("green roof", "green roofs"), ("tree", "trees"), ("rain garden", "rain gardens")],
    ),
    14: (
        ["litter in the water", "a healthy North Sea", "sustainable fishing", "clean coasts"],
        [("beach", "beaches"), ("harbour", "harbours"), ("fish species", "fish species")],
    ),
    15: (
        ["biodiversity", "nature-inclusive building", "soil quality", "ecological verge management"],
        [("bee hotel", "bee hotels"), ("hedgerow", "hedgerows"), ("nature reserve", "nature reserves")],
    ),
    16: (
        ["organised crime", "neighbourhood safety", "citizen participation", "transparent government"],
        [
            ("community officer", "community officers"),
            ("neighbourhood watch", "neighbourhood watches"),
            ("public hearing", "public hearings"),
        ],
    ),
    17: (
        ["regional cooperation", "open data", "international city partnerships", "public-private partnership"],
        [("partnership", "partnerships"), ("covenant", "covenants"), ("dataset", "datasets")],
    ),
}
EN_SENTENCES = [
    "In {place}, {grp_pl} have known for years that {topic} does not sort itself out.",
    "The {org} wanted to know what {grp_pl} need in order to take part.",
    "So we talked to {num} {grp_pl} from different {area_pl}.",
    "Every {org} knows the issue, but few {org_pl} tackle {topic} together.",
    "The first step was a kitchen-table conversation with {adj} {grp_pl}.",
    "{first} soon saw that the rules for {topic} differ in every {org}.",
    "What works in one {area} sometimes fails completely in another {area}.",
    "Together with {org_pl} in the region we made agreements about {topic}.",
    "The result: {pct} percent more {grp_pl} find their way to the right support.",
    "That sounds simple, but it takes time, patience and trust.",
    "We started small, with one {area} and a handful of {grp_pl}.",
    "After a year, {num} {area_pl} had joined and {org_pl} came on board too.",
    "{grp_pl} got a single point of contact at the {org}.",
    "The municipality of {place} set aside extra money for it in {year}.",
    "Not everything went right at once: the first schedule turned out to be too tight.",
    "An important lesson is that you involve {grp_pl} from the very start.",
    "That grew into a network of {org_pl}, {grp_pl} and {grp2_pl} who now find each other easily.",
    "For {topic} that is not a luxury but a precondition.",
    "The alderman of {place} also said that {topic} will get priority.",
    "In {year} an evaluation followed with all the {org_pl} involved.",
    "It showed that the approach to {topic} can work in other {org_pl} as well.",
    "{first}: 'You have to dare to start before everything is settled.'",
    "Statistics Netherlands confirms the picture: {topic} is under pressure in many {area_pl}.",
    "At the same time, {adj} {grp_pl} often stay out of sight.",
    "A simple monitor keeps track of how {topic} is doing.",
    "Every three months we discuss the results with the {org} and the {grp_pl}.",
    "We look above all at what {grp_pl} themselves experience as an improvement.",
    "A municipality cannot do this alone; municipalities need each other and their partners.",
    "The {proj} in {place} shows how {topic} and {topic2} are connected.",
    "That makes the contribution to United Nations goal {goal} tangible.",
    "Budgets are limited, so we choose the measures with the greatest effect.",
    "Less money goes to reports and more to {thing_pl}.",
    "At the start, {num} {grp_pl} were on a waiting list.",
    "That waiting list has since shrunk by {pct} percent.",
    "For {org_pl} that want to do the same, we wrote a short guide.",
    "The coming years we want to extend the approach to {num} {area_pl}.",
    "What struck us: {adj} {grp_pl} often have the best ideas.",
    "Every {thing} counts, but only with {num} {thing_pl} do you see a real difference.",
]
EN_HEADINGS = [
    "Where it started",
    "The approach",
    "What it delivers",
    "Lessons for other municipalities",
    "Working with {grp_pl}",
    "What still needs doing",
    "Next steps",
    "The adviser's role",
    "From pilot to policy",
    "{topic_cap} in {place}",
]
EN_BULLETS = [
    "mapping {topic} together with {grp_pl}",
    "agreements with {org_pl} about {thing_pl}",
    "a single point of contact for {grp_pl}",
    "measuring every quarter what changes in the {area_pl}",
    "sharing knowledge with other municipalities in the region",
    "{num} {thing_pl} in the first phase",
    "a sounding board of {adj} {grp_pl}",
]
EN_TITLES = [
    "How {place} works on {topic_main}",
    "{topic_main_cap} in {place}: what {grp_pl} learned",
    "Working with {grp_pl} on {topic_main}",
    "From pilot to policy: {topic_main} in {place}",
    "Why {org_pl} invest in {topic_main}",
    "More {thing_pl} for {grp_pl} in {place}",
]
EN_SUMMARIES = [
    "How the municipality of {place} works on {topic_main} with {grp_pl} and {org_pl}.",
    "{first} explains what {num} {area_pl} in {place} learned about {topic_main}.",
    "An approach to {topic_main} that {grp_pl} helped to shape.",
]
EN_LINKS = [
    ("the United Nations goal page", "https://sdgs.un.org/goals/goal{goal}"),
    ("SDG Netherlands", "https://www.sdgnederland.nl/sdg/{goal}/"),
    ("the Association of Netherlands Municipalities", "https://vng.nl/artikelen/gemeenten4globalgoals"),
]
EN_LINK_SENTENCES = [
    "More background is available from [{text}]({url}).",
    "The approach follows what [{text}]({url}) describes.",
]
EN_ALTS = [
    "{grp_pl} discussing {topic} in {place}",
    "A {area} in {place} where people work on {topic}",
]

PLACES = [
    "Zwolle",
    "Deventer",
    "Tilburg",
    "Groningen",
    "Leeuwarden",
    "Assen",
    "Emmen",
    "Almere",
    "Lelystad",
    "Amersfoort",
    "Utrecht",
    "Nijmegen",
    "Arnhem",
    "Apeldoorn",
    "Enschede",
    "Hengelo",
    "Breda",
    "Eindhoven",
    "Helmond",
    "Venlo",
    "Maastricht",
    "Heerlen",
    "Middelburg",
    "Vlissingen",
    "Goes",
    "Dordrecht",
    "Gouda",
    "Leiden",
    "Delft",
    "Haarlem",
    "Alkmaar",
    "Hoorn",
    "Zaanstad",
    "Purmerend",
    "Hilversum",
    "Ede",
    "Zutphen",
    "Meppel",
    "Sneek",
    "Harderwijk",
    "Oss",
    "Roermond",
    "Terneuzen",
    "Den Helder",
    "Schiedam",
]
PROVINCES = [
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]
FIRST_NAMES = [
    "Anna",
    "Dirk",
    "Fatima",
    "Sanne",
    "Joost",
    "Mohamed",
    "Lotte",
    "Pieter",
    "Eva",
    "Bram",
    "Noor",
    "Thijs",
    "Iris",
    "Kees",
    "Yasmina",
    "Ruben",
    "Marieke",
    "Hasan",
    "Femke",
    "Jeroen",
    "Esther",
    "Wouter",
    "Lisa",
    "Ahmet",
    "Ingrid",
    "Sven",
    "Priya",
    "Maarten",
    "Anouk",
    "Tom",
    "Naima",
    "Gert",
    "Sophie",
    "Bas",
    "Linda",
]
LAST_NAMES = [
    "Blokhuis",
    "de Vries",
    "Jansen",
    "van der Berg",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yilmaz",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Kramer",
    "van Leeuwen",
    "Postma",
    "Koster",
    "Verhoeven",
    "Prins",
    "Huisman",
    "van den Heuvel",
    "Kuipers",
    "Hoekstra",
    "Bouali",
    "Schouten",
    "Wijnands",
]
VACANCY_ROLES: list[tuple[str, str, list[int]]] = [
    ("adviseur-oov", "Adviseur Openbare Orde en Veiligheid", [11, 16]),
    ("adviseur-energietransitie", "Adviseur Energietransitie", [7, 13]),
    ("beleidsadviseur-armoede", "Beleidsadviseur Armoede en Schulden", [1, 10]),
    ("adviseur-klimaatadaptatie", "Adviseur Klimaatadaptatie", [13, 6]),
    ("projectleider-circulair", "Projectleider Circulaire Economie", [12]),
    ("adviseur-onderwijs", "Adviseur Onderwijs en Laaggeletterdheid", [4]),
    ("adviseur-gezondheid", "Adviseur Publieke Gezondheid", [3]),
    ("programmamanager-global-goals", "Programmamanager Global Goals", [17]),
    ("adviseur-werk-inkomen", "Adviseur Werk en Inkomen", [8, 1]),
    ("adviseur-water", "Adviseur Waterkwaliteit", [6, 14]),
    ("ecoloog", "Ecoloog Openbare Ruimte", [15]),
    ("adviseur-wonen", "Beleidsadviseur Wonen", [11]),
    ("adviseur-inclusie", "Adviseur Inclusie en Gelijke Kansen", [5, 10]),
    ("adviseur-mobiliteit", "Adviseur Mobiliteit", [11, 9]),
    ("adviseur-voedsel", "Adviseur Voedselbeleid", [2, 12]),
    ("adviseur-participatie", "Adviseur Participatie", [16, 10]),
    ("data-analist-sdg", "Data-analist SDG-monitor", [17, 9]),
    ("adviseur-internationaal", "Adviseur Internationale Samenwerking", [17, 5]),
    ("adviseur-natuur", "Adviseur Natuur en Landschap", [15, 13]),
    ("adviseur-duurzaam-inkopen", "Adviseur Duurzaam Inkopen", [12, 8]),
]
HOURS = ["32-36 uur", "36 uur", "24-32 uur", "28-36 uur", "32 uur"]
STORY_IMAGES = [
    ("story-wijk.svg", "#FD9D24"),
    ("story-water.svg", "#26BDE2"),
    ("story-energie.svg", "#FCC30B"),
    ("story-natuur.svg", "#56C02B"),
    ("story-overleg.svg", "#19486A"),
    ("story-school.svg", "#C5192D"),
    ("story-haven.png", (10, 151, 217)),
    ("story-markt.png", (221, 166, 58)),
]
AVATARS = [
    ("avatar-1.svg", "#4C9F38"),
    ("avatar-2.svg", "#A21942"),
    ("avatar-3.svg", "#00689D"),
    ("avatar-4.png", (63, 126, 68)),
]

START_DATE = dt.date(2016, 1, 4)
END_DATE = dt.date(2025, 6, 27)


# --------------------------------------------------------------------------------------------------
# Text generation
# --------------------------------------------------------------------------------------------------


def _compile(templates: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Pre-parse each template's slot names, so filling it draws only the slots it uses."""
    fmt = string.Formatter()
    return [(t, tuple(dict.fromkeys(name for _, name, _, _ in fmt.parse(t) if name))) for t in templates]


class _Bank:
    """One language's vocabulary with compiled templates."""

    def __init__(self, lang: str) -> None:
        nl = lang == "nl"
        self.orgs = NL_ORGS if nl else EN_ORGS
        self.groups = NL_GROUPS if nl else EN_GROUPS
        self.areas = NL_AREAS if nl else EN_AREAS
        self.adj = NL_ADJ if nl else EN_ADJ
        self.nums = NL_NUM if nl else EN_NUM
        self.themes = NL_THEMES if nl else EN_THEMES
        self.sentences = _compile(NL_SENTENCES if nl else EN_SENTENCES)
        self.headings = _compile(NL_HEADINGS if nl else EN_HEADINGS)
        self.bullets = _compile(NL_BULLETS if nl else EN_BULLETS)
        self.titles = _compile(NL_TITLES if nl else EN_TITLES)
        self.summaries = _compile(NL_SUMMARIES if nl else EN_SUMMARIES)
        self.links = NL_LINKS if nl else EN_LINKS
        self.link_sentences = NL_LINK_SENTENCES if nl else EN_LINK_SENTENCES
        self.alts = _compile(NL_ALTS if nl else EN_ALTS)
        self.proj = ["project", "programma", "initiatief"] if nl else ["project", "programme", "initiative"]


class _Story:
    """Per-story context: the slots that keep one story about one place, adviser and set of goals."""

    def __init__(self, rng: random.Random, bank: _Bank, goals: list[int], place: str, first: str, role: str):
        self.rng = rng
        self.bank = bank
        self.goals = goals
        self.place = place
        self.first = first
        self.role = role
        # Title and summary share one topic of the first goal, as a real story has one subject.
        self.main_topic = rng.choice(bank.themes[goals[0]][0])
        # Slot name -> drawer; bound here so filling a template is one dict lookup per slot.
        self.drawers: dict[str, Callable[[], str]] = {
            "place": self._place,
            "org": lambda: rng.choice(bank.orgs)[0],
            "org_pl": lambda: rng.choice(bank.orgs)[1],
            "grp": lambda: rng.choice(bank.groups)[0],
            "grp_pl": lambda: rng.choice(bank.groups)[1],
            "grp2_pl": lambda: rng.choice(bank.groups)[1],
            "area": lambda: rng.choice(bank.areas)[0],
            "area_pl": lambda: rng.choice(bank.areas)[1],
            "adj": lambda: rng.choice(bank.adj),
            "num": lambda: rng.choice(bank.nums),
            "num_cap": lambda: rng.choice(bank.nums).capitalize(),
            "pct": lambda: str(rng.randint(8, 70)),
            "year": lambda: str(rng.randint(2016, 2025)),
            "first": lambda: first,
            "topic": self._topic,
            "topic2": self._topic,
            "topic_cap": lambda: _cap(self._topic()),
            "topic_main": lambda: self.main_topic,
            "topic_main_cap": lambda: _cap(self.main_topic),
            "thing": lambda: self._thing()[0],
            "thing_pl": lambda: self._thing()[1],
            "goal": lambda: str(rng.choice(goals)),
            "prov": lambda: rng.choice(PROVINCES),
            "proj": lambda: rng.choice(bank.proj),
            "role": lambda: role,
        }

    def _place(self) -> str:
        # Mostly the story's own town, sometimes a neighbour, as real stories mention others.
        return self.place if self.rng.random() < 0.8 else self.rng.choice(PLACES)

    def _goal(self) -> int:
        return self.goals[0] if self.rng.random() < 0.6 else self.rng.choice(self.goals)

    def _topic(self) -> str:
        return self.rng.choice(self.bank.themes[self._goal()][0])

    def _thing(self) -> tuple[str, str]:
        return self.rng.choice(self.bank.themes[self._goal()][1])

    def fill(self, template: tuple[str, tuple[str, ...]]) -> str:
        text, slots = template
        return _cap(text.format_map({name: self.drawers[name]() for name in slots}))

    def pick(self, templates: list[tuple[str, tuple[str, ...]]]) -> str:
        return self.fill(self.rng.choice(templates))

    def pick_new(self, templates: list[tuple[str, tuple[str, ...]]], used: set[int]) -> str:
        """Like pick, but never the same template twice in one set (headings, list items)."""
        index = self.rng.randrange(len(templates))
        while index in used:
            index = self.rng.randrange(len(templates))
        used.add(index)
        return self.fill(templates[index])


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _generate_body(story: _Story, words: int, image: str | None, image_alt: str) -> str:
    """Paragraphs under 2-4 `##` headings, one bullet list, one external link, optionally an image.

    Words are counted sentence by sentence, so a body overshoots its target by one sentence at most.
    """
    rng = story.rng
    bank = story.bank
    sections = rng.randint(2, 4) + 1
    list_section = rng.randint(1, sections - 1)
    link_section = rng.randrange(sections)
    image_section = rng.randint(1, sections - 1) if image else -1
    used_headings: set[int] = set()
    parts: list[str] = []
    count = 0
    for section in range(sections):
        if section:
            heading = story.pick_new(bank.headings, used_headings)
            parts.append("## " + heading)
            count += len(heading.split())
        quota = words * (section + 1) / sections
        paragraph: list[str] = []
        if section == link_section:
            text, url = rng.choice(bank.links)
            link = rng.choice(bank.link_sentences).format(text=text, url=url.format(goal=rng.choice(story.goals)))
            paragraph.append(link)
            count += len(link.split())
        first_paragraph = True
        length = rng.randint(3, 6)
        while count < quota or paragraph:
            if count < quota:
                sentence = story.pick(bank.sentences)
                # The link sentence closes its paragraph rather than opening the section.
                paragraph.insert(len(paragraph) - (section == link_section and first_paragraph), sentence)
                count += len(sentence.split())
            if len(paragraph) < length and count < quota:
                continue
            parts.append(" ".join(paragraph))
            paragraph = []
            length = rng.randint(3, 6)
            if first_paragraph and section == list_section:
                used_bullets: set[int] = set()
                items = ["- " + story.pick_new(bank.bullets, used_bullets) for _ in range(rng.randint(3, 5))]
                parts.append("\n".join(items))
                count += sum(len(i.split()) - 1 for i in items)
            if first_paragraph and section == image_section:
                parts.append(f"![{image_alt}]({image})")
            first_paragraph = False
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------------------------------
# YAML and file writing (by hand: the output must be byte-stable and keep targets unquoted)
# --------------------------------------------------------------------------------------------------

_PLAIN_YAML = re.compile(r"^[A-Za-zÀ-ÿ0-9][^:#\"'\n{}\[\],&*!|>%@`]*$")


def _yaml_str(value: str) -> str:
    """Plain scalar when YAML reads it back as the same string, else a JSON (= YAML) quoted one."""
    if (
        _PLAIN_YAML.match(value)
        and not value.endswith(" ")
        and not re.fullmatch(r"[\d.\-+eE]+|yes|no|true|false|null|on|off", value, re.I)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow_list(values: list) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    return slug


def _render_svg(label: str, color: str, width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">\n'
        f"  <title>{label}</title>\n"
        f'  <rect width="{width}" height="{height}" fill="{color}"/>\n'
        f'  <circle cx="{width // 2}" cy="{height // 2}" r="{min(width, height) // 4}" fill="#ffffff" opacity="0.6"/>\n'
        "</svg>\n"
    )


def _render_png(rgb: tuple[int, int, int], width: int, height: int) -> bytes:
    """A small gradient PNG, written with zlib only (no imaging library needed)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        shade = y * 96 // max(1, height - 1)
        for _ in range(width):
            rows.extend(max(0, c - shade) for c in rgb)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def _write_images(images_dir: Path) -> None:
    images_dir.mkdir(parents=True, exist_ok=True)
    for name, color in STORY_IMAGES + AVATARS:
        path = images_dir / name
        label = name.rsplit(".", 1)[0]
        if name.endswith(".svg"):
            size = (160, 160) if name.startswith("avatar") else (800, 450)
            path.write_text(_render_svg(label, color, *size), encoding="utf-8", newline="\n")
        else:
            size = (64, 64) if name.startswith("avatar") else (160, 90)
            path.write_bytes(_render_png(color, *size))


# --------------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------------


def _load_targets(reference: Path | None) -> dict[int, list[str]]:
    """Target ids per goal, in reference order, from sdg_reference.json or the project's sdg.json."""
    if reference is None:
        reference = SDG_REFERENCE if SDG_REFERENCE.exists() else PROJECT_SDG_DATA
    data = json.loads(reference.read_text(encoding="utf-8"))
    by_goal: dict[int, list[str]] = {}
    if "targets" in data:  # sdg_reference.json: a flat list of targets, each naming its goal
        for target in data["targets"]:
            by_goal.setdefault(int(target["goal"]), []).append(target["id"])
    else:  # the project's sdg.json: targets nested in their goal
        for goal in data["goals"]:
            by_goal[int(goal["id"])] = [target["id"] for target in goal["targets"]]
    return by_goal


def _generate_advisers(rng: random.Random, count: int) -> list[dict]:
    advisers = []
    seen: set[str] = set()
    while len(advisers) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        key = _slugify(f"{first} {last}")
        if key in seen:
            continue
        seen.add(key)
        role, goals = rng.choice(NL_ROLES)
        adviser = {"key": key, "first": first, "name": f"{first} {last}", "role": role, "goals": goals}
        if rng.random() < 0.7:
            adviser["photo"] = "images/" + rng.choice(AVATARS)[0]
        bio = rng.choice(NL_BIOS).format(
            first=first, year=rng.randint(2008, 2022), role_lc=role[0].lower() + role[1:], place=rng.choice(PLACES)
        )
        adviser["bio"] = bio
        advisers.append(adviser)
    advisers.sort(key=lambda a: a["key"])
    return advisers


def _generate_vacancies(rng: random.Random) -> list[dict]:
    roles = rng.sample(VACANCY_ROLES, rng.randint(12, 18))
    vacancies = []
    for vid, title, goals in roles:
        closes = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
        place = rng.choice(PLACES)
        vacancies.append(
            {
                "id": vid,
                "title": title,
                "url": f"https://werkenbij.example.nl/vacatures/{vid}",
                "goals": goals,
                "location": place,
                "hours": rng.choice(HOURS),
                "closes": closes.isoformat(),
                "summary": f"Je adviseert gemeenten in de regio {place} over {NL_THEMES[goals[0]][0][0]}.",
            }
        )
    return vacancies


def _render_advisers(advisers: list[dict]) -> str:
    lines = ["# Synthetic advisers for the build benchmark (bench/corpus.py)."]
    for a in advisers:
        lines.append(f"{a['key']}:")
        lines.append(f"  name: {_yaml_str(a['name'])}")
        lines.append(f"  role: {_yaml_str(a['role'])}")
        if "photo" in a:
            lines.append(f"  photo: {a['photo']}")
        lines.append(f"  bio: {_yaml_str(a['bio'])}")
    return "\n".join(lines) + "\n"


def _render_vacancies(vacancies: list[dict]) -> str:
    lines = ["# Synthetic vacancies for the build benchmark (bench/corpus.py)."]
    for v in vacancies:
        lines.append(f"- id: {v['id']}")
        lines.append(f"  title: {_yaml_str(v['title'])}")
        lines.append(f"  url: {v['url']}")
        lines.append(f"  goals: {_flow_list(v['goals'])}")
        lines.append(f"  location: {_yaml_str(v['location'])}")
        lines.append(f"  hours: {_yaml_str(v['hours'])}")
        lines.append(f"  closes: {v['closes']}")
        lines.append(f"  summary: {_yaml_str(v['summary'])}")
    return "\n".join(lines) + "\n"


def _pick_goals(rng: random.Random, adviser: dict) -> list[int]:
    count = rng.choices([1, 2, 3], weights=[5, 4, 2])[0]
    goals = [adviser["goals"][0] if rng.random() < 0.7 else rng.randint(1, 17)]
    while len(goals) < count:
        goal = rng.choice(adviser["goals"]) if rng.random() < 0.5 else rng.randint(1, 17)
        if goal not in goals:
            goals.append(goal)
    return goals


def _pick_targets(rng: random.Random, goals: list[int], targets_by_goal: dict[int, list[str]]) -> list[str]:
    pool = [t for g in goals for t in targets_by_goal[g]]
    chosen = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
    # Keep the reference order (11.7 before 11.a) so the front matter reads as a writer would write it.
    order = {t: i for i, t in enumerate(pool)}
    return sorted(chosen, key=order.__getitem__)


def generate(out_dir: Path, n: int, seed: int = 7, reference: Path | None = None) -> list[Path]:
    """Write N stories plus advisers, vacancies and images under out_dir/stories; return the story paths."""
    rng = random.Random(f"sdg-stories-bench:{seed}")
    targets_by_goal = _load_targets(reference)
    stories_dir = out_dir / "stories"
    if stories_dir.exists() and any(stories_dir.iterdir()):
        raise FileExistsError(f"{stories_dir} already has files; the generator never overwrites content.")
    stories_dir.mkdir(parents=True, exist_ok=True)
    _write_images(stories_dir / "images")

    advisers = _generate_advisers(rng, max(30, min(60, 30 + n // 40)))
    vacancies = _generate_vacancies(rng)
    (stories_dir / "advisers.yml").write_text(_render_advisers(advisers), encoding="utf-8", newline="\n")
    (stories_dir / "vacancies.yml").write_text(_render_vacancies(vacancies), encoding="utf-8", newline="\n")

    banks = {"nl": _Bank("nl"), "en": _Bank("en")}
    span = (END_DATE - START_DATE).days
    seen_slugs: dict[str, int] = {}  # slug -> last suffix used for it
    paths = []
    for _ in range(n):
        adviser = rng.choice(advisers)
        lang = "en" if rng.random() < 0.1 else "nl"
        goals = _pick_goals(rng, adviser)
        targets = _pick_targets(rng, goals, targets_by_goal)
        date = START_DATE + dt.timedelta(days=rng.randrange(span))
        story = _Story(rng, banks[lang], goals, rng.choice(PLACES), adviser["first"], adviser["role"])

        title = story.pick(banks[lang].titles)
        slug = base = _slugify(title)
        while slug in seen_slugs:
            seen_slugs[base] += 1
            slug = f"{base}-{seen_slugs[base]}"
        seen_slugs.setdefault(slug, 1)
        summary = story.pick(banks[lang].summaries)

        image = image_alt = None
        if rng.random() < 1 / 3:
            image = "images/" + rng.choice(STORY_IMAGES)[0]
            image_alt = story.pick(banks[lang].alts)
        body_image = None
        body_alt = ""
        if rng.random() < 0.25:
            body_image = "images/" + rng.choice(STORY_IMAGES)[0]
            body_alt = story.pick(banks[lang].alts)
        vacancy = None
        if rng.random() < 0.15:
            fitting = [v["id"] for v in vacancies if set(v["goals"]) & set(goals)]
            vacancy = rng.choice(fitting or [v["id"] for v in vacancies])

        front = [
            "---",
            f"title: {_yaml_str(title)}",
            f"date: {date.isoformat()}",
            f"adviser: {adviser['key']}",
            f"goals: {_flow_list(goals)}",
            f"targets: {_flow_list(targets)}",
            f"summary: {_yaml_str(summary)}",
        ]
        if image:
            front.append(f"image: {image}")
            front.append(f"image_alt: {_yaml_str(image_alt)}")
        front.append(f"lang: {lang}")
        if vacancy:
            front.append(f"vacancies: [{vacancy}]")
        front.append("---")
        body = _generate_body(story, rng.randint(600, 880), body_image, body_alt)
        path = stories_dir / f"{date.isoformat()}-{slug}.md"
        path.write_text("\n".join(front) + "\n\n" + body, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to create stories/ in (must not hold stories yet)")
    parser.add_argument("-n", type=int, default=1000, help="number of stories (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--reference",
        type=Path,
        help=f"SDG data for valid targets (default: {SDG_REFERENCE} if present, else the project's sdg.json)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        paths = generate(args.out_dir, args.n, args.seed, args.reference)
    except FileExistsError as error:
        print(f"corpus.py: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(paths)} stories to {args.out_dir / 'stories'} in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
