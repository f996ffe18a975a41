// Reads vitest JSON reports and prints the plain "N passed, M failed" line CI looks for.
// A test file that fails to load has no failed test in it: it counts as one failure.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read test report ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const failedInside = (suite.assertionResults ?? []).some((test) => test.status === "failed");
    if (suite.status === "failed" && !failedInside) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
