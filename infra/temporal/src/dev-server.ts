import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { TemporalSetupError } from './cli.ts';

export type TemporalDevServer = { address: string; process: ChildProcess; stop: () => Promise<void> };

export type DevServerOptions = {
  cli: string;
  port: number;
  /** SQLite file keeping workflows across restarts; omit for an in-memory server (tests). */
  dbFile?: string;
  onLog?: (line: string) => void;
};

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Starts `temporal server start-dev` on loopback, headless, and waits until it accepts connections. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<TemporalDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--headless',
    '--log-level',
    'warn',
    '--namespace',
    'default',
  ];
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line.trim());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await portOpen(options.port)) {
      return {
        address: `127.0.0.1:${options.port}`,
        process: child,
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  const cause =
    output
      .trim()
      .split('\n')
      .filter((l) => /error|fatal|panic/i.test(l))
      .at(-1) ?? 'no answer within 60 s';
  throw new TemporalSetupError(
    `The Temporal dev server did not start: ${cause.slice(0, 300)}`,
    options.dbFile
      ? `If ${options.dbFile} is corrupt, move it away (workflow history is lost) and run npm start again.`
      : 'Run the CLI by hand with the same arguments to see its full output.',
  );
}
