"""SpacePlanner: plan resilient public space in urban communities.

Load a community's layers into a :class:`Plan`, check them, and evaluate who can walk to a
shelter with room for them, to an activity space and to daily facilities.
No Qt here: the whole analysis runs headless, from the CLI or a notebook.

The names below are imported on first use (``spaceplanner --help`` must not wait for the
engine's libraries).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from spaceplanner.engine.evaluation import Evaluator, evaluate
    from spaceplanner.layers.errors import LayerError, PlanError, RuleError, SpacePlannerError
    from spaceplanner.model.plan import Plan, PlanLayer, load_plan
    from spaceplanner.model.plan_file import save_plan
    from spaceplanner.results.report import Report

_WHERE = {
    "Evaluator": "spaceplanner.engine.evaluation",
    "evaluate": "spaceplanner.engine.evaluation",
    "LayerError": "spaceplanner.layers.errors",
    "PlanError": "spaceplanner.layers.errors",
    "RuleError": "spaceplanner.layers.errors",
    "SpacePlannerError": "spaceplanner.layers.errors",
    "Plan": "spaceplanner.model.plan",
    "PlanLayer": "spaceplanner.model.plan",
    "load_plan": "spaceplanner.model.plan",
    "save_plan": "spaceplanner.model.plan_file",
    "Report": "spaceplanner.results.report",
}

__all__ = [
    "Evaluator",
    "LayerError",
    "Plan",
    "PlanError",
    "PlanLayer",
    "Report",
    "RuleError",
    "SpacePlannerError",
    "__version__",
    "evaluate",
    "load_plan",
    "save_plan",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(import_module(module), name)
