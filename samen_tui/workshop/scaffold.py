"""A new workshop file to start from (``samen new``).

:func:`scaffold_workshop` returns the text of a workshop file that holds one
worked example of every step kind, each field explained in a Dutch comment, so a
facilitator can delete what they do not need and fill in the rest.
:func:`write_scaffold` writes it as ``<id>.toml`` in a folder, never over an
existing file.

This module never imports textual.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

import tomli_w

from samen_tui.i18n import t
from samen_tui.workshop.loader import ID_PATTERN

LANGUAGES: tuple[str, ...] = ("nl", "en")

_TEMPLATE = Template('''\
# =============================================================================
#  ${title_comment}
# =============================================================================
#
# Een nieuwe workshop, gemaakt met `samen new`. Hieronder staat van elke
# soort stap één voorbeeld. Verwijder wat je niet nodig hebt, pas de rest aan
# en controleer het bestand daarna met `samen check`.
#
# Opbouw:
#   [workshop]          de gegevens van de workshop
#   [[items]]           een agendapunt, met daaronder zijn stappen
#   [[items.steps]]     een stap; `kind` zegt wat voor stap het is:
#     content       een dia met tekst
#     participants  wie is er (naam, organisatie, rol)
#     sort          kaartjes sorteren in categorieën (bijvoorbeeld motieven)
#     rate          items scoren op een schaal (een checklist)
#     brainstorm    kaartjes verzamelen per vraag, eventueel stemmen met stippen
#     conversation  gesprekssoorten en een gespreksvorm in fasen (BOB, BARB)
#     questions     open vragen met antwoorden
#     actions       afspraken en acties: wie doet wat wanneer
#     references    titels en adressen om verder te lezen
#
# Ids: kleine letters, cijfers, - en _, beginnend met een letter of cijfer.
# Sessies verwijzen naar ids: verander een id niet meer als er al sessies met
# deze workshop zijn. Titels en teksten mag je altijd aanpassen. Een stap-id
# komt maar één keer voor in het hele bestand.
#
# Tekst over meerdere regels zet je tussen drie aanhalingstekens: """ ... """.
# Velden met de opmerking "(verplicht)" moeten er staan; de andere mag je
# weglaten, dan geldt de standaardwaarde die erbij staat.

[workshop]
# De id van de workshop (verplicht); de bestandsnaam is <id>.toml.
id = ${id}
# De naam die deelnemers en trainer zien (verplicht).
title = ${title}
# De taal van de workshop: "nl" of "en" (standaard "nl").
language = ${language}
# Verhoog de versie als je de inhoud flink verandert (standaard "1").
version = "1"
# Een korte beschrijving, te zien bij het kiezen van een workshop.
description = "Waar gaat deze workshop over?"


# =============================================================================
#  Agendapunt 1
# =============================================================================

[[items]]
# De id van het agendapunt (verplicht).
id = "begin"
# De titel in de agenda (verplicht).
title = "Welkom"
# De timebox in minuten (verplicht): de timer kleurt als de tijd bijna om is.
minutes = 15

# --- content: een dia ---------------------------------------------------------
[[items.steps]]
# De soort stap (verplicht).
kind = "content"
# De id van de stap (verplicht, uniek in het hele bestand).
id = "welkom"
# De titel van de stap (verplicht).
title = "Welkom"
# De tekst van de dia, in Markdown (koppen met #, opsommingen met -).
text = """
# Welkom

- Wat gaan we doen?
- Wat nemen we mee naar huis?
"""
# Mag de trainer bij deze dia notities maken? (standaard true)
notes = true

# --- participants: wie is er? -------------------------------------------------
[[items.steps]]
kind = "participants"
id = "deelnemers"
title = "Wie is er?"
# Elke stap kan een `text` hebben: een aanwijzing boven de oefening.
text = "Een korte voorstelronde: naam, organisatie en rol."
# Voorgestelde rollen; de trainer mag ook iets anders typen.
roles = ["deelnemer", "trainer"]


# =============================================================================
#  Agendapunt 2
# =============================================================================

[[items]]
id = "verkennen"
title = "Verkennen"
minutes = 30

# --- sort: kaartjes sorteren in categorieën ----------------------------------
[[items.steps]]
kind = "sort"
id = "motieven"
title = "Waarom doe jij mee?"
text = "Iedereen noemt een reden; de trainer zet elk kaartje bij een categorie."

# Eén [[items.steps.categories]] per categorie (minstens 1, hoogstens 9).
[[items.steps.categories]]
# De id van de categorie (verplicht).
id = "voor-mezelf"
# De naam van de categorie (verplicht).
title = "Voor mezelf"
# Hulpwoorden die bij de categorie staan (mag leeg blijven).
hints = ["plezier", "leren"]
# Eén toets die een kaartje in deze categorie zet (standaard de positie: 1, 2, ...).
key = "1"

[[items.steps.categories]]
id = "voor-anderen"
title = "Voor anderen"
hints = ["helpen", "samen"]
key = "2"

# --- rate: items scoren op een schaal (checklist) ----------------------------
[[items.steps]]
kind = "rate"
id = "checklist"
title = "Hoe staan we ervoor?"
text = "Geef elk item een score: in hoeverre is het er al?"
# Mag elke deelnemer naast de groepsscore ook een eigen score geven? (standaard true)
per_participant = true
# Hoeveel zwakste items worden gemarkeerd als startpunt voor het gesprek (standaard 3).
weakest = 3

# De schaal (mag weg): hele getallen van min tot max, hoogstens 10 punten.
# Korter schrijven mag ook: scale = { min = 1, max = 3, labels = [...] }
[items.steps.scale]
# Het laagste punt (standaard 1).
min = 1
# Het hoogste punt (standaard 5).
max = 5
# Eén label per punt, van laag naar hoog (of [] voor alleen getallen).
labels = ["helemaal niet", "nauwelijks", "deels", "grotendeels", "helemaal"]

# De groepen (clusters), in de volgorde waarin ze getoond worden (verplicht).
[[items.steps.groups]]
id = "doel"
title = "Doel"

[[items.steps.groups]]
id = "aanpak"
title = "Aanpak"

# De items (verplicht); `group` is de id van de groep waar het item bij hoort.
[[items.steps.items]]
id = "helder-doel"
title = "Een helder doel"
# De id van de groep waar dit item bij hoort (verplicht).
group = "doel"
# Een toelichting bij het item (mag weg).
description = "Weet iedereen waar we naartoe werken?"

[[items.steps.items]]
id = "genoeg-tijd"
title = "Genoeg tijd"
group = "aanpak"


# =============================================================================
#  Agendapunt 3
# =============================================================================

[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 20

# --- brainstorm: kaartjes per vraag, daarna stemmen --------------------------
[[items.steps]]
kind = "brainstorm"
id = "wat-helpt"
title = "Wat helpt?"
text = "Verzamel eerst kaartjes per vraag; stem daarna met stippen."
# Stemmen met stippen: `budget` stippen per stemmer, `per` is "participant"
# (ieder apart) of "group" (de groep als geheel). Laat de regel weg voor
# een brainstorm zonder stemmen.
voting = { budget = 3, per = "participant" }

# Eén [[items.steps.prompts]] per kolom (minstens 1).
[[items.steps.prompts]]
# De id van de kolom (verplicht).
id = "kansen"
# De naam van de kolom (verplicht).
title = "Kansen"
# De vraag die erbij hoort (mag weg).
question = "Wat werkt in ons voordeel?"

[[items.steps.prompts]]
id = "valkuilen"
title = "Valkuilen"
question = "Wat houdt ons tegen?"


# =============================================================================
#  Agendapunt 4
# =============================================================================

[[items]]
id = "afspraken-maken"
title = "Afspraken maken"
minutes = 30

# --- conversation: gesprekssoorten en een gespreksvorm in fasen --------------
[[items.steps]]
kind = "conversation"
id = "gesprek"
title = "Het gesprek"
text = "Kies een gespreksvorm en loop de fasen door."

# De soorten gesprek (mag weg): elk met een vraag, een keten van stappen en een uitkomst.
[[items.steps.types]]
id = "onderzoekend"
title = "Onderzoekend"
question = "Wat is er aan de hand?"
# De keten van stappen in dit gesprek (verplicht, minstens 1).
chain = ["Feiten verzamelen", "Interpreteren", "Agenderen"]
# Waar het gesprek op uitkomt (verplicht).
outcome = "Gedeelde probleemdefinitie"

# De gespreksvormen (minstens 1), elk met zijn fasen.
[[items.steps.flows]]
id = "bob"
title = "BOB"
# Een korte uitleg (mag weg).
description = "Beeldvorming, oordeelsvorming, besluitvorming."

[[items.steps.flows.phases]]
# De id van de fase (verplicht, uniek binnen de gespreksvorm).
id = "beeldvorming"
title = "Beeldvorming"
# De vraag van deze fase (verplicht).
question = "Wat is er aan de hand?"
# Wat de trainer hier vastlegt naast notities: "notes" (alleen notities,
# standaard), "mandates" (per partner: wat neem je mee naar je achterban) of
# "decisions" (besluiten en acties: wie, wat, wanneer).
capture = "notes"

[[items.steps.flows.phases]]
id = "oordeelsvorming"
title = "Oordeelsvorming"
question = "Wat vinden we ervan?"

[[items.steps.flows.phases]]
id = "besluitvorming"
title = "Besluitvorming"
question = "Wie gaat wat wanneer doen?"
capture = "decisions"

# --- questions: open vragen met antwoorden -----------------------------------
[[items.steps]]
kind = "questions"
id = "vragen"
title = "Startvragen"
text = "Bespreek de vragen één voor één en leg de antwoorden vast."
# Mag bij elk antwoord staan wie het gaf? (standaard true)
attributed = true

# Eén [[items.steps.questions]] per vraag (minstens 1).
[[items.steps.questions]]
# De id van de vraag (verplicht).
id = "belang"
# De vraag zelf (verplicht).
text = "Wat is ons gezamenlijk belang?"

[[items.steps.questions]]
id = "eerste-stap"
text = "Wat is de eerste stap?"

# --- actions: afspraken en acties --------------------------------------------
# Alle acties van de sessie in één lijst (wie, wat, wanneer, status), ook de
# acties uit een fase met capture = "decisions". Geen eigen velden.
[[items.steps]]
kind = "actions"
id = "acties"
title = "Afspraken en acties"
text = "Wie doet wat, en wanneer?"


# =============================================================================
#  Agendapunt 5
# =============================================================================

[[items]]
id = "afsluiting"
title = "Meer weten?"
minutes = 5

# --- references: titels en adressen ------------------------------------------
[[items.steps]]
kind = "references"
id = "verder-lezen"
title = "Verder lezen"
text = "Voor wie meer wil weten."

# Eén [[items.steps.references]] per verwijzing (minstens 1).
[[items.steps.references]]
# De titel (verplicht).
title = "Een boek of artikel"
# Het adres (mag weg).
url = "https://example.org/"
# Een opmerking (mag weg).
note = "Bijvoorbeeld: auteur, uitgever, jaar."
''')


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string, quoted and escaped."""
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _check_id(workshop_id: str) -> None:
    if not isinstance(workshop_id, str) or not ID_PATTERN.fullmatch(workshop_id):
        raise ValueError(t("workshop.bad_id", id=workshop_id))


def default_title(workshop_id: str) -> str:
    """``mijn-workshop`` -> ``Mijn workshop``."""
    words = workshop_id.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() or workshop_id


def scaffold_workshop(workshop_id: str, title: str | None = None, language: str = "nl") -> str:
    """The text of a new workshop file with one commented example of every step kind."""
    _check_id(workshop_id)
    if language not in LANGUAGES:
        raise ValueError(f"onbekende taal {language!r}: kies uit {', '.join(LANGUAGES)}")
    title = (title or "").strip() or default_title(workshop_id)
    return _TEMPLATE.substitute(
        id=_toml_string(workshop_id),
        title=_toml_string(title),
        language=_toml_string(language),
        title_comment=" ".join(title.split()),
    )


def write_scaffold(
    workshop_id: str,
    directory: Path,
    *,
    title: str | None = None,
    language: str = "nl",
) -> Path:
    """Write a new workshop file ``<id>.toml`` in ``directory`` and return its path.

    Raises :class:`ValueError` for a malformed id and :class:`FileExistsError` if
    the file is already there (it is never overwritten).
    """
    text = scaffold_workshop(workshop_id, title, language)
    directory = Path(directory)
    path = directory / f"{workshop_id}.toml"
    directory.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create, and fail if the file exists, in one step (no race with a check).
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExistsError(
            f"{path} bestaat al; kies een andere id of verwijder eerst het oude bestand"
        ) from None
    return path


__all__ = ["LANGUAGES", "default_title", "scaffold_workshop", "write_scaffold"]
