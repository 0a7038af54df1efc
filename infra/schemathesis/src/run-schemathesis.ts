import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSchemathesis } from './ensure-schemathesis.ts';
import type { RequestSigner } from './request-signer.ts';

export type SchemathesisOptions = {
  /** The OpenAPI document's URL (on loopback). */
  schemaUrl: string;
  /** Schemathesis check names (`st run --help`). */
  checks: readonly string[];
  maxExamples: number;
  /** Fixed, so a run repeats itself and a failure can be replayed. */
  seed: number;
  /** A bound in seconds on the whole run. */
  maxTime?: number;
  /** Signs requests under `signPrefix` (see `fuzz-hooks.py`). */
  signer: RequestSigner;
  signPrefix: string;
};

/** One answer the fuzzer got. */
export type FuzzAnswer = {
  method: string;
  path: string;
  /** The `Signature` header sent, if any (fuzzed or issued by the signer). */
  signature: string | null;
  status: number;
  contentType: string | null;
  /** The `Allow` header, on a 405. */
  allow: string | null;
};

export type SchemathesisResult = { exitCode: number; output: string; answers: FuzzAnswer[] };

/**
 * `st run` against the document, with a bounded example count and a fixed seed, one worker (the
 * machines are shared), no example database (nothing carried between runs). Answers its exit
 * code, its output and every answer it got.
 */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisResult> {
  const st = ensureSchemathesis();
  const dir = mkdtempSync(join(tmpdir(), 'linju-fuzz-'));
  const log = join(dir, 'answers.jsonl');
  try {
    const args = [
      'run',
      options.schemaUrl,
      '--checks',
      options.checks.join(','),
      '--max-examples',
      String(options.maxExamples),
      '--seed',
      String(options.seed),
      '--generation-database',
      'none',
      '--workers',
      '1',
      '--no-color',
      '--output-truncate',
      'false',
      ...(options.maxTime ? ['--max-time', String(options.maxTime)] : []),
    ];
    const child = spawn(st, args, {
      cwd: dir,
      env: {
        ...process.env,
        SCHEMATHESIS_HOOKS: join(import.meta.dirname, '..', 'fuzz-hooks.py'),
        LINJU_FUZZ_SIGNER: options.signer.url,
        LINJU_FUZZ_SIGN_PREFIX: options.signPrefix,
        LINJU_FUZZ_LOG: log,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    // No answer at all (the server never came up) leaves no log.
    const answers = (existsSync(log) ? readFileSync(log, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FuzzAnswer);
    return { exitCode, output, answers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
