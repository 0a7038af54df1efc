import { describe, expect, it } from 'vitest';
import { readWorkerConfig } from './worker-config.ts';

describe('readWorkerConfig', () => {
  it('defaults to a local Temporal and the default namespace', () => {
    expect(readWorkerConfig({ DATABASE_APP_URL: 'postgres://app@localhost/linju' })).toEqual({
      temporalAddress: '127.0.0.1:7233',
      namespace: 'default',
      databaseUrl: 'postgres://app@localhost/linju',
    });
  });

  it('takes TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE when set', () => {
    expect(
      readWorkerConfig({
        DATABASE_APP_URL: 'postgres://x',
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_NAMESPACE: 'linju',
      }),
    ).toMatchObject({ temporalAddress: 'temporal:7233', namespace: 'linju' });
  });

  it('refuses to start without DATABASE_APP_URL', () => {
    expect(() => readWorkerConfig({ DATABASE_APP_URL: ' ' })).toThrow(/DATABASE_APP_URL is not set/);
  });
});
