"""The words the desktop shows for the step codes of long work, in the app's language.

The engine and the outputs report steps by code (:data:`spaceplanner.feedback.STEPS`); the CLI
shows the English label, the desktop this translation. Looked up at every call, so a change of
language shows at the next step.
"""

from __future__ import annotations

from PyQt5.QtCore import QCoreApplication

__all__ = ["step_text"]


def _texts() -> dict[str, str]:
    return {
        "network": QCoreApplication.translate("Steps", "Walking network and residents"),
        "shelters": QCoreApplication.translate("Steps", "Shelters"),
        "activity_spaces": QCoreApplication.translate("Steps", "Activity spaces"),
        "facilities": QCoreApplication.translate("Steps", "Facilities"),
        "gaps": QCoreApplication.translate("Steps", "Gap and service areas"),
        "evaluating": QCoreApplication.translate("Steps", "Evaluating"),
        "writing": QCoreApplication.translate("Steps", "Writing the files"),
        "drawing": QCoreApplication.translate("Steps", "Drawing the map sheet"),
        "moving": QCoreApplication.translate("Steps", "Moving the files into place"),
        "suggesting": QCoreApplication.translate("Steps", "Suggesting sites"),
        "batch": QCoreApplication.translate("Steps", "Communities"),
        "osm_extract": QCoreApplication.translate("Steps", "Reading the extract"),
        "osm_layers": QCoreApplication.translate("Steps", "Sorting the map into layers"),
        "osm_residents": QCoreApplication.translate("Steps", "Residents"),
        "osm_checks": QCoreApplication.translate("Steps", "Checking the layers"),
        "candidates": QCoreApplication.translate("Steps", "Reading the candidates"),
        "checks": QCoreApplication.translate("Steps", "Checks and distances"),
        "solving": QCoreApplication.translate("Steps", "Solving"),
        "ranking": QCoreApplication.translate("Steps", "Ranking the sites"),
        "done": QCoreApplication.translate("Steps", "Done"),
    }


def step_text(code: str, detail: str = "") -> str:
    """The translated words of step ``code``, with its ``detail`` (a scenario, a format) after
    them; an unknown code is shown as it is."""
    text = _texts().get(code, code)
    return f"{text}: {detail}" if detail else text
