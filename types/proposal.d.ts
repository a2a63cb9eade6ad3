// The proposal form's description (contribute/proposal/spec.py, form_spec), which the page
// links in data-ab-spec, and the values proposal.js reads, cleans and checks. Types only,
// for `tsc`.

declare namespace ProposalForm {
  /** What the Python side fills in for every field (field_spec.py). */
  interface FieldBase {
    name: string;
    path: string;
    label: string;
    hint: string;
    required: boolean;
    marker: string;
    many: boolean;
    widget: string;
    noun: string;
    editorial?: boolean;
    // A list's words and limits
    one?: string;
    item_label?: string;
    min_items?: number;
    unique?: boolean;
    add_label?: string;
    row_name?: string;
    // When a field that is not always required is
    required_when?: { field: string; value: string; label: string };
    required_with?: string[];
    within?: string;
    // A choice
    options?: Option[];
    grouped?: boolean;
    none_label?: string;
    // A text or a number
    input?: string;
    min_length?: number;
    max_length?: number;
    /** An ECMAScript regular expression the whole value must match. */
    pattern?: string;
    pattern_message?: string;
    /** An ECMAScript regular expression no part of the value may match. */
    forbidden?: string;
    autocomplete?: string;
    /** Written before the value in the file (an image's folder). */
    prefix?: string;
    refers_to?: "action";
    date?: "month" | "day" | "years";
    minimum?: number;
  }

  /** A group of fields (contact), or a list of rows of them (outcomes) when `many`. */
  interface GroupField extends FieldBase {
    type: "object";
    children: Field[];
  }

  interface ValueField extends FieldBase {
    type: "text" | "number" | "choice" | "boolean";
    children?: undefined;
  }

  type Field = GroupField | ValueField;

  interface Option {
    value: string;
    label: string;
    description?: string;
    children?: Option[];
  }

  interface Section {
    id: string;
    heading: string;
    hint: string;
  }

  interface RequiredWhenRule {
    rule: "required-when";
    field: string;
    when: string;
    equals: string;
    message: string;
  }

  interface EvidenceRule {
    rule: "evidence";
    level: string;
    status: string;
    outcomes: string;
    source: string;
    /** What makes an outcome count as measured (content/evidence.py). */
    usable: {
      required: string[];
      not_result: string | null;
      /** An ECMAScript regular expression a source must match (content/sources.py). */
      source: string;
      source_min: number;
      source_max: number;
    };
    idea: string;
    measured: string;
    replicated: string;
    evaluated: string;
    labels: Record<string, string>;
    status_labels: Record<string, string>;
    messages: Record<string, string>;
  }

  interface CostLevelRule {
    rule: "cost-level";
    level: string;
    amount: string;
    per: string;
    per_value: string;
    low_below: number;
    medium_up_to: number;
    levels: string[];
    labels: Record<string, string>;
    message: string;
  }

  /** A story's outcome names one of the story's actions, and must when it names more. */
  interface OutcomeActionRule {
    rule: "outcome-action";
    outcomes: string;
    actions: string;
    messages: { missing: string; unknown: string };
  }

  type Rule = RequiredWhenRule | EvidenceRule | CostLevelRule | OutcomeActionRule;

  /** One kind of entry: an action or a story. */
  interface KindSpec {
    label: string;
    noun: string;
    article: string;
    subject: string;
    folder: string;
    fields: Field[];
    layout: { legend: string; fields: string[] }[];
    body: Section[];
    rules: Rule[];
  }

  interface Spec {
    version: number;
    /** By kind: "action", "case". */
    kinds: Record<string, KindSpec>;
    messages: Record<string, string>;
    number_pattern: string;
    max_slug: number;
    /** The names an action may not take (as `reserved_slugs.action`). */
    reserved: string[];
    /** By kind: the names the site's own pages use in the kind's folder (routes.py). */
    reserved_slugs: Record<string, string[] | undefined>;
    /** Each Cyrillic or Greek look-alike letter: the Latin letter it imitates. */
    look_alikes: Record<string, string>;
    limits: { mailto: number; github: number };
    actions: { slug: string; title: string }[];
    taken: Record<string, string[] | undefined>;
    titles: Record<string, Record<string, string> | undefined>;
  }

  /** What a form (or a test) gives: any JSON, by field name, and the body's sections. */
  interface Values {
    [name: string]: unknown;
  }

  /** A value as the file holds it: texts trimmed, empty ones left out. */
  type Clean = string | true | CleanGroup | Clean[];

  interface CleanGroup {
    [name: string]: Clean | undefined;
  }

  /** An entry's cleaned values, with its body's sections by id. */
  interface CleanEntry extends CleanGroup {
    body?: Record<string, string>;
  }

  interface Problem {
    /** Where, as the validator names it: "organisations[1].name", "body.aanpak". */
    path: string;
    code: string;
    message: string;
  }
}
