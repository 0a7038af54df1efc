import { describe, expect, it } from 'vitest';
import { cacheableJson } from './cacheable-json.ts';

const request = (ifNoneMatch?: string) =>
  new Request('http://x/', ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {});

describe('cacheableJson', () => {
  it('tags the answer with its body’s hash and lets any cache keep it', async () => {
    const answer = cacheableJson(request(), { a: 1 });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answer.headers.get('etag')).toBe(cacheableJson(request(), { a: 1 }).headers.get('etag'));
    expect(answer.headers.get('etag')).not.toBe(cacheableJson(request(), { a: 2 }).headers.get('etag'));
    expect(await answer.json()).toEqual({ a: 1 });
  });

  it('answers 304 with no body to a tag it would send again, weak or in a list', async () => {
    const etag = cacheableJson(request(), { a: 1 }).headers.get('etag') ?? '';
    for (const sent of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = cacheableJson(request(sent), { a: 1 });
      expect(again.status, sent).toBe(304);
      expect(await again.text()).toBe('');
    }
    expect(cacheableJson(request('"other"'), { a: 1 }).status).toBe(200);
  });
});
