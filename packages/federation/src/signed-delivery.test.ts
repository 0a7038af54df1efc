import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { REFERRALS_PATH } from './exchange-paths.ts';
import { verifyRequest } from './http-signature.ts';
import { deliverSigned } from './signed-delivery.ts';
import { RFC9421_TEST_KEY, RFC9421_TEST_PUBLIC_KEY } from './test-keys.ts';

/** Real local HTTP servers standing in for the peer. */
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function peer(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const answering =
  (status: number, body: string, headers: Record<string, string> = {}): RequestListener =>
  (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    });
  };

const deliver = (baseUrl: string, maxBytes?: number) =>
  deliverSigned({
    baseUrl,
    peer: 'node-b',
    method: 'POST',
    path: REFERRALS_PATH,
    body: '{"id":"r-1"}',
    idempotencyKey: 'r-1.1',
    key: RFC9421_TEST_KEY,
    kid: 'test-key-ed25519',
    allowPrivateNetwork: true,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });

describe('one signed delivery (deliverSigned)', () => {
  it('sends the message signed, and keeps a 2xx with what the peer answered', async () => {
    let verified: boolean | undefined;
    const base = await peer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const result = await verifyRequest({
          method: 'POST',
          url: `${base}${REFERRALS_PATH}`,
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
          now: new Date(),
          resolveKey: async () => RFC9421_TEST_PUBLIC_KEY,
          nonceSeen: () => false,
        });
        verified = result.ok;
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{"receipt":"x-1","status":"received"}');
      });
    });
    expect(await deliver(base)).toEqual({
      outcome: 'delivered',
      status: 202,
      answer: { receipt: 'x-1', status: 'received' },
    });
    expect(verified).toBe(true);
  });

  it('keeps a 2xx whose body is not a JSON object, its answer unknown', async () => {
    expect(await deliver(await peer(answering(200, 'thanks')))).toEqual({
      outcome: 'delivered',
      status: 200,
      answer: {},
    });
    expect(await deliver(await peer(answering(202, '[1, 2]')))).toMatchObject({ answer: {} });
  });

  it('takes a final 4xx as a refusal for good, naming the request, the peer and the answer', async () => {
    const result = await deliver(await peer(answering(409, '{"title":"Conflict"}')));
    expect(result).toEqual({
      outcome: 'refused',
      status: 409,
      message: `POST ${REFERRALS_PATH} to node-b answered 409: {"title":"Conflict"}`,
    });
  });

  it('retries a 5xx and the 4xx that say "later", with the peer’s Retry-After', async () => {
    expect(await deliver(await peer(answering(503, 'busy')))).toEqual({
      outcome: 'retry',
      status: 503,
      message: `POST ${REFERRALS_PATH} to node-b answered 503: busy`,
    });
    expect(await deliver(await peer(answering(429, '{}', { 'retry-after': '7' })))).toMatchObject({
      outcome: 'retry',
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('keeps only the start of a long refusal in its message', async () => {
    const result = await deliver(await peer(answering(400, 'x'.repeat(5000))));
    expect(result.outcome).toBe('refused');
    expect(result).toHaveProperty(
      'message',
      `POST ${REFERRALS_PATH} to node-b answered 400: ${'x'.repeat(500)}`,
    );
  });

  it('does not take an answer over the bound, even a 2xx: it is for a retry', async () => {
    const result = await deliver(await peer(answering(202, JSON.stringify({ pad: 'x'.repeat(2048) }))), 1024);
    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result).toHaveProperty(
      'message',
      expect.stringMatching(/^node-b unreachable: .*(over|more than) 1024/),
    );
  });

  it('retries a peer that cannot be reached', async () => {
    const base = await peer(answering(202, '{}'));
    const closed = servers.pop() as Server;
    closed.close();
    await once(closed, 'close');
    expect(await deliver(base)).toMatchObject({
      outcome: 'retry',
      status: null,
      message: expect.stringMatching(/^node-b unreachable: /),
    });
  });
});
