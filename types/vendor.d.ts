// What the site's scripts get from elsewhere, as far as they use it: Material for MkDocs
// (document$), Pagefind (the search index's script), Decap CMS (the web form at /admin/)
// and Node (proposal.js is also loaded by the tests). Types only, for `tsc`.

interface Window {
  /** Material for MkDocs: emits each page it shows (instant navigation). */
  document$?: { subscribe(next: () => void): unknown };
  /** Decap CMS, on /admin/ only (decap-cms.js). */
  CMS: Decap.Cms;
  /** React's createElement, as Decap CMS hands it to preview templates. */
  h: Decap.CreateElement;
}

/** Node's CommonJS module object; absent in the browser. */
declare var module: { exports: unknown } | undefined;

/** The module pagefind/pagefind.js, as search.js uses it. */
declare namespace Pagefind {
  /** Per filter name, per value, the number of pages. */
  type Filters = Record<string, Record<string, number>>;

  interface Page {
    url: string;
    excerpt?: string;
    meta?: Record<string, string | undefined>;
  }

  interface Result {
    data(): Promise<Page>;
  }

  interface Search {
    results: Result[];
    filters: Filters;
  }

  interface Module {
    options(options: { baseUrl: string }): Promise<void>;
    init(): void;
    search(term: string | null, options: { filters: Record<string, string> }): Promise<Search | null>;
    filters(): Promise<Filters>;
  }
}

/** Decap CMS and the Immutable.js values it passes, as admin.js uses them. */
declare namespace Decap {
  interface List<T> {
    readonly size: number;
    forEach(each: (item: T) => unknown): unknown;
    find(test: (item: T) => boolean): T | undefined;
    toJS(): unknown[];
  }

  interface Option {
    get(key: "value" | "label"): string;
  }

  /** A field of a collection, as configured in config.yml. */
  interface Field {
    get(key: "required", fallback: boolean): boolean;
    get(key: "label" | "name" | "widget"): string | undefined;
    get(key: "options"): List<Option> | undefined;
    get(key: "fields"): List<Field> | undefined;
  }

  interface Entry {
    get(key: "data"): EntryData;
    getIn(path: unknown[]): unknown;
  }

  interface EntryData {
    get(key: string): string | undefined;
  }

  interface Collection {
    get(key: "fields"): List<Field>;
  }

  interface PreviewProps {
    entry: Entry;
    collection: Collection;
    widgetFor(name: string): unknown;
  }

  interface ValidationError {
    type: string;
    message: string;
  }

  interface ListControlProps {
    field: Field;
    value: List<unknown> | undefined;
  }

  interface ListControl {
    props: ListControlProps;
    validateSize(): ValidationError[];
  }

  interface Widget {
    control: new (props: ListControlProps) => ListControl;
    preview: unknown;
    schema: unknown;
  }

  /** The Dutch words of the editor (decap-cms-locales), as far as admin.js changes them. */
  interface Locale {
    editor: { editorControlPane: { widget: Record<string, string> } };
  }

  interface Cms {
    registerPreviewStyle(href: string): void;
    getLocale(name: string): Locale;
    registerLocale(name: string, locale: Locale): void;
    getWidget(name: string): Widget;
    registerWidget(
      name: string,
      control: Widget["control"],
      preview: unknown,
      schema: unknown,
    ): void;
    registerPreviewTemplate(name: string, template: (props: PreviewProps) => unknown): void;
  }

  type CreateElement = (
    tag: string,
    properties: Record<string, unknown> | null,
    ...children: unknown[]
  ) => unknown;
}
