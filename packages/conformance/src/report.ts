import type { CheckResult } from './check.ts';

/** The table a court's IT vendor reads: one line per check, what was expected and what came back. */
export function formatReport(results: readonly CheckResult[]): string {
  const idWidth = Math.max(...results.map((r) => r.id.length), 5);
  const lines = results.map((r) => {
    const head = `${r.pass ? '✔' : '✖'} ${r.id.padEnd(idWidth)}  §${r.section}`;
    const detail = r.pass ? '' : `\n    ${r.title}\n    expected: ${r.expected}\n    got:      ${r.got}`;
    return `${head}${detail}`;
  });
  const failed = results.filter((r) => !r.pass).length;
  const summary =
    failed === 0
      ? `All ${results.length} checks passed.`
      : `${failed} of ${results.length} checks failed; each names the section of spec/referral-exchange.md it tests.`;
  return `${lines.join('\n')}\n\n${summary}\n`;
}

/** The same results for machines (`--json`). */
export const reportJson = (results: readonly CheckResult[]) =>
  `${JSON.stringify({ passed: results.every((r) => r.pass), checks: results }, null, 2)}\n`;
