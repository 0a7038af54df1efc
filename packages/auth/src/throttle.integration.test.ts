import { randomUUID } from 'node:crypto';
import { connect, eq, schema } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  claimAttempt,
  claimSignInAttempt,
  clearFailures,
  forgiveAttempt,
  signInSucceeded,
  THROTTLE_RULES,
} from './throttle.ts';

const { db, close } = connect(inject('databaseUrl'));
afterAll(() => close());
const { account } = THROTTLE_RULES;
const failuresOf = async (key: string) =>
  (await db.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)))[0]?.failures ?? 0;

describe('claiming an attempt (count and decision in one statement)', () => {
  it('lets exactly the limit of 50 parallel attempts go ahead, then locks the key', async () => {
    const key = `account:${randomUUID()}:someone`;
    const now = new Date();
    const waits = await Promise.all(Array.from({ length: 50 }, () => claimAttempt(db, 'account', key, now)));
    expect(waits.filter((w) => w === 0).length).toBe(account.maxFailures);
    expect(new Set(waits.filter((w) => w > 0))).toEqual(new Set([account.lockMs / 1000]));
  });

  it('lets an address try its limit, locks it on the next attempt, and clears', async () => {
    const key = `ip:${randomUUID()}`;
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++)
      expect(await claimAttempt(db, 'ip', key, now)).toBe(0);
    expect(await claimAttempt(db, 'ip', key, now)).toBe(THROTTLE_RULES.ip.lockMs / 1000);
    await clearFailures(db, key);
    expect(await claimAttempt(db, 'ip', key, now)).toBe(0);
  });

  it('starts a new window once the old one is over', async () => {
    const key = `account:${randomUUID()}:someone`;
    const t0 = new Date('2026-11-22T08:00:00Z');
    for (let i = 0; i < account.maxFailures - 1; i++) await claimAttempt(db, 'account', key, t0);
    expect(await claimAttempt(db, 'account', key, new Date(t0.getTime() + account.windowMs + 1000))).toBe(0);
    expect(await failuresOf(key)).toBe(1);
  });

  it('starts a new window once the lock ran out', async () => {
    const key = `account:${randomUUID()}:someone`;
    const t0 = new Date('2026-11-22T08:00:00Z');
    for (let i = 0; i <= account.maxFailures; i++) await claimAttempt(db, 'account', key, t0);
    expect(await claimAttempt(db, 'account', key, new Date(t0.getTime() + account.lockMs - 1000))).toBe(1);
    expect(await claimAttempt(db, 'account', key, new Date(t0.getTime() + account.lockMs + 1))).toBe(0);
    expect(await failuresOf(key)).toBe(1);
  });

  it('does not charge a right attempt, not even the one that reached the limit', async () => {
    const key = `ip:${randomUUID()}`;
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) await claimAttempt(db, 'ip', key, now);
    await forgiveAttempt(db, 'ip', key);
    expect(await failuresOf(key)).toBe(THROTTLE_RULES.ip.maxFailures - 1);
    expect(await claimAttempt(db, 'ip', key, now)).toBe(0);
  });

  it('charges a sign-in its address refuses nothing on the account, and a right one nothing on the address', async () => {
    const keys = { account: `account:${randomUUID()}:someone`, ip: `ip:${randomUUID()}` };
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) await claimAttempt(db, 'ip', keys.ip, now);
    expect(await claimSignInAttempt(db, keys, now)).toBeGreaterThan(0);
    expect(await failuresOf(keys.account)).toBe(0);

    const fresh = { account: `account:${randomUUID()}:someone`, ip: `ip:${randomUUID()}` };
    expect(await claimSignInAttempt(db, fresh, now)).toBe(0);
    await signInSucceeded(db, fresh);
    expect(await failuresOf(fresh.account)).toBe(0);
    expect(await failuresOf(fresh.ip)).toBe(0);
  });
});
