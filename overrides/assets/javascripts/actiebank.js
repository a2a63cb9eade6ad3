/* What the site's page scripts share (window.Actiebank): the site's root address, text
 * folding, the visitor's two lists (compare, plan) kept in this browser only, fetching the
 * site's own data files, drawing an action's card, and cutting a selection out of the
 * site's CSV file.
 *
 * Every text from the content is written with textContent and every address with
 * setAttribute: nothing from a data file becomes markup.
 */
(function () {
  "use strict";

  // This file lives at <root>assets/javascripts/actiebank.js: the site's root follows
  // from its own address, on any base path and on every page.
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  var siteRoot = new URL("../../", script ? script.src : window.location.href);

  // The site's addresses (routes.py) and limits, as the build hands them to the scripts
  // on every page (data-ab-site, src/actiebank/site/script_facts.py). "{slug}" stands for
  // an action's name.
  var holder = document.querySelector("[data-ab-site]");
  /** @type {Actiebank.SiteFacts} */
  var SITE = JSON.parse(holder ? /** @type {string} */ (holder.getAttribute("data-ab-site")) : "{}");
  var ROUTES = SITE.routes;

  /**
   * @param {Actiebank.RouteName} name
   * @param {string} [slug]
   */
  function route(name, slug) {
    return ROUTES[name].replace("{slug}", slug || "");
  }

  /** @param {string} path */
  function url(path) {
    return new URL(path, siteRoot).href;
  }

  /** @param {string} text */
  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ------------------------------------------------------------------ the two lists

  /** @type {Record<Actiebank.ListName, string>} */
  var LISTS = { compare: "actiebank.vergelijk", plan: "actiebank.plan" };
  /** @type {Partial<Record<Actiebank.ListName, string>>} */
  var memory = {};  // when the browser refuses storage (private mode, settings)

  /**
   * @param {Actiebank.ListName} name
   * @returns {Actiebank.ListItem[]}
   */
  function readList(name) {
    /** @type {string | null} */
    var raw;
    try { raw = window.localStorage.getItem(LISTS[name]); } catch (error) { raw = memory[name] || null; }
    if (raw === null) raw = memory[name] || null;
    try {
      var items = JSON.parse(raw || "[]");
      return Array.isArray(items) ? items.filter(function (item) {
        return item && typeof item.slug === "string" && /^[a-z0-9-]+$/.test(item.slug);
      }).map(function (item) {
        return { slug: item.slug, title: String(item.title || item.slug) };
      }) : [];
    } catch (error) {
      return [];
    }
  }

  /** @type {Actiebank.ListListener[]} */
  var listeners = [];

  /**
   * @param {Actiebank.ListName} name
   * @param {Actiebank.ListItem[]} items
   */
  function writeList(name, items) {
    var raw = JSON.stringify(items);
    memory[name] = raw;
    try { window.localStorage.setItem(LISTS[name], raw); } catch (error) { /* kept in memory */ }
    listeners.forEach(function (listener) { listener(name, items); });
  }

  /** @param {Actiebank.ListListener} listener */
  function onListChange(listener) { listeners.push(listener); }

  // Another tab changed a list: follow it.
  window.addEventListener("storage", function (event) {
    /** @type {Actiebank.ListName[]} */ (Object.keys(LISTS)).forEach(function (name) {
      if (event.key === LISTS[name]) {
        listeners.forEach(function (listener) { listener(name, readList(name)); });
      }
    });
  });

  /** @param {Actiebank.ListItem[]} items */
  function slugsOf(items) { return items.map(function (item) { return item.slug; }); }

  // "?acties=a,b,c" -> ["a", "b", "c"]: only names an action can have, each once.
  /** @param {number} limit */
  function slugsFromQuery(limit) {
    var raw = new URLSearchParams(window.location.search).get("acties");
    if (raw === null) return null;
    /** @type {string[]} */
    var seen = [];
    // Read no further than the limit: an address with thousands of names stays cheap.
    var names = raw.split(",", limit * 4 + 1);
    for (var i = 0; i < names.length && seen.length < limit; i++) {
      var slug = names[i].trim();
      if (/^[a-z0-9-]+$/.test(slug) && seen.indexOf(slug) === -1) seen.push(slug);
    }
    return seen;
  }

  // ------------------------------------------------------------------ data files

  /** @type {Record<string, Promise<unknown>>} */
  var cache = {};

  /**
   * @param {string} path
   * @returns {Promise<unknown>}
   */
  function fetchJSON(path) {
    var address = url(path);
    if (!cache[address]) {
      cache[address] = window.fetch(address, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + address);
        return response.json();
      });
      cache[address].catch(function () { delete cache[address]; });
    }
    return cache[address];
  }

  /**
   * @param {string} slug
   * @returns {Promise<Actiebank.FactSheet>}
   */
  function factSheet(slug) { return /** @type {Promise<Actiebank.FactSheet>} */ (fetchJSON(route("factSheet", slug))); }

  // ------------------------------------------------------------------ drawing a card

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attributes]
   * @param {(Node | string)[]} [children]
   */
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    var given = attributes || {};
    Object.keys(given).forEach(function (name) { node.setAttribute(name, given[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /**
   * @param {string} term
   * @param {string} value
   */
  function factRow(term, value) {
    return element("div", {}, [element("dt", {}, [term]), element("dd", {}, [value])]);
  }

  /**
   * @param {Actiebank.Card} card
   * @param {number} steps
   */
  function indicators(card, steps) {
    var evidence = element("dd", {}, [element("a", { href: url(route("evidence")) }, [card.evidence[0]])]);
    var step = card.evidence[1];
    if (step) {
      var ladder = element("span", { "class": "ab-ladder", "aria-hidden": "true" });
      for (var i = 1; i <= steps; i += 1) {
        ladder.appendChild(element("span", { "class": "ab-ladder__step" + (i <= step ? " ab-ladder__step--on" : "") }));
      }
      evidence.appendChild(document.createTextNode(" "));
      evidence.appendChild(ladder);
      evidence.appendChild(element("span", { "class": "ab-sr" }, [", stap " + step + " van " + steps]));
    }
    return element("dl", { "class": "ab-indicators" }, [
      element("div", { "class": "ab-indicator" }, [element("dt", {}, ["Bewijs"]), evidence]),
      element("div", { "class": "ab-indicator" }, [element("dt", {}, ["Kosten"]), element("dd", {}, [card.costs])]),
      element("div", { "class": "ab-indicator" }, [element("dt", {}, ["Resultaat"]), element("dd", {}, [card.results.join("; ")])])
    ]);
  }

  /** @param {Actiebank.Card} card */
  function chooseButtons(card) {
    return element("p", { "class": "ab-choose-tools" }, [
      element("button", { type: "button", "class": "ab-toggle", "data-ab-compare": card.slug, "data-title": card.title, "aria-pressed": "false" },
        ["Vergelijk", element("span", { "class": "ab-sr" }, [" " + card.title])]),
      " ",
      element("button", { type: "button", "class": "ab-toggle", "data-ab-save": card.slug, "data-title": card.title, "aria-pressed": "false" },
        ["Bewaar in mijn plan", element("span", { "class": "ab-sr" }, [": " + card.title])])
    ]);
  }

  // The same markup as the `action_card` macro in the core's _parts.html.
  /**
   * @param {Actiebank.Card} card
   * @param {number} steps
   * @param {number} [level]
   */
  function drawCard(card, steps, level) {
    var facts = [factRow("Regio", card.regions.join(", "))];
    if (card.sectors.length) facts.push(factRow("Sector", card.sectors.join(", ")));
    facts.push(factRow("Status", card.status + (card.period ? ", " + card.period : "")));
    var labels = element("p", { "class": "ab-card__labels" });
    card.factors.forEach(function (factor) {
      labels.appendChild(element("span", { "class": "ab-label" }, [factor]));
      labels.appendChild(document.createTextNode(" "));
    });
    var parts = [
      element("h" + (level || 2), { "class": "ab-card__title" }, [element("a", { href: url(route("action", card.slug)) }, [card.title])]),
      element("p", { "class": "ab-card__orgs" }, [card.organisations.join(", ")]),
      element("p", { "class": "ab-card__summary" }, [card.summary]),
      element("dl", { "class": "ab-card__facts" }, facts),
      indicators(card, steps)
    ];
    if (card.stopped) {
      parts.push(element("p", { "class": "ab-card__stopped" }, [element("strong", {}, ["Waarom gestopt:"]), " " + card.stopped]));
    }
    parts.push(labels, chooseButtons(card));
    return element("li", { "class": "ab-card", "data-slug": card.slug }, parts);
  }

  // ------------------------------------------------------------------ the CSV file

  // The records of a CSV text as [start, end, fields]: quotes may hold ';' and line breaks.
  /**
   * @param {string} text
   * @param {string} separator
   */
  function csvRecords(text, separator) {
    /** @type {[number, number, string[]][]} */
    var records = [];
    /** @type {string[]} */
    var fields = [];
    var field = "", start = 0, i = 0, quoted = false;
    while (i < text.length) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (ch === '"') { quoted = false; i += 1; continue; }
        field += ch; i += 1; continue;
      }
      if (ch === '"') { quoted = true; i += 1; continue; }
      if (ch === separator) { fields.push(field); field = ""; i += 1; continue; }
      if (ch === "\r" || ch === "\n") {
        fields.push(field);
        records.push([start, i, fields]);
        if (ch === "\r" && text[i + 1] === "\n") i += 1;
        i += 1; start = i; fields = []; field = "";
        continue;
      }
      field += ch; i += 1;
    }
    if (field !== "" || fields.length) { fields.push(field); records.push([start, i, fields]); }
    return records;
  }

  // The site's Dutch CSV with only the rows of the given actions, byte for byte as the
  // site wrote them (the column "Adres" ends in /acties/<slug>/).
  /**
   * @param {string} text
   * @param {string[]} slugs
   */
  function selectCsv(text, slugs) {
    var records = csvRecords(text, ";");
    if (!records.length) return text;
    var header = records[0][2].map(function (name) { return name.replace(/^\ufeff/, ""); });
    var column = header.indexOf("Adres");
    /** @type {Record<string, boolean>} */
    var wanted = {};
    slugs.forEach(function (slug) { wanted["/" + route("action", slug)] = true; });
    var lines = [text.slice(records[0][0], records[0][1])];
    records.slice(1).forEach(function (record) {
      var address = record[2][column] || "";
      var tail = address.slice(address.lastIndexOf("/" + route("catalogue")));
      if (wanted[tail]) lines.push(text.slice(record[0], record[1]));
    });
    // With the byte-order mark, as the full file has it: Excel then reads UTF-8 ("ë").
    var selected = lines.join("\r\n") + "\r\n";
    return selected.charAt(0) === "\ufeff" ? selected : "\ufeff" + selected;
  }

  /**
   * @param {string} name
   * @param {string} type
   * @param {string} text
   */
  function saveFile(name, type, text) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /**
   * @param {string[]} slugs
   * @param {string} name
   */
  function downloadCsv(slugs, name) {
    return window.fetch(url(route("csv")), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (text) {
      saveFile(name, "text/csv;charset=utf-8", selectCsv(text, slugs));
    });
  }

  // Copy a text; where the browser refuses, select it in a field for the visitor to copy.
  /**
   * @param {string} text
   * @param {Element | null} status
   */
  function copyText(text, status) {
    /** @param {string} message */
    function done(message) { if (status) status.textContent = message; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () {
        done("De link is gekopieerd.");
      }, function () { done("Kopiëren lukte niet. De link is: " + text); });
    }
    done("Kopieer deze link: " + text);
    return Promise.resolve();
  }

  // Material swaps pages without reloading: run `setup` on every page it shows.
  /** @param {() => void} setup */
  function onPage(setup) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(setup);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setup);
    } else {
      setup();
    }
  }

  window.Actiebank = {
    url: url,
    route: route,
    normalise: normalise,
    readList: readList,
    writeList: writeList,
    onListChange: onListChange,
    slugsOf: slugsOf,
    slugsFromQuery: slugsFromQuery,
    fetchJSON: fetchJSON,
    factSheet: factSheet,
    element: element,
    drawCard: drawCard,
    csvRecords: csvRecords,
    selectCsv: selectCsv,
    saveFile: saveFile,
    downloadCsv: downloadCsv,
    copyText: copyText,
    onPage: onPage,
    FIRST_CARDS: SITE.limits.firstCards,
    COMPARE_MOST: SITE.limits.compareMost,
    PLAN_MOST: SITE.limits.planMost
  };
})();
