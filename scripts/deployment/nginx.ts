import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Debian's nginx for the deployment test: bookworm's 1.22.1, whatever its security revision is
 * today (older revisions leave the archive). Unpacked from its .deb into ~/.cache/linju, never
 * installed: no service starts, no root needed to run it, and the machine's /etc stays untouched.
 */
export const NGINX_UPSTREAM_VERSION = '1.22.1';

const cacheRoot = () => join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'linju');

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The Debian revision of nginx 1.22.1 apt offers (newest first), e.g. `1.22.1-9+deb12u12`. */
function debianRevision(): string {
  const offered = () =>
    (spawnSync('apt-cache', ['madison', 'nginx'], { encoding: 'utf8' }).stdout ?? '')
      .split('\n')
      .map((line) => line.split('|')[1]?.trim())
      .find((version) => version?.startsWith(`${NGINX_UPSTREAM_VERSION}-`));
  let revision = offered();
  // A fresh machine may have no package lists yet; root can fetch them (as for Chromium).
  if (!revision && process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    revision = offered();
  }
  if (!revision)
    throw new Error(
      `apt offers no nginx ${NGINX_UPSTREAM_VERSION}; run apt-get update (Debian bookworm's archive has it).`,
    );
  return revision;
}

/** Finds the cached nginx binary, or downloads and unpacks Debian's package into the cache (once). */
export function ensureNginx(progress: (message: string) => void = () => {}): string {
  mkdirSync(cacheRoot(), { recursive: true });
  const cached = readdirSync(cacheRoot(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(`nginx-${NGINX_UPSTREAM_VERSION}-`))
    .map((entry) => join(cacheRoot(), entry.name, 'usr', 'sbin', 'nginx'))
    .find(executable);
  if (cached) return cached;
  const revision = debianRevision();
  const dir = join(cacheRoot(), `nginx-${revision}`);
  progress(`Downloading Debian's nginx ${revision} into ${dir} (once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed: ${(result.stderr ?? '').trim()}`);
  };
  run('apt-get', ['download', `nginx=${revision}`]);
  const deb = readdirSync(dir).find((name) => name.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download left no .deb in ${dir}`);
  run('dpkg-deb', ['-x', deb, '.']);
  rmSync(join(dir, deb));
  const binary = join(dir, 'usr', 'sbin', 'nginx');
  if (!executable(binary)) throw new Error(`nginx is not at ${binary} after unpacking`);
  return binary;
}

export type ProxySite = {
  /** The port nginx listens on (127.0.0.1). */
  port: number;
  /** The servers' `host:port`s. */
  upstreams: string[];
  /** Where nginx keeps its pid file, temporary files and logs. */
  dir: string;
};

/**
 * The tested site (docs/operations.md, "Scale out", shows it). Both servers in one upstream; a
 * request that cannot reach one (refused, reset, timed out) goes to the other — a POST only when
 * nothing was sent yet (nginx never re-sends a request an upstream may have acted on:
 * `non_idempotent` stays off). A server's own answers, 503 `error.busy` with its Retry-After
 * included, go to the client as they are: counted as failures they took the one live server out
 * of rotation too, and nginx answered every request 502 ("no live upstreams") for `fail_timeout`.
 */
export function nginxSite({ port, upstreams, dir }: ProxySite): string {
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};

  upstream linju {
${upstreams.map((upstream) => `    server ${upstream} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${port};
    server_name 127.0.0.1 *.linju.sfj.example.gov.cn fw.minhang.gov.cn;
    client_max_body_size 25m;
    location / {
      proxy_pass http://linju;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

/** nginx in the foreground with the site above; resolves once it answers on its port. */
export async function startNginx(binary: string, site: ProxySite): Promise<{ stop(): Promise<void> }> {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(site.dir, temp), { recursive: true });
  const config = join(site.dir, 'nginx.conf');
  writeFileSync(config, nginxSite(site));
  const child: ChildProcess = spawn(
    binary,
    ['-p', site.dir, '-c', config, '-e', join(site.dir, 'error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    const up = await fetch(`http://127.0.0.1:${site.port}/api/v1/health/live`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${site.port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
