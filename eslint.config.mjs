// ESLint for the site's own scripts (run by tests/quality/test_javascript.py, so by
// scripts/test and CI). Correctness rules only: no rule here is about layout or taste.
// The types are checked by `tsc -p tsconfig.json` (the same test).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // What is built, installed or cached: only what the repository holds is linted.
    ignores: [
      ".venv/", "node_modules/", "site/", ".site.partial/", ".site.previous/", ".cache/",
      "bench/work/", "test-results/", "site-reports/", ".hypothesis/", ".pytest_cache/",
    ],
  },
  js.configs.recommended,
  {
    // The pages' scripts: plain scripts (not modules) that share one global, Actiebank
    // (actiebank.js defines it, the others read it as window.Actiebank).
    files: ["overrides/assets/javascripts/**/*.js", "src/actiebank/**/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, Actiebank: "readonly" },
    },
    rules: {
      "array-callback-return": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-implied-eval": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "no-new-wrappers": "error",
      "no-promise-executor-return": "error",
      "no-self-compare": "error",
      "no-shadow": ["error", { builtinGlobals: false, hoist: "functions" }],
      "no-template-curly-in-string": "error",
      "no-throw-literal": "error",
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
      "no-unused-expressions": "error",
      // An unused `catch (error)` stays: ES5 has no `catch {}`.
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      // Function declarations are hoisted; the scripts call helpers defined further down.
      "no-use-before-define": ["error", { functions: false, classes: true, variables: true }],
      "prefer-promise-reject-errors": "error",
    },
  },
  {
    // proposal.js also loads in Node (the tests compare it with the Python side), and
    // its expressions look for control characters on purpose, as the validator does.
    files: ["overrides/assets/javascripts/proposal.js"],
    languageOptions: { globals: { module: "readonly" } },
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
