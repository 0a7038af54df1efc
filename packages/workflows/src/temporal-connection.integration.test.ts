import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTemporalConnection } from './temporal-connection.ts';
import { temporalHealth } from './temporal-health.ts';

/**
 * The connection settings against a Temporal frontend that demands mTLS. The dev server speaks
 * plain gRPC only (`temporal server start-dev` has no TLS flags), so a TLS terminator in this file
 * stands in front of it: it requires a client certificate signed by the test's CA, then passes the
 * HTTP/2 bytes through. Certificates come from the system's `openssl`.
 */
const dir = mkdtempSync(join(tmpdir(), 'temporal-mtls-'));
const path = (name: string) => join(dir, name);
const SERVER_NAME = 'temporal.linju.test';
let frontend: Server;
let address: string;

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A key and a certificate for `name`, signed by the test CA (server or client use). */
function issue(name: string, extensions: string) {
  writeFileSync(path(`${name}.ext`), extensions);
  openssl(
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-subj',
    `/CN=${name}`,
    '-out',
    `${name}.csr`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    `${name}.pem`,
    '-extfile',
    `${name}.ext`,
  );
}

beforeAll(async () => {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Linju test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  issue(
    'server',
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:${SERVER_NAME}\n`,
  );
  issue(
    'client',
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n',
  );
  const [host, port] = inject('temporalAddress').split(':');
  frontend = createServer(
    {
      key: readFileSync(path('server.key')),
      cert: readFileSync(path('server.pem')),
      ca: readFileSync(path('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = tcpConnect(Number(port), host);
      socket.pipe(upstream).pipe(socket);
      const close = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', close);
      upstream.on('error', close);
    },
  );
  frontend.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => frontend.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(frontend.address() as { port: number }).port}`;
});

afterAll(() => {
  frontend?.close();
});

const mtls = () => ({
  TEMPORAL_ADDRESS: address,
  TEMPORAL_TLS_CA_FILE: path('ca.pem'),
  TEMPORAL_TLS_CERT_FILE: path('client.pem'),
  TEMPORAL_TLS_KEY_FILE: path('client.key'),
  TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
});

async function healthy(env: Record<string, string>): Promise<boolean> {
  const probe = temporalHealth(readTemporalConnection(env));
  try {
    return await probe.healthy();
  } finally {
    await probe.close();
  }
}

describe('Temporal over mTLS, as the server, the worker and the probes connect', () => {
  it('reaches the frontend with the CA, the client pair and the server name', async () => {
    expect(await healthy(mtls())).toBe(true);
    // The worker's native connection (the Rust core) reads the same options.
    const native = await NativeConnection.connect(readTemporalConnection(mtls()));
    const info = await native.workflowService.getSystemInfo({});
    expect(info.serverVersion).toBeTruthy();
    await native.close();
  });

  it('is refused without the client certificate, without the CA, and in clear text', async () => {
    const { TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE, ...noClientPair } = mtls();
    expect(await healthy(noClientPair)).toBe(false);
    const { TEMPORAL_TLS_CA_FILE, ...noCa } = mtls();
    expect(await healthy(noCa)).toBe(false);
    expect(await healthy({ TEMPORAL_ADDRESS: address })).toBe(false);
  });
});
