"""Messages about workshop files: loading, checking, finding (``samen check``)."""

from __future__ import annotations

NL: dict[str, str] = {
    # ---------------------------------------------------------------- reading the file
    "workshop.file_not_found": "bestand niet gevonden",
    "workshop.is_directory": "dit is een map, geen bestand",
    "workshop.no_permission": "geen toegang tot dit bestand",
    "workshop.unreadable": "kan het bestand niet lezen: {reason}",
    "workshop.too_big": (
        "bestand is te groot ({size} bytes); een workshopbestand mag hoogstens 1 MiB zijn"
    ),
    "workshop.not_utf8": "geen geldige UTF-8 (byte 0x{byte}); sla het bestand op als UTF-8",
    "workshop.not_regular": (
        "dit is geen gewoon bestand (maar een pijp, apparaat of socket); het wordt niet gelezen"
    ),
    "workshop.too_deep": (
        "tabellen en lijsten zijn hier te diep genest (hoogstens {max} niveaus); "
        "klopt het aantal haken?"
    ),
    "workshop.no_id": "de sessie noemt geen workshop",
    "workshop.none_given": "geen workshop opgegeven (een id of een pad naar een .toml-bestand)",
    "workshop.session_bad_id": (
        "de sessie noemt de workshop {id}, en dat is geen geldige workshop-id "
        "(kleine letters, cijfers, '-' en '_')"
    ),
    "workshop.toml": "TOML-fout: {message}",
    # tomllib's messages, translated (anything else is shown as tomllib words it)
    "workshop.toml.invalid_statement": "ongeldige regel (verwacht 'sleutel = waarde' of [tabel])",
    "workshop.toml.expected_newline": "verwacht een nieuwe regel na de waarde",
    "workshop.toml.expected": "verwacht {what}",
    "workshop.toml.invalid_character": "ongeldig teken {char}",
    "workshop.toml.declared_twice": "tabel [{name}] staat er al eerder",
    "workshop.toml.overwrite": "deze sleutel heeft al een waarde (dubbele sleutel?)",
    "workshop.toml.expected_table_end": "verwacht ']' aan het eind van de tabelkop",
    "workshop.toml.expected_array_end": "verwacht ']]' aan het eind van de tabelkop",
    "workshop.toml.immutable": "{name} is al volledig gegeven (inline tabel of lijst)",
    "workshop.toml.redefine": "{name} is al als tabel gegeven",
    "workshop.toml.expected_equals": "verwacht '=' na de sleutel",
    "workshop.toml.invalid_key": "ongeldig begin van een sleutel",
    "workshop.toml.unclosed_array": "lijst niet afgesloten (']' ontbreekt)",
    "workshop.toml.duplicate_inline_key": "dubbele sleutel {key} in inline tabel",
    "workshop.toml.unclosed_inline_table": "inline tabel niet afgesloten ('}' ontbreekt)",
    "workshop.toml.unescaped_backslash": (
        "losse '\\' in tekst: schrijf '\\\\', of zet de tekst tussen 'enkele aanhalingstekens'"
    ),
    "workshop.toml.invalid_hex": (
        "ongeldige code na '\\u' of '\\U' in tekst: schrijf een '\\' als '\\\\',"
        " of zet de tekst tussen 'enkele aanhalingstekens'"
    ),
    "workshop.toml.not_scalar": "ongeldige unicode-code",
    "workshop.toml.unterminated_string": "tekst niet afgesloten (aanhalingsteken ontbreekt)",
    "workshop.toml.string_newline": (
        'tekst niet afgesloten op deze regel (gebruik """...""" voor meerdere regels)'
    ),
    "workshop.toml.illegal_character": "ongeldig teken {char} in tekst",
    "workshop.toml.invalid_date": "ongeldige datum of tijd",
    "workshop.toml.invalid_value": "ongeldige waarde (zet tekst tussen aanhalingstekens)",
    # ---------------------------------------------------------------- structure
    "workshop.from_unknown": "from: er is geen stap '{step}' in deze workshop",
    "workshop.from_later": (
        "from: stap '{step}' komt later; een stap neemt alleen over van een eerdere"
    ),
    "workshop.from_kind": "from: stap '{step}' is een {kind}-stap; overnemen kan van: {kinds}",
    "workshop.from_category": "onbekende categorie '{category}' (categorieën: {known})",
    "workshop.from_needed": (
        "'{key}' werkt alleen samen met from (de stap waar de kaartjes vandaan komen)"
    ),
    "workshop.category_needs_sort": (
        "category kiest de kaartjes van één categorie van een sort-stap; "
        "'{step}' is een {kind}-stap"
    ),
    "workshop.rounds_empty": "rounds heeft minstens één ronde (in minuten: rounds = [1, 2, 4])",
    "workshop.rounds_range": "een ronde duurt 1 tot en met {max} minuten, niet {value}",
    "workshop.rounds_too_long": (
        "de rondes duren samen {total} minuten, langer dan de {minutes} minuten van de stap"
    ),
    "workshop.hint.time": (
        "de tijd staat bij een agendapunt ([[items]]: minutes = 15)"
        " of bij een stap ([[items.steps]]: minutes = 5)"
    ),
    "workshop.hint.question_is_text": (
        "bij een vraag van een questions-stap heet de vraag zelf 'text'"
        " ('question' is voor een prompt of een fase)"
    ),
    "workshop.hint.text_is_question": (
        "hier heet de vraag 'question' ('text' is de uitleg van een stap of de tekst van"
        " een vraag in een questions-stap)"
    ),
    "workshop.hint.title_is_text": "een vraag heeft geen titel: de vraag zelf is 'text'",
    "workshop.hint.name_is_title": "de naam die de app toont heet 'title'",
    "workshop.hint.example": "bijvoorbeeld: {example}",
    "workshop.hint.minutes": "de tijd heet 'minutes', in hele minuten (minutes = 10)",
    "workshop.hint.example_element": "elk element is een tabel, bijvoorbeeld: {example}",
    "workshop.unknown_key": "onbekende sleutel '{key}'",
    "workshop.did_you_mean": "{message} (bedoel je '{suggestion}'?)",
    "workshop.choose_from": "{message} (kies uit: {choices})",
    "workshop.missing": "verplicht veld '{field}' ontbreekt",
    "workshop.wrong_type": "verwacht {expected}, gevonden: {found}",
    "workshop.expected.str": "tekst",
    "workshop.expected.int": "een geheel getal",
    "workshop.expected.float": "een getal",
    "workshop.expected.bool": "true of false",
    "workshop.expected.list": "een lijst",
    "workshop.expected.table": "een tabel",
    "workshop.expected.tables": "een lijst van tabellen (schrijf [[{name}]])",
    "workshop.found.str": "tekst",
    "workshop.found.int": "geheel getal",
    "workshop.found.float": "kommagetal",
    "workshop.found.bool": "true/false",
    "workshop.found.list": "lijst",
    "workshop.found.table": "tabel",
    "workshop.found.datetime": "datum en tijd",
    "workshop.found.date": "datum",
    "workshop.found.time": "tijd",
    "workshop.bad_choice": "ongeldige waarde '{value}'",
    "workshop.empty_text": "'{field}' mag niet leeg zijn",
    "workshop.bad_id": (
        "ongeldige id '{id}': gebruik kleine letters, cijfers, '-' en '_',"
        " en begin met een letter of cijfer"
    ),
    "workshop.duplicate_id": "dubbele id '{id}' (ook op regel {line})",
    "workshop.duplicate_step_id": (
        "dubbele stap-id '{id}' (ook op regel {line});"
        " een stap-id moet in de hele workshop uniek zijn"
    ),
    "workshop.unknown_kind": "onbekende stapsoort '{kind}'",
    "workshop.empty_agenda": "de agenda is leeg: geef minstens één [[items]]",
    "workshop.no_steps": "dit agendapunt heeft geen stappen: geef minstens één [[items.steps]]",
    "workshop.minutes_range": (
        "minutes moet een geheel getal van 1 tot en met {max} zijn, niet {value}"
    ),
    # ---------------------------------------------------------------- model checks
    # ---------------------------------------------------------------- finding workshops
    "workshop.more_problems.one": "{problem} (en nog 1 probleem)",
    "workshop.more_problems.many": "{problem} (en nog {count} problemen)",
    "workshop.no_such_file": "workshopbestand niet gevonden: {path}",
    "workshop.no_such_id": "geen workshop met id '{id}'",
    "workshop.available": "{message}; beschikbaar: {ids}",
    "workshop.none_found": "{message}; er zijn geen workshops gevonden in: {dirs}",
    # ---------------------------------------------------------------- samen check
    "workshop.summary": "{items}, {steps}, {minutes}",
    "workshop.items.one": "1 agendapunt",
    "workshop.items.many": "{count} agendapunten",
    "workshop.steps.one": "1 stap",
    "workshop.steps.many": "{count} stappen",
    "workshop.minutes.one": "1 minuut",
    "workshop.minutes.many": "{count} minuten",
    "workshop.check_usage": "gebruik: samen check BESTAND.toml...",
    "workshop.check_failed.one": "1 van de {total} bestanden heeft problemen",
    "workshop.check_failed.many": "{count} van de {total} bestanden hebben problemen",
}

EN: dict[str, str] = {
    "workshop.file_not_found": "file not found",
    "workshop.is_directory": "this is a folder, not a file",
    "workshop.no_permission": "no permission to read this file",
    "workshop.unreadable": "cannot read the file: {reason}",
    "workshop.too_big": "file is too big ({size} bytes); a workshop file may be at most 1 MiB",
    "workshop.not_utf8": "not valid UTF-8 (byte 0x{byte}); save the file as UTF-8",
    "workshop.not_regular": (
        "this is not a regular file (but a pipe, device or socket); it is not read"
    ),
    "workshop.too_deep": (
        "tables and lists nest too deeply here (at most {max} levels); are the brackets right?"
    ),
    "workshop.no_id": "the session names no workshop",
    "workshop.none_given": "no workshop given (an id or a path to a .toml file)",
    "workshop.session_bad_id": (
        "the session names the workshop {id}, which is not a valid workshop id "
        "(lowercase letters, digits, '-' and '_')"
    ),
    "workshop.toml": "TOML error: {message}",
    "workshop.toml.invalid_statement": "invalid line (expected 'key = value' or [table])",
    "workshop.toml.expected_newline": "expected a new line after the value",
    "workshop.toml.expected": "expected {what}",
    "workshop.toml.invalid_character": "invalid character {char}",
    "workshop.toml.declared_twice": "table [{name}] was already declared",
    "workshop.toml.overwrite": "this key already has a value (duplicate key?)",
    "workshop.toml.expected_table_end": "expected ']' at the end of the table header",
    "workshop.toml.expected_array_end": "expected ']]' at the end of the table header",
    "workshop.toml.immutable": "{name} was already given in full (inline table or array)",
    "workshop.toml.redefine": "{name} was already given as a table",
    "workshop.toml.expected_equals": "expected '=' after the key",
    "workshop.toml.invalid_key": "invalid start of a key",
    "workshop.toml.unclosed_array": "array not closed (']' missing)",
    "workshop.toml.duplicate_inline_key": "duplicate key {key} in inline table",
    "workshop.toml.unclosed_inline_table": "inline table not closed ('}' missing)",
    "workshop.toml.unescaped_backslash": (
        "lone '\\' in a string: write '\\\\', or put the text between 'single quotes'"
    ),
    "workshop.toml.invalid_hex": (
        "invalid code after '\\u' or '\\U' in a string: write a '\\' as '\\\\',"
        " or put the text between 'single quotes'"
    ),
    "workshop.toml.not_scalar": "invalid unicode code",
    "workshop.toml.unterminated_string": "string not closed (quote missing)",
    "workshop.toml.string_newline": (
        'string not closed on this line (use """...""" for several lines)'
    ),
    "workshop.toml.illegal_character": "invalid character {char} in a string",
    "workshop.toml.invalid_date": "invalid date or time",
    "workshop.toml.invalid_value": "invalid value (put text between quotes)",
    "workshop.from_unknown": "from: there is no step '{step}' in this workshop",
    "workshop.from_later": "from: step '{step}' comes later; a step takes over from an earlier one",
    "workshop.from_kind": "from: step '{step}' is a {kind} step; taking over works from: {kinds}",
    "workshop.from_category": "unknown category '{category}' (categories: {known})",
    "workshop.from_needed": "'{key}' only works together with from (the step the cards come from)",
    "workshop.category_needs_sort": (
        "category picks the cards of one category of a sort step; '{step}' is a {kind} step"
    ),
    "workshop.rounds_empty": "rounds has at least one round (in minutes: rounds = [1, 2, 4])",
    "workshop.rounds_range": "a round takes 1 to {max} minutes, not {value}",
    "workshop.rounds_too_long": (
        "the rounds take {total} minutes together, longer than the step's {minutes} minutes"
    ),
    "workshop.hint.time": (
        "time goes with an agenda item ([[items]]: minutes = 15)"
        " or a step ([[items.steps]]: minutes = 5)"
    ),
    "workshop.hint.question_is_text": (
        "a question of a questions step is written as 'text'"
        " ('question' is for a prompt or a phase)"
    ),
    "workshop.hint.text_is_question": (
        "here the question is called 'question' ('text' is a step's explanation or the"
        " wording of a question in a questions step)"
    ),
    "workshop.hint.title_is_text": "a question has no title: the question itself is 'text'",
    "workshop.hint.name_is_title": "the name the app shows is called 'title'",
    "workshop.hint.example": "for example: {example}",
    "workshop.hint.minutes": "the time is called 'minutes', in whole minutes (minutes = 10)",
    "workshop.hint.example_element": "each element is a table, for example: {example}",
    "workshop.unknown_key": "unknown key '{key}'",
    "workshop.did_you_mean": "{message} (did you mean '{suggestion}'?)",
    "workshop.choose_from": "{message} (choose from: {choices})",
    "workshop.missing": "required field '{field}' is missing",
    "workshop.wrong_type": "expected {expected}, found: {found}",
    "workshop.expected.str": "text",
    "workshop.expected.int": "a whole number",
    "workshop.expected.float": "a number",
    "workshop.expected.bool": "true or false",
    "workshop.expected.list": "an array",
    "workshop.expected.table": "a table",
    "workshop.expected.tables": "an array of tables (write [[{name}]])",
    "workshop.found.str": "text",
    "workshop.found.int": "whole number",
    "workshop.found.float": "decimal number",
    "workshop.found.bool": "true/false",
    "workshop.found.list": "array",
    "workshop.found.table": "table",
    "workshop.found.datetime": "date and time",
    "workshop.found.date": "date",
    "workshop.found.time": "time",
    "workshop.bad_choice": "invalid value '{value}'",
    "workshop.empty_text": "'{field}' must not be empty",
    "workshop.bad_id": (
        "invalid id '{id}': use lowercase letters, digits, '-' and '_',"
        " and start with a letter or digit"
    ),
    "workshop.duplicate_id": "duplicate id '{id}' (also on line {line})",
    "workshop.duplicate_step_id": (
        "duplicate step id '{id}' (also on line {line});"
        " a step id must be unique in the whole workshop"
    ),
    "workshop.unknown_kind": "unknown step kind '{kind}'",
    "workshop.empty_agenda": "the agenda is empty: give at least one [[items]]",
    "workshop.no_steps": "this agenda item has no steps: give at least one [[items.steps]]",
    "workshop.minutes_range": "minutes must be a whole number from 1 to {max}, not {value}",
    "workshop.more_problems.one": "{problem} (and 1 more problem)",
    "workshop.more_problems.many": "{problem} (and {count} more problems)",
    "workshop.no_such_file": "workshop file not found: {path}",
    "workshop.no_such_id": "no workshop with id '{id}'",
    "workshop.available": "{message}; available: {ids}",
    "workshop.none_found": "{message}; no workshops were found in: {dirs}",
    "workshop.summary": "{items}, {steps}, {minutes}",
    "workshop.items.one": "1 agenda item",
    "workshop.items.many": "{count} agenda items",
    "workshop.steps.one": "1 step",
    "workshop.steps.many": "{count} steps",
    "workshop.minutes.one": "1 minute",
    "workshop.minutes.many": "{count} minutes",
    "workshop.check_usage": "usage: samen check FILE.toml...",
    "workshop.check_failed.one": "1 of {total} files has problems",
    "workshop.check_failed.many": "{count} of {total} files have problems",
}
