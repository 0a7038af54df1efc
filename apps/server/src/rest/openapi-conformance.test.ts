import { EXCHANGE_ROUTES, referralPath } from '@linju/federation';
import { describe, expect, it } from 'vitest';
import { documentedOperation, undocumentedInAnswer } from './openapi-conformance.ts';

const LIVE = 'http://linju.test/api/v1/health/live';

describe('checking an answer against the OpenAPI document', () => {
  it('finds the operation of a path, under /api/v1 or at the root for the exchange', () => {
    expect(documentedOperation('GET', '/api/v1/health/live')?.operation.operationId).toBe('getHealthLive');
    expect(documentedOperation('GET', referralPath('r-1'))?.template).toBe(EXCHANGE_ROUTES.referral);
    expect(documentedOperation('DELETE', '/api/v1/health/live')).toBeUndefined();
  });

  it('passes an answer as documented', async () => {
    expect(await undocumentedInAnswer('GET', LIVE, Response.json({ status: 'live' }))).toEqual([]);
  });

  it('names an undocumented status, content type or body', async () => {
    expect(
      await undocumentedInAnswer('GET', LIVE, Response.json({ status: 'live' }, { status: 500 })),
    ).toEqual(['getHealthLive 500: status not documented']);
    expect(await undocumentedInAnswer('GET', LIVE, new Response('live'))).toEqual([
      'getHealthLive 200: content type "text/plain" not documented',
    ]);
    expect(await undocumentedInAnswer('GET', LIVE, Response.json({ status: 'dead' }))).toEqual([
      'getHealthLive 200: body/status must be equal to one of the allowed values',
    ]);
  });
});
