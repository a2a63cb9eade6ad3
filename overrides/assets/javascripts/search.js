/* Site search in the header, on the Pagefind index under /pagefind/ (hooks/search.py).
 *
 * Nothing is fetched until the search field gets focus: then Pagefind's script, its
 * WebAssembly and the index's table of contents (about 100 kB together); each query then
 * fetches only the index chunks of its words and the ten results it shows. The filters
 * (the kind of page and the catalogue's facets, named as in the vocabularies file) are
 * fetched when "Verfijn de resultaten" is opened.
 *
 * Keyboard: "/" goes to the field; arrow down moves from the field into the results and
 * between them, arrow up back; Enter opens the first result; Escape closes the search.
 * Every text comes from the partial (overrides/partials/search.html).
 */
(function () {
  "use strict";

  var BATCH = 10;
  var WAIT_MS = 200;
  // Shown first among the filters; the others follow in alphabetical order.
  var FIRST_FILTER = "Soort";

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /** @param {string} html */
  function plainText(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.textContent || "";
  }

  /** @param {HTMLElement} root */
  function Search(root) {
    this.root = root;
    /** Material's switch that opens the search (a checkbox). */
    this.toggle = /** @type {HTMLInputElement} */ (document.getElementById("__search"));
    this.opener = /** @type {HTMLElement | null} */ (document.querySelector("[data-ab-search-open]"));
    this.form = /** @type {HTMLFormElement} */ (root.querySelector("[data-ab-search-form]"));
    this.input = /** @type {HTMLInputElement} */ (root.querySelector("[data-ab-search-input]"));
    this.status = /** @type {HTMLElement} */ (root.querySelector("[data-ab-search-status]"));
    this.list = /** @type {HTMLElement} */ (root.querySelector("[data-ab-search-results]"));
    this.more = /** @type {HTMLElement} */ (root.querySelector("[data-ab-search-more]"));
    this.refine = /** @type {HTMLDetailsElement} */ (root.querySelector("[data-ab-search-refine]"));
    this.filterBox = /** @type {HTMLElement} */ (root.querySelector("[data-ab-search-filters]"));
    // Resolved once: the header stays while instant navigation changes the page.
    this.index = new URL(/** @type {string} */ (root.getAttribute("data-ab-index")), window.location.href);
    /** @type {Promise<Pagefind.Module> | null} */
    this.pagefind = null;
    /** @type {HTMLSelectElement[]} */
    this.selects = [];
    /** @type {Pagefind.Result[]} */
    this.results = [];
    this.shown = 0;
    this.query = 0;
    this.timer = 0;
    this.quiet = false;
  }

  /**
   * A text of the partial, with its {words} filled in.
   * @param {string} name
   * @param {Record<string, string | number>} [values]
   */
  Search.prototype.text = function (name, values) {
    var text = this.root.getAttribute("data-ab-" + name) || "";
    var words = values || {};
    Object.keys(words).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(words[key]));
    });
    return text;
  };

  /** @returns {Promise<Pagefind.Module>} */
  Search.prototype.load = function () {
    if (!this.pagefind) {
      var index = this.index;
      this.pagefind = import(new URL("pagefind.js", index).href).then(function (/** @type {Pagefind.Module} */ pagefind) {
        return pagefind.options({ baseUrl: new URL("..", index).pathname }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
    }
    return this.pagefind;
  };

  Search.prototype.open = function () {
    this.toggle.checked = true;
    this.load().catch(this.fail.bind(this));
  };

  Search.prototype.close = function () {
    var inside = this.root.contains(document.activeElement);
    this.toggle.checked = false;
    if (!inside) return;
    // On a phone the field disappears with the search: back to the button that opened it.
    if (this.opener && this.opener.offsetParent !== null) {
      this.opener.focus();
    } else {
      this.quiet = true;  // the field stays focused, without opening again
      this.input.focus();
      this.quiet = false;
    }
  };

  Search.prototype.fail = function () {
    this.status.textContent = this.text("error");
  };

  /** The value chosen in each filter, by the filter's name. */
  Search.prototype.chosen = function () {
    /** @type {Record<string, string>} */
    var chosen = {};
    this.selects.forEach(function (select) {
      if (select.value) chosen[select.name] = select.value;
    });
    return chosen;
  };

  Search.prototype.run = function () {
    var self = this;
    var term = this.input.value.trim();
    var filters = this.chosen();
    var filtered = Object.keys(filters).length > 0;
    var query = ++this.query;
    if (!term && !filtered) {
      this.show([]);
      this.status.textContent = this.text("idle");
      if (this.selects.length) this.recount();
      return;
    }
    this.load().then(function (pagefind) {
      return pagefind.search(term || null, { filters: filters });
    }).then(function (search) {
      if (query !== self.query || !search) return;
      self.counts(search.filters);
      return self.show(search.results).then(function () {
        if (query !== self.query) return;
        // Said once the first results are in the list, so a screen reader finds them there.
        var count = search.results.length;
        var kind = (count === 0 ? "none" : count === 1 ? "one" : "many") +
          (!term ? "-filtered" : filtered ? "-both" : "");
        self.status.textContent = self.text(kind, { count: count, term: term });
      });
    }).catch(this.fail.bind(this));
  };

  /** @param {Pagefind.Result[]} results */
  Search.prototype.show = function (results) {
    this.results = results;
    this.shown = 0;
    this.list.textContent = "";
    this.more.hidden = true;
    return this.showMore(false);
  };

  /** @param {boolean} focus */
  Search.prototype.showMore = function (focus) {
    var self = this;
    var batch = this.results.slice(this.shown, this.shown + BATCH);
    var query = this.query;
    this.shown += batch.length;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (query !== self.query) return;
      var first = /** @type {HTMLAnchorElement | null} */ (null);
      pages.forEach(function (page) {
        var item = self.item(page);
        self.list.appendChild(item);
        first = first || item.querySelector("a");
      });
      self.more.hidden = self.shown >= self.results.length;
      if (focus && first) first.focus();
    });
  };

  /** @param {Pagefind.Page} page */
  Search.prototype.item = function (page) {
    var meta = page.meta || {};
    var item = element("li", "ab-search__item");
    var link = element("a", "ab-search__link");
    link.href = page.url;
    if (meta.soort) link.appendChild(element("span", "ab-search__kind", meta.soort));
    link.appendChild(element("span", "ab-search__title", meta.title || page.url));
    item.appendChild(link);
    var summary = meta.samenvatting || plainText(page.excerpt || "");
    if (summary) item.appendChild(element("p", "ab-search__summary", summary));
    if (meta.kenmerken) item.appendChild(element("p", "ab-search__traits", meta.kenmerken));
    return item;
  };

  // The filters, built once from the index: a list per filter, "Alle" first. They appear
  // with the numbers of the search now shown (a search made before the filters were
  // loaded has none), not first with the whole site's.
  Search.prototype.buildFilters = function () {
    var self = this;
    if (this.selects.length) return;
    var query = this.query;
    this.load().then(function (pagefind) {
      // In this order: a search counts only the filters Pagefind has loaded.
      return pagefind.filters().then(function (filters) {
        return self.currentCounts().then(function (counts) {
          return /** @type {[Pagefind.Filters, Pagefind.Filters | null]} */ ([filters, counts]);
        });
      });
    }).then(function (found) {
      if (self.selects.length) return;
      var filters = found[0];
      Object.keys(filters).sort(function (a, b) {
        return (a === FIRST_FILTER ? -1 : b === FIRST_FILTER ? 1 : a.localeCompare(b, "nl"));
      }).forEach(function (name) {
        var label = element("label", "ab-search__filter");
        label.appendChild(element("span", "ab-search__filter-name", name));
        var select = element("select");
        select.name = name;
        select.appendChild(new Option(self.text("all"), ""));
        Object.keys(filters[name]).sort(function (a, b) {
          return a.localeCompare(b, "nl");
        }).forEach(function (value) {
          var option = new Option(value, value);
          option.setAttribute("data-value", value);
          select.appendChild(option);
        });
        select.addEventListener("change", self.run.bind(self));
        label.appendChild(select);
        self.filterBox.appendChild(label);
        self.selects.push(select);
      });
      self.counts(found[1] || filters);
      if (query !== self.query) self.recount();  // typed on while the filters loaded
    }).catch(this.fail.bind(this));
  };

  // The numbers for the words and filters now chosen; with neither, the whole site's.
  // Pagefind keeps what it fetched, so this downloads nothing new.
  Search.prototype.currentCounts = function () {
    var term = this.input.value.trim();
    var filters = this.chosen();
    return this.load().then(function (pagefind) {
      if (!term && Object.keys(filters).length === 0) return pagefind.filters();
      return pagefind.search(term || null, { filters: filters }).then(function (search) {
        return search && search.filters;
      });
    });
  };

  Search.prototype.recount = function () {
    var self = this;
    var query = this.query;
    this.currentCounts().then(function (counts) {
      if (query === self.query && counts) self.counts(counts);
    }).catch(this.fail.bind(this));
  };

  // After a search: how many of its results carry each value.
  /** @param {Pagefind.Filters} counts */
  Search.prototype.counts = function (counts) {
    this.selects.forEach(function (select) {
      var values = (counts && counts[select.name]) || {};
      Array.prototype.forEach.call(select.options, function (option) {
        var value = option.getAttribute("data-value");
        if (value) option.textContent = value + " (" + (values[value] || 0) + ")";
      });
    });
  };

  /** @returns {HTMLAnchorElement[]} */
  Search.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a"));
  };

  /** @param {KeyboardEvent} event */
  Search.prototype.onKey = function (event) {
    var links = this.links();
    var at = links.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    } else if (event.key === "ArrowDown" && (event.target === this.input || at >= 0)) {
      event.preventDefault();
      if (links[at + 1]) links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at > 0 ? links[at - 1] : this.input).focus();
    }
  };

  Search.prototype.listen = function () {
    var self = this;
    this.input.addEventListener("focus", function () {
      if (!self.quiet) self.open();
    });
    this.input.addEventListener("input", function () {
      self.open();
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(self.run.bind(self), WAIT_MS);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(self.timer);
      var first = self.links()[0];
      if (first) first.click();
      else self.run();
    });
    this.form.addEventListener("reset", function () {
      window.setTimeout(function () { self.run(); self.input.focus(); }, 0);
    });
    this.root.addEventListener("keydown", this.onKey.bind(this));
    this.root.addEventListener("focusout", function (event) {
      var next = /** @type {Node | null} */ (event.relatedTarget);
      if (next && !self.root.contains(next) && next !== self.opener) self.toggle.checked = false;
    });
    this.list.addEventListener("click", function (event) {
      var target = /** @type {Element} */ (event.target);
      if (target.closest && target.closest("a")) self.toggle.checked = false;
    });
    this.more.addEventListener("click", function () { self.showMore(true); });
    this.refine.addEventListener("toggle", function () {
      if (self.refine.open) self.buildFilters();
    });
    if (this.opener) {
      this.opener.addEventListener("click", function () {
        self.open();
        self.input.focus();
      });
    }
    document.addEventListener("keydown", function (event) {
      var target = /** @type {HTMLElement | null} */ (event.target);
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        self.open();
        self.input.focus();
      }
    });
  };

  /** @type {Search | null} */
  var current = null;

  function setup() {
    var root = /** @type {HTMLElement | null} */ (document.querySelector("[data-ab-search]"));
    if (!root || root.hasAttribute("data-ab-ready")) {
      // A new page under instant navigation: the search closes, the words stay.
      if (current) current.toggle.checked = false;
      return;
    }
    root.setAttribute("data-ab-ready", "");
    current = new Search(root);
    current.listen();
  }

  // Material swaps pages without reloading: actiebank.js runs `setup` on each one.
  window.Actiebank.onPage(setup);
})();
