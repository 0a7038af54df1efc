import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemporalConnection } from './temporal-connection.ts';

const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ca = file('ca.pem', 'CA');
const crt = file('client.pem', 'CRT');
const key = file('client.key', 'KEY');
const apiKeyFile = file('api-key', 'secret-from-file\n');

describe('readTemporalConnection', () => {
  it('connects in plain gRPC to the local dev server by default', () => {
    expect(readTemporalConnection({})).toEqual({ address: '127.0.0.1:7233' });
    expect(readTemporalConnection({ TEMPORAL_ADDRESS: ' temporal:7233 ' })).toEqual({
      address: 'temporal:7233',
    });
  });

  it('turns TLS on with the system CAs, or off, by TEMPORAL_TLS', () => {
    expect(readTemporalConnection({ TEMPORAL_TLS: 'on' })).toEqual({ address: '127.0.0.1:7233', tls: {} });
    expect(readTemporalConnection({ TEMPORAL_TLS: 'off' })).toEqual({ address: '127.0.0.1:7233' });
    expect(() => readTemporalConnection({ TEMPORAL_TLS: 'yes please' })).toThrow(
      "TEMPORAL_TLS must be on or off (got 'yes please')",
    );
  });

  it('reads the CA, the client pair (mTLS) and the server name from their files', () => {
    const options = readTemporalConnection({
      TEMPORAL_ADDRESS: 'temporal.sfj.example:7233',
      TEMPORAL_TLS_CA_FILE: ca,
      TEMPORAL_TLS_CERT_FILE: crt,
      TEMPORAL_TLS_KEY_FILE: key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(options.tls?.serverNameOverride).toBe('temporal.internal');
    expect(Buffer.from(options.tls?.serverRootCACertificate ?? []).toString()).toBe('CA');
    expect(Buffer.from(options.tls?.clientCertPair?.crt ?? []).toString()).toBe('CRT');
    expect(Buffer.from(options.tls?.clientCertPair?.key ?? []).toString()).toBe('KEY');
  });

  it('refuses half a client pair, an unreadable file and TLS files with TLS off, naming the setting', () => {
    expect(() => readTemporalConnection({ TEMPORAL_TLS_CERT_FILE: crt })).toThrow(
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together',
    );
    expect(() => readTemporalConnection({ TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem') })).toThrow(
      /^TEMPORAL_TLS_CA_FILE: cannot read .*missing\.pem \(ENOENT\)$/,
    );
    expect(() => readTemporalConnection({ TEMPORAL_TLS: 'off', TEMPORAL_TLS_CA_FILE: ca })).toThrow(
      'TEMPORAL_TLS=off contradicts',
    );
  });

  it('sends an API key, inline or from its file, only over TLS', () => {
    expect(readTemporalConnection({ TEMPORAL_API_KEY: 'k' })).toEqual({
      address: '127.0.0.1:7233',
      tls: {},
      apiKey: 'k',
    });
    expect(readTemporalConnection({ TEMPORAL_API_KEY_FILE: apiKeyFile }).apiKey).toBe('secret-from-file');
    expect(() => readTemporalConnection({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'off' })).toThrow(
      'TEMPORAL_API_KEY needs TLS',
    );
    expect(() =>
      readTemporalConnection({ TEMPORAL_API_KEY: 'k', TEMPORAL_API_KEY_FILE: apiKeyFile }),
    ).toThrow('Set TEMPORAL_API_KEY or TEMPORAL_API_KEY_FILE, not both');
  });
});
