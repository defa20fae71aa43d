"""The attribute form of one feature: its role's fields as typed editors.

Each field of the feature's role gets the editor its catalogue type asks for: numbers a text box
that may be left empty (no value) beside the unit, integers a spin box, yes/no a checkbox, choices
a list of the catalogue's values, text a line. The id is shown but never edited (ids are stable).
OK pushes one :class:`~spaceplanner.model.commands.EditAttributes` with the fields that changed, so
the
edit is one undo step; an edit the command refuses (a negative capacity) is explained and the
form stays open.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.layers.catalogue import FieldSpec, get_role
from spaceplanner.layers.errors import LayerError, SpacePlannerError
from spaceplanner.model.commands import EditAttributes
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs.qt_add_layer_dialog import unit_label
from spaceplanner.ui.model.labels import (
    choice_label,
    field_label,
    plain_value,
    role_label,
    value_text,
)
from spaceplanner.ui.model.session import Session

__all__ = ["QtAttributesDialog"]

#: Source columns shown (read-only) below the role's fields, at most, and their longest text:
#: the form stays small enough for any screen without scrolling.
_MAX_OTHER = 8
_MAX_TEXT = 60
_NO_INT = -1  # the spin box's "no value"


class QtAttributesDialog(QDialog):
    """Edit the attributes of feature ``feature_id`` of layer ``layer``.

    Parameters
    ----------
    session
        The open plan; the edit goes through ``session.push``.
    layer, feature_id
        The feature.
    parent
        The parent widget.
    lang
        ``"en"`` or ``"zh"``: the language of field and value names from the catalogue.

    Raises
    ------
    LayerError
        When the layer has no such feature.
    """

    def __init__(
        self,
        session: Session,
        layer: str,
        feature_id: str,
        parent: QWidget | None = None,
        lang: str | None = "en",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.layer = layer
        self.feature_id = str(feature_id)
        self.lang = i18n.resolve(lang)
        plan_layer = session.plan.layers.get(layer)
        if plan_layer is None or plan_layer.frame is None:
            msg = "no such vector layer in the plan"
            raise LayerError(msg, layer=layer)
        frame = plan_layer.frame
        hits = np.flatnonzero(frame["id"].astype(str).to_numpy() == self.feature_id)
        if hits.size != 1:
            msg = "no such feature" if hits.size == 0 else "the feature id is not unique"
            raise LayerError(msg, layer=layer, feature=self.feature_id)
        row = frame.iloc[int(hits[0])]
        self.role = get_role(plan_layer.role)
        self.setWindowTitle(self.tr("Attributes of {0}").format(self.feature_id))
        self._editors: dict[str, QWidget] = {}
        self._specs: dict[str, FieldSpec] = {}
        # yes/no fields the feature has no value for: OK writes the box's state, so the layer
        # says "no" explicitly rather than leaving a gap that another tool might read as yes
        self._unset_bools: set[str] = set()

        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{0} · layer {1}").format(role_label(self.role, self.lang), layer), self
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("color: #555555")
        layout.addWidget(heading)
        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.id_edit = QLineEdit(self.feature_id, body)
        self.id_edit.setReadOnly(True)
        self.id_edit.setToolTip(self.tr("Ids are stable and cannot be edited"))
        self.id_edit.setStyleSheet("background: palette(window)")
        self.form.addRow(self.tr("id"), self.id_edit)
        for spec in self.role.fields.values():
            if spec.name == "id":
                continue
            value = plain_value(row[spec.name]) if spec.name in frame.columns else None
            editor = self._editor(spec, value, body)
            if spec.type == "bool" and spec.name in frame.columns and not isinstance(value, bool):
                self._unset_bools.add(spec.name)
            self._editors[spec.name] = editor
            self._specs[spec.name] = spec
            text = field_label(spec, self.lang) + (" *" if spec.required else "")
            label = QLabel(text, body)
            if spec.description:
                label.setToolTip(spec.description)
            self.form.addRow(label, self._with_unit(editor, spec, body))
        others = [
            c for c in frame.columns if c not in self.role.fields and c != frame.geometry.name
        ][:_MAX_OTHER]
        if others:
            line = QFrame(body)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.form.addRow(line)
            note = QLabel(self.tr("Other columns of the source (read-only):"), body)
            note.setStyleSheet("color: #555555")
            self.form.addRow(note)
            for col in others:
                text = value_text(row[col])
                shown = QLabel(
                    text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…", body
                )
                shown.setToolTip(text)
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.form.addRow(str(col), shown)
        layout.addWidget(body, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButtons(QDialogButtonBox.StandardButton.Ok)
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._initial = self.values()
        self.setMinimumWidth(420)

    # -- editors --------------------------------------------------------------------------------
    def _editor(self, spec: FieldSpec, value: Any, parent: QWidget) -> QWidget:
        if spec.type == "number":
            edit = QLineEdit(value_text(value), parent)
            edit.setPlaceholderText(self.tr("no value"))
            edit.setAlignment(
                Qt.Alignment(Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter
            )
            edit.setToolTip(self.tr("A number of at least 0; leave empty for no value"))
            return edit
        if spec.type == "integer":
            spin = QSpinBox(parent)
            spin.setRange(_NO_INT, 2_000_000_000)
            spin.setSpecialValueText(self.tr("no value"))
            spin.setValue(int(value) if isinstance(value, int | float) else _NO_INT)
            return spin
        if spec.type == "bool":
            box = QCheckBox(parent)
            box.setChecked(value is True or value == 1)
            return box
        if spec.type == "choice":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for choice in spec.choices:
                combo.addItem(choice_label(spec, choice, self.lang), choice)
                combo.setItemData(combo.count() - 1, choice, Qt.ItemDataRole.ToolTipRole)
            if value is not None and combo.findData(str(value)) < 0:
                # a value the catalogue does not know is kept as the source gave it
                combo.addItem(str(value), str(value))
            combo.setCurrentIndex(max(combo.findData(value) if value is not None else 0, 0))
            return combo
        return QLineEdit("" if value is None else str(value), parent)

    def _with_unit(self, editor: QWidget, spec: FieldSpec, parent: QWidget) -> QWidget:
        if not spec.unit or spec.type not in {"number", "integer"}:
            return editor
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        unit = QLabel(unit_label(spec.unit), box)
        unit.setMinimumWidth(unit.fontMetrics().horizontalAdvance("households") + 4)
        row.addWidget(unit)
        return box

    def editor(self, field_name: str) -> QWidget:
        """The editor of ``field_name`` (for tests and scripting)."""
        return self._editors[field_name]

    # -- values ---------------------------------------------------------------------------------
    def _value(self, name: str) -> Any:
        editor = self._editors[name]
        spec = self._specs[name]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return None if editor.value() == _NO_INT else editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if spec.type != "number":
            return text or None
        if not text:
            return None
        try:
            return float(text.replace(",", "").replace(" ", ""))
        except ValueError:
            return text  # not a number: EditAttributes refuses it with a clear message

    def values(self) -> dict[str, Any]:
        """The edited values of the role's fields (None for no value)."""
        return {name: self._value(name) for name in self._editors}

    def changed(self) -> dict[str, Any]:
        """The fields whose values differ from the feature's."""
        now = self.values()
        return {k: v for k, v in now.items() if v != self._initial.get(k) or k in self._unset_bools}

    def accept(self) -> None:
        """Make the edit (one undo step); stay open with the reason when it is refused."""
        changed = self.changed()
        if changed:
            command = EditAttributes(
                self.layer,
                self.feature_id,
                changed,
                label=self.tr("Edit attributes of {0}").format(self.feature_id),
            )
            try:
                self.session.push(command)
            except SpacePlannerError as exc:
                QMessageBox.warning(self, self.tr("The edit was not made"), exc.describe())
                return
        super().accept()
