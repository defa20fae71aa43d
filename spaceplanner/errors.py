"""The exception family, re-exported for core users.

The classes live in :mod:`spaceplanner.layers.errors` because the layer readers (the lowest
level of the package) raise them too, and the lower levels never import the higher ones.
"""

from spaceplanner.layers.errors import LayerError, PlanError, RuleError, SpacePlannerError

__all__ = ["LayerError", "PlanError", "RuleError", "SpacePlannerError"]
