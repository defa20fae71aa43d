"""Help → Guide: 让 / 防 / 避, life circles, shelter capacity and what each indicator means.

A short guide for planners and community staff, in the app's language. Its numbers — the life
circles' walking radii, the shelter classes' radii and areas per person, the facilities' radii,
the walking speed — are read from the rule profile in use, each with the source the profile
cites, so the guide cannot disagree with the figures the app computes.
"""

from __future__ import annotations

import html

from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from spaceplanner.model.rules import Profile, RuleValue
from spaceplanner.results.labels import label

__all__ = ["QtGuideDialog"]


class QtGuideDialog(QDialog):
    """The guide, for ``profile`` (the open plan's, or the default one)."""

    def __init__(self, profile: Profile, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.profile, self.lang = profile, lang
        self.setWindowTitle(self.tr("Guide: principles, life circles and indicators"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.page())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def _cite(self, rule: RuleValue) -> str:
        return f'<span style="color:#666">({html.escape(rule.source)})</span>'

    def page(self) -> str:
        """The guide as HTML."""
        p = self.profile
        parts = [
            "<h2>" + self.tr("How SpacePlanner reads a plan") + "</h2>",
            "<p>"
            + self.tr(
                "Every figure is counted by walking distance along the plan's walking network, "
                "from each resident point to the edge of each site, at {0:g} m per minute. Two "
                "periods are evaluated: normal times (activity space and daily facilities) and "
                "an emergency under a hazard scenario (shelters, with dual-use spaces turned into "
                "shelters)."
            ).format(p.walking_speed.value)
            + "</p>",
            "<h2>" + self.tr("让 give way, 防 prevent, 避 avoid") + "</h2>",
            "<ul>",
            "<li><b>让</b> — "
            + self.tr(
                "space gives way to safety: evacuation routes keep their clear width and stay out "
                "of the debris zone of tall buildings; shelter grounds and flood channels stay "
                "unbuilt; every shelter keeps its entrances and access routes."
            )
            + "</li>",
            "<li><b>防</b> — "
            + self.tr(
                "protective distances around hazard sources (petrol stations, high-voltage "
                "lines, pipelines, fire sources, industrial land): the part of a site inside "
                "them does not count as shelter area, and the site is listed as a violation."
            )
            + "</li>",
            "<li><b>避</b> — "
            + self.tr(
                "shelters, dual-use spaces and sensitive facilities (schools, kindergartens, "
                "elderly care, clinics) stay out of hazard zones (flood, geohazard, fault, "
                "collapse range), judged for the chosen scenario."
            )
            + "</li></ul>",
            "<p>"
            + self.tr(
                "Click a violation in the Violations panel to see the site on the map; the "
                "capacity each principle removed is listed with the shelter figures."
            )
            + "</p>",
            "<h2>" + self.tr("Life circles") + "</h2>",
            "<p>"
            + self.tr(
                "A resident is served by an activity space of a life circle when one large "
                "enough for that circle lies within its walking radius:"
            )
            + "</p><ul>",
        ]
        for circle in p.circles:
            parts.append(
                f"<li><b>{html.escape(label('space_' + circle.name, self.lang))}</b>: "
                + self.tr(
                    "within {0:g} m, spaces of at least {1:g} m², {2:g} m² per person"
                ).format(
                    circle.radius_m.value, circle.min_area_m2.value, circle.per_capita_m2.value
                )
                + f" {self._cite(circle.radius_m)}</li>"
            )
        parts += [
            "</ul>",
            "<h2>" + self.tr("Shelter capacity") + "</h2>",
            "<p>"
            + self.tr(
                "A shelter holds the smaller of its stated capacity and its effective area "
                "divided by the area per person of its class, less the part the 防 and 避 checks "
                "take away. Residents are then given places exactly: as many as possible, each "
                "only in a shelter within its class's radius, nearest first. A shelter is over "
                "capacity when more people have it as their nearest than it holds."
            )
            + "</p><ul>",
        ]
        names = {
            "emergency": self.tr("Emergency shelter (紧急)"),
            "fixed": self.tr("Fixed shelter (固定)"),
            "fixed_short": self.tr("Short-term fixed shelter"),
            "fixed_mid": self.tr("Medium-term fixed shelter"),
            "fixed_long": self.tr("Long-term fixed shelter"),
            "central": self.tr("Central shelter (中心)"),
        }
        for shelter_class in p.shelter_classes.values():
            name = names.get(shelter_class.name, shelter_class.name)
            parts.append(
                f"<li><b>{html.escape(name)}</b>: "
                + self.tr("within {0:g} m, {1:g} m² per person").format(
                    shelter_class.radius_m.value, shelter_class.per_capita_m2.value
                )
                + f" {self._cite(shelter_class.radius_m)}</li>"
            )
        parts += [
            "</ul>",
            "<h2>" + self.tr("What each indicator means") + "</h2>",
            "<ul>",
            f"<li><b>{html.escape(label('sheltered', self.lang))}</b> — "
            + self.tr("the share of residents with a place in a shelter within walking distance.")
            + "</li>",
            f"<li><b>{html.escape(label('capacity', self.lang))}</b> — "
            + self.tr("the places all shelters hold after the checks, against the population.")
            + "</li>",
            "<li><b>" + self.tr("Life circle: share covered") + "</b> — "
            + self.tr("the share of residents within the circle's radius of a large enough space.")
            + "</li>",
            "<li><b>" + self.tr("Life circle: area per person") + "</b> — "
            + self.tr("the area of the circle's spaces divided by the residents they serve.")
            + "</li>",
            "<li><b>" + self.tr("Facility kind: share covered") + "</b> — "
            + self.tr("the share of residents within the kind's radius of one of its facilities:")
            + "</li></ul><ul>",
        ]  # fmt: skip
        for kind, radius in sorted(p.facility_radius.items()):
            parts.append(
                f"<li>{html.escape(label(kind, self.lang))}: "
                + self.tr("within {0:g} m").format(radius.value)
                + f" {self._cite(radius)}</li>"
            )
        parts += [
            "</ul><p>"
            + self.tr(
                "Each indicator passes when it reaches the profile's target (or the plan's own, "
                "when the plan sets one); the Indicators panel shows the target and its source. "
                "The map shows who is not served for the indicator chosen there."
            )
            + "</p>",
            "<p>" + self.tr("Rule profile in use: {0}").format(html.escape(p.title)) + "</p>",
        ]
        return "\n".join(parts)
