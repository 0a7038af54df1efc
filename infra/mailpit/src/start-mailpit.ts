import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { MailpitSetupError } from './ensure-mailpit.ts';

export type Mailpit = {
  smtpPort: number;
  /** `http://127.0.0.1:<port>`: Mailpit's HTTP API. */
  apiUrl: string;
  process: ChildProcess;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Mailpit on loopback: SMTP and its API on free ports, messages in memory, any SMTP login accepted. */
export async function startMailpit(options: { mailpit: string }): Promise<Mailpit> {
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const child = spawn(
    options.mailpit,
    [
      `--smtp=127.0.0.1:${smtpPort}`,
      `--listen=127.0.0.1:${httpPort}`,
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--disable-version-check',
      '--quiet',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${apiUrl}/api/v1/info`).then(
      (r) => r.ok,
      () => false,
    );
    if (up)
      return {
        smtpPort,
        apiUrl,
        process: child,
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await exited;
        },
      };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new MailpitSetupError(
    `Mailpit did not start: ${output.trim().split('\n').at(-1)?.slice(0, 300) ?? 'no answer within 30 s'}`,
    'Run the mailpit binary by hand with the same arguments to see its full output.',
  );
}
