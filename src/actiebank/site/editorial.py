"""The parts of the editorial pages that come from the catalogue: tables, figures and
lists that editors place in their Markdown with a macro (hooks/macros.py), so the words
stay theirs and the facts stay current. Each part is rendered by a template in
templates/editorial/ with autoescaping; no contributor text is ever a template."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..routes import facet_url
from .facets import FacetIndex
from .render import Renderer


@dataclass(frozen=True)
class LevelRow:
    """One value of a graded facet (a step on the evidence ladder, a cost level)."""

    number: int
    label: str
    explanation: str
    count: int
    url: str  # the facet value's page, '' when no action carries it


@dataclass
class Editorial:
    index: FacetIndex
    renderer: Renderer

    def levels(self, facet: str) -> list[LevelRow]:
        """Every value of a facet in order, with its explanation and number of actions."""
        chosen = self.index[facet]
        return [
            LevelRow(
                number=number,
                label=term.nl,
                explanation=term.description,
                count=chosen.count(term.slug),
                url=facet_url(facet, term.address) if chosen.count(term.slug) else "",
            )
            for number, term in enumerate(chosen.terms, start=1)
        ]

    def evidence_ladder(self, root: str) -> Markup:
        return self.renderer.render(
            "editorial/levels.html",
            root=root,
            caption="De bewijsladder",
            first="Trede",
            rows=self.levels("bewijs"),
        )

    def cost_levels(self, root: str) -> Markup:
        return self.renderer.render(
            "editorial/levels.html",
            root=root,
            caption="De kostenniveaus",
            first="Niveau",
            rows=self.levels("kosten"),
        )
