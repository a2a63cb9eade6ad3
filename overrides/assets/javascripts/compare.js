/* The compare page /acties/vergelijk/?acties=a,b,c: up to four actions side by side.
 *
 * The actions come from the address (a shared link) or else from this browser's compare
 * list. Each action's facts (fact_sheet.py) are rows with a Dutch label; rows are lined
 * up by label, and a row whose values differ is marked in words and in colour.
 */
(function () {
  "use strict";

  var A = window.Actiebank;

  /** @param {Actiebank.Part[] | undefined} parts */
  function cell(parts) {
    var td = A.element("td");
    if (!parts || !parts.length) {
      td.appendChild(A.element("span", { "class": "ab-compare__none" }, ["Niet opgegeven"]));
      return td;
    }
    parts.forEach(function (part, i) {
      // Texts apart with a dot, a link (a source, an address) straight after its text.
      if (i) td.appendChild(document.createTextNode(typeof part === "string" ? " · " : " "));
      if (typeof part === "string") { td.appendChild(document.createTextNode(part)); return; }
      var href = String(part[1]);
      if (!/^(https?:|mailto:)/.test(href)) { td.appendChild(document.createTextNode(part[0])); return; }
      td.appendChild(A.element("a", { href: href, rel: "noopener" }, [part[0]]));
    });
    return td;
  }

  /** @param {Actiebank.Part[] | undefined} parts */
  function text(parts) {
    return JSON.stringify(parts || null);
  }

  /**
   * @typedef {object} CompareGroup
   * @property {string[]} order the labels, as they first appear
   * @property {Record<string, Actiebank.Part[][]>} cells by label, per action its parts
   */

  // Rows in order: group by group, each label where it first appears.
  /** @param {Actiebank.FactSheet[]} sheets */
  function rowsOf(sheets) {
    /** @type {string[]} */
    var groups = [];
    /** @type {Record<string, CompareGroup>} */
    var rows = {};
    sheets.forEach(function (sheet, column) {
      sheet.rows.forEach(function (row) {
        var group = row[0], label = row[1];
        if (groups.indexOf(group) === -1) { groups.push(group); rows[group] = { order: [], cells: {} }; }
        if (!rows[group].cells[label]) { rows[group].order.push(label); rows[group].cells[label] = []; }
        rows[group].cells[label][column] = row[2];
      });
    });
    return { groups: groups, rows: rows };
  }

  /** @param {Actiebank.FactSheet[]} sheets */
  function table(sheets) {
    var head = A.element("tr", {}, [A.element("td")]);
    sheets.forEach(function (sheet) {
      var remove = A.element("button", { type: "button", "class": "ab-compare__remove", "data-ab-remove": sheet.slug,
        "aria-label": "Haal weg: " + sheet.card.title }, ["Haal weg"]);
      head.appendChild(A.element("th", { scope: "col" }, [
        A.element("a", { href: A.url(sheet.url) }, [sheet.card.title]),
        A.element("span", { "class": "ab-compare__summary" }, [sheet.card.summary]),
        remove
      ]));
    });
    /** @type {HTMLElement[]} */
    var body = [];
    var layout = rowsOf(sheets);
    layout.groups.forEach(function (group) {
      body.push(A.element("tr", { "class": "ab-compare__group" }, [A.element("th", { scope: "rowgroup", colspan: String(sheets.length + 1) }, [group])]));
      layout.rows[group].order.forEach(function (label) {
        var cells = layout.rows[group].cells[label];
        var values = sheets.map(function (_, i) { return text(cells[i]); });
        var differs = sheets.length > 1 && values.some(function (v) { return v !== values[0]; });
        var th = A.element("th", { scope: "row" }, [label]);
        if (differs) th.appendChild(A.element("span", { "class": "ab-compare__differs" }, [" verschilt"]));
        var tr = A.element("tr", { "class": differs ? "ab-compare__row ab-compare__row--differs" : "ab-compare__row" }, [th]);
        sheets.forEach(function (_, i) { tr.appendChild(cell(cells[i])); });
        body.push(tr);
      });
    });
    var caption = A.element("caption", {}, ["Vergelijking van " + sheets.length + " acties. Rijen met ‘verschilt’ zijn niet bij alle acties gelijk."]);
    return A.element("table", { "class": "ab-compare" }, [caption, A.element("thead", {}, [head]), A.element("tbody", {}, body)]);
  }

  function setup() {
    var node = document.querySelector("[data-ab-compare-page]");
    if (!node || node.hasAttribute("data-ab-ready")) return;
    var page = node;  // not null, also in the functions below
    page.setAttribute("data-ab-ready", "");
    var most = A.COMPARE_MOST;
    var status = /** @type {HTMLElement} */ (page.querySelector("[data-ab-compare-status]"));
    var holder = /** @type {HTMLElement} */ (page.querySelector("[data-ab-compare-table]"));
    var tools = /** @type {HTMLElement} */ (page.querySelector("[data-ab-compare-tools]"));
    var empty = /** @type {HTMLElement} */ (page.querySelector("[data-ab-compare-empty]"));
    var only = /** @type {HTMLInputElement} */ (page.querySelector("[data-ab-only-differences]"));

    function chosen() {
      var fromLink = A.slugsFromQuery(most);
      return fromLink !== null ? fromLink : A.slugsOf(A.readList("compare")).slice(0, most);
    }

    function draw() {
      var slugs = chosen();
      // The address always names the actions shown: it can be shared as it is.
      var href = window.location.pathname + (slugs.length ? "?acties=" + slugs.join(",") : "");
      if (href !== window.location.pathname + window.location.search) window.history.replaceState(window.history.state, "", href);
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      empty.hidden = slugs.length !== 0;
      tools.hidden = slugs.length === 0;
      if (!slugs.length) { status.textContent = ""; return; }
      status.textContent = "De acties worden geladen…";
      Promise.all(slugs.map(function (slug) {
        return A.factSheet(slug).catch(function () { return null; });
      })).then(function (loaded) {
        var missing = slugs.filter(function (_, i) { return !loaded[i]; });
        var sheets = /** @type {Actiebank.FactSheet[]} */ (loaded.filter(Boolean));
        holder.appendChild(table(sheets));
        var said = sheets.length === 1 ? "1 actie. Kies er nog een om te vergelijken." : sheets.length + " acties naast elkaar.";
        if (missing.length) said += " Niet gevonden: " + missing.join(", ") + ". Misschien is de actie van naam veranderd of verwijderd.";
        status.textContent = said;
        holder.classList.toggle("ab-compare__table--only-differences", only.checked);
      });
    }

    holder.addEventListener("click", function (event) {
      var button = /** @type {Element} */ (event.target).closest("[data-ab-remove]");
      if (!button) return;
      var slug = button.getAttribute("data-ab-remove");
      var slugs = chosen().filter(function (s) { return s !== slug; });
      var list = A.readList("compare").filter(function (item) { return item.slug !== slug; });
      A.writeList("compare", list);
      window.history.replaceState(window.history.state, "", window.location.pathname + (slugs.length ? "?acties=" + slugs.join(",") : "?acties="));
      draw();
      var title = /** @type {HTMLElement} */ (page.querySelector("h1"));
      title.setAttribute("tabindex", "-1");
      title.focus();
    });
    only.addEventListener("change", function () {
      holder.classList.toggle("ab-compare__table--only-differences", only.checked);
    });
    /** @type {Element} */ (page.querySelector("[data-ab-copy-link]")).addEventListener("click", function () {
      A.copyText(window.location.href, page.querySelector("[data-ab-copied]"));
    });
    /** @type {Element} */ (page.querySelector("[data-ab-print]")).addEventListener("click", function () { window.print(); });
    draw();
  }

  A.onPage(setup);
})();
