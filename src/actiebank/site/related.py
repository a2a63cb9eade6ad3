"""Which actions an action's page suggests next: the ones it names, the ones naming it,
then the closest by shared interventions, success factors, sectors and target groups."""

from __future__ import annotations

from ..content.catalogue import Catalogue, Entry
from .facets import FacetIndex

RELATED_SIZE = 4
# The filters (by vocabulary) that make two actions alike, and how many candidates each
# value offers: a bounded list keeps the work linear in the catalogue's size.
ALIKE_BY = ("intervention", "success_factor", "sector", "target_group")
CANDIDATES_PER_VALUE = 20


def reverse_related(catalogue: Catalogue) -> dict[str, list[str]]:
    """slug -> the actions that name it in their `related` list, in slug order."""
    named_by: dict[str, list[str]] = {}
    for other in catalogue.actions.values():
        for slug in other.data.get("related") or []:
            named_by.setdefault(slug, []).append(other.slug)
    return named_by


def related_actions(
    action: Entry, catalogue: Catalogue, index: FacetIndex, named_by: dict[str, list[str]]
) -> list[str]:
    """Named `related` first, then actions naming this one, then the closest."""
    chosen: list[str] = [s for s in action.data.get("related") or [] if s in catalogue.actions]
    chosen += [s for s in named_by.get(action.slug, []) if s not in chosen]
    if len(chosen) >= RELATED_SIZE:
        return chosen[:RELATED_SIZE]
    alike = [index.of(vocabulary).name for vocabulary in ALIKE_BY]
    mine = {f: set(v) for f, v in index.carried.get(action.slug, {}).items()}
    candidates: set[str] = set()
    for intervention in sorted(mine.get(alike[0], ())):
        candidates.update(index[alike[0]].actions.get(intervention, [])[:CANDIDATES_PER_VALUE])
    scored = []
    for slug in candidates:
        if slug == action.slug or slug in chosen:
            continue
        theirs = index.carried[slug]
        score = sum(len(mine.get(f, set()).intersection(theirs.get(f, ()))) for f in alike)
        scored.append((-score, slug))
    chosen.extend(slug for _, slug in sorted(scored)[: RELATED_SIZE - len(chosen)])
    return chosen
