// Run pa11y (HTML_CodeSniffer, WCAG 2 AA) over pages of a local server with one shared Chromium.
// Usage: node tests/pa11y_pages.cjs BASE_URL PAGE... ; prints one JSON object: page -> issues.
// Resolved from .ci/node_modules (npm install --prefix .ci), where .ci/run installs pa11y.
const path = require("path");
const modules = path.join(__dirname, "..", ".ci", "node_modules");
const pa11y = require(path.join(modules, "pa11y"));
const puppeteer = require(path.join(modules, "puppeteer"));

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

(async () => {
  const [base, ...pages] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  const out = {};
  try {
    for (const page of pages) {
      const result = await pa11y(`${base}/${page}`, {
        browser, standard: "WCAG2AA", includeWarnings: true, includeNotices: false, timeout: 120000,
      });
      out[page] = result.issues.map((i) => ({ type: i.type, code: i.code, message: i.message,
        selector: i.selector, context: (i.context || "").slice(0, 200) }));
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(2); });
