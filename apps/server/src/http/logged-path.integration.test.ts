import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { connect } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from './request-listener.ts';

/** The access log over a real socket: every line the request listener writes, as it writes it. */
const { db, close } = connect(inject('databaseUrl'));
const lines: string[] = [];
const capture = {
  info: (fields: object, message?: string) => lines.push(JSON.stringify({ ...fields, message })),
  warn: (fields: object, message?: string) => lines.push(JSON.stringify({ ...fields, message })),
  error: (fields: object, message?: string) => lines.push(JSON.stringify({ ...fields, message })),
  child: () => capture,
};
const server = createServer(
  createRequestListener({
    config: loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' }),
    db,
    box: createSecretBox(randomBytes(32)),
    log: capture,
    temporalHealthy: async () => true,
    files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
    admin: null,
  }),
);
let base: string;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await close();
});

describe('the access log', () => {
  it('never keeps a one-time link’s token (a partner’s, an operator’s setup link, a resident’s code) from the path', async () => {
    const token = randomBytes(32).toString('base64url');
    for (const path of [
      `/p/${token}`,
      `/p/${token}/attachments/${'a'.repeat(64)}`,
      `/survey/${token}`,
      `/platform/setup/${token}`,
    ]) {
      await (await fetch(`${base}${path}`)).arrayBuffer();
    }
    const logged = lines.filter((l) => l.includes('"message":"request"'));
    expect(logged.map((l) => JSON.parse(l).path)).toEqual([
      '/p/…',
      `/p/…/attachments/${'a'.repeat(64)}`,
      '/survey/…',
      '/platform/setup/…',
    ]);
    expect(lines.join('\n')).not.toContain(token);
  });
});
