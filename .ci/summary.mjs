// Sums every suite CI ran into one line: "N passed, N failed". A step without a report counts as one check.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const reports = {
  'unit and integration tests (PGlite)': ['vitest-pglite.json', (r) => [r.numPassedTests, r.numFailedTests]],
  'integration tests (PostgreSQL)': ['vitest-postgres.json', (r) => [r.numPassedTests, r.numFailedTests]],
  'browser journeys (Chromium)': ['e2e.json', (r) => [r.passed, r.failed]],
};

let passed = 0;
let failed = 0;
for (const line of readFileSync(path.join(dir, 'steps.txt'), 'utf8').trim().split('\n')) {
  const [, status, name] = line.match(/^(ok|FAILED) (.*) \(\d+ s\)$/) ?? [];
  if (!status) continue;
  const [file, count] = reports[name] ?? [];
  const report =
    file && existsSync(path.join(dir, file)) ? JSON.parse(readFileSync(path.join(dir, file), 'utf8')) : null;
  const [stepPassed, stepFailed] = report ? count(report) : status === 'ok' ? [1, 0] : [0, 1];
  passed += stepPassed;
  // A step that failed without failing tests (a crash, a missing database) still counts as one failure.
  failed += status === 'FAILED' && stepFailed === 0 ? 1 : stepFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
