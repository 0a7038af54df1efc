import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerRequestRefused } from './peer-request.ts';
import { isPrivateAddress } from './private-address.ts';
import { signedFetch } from './signed-fetch.ts';
import { RFC9421_TEST_KEY } from './test-keys.ts';

/** Real local HTTP servers standing in for a malicious peer and the internal service it aims at. */
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(listener: RequestListener): Promise<{ base: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    listener(req, res);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits: () => hits };
}

const get = (baseUrl: string, allowPrivateNetwork: boolean, maxBytes?: number) =>
  signedFetch({
    baseUrl,
    method: 'GET',
    path: '/federation/v1/referrals/r1',
    key: RFC9421_TEST_KEY,
    kid: 'test-key-ed25519',
    allowPrivateNetwork,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PeerRequestRefused);
  return error as PeerRequestRefused;
};

describe('every request to a peer (signedFetch → peerRequest)', () => {
  it('refuses a redirect and never calls where it points (127.0.0.1, the metadata address…)', async () => {
    const internal = await serve((_req, res) => res.end('{"secret":true}'));
    const peer = await serve((_req, res) => {
      res.writeHead(302, { location: `${internal.base}/latest/meta-data/` });
      res.end();
    });
    const error = await refusal(get(peer.base, true));
    expect(error.reason).toBe('redirect');
    expect(error.message).toContain('302');
    expect(peer.hits()).toBe(1);
    expect(internal.hits()).toBe(0);
  });

  it('aborts an answer at the byte bound instead of reading it all', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let finished = false;
    const peer = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // 64 MiB without a Content-Length: only reading it tells how big it is.
      const pump = () => {
        while (written < 1024 && res.write(chunk)) written += 1;
        if (written >= 1024) {
          res.end(() => {
            finished = true;
          });
        } else res.once('drain', pump);
      };
      pump();
    });
    const error = await refusal(get(peer.base, true, 256 * 1024));
    expect(error.reason).toBe('too-large');
    expect(finished).toBe(false);
    expect(written).toBeLessThan(1024);
  });

  it('refuses a loopback or private target unless the peer was pinned with private network allowed', async () => {
    const internal = await serve((_req, res) => res.end('{}'));
    const literal = await refusal(get(internal.base, false));
    expect(literal.reason).toBe('private-address');
    // A host name is checked by the address it resolves to, not by its spelling.
    const port = new URL(internal.base).port;
    const resolved = await refusal(get(`http://localhost:${port}`, false));
    expect(resolved.reason).toBe('private-address');
    expect(resolved.message).toMatch(/resolves to (127\.0\.0\.1|::1)/);
    expect(internal.hits()).toBe(0);
    const allowed = await get(internal.base, true);
    expect(allowed.status).toBe(200);
    expect(internal.hits()).toBe(1);
  });
});

describe('isPrivateAddress', () => {
  it('names loopback, private, link-local (metadata), unique-local and mapped addresses; not public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '101.226.4.6', '2001:4860:4860::8888', '240e::1'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});
