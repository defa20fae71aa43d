"""The evaluation box above the indicators: the hazard scenario, the period, and Evaluate."""

from __future__ import annotations

from PyQt5.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from spaceplanner.engine.evaluation import PERIODS
from spaceplanner.engine.hazards import SCENARIOS, hazard_types
from spaceplanner.ui.model.session import Session

__all__ = ["QtEvaluateBox"]


class QtEvaluateBox(QWidget):
    """The scenario and period choices and the Evaluate button, above ``indicators`` (the
    indicators panel, which fills the rest of the box). The main window connects the widgets."""

    def __init__(self, indicators: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        self.scenario_combo = QComboBox(self)
        self.scenario_combo.setToolTip(
            self.tr("Hazard scenario: its hazard zones shape the emergency period")
        )
        self.period_combo = QComboBox(self)
        period_names = {
            "both": self.tr("Normal and emergency"),
            "normal": self.tr("Normal (daily life)"),
            "emergency": self.tr("Emergency (shelters)"),
        }
        for period in PERIODS:
            self.period_combo.addItem(period_names.get(period, period), period)
        self.evaluate_button = QPushButton(self.tr("Evaluate"), self)
        for label, widget in (
            (self.tr("Scenario"), self.scenario_combo),
            (self.tr("Period"), self.period_combo),
        ):
            box.addWidget(QLabel(label, self))
            box.addWidget(widget)
        box.addWidget(self.evaluate_button)
        box.addWidget(indicators, 1)

    def fill(self, session: Session) -> None:
        """Offer the scenarios of ``session``'s plan (the standard ones, "all", and the hazard
        types its layers name) and show its scenario and period, without signalling a change."""
        names = {
            "earthquake": self.tr("Earthquake"),
            "flood": self.tr("Flood"),
            "fire": self.tr("Fire"),
            "all": self.tr("All hazards"),
        }
        options = [*SCENARIOS, "all"]
        options += sorted(t for t in hazard_types(session.plan) if t and t not in options)
        if session.scenario not in options:
            options.append(session.scenario)
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        for name in options:
            self.scenario_combo.addItem(names.get(name, name), name)
        self.scenario_combo.setCurrentIndex(
            max(0, options.index(session.scenario)) if session.scenario in options else 0
        )
        self.scenario_combo.blockSignals(False)
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(session.period)))
        self.period_combo.blockSignals(False)
