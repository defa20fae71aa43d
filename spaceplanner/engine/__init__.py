"""The evaluation engine: network, access points, distances, capacity, checks and gaps.

Stage functions from plan layers to arrays and frames, sequenced by
:class:`spaceplanner.engine.evaluation.Evaluator`; produces :mod:`spaceplanner.results`.
"""
