import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LogLevel, Runtime } from '@temporalio/worker';

/** The files a bundle was made from: those read (by content) and those looked for and not found. */
type BundleInputs = { read: string[]; absent: string[] };

/** What the bundling process tells its parent: a line for its log, then the code or why it failed. */
type BundleMessage =
  | { log: { level: Extract<LogLevel, 'WARN' | 'ERROR'>; message: string } }
  | { code: string; inputs: BundleInputs }
  | { failed: string };

/** A kept bundle: its code, and each input's fingerprint (null: it must still be absent). */
type KeptBundle = { workflowsPath: string; inputs: Record<string, string | null>; code: string };

/** A file's content hash; a folder (webpack lists those it resolved in) is one by being there. */
function fingerprint(path: string): string | null {
  const found = statSync(path, { throwIfNoEntry: false });
  if (!found) return null;
  return found.isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('base64');
}

/**
 * The workflow code bundled apart (below), reused from `keptIn` while every file it was made from
 * is unchanged — webpack's own file and missing dependencies, so an edit, a new file where a
 * module was looked for, or another version of a package each make a fresh bundle. A stack's
 * restart (and each browser test's stack) then skips some 6 s of webpack. The file is replaced
 * whole, so a worker starting beside another reads one bundle or the other.
 */
export async function keptWorkflowBundle(workflowsPath: string, keptIn: string): Promise<{ code: string }> {
  try {
    const kept = JSON.parse(readFileSync(keptIn, 'utf8')) as KeptBundle;
    if (
      kept.workflowsPath === workflowsPath &&
      Object.entries(kept.inputs).every(([file, hash]) => fingerprint(file) === hash)
    )
      return { code: kept.code };
  } catch {
    // None kept yet, or unreadable: bundled afresh below.
  }
  const { code, inputs } = await bundle(workflowsPath);
  const hashes: KeptBundle['inputs'] = {};
  // The bundler's own version too: it writes the entry and the sandbox's glue.
  for (const file of [...inputs.read, fileURLToPath(import.meta.resolve('@temporalio/worker'))])
    hashes[file] = fingerprint(file);
  for (const file of inputs.absent) if (fingerprint(file) === null) hashes[file] = null;
  mkdirSync(dirname(keptIn), { recursive: true });
  const partial = `${keptIn}.${process.pid}`;
  writeFileSync(partial, JSON.stringify({ workflowsPath, inputs: hashes, code } satisfies KeptBundle), {
    mode: 0o600,
  });
  renameSync(partial, keptIn);
  return { code };
}

/**
 * The workflow code bundled by a child process of its own, as `Worker.create` would bundle it from
 * `workflowsPath` with no plugin: webpack's working memory (over 100 MB at its peak, measured by
 * `bench-referrals.ts`) then never enters the worker's, whose peak is what its workflows and
 * activities need. The bundler's warnings and errors reach the worker's log.
 */
export async function bundleWorkflowsApart(workflowsPath: string): Promise<{ code: string }> {
  return { code: (await bundle(workflowsPath)).code };
}

function bundle(workflowsPath: string): Promise<{ code: string; inputs: BundleInputs }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [workflowsPath], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let made: { code: string; inputs: BundleInputs } | undefined;
    let failed = 'it exited before sending the code';
    child.on('message', (message: BundleMessage) => {
      if ('log' in message) {
        const logger = Runtime.instance().logger;
        if (message.log.level === 'ERROR') logger.error(message.log.message);
        else logger.warn(message.log.message);
      } else if ('code' in message) made = message;
      else failed = message.failed;
    });
    child.once('error', reject);
    child.once('exit', () => {
      if (made === undefined) reject(new Error(`bundling the workflow code failed: ${failed}`));
      else resolve(made);
    });
  });
}

// The child: bundles, sends, exits (its memory goes with it).
if (import.meta.main) {
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  const send = (message: BundleMessage) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  const inputs: BundleInputs = { read: [], absent: [] };
  try {
    const { code } = await bundleWorkflowCode({
      workflowsPath: process.argv[2] ?? '',
      // What webpack read and looked for, for keptWorkflowBundle to tell when the bundle is stale.
      webpackConfigHook: (config) => ({
        ...config,
        plugins: [
          ...(config.plugins ?? []),
          {
            apply: (compiler) =>
              compiler.hooks.done.tap('linju-bundle-inputs', ({ compilation }) => {
                inputs.read = [...compilation.fileDependencies];
                inputs.absent = [...compilation.missingDependencies];
              }),
          },
        ],
      }),
      // Webpack's report is logged at INFO: only its warnings and errors go to the worker's log.
      logger: new DefaultLogger('WARN', ({ level, message }) => {
        if (level === 'WARN' || level === 'ERROR') void send({ log: { level, message } });
      }),
    });
    await send({ code, inputs });
  } catch (error) {
    await send({ failed: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect?.();
}
