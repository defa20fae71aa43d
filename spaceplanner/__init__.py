"""SpacePlanner: plan resilient public space in urban communities.

Load a community's layers into a :class:`Plan`, check them, and (in later modules) evaluate who
can walk to a shelter with room for them, to an activity space and to daily facilities.
No Qt here: the whole analysis runs headless, from the CLI or a notebook.
"""

__version__ = "0.1.0"

from spaceplanner.evaluation import Evaluator, evaluate
from spaceplanner.layers.errors import LayerError, PlanError, RuleError, SpacePlannerError
from spaceplanner.plan import Plan, PlanLayer, load_plan
from spaceplanner.plan_file import save_plan
from spaceplanner.report import Report

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
