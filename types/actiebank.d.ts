// What the site's page scripts share: the one global actiebank.js defines
// (window.Actiebank) and the data files the scripts fetch from the site. Types only, for
// `tsc -p tsconfig.json`; nothing here is served.

declare namespace Actiebank {
  /** The addresses the build hands the scripts (script_facts.py, from routes.py). */
  type RouteName =
    | "action"
    | "factSheet"
    | "cards"
    | "catalogue"
    | "compare"
    | "plan"
    | "evidence"
    | "csv";

  /** What the build hands the scripts on every page (data-ab-site, script_facts.py). */
  interface SiteFacts {
    routes: Record<RouteName, string>;
    limits: { firstCards: number; compareMost: number; planMost: number };
  }

  /** The visitor's two lists, kept in this browser. */
  type ListName = "compare" | "plan";

  interface ListItem {
    slug: string;
    title: string;
  }

  type ListListener = (name: ListName, items: ListItem[]) => void;

  /** One card as the scripts draw it (site/card_data.py, card_record). */
  interface Card {
    slug: string;
    title: string;
    summary: string;
    organisations: string[];
    regions: string[];
    sectors: string[];
    status: string;
    /** "sinds maart 2022", or "" when unknown. */
    period: string;
    /** Why a stopped action stopped, or "". */
    stopped: string;
    factors: string[];
    /** [the evidence level's label, its step on the ladder (0 when not given)] */
    evidence: [string, number];
    costs: string;
    results: string[];
    /** Per facet of CardData.facets, the address names of the values the action has. */
    values: string[][];
  }

  /** acties/kaarten.json (site/card_data.py, catalogue_data). */
  interface CardData {
    format: number;
    facets: string[];
    evidenceSteps: number;
    /** In the default order. */
    cards: Card[];
    /** Per order name, the card numbers in that order. */
    orders: Record<string, number[]>;
  }

  /** A fact's value: a text, or [text, address] for a link. */
  type Part = string | [string, string];

  /** [group, label, parts] */
  type FactRow = [string, string, Part[]];

  /** acties/<slug>/feiten.json (site/fact_sheet.py). */
  interface FactSheet {
    slug: string;
    /** The action's page, from the site's root. */
    url: string;
    card: Card;
    targetGroups: string[];
    measured: boolean;
    rows: FactRow[];
  }

  /** window.Actiebank, made by actiebank.js. */
  interface Api {
    url(path: string): string;
    route(name: RouteName, slug?: string): string;
    normalise(text: string): string;
    readList(name: ListName): ListItem[];
    writeList(name: ListName, items: ListItem[]): void;
    onListChange(listener: ListListener): void;
    slugsOf(items: ListItem[]): string[];
    slugsFromQuery(limit: number): string[] | null;
    fetchJSON(path: string): Promise<unknown>;
    factSheet(slug: string): Promise<FactSheet>;
    element(
      tag: string,
      attributes?: Record<string, string>,
      children?: (Node | string)[],
    ): HTMLElement;
    drawCard(card: Card, steps: number, level?: number): HTMLElement;
    csvRecords(text: string, separator: string): [number, number, string[]][];
    selectCsv(text: string, slugs: string[]): string;
    saveFile(name: string, type: string, text: string): void;
    downloadCsv(slugs: string[], name: string): Promise<void>;
    copyText(text: string, status: Element | null): Promise<void>;
    onPage(setup: () => void): void;
    FIRST_CARDS: number;
    COMPARE_MOST: number;
    PLAN_MOST: number;
    /** Set by selection.js: marks the compare and plan buttons under `scope` as pressed
     * or not, as the lists say. */
    syncChoices?: (scope?: ParentNode) => void;
  }
}

interface Element {
  /** catalogue.js: the turn of `drawList` that last placed this card in the list. */
  abDrawn?: number;
}

/** The one global the page scripts share (actiebank.js). */
declare var Actiebank: Actiebank.Api;
