import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { jwkThumbprint } from './node-key.ts';
import { RFC9421_TEST_PUBLIC_KEY } from './test-keys.ts';
import { wellKnownDocument, wellKnownDocumentSchema } from './well-known.ts';

const { x } = RFC9421_TEST_PUBLIC_KEY.export({ format: 'jwk' }) as { x: string };
const publicKey = {
  kty: 'OKP',
  crv: 'Ed25519',
  x,
  kid: jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x }),
} as const;
const input = {
  nodeId: 'shanghai-jingan',
  name: '静安区公共法律服务平台',
  baseUrl: 'https://linju.jingan.example',
  publicKeys: [publicKey],
  organisations: [
    {
      orgId: 'jingan-bureau',
      names: { 'zh-CN': '静安区司法局', en: "Jing'an District Justice Bureau" },
      kind: 'district-bureau',
    },
    { orgId: 'jingan-court', names: { 'zh-CN': '静安区人民法院' }, kind: 'court' },
  ],
} as const;

describe('wellKnownDocument', () => {
  it('builds a document a peer parses back unchanged', () => {
    const document = wellKnownDocument(input);
    expect(wellKnownDocumentSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it('ignores members a later protocol version may add', () => {
    expect(wellKnownDocumentSchema.parse({ ...input, protocolVersions: [1, 2] })).not.toHaveProperty(
      'protocolVersions',
    );
  });

  it('allows plain http only on a loopback host', () => {
    expect(wellKnownDocument({ ...input, baseUrl: 'http://127.0.0.1:4100' }).baseUrl).toBe(
      'http://127.0.0.1:4100',
    );
    expect(() => wellKnownDocument({ ...input, baseUrl: 'http://linju.jingan.example' })).toThrow(ZodError);
  });

  it('names the field of a bad peer document', () => {
    const result = wellKnownDocumentSchema.safeParse({
      ...input,
      nodeId: 'jing an',
      publicKeys: [publicKey, { ...publicKey, x: 'short' }, publicKey],
      organisations: [{ ...input.organisations[0], kind: 'school' }],
    });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'nodeId',
      'publicKeys.1.x',
      'organisations.0.kind',
    ]);
    const duplicates = wellKnownDocumentSchema.safeParse({ ...input, publicKeys: [publicKey, publicKey] });
    expect(duplicates.success ? [] : duplicates.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'publicKeys.1.kid',
    ]);
  });
});
