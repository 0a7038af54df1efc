import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../rest/openapi.ts';

/** Every `$ref` in a document, wherever it is. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

describe('the federation endpoints in the OpenAPI document', () => {
  const doc = openApiDocument('https://linju.example');

  it('describes the well-known document and every signed referral endpoint, at the origin root', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/.well-known/linju-node',
        '/federation/v1/referrals',
        '/federation/v1/referrals/{id}',
        '/federation/v1/referrals/{id}/events',
        '/federation/v1/referrals/{id}/attachments/{sha256}',
      ]),
    );
    const create = doc.paths['/federation/v1/referrals'];
    expect(create.servers).toEqual([expect.objectContaining({ url: 'https://linju.example' })]);
    expect(Object.keys(create.post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '409', '413', '429']),
    );
    expect(create.post.responses['429'].headers).toHaveProperty('Retry-After');
  });

  it('takes its message schemas from the ones the endpoints parse with, and every reference resolves', () => {
    const schemas = doc.components.schemas as unknown as Record<string, { required?: string[] }>;
    expect(schemas.ReferralCreate?.required).toEqual(
      expect.arrayContaining(['id', 'from', 'to', 'kind', 'subject', 'summary', 'attachments', 'dueBy']),
    );
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(schemas, ref).toHaveProperty(name);
    }
  });
});
