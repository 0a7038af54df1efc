import type { KitResponse } from './kit-request.ts';

/** What one check found: pass or fail, what the spec expects and what the node answered. */
export type CheckOutcome = { readonly pass: boolean; readonly expected: string; readonly got: string };

/** One named check, with the spec section it tests. */
export type Check<Context> = {
  readonly id: string;
  /** The section of spec/referral-exchange.md, e.g. `Messages`. */
  readonly section: string;
  readonly title: string;
  run(context: Context): Promise<CheckOutcome>;
};

/** A check's line in the report. */
export type CheckResult = Omit<Check<unknown>, 'run'> & CheckOutcome;

/** Thrown when a check cannot run because an earlier one did not leave what it needs. */
export class NotRun extends Error {
  override readonly name = 'NotRun';
}

const SHOWN = 160;

/** An answer in one line: status, media type and the start of the body. */
export function describeResponse(response: KitResponse): string {
  const body = response.text.replace(/\s+/g, ' ').trim();
  const type = response.contentType.split(';')[0] || 'no content-type';
  return `${response.status} ${type}${body ? ` ${body.length > SHOWN ? `${body.slice(0, SHOWN)}…` : body}` : ''}`;
}

const isProblem = (response: KitResponse) =>
  response.contentType.split(';')[0]?.trim().toLowerCase() === 'application/problem+json' &&
  typeof response.json === 'object' &&
  response.json !== null;

/**
 * The spec's refusals ("Errors"): one of `statuses`, as `application/problem+json` (RFC 9457).
 * With `naming`, the problem must mention that field (a 400 names what is malformed).
 */
export function expectRefusal(
  response: KitResponse,
  statuses: readonly number[],
  options: { naming?: string } = {},
): CheckOutcome {
  const expected = `${statuses.join(' or ')} application/problem+json${options.naming ? ` naming "${options.naming}"` : ''}`;
  const pass =
    statuses.includes(response.status) &&
    isProblem(response) &&
    (options.naming === undefined || response.text.includes(options.naming));
  return { pass, expected, got: describeResponse(response) };
}

/** A 2xx answer whose JSON satisfies `accept` (described by `expected`). */
export function expectAnswer(
  response: KitResponse,
  expected: string,
  accept: (json: unknown) => boolean = () => true,
): CheckOutcome {
  const pass = response.status >= 200 && response.status < 300 && accept(response.json);
  return { pass, expected, got: describeResponse(response) };
}

/** Runs checks in order; a check that throws fails with what it threw. */
export async function runChecks<Context>(
  checks: readonly Check<Context>[],
  context: Context,
  onResult: (result: CheckResult) => void = () => {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    let outcome: CheckOutcome;
    try {
      outcome = await check.run(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        pass: false,
        expected: 'the check to run',
        got: error instanceof NotRun ? `not run: ${message}` : `error: ${message}`,
      };
    }
    const result = { id: check.id, section: check.section, title: check.title, ...outcome };
    results.push(result);
    onResult(result);
  }
  return results;
}
