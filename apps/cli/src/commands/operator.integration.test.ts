import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditKeyOf, useAuditKey } from '@linju/core';
import { rewriteAuditChain } from '@linju/core/testing/rewrite-audit-chain';
import { connect, sql } from '@linju/db';
import { keyFingerprint, loadOrCreateNodeKey, wellKnownDocument } from '@linju/federation';
import { afterAll, describe, expect, inject, it } from 'vitest';

/** The operator's commands against a running database (DATABASE_URL given: nothing embedded starts). */
const main = join(import.meta.dirname, '..', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-cli-'));
const owner = connect(inject('ownerDatabaseUrl'));
afterAll(() => owner.close());

function linju(...args: string[]): Promise<{ code: number | null; out: string }> {
  return linjuWith({}, ...args);
}

function linjuWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: {
        ...process.env,
        ...env,
        LINJU_DATA_DIR: dataDir,
        DATABASE_URL: inject('ownerDatabaseUrl'),
        DATABASE_APP_URL: inject('databaseUrl'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const request = (slug: string, divisionCode = '310106') => {
  const file = join(dataDir, `${slug}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      slug,
      nameZh: '静安区司法局',
      nameEn: 'Jing’an District Justice Bureau',
      divisionCode,
      services: ['consultation', 'mediation'],
      centre: { nameZh: '静安区公共法律服务中心', nameEn: 'Jing’an PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Jingan-admin-pass-1' },
    }),
  );
  return file;
};

describe('linju tenant create', () => {
  it('onboards a district from a request file, and again is a no-op', async () => {
    const file = request('jingan');
    expect(await linju('tenant', 'create', '--file', file)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Onboarded: jingan'),
    });
    expect(await linju('tenant', 'create', '--file', file)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Already onboarded'),
    });
  });

  it('names the bad field in one line', async () => {
    const { code, out } = await linju('tenant', 'create', '--file', request('jingan-bad', '99x'));
    expect(code).toBe(1);
    expect(out).toContain('divisionCode: tenant.division_code_invalid');
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('linju audit verify', () => {
  it('says the chain holds, then finds the entry someone edited', async () => {
    expect(await linju('audit', 'verify', 'jingan')).toMatchObject({
      code: 0,
      out: expect.stringContaining('holds'),
    });
    await owner.db.execute(
      sql`update audit_entry set after = '{"edited": true}' where seq = 2 and tenant_id = (select id from tenant where slug = 'jingan')`,
    );
    const broken = await linju('audit', 'verify', 'jingan');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at entry 2 (edited)');
  });
});

describe('linju audit checkpoint', () => {
  it('anchors each chain outside the database, so verify catches a rewrite made with the audit key', async () => {
    expect((await linju('tenant', 'create', '--file', request('putuo', '310107'))).code).toBe(0);
    const anchored = await linju('audit', 'checkpoint');
    expect(anchored.out).toMatch(/putuo: anchored at entry \d+/);
    expect(anchored.out).toContain('jingan: chain BROKEN at entry 2 (edited); not anchored.');
    expect((await linju('audit', 'checkpoint')).out).toContain('putuo: unchanged since its last checkpoint.');
    expect(await linju('audit', 'verify', 'putuo')).toMatchObject({
      code: 0,
      out: expect.stringContaining('1 checkpoints of putuo match'),
    });

    // The owner, holding the data key too, rewrites entry 2 and re-keys every later one.
    const [putuo] = await owner.db.execute<{ id: string }>(sql`select id from tenant where slug = 'putuo'`);
    useAuditKey(Buffer.from(readFileSync(join(dataDir, 'data-key'), 'utf8'), 'base64'));
    await rewriteAuditChain(owner.db, putuo?.id as string, 2, auditKeyOf(putuo?.id as string));
    const rewritten = await linju('audit', 'verify', 'putuo');
    expect(rewritten.code).toBe(1);
    expect(rewritten.out).toContain('Audit chain of putuo holds');
    expect(rewritten.out).toMatch(
      /Audit chain of putuo was REWRITTEN: entry \d+ no longer matches checkpoint line 1/,
    );
  });
});

describe('linju keys rotate', () => {
  const key = () => randomBytes(32).toString('base64');

  it('re-seals a district under the current key, reading the retired one, and says so', async () => {
    const result = await linjuWith(
      { LINJU_DATA_KEY: key(), LINJU_DATA_KEYS_RETIRED: key() },
      'keys',
      'rotate',
      '--tenant',
      'jingan',
    );
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/Re-sealed \d+ values under key/) });
  });

  it('names the setting of a key that is not 32 bytes, and an unknown district, in one line', async () => {
    const short = await linjuWith({ LINJU_DATA_KEY: 'c2hvcnQ=' }, 'keys', 'rotate', '--tenant', 'jingan');
    expect(short.code).toBe(1);
    expect(short.out).toContain('LINJU_DATA_KEY must be base64 of 32 random bytes');
    const unknown = await linjuWith({ LINJU_DATA_KEY: key() }, 'keys', 'rotate', '--tenant', 'nowhere');
    expect(unknown).toMatchObject({ code: 1, out: expect.stringContaining('tenant.not_found') });
    expect(unknown.out).not.toMatch(/\n\s+at /);
  });
});

describe('linju peer', () => {
  it('pins a peer (private network only on request), allows it organisations, lists and unpins it', async () => {
    const file = join(dataDir, 'peer.json');
    writeFileSync(
      file,
      JSON.stringify({
        nodeId: 'city-node',
        name: 'City',
        baseUrl: 'https://city.example',
        publicKeys: [
          { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'city-key-1' },
        ],
        organisations: [],
      }),
    );
    expect(await linju('peer', 'pin', '--file', file)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Pinned city-node'),
    });
    // Each key with its SHA-256 fingerprint (RFC 8037's example key), as the console shows it.
    expect((await linju('peer', 'list')).out).toContain(
      'city-node\thttps://city.example\tcity-key-1 (90fa cafe a9b1 5566 9854 0f70 c011 7a22 ea37 bd5c f3ed 3c47 093c 1707 282b 4b89)\tpublic-only\tallowed: -',
    );
    expect(await linju('peer', 'allow', 'city-node', 'jingan')).toMatchObject({ code: 0 });
    expect((await linju('peer', 'list')).out).toContain('\tallowed: jingan');
    expect(await linju('peer', 'disallow', 'city-node', 'jingan')).toMatchObject({ code: 0 });
    expect(await linju('peer', 'allow', 'city-node', 'not an id')).toMatchObject({
      code: 1,
      out: expect.stringContaining('federation.org_id_invalid'),
    });
    expect(await linju('peer', 'pin', '--file', file, '--allow-private-network')).toMatchObject({
      code: 0,
      out: expect.stringContaining('private network allowed'),
    });
    expect(await linju('peer', 'unpin', 'city-node')).toMatchObject({ code: 0 });
    expect((await linju('peer', 'list')).out).not.toContain('city-node');
    // Nine runs of the CLI, each a fresh Node process loading the domain.
  }, 300_000);
});

describe('linju peer pin --url', () => {
  it('shows the fingerprints, pins with them, and refuses a key that changed since', async () => {
    const key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'url-peer-')));
    let keys = [key.publicJwk];
    const peer = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify(
          wellKnownDocument({
            nodeId: 'url-node',
            name: 'URL',
            baseUrl: url,
            publicKeys: keys,
            organisations: [],
          }),
        ),
      ),
    );
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
    try {
      expect((await linju('peer', 'pin', '--url', url)).out).toContain('federation.peer_private_network');
      const shown = await linju('peer', 'pin', '--url', url, '--allow-private-network');
      const fingerprint = keyFingerprint(key.publicJwk);
      expect(shown.out).toContain(`SHA-256 ${fingerprint}`);
      expect(shown.out).toContain(`--node url-node --fingerprint '${fingerprint}'`);
      const confirm = ['peer', 'pin', '--url', url, '--allow-private-network', '--node', 'url-node'];
      keys = [(await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'url-rotated-')))).publicJwk];
      expect(await linju(...confirm, '--fingerprint', fingerprint)).toMatchObject({
        code: 1,
        out: expect.stringContaining('federation.peer_changed_since_preview'),
      });
      keys = [key.publicJwk];
      expect(await linju(...confirm, '--fingerprint', fingerprint)).toMatchObject({
        code: 0,
        out: expect.stringContaining('Pinned url-node'),
      });
      expect(await linju('peer', 'unpin', 'url-node')).toMatchObject({ code: 0 });
    } finally {
      peer.close();
    }
  }, 120_000);
});
