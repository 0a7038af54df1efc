import { describe, expect, it } from 'vitest';
import { databasePrepare } from './database-prepare.ts';

describe('databasePrepare', () => {
  it('prepares statements unless DATABASE_PREPARE=false (PgBouncer in transaction mode)', () => {
    expect(databasePrepare({})).toBe(true);
    expect(databasePrepare({ DATABASE_PREPARE: 'true' })).toBe(true);
    expect(databasePrepare({ DATABASE_PREPARE: ' FALSE ' })).toBe(false);
  });

  it('refuses any other value, naming the setting', () => {
    expect(() => databasePrepare({ DATABASE_PREPARE: 'no' })).toThrow(
      "DATABASE_PREPARE must be true or false (got 'no')",
    );
  });
});
