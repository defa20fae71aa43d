"""Notes: what the reader of the figures should know, each with a stable code."""

from __future__ import annotations

from spaceplanner.engine.daily import FacilityStage
from spaceplanner.engine.hazards import SCENARIOS, hazard_types, scenario_types
from spaceplanner.engine.locate import Context, Inputs
from spaceplanner.engine.shelter_stage import dual_use_layers
from spaceplanner.engine.siting import ENTRANCE_KEY_SEP, SitingResult
from spaceplanner.i18n import Text, tx
from spaceplanner.layers.problems import Problem
from spaceplanner.results.report import Note
from spaceplanner.results.words import hazard_word, join_words

__all__ = ["notes_stage", "problem_text"]


def problem_text(problem: Problem) -> Text:
    """A loading problem as a note says it: ``loading: <where>: <what> — <hint>``, as
    :meth:`Problem.describe` in English, and said whole in another language."""
    where: Text | str | None = problem.file or None
    parts: list[Text] = []
    if problem.layer:
        parts.append(tx("layer '{name}'").format(name=problem.layer))
    if problem.field:
        parts.append(tx("field '{name}'").format(name=problem.field))
    if problem.feature:
        parts.append(tx("feature {id}").format(id=problem.feature))
    for part in parts:
        where = part if where is None else tx("{where}, {part}").format(where=where, part=part)
    message, hint = problem.message, problem.hint
    if where is not None and hint:
        return tx("loading: {where}: {message} — {hint}").format(
            where=where, message=message, hint=hint
        )
    if where is not None:
        return tx("loading: {where}: {message}").format(where=where, message=message)
    if hint:
        return tx("loading: {message} — {hint}").format(message=message, hint=hint)
    return tx("loading: {message}").format(message=message)


def notes_stage(
    inp: Inputs, ctx: Context, facilities: FacilityStage, checks: SitingResult
) -> list[Note]:
    """What the reader of the figures should know: what loading skipped or repaired, hazards
    the scenario does not count, straight-line distances, missing shelters, entrances that name
    no site, facility kinds without a radius."""
    plan, profile, scenario = inp.plan, inp.profile, inp.scenario
    # what loading found (skipped features, repairs, warnings) stays with the figures
    notes = [
        Note("loading", problem_text(p))
        for p in plan.problems
        if p.severity in ("warning", "repair", "error")
    ]
    notes += checks.notes
    # residents a plan builder estimated (e.g. from OSM buildings) are not a count: say so
    for lyr in plan.by_role("residents"):
        estimate = lyr.options.get("population_estimate")
        if estimate:
            notes.append(
                Note(
                    "residents_estimated",
                    tx("{layer}: {estimate}").format(layer=lyr.name, estimate=estimate),
                )
            )
    present = hazard_types(plan)
    counted = scenario_types(scenario, present)
    if scenario not in {*SCENARIOS, "all"} and scenario not in present:
        text: str = tx(
            "scenario '{scenario}' is none of {scenarios} and no hazard layer has that type: "
            "no hazard zone applies"
        ).format(scenario=scenario, scenarios=", ".join([*SCENARIOS, "all"]))
        notes.append(Note("scenario_without_hazards", text))
    if present - counted:
        text = tx(
            "hazard types not part of scenario '{scenario}': {types} (they count in 'all')"
        ).format(
            scenario=scenario, types=join_words([hazard_word(t) for t in sorted(present - counted)])
        )
        notes.append(Note("hazard_types_not_counted", text))
    if ctx.network is None:
        text = tx(
            "no network layer: distances are straight lines x the detour factor {factor:g} "
            "({source})"
        ).format(factor=profile.detour_factor.value, source=profile.detour_factor.source)
        notes.append(Note("no_network", text))
    if not plan.by_role("shelters"):
        if dual_use_layers(inp):
            text = tx("the plan has no shelters layer: only dual-use spaces shelter people")
            notes.append(Note("no_shelters_dual_use_only", text))
        else:
            text = tx("the plan has no shelters layer and no dual-use space: nobody is sheltered")
            notes.append(Note("no_shelters", text))
    layers_of: dict[str, set[str]] = {}
    for role in ("shelters", "activity_spaces", "facilities"):
        for lyr in plan.by_role(role):
            if lyr.frame is not None:
                for site_id in lyr.frame["id"].astype(str):
                    layers_of.setdefault(site_id, set()).add(lyr.name)
    orphans, ambiguous = [], []
    for key in ctx.entrances:
        layer, site_id = key.split(ENTRANCE_KEY_SEP, 1)
        owners = layers_of.get(site_id, set())
        if (layer and layer not in owners) or not owners:
            orphans.append(f"{layer}/{site_id}" if layer else site_id)
        elif not layer and len(owners) > 1:
            ambiguous.append(f"{site_id} ({', '.join(sorted(owners))})")
    if orphans:
        text = tx("entrances name sites that are not in the plan ({sites}): ignored").format(
            sites=", ".join(orphans[:5])
        )
        notes.append(Note("entrances_unknown_site", text))
    if ambiguous:
        text = tx(
            "entrances name site ids used in several layers, so they serve each of them: "
            "{sites} — give the entrances a site_layer"
        ).format(sites="; ".join(ambiguous[:5]))
        notes.append(Note("entrances_ambiguous", text))
    for kind in facilities.unrated:
        text = tx(
            "facility kind '{kind}' has no service radius in profile '{profile}': not evaluated "
            "(set radius_m on its layer)"
        ).format(kind=kind, profile=profile.name)
        notes.append(Note("facility_kind_unrated", text))
    return notes
