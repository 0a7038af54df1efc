import { EXCHANGE_ROUTES } from '@linju/federation';
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
        EXCHANGE_ROUTES.wellKnown,
        EXCHANGE_ROUTES.referrals,
        EXCHANGE_ROUTES.referral,
        EXCHANGE_ROUTES.referralEvents,
        EXCHANGE_ROUTES.referralAttachment,
      ]),
    );
    const create = doc.paths[EXCHANGE_ROUTES.referrals];
    expect(create.servers).toEqual([expect.objectContaining({ url: 'https://linju.example' })]);
    expect(Object.keys(create.post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '409', '413', '429']),
    );
    expect(create.post.responses['429'].headers).toHaveProperty('Retry-After');
  });

  it('describes the districts’ monthly statistics for their city, versions 1 and 2 of the message', () => {
    const statistics = doc.paths[EXCHANGE_ROUTES.statistics];
    expect(statistics.servers).toEqual([expect.objectContaining({ url: 'https://linju.example' })]);
    expect(statistics.post.security).toEqual([{ httpMessageSignature: [] }]);
    expect(statistics.post.requestBody.content['application/json'].schema.oneOf).toEqual([
      { $ref: '#/components/schemas/StatisticsMessageV2' },
      { $ref: '#/components/schemas/StatisticsMessageV1' },
    ]);
    expect(Object.keys(statistics.post.responses).sort()).toEqual([
      '202',
      '400',
      '401',
      '403',
      '409',
      '413',
      '429',
    ]);
    const schemas = doc.components.schemas as unknown as Record<
      string,
      {
        required?: string[];
        additionalProperties?: unknown;
        properties?: Record<string, { const?: unknown }>;
      }
    >;
    const v1 = schemas.StatisticsMessageV1;
    const v2 = schemas.StatisticsMessageV2;
    expect(v1?.properties?.version?.const).toBe(1);
    expect(v2?.properties?.version?.const).toBe(2);
    // Strict, as the endpoint parses them: nothing else (no names, no people) may ride along.
    expect(v1?.additionalProperties).toBe(false);
    expect(v2?.additionalProperties).toBe(false);
    expect(v1?.required).toEqual(
      expect.arrayContaining(['type', 'divisionCode', 'districtName', 'month', 'totals', 'byService']),
    );
    expect(v1?.required).not.toContain('to');
    expect(v2?.required).toEqual(expect.arrayContaining(['to', 'revision', 'activity', 'totals']));
    expect(schemas.StatisticsReceipt?.required).toEqual(['status', 'divisionCode', 'month', 'revision']);
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

  it('states the rules the endpoints check, so a message the document allows is not refused as malformed', () => {
    const schemas = doc.components.schemas as unknown as Record<string, Record<string, unknown>>;
    const create = schemas.ReferralCreate as { properties: Record<string, { pattern?: string }> };
    expect(new RegExp(create.properties.from?.pattern ?? '').test('court@peer-node')).toBe(true);
    expect(new RegExp(create.properties.to?.pattern ?? '').test('no-address')).toBe(false);
    // biome-ignore-start lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited
    expect(schemas.ReferralEvent?.allOf).toEqual([
      {
        if: { required: ['type'], properties: { type: { enum: ['rejected', 'failed', 'cancelled'] } } },
        then: { required: ['reason'] },
      },
      {
        if: { required: ['type'], properties: { type: { const: 'completed' } } },
        then: { required: ['outcome'] },
      },
      {
        if: { required: ['type'], properties: { type: { const: 'note' } } },
        then: { required: ['reason'], properties: { reason: { pattern: '\\S' } } },
      },
    ]);
    // biome-ignore-end lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited
    const hsds = doc.paths['/catalogue/hsds'].get.parameters[0];
    expect(hsds?.schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
  });
});
