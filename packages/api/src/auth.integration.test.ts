import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
let district: TestDistrict;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'auth');
});
afterAll(() => h.close());

const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

describe('signing in', () => {
  it('lets a desk officer in with a password alone', async () => {
    const result = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD });
    expect(result.next).toBe('home');
    const me = await h.caller({ sessionToken: result.sessionToken }).auth.me();
    expect(me?.user.username).toBe('desk');
    expect(me?.user.roles.map((r) => r.role)).toEqual(['desk-officer']);
  });

  it('refuses a wrong password with a message key, not a hint which part was wrong', async () => {
    const error = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'desk', password: 'nope' })
      .catch(codeOf);
    expect(error).toBe('UNAUTHORIZED auth.invalid_credentials');
    const unknown = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'ghost', password: 'nope' })
      .catch(codeOf);
    expect(unknown).toBe('UNAUTHORIZED auth.invalid_credentials');
  });

  it('names the empty field', async () => {
    const error = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: '', password: 'x' })
      .catch((e) => e);
    expect(error.message).toBe('validation.failed');
  });

  it('locks an account after five failures, even with the right password then', async () => {
    const ctx = { ip: '10.9.9.9' };
    for (let i = 0; i < 5; i++) {
      await h
        .caller(ctx)
        .auth.login({ tenantSlug: district.slug, username: 'desk-b', password: 'wrong' })
        .catch(() => {});
    }
    const error = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'desk-b', password: TEST_PASSWORD })
      .catch(codeOf);
    expect(error).toBe('TOO_MANY_REQUESTS auth.throttled');
  });

  it('counts wrong passwords sent at once without running out of database connections', async () => {
    // More than the pool's connections: a failure must not wait for a connection its own
    // transaction holds.
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        h
          .caller()
          .auth.login({ tenantSlug: district.slug, username: `nobody-${i}`, password: 'wrong' })
          .catch(codeOf),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(['UNAUTHORIZED auth.invalid_credentials']));
  });

  it('asks an administrator for the second factor before anything else', async () => {
    const { sessionToken, next } = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'admin', password: TEST_PASSWORD });
    expect(next).toBe('totp');
    const half = h.caller({ sessionToken });
    expect(await half.organisation.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
    expect(await half.auth.verifyTotp({ code: '000000' }).catch(codeOf)).toMatch(/auth.totp_invalid/);
    const verified = await half.auth.verifyTotp({ code: h.nextTotp(district.totpSecret) });
    expect(verified.next).toBe('home');
    const full = h.caller({ sessionToken: verified.sessionToken });
    expect((await full.organisation.getMany()).length).toBeGreaterThan(3);
  });

  it('signs a person out on every device at once', async () => {
    const phone = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    const laptop = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    await laptop.api.auth.logoutEverywhere();
    expect(await phone.api.auth.me()).toBeNull();
    expect(await laptop.api.auth.me()).toBeNull();
  });

  it('ends the session on logout', async () => {
    const desk = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    await desk.api.auth.logout();
    expect(await desk.api.auth.me()).toBeNull();
  });

  it('refuses a session of one district on another district’s URL', async () => {
    const desk = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    const elsewhere = h.caller({ sessionToken: desk.sessionToken, tenantSlugHint: 'other-district' });
    expect(await elsewhere.organisation.getMany().catch(codeOf)).toBe('FORBIDDEN tenant.mismatch');
  });
});

describe('passwords', () => {
  it('forces a change after an administrator reset, and signs the person out everywhere', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const deskA = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    await admin.api.staff.resetPassword({
      staffMemberId: district.people.deskA,
      temporaryPassword: 'Temporary-pass-9',
    });
    expect(await deskA.api.auth.me()).toBeNull();

    const { sessionToken, next } = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'desk-a', password: 'Temporary-pass-9' });
    expect(next).toBe('change-password');
    const forced = h.caller({ sessionToken });
    expect(await forced.organisation.getMany().catch(codeOf)).toBe('FORBIDDEN auth.password_change_required');
    expect(
      await forced.auth
        .changePassword({ currentPassword: 'Temporary-pass-9', newPassword: 'short' })
        .catch(codeOf),
    ).toBe('BAD_REQUEST auth.password_too_weak');
    expect(
      (
        await forced.auth.changePassword({
          currentPassword: 'Temporary-pass-9',
          newPassword: 'A-better-pass-42',
        })
      ).next,
    ).toBe('home');
    expect((await forced.organisation.getMany()).length).toBeGreaterThan(0);
  });
});

describe('enrolling a second factor', () => {
  it('stores the key only once a code from it is confirmed', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    await admin.api.staff.create({
      username: 'head-b',
      displayName: '乙所长',
      organisationId: district.organisations.stationB,
      password: 'First-pass-123',
      roles: [{ role: 'station-head', organisationId: district.organisations.stationB }],
    });
    const { sessionToken, next } = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'head-b', password: 'First-pass-123' });
    expect(next).toBe('totp-setup');
    const head = h.caller({ sessionToken });
    const { secret, uri } = await head.auth.beginTotpSetup();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(await head.auth.confirmTotpSetup({ secret, code: '123456' }).catch(codeOf)).toMatch(
      /auth.totp_invalid/,
    );
    expect((await head.auth.confirmTotpSetup({ secret, code: h.nextTotp(secret) })).next).toBe(
      'change-password',
    );
  });
});

describe('one mutation, one transaction', () => {
  it('rolls back everything a failed procedure wrote before it failed', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const before = await admin.api.audit.verify();
    // The username is taken: the staff row fails after the permission checks passed.
    const error = await admin.api.staff
      .create({
        username: 'desk',
        displayName: 'x',
        organisationId: district.organisations.centreId,
        password: 'Valid-pass-123',
        roles: [{ role: 'desk-officer', organisationId: district.organisations.centreId }],
      })
      .catch(codeOf);
    expect(error).toBe('CONFLICT staff.username_taken');
    const after = await admin.api.audit.verify();
    // Chained or still being chained: no entry was written for the refused change.
    expect(after.entries + after.unsealed).toBe(before.entries + before.unsealed);
  });
});

describe('the audit log', () => {
  it('pages newest first and is closed to a desk officer', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const first = await admin.api.audit.getMany({ limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(first.entries[0]?.id).toBeGreaterThan(first.entries[2]?.id ?? 0);
    const next = await admin.api.audit.getMany({ limit: 3, before: first.nextBefore ?? undefined });
    // The next page goes on right after the first, as one page of six would.
    const six = await admin.api.audit.getMany({ limit: 6 });
    expect(next.entries.map((e) => e.id)).toEqual(six.entries.slice(3).map((e) => e.id));
    const desk = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    expect(await desk.api.audit.getMany({}).catch(codeOf)).toBe('FORBIDDEN auth.forbidden');
  });
});

describe('the second factor', () => {
  /** A station head (TOTP required) made by the administrator and enrolled: their key, and a password-only sign-in. */
  async function enrolledHead(username: string) {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    await admin.api.staff.create({
      username,
      displayName: username,
      organisationId: district.organisations.stationB,
      password: 'First-pass-123',
      roles: [{ role: 'station-head', organisationId: district.organisations.stationB }],
    });
    const passwordOnly = async () => {
      const { sessionToken, next } = await h
        .caller()
        .auth.login({ tenantSlug: district.slug, username, password: 'First-pass-123' });
      return { api: h.caller({ sessionToken }), sessionToken, next };
    };
    const first = await passwordOnly();
    const { secret } = await first.api.auth.beginTotpSetup();
    await first.api.auth.confirmTotpSetup({ secret, code: h.nextTotp(secret) });
    return { secret, passwordOnly };
  }

  it('locks after five wrong codes, whatever session they come from, even for the right code then', async () => {
    const head = await enrolledHead('head-guessed');
    const attacker = await head.passwordOnly();
    expect(attacker.next).toBe('totp');
    for (let i = 0; i < 5; i++) {
      expect(await attacker.api.auth.verifyTotp({ code: '000000' }).catch(codeOf)).toBe(
        'UNAUTHORIZED auth.totp_invalid',
      );
    }
    const right = h.nextTotp(head.secret);
    expect(await attacker.api.auth.verifyTotp({ code: right }).catch(codeOf)).toBe(
      'TOO_MANY_REQUESTS auth.throttled',
    );
    const again = await head.passwordOnly();
    expect(await again.api.auth.verifyTotp({ code: right }).catch(codeOf)).toBe(
      'TOO_MANY_REQUESTS auth.throttled',
    );
  });

  it('weighs guesses sent at once one after another: no more than five are tried', async () => {
    const head = await enrolledHead('head-flooded');
    const attacker = await head.passwordOnly();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attacker.api.auth.verifyTotp({ code: String(100000 + i) }).catch(codeOf),
      ),
    );
    expect(answers.filter((a) => a === 'UNAUTHORIZED auth.totp_invalid')).toHaveLength(5);
    expect(answers.filter((a) => a === 'TOO_MANY_REQUESTS auth.throttled')).toHaveLength(7);
  });

  it('takes a code once: seen on one sign-in, it opens no other', async () => {
    const head = await enrolledHead('head-replayed');
    const code = h.nextTotp(head.secret);
    const owner = await head.passwordOnly();
    expect((await owner.api.auth.verifyTotp({ code })).next).toBe('change-password');
    const attacker = await head.passwordOnly();
    expect(await attacker.api.auth.verifyTotp({ code }).catch(codeOf)).toBe('UNAUTHORIZED auth.totp_used');
    // Sent twice at once, a fresh code still opens one session only.
    const fresh = h.nextTotp(head.secret);
    const [one, two] = [await head.passwordOnly(), await head.passwordOnly()];
    const answers = await Promise.all(
      [one, two].map((s) => s.api.auth.verifyTotp({ code: fresh }).then(() => 'ok', codeOf)),
    );
    expect(answers.sort()).toEqual(['UNAUTHORIZED auth.totp_used', 'ok']);
    // The owner's next code works as ever.
    expect((await attacker.api.auth.verifyTotp({ code: h.nextTotp(head.secret) })).next).toBe(
      'change-password',
    );
  });

  it('replaces the session once the code is accepted: the token from before opens nothing', async () => {
    const before = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'admin', password: TEST_PASSWORD });
    const after = await h
      .caller({ sessionToken: before.sessionToken })
      .auth.verifyTotp({ code: h.nextTotp(district.totpSecret) });
    expect(after.sessionToken).not.toBe(before.sessionToken);
    expect(await h.caller({ sessionToken: before.sessionToken }).auth.me()).toBeNull();
    expect(await h.caller({ sessionToken: before.sessionToken }).organisation.getMany().catch(codeOf)).toBe(
      'UNAUTHORIZED auth.not_signed_in',
    );
    expect((await h.caller({ sessionToken: after.sessionToken }).auth.me())?.next).toBe('home');
  });

  it('replaces the session at enrolment too', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    await admin.api.staff.create({
      username: 'head-enrolling',
      displayName: 'head-enrolling',
      organisationId: district.organisations.stationA,
      password: 'First-pass-123',
      roles: [{ role: 'station-head', organisationId: district.organisations.stationA }],
    });
    const before = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'head-enrolling', password: 'First-pass-123' });
    const half = h.caller({ sessionToken: before.sessionToken });
    const { secret } = await half.auth.beginTotpSetup();
    const after = await half.auth.confirmTotpSetup({ secret, code: h.nextTotp(secret) });
    expect(after.sessionToken).not.toBe(before.sessionToken);
    expect(await half.auth.me()).toBeNull();
    expect((await h.caller({ sessionToken: after.sessionToken }).auth.me())?.next).toBe('change-password');
  });

  it('is asked of a session whose person is granted an administrator’s role while signed in', async () => {
    const lawyer = await h.signIn(district.slug, 'lawyer', TEST_PASSWORD);
    expect((await lawyer.api.organisation.getMany()).length).toBeGreaterThan(0);
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    await admin.api.staff.grantRole({
      staffMemberId: district.people.withPhone,
      role: 'station-head',
      organisationId: district.organisations.stationA,
    });
    expect(await lawyer.api.organisation.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
    expect((await lawyer.api.auth.me())?.next).toBe('totp-setup');
  });

  it('comes before a password change: a password alone changes no password', async () => {
    const passwordOnly = h.caller({
      sessionToken: (
        await h.caller().auth.login({ tenantSlug: district.slug, username: 'admin', password: TEST_PASSWORD })
      ).sessionToken,
    });
    expect(
      await passwordOnly.auth
        .changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Attacker-pass-123' })
        .catch(codeOf),
    ).toBe('UNAUTHORIZED auth.totp_required');
    expect(await passwordOnly.auth.beginTotpSetup().catch(codeOf)).toBe(
      'CONFLICT auth.totp_already_enrolled',
    );
    expect(
      await passwordOnly.auth.confirmTotpSetup({ secret: 'A'.repeat(32), code: '123456' }).catch(codeOf),
    ).toBe('CONFLICT auth.totp_already_enrolled');
  });

  it('is asked of anyone who enrolled one, administrator or not', async () => {
    const admin = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    await admin.api.staff.create({
      username: 'desk-careful',
      displayName: 'desk-careful',
      organisationId: district.organisations.centreId,
      password: 'First-pass-123',
      roles: [{ role: 'desk-officer', organisationId: district.organisations.centreId }],
    });
    const first = await h.signIn(district.slug, 'desk-careful', 'First-pass-123');
    await first.api.auth.changePassword({
      currentPassword: 'First-pass-123',
      newPassword: 'Careful-pass-123',
    });
    const { secret } = await first.api.auth.beginTotpSetup();
    await first.api.auth.confirmTotpSetup({ secret, code: h.nextTotp(secret) });
    const { sessionToken, next } = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'desk-careful', password: 'Careful-pass-123' });
    expect(next).toBe('totp');
    const passwordOnly = h.caller({ sessionToken });
    expect(await passwordOnly.organisation.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
    expect(
      await passwordOnly.auth
        .changePassword({ currentPassword: 'Careful-pass-123', newPassword: 'Attacker-pass-123' })
        .catch(codeOf),
    ).toBe('UNAUTHORIZED auth.totp_required');
  });
});

describe('the sign-in page’s district', () => {
  it('names the district of a slug in words, and none for a slug no district has', async () => {
    expect(await h.caller().auth.district({ slug: district.slug })).toEqual({
      nameZh: '测试区司法局 auth',
      nameEn: 'Test district auth',
    });
    expect(await h.caller().auth.district({ slug: 'no-such-district' })).toBeNull();
  });
});
