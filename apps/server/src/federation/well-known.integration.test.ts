import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createTestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { loadOrCreateNodeKey, WELL_KNOWN_PATH, wellKnownDocumentSchema } from '@linju/federation';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { asDocumented } from '../rest/openapi-conformance.ts';
import { defaultNodeId, wellKnownHandler } from './well-known.ts';

const { db, close } = connect(inject('databaseUrl'));
afterAll(() => close());

describe('GET /.well-known/linju-node', () => {
  it('publishes the node, its key and every active district it serves, as peers parse it', async () => {
    const district = await createTestDistrict(db, createSecretBox(randomBytes(32)), 'node');
    const key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'node-key-')));
    const handle = wellKnownHandler(db, {
      nodeId: defaultNodeId('http://localhost:3000'),
      name: 'Linju test',
      baseUrl: 'http://localhost:3000',
      key,
    });
    const url = `http://localhost:3000${WELL_KNOWN_PATH}`;
    const response = await asDocumented('GET', url, await handle(new Request(url)));
    const document = wellKnownDocumentSchema.parse(await response.json());
    expect(document.nodeId).toBe('localhost-3000');
    expect(document.publicKeys[0]?.kid).toBe(key.kid);
    expect(document.organisations).toContainEqual({
      orgId: district.slug,
      names: { 'zh-CN': `测试区司法局 node`, en: 'Test district node' },
      kind: 'district-bureau',
      // What a city's node binds the district's statistics to when it pins this node.
      divisionCode: '310104',
    });
    expect(JSON.stringify(document)).not.toContain('"d"'); // never the private part of the key
  });

  it('answers only reads', async () => {
    const key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'node-key-')));
    const handle = wellKnownHandler(db, { nodeId: 'n', name: 'n', baseUrl: 'http://localhost:3000', key });
    expect(
      (await handle(new Request(`http://localhost:3000${WELL_KNOWN_PATH}`, { method: 'POST' }))).status,
    ).toBe(405);
  });
});
