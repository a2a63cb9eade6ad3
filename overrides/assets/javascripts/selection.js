/* "Vergelijk" and "Bewaar in mijn plan" on every card and action page, and the bar at the
 * bottom of the window that shows what is chosen and leads to the compare page and to
 * "Mijn plan". The lists stay in this browser (actiebank.js); nothing is sent anywhere.
 */
(function () {
  "use strict";

  var A = window.Actiebank;
  var MOST = A.COMPARE_MOST;
  /** @type {HTMLElement | null} */
  var bar = null;
  var message = "";

  /** @param {ParentNode} [scope] */
  function sync(scope) {
    var compare = A.slugsOf(A.readList("compare"));
    var plan = A.slugsOf(A.readList("plan"));
    (scope || document).querySelectorAll("[data-ab-compare]").forEach(function (button) {
      var on = compare.indexOf(/** @type {string} */ (button.getAttribute("data-ab-compare"))) !== -1;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    (scope || document).querySelectorAll("[data-ab-save]").forEach(function (button) {
      var on = plan.indexOf(/** @type {string} */ (button.getAttribute("data-ab-save"))) !== -1;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  /**
   * @param {Actiebank.ListName} name
   * @param {string} slug
   * @param {string} title
   */
  function toggle(name, slug, title) {
    var items = A.readList(name);
    var at = A.slugsOf(items).indexOf(slug);
    message = "";
    if (at !== -1) {
      items.splice(at, 1);
      message = name === "compare" ? "‘" + title + "’ staat niet meer in de vergelijking." : "‘" + title + "’ is uit uw plan gehaald.";
    } else if (name === "compare" && items.length >= MOST) {
      message = "U kunt tot " + MOST + " acties vergelijken. Haal eerst een actie uit de vergelijking.";
      drawBar();
      return;
    } else {
      items.push({ slug: slug, title: title });
      message = name === "compare" ? "‘" + title + "’ staat in de vergelijking." : "‘" + title + "’ staat in uw plan.";
    }
    A.writeList(name, items);
  }

  /** @param {Actiebank.ListItem[]} items */
  function compareHref(items) {
    return A.url(A.route("compare")) + "?acties=" + A.slugsOf(items).join(",");
  }

  function drawBar() {
    var compare = A.readList("compare");
    var plan = A.readList("plan");
    if (!bar) {
      bar = A.element("aside", { "class": "ab-tray", "aria-label": "Uw keuze" });
      document.body.appendChild(bar);
    }
    while (bar.firstChild) bar.removeChild(bar.firstChild);
    var onCompare = document.querySelector("[data-ab-compare-page]");
    var onPlan = document.querySelector("[data-ab-plan-page]");
    var parts = [];
    if (compare.length && !onCompare) {
      var label = compare.length === 1 ? "1 actie om te vergelijken" : compare.length + " acties om te vergelijken";
      var go = compare.length > 1
        ? A.element("a", { "class": "ab-tray__go", href: compareHref(compare) }, ["Vergelijk"])
        : A.element("span", { "class": "ab-tray__hint" }, ["kies er nog één"]);
      var empty = A.element("button", { type: "button", "class": "ab-tray__clear" }, ["Leeg", A.element("span", { "class": "ab-sr" }, [" de vergelijking"])]);
      empty.addEventListener("click", function () { message = "De vergelijking is leeg."; A.writeList("compare", []); });
      parts.push(A.element("p", { "class": "ab-tray__part" }, [A.element("strong", {}, [label]), " ", go, " ", empty]));
    }
    if (plan.length && !onPlan) {
      var planLabel = plan.length === 1 ? "1 actie in mijn plan" : plan.length + " acties in mijn plan";
      parts.push(A.element("p", { "class": "ab-tray__part" }, [
        A.element("a", { "class": "ab-tray__go", href: A.url(A.route("plan")) }, ["Bekijk mijn plan", A.element("span", { "class": "ab-sr" }, [" (" + planLabel + ")"])]),
        A.element("span", { "aria-hidden": "true" }, [" (" + plan.length + ")"])
      ]));
    }
    var live = A.element("p", { "class": "ab-tray__message", role: "status" }, [message]);
    var tray = bar;
    parts.forEach(function (part) { tray.appendChild(part); });
    bar.appendChild(live);
    bar.hidden = !parts.length && !message;
    document.body.classList.toggle("ab-has-tray", !bar.hidden);
  }

  document.addEventListener("click", function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest && target.closest("[data-ab-compare], [data-ab-save]");
    if (!button) return;
    /** @type {Actiebank.ListName} */
    var name = button.hasAttribute("data-ab-compare") ? "compare" : "plan";
    var slug = /** @type {string} */ (button.getAttribute(name === "compare" ? "data-ab-compare" : "data-ab-save"));
    toggle(name, slug, button.getAttribute("data-title") || slug);
  });

  A.onListChange(function () { sync(); drawBar(); });
  A.syncChoices = sync;

  A.onPage(function () {
    message = "";
    sync();
    if (bar && !document.body.contains(bar)) bar = null;
    drawBar();
  });
})();
