import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { residentCodeSentTo } from '../testing/sms-sent-to.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { requestResidentCode, verifyResidentCode } from './resident-code.ts';
import { RESIDENT_CODE_LIMITS } from './resident-code-limits.ts';
import { residentOfToken } from './resident-session.ts';
import { signOutResident } from './resident-sign-out.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let a: TestDistrict;
let b: TestDistrict;

beforeAll(async () => {
  a = await createTestDistrict(app.db, box, 'resident-a');
  b = await createTestDistrict(app.db, box, 'resident-b');
});
afterAll(() => app.close());

// Each test has its own hours of the district's clock, so one test's codes never count in another's limits.
let day = 0;
const freshClock = () => new Date(Date.UTC(2026, 0, 1) + day++ * 3 * 86_400_000);
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
let phones = 0;
const freshPhone = () => `139${String(20_000_000 + phones++).padStart(8, '0')}`;
const ip = () => `10.1.${Math.floor(Math.random() * 250)}.${phones}`;

const ask = (d: TestDistrict, phone: string, now: Date, from = ip(), website?: string) =>
  requestResidentCode(
    app.db,
    box,
    { tenantId: d.tenantId, ip: from },
    { phone, ...(website ? { website } : {}) },
    now,
  );
const verify = (d: TestDistrict, phone: string, code: string, now: Date) =>
  verifyResidentCode(app.db, box, { tenantId: d.tenantId }, { phone, code }, now);

/** The code as the resident reads it from the SMS: the newest queued to the phone. */
const codeSentTo = (d: TestDistrict, phone: string) => residentCodeSentTo(app.db, box, d.tenantId, phone);

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return { message: error.message, params: error.params, field: error.field };
};

describe('a resident proves their phone by SMS code', () => {
  it('sends a 6-digit code by SMS, keeps only its keyed hash, and the code opens a session for the phone', async () => {
    const now = freshClock();
    const phone = freshPhone();
    const asked = await ask(a, phone, now);
    expect(asked.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const code = await codeSentTo(a, phone);
    expect(code).toMatch(/^[0-9]{6}$/);
    const rows = await withTenant(app.db, a.tenantId, (tx) => tx.select().from(schema.residentCode));
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(`"${code}"`);
    const session = await verify(a, phone, code ?? '', at(now, 30));
    expect(await residentOfToken(app.db, box, a.tenantId, session.token, at(now, 31))).toEqual({
      phone,
      sessionId: session.sessionId,
    });
    const sessions = await withTenant(app.db, a.tenantId, (tx) => tx.select().from(schema.residentSession));
    expect(JSON.stringify(sessions)).not.toContain(phone);
    expect(JSON.stringify(sessions)).not.toContain(session.token.split('.')[1]);
  });

  it('audits the request and the proof with the phone masked, never the code', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    const code = (await codeSentTo(a, phone)) ?? '';
    await verify(a, phone, code, at(now, 5));
    const entries = await withTenant(app.db, a.tenantId, (tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.objectType, 'resident_session')),
    );
    const mine = entries.filter((e) => JSON.stringify(e.after).includes(phone.slice(-4)));
    expect(mine.map((e) => e.action)).toEqual(
      expect.arrayContaining(['resident.code_requested', 'resident.phone_verified']),
    );
    expect(mine.every((e) => e.actorName === 'resident site')).toBe(true);
    const written = JSON.stringify(mine);
    expect(written).not.toContain(phone);
    expect(written).not.toContain(code);
  });

  it('refuses a landline: a code goes to a mobile number', async () => {
    await expect(ask(a, '021-64870000', freshClock())).rejects.toThrow('publicResident.mobile_needed');
  });

  it('answers a filled honeypot as if sent, and sends nothing', async () => {
    const phone = freshPhone();
    expect(await ask(a, phone, freshClock(), ip(), 'https://spam.example')).toMatchObject({
      phoneMasked: expect.any(String),
    });
    expect(await codeSentTo(a, phone)).toBeUndefined();
  });
});

describe('the limits against SMS bombing, each saying when to try again', () => {
  it('one code a minute per phone', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    expect(await refusal(ask(a, phone, at(now, 20)))).toEqual({
      message: 'publicResident.code_wait_seconds',
      params: { seconds: 40 },
      field: 'phone',
    });
    await expect(ask(a, phone, at(now, 60))).resolves.toBeDefined();
  });

  it('five codes an hour per phone', async () => {
    const now = freshClock();
    const phone = freshPhone();
    for (let i = 0; i < 5; i++) await ask(a, phone, at(now, i * 61));
    expect(await refusal(ask(a, phone, at(now, 5 * 61)))).toEqual({
      message: 'publicResident.code_wait_minutes',
      params: { minutes: Math.ceil((3600 - 5 * 61) / 60) },
      field: 'phone',
    });
    await expect(ask(a, phone, at(now, 3600))).resolves.toBeDefined();
  });

  it('ten codes a day per phone', async () => {
    const now = freshClock();
    const phone = freshPhone();
    // Five an hour, then five more the next hour: ten within the day.
    for (let i = 0; i < 10; i++) await ask(a, phone, at(now, (i < 5 ? 0 : 3600) + (i % 5) * 61));
    const refused = await refusal(ask(a, phone, at(now, 3 * 3600)));
    expect(refused.message).toBe('publicResident.code_wait_minutes');
    expect(refused.params).toEqual({ minutes: 24 * 60 - 3 * 60 });
    await expect(ask(a, phone, at(now, 86_400))).resolves.toBeDefined();
  });

  it('twenty codes an hour per address', async () => {
    const now = freshClock();
    const from = '10.9.9.9';
    const max = RESIDENT_CODE_LIMITS.address[0].max;
    for (let i = 0; i < max; i++) await ask(a, freshPhone(), at(now, i), from);
    const refused = await refusal(ask(a, freshPhone(), at(now, max), from));
    expect(refused).toEqual({
      message: 'publicResident.code_wait_minutes',
      params: { minutes: 60 },
      field: 'phone',
    });
    await expect(ask(a, freshPhone(), at(now, max), '10.9.9.10')).resolves.toBeDefined();
  });

  it('a ceiling a minute for the whole district', async () => {
    const now = freshClock();
    const max = RESIDENT_CODE_LIMITS.district[0].max;
    for (let i = 0; i < max; i++) await ask(b, freshPhone(), now, `10.2.${i}.1`);
    expect(await refusal(ask(b, freshPhone(), at(now, 30), '10.3.0.1'))).toEqual({
      message: 'publicResident.code_wait_seconds',
      params: { seconds: 30 },
      field: 'phone',
    });
    // Another district's residents are not held up.
    await expect(ask(a, freshPhone(), at(now, 30), '10.3.0.1')).resolves.toBeDefined();
  });
});

describe('a code', () => {
  it('works for ten minutes', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    const code = (await codeSentTo(a, phone)) ?? '';
    expect(await refusal(verify(a, phone, code, at(now, 600)))).toMatchObject({
      message: 'publicResident.code_expired',
      field: 'code',
    });
  });

  it('dies at its fifth wrong try, saying how many are left before', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    const code = (await codeSentTo(a, phone)) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left > 0; left--) {
      expect(await refusal(verify(a, phone, wrong, at(now, 10)))).toEqual({
        message: 'publicResident.code_wrong',
        params: { left },
        field: 'code',
      });
    }
    expect((await refusal(verify(a, phone, wrong, at(now, 10)))).message).toBe('publicResident.code_dead');
    expect((await refusal(verify(a, phone, code, at(now, 11)))).message).toBe('publicResident.code_expired');
  });

  it('is used once, and a newer one replaces it', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    const first = (await codeSentTo(a, phone)) ?? '';
    await ask(a, phone, at(now, 60));
    const second = (await codeSentTo(a, phone)) ?? '';
    if (first !== second) {
      expect((await refusal(verify(a, phone, first, at(now, 61)))).message).toBe('publicResident.code_wrong');
    }
    await verify(a, phone, second, at(now, 62));
    expect((await refusal(verify(a, phone, second, at(now, 63)))).message).toBe(
      'publicResident.code_expired',
    );
  });

  it('of one district proves nothing in another', async () => {
    const now = freshClock();
    const phone = freshPhone();
    await ask(a, phone, now);
    const code = (await codeSentTo(a, phone)) ?? '';
    expect((await refusal(verify(b, phone, code, at(now, 5)))).message).toBe('publicResident.code_expired');
  });
});

describe('a resident session', () => {
  async function signedIn(d: TestDistrict, now: Date) {
    const phone = freshPhone();
    await ask(d, phone, now);
    return { phone, ...(await verify(d, phone, (await codeSentTo(d, phone)) ?? '', now)) };
  }

  it('of district A is nothing in district B', async () => {
    const now = freshClock();
    const { token } = await signedIn(a, now);
    expect(await residentOfToken(app.db, box, b.tenantId, token, at(now, 1))).toBeNull();
    expect(await residentOfToken(app.db, box, a.tenantId, token, at(now, 1))).not.toBeNull();
  });

  it('ends after 30 minutes unused, slides while used, and ends 2 hours after the code whatever', async () => {
    const now = freshClock();
    const { token } = await signedIn(a, now);
    const use = (minutes: number) => residentOfToken(app.db, box, a.tenantId, token, at(now, minutes * 60));
    for (const minutes of [20, 40, 60, 80, 100, 119]) expect(await use(minutes)).not.toBeNull();
    expect(await use(120)).toBeNull();
    const idle = await signedIn(a, at(now, 200 * 60));
    expect(await residentOfToken(app.db, box, a.tenantId, idle.token, at(now, 230 * 60))).toBeNull();
  });

  it('is nothing with a wrong secret or a malformed token', async () => {
    const now = freshClock();
    const { token } = await signedIn(a, now);
    const [id] = token.split('.');
    expect(await residentOfToken(app.db, box, a.tenantId, `${id}.${'a'.repeat(32)}`, now)).toBeNull();
    expect(await residentOfToken(app.db, box, a.tenantId, 'not a token', now)).toBeNull();
  });

  it('ends when the resident signs out, audited', async () => {
    const now = freshClock();
    const { token, sessionId } = await signedIn(a, now);
    await signOutResident(app.db, { tenantId: a.tenantId }, sessionId);
    expect(await residentOfToken(app.db, box, a.tenantId, token, now)).toBeNull();
    const [entry] = await withTenant(app.db, a.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(
          and(eq(schema.auditEntry.action, 'resident.signed_out'), eq(schema.auditEntry.objectId, sessionId)),
        ),
    );
    expect(entry).toBeDefined();
  });
});
