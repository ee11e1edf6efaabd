"""What `sdg-stories editor` says to a writer, in the site's language (the editor shows it when a save fails)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {
        "not_saved": "Niet opgeslagen: {reason}",
        "outside": "{path} ligt buiten de map {folder}/; de editor schrijft alleen daarin",
        "not_writable": "{path} is geen verhaal, advisers.yml, vacancies.yml of afbeelding in {folder}/images/",
        "changed": "{path} is veranderd sinds de editor het opende (in een ander programma?); laad de pagina opnieuw",
        "exists": "{path} bestaat al; kies een andere titel of datum, of een andere bestandsnaam",
        "problem": "de site zou het weigeren: {problems}",
        "problems": "de site zou het om {count} redenen weigeren: {problems}",
        "unknown_action": "onbekende opdracht {action}",
        "serving": "De editor staat klaar op {url} (stoppen: Ctrl+C). Wat je opslaat, komt in {folder}/.",
        "building": "De site wordt gebouwd voor de editor...",
        "build_failed": "De site kon niet worden gebouwd; los eerst deze problemen op:",
    },
    "en": {
        "not_saved": "Not saved: {reason}",
        "outside": "{path} is outside the folder {folder}/; the editor writes only there",
        "not_writable": "{path} is not a story, advisers.yml, vacancies.yml or an image in {folder}/images/",
        "changed": "{path} has changed since the editor opened it (in another program?); reload the page",
        "exists": "{path} exists already; choose another title or date, or another file name",
        "problem": "the site would refuse it: {problems}",
        "problems": "the site would refuse it for {count} reasons: {problems}",
        "unknown_action": "unknown action {action}",
        "serving": "The editor is ready at {url} (stop: Ctrl+C). What you save goes into {folder}/.",
        "building": "Building the site for the editor...",
        "build_failed": "The site could not be built; fix these problems first:",
    },
}
