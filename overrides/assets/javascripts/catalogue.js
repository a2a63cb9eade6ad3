/* Filters for the catalogue page /acties/.
 *
 * Progressive: without this script every card is listed and each filter is a link to its
 * static facet page. With it, checkboxes filter the cards in place: OR within a facet,
 * AND across facets, a text filter, a sort order, counts that follow the selection, and
 * the whole state in the URL query so it survives reloads, links and the back button.
 * All text comes from the page (labels from the vocabularies, phrases in data-*).
 */
(function () {
  "use strict";

  var PAGE = 48;

  // Not "q": Material opens its search dialog for a ?q= in the address.
  var TEXT_KEY = "zoek";

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The state in the address; values no filter offers (an old or mistyped link) are
  // left out rather than hiding every card.
  // An old address names a value by its English slug (?sector=hospitals): it is read as
  // the value's Dutch name (?sector=ziekenhuizen), the aliases coming from the page.
  function readUrl(catalogue) {
    var params = new URLSearchParams(window.location.search);
    var state = { text: params.get(TEXT_KEY) || "", sort: params.get("sort") || "newest", chosen: {} };
    catalogue.facets.forEach(function (facet) {
      var aliases = catalogue.aliases[facet] || {};
      state.chosen[facet] = params.getAll(facet).map(function (value) {
        return aliases[value] || value;
      }).filter(function (value) {
        return catalogue.boxes.some(function (box) { return box.name === facet && box.value === value; });
      });
    });
    return state;
  }

  function Catalogue(root) {
    this.root = root;
    this.form = root.querySelector("[data-ab-filters]");
    this.list = root.querySelector("[data-ab-results]");
    this.status = root.querySelector("[data-ab-count-text]");
    this.empty = root.querySelector("[data-ab-empty]");
    this.more = root.querySelector("[data-ab-more]");
    this.limit = PAGE;
    this.aliases = JSON.parse(this.root.getAttribute("data-ab-aliases") || "{}");
    this.boxes = Array.prototype.slice.call(this.form.querySelectorAll("input[type=checkbox]"));
    this.facets = Array.prototype.map.call(this.form.querySelectorAll("[data-ab-facet]"),
      function (fieldset) { return fieldset.getAttribute("data-ab-facet"); });
    var facets = this.facets;
    this.items = Array.prototype.map.call(this.list.querySelectorAll("[data-slug]"), function (card, order) {
      var values = {};
      facets.forEach(function (facet) {
        values[facet] = (card.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
      });
      var text = ["title", "summary", "orgs"].map(function (part) {
        var element = card.querySelector(".ab-card__" + part);
        return element ? element.textContent : "";
      }).join(" ");
      return {
        card: card, values: values, text: normalise(text), order: order,
        title: card.querySelector(".ab-card__title").textContent.trim(),
        date: card.getAttribute("data-date") || ""
      };
    });
    this.collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  }

  Catalogue.prototype.readForm = function () {
    var state = { text: this.form.elements.zoek.value, sort: this.form.elements.sort.value, chosen: {} };
    this.facets.forEach(function (facet) { state.chosen[facet] = []; });
    this.boxes.forEach(function (box) {
      if (box.checked && state.chosen[box.name]) state.chosen[box.name].push(box.value);
    });
    return state;
  };

  Catalogue.prototype.url = function (state) {
    var params = new URLSearchParams();
    this.facets.forEach(function (facet) {
      state.chosen[facet].forEach(function (value) { params.append(facet, value); });
    });
    if (state.text.trim()) params.set(TEXT_KEY, state.text.trim());
    if (state.sort !== "newest") params.set("sort", state.sort);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  };

  Catalogue.prototype.apply = function (state) {
    var facets = this.facets;
    this.limit = PAGE;
    var words = normalise(state.text).split(/\s+/).filter(Boolean);
    this.boxes.forEach(function (box) {
      box.checked = (state.chosen[box.name] || []).indexOf(box.value) !== -1;
    });
    if (this.form.elements.zoek.value !== state.text) this.form.elements.zoek.value = state.text;
    this.form.elements.sort.value = state.sort === "title" ? "title" : "newest";

    // Which facets each card fails; a card counts towards a facet's values when it
    // passes every other facet, so counts show what ticking a box would add.
    var counts = {};
    facets.forEach(function (facet) { counts[facet] = {}; });
    var shown = 0;
    this.items.forEach(function (item) {
      var textOk = words.every(function (word) { return item.text.indexOf(word) !== -1; });
      var failing = [];
      facets.forEach(function (facet) {
        var chosen = state.chosen[facet];
        if (chosen.length && !item.values[facet].some(function (v) { return chosen.indexOf(v) !== -1; })) {
          failing.push(facet);
        }
      });
      var visible = textOk && failing.length === 0;
      item.match = visible;
      if (visible) shown += 1;
      if (!textOk || failing.length > 1) return;
      facets.forEach(function (facet) {
        if (failing.length === 1 && failing[0] !== facet) return;
        item.values[facet].forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + 1;
        });
      });
    });
    this.boxes.forEach(function (box) {
      var count = (counts[box.name] && counts[box.name][box.value]) || 0;
      var label = box.closest("label");
      var badge = label && label.querySelector("[data-ab-count]");
      if (badge) badge.textContent = String(count);
      if (label) label.classList.toggle("ab-filter--none", count === 0 && !box.checked);
    });
    this.sort(state.sort);
    this.show();
    var phrase = this.status.getAttribute(shown === 1 ? "data-one" : "data-many");
    this.status.textContent = shown + " " + phrase;
    if (this.empty) this.empty.hidden = shown !== 0;
  };

  // Only the first PAGE matches are laid out: the browser's style and layout of every
  // visible card, not this script, is what a filter click costs (benchmark: 73 ms for
  // 1,000 cards, 28 ms for 48). "Toon meer" lays out the next PAGE.
  Catalogue.prototype.show = function () {
    var limit = this.limit, rank = 0, matches = 0;
    this.sorted.forEach(function (item) {
      var shown = item.match && rank < limit;
      if (item.match) { rank += 1; matches += 1; }
      if (item.card.hidden === shown) item.card.hidden = !shown;
    });
    if (this.more) {
      var rest = matches - Math.min(matches, limit);
      this.more.hidden = rest === 0;
      this.more.textContent = this.more.getAttribute("data-text").replace("{n}", String(Math.min(rest, PAGE)));
    }
  };

  Catalogue.prototype.sort = function (order) {
    var collator = this.collator;
    var sorted = this.items.slice().sort(order === "title"
      ? function (a, b) { return collator.compare(a.title, b.title) || a.order - b.order; }
      : function (a, b) { return a.order - b.order; });
    this.sorted = sorted;
    var current = this.list.children;
    var same = sorted.every(function (item, i) { return current[i] === item.card; });
    if (same) return;
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (item) { fragment.appendChild(item.card); });
    this.list.appendChild(fragment);
  };

  Catalogue.prototype.commit = function (push) {
    var state = this.readForm();
    this.apply(state);
    var url = this.url(state);
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (push) window.history.pushState(window.history.state, "", url);
    else window.history.replaceState(window.history.state, "", url);
  };

  Catalogue.prototype.listen = function () {
    var self = this;
    var typing = null;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) {
      if (event.target.name === TEXT_KEY) return;
      self.commit(true);
    });
    this.form.elements.zoek.addEventListener("input", function () {
      window.clearTimeout(typing);
      // Typing replaces the current history entry: back should not replay each letter.
      typing = window.setTimeout(function () { self.commit(false); }, 150);
    });
    if (this.more) {
      this.more.addEventListener("click", function () {
        var next = self.sorted.filter(function (item) { return item.match; })[self.limit];
        self.limit += PAGE;
        self.show();
        // Keyboard users continue where the new cards start.
        if (next) { var link = next.card.querySelector("a"); if (link) link.focus(); }
      });
    }
    this.root.querySelector("[data-ab-clear]").addEventListener("click", function () {
      self.boxes.forEach(function (box) { box.checked = false; });
      self.form.elements.zoek.value = "";
      self.form.elements.sort.value = "newest";
      self.commit(true);
    });
  };

  var current = null;

  function setup() {
    var root = document.querySelector("[data-ab-catalogue]");
    if (!root) { current = null; return; }
    if (root.hasAttribute("data-ab-ready")) return;
    root.setAttribute("data-ab-ready", "");
    current = new Catalogue(root);
    current.listen();
    current.apply(readUrl(current));
    // An old address (English values) is rewritten in place to the current names.
    if (window.location.search) current.commit(false);
  }

  // One listener for the whole visit: instant navigation swaps pages without reloading.
  window.addEventListener("popstate", function () {
    if (current && document.body.contains(current.root)) {
      current.apply(readUrl(current));
    }
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
