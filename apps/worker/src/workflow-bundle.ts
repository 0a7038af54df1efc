import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LogLevel, Runtime } from '@temporalio/worker';

/** What the bundling process tells its parent: a line for its log, then the code or why it failed. */
type BundleMessage =
  | { log: { level: Extract<LogLevel, 'WARN' | 'ERROR'>; message: string } }
  | { code: string }
  | { failed: string };

/**
 * The workflow code bundled by a child process of its own, as `Worker.create` would bundle it from
 * `workflowsPath` with no plugin: webpack's working memory (over 100 MB at its peak, measured by
 * `bench-referrals.ts`) then never enters the worker's, whose peak is what its workflows and
 * activities need. The bundler's warnings and errors reach the worker's log.
 */
export function bundleWorkflowsApart(workflowsPath: string): Promise<{ code: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [workflowsPath], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let code: string | undefined;
    let failed = 'it exited before sending the code';
    child.on('message', (message: BundleMessage) => {
      if ('log' in message) {
        const logger = Runtime.instance().logger;
        if (message.log.level === 'ERROR') logger.error(message.log.message);
        else logger.warn(message.log.message);
      } else if ('code' in message) code = message.code;
      else failed = message.failed;
    });
    child.once('error', reject);
    child.once('exit', () => {
      if (code === undefined) reject(new Error(`bundling the workflow code failed: ${failed}`));
      else resolve({ code });
    });
  });
}

// The child: bundles, sends, exits (its memory goes with it).
if (import.meta.main) {
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  const send = (message: BundleMessage) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  try {
    const { code } = await bundleWorkflowCode({
      workflowsPath: process.argv[2] ?? '',
      // Webpack's report is logged at INFO: only its warnings and errors go to the worker's log.
      logger: new DefaultLogger('WARN', ({ level, message }) => {
        if (level === 'WARN' || level === 'ERROR') void send({ log: { level, message } });
      }),
    });
    await send({ code });
  } catch (error) {
    await send({ failed: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect?.();
}
