/* The web form's additions to Decap CMS, loaded after decap-cms.js on /admin/.

   - The preview looks like the site: the site's own stylesheets (listed by the page in
     data-preview-styles) and a template that shows an entry as its page does.
   - Messages beside a field do not repeat its label, which already says "(verplicht)".
   - An empty required list (organisations) is flagged on saving: Decap itself only counts
     the items of a list that has some.
   - On a narrow screen the form opens without the preview, unless the editor chose it.
   Nothing here talks to any server. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var script = /** @type {HTMLScriptElement} */ (document.currentScript);
  var REQUIRED_MARK = / \(verplicht\)$/;

  (script.getAttribute("data-preview-styles") || "").split(" ").forEach(function (href) {
    if (href) CMS.registerPreviewStyle(new URL(href, document.baseURI).href);
  });

  var nl = CMS.getLocale("nl");
  var widget = nl.editor.editorControlPane.widget;
  widget.required = "Dit veld is verplicht.";
  widget.regexPattern = "%{pattern}";
  widget.rangeMin = "Kies of voeg er minstens %{minCount} toe.";
  CMS.registerLocale("nl", nl);

  var list = CMS.getWidget("list");
  var ListControl = list.control;
  class RequiredListControl extends ListControl {
    /** @param {Decap.ListControlProps} props */
    constructor(props) {
      super(props);
      var countItems = this.validateSize;
      this.validateSize = /** @this {RequiredListControl} */ function () {
        var field = this.props.field;
        var value = this.props.value;
        if (field.get("required", true) && !(value && value.size)) {
          return [{ type: "PRESENCE", message: widget.required }];
        }
        return countItems();
      }.bind(this);
    }
  }
  CMS.registerWidget("list", RequiredListControl, list.preview, list.schema);

  var RIGHT_PANE = "cms.right-pane";
  if (window.matchMedia("(max-width: 799.98px)").matches && !localStorage.getItem(RIGHT_PANE)) {
    localStorage.setItem(RIGHT_PANE, "none");
  }

  /** @param {Decap.Field} field */
  function label(field) {
    return String(field.get("label") || field.get("name")).replace(REQUIRED_MARK, "");
  }

  /**
   * A field's value as a list: Decap's own list (Immutable.js), one value, or none.
   * @param {any} value whatever Decap holds for the field
   * @returns {unknown[]}
   */
  function asList(value) {
    if (value == null || value === "") return [];
    return value.toJS ? value.toJS() : [].concat(value);
  }

  /* Each fact as the page's "In het kort" shows it: a choice by its Dutch label, a list
     of organisations by their names. */
  /** @param {Decap.PreviewProps} props */
  function facts(props) {
    /** @type {unknown[]} */
    var rows = [];
    props.collection.get("fields").forEach(function (field) {
      var values = asList(props.entry.getIn(["data", field.get("name")]));
      var options = field.get("options");
      /** @type {unknown[]} */
      var shown = [];
      if (options) {
        shown = values.map(function (slug) {
          var option = /** @type {Decap.List<Decap.Option>} */ (options).find(function (o) { return o.get("value") === slug; });
          return option ? option.get("label") : slug;
        });
      } else if (field.get("widget") === "list" && field.get("fields")) {
        shown = values.map(function (item) { return item && /** @type {{name?: string}} */ (item).name; }).filter(Boolean);
      }
      if (shown.length) {
        rows.push(h("div", { key: field.get("name") },
          h("dt", null, label(field)), h("dd", null, shown.join(", "))));
      }
    });
    return rows;
  }

  /** @param {Decap.PreviewProps} props */
  function EntryPreview(props) {
    var data = props.entry.get("data");
    var rows = facts(props);
    return h("div", {
      className: "md-typeset ab-preview",
      "data-md-color-scheme": "default",
      "data-md-color-primary": "teal",
      "data-md-color-accent": "deep-orange",
    },
      h("article", { className: "ab-action" },
        h("h1", null, data.get("title") || h("span", { className: "ab-preview__empty" }, "Nog zonder titel")),
        data.get("summary") ? h("p", { className: "ab-lead" }, data.get("summary")) : null,
        rows.length ? h("section", { className: "ab-facts" },
          h("h2", null, "In het kort"), h("dl", null, rows)) : null,
        h("div", { className: "ab-body" }, props.widgetFor("body"))));
  }
  CMS.registerPreviewTemplate("acties", EntryPreview);
  CMS.registerPreviewTemplate("verhalen", EntryPreview);
})();
