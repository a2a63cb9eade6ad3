/* "Mijn plan" (/acties/mijn-plan/): the actions a visitor kept, grouped by success factor
 * and by target group, with the gaps named: a success factor without an action, a target
 * group the site asks about (starters, older workers) without one, no action with
 * measured results. Shared as a link (?acties=a,b), downloaded as CSV or Markdown,
 * printed. The plan lives in this browser only (actiebank.js).
 */
(function () {
  "use strict";

  var A = window.Actiebank;

  /** @typedef {[string, string]} PlanLink [a success factor or target group, its page] */
  /** @typedef {[string, string, string]} PlanGap [what is missing, a link's text, its address] */

  /**
   * @param {number} count
   * @param {string} one
   * @param {string} many
   */
  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  // In one's own plan an action can be taken out; in a shared plan, kept one by one.
  /**
   * @param {Actiebank.FactSheet} sheet
   * @param {boolean} shared
   */
  function item(sheet, shared) {
    var card = sheet.card;
    var remove = shared
      ? A.element("button", { type: "button", "class": "ab-toggle", "data-ab-save": card.slug, "data-title": card.title, "aria-pressed": "false",
        "aria-label": "Bewaar in mijn plan: " + card.title }, ["Bewaar in mijn plan"])
      : A.element("button", { type: "button", "class": "ab-plan__remove", "data-ab-plan-remove": card.slug,
        "aria-label": "Haal uit mijn plan: " + card.title }, ["Haal uit mijn plan"]);
    return A.element("li", { "class": "ab-plan__item" }, [
      A.element("a", { "class": "ab-plan__title", href: A.url(sheet.url) }, [card.title]),
      A.element("p", { "class": "ab-plan__summary" }, [card.summary]),
      A.element("p", { "class": "ab-plan__facts" }, [
        "Bewijs: " + card.evidence[0] + " · Kosten: " + card.costs + " · Resultaat: " + card.results.join("; ")
      ]),
      A.element("p", { "class": "ab-plan__facts" }, [
        "Succesfactor: " + card.factors.join(", ") + (sheet.targetGroups.length ? " · Doelgroep: " + sheet.targetGroups.join(", ") : "")
      ]),
      A.element("p", { "class": "ab-choose-tools ab-plan__tools-item" }, [remove])
    ]);
  }

  /**
   * @param {Actiebank.FactSheet[]} sheets
   * @param {PlanLink[]} factors
   * @param {PlanLink[]} checked
   * @param {string} measuredUrl
   */
  function gaps(sheets, factors, checked, measuredUrl) {
    /** @type {PlanGap[]} */
    var found = [];
    factors.forEach(function (factor) {
      if (!sheets.some(function (s) { return s.card.factors.indexOf(factor[0]) !== -1; })) {
        found.push(["Geen actie voor de succesfactor " + factor[0] + ".", "Bekijk acties voor " + factor[0], factor[1]]);
      }
    });
    checked.forEach(function (group) {
      if (!sheets.some(function (s) { return s.targetGroups.indexOf(group[0]) !== -1; })) {
        found.push(["Geen actie voor " + group[0].toLowerCase() + ".", "Bekijk acties voor " + group[0].toLowerCase(), group[1]]);
      }
    });
    if (!sheets.some(function (s) { return s.measured; })) {
      found.push(["Geen actie met gemeten resultaten.", "Bekijk acties met gemeten resultaten", measuredUrl]);
    }
    return found;
  }

  /**
   * @param {string} title
   * @param {HTMLElement[]} children
   */
  function section(title, children) {
    return A.element("section", { "class": "ab-plan__section" }, [A.element("h2", {}, [title])].concat(children));
  }

  /** @param {Actiebank.FactSheet[]} mine */
  function titleLinks(mine) {
    return A.element("ul", {}, mine.map(function (s) {
      return A.element("li", {}, [A.element("a", { href: A.url(s.url) }, [s.card.title])]);
    }));
  }

  // Each success factor with the titles of its actions, or a way to find one.
  /**
   * @param {Actiebank.FactSheet[]} sheets
   * @param {PlanLink[]} factors
   */
  function byFactor(sheets, factors) {
    return factors.map(function (factor) {
      var mine = sheets.filter(function (s) { return s.card.factors.indexOf(factor[0]) !== -1; });
      var heading = A.element("h3", {}, [factor[0] + " (" + plural(mine.length, "actie", "acties") + ")"]);
      if (!mine.length) {
        return A.element("div", { "class": "ab-plan__group" }, [heading, A.element("p", {}, ["Nog geen actie. ", A.element("a", { href: A.url(factor[1]) }, ["Bekijk acties voor " + factor[0]])])]);
      }
      return A.element("div", { "class": "ab-plan__group" }, [heading, titleLinks(mine)]);
    });
  }

  /**
   * @param {Actiebank.FactSheet[]} sheets
   * @param {PlanLink[]} checked
   */
  function byGroup(sheets, checked) {
    /** @type {string[]} */
    var groups = [];
    sheets.forEach(function (s) {
      s.targetGroups.forEach(function (g) { if (groups.indexOf(g) === -1) groups.push(g); });
    });
    checked.forEach(function (g) { if (groups.indexOf(g[0]) === -1) groups.push(g[0]); });
    return groups.map(function (group) {
      var mine = sheets.filter(function (s) { return s.targetGroups.indexOf(group) !== -1; });
      return A.element("div", { "class": "ab-plan__group" }, [
        A.element("h3", {}, [group + " (" + plural(mine.length, "actie", "acties") + ")"]),
        mine.length ? titleLinks(mine) : A.element("p", {}, ["Nog geen actie."])
      ]);
    });
  }

  /**
   * @param {Actiebank.FactSheet[]} sheets
   * @param {PlanGap[]} found
   * @param {PlanLink[]} factors
   * @param {string} link
   */
  function markdown(sheets, found, factors, link) {
    var lines = ["# Mijn plan uit de Actiebank", "", "Gedeeld plan: " + link, ""];
    if (found.length) {
      lines.push("## Wat nog ontbreekt", "");
      found.forEach(function (gap) { lines.push("- " + gap[0] + " " + A.url(gap[2])); });
      lines.push("");
    }
    factors.forEach(function (factor) {
      var mine = sheets.filter(function (s) { return s.card.factors.indexOf(factor[0]) !== -1; });
      lines.push("## " + factor[0], "");
      if (!mine.length) lines.push("Nog geen actie.");
      mine.forEach(function (s) {
        var title = s.card.title.replace(/([\\[\]])/g, "\\$1");
        lines.push("- [" + title + "](" + A.url(s.url) + "): " + s.card.summary);
        lines.push("  Bewijs: " + s.card.evidence[0] + ". Kosten: " + s.card.costs + ". Resultaat: " + s.card.results.join("; ") + ".");
      });
      lines.push("");
    });
    return lines.join("\n");
  }

  function setup() {
    var node = document.querySelector("[data-ab-plan-page]");
    if (!node || node.hasAttribute("data-ab-ready")) return;
    var page = node;  // not null, also in the functions below
    page.setAttribute("data-ab-ready", "");
    /** @type {PlanLink[]} */
    var factors = JSON.parse(/** @type {string} */ (page.getAttribute("data-factors")));
    /** @type {PlanLink[]} */
    var checked = JSON.parse(/** @type {string} */ (page.getAttribute("data-checked")));
    var measuredUrl = /** @type {string} */ (page.getAttribute("data-measured-url"));
    var body = /** @type {HTMLElement} */ (page.querySelector("[data-ab-plan-body]"));
    var status = /** @type {HTMLElement} */ (page.querySelector("[data-ab-plan-status]"));
    var tools = /** @type {HTMLElement} */ (page.querySelector("[data-ab-plan-tools]"));
    var empty = /** @type {HTMLElement} */ (page.querySelector("[data-ab-plan-empty]"));
    var shared = /** @type {HTMLElement} */ (page.querySelector("[data-ab-plan-shared]"));
    var copied = /** @type {HTMLElement} */ (page.querySelector("[data-ab-copied]"));
    /** @type {Actiebank.FactSheet[]} */
    var sheets = [];
    /** @type {PlanGap[]} */
    var found = [];
    var drawing = 0;

    function slugs() {
      var fromLink = A.slugsFromQuery(A.PLAN_MOST);
      return fromLink !== null ? fromLink : A.slugsOf(A.readList("plan"));
    }

    function isShared() {
      var fromLink = A.slugsFromQuery(A.PLAN_MOST);
      return fromLink !== null && fromLink.join(",") !== A.slugsOf(A.readList("plan")).join(",");
    }

    function shareLink() {
      return A.url(A.route("plan")) + "?acties=" + sheets.map(function (s) { return s.slug; }).join(",");
    }

    function draw() {
      var chosen = slugs();
      var turn = ++drawing;
      shared.hidden = !isShared() || !chosen.length;
      empty.hidden = chosen.length !== 0;
      tools.hidden = chosen.length === 0;
      if (!chosen.length) { while (body.firstChild) body.removeChild(body.firstChild); status.textContent = ""; return; }
      status.textContent = "Uw plan wordt geladen…";
      Promise.all(chosen.map(function (slug) { return A.factSheet(slug).catch(function () { return null; }); })).then(function (loaded) {
        if (turn !== drawing) return;
        sheets = /** @type {Actiebank.FactSheet[]} */ (loaded.filter(Boolean));
        found = gaps(sheets, factors, checked, measuredUrl);
        while (body.firstChild) body.removeChild(body.firstChild);
        var gapList = found.length
          ? A.element("ul", { "class": "ab-plan__gaps" }, found.map(function (gap) {
            return A.element("li", {}, [gap[0] + " ", A.element("a", { href: A.url(gap[2]) }, [gap[1]])]);
          }))
          : A.element("p", {}, ["Uw plan heeft acties voor elke succesfactor, voor " + checked.map(function (g) { return g[0].toLowerCase(); }).join(" en ") + ", en acties met gemeten resultaten."]);
        body.appendChild(section("Wat nog ontbreekt", [gapList]));
        body.appendChild(section("Per succesfactor", [A.element("div", { "class": "ab-plan__groups" }, byFactor(sheets, factors))]));
        body.appendChild(section("Per doelgroep", [A.element("div", { "class": "ab-plan__groups" }, byGroup(sheets, checked))]));
        var sharedPlan = isShared();
        body.appendChild(section("De acties in " + (sharedPlan ? "dit plan" : "uw plan"), [
          A.element("ul", { "class": "ab-plan__items" }, sheets.map(function (s) { return item(s, sharedPlan); }))
        ]));
        var missing = chosen.length - sheets.length;
        status.textContent = plural(sheets.length, "actie", "acties") + " in " + (isShared() ? "dit gedeelde plan" : "uw plan") + "." +
          (missing ? " " + plural(missing, "actie is", "acties zijn") + " niet meer te vinden." : "");
        if (A.syncChoices) A.syncChoices(body);
      });
    }

    body.addEventListener("click", function (event) {
      var button = /** @type {Element} */ (event.target).closest("[data-ab-plan-remove]");
      if (!button) return;
      var slug = /** @type {string} */ (button.getAttribute("data-ab-plan-remove"));
      var title = (sheets.filter(function (s) { return s.slug === slug; })[0] || { card: { title: slug } }).card.title;
      A.writeList("plan", A.readList("plan").filter(function (entry) { return entry.slug !== slug; }));
      copied.textContent = "‘" + title + "’ is uit uw plan gehaald.";
      /** @type {HTMLElement} */ (page.querySelector("h1")).setAttribute("tabindex", "-1");
      /** @type {HTMLElement} */ (page.querySelector("h1")).focus();
    });
    /** @type {Element} */ (page.querySelector("[data-ab-plan-keep]")).addEventListener("click", function () {
      A.writeList("plan", sheets.map(function (s) { return { slug: s.slug, title: s.card.title }; }));
      window.history.replaceState(window.history.state, "", window.location.pathname);
      draw();
      copied.textContent = "Het plan staat nu in uw browser.";
    });
    /** @type {Element} */ (page.querySelector("[data-ab-plan-share]")).addEventListener("click", function () {
      A.copyText(shareLink(), copied);
    });
    /** @type {Element} */ (page.querySelector("[data-ab-plan-csv]")).addEventListener("click", function () {
      A.downloadCsv(sheets.map(function (s) { return s.slug; }), "mijn-plan-actiebank.csv");
    });
    /** @type {Element} */ (page.querySelector("[data-ab-plan-markdown]")).addEventListener("click", function () {
      A.saveFile("mijn-plan-actiebank.md", "text/markdown;charset=utf-8", markdown(sheets, found, factors, shareLink()));
    });
    /** @type {Element} */ (page.querySelector("[data-ab-print]")).addEventListener("click", function () { window.print(); });
    /** @type {Element} */ (page.querySelector("[data-ab-plan-clear]")).addEventListener("click", function () {
      if (!window.confirm("Wilt u alle acties uit uw plan halen?")) return;
      A.writeList("plan", []);
      window.history.replaceState(window.history.state, "", window.location.pathname);
      copied.textContent = "Uw plan is leeg.";
    });
    // A change from a card's button (or another tab) redraws the plan; a shared plan
    // stays as it was shared until it is kept.
    A.onListChange(function (name) {
      if (name === "plan" && document.body.contains(page) && !isShared()) draw();
    });
    draw();
  }

  A.onPage(setup);
})();
