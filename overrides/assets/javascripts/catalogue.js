/* The catalogue page /acties/: filters, chips, sorting, "Toon meer" and downloads.
 *
 * Progressive: without this script the page lists the first cards and every filter value
 * is a link to its page (which lists all its actions). With it, checkboxes filter in
 * place: any of the ticked values within a group, every group that has one; a text
 * filter that also finds a value by its Dutch synonyms (inwerken finds Onboarding); live
 * counts; chips for what is active; an empty state that says which filter to drop; and
 * the whole state in the address, so it survives reloads, links and the back button.
 *
 * The page carries the first cards; the data for every card (card_data.py) is fetched
 * once, when the visitor first reaches for the filters. Orders come ready-made from the
 * build; only relevance (while a text query is typed) is computed here.
 */
(function () {
  "use strict";

  var A = window.Actiebank;
  var PAGE = 48;
  // Not "q": Material opens its search dialog for a ?q= in the address.
  var TEXT_KEY = "zoek";
  var RELEVANCE = "relevantie";

  function words(text) {
    return A.normalise(text).split(/[^a-z0-9\u00df-\u024f'-]+/).filter(Boolean);
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function Catalogue(root) {
    var self = this;
    this.root = root;
    this.form = root.querySelector("[data-ab-filters]");
    this.text = root.querySelector("#ab-zoek");
    this.sortMenu = root.querySelector("#ab-sort");
    this.list = root.querySelector("[data-ab-results]");
    this.results = root.querySelector("#ab-resultaten");
    this.status = root.querySelector("[data-ab-count-text]");
    this.chips = root.querySelector("[data-ab-chips]");
    this.chipList = root.querySelector("[data-ab-chip-list]");
    this.empty = root.querySelector("[data-ab-empty]");
    this.emptyOptions = root.querySelector("[data-ab-empty-options]");
    this.more = root.querySelector("[data-ab-more]");
    this.download = root.querySelector("[data-ab-download]");
    this.panelButton = root.querySelector("[data-ab-show-filters]");
    this.done = root.querySelector("[data-ab-done]");
    this.defaultSort = root.getAttribute("data-default-sort");
    this.aliases = JSON.parse(root.getAttribute("data-aliases") || "{}");
    this.sortAliases = JSON.parse(root.getAttribute("data-sort-aliases") || "{}");
    this.boxes = Array.prototype.slice.call(this.form.querySelectorAll("input[type=checkbox]"));
    this.facets = Array.prototype.map.call(this.form.querySelectorAll("[data-ab-facet]"), function (fieldset) {
      return { name: fieldset.getAttribute("data-ab-facet"), label: fieldset.querySelector("legend").textContent.trim() };
    });
    this.sortNames = Array.prototype.map.call(this.sortMenu.options, function (option) { return option.value; });
    this.terms = this.boxes.map(function (box) {
      return { box: box, facet: box.name, value: box.value, label: box.getAttribute("data-label"), words: words(box.getAttribute("data-words") || "") };
    });
    this.data = null;
    this.loading = null;
    this.limit = PAGE;
    this.state = this.emptyState();
    this.firstCards = {};
    Array.prototype.forEach.call(this.list.children, function (card) {
      self.firstCards[card.getAttribute("data-slug")] = card;
    });
  }

  Catalogue.prototype.emptyState = function () {
    var chosen = {};
    this.facets.forEach(function (facet) { chosen[facet.name] = []; });
    return { text: "", sort: "", chosen: chosen };
  };

  // The state in the address. Values no filter offers (an old or mistyped link) are left
  // out rather than hiding every card; old English names are read as the Dutch ones.
  Catalogue.prototype.readUrl = function () {
    var self = this;
    var params = new URLSearchParams(window.location.search);
    var state = this.emptyState();
    state.text = params.get(TEXT_KEY) || "";
    var sort = params.get("sort") || "";
    sort = this.sortAliases[sort] || sort;
    state.sort = this.sortNames.indexOf(sort) !== -1 ? sort : "";
    this.facets.forEach(function (facet) {
      var aliases = self.aliases[facet.name] || {};
      params.getAll(facet.name).forEach(function (value) {
        value = aliases[value] || value;
        var known = self.boxes.some(function (box) { return box.name === facet.name && box.value === value; });
        if (known && state.chosen[facet.name].indexOf(value) === -1) state.chosen[facet.name].push(value);
      });
    });
    return state;
  };

  Catalogue.prototype.activeCount = function (state) {
    var count = state.text.trim() ? 1 : 0;
    this.facets.forEach(function (facet) { count += state.chosen[facet.name].length; });
    return count;
  };

  Catalogue.prototype.isPlain = function (state) {
    return this.activeCount(state) === 0 && (!state.sort || state.sort === this.defaultSort);
  };

  // The order in effect: relevance while text is typed, unless the visitor chose one.
  Catalogue.prototype.order = function (state) {
    if (state.sort && state.sort !== RELEVANCE) return state.sort;
    return state.text.trim() ? RELEVANCE : this.defaultSort;
  };

  Catalogue.prototype.href = function (state) {
    var params = new URLSearchParams();
    this.facets.forEach(function (facet) {
      state.chosen[facet.name].forEach(function (value) { params.append(facet.name, value); });
    });
    if (state.text.trim()) params.set(TEXT_KEY, state.text.trim());
    if (state.sort && state.sort !== this.defaultSort && state.sort !== RELEVANCE) params.set("sort", state.sort);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  };

  Catalogue.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      this.loading = A.fetchJSON(A.route("cards")).then(function (data) {
        self.data = data;
        var position = {};
        data.facets.forEach(function (name, i) { position[name] = i; });
        self.items = data.cards.map(function (card, rank) {
          var values = {};
          self.facets.forEach(function (facet) {
            values[facet.name] = card.values[position[facet.name]] || [];
          });
          return {
            card: card, rank: rank, values: values, node: self.firstCards[card.slug] || null,
            title: A.normalise(card.title),
            text: A.normalise([card.title, card.summary, card.organisations.join(" ")].join(" "))
          };
        });
        return data;
      }, function (error) {
        self.loading = null;
        self.status.textContent = "De acties konden niet worden geladen. Probeer het opnieuw of laad de pagina opnieuw.";
        throw error;
      });
    }
    return this.loading;
  };

  // For each typed word, the filter values it names (by label or synonym).
  Catalogue.prototype.wordTerms = function (queryWords) {
    var terms = this.terms;
    return queryWords.map(function (word) {
      var named = {};
      if (word.length < 3) return named;
      terms.forEach(function (term) {
        var hit = term.words.some(function (w) { return w.indexOf(word) === 0; });
        if (hit) {
          named[term.facet] = named[term.facet] || [];
          named[term.facet].push(term.value);
        }
      });
      return named;
    });
  };

  // How well an item fits the typed words: 0 when a word is missing.
  function score(item, queryWords, named) {
    var total = 0;
    for (var i = 0; i < queryWords.length; i += 1) {
      var word = queryWords[i], points = 0;
      if (item.title.indexOf(word) !== -1) points += 3;
      else if (item.text.indexOf(word) !== -1) points += 1;
      Object.keys(named[i]).forEach(function (facet) {
        if (item.values[facet] && item.values[facet].some(function (v) { return named[i][facet].indexOf(v) !== -1; })) points += 2;
      });
      if (!points) return 0;
      total += points;
    }
    return total || 1;
  }

  // Which facets an item fails under a state, and whether its text fits.
  Catalogue.prototype.matches = function (state, skip) {
    var facets = this.facets;
    var queryWords = skip === TEXT_KEY ? [] : words(state.text);
    var named = this.wordTerms(queryWords);
    var counts = {};
    facets.forEach(function (facet) { counts[facet.name] = {}; });
    var found = [];
    this.items.forEach(function (item) {
      var points = queryWords.length ? score(item, queryWords, named) : 1;
      if (!points) return;
      var failing = [];
      facets.forEach(function (facet) {
        var chosen = state.chosen[facet.name];
        if (skip && skip.facet === facet.name) chosen = chosen.filter(function (v) { return v !== skip.value; });
        if (chosen.length && !item.values[facet.name].some(function (v) { return chosen.indexOf(v) !== -1; })) failing.push(facet.name);
      });
      if (failing.length === 0) { item.points = points; found.push(item); }
      // A value's count: what the list would hold with that value ticked as well.
      if (failing.length > 1) return;
      facets.forEach(function (facet) {
        if (failing.length === 1 && failing[0] !== facet.name) return;
        item.values[facet.name].forEach(function (value) {
          counts[facet.name][value] = (counts[facet.name][value] || 0) + 1;
        });
      });
    });
    return { found: found, counts: counts };
  };

  Catalogue.prototype.sorted = function (found, order) {
    if (order === RELEVANCE) {
      return found.slice().sort(function (a, b) { return (b.points - a.points) || (a.rank - b.rank); });
    }
    var place = {};
    found.forEach(function (item) { place[item.rank] = item; });
    var items = this.items;
    return (this.data.orders[order] || this.data.orders[this.defaultSort])
      .filter(function (rank) { return place[rank] !== undefined; })
      .map(function (rank) { return items[rank]; });
  };

  Catalogue.prototype.setForm = function (state) {
    this.boxes.forEach(function (box) {
      box.checked = (state.chosen[box.name] || []).indexOf(box.value) !== -1;
    });
    if (this.text.value !== state.text && document.activeElement !== this.text) this.text.value = state.text;
    var order = this.order(state);
    var relevance = this.sortMenu.querySelector("option[value=" + RELEVANCE + "]");
    relevance.disabled = !state.text.trim();
    this.sortMenu.value = order;
  };

  Catalogue.prototype.apply = function (state) {
    var self = this;
    this.state = state;
    this.setForm(state);
    this.drawChips(state);
    this.setPanelCount(state);
    if (!this.data) {
      if (this.isPlain(state)) { this.settled(state); return Promise.resolve(); }
      return this.load().then(function () { if (self.state === state) return self.apply(state); });
    }
    var result = this.matches(state);
    this.shown = this.sorted(result.found, this.order(state));
    this.limit = PAGE;
    this.drawCounts(result.counts, state);
    this.drawList();
    var count = this.shown.length;
    this.status.textContent = plural(count, this.status.getAttribute("data-one"), this.status.getAttribute("data-many"));
    this.drawDownload(count);
    if (this.done) this.done.textContent = this.done.getAttribute("data-text").replace("{n}", plural(count, "actie", "acties"));
    this.drawEmpty(state, count);
    this.settled(state);
    return Promise.resolve();
  };

  // The page shows `state` now: said on the catalogue for scripts that wait for it.
  Catalogue.prototype.settled = function (state) {
    this.root.setAttribute("data-ab-shows", this.href(state));
  };

  Catalogue.prototype.drawCounts = function (counts) {
    this.boxes.forEach(function (box) {
      var count = (counts[box.name] && counts[box.name][box.value]) || 0;
      var label = box.closest("label");
      label.querySelector("[data-ab-count]").textContent = String(count);
      label.classList.toggle("ab-filter--none", count === 0 && !box.checked);
    });
  };

  // Lays out the first `limit` matches; a card is drawn once and kept for later.
  Catalogue.prototype.drawList = function () {
    var steps = this.data.evidenceSteps;
    var visible = this.shown.slice(0, this.limit).map(function (item) {
      if (!item.node) item.node = A.drawCard(item.card, steps, 2);
      return item.node;
    });
    var current = this.list.children;
    var same = visible.length === current.length && visible.every(function (node, i) { return current[i] === node; });
    if (!same) {
      var fragment = document.createDocumentFragment();
      visible.forEach(function (node) { fragment.appendChild(node); });
      while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
      this.list.appendChild(fragment);
      if (A.syncChoices) A.syncChoices(this.list);
    }
    var rest = this.shown.length - visible.length;
    this.more.hidden = rest <= 0;
    this.more.textContent = this.more.getAttribute("data-text").replace("{n}", String(Math.min(rest, PAGE)));
  };

  Catalogue.prototype.chipsOf = function (state) {
    var self = this, chips = [];
    this.facets.forEach(function (facet) {
      state.chosen[facet.name].forEach(function (value) {
        var term = self.terms.filter(function (t) { return t.facet === facet.name && t.value === value; })[0];
        chips.push({ facet: facet.name, value: value, text: facet.label + ": " + (term ? term.label : value) });
      });
    });
    if (state.text.trim()) chips.push({ facet: TEXT_KEY, value: "", text: "Zoekwoord: " + state.text.trim() });
    return chips;
  };

  Catalogue.prototype.without = function (state, chip) {
    var next = JSON.parse(JSON.stringify(state));
    if (chip.facet === TEXT_KEY) next.text = "";
    else next.chosen[chip.facet] = next.chosen[chip.facet].filter(function (v) { return v !== chip.value; });
    return next;
  };

  Catalogue.prototype.drawChips = function (state) {
    var self = this;
    var chips = this.chipsOf(state);
    while (this.chipList.firstChild) this.chipList.removeChild(this.chipList.firstChild);
    chips.forEach(function (chip) {
      var button = A.element("button", { type: "button", "class": "ab-chip" }, [
        A.element("span", { "class": "ab-sr" }, ["Verwijder filter "]), chip.text,
        A.element("span", { "class": "ab-chip__x", "aria-hidden": "true" }, ["×"])
      ]);
      button.addEventListener("click", function () {
        var index = chips.indexOf(chip);
        self.go(self.without(self.state, chip), true).then(function () {
          var buttons = self.chipList.querySelectorAll("button");
          var next = buttons[Math.min(index, buttons.length - 1)];
          (next || self.text).focus();
        });
      });
      self.chipList.appendChild(A.element("li", {}, [button]));
    });
    this.chips.hidden = chips.length === 0;
  };

  Catalogue.prototype.setPanelCount = function (state) {
    var count = this.activeCount(state);
    var badge = this.panelButton.querySelector("[data-ab-active-count]");
    badge.textContent = count ? " (" + count + " actief)" : "";
  };

  Catalogue.prototype.drawDownload = function (count) {
    var text = this.download.querySelector("[data-ab-download-text]");
    text.textContent = this.download.getAttribute("data-text").replace("{n}", plural(count, "actie", "acties"));
  };

  // Nothing found: each active filter whose removal finds actions, as a link.
  Catalogue.prototype.drawEmpty = function (state, count) {
    var self = this;
    this.empty.hidden = count !== 0;
    this.list.hidden = count === 0;
    while (this.emptyOptions.firstChild) this.emptyOptions.removeChild(this.emptyOptions.firstChild);
    if (count !== 0) return;
    this.chipsOf(state).forEach(function (chip) {
      var next = self.without(state, chip);
      var found = self.matches(next).found.length;
      if (!found) return;
      var link = A.element("a", { href: self.href(next) }, ["Zonder ‘" + chip.text + "’: " + plural(found, "actie", "acties")]);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        self.go(next, true).then(function () { self.results.focus(); });
      });
      self.emptyOptions.appendChild(A.element("li", {}, [link]));
    });
    var clear = A.element("a", { href: window.location.pathname }, ["Wis alle filters: " + plural(this.items.length, "actie", "acties")]);
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      self.go(self.emptyState(), true).then(function () { self.results.focus(); });
    });
    this.emptyOptions.appendChild(A.element("li", {}, [clear]));
  };

  Catalogue.prototype.readForm = function () {
    var state = this.emptyState();
    state.text = this.text.value;
    state.sort = this.state.sort;
    this.boxes.forEach(function (box) {
      if (box.checked && state.chosen[box.name]) state.chosen[box.name].push(box.value);
    });
    return state;
  };

  // Apply a state and put it in the address (a new history entry, or in place).
  Catalogue.prototype.go = function (state, push) {
    var href = this.href(state);
    var here = window.location.pathname + window.location.search;
    if (href !== here) {
      if (push) window.history.pushState(window.history.state, "", href + window.location.hash);
      else window.history.replaceState(window.history.state, "", href + window.location.hash);
    }
    return this.apply(state);
  };

  Catalogue.prototype.listen = function () {
    var self = this;
    var typing = null;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") self.go(self.readForm(), true);
    });
    this.text.addEventListener("input", function () {
      window.clearTimeout(typing);
      // Typing replaces the current history entry: back should not replay each letter.
      typing = window.setTimeout(function () { self.go(self.readForm(), false); }, 150);
    });
    this.text.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); window.clearTimeout(typing); self.go(self.readForm(), false); }
    });
    this.sortMenu.addEventListener("change", function () {
      var state = self.readForm();
      state.sort = self.sortMenu.value;
      self.go(state, true);
    });
    // Fetch the card data as soon as the visitor reaches for the filters.
    ["pointerover", "focusin", "touchstart"].forEach(function (kind) {
      self.root.addEventListener(kind, function () { self.load().catch(function () {}); }, { once: true, passive: true });
    });
    this.more.addEventListener("click", function () {
      self.load().then(function () {
        if (self.isPlain(self.state) && !self.shown) { self.apply(self.state).then(more); } else { more(); }
      });
    });
    function more() {
      var first = self.limit;
      self.limit += PAGE;
      self.drawList();
      // Keyboard users continue where the new cards start.
      var next = self.list.children[first];
      if (next) next.querySelector("a").focus();
    }
    this.root.querySelector("[data-ab-clear]").addEventListener("click", function () {
      self.go(self.emptyState(), true).then(function () { self.text.focus(); });
    });
    this.listenGroups();
    this.listenDownload();
  };

  Catalogue.prototype.listenGroups = function () {
    var self = this;
    this.form.querySelectorAll("[data-ab-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        var fieldset = button.closest("fieldset");
        var open = !fieldset.classList.contains("ab-facet--open");
        fieldset.classList.toggle("ab-facet--open", open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.querySelector("[data-ab-all-text]").textContent = button.getAttribute(open ? "data-less" : "data-more");
      });
    });
    this.form.querySelectorAll("[data-ab-open]").forEach(function (button) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.closest("li").classList.toggle("ab-facet__item--open", open);
      });
    });
    // On a phone the filters open as a panel above the results.
    this.panelButton.addEventListener("click", function () {
      var open = !self.root.classList.contains("ab-catalogue--filters-open");
      self.root.classList.toggle("ab-catalogue--filters-open", open);
      self.panelButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) self.load().catch(function () {});
    });
    this.done.addEventListener("click", function () {
      self.root.classList.remove("ab-catalogue--filters-open");
      self.panelButton.setAttribute("aria-expanded", "false");
      self.results.scrollIntoView({ block: "start" });
      self.results.focus({ preventScroll: true });
    });
  };

  // "Download deze N acties": the matching rows of the site's CSV file.
  Catalogue.prototype.listenDownload = function () {
    var self = this;
    this.download.addEventListener("click", function (event) {
      if (self.isPlain(self.state) || !self.data) return;  // the whole file, as linked
      event.preventDefault();
      var slugs = self.matches(self.state).found.map(function (item) { return item.card.slug; });
      A.downloadCsv(slugs, "actiebank-acties-selectie.csv");
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
    var state = current.readUrl();
    // An old address (English values) is rewritten in place to the current names.
    current.go(state, false);
  }

  // One listener for the whole visit: instant navigation swaps pages without reloading.
  window.addEventListener("popstate", function () {
    if (current && document.body.contains(current.root)) current.apply(current.readUrl());
  });

  // On a facet value's page: "Download deze N acties" cuts that value's actions out of
  // the CSV file, using the card data to know which they are.
  function setupFacetDownload() {
    document.querySelectorAll("[data-ab-download][data-ab-selection]").forEach(function (link) {
      if (link.hasAttribute("data-ab-ready")) return;
      link.setAttribute("data-ab-ready", "");
      var pair = link.getAttribute("data-ab-selection").split("=");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        A.fetchJSON(A.route("cards")).then(function (data) {
          var at = data.facets.indexOf(pair[0]);
          var slugs = data.cards.filter(function (card) {
            return (card.values[at] || []).indexOf(pair[1]) !== -1;
          }).map(function (card) { return card.slug; });
          return A.downloadCsv(slugs, "actiebank-" + pair[0] + "-" + pair[1] + ".csv");
        }).catch(function () { window.location.href = link.href; });
      });
    });
  }

  A.onPage(function () { setup(); setupFacetDownload(); });
})();
