"""The plan being edited: layers with roles, the rule profile, the plan file and undoable edits.

Depends only on :mod:`spaceplanner.layers`, :mod:`spaceplanner.settings` and
:mod:`spaceplanner.files`.
"""
