/* The proposal form on /bijdragen/voorstellen/.
 *
 * The page holds the form and, in data-ab-spec, its description (made by
 * actiebank.contribute.proposal.form_spec from the schemas). This script checks every
 * field by the validator's rules, shows each problem beside its field and in a summary
 * at the top, writes the entry file exactly as proposal.entry_text does in Python, and
 * offers three ways to send it: e-mail, a download and GitHub. Nothing leaves the
 * browser unless the visitor chooses one of them.
 *
 * The first half is plain functions of the spec and the values (no page needed): the
 * tests load this file in Node and compare it with the Python side.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ values and file

  var TRIM = /^[ \t\n\r]+|[ \t\n\r]+$/g;
  var ESCAPES = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"\\]/g;
  var PLAIN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
  var YAML_WORDS = ["yes", "no", "true", "false", "on", "off", "null"];
  // Python's white space (str.isspace), for the ports of the validator's expressions.
  var PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

  /**
   * @param {unknown} object
   * @param {string} key
   */
  function own(object, key) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
  }

  /** @param {unknown} value */
  function numberText(value) {
    if (Number.isInteger(value)) return String(value);
    return String(value).replace(".", ",");
  }

  /**
   * @param {unknown} value
   * @returns {string}
   */
  function cleanText(value) {
    if (value === null || value === undefined || typeof value === "boolean") return "";
    var text = typeof value === "string" ? value : numberText(value);
    return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(TRIM, "");
  }

  /**
   * @param {ProposalForm.Field} field
   * @param {unknown} value
   * @returns {ProposalForm.Clean | undefined}
   */
  function cleanOne(field, value) {
    if (field.type === "object") {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
      var given = /** @type {ProposalForm.Values} */ (value);
      /** @type {ProposalForm.CleanGroup} */
      var group = {};
      var any = false;
      field.children.forEach(function (child) {
        if (own(given, child.name)) {
          var cleaned = cleanValue(child, given[child.name]);
          if (cleaned !== undefined) { group[child.name] = cleaned; any = true; }
        }
      });
      return any ? group : undefined;
    }
    if (field.type === "boolean") return value === true ? true : undefined;
    var text = cleanText(value);
    return text ? text : undefined;
  }

  /**
   * @param {ProposalForm.Field} field
   * @param {unknown} value
   * @returns {ProposalForm.Clean | undefined}
   */
  function cleanValue(field, value) {
    if (!field.many) return cleanOne(field, value);
    var items = Array.isArray(value) ? value : (value === null || value === undefined ? [] : [value]);
    /** @type {ProposalForm.Clean[]} */
    var kept = [];
    items.forEach(function (item) {
      var cleaned = cleanOne(field, item);
      if (cleaned !== undefined) kept.push(cleaned);
    });
    return kept.length ? kept : undefined;
  }

  /* The values as the file holds them: texts trimmed, empty ones left out. */
  /**
   * @param {ProposalForm.KindSpec} kindSpec
   * @param {ProposalForm.Values} values
   * @returns {ProposalForm.CleanEntry}
   */
  function clean(kindSpec, values) {
    /** @type {ProposalForm.CleanEntry} */
    var out = {};
    kindSpec.fields.forEach(function (field) {
      if (own(values, field.name)) {
        var value = cleanValue(field, values[field.name]);
        if (value !== undefined) out[field.name] = value;
      }
    });
    var body = /** @type {ProposalForm.Values} */ ((values && values.body) || {});
    /** @type {Record<string, string>} */
    var sections = {};
    var any = false;
    kindSpec.body.forEach(function (section) {
      var text = cleanText(own(body, section.id) ? body[section.id] : undefined);
      if (text) { sections[section.id] = text; any = true; }
    });
    if (any) out.body = sections;
    return out;
  }

  /** @param {string} text */
  function quote(text) {
    return '"' + text.replace(ESCAPES, function (char) {
      if (char === '"' || char === "\\") return "\\" + char;
      if (char === "\n") return "\\n";
      if (char === "\t") return "\\t";
      return "\\u" + ("0000" + char.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {ProposalForm.Field} field
   * @param {string} value
   */
  function scalar(spec, field, value) {
    if (field.type === "boolean") return "true";
    if (field.type === "number" && new RegExp(spec.number_pattern).test(value)) {
      return value.replace(",", ".");
    }
    if (field.type === "choice" && PLAIN.test(value) && YAML_WORDS.indexOf(value) < 0) return value;
    if (field.prefix) value = field.prefix + value;
    return quote(value);
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {ProposalForm.Field[]} children
   * @param {ProposalForm.CleanGroup} value
   * @param {string} indent
   */
  function groupLines(spec, children, value, indent) {
    /** @type {string[]} */
    var lines = [];
    children.forEach(function (child) {
      if (own(value, child.name)) lines = lines.concat(yamlLines(spec, child, /** @type {ProposalForm.Clean} */ (value[child.name]), indent));
    });
    return lines;
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {ProposalForm.Field} field
   * @param {ProposalForm.Clean} value
   * @param {string} indent
   * @returns {string[]}
   */
  function yamlLines(spec, field, value, indent) {
    var name = field.name;
    if (field.type === "object") {
      var children = field.children;
      if (field.many) {
        var lines = [indent + name + ":"];
        /** @type {ProposalForm.CleanGroup[]} */ (value).forEach(function (row) {
          var rowLines = groupLines(spec, children, row, indent + "    ");
          rowLines[0] = indent + "  - " + rowLines[0].slice(indent.length + 4);
          lines = lines.concat(rowLines);
        });
        return lines;
      }
      return [indent + name + ":"].concat(groupLines(spec, children, /** @type {ProposalForm.CleanGroup} */ (value), indent + "  "));
    }
    if (field.many) {
      var items = /** @type {string[]} */ (value);
      if (field.type === "choice") {
        return [indent + name + ": [" + items.map(function (v) { return scalar(spec, field, v); }).join(", ") + "]"];
      }
      return [indent + name + ":"].concat(items.map(function (v) { return indent + "  - " + scalar(spec, field, v); }));
    }
    return [indent + name + ": " + scalar(spec, field, /** @type {string} */ (value))];
  }

  /* A body section as plain text in Markdown: no HTML, no entity, no heading of its own. */
  /** @param {string} text */
  function bodyMarkdown(text) {
    text = text.replace(/&(?=[#A-Za-z])/g, "&amp;").replace(/</g, "&lt;");
    return text.split("\n").map(function (line) {
      return line.replace(/^( {0,3})#/, "$1\\#");
    }).join("\n");
  }

  /**
   * @param {ProposalForm.KindSpec} kindSpec
   * @param {ProposalForm.CleanEntry} cleaned
   */
  function bodyParts(kindSpec, cleaned) {
    // [line, section id or ""] for each line after the closing '---'.
    /** @type {[string, string][]} */
    var parts = [];
    var body = cleaned.body || {};
    kindSpec.body.forEach(function (section) {
      if (!own(body, section.id)) return;
      parts.push(["", section.id], ["## " + section.heading, section.id], ["", section.id]);
      bodyMarkdown(body[section.id]).split("\n").forEach(function (line) { parts.push([line, section.id]); });
    });
    return parts;
  }

  /* The entry file, exactly as proposal.entry_text writes it. */
  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {ProposalForm.Values} values
   */
  function entryText(spec, kind, values) {
    var kindSpec = spec.kinds[kind];
    var cleaned = clean(kindSpec, values);
    var lines = ["---"];
    kindSpec.fields.forEach(function (field) {
      if (own(cleaned, field.name)) lines = lines.concat(yamlLines(spec, field, /** @type {ProposalForm.Clean} */ (cleaned[field.name]), ""));
    });
    lines.push("---");
    bodyParts(kindSpec, cleaned).forEach(function (part) { lines.push(part[0]); });
    return lines.join("\n") + "\n";
  }

  // ------------------------------------------------------------------ file names

  /** @param {string} text */
  function fold(text) {
    var plain = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return plain.toLowerCase().replace(/[^a-z0-9]/g, "-").split("-").filter(Boolean).join("-");
  }

  /* crossfile.normalised_title: look-alike letters of other alphabets written as the Latin
     ones they imitate (the spec's look_alikes, vocabulary.fold_confusables), folded,
     words separated by one space. */
  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} title
   */
  function normalisedTitle(spec, title) {
    var lookAlikes = spec.look_alikes;
    var latin = codePoints(title).map(function (char) {
      return own(lookAlikes, char) ? lookAlikes[char] : char;
    }).join("");
    return fold(latin).split("-").join(" ");
  }

  /**
   * @param {string} slug
   * @param {number} limit
   */
  function shorten(slug, limit) {
    if (slug.length <= limit) return slug;
    var cut = slug.slice(0, limit);
    if (slug.charAt(limit) !== "-" && cut.indexOf("-") >= 0 && cut.lastIndexOf("-") > Math.floor(limit / 2)) {
      cut = cut.slice(0, cut.lastIndexOf("-"));
    }
    return cut.replace(/^-+|-+$/g, "");
  }

  /* scaffold.make_slug: the file name for a title, unique among the taken ones. */
  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {string} title
   */
  function makeSlug(spec, kind, title) {
    var limit = spec.max_slug;
    var word = kind === "action" ? "actie" : "verhaal";
    var base = shorten(fold(title.replace(/['’‘`]/g, "")), limit) || word;
    // A name the site's own pages use in the kind's folder ('index', 'regio', ...) gets
    // the kind's word: 'index-actie', 'index-verhaal' (routes.reserved_slugs).
    var reserved = spec.reserved_slugs[kind] || [];
    if (reserved.indexOf(base) >= 0) base = base + "-" + word;
    var taken = spec.taken[kind] || [];
    var slug = base;
    var number = 2;
    while (taken.indexOf(slug) >= 0) {
      var suffix = "-" + number;
      slug = shorten(base, limit - suffix.length) + suffix;
      number += 1;
    }
    return slug;
  }

  // ------------------------------------------------------------------ the checks

  /** @param {string} text */
  function codePoints(text) { return Array.from(text); }

  /**
   * @param {string} a
   * @param {string} b
   */
  function compareCodePoints(a, b) {
    var x = codePoints(a);
    var y = codePoints(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var p = /** @type {number} */ (x[i].codePointAt(0));
      var q = /** @type {number} */ (y[i].codePointAt(0));
      if (p !== q) return p < q ? -1 : 1;
    }
    return x.length === y.length ? 0 : (x.length < y.length ? -1 : 1);
  }

  /**
   * @param {string} text
   * @param {number} length
   */
  function prefixOf(text, length) { return codePoints(text).slice(0, length).join(""); }

  /**
   * @param {string} template
   * @param {Record<string, unknown>} words
   */
  function format(template, words) {
    return template.replace(/\{(\w+)\}/g, function (whole, /** @type {string} */ key) {
      return own(words, key) ? String(words[key]) : whole;
    });
  }

  /** @param {string} text */
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /** @param {number} amount */
  function dutchAmount(amount) {
    return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  /* The latest calendar date anywhere (UTC+14), as the validator takes "today". */
  function latestToday() {
    return new Date(Date.now() + 14 * 3600 * 1000).toISOString().slice(0, 10);
  }

  /** @param {string} value "YYYY-MM-DD" */
  function realDay(value) {
    var year = Number(value.slice(0, 4));
    var month = Number(value.slice(5, 7));
    var day = Number(value.slice(8, 10));
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days;
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {ProposalForm.Values} values
   * @param {{today?: string}} [options]
   */
  function Checker(spec, kind, values, options) {
    this.spec = spec;
    this.kind = kind;
    this.kindSpec = spec.kinds[kind];
    this.messages = spec.messages;
    this.cleaned = clean(this.kindSpec, values);
    this.today = (options && options.today) || latestToday();
    /** @type {ProposalForm.Problem[]} */
    this.errors = [];
    /** @type {Record<string, boolean>} the paths that have a message */
    this.flagged = {};
  }

  /**
   * @param {string} path
   * @param {string} code
   * @param {string} message
   */
  Checker.prototype.add = function (path, code, message) {
    if (this.flagged[path]) return;  // one message per field: the first
    this.flagged[path] = true;
    this.errors.push({ path: path, code: code, message: message });
  };

  /**
   * A message of the spec, about a field (or none), with its words filled in.
   * @param {string} key
   * @param {ProposalForm.Field | null} field
   * @param {Record<string, unknown>} [words]
   */
  Checker.prototype.say = function (key, field, words) {
    var noun = field ? field.noun : "";
    return format(this.messages[key], Object.assign({ noun: noun, Noun: capital(noun), one: field ? field.one : "" }, words || {}));
  };

  Checker.prototype.run = function () {
    var self = this;
    var cleaned = this.cleaned;
    this.kindSpec.fields.forEach(function (field) {
      self.field(field, cleaned[field.name], field.name, true);
    });
    this.dates();
    this.title();
    this.kindSpec.rules.forEach(function (rule) { self.rule(rule); });
    this.body();
    return this.errors;
  };

  /**
   * @param {ProposalForm.Field} field
   * @param {ProposalForm.Clean | undefined} value
   * @param {string} path
   * @param {boolean} present
   */
  Checker.prototype.field = function (field, value, path, present) {
    if (value === undefined) {
      if (field.required && present) {
        var key = field.many ? (field.type === "choice" ? "required-many-choice" : "required-many")
          : (field.type === "choice" ? "required-choice" : "required-text");
        this.add(path, "required", this.say(key, field));
      }
      return;
    }
    if (!field.many) { this.one(field, value, path); return; }
    var items = /** @type {ProposalForm.Clean[]} */ (value);
    if (field.min_items && items.length < field.min_items) {
      this.add(path, "required", this.say(field.type === "choice" ? "required-many-choice" : "required-many", field));
    }
    var self = this;
    items.forEach(function (item, index) { self.one(field, item, path + "[" + index + "]"); });
    if (field.unique) {
      /** @type {string[]} */
      var seen = [];
      items.forEach(function (item) {
        var json = JSON.stringify(item);
        if (seen.indexOf(json) >= 0) {
          self.add(path, "unique", self.say("unique", field, { value: typeof item === "string" ? item : "" }));
        }
        seen.push(json);
      });
    }
  };

  /**
   * @param {ProposalForm.Field} field
   * @param {ProposalForm.Clean} value
   * @param {string} path
   */
  Checker.prototype.one = function (field, value, path) {
    var self = this;
    if (field.type === "object") {
      var children = field.children;
      var group = /** @type {ProposalForm.CleanGroup} */ (value);
      children.forEach(function (child) {
        var childPath = path + "." + child.name;
        if (!own(group, child.name)) {
          if (child.required) {
            self.add(childPath, "required", self.say(child.type === "choice" ? "required-choice" : "required-text", child));
          } else if (child.required_with) {
            var other = child.required_with.filter(function (name) { return own(group, name); })[0];
            if (other) {
              var otherField = children.filter(function (c) { return c.name === other; })[0];
              self.add(childPath, "required-with", self.say(
                child.type === "choice" ? "required-with-choice" : "required-with-text", child,
                { other: otherField ? otherField.noun : other }));
            }
          }
          return;
        }
        self.field(child, group[child.name], childPath, true);
      });
      return;
    }
    if (field.type === "boolean") return;
    var text = /** @type {string} */ (value);
    if (field.type === "choice") {
      if (this.optionValues(field).indexOf(text) < 0) this.add(path, "choice", this.say("choice", field));
      return;
    }
    if (field.type === "number") {
      if (!new RegExp(this.spec.number_pattern).test(text)) {
        this.add(path, "number", this.say("number", field));
      } else if (field.minimum !== undefined && parseFloat(text.replace(",", ".")) < field.minimum) {
        this.add(path, "minimum", this.say("minimum", field, { minimum: field.minimum }));
      }
      return;
    }
    this.text(field, text, path);
  };

  /** @param {ProposalForm.Field} field */
  Checker.prototype.optionValues = function (field) {
    /** @type {string[]} */
    var out = [];
    (field.options || []).forEach(function (option) {
      out.push(option.value);
      (option.children || []).forEach(function (child) { out.push(child.value); });
    });
    return out;
  };

  /**
   * @param {ProposalForm.Field} field
   * @param {string} value
   * @param {string} path
   */
  Checker.prototype.text = function (field, value, path) {
    var prefix = field.prefix || "";
    if (prefix && /[/\\]/.test(value)) { this.add(path, "file-name", this.say("file-name", field)); return; }
    var full = prefix + value;
    if (field.forbidden) {
      var match = new RegExp(field.forbidden).exec(value);
      if (match) {
        var char = match[0];
        var what = char === "\t" ? this.messages["control-tab"]
          : (char === "\n" || char === "\u2028" || char === "\u2029") ? this.messages["control-break"]
            : format(this.messages["control-other"], { code: ("0000" + char.charCodeAt(0).toString(16).toUpperCase()).slice(-4) });
        var position = codePoints(value.slice(0, match.index)).length + 1;
        this.add(path, "control", this.say("control", field, { what: what, position: position }));
        return;
      }
    }
    var length = codePoints(full).length;
    var low = field.min_length;
    var high = field.max_length;
    if ((low !== undefined && length < low) || (high !== undefined && length > high)) {
      var shown = { min: low, max: high === undefined ? high : high - prefix.length, count: length - prefix.length };
      var key = low && high ? "length-between" : (low ? "length-min" : "length-max");
      if (low === 1 && high !== undefined) key = "length-max";
      this.add(path, "length", this.say(key, field, shown));
      return;
    }
    if (field.pattern && !new RegExp(field.pattern).test(full)) {
      this.add(path, "pattern", format(/** @type {string} */ (field.pattern_message), { noun: field.noun, Noun: capital(field.noun) }));
      return;
    }
    if (field.refers_to === "action") {
      var known = this.spec.actions.some(function (action) { return action.slug === value; });
      if (!known) this.add(path, "unknown-action", this.say("unknown-action", field, { value: value }));
    }
  };

  /* rules.check_dates: not in the future, the end not before the start, a real day. */
  /* Every value of the form with its field and path: a group's and each row's too. */
  /**
   * @param {ProposalForm.Field[]} fields
   * @param {ProposalForm.CleanGroup} values
   * @param {(field: ProposalForm.Field, value: ProposalForm.Clean | undefined, path: string) => void} visit
   */
  function eachValue(fields, values, visit) {
    fields.forEach(function (field) {
      var value = values[field.name];
      if (field.type !== "object" || !field.children) { visit(field, value, field.name); return; }
      var rows = field.many ? (Array.isArray(value) ? value : []) : (value && typeof value === "object" ? [value] : []);
      rows.forEach(function (row, index) {
        var path = field.many ? field.name + "[" + index + "]" : field.name;
        field.children.forEach(function (child) {
          if (row && typeof row === "object") visit(child, /** @type {ProposalForm.CleanGroup} */ (row)[child.name], path + "." + child.name);
        });
      });
    });
  }

  Checker.prototype.dates = function () {
    var cleaned = this.cleaned;
    var self = this;
    var month = this.today.slice(0, 7);
    eachValue(this.kindSpec.fields, cleaned, function (field, value, path) {
      if (typeof value !== "string" || !field.date) return;
      if (field.date === "month" && /^\p{Nd}{4}(-\p{Nd}{2})?$/u.test(value)) {
        if (compareCodePoints(value, month.slice(0, codePoints(value).length)) > 0) {
          self.add(path, "future", self.say("future-month", field, { max: month }));
        }
      }
      if (field.date === "day" && /^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}$/u.test(value)) {
        if (!/^[0-9-]+$/.test(value) || !realDay(value)) {
          self.add(path, "not-a-day", self.say("not-a-day", field, { value: value }));
        } else if (value > self.today) {
          self.add(path, "future", self.say("future-day", field, { max: self.today }));
        }
      }
      var span = field.date === "years" && /^([0-9]{4})-([0-9]{4})$/.exec(value);
      if (span && span[2] < span[1]) {
        self.add(path, "years-reversed", self.say("years-reversed", field, { value: value, fixed: span[2] + "-" + span[1] }));
      }
    });
    var started = cleaned.started;
    var ended = cleaned.ended;
    if (typeof started === "string" && typeof ended === "string" && own(cleaned, "ended")) {
      var length = Math.min(codePoints(started).length, codePoints(ended).length);
      if (compareCodePoints(prefixOf(ended, length), prefixOf(started, length)) < 0) {
        var endField = this.kindSpec.fields.filter(function (f) { return f.name === "ended"; })[0];
        if (endField) this.add("ended", "ended-before-started", this.say("ended-before-started", endField, { started: started, ended: ended }));
      }
    }
  };

  /* crossfile: no two entries of a kind share a title. */
  Checker.prototype.title = function () {
    var title = this.cleaned.title;
    if (typeof title !== "string") return;
    var titles = this.spec.titles[this.kind] || {};
    var key = normalisedTitle(this.spec, title);
    if (own(titles, key)) {
      var texts = this.kindSpec;
      this.add("title", "duplicate-title", this.say("duplicate-title", null, { article: texts.article, kind: texts.noun, title: titles[key] }));
    }
  };

  /**
   * The value at a dotted path ("costs.level"), if there is one.
   * @param {ProposalForm.CleanGroup} values
   * @param {string} dotted
   * @returns {ProposalForm.Clean | undefined}
   */
  function at(values, dotted) {
    return dotted.split(".").reduce(function (/** @type {ProposalForm.Clean | undefined} */ value, key) {
      return own(value, key) ? /** @type {ProposalForm.CleanGroup} */ (value)[key] : undefined;
    }, /** @type {ProposalForm.Clean | undefined} */ (values));
  }

  /* evidence.py: a value, a source (sources.py) and a verdict other than 'pending'. */
  /**
   * @param {ProposalForm.EvidenceRule} rule
   * @param {ProposalForm.CleanGroup} outcome
   * @param {string} numberPattern
   */
  function usable(rule, outcome, numberPattern) {
    var needs = rule.usable.required;
    for (var i = 0; i < needs.length; i++) if (!own(outcome, needs[i])) return false;
    var source = outcome.source;
    return typeof outcome.value === "string" && new RegExp(numberPattern).test(outcome.value) &&
      typeof source === "string" &&
      codePoints(source).length >= rule.usable.source_min && codePoints(source).length <= rule.usable.source_max &&
      new RegExp(rule.usable.source).test(source) && outcome.result !== rule.usable.not_result;
  }

  /* Measured again: one measure in two known periods (a form holds one place's outcomes). */
  /** @param {ProposalForm.CleanGroup[]} outcomes */
  function replicatedIn(outcomes) {
    /** @type {Record<string, string[]>} the periods of each measure */
    var periods = {};
    return outcomes.some(function (o) {
      if (typeof o.measure !== "string" || typeof o.period !== "string") return false;
      var seen = periods[o.measure] || (periods[o.measure] = []);
      if (seen.length && seen.indexOf(o.period) < 0) return true;
      seen.push(o.period);
      return false;
    });
  }

  /* rules.py, rule for rule, at the field the validator names. */
  /** @param {ProposalForm.Rule} rule */
  Checker.prototype.rule = function (rule) {
    var cleaned = this.cleaned;
    if (rule.rule === "required-when") {
      if (cleaned[rule.when] === rule.equals && !own(cleaned, rule.field)) this.add(rule.field, "rule", rule.message);
      return;
    }
    if (rule.rule === "outcome-action") {
      var self = this;
      var named = /** @type {ProposalForm.Clean[]} */ (cleaned[rule.actions] || []).filter(function (a) { return typeof a === "string"; });
      /** @type {ProposalForm.CleanGroup[]} */ (cleaned[rule.outcomes] || []).forEach(function (o, i) {
        if (!o || typeof o !== "object") return;
        var path = rule.outcomes + "[" + i + "]";
        var words = { action: o.action, choices: named.join(", ") };
        if (o.action === undefined && named.length > 1) self.add(path, "rule", format(rule.messages.missing, words));
        else if (typeof o.action === "string" && named.indexOf(o.action) < 0) self.add(path + ".action", "rule", format(rule.messages.unknown, words));
      });
      return;
    }
    if (rule.rule === "evidence") {
      var status = cleaned[rule.status];
      var level = at(cleaned, rule.level);
      var numberPattern = this.spec.number_pattern;
      var outcomes = /** @type {ProposalForm.CleanGroup[]} */ (cleaned[rule.outcomes] || []).filter(function (o) { return usable(rule, o, numberPattern); });
      var replicated = replicatedIn(outcomes);
      var message = null;
      if (level === rule.idea && status !== rule.idea) {
        message = format(rule.messages["idea-not-idea"], { status: rule.status_labels[/** @type {string} */ (status)] || status || "" });
      } else if (status === rule.idea && typeof level === "string" && level !== rule.idea) {
        message = format(rule.messages["status-idea"], { level: rule.labels[level] || level });
      } else if (level === rule.measured && !outcomes.length) {
        message = rule.messages.measured;
      } else if (level === rule.replicated && !replicated) {
        message = format(rule.messages.replicated, { lower: rule.labels[outcomes.length ? rule.measured : "experiences"] });
      } else if (level === rule.evaluated && at(cleaned, rule.source) === undefined) {
        message = rule.messages.evaluated;
      }
      if (message) this.add(rule.level, "rule", message);
      return;
    }
    if (rule.rule === "cost-level") {
      var per = at(cleaned, rule.per);
      var text = at(cleaned, rule.amount);
      var stated = at(cleaned, rule.level);
      if (per !== rule.per_value || typeof text !== "string" || !new RegExp(this.spec.number_pattern).test(text)) return;
      var amount = parseFloat(text.replace(",", "."));
      var expected = amount < rule.low_below ? rule.levels[0] : (amount <= rule.medium_up_to ? rule.levels[1] : rule.levels[2]);
      if (stated === expected || rule.levels.indexOf(/** @type {string} */ (stated)) < 0) return;
      this.add(rule.level, "rule", format(rule.message, {
        stated: rule.labels[/** @type {string} */ (stated)], expected: rule.labels[expected], amount: "€ " + dutchAmount(amount)
      }));
    }
  };

  // The body as content/body.py and frontmatter.py read it. Every pattern here runs on a
  // contributor's text, so each runs in time linear in it (no ambiguous repetition): code
  // spans and link destinations are found in one pass, as body.code_spans and
  // body.link_destinations find them.
  //
  // The validator also refuses raw HTML it cannot show (an element or attribute outside
  // its list, an id of the site, '<![CDATA[', '<?', '<!DOCTYPE>', an unfinished tag or
  // comment): the form writes every '<' as '&lt;' and every '&' before a letter or '#' as
  // '&amp;' (bodyMarkdown), so its bodies hold no HTML and those checks never apply here.
  var BODY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
  var FENCE = new RegExp("^([" + PY_SPACE + "]*)(```|~~~)");
  var BACKTICKS = /`+/g;
  // An inline link `](destination ...)`: where the destination starts, and where it ends
  // (at white space or '>', or at a ')' before one or before the end of the line).
  var LINK_OPEN = new RegExp("\\]\\([" + PY_SPACE + "]*<?", "g");
  var LINK_END = new RegExp("[" + PY_SPACE + ">]|\\)(?=[" + PY_SPACE + ">]|$)|$", "g");
  var MD_REFERENCE = new RegExp("^[" + PY_SPACE + "]{0,3}\\[[^\\]]+\\]:[" + PY_SPACE + "]*<?([^" + PY_SPACE + "]+?)>?([" + PY_SPACE + "]|$)", "g");
  // An autolink holds no '<' (CommonMark), so each '<' starts at most one short scan.
  var AUTOLINK = new RegExp("<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>" + PY_SPACE + "]*)>", "g");
  var SAFE_SCHEMES = ["http", "https", "mailto", "tel"];

  /** @param {string} text */
  function pyStrip(text) {
    return text.replace(new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g"), "");
  }

  /**
   * body.code_spans: the inline code spans of a line, as [start, end], in one pass over
   * its backtick runs (the spans the pattern /(`+)(?:(?!\1).)+?\1/g finds, without its
   * backtracking, which takes minutes on a long run of backticks). A run of R backticks
   * (from where the search stands) opens a span with the longest L <= R for which a later
   * run has L or more backticks, if L > R / 2; the span closes at the first such run.
   * @param {string} line
   * @returns {[number, number][]}
   */
  function codeSpans(line) {
    /** @type {[number, number][]} */
    var runs = [];
    var found;
    BACKTICKS.lastIndex = 0;
    while ((found = BACKTICKS.exec(line)) !== null) runs.push([found.index, found.index + found[0].length]);
    /** @type {number[]} the longest run after each run */
    var longestAfter = [];
    var longest = 0;
    for (var i = runs.length - 1; i >= 0; i--) {
      longestAfter[i] = longest;
      longest = Math.max(longest, runs[i][1] - runs[i][0]);
    }
    /** @type {[number, number][]} */
    var spans = [];
    var index = 0;
    var from = 0;
    while (index < runs.length) {
      var end = runs[index][1];
      var start = Math.max(runs[index][0], from);
      var later = longestAfter[index];
      if (later === 0) break;
      var size = Math.min(end - start, 2 * later - 1);
      var ticks = Math.min(size, later);
      var close = index + 1;
      while (runs[close][1] - runs[close][0] < ticks) close += 1;
      spans.push([end - size, runs[close][0] + ticks]);
      from = runs[close][0] + ticks;
      index = from < runs[close][1] ? close : close + 1;
    }
    return spans;
  }

  /**
   * The line with each code span written as spaces, one for each character.
   * @param {string} line
   */
  function blankCode(line) {
    var parts = [];
    var from = 0;
    codeSpans(line).forEach(function (span) {
      parts.push(line.slice(from, span[0]), " ".repeat(codePoints(line.slice(span[0], span[1])).length));
      from = span[1];
    });
    parts.push(line.slice(from));
    return parts.join("");
  }

  /**
   * body.link_destinations: the destination of each inline link `](...)` of a line, up to
   * the first white space or '>', or the first ')' before one or before the end. One
   * pass: each search goes on where the previous link ended.
   * @param {string} line
   * @returns {string[]}
   */
  function linkDestinations(line) {
    /** @type {string[]} */
    var found = [];
    var from = 0;
    for (;;) {
      LINK_OPEN.lastIndex = from;
      var opening = LINK_OPEN.exec(line);
      if (opening === null) return found;
      var start = opening.index + opening[0].length;
      LINK_END.lastIndex = start;
      var end = /** @type {RegExpExecArray} */ (LINK_END.exec(line));  // '$' always matches
      found.push(line.slice(start, end.index));
      // Go on after what the pattern took: the ')' and the space or '>' after it.
      var after = end.index + end[0].length;
      from = after + (end[0] === ")" && after < line.length ? 1 : 0);
    }
  }

  /**
   * A URL as a browser reads its scheme: entities decoded (the form writes '&amp;' and
   * '&lt;' only), control characters and spaces (which browsers drop) removed, in lower
   * case.
   * @param {string} url
   */
  function plainUrl(url) {
    var plain = url.replace(/&(amp|lt);/g, function (whole, /** @type {string} */ name) { return name === "amp" ? "&" : "<"; });
    return plain.replace(/[\x00-\x20\x7f]+/g, "").toLowerCase();
  }

  /** @param {string} url */
  function unsafeUrl(url) {
    var scheme = /^([a-z][a-z0-9+.-]*):/.exec(plainUrl(url));
    return scheme !== null && SAFE_SCHEMES.indexOf(scheme[1]) < 0;
  }

  /**
   * body.mailto_with_query: a mailto: link that is more than one address, with a query
   * (?bcc=, ?cc=, ?subject=, ?body=) or a second address, written plainly or escaped.
   * @param {string} url
   */
  function mailtoWithQuery(url) {
    var plain = plainUrl(url);
    if (plain.indexOf("mailto:") !== 0) return false;
    // urllib.parse.unquote: only the characters that matter here are ASCII.
    var address = plain.slice("mailto:".length).replace(/%([0-7][0-9a-f])/g, function (whole, /** @type {string} */ hex) {
      return String.fromCharCode(parseInt(hex, 16));
    });
    return /[?&,;]/.test(address) || address.split("@").length !== 2;
  }

  /**
   * The message key for a link a body may not have (body.link_problem), or null.
   * @param {string} url
   */
  function linkProblem(url) {
    if (unsafeUrl(url)) return "unsafe-link";
    if (mailtoWithQuery(url)) return "mailto-query";
    return null;
  }

  Checker.prototype.body = function () {
    var self = this;
    var body = this.cleaned.body || {};
    this.kindSpec.body.forEach(function (section) {
      if (!own(body, section.id)) return;
      var match = BODY_CONTROL.exec(body[section.id]);
      if (match) {
        var what = format(self.messages["control-other"], { code: ("0000" + match[0].charCodeAt(0).toString(16).toUpperCase()).slice(-4) });
        var position = codePoints(body[section.id].slice(0, match.index)).length + 1;
        self.add("body." + section.id, "control", self.say("control", null, { what: what, position: position }));
      }
    });
    var inFence = false;
    var fence = "";
    bodyParts(this.kindSpec, this.cleaned).forEach(function (part) {
      var line = part[0];
      var opened = FENCE.exec(line);
      if (opened && (!inFence || opened[2] === fence)) {
        inFence = !inFence;
        fence = opened[2];
        return;
      }
      if (inFence || ((line.indexOf("    ") === 0 || line.indexOf("\t") === 0) && !/^[<\-*]/.test(pyStrip(line)))) return;
      var visible = blankCode(line);
      var path = "body." + part[1];
      // bodyMarkdown escapes every '#' that could start a heading, so TITLE_HEADING
      // (the validator's other rule for a line) never matches here.
      var links = linkDestinations(visible);
      [MD_REFERENCE, AUTOLINK].forEach(function (pattern) {
        pattern.lastIndex = 0;
        var found;
        while ((found = pattern.exec(visible)) !== null) {
          links.push(found[1]);
          if (found[0] === "") pattern.lastIndex += 1;
        }
      });
      links.forEach(function (url) {
        var problem = linkProblem(url);
        if (problem) self.add(path, problem, self.say(problem, null, { value: url.slice(0, 60) }));
      });
    });
  };

  /* Every problem of the values: [{path, code, message}] in the order of the form. */
  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {ProposalForm.Values} values
   * @param {{today?: string}} [options]
   */
  function check(spec, kind, values, options) {
    return new Checker(spec, kind, values, options).run();
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {ProposalForm.Values} values
   */
  function subject(spec, kind, values) {
    var title = cleanText(values && values.title);
    return format(spec.kinds[kind].subject, { title: title });
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {string} address
   * @param {ProposalForm.Values} values
   * @param {string} text
   */
  function mailtoUrl(spec, kind, address, values, text) {
    var head = "mailto:" + address + "?subject=" + encodeURIComponent(subject(spec, kind, values));
    return head + "&body=" + encodeURIComponent(text.replace(/\n/g, "\r\n"));
  }

  /**
   * @param {ProposalForm.Spec} spec
   * @param {string} kind
   * @param {string} repo
   * @param {string} slug
   * @param {string} text
   */
  function githubUrl(spec, kind, repo, slug, text) {
    return "https://github.com/" + repo + "/new/main?filename=" + spec.kinds[kind].folder + "/" + slug +
      ".md&value=" + encodeURIComponent(text);
  }

  var api = {
    clean: clean, entryText: entryText, check: check, makeSlug: makeSlug, fold: fold,
    quote: quote, bodyMarkdown: bodyMarkdown, mailtoUrl: mailtoUrl, githubUrl: githubUrl,
    subject: subject
  };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // ------------------------------------------------------------------ the page

  /** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} ProposalControl */
  /** @typedef {{element: HTMLElement, label: string}} ProposalPlace where a problem is shown */
  /** @typedef {{error: ProposalForm.Problem, place: ProposalPlace, control: ProposalControl | null}} ProposalShown */

  /**
   * @param {ParentNode} root
   * @param {string} selector
   * @returns {HTMLElement[]}
   */
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /** @param {Element} wrapper */
  function rowsOf(wrapper) {
    var holder = wrapper.querySelector(":scope > [data-ab-rows]");
    return holder ? all(holder, ":scope > [data-ab-row]") : [];
  }

  /**
   * @param {ProposalForm.Field} field
   * @param {Element} element
   * @returns {unknown}
   */
  function readOne(field, element) {
    if (field.type === "object") return readGroup(field.children, element);
    var control = /** @type {ProposalControl | null} */ (element.querySelector("[data-ab-control]"));
    if (field.widget === "radios") {
      var chosen = /** @type {HTMLInputElement | null} */ (element.querySelector("input[type=radio]:checked"));
      return chosen ? chosen.value : "";
    }
    if (field.widget === "checkbox") return control ? /** @type {HTMLInputElement} */ (control).checked : false;
    return control ? control.value : "";
  }

  /**
   * @param {ProposalForm.Field} field
   * @param {ParentNode} scope
   * @returns {unknown}
   */
  function readField(field, scope) {
    var wrapper = scope.querySelector('[data-ab-path="' + field.path + '"]');
    if (!wrapper) return undefined;
    if (field.widget === "checkboxes") {
      return /** @type {HTMLInputElement[]} */ (all(wrapper, "input[type=checkbox]:checked")).map(function (box) { return box.value; });
    }
    if (field.many) return rowsOf(wrapper).map(function (row) { return readOne(field, row); });
    return readOne(field, wrapper);
  }

  /**
   * @param {ProposalForm.Field[]} fields
   * @param {ParentNode} scope
   * @returns {ProposalForm.Values}
   */
  function readGroup(fields, scope) {
    /** @type {ProposalForm.Values} */
    var out = {};
    fields.forEach(function (field) {
      if (field.editorial) return;
      var value = readField(field, scope);
      if (value !== undefined) out[field.name] = value;
    });
    return out;
  }

  /**
   * @param {ProposalForm.KindSpec} kindSpec
   * @param {HTMLFormElement} form
   */
  function readForm(kindSpec, form) {
    var values = readGroup(kindSpec.fields, form);
    /** @type {Record<string, string>} */
    var body = {};
    values.body = body;
    kindSpec.body.forEach(function (section) {
      var box = /** @type {HTMLTextAreaElement | null} */ (form.querySelector('[data-ab-path="body.' + section.id + '"] [data-ab-control]'));
      body[section.id] = box ? box.value : "";
    });
    return values;
  }

  /* The element, error container and label of a problem's path, e.g. organisations[1].name. */
  /**
   * @param {ProposalForm.KindSpec} kindSpec
   * @param {HTMLFormElement} form
   * @param {string} path
   * @returns {ProposalPlace | null}
   */
  function locate(kindSpec, form, path) {
    /** @type {ParentNode} */
    var scope = form;
    var fields = kindSpec.fields;
    var specPath = "";
    /** @type {string[]} */
    var labels = [];
    /** @type {HTMLElement | null} */
    var target = null;
    var tokens = path.split(".");
    if (tokens[0] === "body") {
      var section = kindSpec.body.filter(function (s) { return s.id === tokens[1]; })[0];
      target = form.querySelector('[data-ab-path="body.' + tokens[1] + '"]');
      return target ? { element: target, label: section ? section.heading : "" } : null;
    }
    for (var i = 0; i < tokens.length; i++) {
      var match = /^([^[]+)(?:\[(\d+)\])?$/.exec(tokens[i]);
      if (!match) return null;
      var name = match[1];
      var field = fields.filter(function (f) { return f.name === name; })[0];
      if (!field) return target ? { element: target, label: labels.join(", ") } : null;
      specPath += (specPath ? "." : "") + field.name;
      var wrapper = /** @type {HTMLElement | null} */ (scope.querySelector('[data-ab-path="' + specPath + '"]'));
      if (!wrapper) return target ? { element: target, label: labels.join(", ") } : null;
      labels.push(field.label);
      target = wrapper;
      if (match[2] !== undefined) {
        // The checks count the rows that hold something (empty rows are left out of the
        // file); the page shows every row.
        var shown = rowsOf(wrapper);
        var rowField = field;
        var kept = shown.filter(function (r) { return cleanOne(rowField, readOne(rowField, r)) !== undefined; });
        var row = kept[Number(match[2])];
        specPath += "[]";
        if (!row) break;
        var number = shown.indexOf(row) + 1;
        labels[labels.length - 1] = (field.type === "object" ? field.row_name : field.item_label) + " " + number;
        target = row;
        scope = row;
      } else {
        scope = wrapper;
      }
      fields = field.children || [];
    }
    return { element: /** @type {HTMLElement} */ (target), label: labels.join(", ") };
  }

  /** @param {HTMLElement} element */
  function errorBox(element) {
    var boxes = all(element, "[data-ab-error]").filter(function (box) {
      return box.closest("[data-ab-path], [data-ab-row]") === element;
    });
    return boxes[0] || null;
  }

  /** @param {ParentNode} element */
  function controlOf(element) {
    return /** @type {ProposalControl | null} */ (element.querySelector("input:not([type=hidden]), select, textarea"));
  }

  /**
   * @param {HTMLElement} root
   * @param {ProposalForm.Spec} spec
   */
  function Proposal(root, spec) {
    this.root = root;
    this.spec = spec;
    this.email = root.getAttribute("data-ab-email") || "";
    this.repo = root.getAttribute("data-ab-repo") || "";
    /** @type {Record<string, HTMLFormElement>} by kind */
    this.forms = {};
    var self = this;
    /** @type {HTMLFormElement[]} */ (all(root, "form[data-ab-form]")).forEach(function (form) { self.forms[/** @type {string} */ (form.getAttribute("data-ab-form"))] = form; });
    this.kind = "action";
    /** @type {Record<string, boolean>} the kinds checked once */
    this.checked = {};
    this.send = /** @type {HTMLElement} */ (root.querySelector("[data-ab-send]"));
    this.counter = 1000;
    /** @type {{name: string, text: string} | undefined} the file, once the proposal is ready */
    this.file = undefined;
  }

  Proposal.prototype.start = function () {
    var self = this;
    all(document, "[data-ab-nojs]").forEach(function (element) { element.hidden = true; });
    this.root.hidden = false;
    /** @type {HTMLInputElement[]} */ (all(this.root, "input[name=ab-kind]")).forEach(function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) self.choose(radio.value); });
      if (radio.checked) self.kind = radio.value;
    });
    Object.keys(this.forms).forEach(function (kind) { self.listen(kind, self.forms[kind]); });
    this.choose(this.kind);
    var download = this.root.querySelector("[data-ab-download]");
    if (download) download.addEventListener("click", function () { self.download(); });
  };

  /** @param {string} kind */
  Proposal.prototype.choose = function (kind) {
    var self = this;
    this.kind = kind;
    Object.keys(this.forms).forEach(function (name) { self.forms[name].hidden = name !== kind; });
    if (this.send) this.send.hidden = true;
  };

  /**
   * @param {string} kind
   * @param {HTMLFormElement} form
   */
  Proposal.prototype.listen = function (kind, form) {
    var self = this;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit(kind, form);
    });
    form.addEventListener("click", function (event) {
      var clicked = /** @type {Element} */ (event.target);
      var add = clicked.closest("[data-ab-add]");
      var remove = clicked.closest("[data-ab-remove]");
      var link = clicked.closest("[data-ab-summary] a");
      if (add) self.addRow(/** @type {Element} */ (add.closest("[data-ab-path]")));
      if (remove) self.removeRow(/** @type {Element} */ (remove.closest("[data-ab-row]")));
      if (link) {
        event.preventDefault();
        var target = document.getElementById(/** @type {string} */ (link.getAttribute("href")).slice(1));
        if (target) { target.focus(); target.scrollIntoView({ block: "center" }); }
      }
    });
    // After the first check, a field's message follows what is typed: it goes away as
    // soon as the field is right; new messages appear when the field is left.
    form.addEventListener("input", function () { if (self.checked[kind]) self.refresh(kind, form, false); });
    form.addEventListener("change", function () { if (self.checked[kind]) self.refresh(kind, form, true); });
  };

  /** @param {Element} wrapper */
  Proposal.prototype.addRow = function (wrapper) {
    var template = /** @type {HTMLTemplateElement | null} */ (wrapper.querySelector(":scope > template[data-ab-template]"));
    var holder = wrapper.querySelector(":scope > [data-ab-rows]");
    if (!template || !holder) return;
    this.counter += 1;
    var html = template.innerHTML.replace(/__i__/g, String(this.counter));
    var box = document.createElement("div");
    box.innerHTML = html;
    var row = /** @type {Element} */ (box.firstElementChild);
    holder.appendChild(row);
    this.renumber(wrapper);
    var first = controlOf(row);
    if (first) first.focus();
  };

  /** @param {Element} row */
  Proposal.prototype.removeRow = function (row) {
    var wrapper = /** @type {Element} */ (row.closest("[data-ab-path]"));
    var add = /** @type {HTMLElement | null} */ (wrapper.querySelector("[data-ab-add]"));
    row.remove();
    this.renumber(wrapper);
    if (add) add.focus();
    var kind = this.kind;
    if (this.checked[kind]) this.refresh(kind, this.forms[kind], true);
  };

  /** @param {Element} wrapper */
  Proposal.prototype.renumber = function (wrapper) {
    rowsOf(wrapper).forEach(function (row, index) {
      all(row, "[data-ab-number]").forEach(function (number) {
        if (number.closest("[data-ab-row]") === row) number.textContent = String(index + 1);
      });
    });
  };

  /** @param {HTMLFormElement} form */
  Proposal.prototype.clear = function (form) {
    all(form, "[data-ab-error]").forEach(function (box) { box.textContent = ""; });
    all(form, "[aria-invalid]").forEach(function (control) { control.removeAttribute("aria-invalid"); });
    all(form, ".ab-field--error").forEach(function (element) { element.classList.remove("ab-field--error"); });
  };

  /**
   * Each problem beside its field (only where a message is shown already, with
   * `onlyKnown`), in the order of the page.
   * @param {string} kind
   * @param {HTMLFormElement} form
   * @param {ProposalForm.Problem[]} errors
   * @param {boolean} onlyKnown
   */
  Proposal.prototype.show = function (kind, form, errors, onlyKnown) {
    var kindSpec = this.spec.kinds[kind];
    /** @type {ProposalShown[]} */
    var shown = [];
    var before = onlyKnown ? all(form, "[data-ab-error]").filter(function (box) { return box.textContent; }) : null;
    this.clear(form);
    errors.forEach(function (error) {
      var place = locate(kindSpec, form, error.path);
      if (!place) return;
      var box = errorBox(place.element);
      if (!box || box.textContent) return;
      if (before && before.indexOf(box) < 0) return;
      box.textContent = error.message;
      place.element.classList.add("ab-field--error");
      var control = controlOf(place.element);
      if (control && place.element.tagName !== "FIELDSET") control.setAttribute("aria-invalid", "true");
      shown.push({ error: error, place: place, control: control });
    });
    shown.sort(function (a, b) {
      var position = a.place.element.compareDocumentPosition(b.place.element);
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : (position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0);
    });
    return shown;
  };

  /**
   * @param {HTMLFormElement} form
   * @param {ProposalShown[]} shown
   */
  Proposal.prototype.summary = function (form, shown) {
    var summary = /** @type {HTMLElement} */ (form.querySelector("[data-ab-summary]"));
    var list = /** @type {HTMLUListElement} */ (summary.querySelector("ul"));
    var title = /** @type {HTMLElement} */ (summary.querySelector("[data-ab-summary-title]"));
    list.textContent = "";
    if (!shown.length) { summary.hidden = true; return summary; }
    var messages = this.spec.messages;
    title.textContent = shown.length === 1 ? messages["summary-one"] : format(messages["summary-many"], { count: shown.length });
    shown.forEach(function (item) {
      var line = document.createElement("li");
      var link = document.createElement("a");
      var message = item.error.message;
      link.href = "#" + (item.control ? item.control.id : item.place.element.id);
      link.textContent = (item.place.label ? item.place.label + ": " + message.charAt(0).toLowerCase() + message.slice(1) : message);
      line.appendChild(link);
      list.appendChild(line);
    });
    summary.hidden = false;
    return summary;
  };

  /**
   * @param {string} kind
   * @param {HTMLFormElement} form
   */
  Proposal.prototype.submit = function (kind, form) {
    this.checked[kind] = true;
    var values = readForm(this.spec.kinds[kind], form);
    var errors = check(this.spec, kind, values);
    var shown = this.show(kind, form, errors, false);
    var summary = this.summary(form, shown);
    if (shown.length || errors.length) {
      this.send.hidden = true;
      summary.hidden = false;
      if (!shown.length) {
        // A problem without a place on the form: say it in the summary all the same.
        var line = document.createElement("li");
        line.textContent = errors[0].message;
        /** @type {HTMLUListElement} */ (summary.querySelector("ul")).appendChild(line);
      }
      summary.focus();
      return;
    }
    this.ready(kind, values);
    var heading = /** @type {HTMLElement | null} */ (this.send.querySelector("[data-ab-send-title]"));
    if (heading) heading.focus();
  };

  /**
   * @param {string} kind
   * @param {HTMLFormElement} form
   * @param {boolean} showNew
   */
  Proposal.prototype.refresh = function (kind, form, showNew) {
    var values = readForm(this.spec.kinds[kind], form);
    var errors = check(this.spec, kind, values);
    var shown = this.show(kind, form, errors, !showNew);
    var summary = /** @type {HTMLElement} */ (form.querySelector("[data-ab-summary]"));
    if (!summary.hidden) this.summary(form, shown);
    if (errors.length) {
      if (!this.send.hidden) {
        this.send.hidden = true;
        this.status(this.send.getAttribute("data-ab-stale"));
      }
    } else if (!this.send.hidden) {
      this.ready(kind, values);
    }
  };

  /** @param {string | null} text */
  Proposal.prototype.status = function (text) {
    var live = this.root.querySelector("[data-ab-status]");
    if (live) live.textContent = text || "";
  };

  /**
   * @param {string} kind
   * @param {ProposalForm.Values} values
   */
  Proposal.prototype.ready = function (kind, values) {
    var spec = this.spec;
    var text = entryText(spec, kind, values);
    var slug = makeSlug(spec, kind, cleanText(values.title));
    this.file = { name: slug + ".md", text: text };
    var send = this.send;
    all(send, "[data-ab-filename]").forEach(function (element) { element.textContent = slug + ".md"; });
    /** @type {Element} */ (send.querySelector("[data-ab-preview]")).textContent = text;
    var mail = /** @type {HTMLAnchorElement | null} */ (send.querySelector("[data-ab-mailto]"));
    if (mail && this.email) {
      var url = mailtoUrl(spec, kind, this.email, values, text);
      var tooLong = url.length > spec.limits.mailto;
      if (tooLong) {
        var note = format(/** @type {string} */ (send.getAttribute("data-ab-attach")), { file: slug + ".md" });
        url = mailtoUrl(spec, kind, this.email, values, note);
      }
      mail.href = url;
      /** @type {HTMLElement} */ (send.querySelector("[data-ab-mail-too-long]")).hidden = !tooLong;
    }
    var github = /** @type {HTMLAnchorElement | null} */ (send.querySelector("[data-ab-github]"));
    if (github && this.repo) {
      var address = githubUrl(spec, kind, this.repo, slug, text);
      var long = address.length > spec.limits.github;
      github.hidden = long;
      github.href = long ? "#" : address;
      /** @type {HTMLElement} */ (send.querySelector("[data-ab-github-too-long]")).hidden = !long;
    }
    send.hidden = false;
  };

  Proposal.prototype.download = function () {
    if (!this.file) return;
    var blob = new Blob([this.file.text], { type: "text/markdown;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = this.file.name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  };

  function setup() {
    var node = /** @type {HTMLElement | null} */ (document.querySelector("[data-ab-proposal]"));
    if (!node || node.hasAttribute("data-ab-ready")) return;
    var root = node;  // not null, also in the functions below
    root.setAttribute("data-ab-ready", "");
    // The description of the form is a file beside the page (no inline script: the
    // site's Content-Security-Policy runs scripts from files only).
    fetch(new URL(/** @type {string} */ (root.getAttribute("data-ab-spec")), document.baseURI).href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (/** @type {ProposalForm.Spec} */ spec) {
        if (document.body.contains(root)) new Proposal(root, spec).start();
      })
      .catch(function () {
        var failed = /** @type {HTMLElement | null} */ (document.querySelector("[data-ab-failed]"));
        if (failed) failed.hidden = false;
      });
  }

  // Material swaps pages without reloading: actiebank.js runs `setup` on each one.
  window.Actiebank.onPage(setup);
})();
