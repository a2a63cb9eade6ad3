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
 *
 * A click must answer within a frame or two with thousands of actions (bench/README.md):
 * values are counted as small numbers in typed arrays, the page is only written where
 * it changes (counts, chips, texts; the announced result count excepted), and cards that
 * stay in the list are never taken out and put back.
 */
(function () {
  "use strict";

  var A = window.Actiebank;
  var PAGE = A.FIRST_CARDS;  // from the build (script_facts.py)
  // Not "q": Material opens its search dialog for a ?q= in the address.
  var TEXT_KEY = "zoek";
  var RELEVANCE = "relevantie";

  /**
   * A filter group: its values get small numbers (codes) as they are first seen.
   * @typedef {object} CatalogueFacet
   * @property {string} name its name in the address
   * @property {string} label
   * @property {Record<string, number>} codes each value's number
   * @property {number} size how many values have a number
   */
  /**
   * A filter control (a checkbox) and what the page last showed of it.
   * @typedef {object} CatalogueTerm
   * @property {HTMLInputElement} box
   * @property {string} facet
   * @property {string} value
   * @property {string | null} label
   * @property {string[]} words its label and synonyms, folded
   * @property {number} f its facet's place, -1 for none
   * @property {number} code its value's number within the facet
   * @property {HTMLLabelElement} filter
   * @property {HTMLElement} count
   * @property {number | null} shown the count on the page
   * @property {boolean | null} none whether it is marked as finding nothing
   */
  /**
   * An action as the filters see it.
   * @typedef {object} CatalogueItem
   * @property {Actiebank.Card} card
   * @property {number} rank its place in the default order
   * @property {Record<string, string[]>} values by facet name
   * @property {Int32Array[]} codes by facet place, the values' numbers
   * @property {HTMLElement | null} node its card, once drawn
   * @property {string} title folded
   * @property {string} text the title, summary and organisations, folded
   * @property {number} points how well it fits the typed words (set by `matches`)
   */
  /**
   * What the visitor chose: typed words, an order, and the ticked values by facet.
   * @typedef {object} CatalogueState
   * @property {string} text
   * @property {string} sort
   * @property {Record<string, string[]>} chosen
   */
  /**
   * @typedef {object} CatalogueChip
   * @property {string} facet a facet's name, or TEXT_KEY for the typed words
   * @property {string} value
   * @property {string} text
   */

  /** @param {string} text */
  function words(text) {
    return A.normalise(text).split(/[^a-z0-9\u00df-\u024f'-]+/).filter(Boolean);
  }

  /**
   * @param {number} count
   * @param {string} one
   * @param {string} many
   */
  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  /** @param {HTMLElement} root */
  function Catalogue(root) {
    var self = this;
    this.root = root;
    this.form = /** @type {HTMLFormElement} */ (root.querySelector("[data-ab-filters]"));
    this.text = /** @type {HTMLInputElement} */ (root.querySelector("#ab-zoek"));
    this.sortMenu = /** @type {HTMLSelectElement} */ (root.querySelector("#ab-sort"));
    this.list = /** @type {HTMLElement} */ (root.querySelector("[data-ab-results]"));
    this.results = /** @type {HTMLElement} */ (root.querySelector("#ab-resultaten"));
    this.status = /** @type {HTMLElement} */ (root.querySelector("[data-ab-count-text]"));
    this.chips = /** @type {HTMLElement} */ (root.querySelector("[data-ab-chips]"));
    this.chipList = /** @type {HTMLElement} */ (root.querySelector("[data-ab-chip-list]"));
    this.empty = /** @type {HTMLElement} */ (root.querySelector("[data-ab-empty]"));
    this.emptyOptions = /** @type {HTMLElement} */ (root.querySelector("[data-ab-empty-options]"));
    this.more = /** @type {HTMLElement} */ (root.querySelector("[data-ab-more]"));
    this.download = /** @type {HTMLElement} */ (root.querySelector("[data-ab-download]"));
    this.panelButton = /** @type {HTMLElement} */ (root.querySelector("[data-ab-show-filters]"));
    this.done = /** @type {HTMLElement} */ (root.querySelector("[data-ab-done]"));
    this.defaultSort = /** @type {string} */ (root.getAttribute("data-default-sort"));
    /** @type {Record<string, Record<string, string>>} old value names by facet, with the current ones */
    this.aliases = JSON.parse(root.getAttribute("data-aliases") || "{}");
    /** @type {Record<string, string>} old order names, with the current ones */
    this.sortAliases = JSON.parse(root.getAttribute("data-sort-aliases") || "{}");
    /** @type {HTMLInputElement[]} */
    this.boxes = Array.prototype.slice.call(this.form.querySelectorAll("input[type=checkbox]"));
    // Each facet's codes and size are set just below.
    this.facets = /** @type {CatalogueFacet[]} */ (Array.prototype.map.call(this.form.querySelectorAll("[data-ab-facet]"), function (/** @type {Element} */ fieldset) {
      return { name: fieldset.getAttribute("data-ab-facet"), label: /** @type {Element} */ (fieldset.querySelector("legend")).textContent.trim() };
    }));
    this.sortNames = Array.prototype.map.call(this.sortMenu.options, function (/** @type {HTMLOptionElement} */ option) { return option.value; });
    /** @type {Record<string, number>} each facet's place, by its name */
    this.facetIndex = {};
    this.facets.forEach(function (facet, f) { facet.codes = {}; facet.size = 0; self.facetIndex[facet.name] = f; });
    /** @type {CatalogueTerm[]} */
    this.terms = this.boxes.map(function (box) {
      var facet = self.facets[self.facetIndex[box.name]];
      var label = /** @type {HTMLLabelElement} */ (box.closest("label"));
      return {
        box: box, facet: box.name, value: box.value, label: box.getAttribute("data-label"), words: words(box.getAttribute("data-words") || ""),
        f: facet ? self.facetIndex[box.name] : -1, code: facet ? codeOf(facet, box.value) : -1,
        filter: label, count: /** @type {HTMLElement} */ (label.querySelector("[data-ab-count]")), shown: null, none: null
      };
    });
    /** @type {string | null} */
    this.chipKey = null;
    /** @type {string | null} */
    this.emptyKey = null;
    /** @type {Actiebank.CardData | null} */
    this.data = null;
    /** @type {Promise<Actiebank.CardData> | null} */
    this.loading = null;
    /** @type {CatalogueItem[]} every action, once the data is in */
    this.items = [];
    /** @type {CatalogueItem[] | undefined} the actions the state lets through, in order */
    this.shown = undefined;
    /** @type {number} how many times the list was drawn */
    this.drawn = 0;
    this.limit = PAGE;
    this.state = this.emptyState();
    /** @type {Record<string, HTMLElement>} the cards the page came with, by slug */
    this.firstCards = {};
    Array.prototype.forEach.call(this.list.children, function (/** @type {HTMLElement} */ card) {
      self.firstCards[/** @type {string} */ (card.getAttribute("data-slug"))] = card;
    });
  }

  /** @returns {CatalogueState} */
  Catalogue.prototype.emptyState = function () {
    /** @type {Record<string, string[]>} */
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

  /** @param {CatalogueState} state */
  Catalogue.prototype.activeCount = function (state) {
    var count = state.text.trim() ? 1 : 0;
    this.facets.forEach(function (facet) { count += state.chosen[facet.name].length; });
    return count;
  };

  /** @param {CatalogueState} state */
  Catalogue.prototype.isPlain = function (state) {
    return this.activeCount(state) === 0 && (!state.sort || state.sort === this.defaultSort);
  };

  // The order in effect: relevance while text is typed, unless the visitor chose one.
  /** @param {CatalogueState} state */
  Catalogue.prototype.order = function (state) {
    if (state.sort && state.sort !== RELEVANCE) return state.sort;
    return state.text.trim() ? RELEVANCE : this.defaultSort;
  };

  /** @param {CatalogueState} state */
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

  /** @returns {Promise<Actiebank.CardData>} */
  Catalogue.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      var cards = /** @type {Promise<Actiebank.CardData>} */ (A.fetchJSON(A.route("cards")));
      this.loading = cards.then(function (data) {
        self.data = data;
        /** @type {Record<string, number>} */
        var position = {};
        data.facets.forEach(function (name, i) { position[name] = i; });
        self.items = data.cards.map(function (card, rank) {
          /** @type {Record<string, string[]>} */
          var values = {};
          var codes = self.facets.map(function (facet) {
            values[facet.name] = card.values[position[facet.name]] || [];
            return self.codesOf(facet, values[facet.name]);
          });
          return {
            card: card, rank: rank, values: values, codes: codes, node: self.firstCards[card.slug] || null,
            title: A.normalise(card.title),
            text: A.normalise([card.title, card.summary, card.organisations.join(" ")].join(" ")),
            points: 0
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

  // A facet's values as small numbers (one per filter control; a value no control offers
  // gets its own, so it still counts as a value the item has).
  /**
   * @param {CatalogueFacet} facet
   * @param {string[]} values
   */
  Catalogue.prototype.codesOf = function (facet, values) {
    var codes = new Int32Array(values.length);
    for (var i = 0; i < values.length; i += 1) codes[i] = codeOf(facet, values[i]);
    return codes;
  };

  // A value's number within its facet, given the first time the value is seen.
  /**
   * @param {CatalogueFacet} facet
   * @param {string} value
   */
  function codeOf(facet, value) {
    if (facet.codes[value] === undefined) { facet.codes[value] = facet.size; facet.size += 1; }
    return facet.codes[value];
  }

  // For each typed word, the filter values it names (by label or synonym).
  /**
   * @param {string[]} queryWords
   * @returns {Record<string, string[]>[]} per word, the values it names by facet
   */
  Catalogue.prototype.wordTerms = function (queryWords) {
    var terms = this.terms;
    return queryWords.map(function (word) {
      /** @type {Record<string, string[]>} */
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
  /**
   * @param {CatalogueItem} item
   * @param {string[]} queryWords
   * @param {Record<string, string[]>[]} named
   */
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

  // The items a state lets through, and per facet how many each value would show.
  /** @param {CatalogueState} state */
  Catalogue.prototype.matches = function (state) {
    var facets = this.facets, items = this.items, nf = facets.length;
    var queryWords = words(state.text);
    var named = this.wordTerms(queryWords);
    // Per facet: which values are ticked (a flag per value code), and whether any is.
    var ticked = facets.map(function (facet) {
      var flags = new Uint8Array(facet.size);
      state.chosen[facet.name].forEach(function (value) {
        if (facet.codes[value] !== undefined) flags[facet.codes[value]] = 1;
      });
      return state.chosen[facet.name].length ? flags : null;
    });
    var counts = facets.map(function (facet) { return new Int32Array(facet.size); });
    /** @type {CatalogueItem[]} */
    var found = [];
    for (var i = 0; i < items.length; i += 1) {
      var item = items[i];
      var points = queryWords.length ? score(item, queryWords, named) : 1;
      if (!points) continue;
      var failing = -1, failures = 0;
      for (var f = 0; f < nf && failures < 2; f += 1) {
        if (ticked[f] && !hasAny(item.codes[f], /** @type {Uint8Array} */ (ticked[f]))) { failing = f; failures += 1; }
      }
      if (failures === 0) { item.points = points; found.push(item); }
      // A value's count: what the list would hold with that value ticked as well.
      if (failures > 1) continue;
      for (f = 0; f < nf; f += 1) {
        if (failures === 1 && failing !== f) continue;
        var codes = item.codes[f], tally = counts[f];
        for (var k = 0; k < codes.length; k += 1) tally[codes[k]] += 1;
      }
    }
    return { found: found, counts: counts };
  };

  /**
   * @param {Int32Array} codes
   * @param {Uint8Array} flags
   */
  function hasAny(codes, flags) {
    for (var k = 0; k < codes.length; k += 1) if (flags[codes[k]]) return true;
    return false;
  }

  /**
   * @param {CatalogueItem[]} found
   * @param {string} order
   */
  Catalogue.prototype.sorted = function (found, order) {
    if (order === RELEVANCE) {
      return found.slice().sort(function (a, b) { return (b.points - a.points) || (a.rank - b.rank); });
    }
    var items = this.items, place = new Uint8Array(items.length), out = [];
    found.forEach(function (item) { place[item.rank] = 1; });
    var data = /** @type {Actiebank.CardData} */ (this.data);
    var ranks = data.orders[order] || data.orders[this.defaultSort];
    for (var i = 0; i < ranks.length; i += 1) if (place[ranks[i]]) out.push(items[ranks[i]]);
    return out;
  };

  // Writes only what differs: an unchanged text or flag is left alone, so the browser
  // has nothing to restyle, lay out or announce again.
  /**
   * @param {Node} node
   * @param {string} text
   */
  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  /**
   * @param {HTMLElement} node
   * @param {boolean} hidden
   */
  function setHidden(node, hidden) { if (node.hidden !== hidden) node.hidden = hidden; }

  /** @param {CatalogueState} state */
  Catalogue.prototype.setForm = function (state) {
    this.boxes.forEach(function (box) {
      var checked = (state.chosen[box.name] || []).indexOf(box.value) !== -1;
      if (box.checked !== checked) box.checked = checked;
    });
    if (this.text.value !== state.text && document.activeElement !== this.text) this.text.value = state.text;
    var order = this.order(state);
    var relevance = /** @type {HTMLOptionElement} */ (this.sortMenu.querySelector("option[value=" + RELEVANCE + "]"));
    if (relevance.disabled !== !state.text.trim()) relevance.disabled = !state.text.trim();
    if (this.sortMenu.value !== order) this.sortMenu.value = order;
  };

  /**
   * @param {CatalogueState} state
   * @returns {Promise<void>}
   */
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
    this.drawCounts(result.counts);
    this.drawList();
    var count = this.shown.length;
    // Always written, also when the number stays the same: the live region is told of
    // every change of the filters, as before.
    this.status.textContent = plural(count, /** @type {string} */ (this.status.getAttribute("data-one")), /** @type {string} */ (this.status.getAttribute("data-many")));
    this.drawDownload(count);
    if (this.done) setText(this.done, /** @type {string} */ (this.done.getAttribute("data-text")).replace("{n}", plural(count, "actie", "acties")));
    this.drawEmpty(state, count);
    this.settled(state);
    return Promise.resolve();
  };

  // The page shows `state` now: said on the catalogue for scripts that wait for it.
  /** @param {CatalogueState} state */
  Catalogue.prototype.settled = function (state) {
    this.root.setAttribute("data-ab-shows", this.href(state));
  };

  /** @param {Int32Array[]} counts per facet, per value code */
  Catalogue.prototype.drawCounts = function (counts) {
    this.terms.forEach(function (term) {
      var count = term.f === -1 ? 0 : counts[term.f][term.code];
      var none = count === 0 && !term.box.checked;
      if (term.shown !== count) { setText(term.count, String(count)); term.shown = count; }
      if (term.none !== none) { term.filter.classList.toggle("ab-filter--none", none); term.none = none; }
    });
  };

  // Lays out the first `limit` matches; a card is drawn once and kept for later. Cards
  // that stay keep their place in the page (taking one out and putting it back would make
  // the browser style and lay it out anew); only the others are removed or inserted.
  Catalogue.prototype.drawList = function () {
    var list = this.list, steps = /** @type {Actiebank.CardData} */ (this.data).evidenceSteps;
    var shown = /** @type {CatalogueItem[]} */ (this.shown);
    var wanted = shown.slice(0, this.limit);
    var stamp = (this.drawn = (this.drawn || 0) + 1);
    wanted.forEach(function (item) {
      if (!item.node) item.node = A.drawCard(item.card, steps, 2);
      item.node.abDrawn = stamp;
    });
    var child = list.firstElementChild;
    while (child) {
      var next = child.nextElementSibling;
      if (child.abDrawn !== stamp) list.removeChild(child);
      child = next;
    }
    // The cards to insert are brought up to date with the visitor's lists (compare,
    // plan) while still outside the page.
    var incoming = document.createDocumentFragment();
    wanted.forEach(function (item) {
      var node = /** @type {HTMLElement} */ (item.node);  // drawn above
      if (node.parentNode !== list) incoming.appendChild(node);
    });
    if (incoming.firstChild && A.syncChoices) A.syncChoices(incoming);
    var cursor = list.firstElementChild;
    wanted.forEach(function (item) {
      var node = /** @type {HTMLElement} */ (item.node);
      if (node === cursor) cursor = node.nextElementSibling;
      else list.insertBefore(node, cursor);
    });
    var rest = shown.length - wanted.length;
    setHidden(this.more, rest <= 0);
    setText(this.more, /** @type {string} */ (this.more.getAttribute("data-text")).replace("{n}", String(Math.min(rest, PAGE))));
  };

  /** @param {CatalogueState} state */
  Catalogue.prototype.chipsOf = function (state) {
    var self = this;
    /** @type {CatalogueChip[]} */
    var chips = [];
    this.facets.forEach(function (facet) {
      state.chosen[facet.name].forEach(function (value) {
        var term = self.terms.filter(function (t) { return t.facet === facet.name && t.value === value; })[0];
        chips.push({ facet: facet.name, value: value, text: facet.label + ": " + (term ? term.label : value) });
      });
    });
    if (state.text.trim()) chips.push({ facet: TEXT_KEY, value: "", text: "Zoekwoord: " + state.text.trim() });
    return chips;
  };

  /**
   * @param {CatalogueState} state
   * @param {CatalogueChip} chip
   */
  Catalogue.prototype.without = function (state, chip) {
    /** @type {CatalogueState} */
    var next = JSON.parse(JSON.stringify(state));
    if (chip.facet === TEXT_KEY) next.text = "";
    else next.chosen[chip.facet] = next.chosen[chip.facet].filter(function (v) { return v !== chip.value; });
    return next;
  };

  /** @param {CatalogueState} state */
  Catalogue.prototype.drawChips = function (state) {
    var self = this;
    var chips = this.chipsOf(state);
    var key = JSON.stringify(chips);
    if (key === this.chipKey) return;
    this.chipKey = key;
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
    setHidden(this.chips, chips.length === 0);
  };

  /** @param {CatalogueState} state */
  Catalogue.prototype.setPanelCount = function (state) {
    var count = this.activeCount(state);
    var badge = /** @type {Element} */ (this.panelButton.querySelector("[data-ab-active-count]"));
    setText(badge, count ? " (" + count + " actief)" : "");
  };

  /** @param {number} count */
  Catalogue.prototype.drawDownload = function (count) {
    var text = /** @type {Element} */ (this.download.querySelector("[data-ab-download-text]"));
    setText(text, /** @type {string} */ (this.download.getAttribute("data-text")).replace("{n}", plural(count, "actie", "acties")));
  };

  // Nothing found: each active filter whose removal finds actions, as a link.
  /**
   * @param {CatalogueState} state
   * @param {number} count
   */
  Catalogue.prototype.drawEmpty = function (state, count) {
    var self = this;
    setHidden(this.empty, count !== 0);
    setHidden(this.list, count === 0);
    var key = count === 0 ? this.href(state) : null;
    if (key === this.emptyKey) return;
    this.emptyKey = key;
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
  /**
   * @param {CatalogueState} state
   * @param {boolean} push
   */
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
    /** @type {number | undefined} */
    var typing;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) {
      if (/** @type {HTMLInputElement} */ (event.target).type === "checkbox") self.go(self.readForm(), true);
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
      if (next) /** @type {HTMLAnchorElement} */ (next.querySelector("a")).focus();
    }
    /** @type {Element} */ (this.root.querySelector("[data-ab-clear]")).addEventListener("click", function () {
      self.go(self.emptyState(), true).then(function () { self.text.focus(); });
    });
    this.listenGroups();
    this.listenDownload();
  };

  Catalogue.prototype.listenGroups = function () {
    var self = this;
    this.form.querySelectorAll("[data-ab-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        var fieldset = /** @type {HTMLFieldSetElement} */ (button.closest("fieldset"));
        var open = !fieldset.classList.contains("ab-facet--open");
        fieldset.classList.toggle("ab-facet--open", open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
        /** @type {Element} */ (button.querySelector("[data-ab-all-text]")).textContent = button.getAttribute(open ? "data-less" : "data-more");
      });
    });
    this.form.querySelectorAll("[data-ab-open]").forEach(function (button) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", open ? "true" : "false");
        /** @type {HTMLLIElement} */ (button.closest("li")).classList.toggle("ab-facet__item--open", open);
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

  /** @type {Catalogue | null} */
  var current = null;

  function setup() {
    var root = /** @type {HTMLElement | null} */ (document.querySelector("[data-ab-catalogue]"));
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
    /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll("[data-ab-download][data-ab-selection]")).forEach(function (link) {
      if (link.hasAttribute("data-ab-ready")) return;
      link.setAttribute("data-ab-ready", "");
      var pair = /** @type {string} */ (link.getAttribute("data-ab-selection")).split("=");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        /** @type {Promise<Actiebank.CardData>} */ (A.fetchJSON(A.route("cards"))).then(function (data) {
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
