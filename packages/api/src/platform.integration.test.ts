import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOperatorSetupLink, createPlatformOperator } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, sql } from '@linju/db';
import {
  keyFingerprint,
  loadOrCreateNodeKey,
  type NodeKey,
  WELL_KNOWN_PATH,
  wellKnownDocument,
} from '@linju/federation';
import { pluginIds } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ZodError } from 'zod';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
// Operators are made by the operator CLI, as the owner: the application role only reads them.
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
let operator: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

/** A new operator: their username, TOTP key, and a password-only sign-in (a session owing the code). */
async function newOperator() {
  const username = `op-${Math.random().toString(36).slice(2, 8)}`;
  const { totpSecret } = await createPlatformOperator(owner.db, h.box, {
    username,
    displayName: '平台运维',
    password: 'Operator-pass-1',
  });
  const passwordOnly = async () => {
    const { sessionToken } = await h.caller().platform.login({ username, password: 'Operator-pass-1' });
    return { api: h.caller({ sessionToken }), sessionToken };
  };
  return { username, totpSecret, passwordOnly };
}

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'platform');
  const { username, totpSecret, passwordOnly } = await newOperator();
  const { api: half } = await passwordOnly();
  expect(await half.platform.tenant.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
  expect(await half.platform.me()).toMatchObject({ operator: { displayName: '平台运维' }, next: 'totp' });
  const { sessionToken } = await half.platform.verifyTotp({ code: h.nextTotp(totpSecret) });
  operator = h.caller({ sessionToken });
  expect(await operator.platform.me()).toMatchObject({ operator: { username }, next: 'home' });
  expect(await h.caller().platform.me()).toBeNull();
});
afterAll(() => Promise.all([h.close(), owner.close()]));

describe('the platform console', () => {
  it('lists districts with their volumes, no personal data', async () => {
    const row = (await operator.platform.tenant.getMany()).find((t) => t.slug === district.slug);
    expect(row).toMatchObject({ status: 'active', organisations: 5, staff: 6 });
  });

  it('onboards a district through the API, idempotently', async () => {
    const request = {
      slug: `api-${Math.random().toString(36).slice(2, 8)}`,
      nameZh: '闵行区司法局',
      nameEn: 'Minhang District Justice Bureau',
      divisionCode: '310112',
      services: pluginIds.slice(0, 1),
      centre: { nameZh: '闵行区公共法律服务中心', nameEn: 'Minhang PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Minhang-pass-1' },
    };
    expect((await operator.platform.tenant.create(request)).created).toBe(true);
    expect((await operator.platform.tenant.create(request)).created).toBe(false);
  });

  it('suspending a district refuses its people at once; resuming lets them back', async () => {
    const { api: desk } = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    await operator.platform.tenant.setStatus({ tenantId: district.tenantId, status: 'suspended' });
    expect(await desk.organisation.getMany().catch(codeOf)).toBe('FORBIDDEN tenant.suspended');
    expect(
      await h
        .caller()
        .auth.login({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD })
        .catch(codeOf),
    ).toBe('FORBIDDEN tenant.suspended');
    await operator.platform.tenant.setStatus({ tenantId: district.tenantId, status: 'active' });
    expect((await desk.organisation.getMany()).length).toBeGreaterThan(0);
  });

  it('is closed to district staff, however senior', async () => {
    const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    expect(await admin.platform.tenant.getMany().catch(codeOf)).toBe('FORBIDDEN auth.forbidden');
    expect(await admin.platform.me()).toBeNull();
    expect(
      await admin.platform.domain.add({ tenantId: district.tenantId, host: 'fw.evil.example' }).catch(codeOf),
    ).toBe('FORBIDDEN auth.forbidden');
  });
});

describe('a district’s own host names', () => {
  it('are given and taken back by an operator, one district per host, each change in the district’s audit', async () => {
    const host = `fw.${district.slug}.example.gov.cn`;
    expect(
      await operator.platform.domain.add({ tenantId: district.tenantId, host: ` FW.${host.slice(3)}. ` }),
    ).toEqual({
      host,
      tenantId: district.tenantId,
    });
    expect((await operator.platform.domain.getMany()).find((d) => d.host === host)).toMatchObject({
      slug: district.slug,
    });
    const other = await createTestDistrict(h.db, h.box, 'platform-other');
    expect(await operator.platform.domain.add({ tenantId: other.tenantId, host }).catch(codeOf)).toBe(
      'CONFLICT platform.domain_taken',
    );
    await operator.platform.domain.remove({ host });
    expect((await operator.platform.domain.getMany()).some((d) => d.host === host)).toBe(false);
    expect(await operator.platform.domain.remove({ host }).catch(codeOf)).toBe(
      'NOT_FOUND platform.domain_not_found',
    );
    const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const actions = (
      await admin.audit.getMany({ objectType: 'tenant', objectId: district.tenantId })
    ).entries.map((entry) => [entry.action, entry.after ?? entry.before]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['tenant.domain_added', { host }],
        ['tenant.domain_removed', { host }],
      ]),
    );
  });

  it('refuses what is not a host name, naming the field', async () => {
    for (const host of [
      'localhost',
      'http://fw.example.org',
      'fw example.org',
      '10.0.0.1',
      '-a.example.org',
    ]) {
      const refusal = await operator.platform.domain
        .add({ tenantId: district.tenantId, host })
        .catch((e) => e);
      expect(refusal, host).toBeInstanceOf(TRPCError);
      expect(refusal.message, host).toBe('validation.failed');
      const issues = (refusal.cause as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message]);
      expect(issues, host).toEqual([['host', 'platform.domain_invalid']]);
    }
  });
});

describe('peer nodes, pinned by URL in the console', () => {
  /** A peer node's `/.well-known/linju-node`, built the way a node builds it, from a real key. */
  let peerKey: NodeKey;
  let peerServer: Server;
  let peerUrl = '';
  let documentOf = (): unknown => ({});
  beforeAll(async () => {
    peerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'peer-key-')));
    peerServer = createServer((request, response) => {
      if (request.url !== WELL_KNOWN_PATH) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(documentOf()));
    });
    await new Promise<void>((resolve) => peerServer.listen(0, '127.0.0.1', resolve));
    peerUrl = `http://127.0.0.1:${(peerServer.address() as AddressInfo).port}`;
    documentOf = () =>
      wellKnownDocument({
        nodeId: `city-${district.slug}`,
        name: '市司法局节点',
        baseUrl: peerUrl,
        publicKeys: [peerKey.publicJwk],
        organisations: [],
      });
  });
  afterAll(() => new Promise((resolve) => peerServer.close(resolve)));

  it('shows the node and its keys’ fingerprints, pins what was shown, lets it address a district, unpins — each change audited there', async () => {
    const nodeId = `city-${district.slug}`;
    expect(await operator.platform.peer.preview({ url: peerUrl }).catch(codeOf)).toBe(
      'BAD_REQUEST federation.peer_private_network',
    );
    const preview = await operator.platform.peer.preview({ url: peerUrl, allowPrivateNetwork: true });
    const fingerprint = keyFingerprint(peerKey.publicJwk);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(preview).toMatchObject({
      nodeId,
      name: '市司法局节点',
      keys: [{ kid: peerKey.kid, fingerprint }],
    });

    await operator.platform.peer.pin({
      url: peerUrl,
      allowPrivateNetwork: true,
      nodeId,
      fingerprints: [fingerprint],
    });
    const [pinned] = (await operator.platform.peer.getMany()).filter((p) => p.nodeId === nodeId);
    expect(pinned).toMatchObject({ pinnedBy: '平台运维', keys: [{ fingerprint }], allowed: [] });

    expect(await operator.platform.peer.setAllowances({ nodeId, orgIds: [district.slug] })).toEqual({
      allowed: [district.slug],
    });
    expect(
      await operator.platform.peer.setAllowances({ nodeId, orgIds: ['no-such-district'] }).catch(codeOf),
    ).toBe('NOT_FOUND federation.org_not_found');
    await operator.platform.peer.unpin({ nodeId });
    expect((await operator.platform.peer.getMany()).some((p) => p.nodeId === nodeId)).toBe(false);
    expect(await operator.platform.peer.unpin({ nodeId }).catch(codeOf)).toBe(
      'NOT_FOUND federation.peer_not_found',
    );

    const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const entries = (await admin.audit.getMany({ objectType: 'federation_peer', objectId: nodeId })).entries;
    expect(entries.map((e) => [e.action, e.actorName])).toEqual(
      expect.arrayContaining([
        ['federation.peer_allowed', '平台运维'],
        ['federation.peer_unpinned', '平台运维'],
      ]),
    );
  });

  it('refuses a pin whose keys changed after the preview, and a document naming another base URL', async () => {
    const nodeId = `city-${district.slug}`;
    const shown = await operator.platform.peer.preview({ url: peerUrl, allowPrivateNetwork: true });
    const rotated = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'rotated-key-')));
    const original = documentOf;
    documentOf = () => ({ ...(original() as object), publicKeys: [rotated.publicJwk] });
    expect(
      await operator.platform.peer
        .pin({
          url: peerUrl,
          allowPrivateNetwork: true,
          nodeId,
          fingerprints: shown.keys.map((k) => k.fingerprint),
        })
        .catch(codeOf),
    ).toBe('CONFLICT federation.peer_changed_since_preview');
    documentOf = () => ({ ...(original() as object), baseUrl: 'https://elsewhere.example.gov.cn' });
    expect(
      await operator.platform.peer.preview({ url: peerUrl, allowPrivateNetwork: true }).catch(codeOf),
    ).toBe('BAD_REQUEST federation.peer_base_url_mismatch');
    documentOf = original;
    expect((await operator.platform.peer.getMany()).some((p) => p.nodeId === nodeId)).toBe(false);
  });
});

describe('an operator’s one-time setup link', () => {
  /** An operator as `linju init --setup-link` leaves one: a password nobody knows, a link made `at`. */
  async function linkedOperator(at = new Date()) {
    const username = `setup-${Math.random().toString(36).slice(2, 8)}`;
    const { id } = await createPlatformOperator(owner.db, h.box, {
      username,
      displayName: '新运维',
      password: `${Math.random().toString(36)}aA1!-unknown`,
    });
    const { token } = await createOperatorSetupLink(owner.db, id, at);
    return { username, token };
  }
  const password = 'Chosen-ops-pass-2026!';

  it('shows the key to enrol, sets the password once a code from it is given, then opens nothing', async () => {
    const { username, token } = await linkedOperator();
    const [stored] = await owner.db.execute<{ token_hash: string }>(
      sql`select token_hash from platform_operator_setup where token_hash = encode(sha256(${token}::bytea), 'hex')`,
    );
    expect(stored?.token_hash).not.toContain(token);
    const setup = await h.caller().platform.setup.view({ token });
    expect(setup).toMatchObject({ username, displayName: '新运维' });
    const complete = (input: { password: string; confirm: string; code: string }) =>
      h.caller().platform.setup.complete({ token, ...input });

    expect(await complete({ password, confirm: `${password}x`, code: '000000' }).catch(codeOf)).toBe(
      'BAD_REQUEST auth.password_mismatch',
    );
    expect(await complete({ password: 'weak', confirm: 'weak', code: '000000' }).catch(codeOf)).toBe(
      'BAD_REQUEST auth.password_too_weak',
    );
    const wrong = String((Number(h.nextTotp(setup.secret)) + 1) % 1_000_000).padStart(6, '0');
    expect(await complete({ password, confirm: password, code: wrong }).catch(codeOf)).toBe(
      'UNAUTHORIZED auth.totp_invalid',
    );
    expect(await complete({ password, confirm: password, code: h.nextTotp(setup.secret) })).toEqual({
      username,
    });

    expect(await h.caller().platform.setup.view({ token }).catch(codeOf)).toBe(
      'NOT_FOUND platform.setup_link_invalid',
    );
    expect(
      await complete({ password: 'Another-pass-2026!', confirm: 'Another-pass-2026!', code: '123456' }).catch(
        codeOf,
      ),
    ).toBe('NOT_FOUND platform.setup_link_invalid');
    const { sessionToken } = await h.caller().platform.login({ username, password });
    expect(await h.caller({ sessionToken }).platform.me()).toMatchObject({ next: 'totp' });
  });

  it('opens nothing after its 24 hours, and the app role cannot set a password without a live link', async () => {
    const { token } = await linkedOperator(new Date(Date.now() - 25 * 3600_000));
    expect(await h.caller().platform.setup.view({ token }).catch(codeOf)).toBe(
      'NOT_FOUND platform.setup_link_invalid',
    );
    const [spent] = await h.db.execute<{ operator: string | null }>(
      sql`select public.complete_operator_setup(encode(sha256(${token}::bytea), 'hex'), 'forged') as operator`,
    );
    expect(spent?.operator).toBeNull();
    expect(
      await h.db
        .execute(sql`update platform_operator set password_hash = 'forged'`)
        .catch((e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message),
    ).toContain('permission denied');
  });
});

describe('the operators’ second factor', () => {
  it('locks after five wrong codes, whatever session they come from, even for the right code then', async () => {
    const op = await newOperator();
    const attacker = await op.passwordOnly();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        attacker.api.platform.verifyTotp({ code: String(200000 + i) }).catch(codeOf),
      ),
    );
    expect(answers.filter((a) => a === 'UNAUTHORIZED auth.totp_invalid')).toHaveLength(5);
    expect(answers.filter((a) => a === 'TOO_MANY_REQUESTS auth.throttled')).toHaveLength(3);
    const again = await op.passwordOnly();
    expect(await again.api.platform.verifyTotp({ code: h.nextTotp(op.totpSecret) }).catch(codeOf)).toBe(
      'TOO_MANY_REQUESTS auth.throttled',
    );
  });

  it('takes a code once', async () => {
    const op = await newOperator();
    const code = h.nextTotp(op.totpSecret);
    expect((await (await op.passwordOnly()).api.platform.verifyTotp({ code })).next).toBe('home');
    const attacker = await op.passwordOnly();
    expect(await attacker.api.platform.verifyTotp({ code }).catch(codeOf)).toBe(
      'UNAUTHORIZED auth.totp_used',
    );
    expect(await attacker.api.platform.tenant.getMany().catch(codeOf)).toBe(
      'UNAUTHORIZED auth.totp_required',
    );
  });

  it('replaces the session once the code is accepted: the token from before opens nothing', async () => {
    const op = await newOperator();
    const before = await op.passwordOnly();
    const after = await before.api.platform.verifyTotp({ code: h.nextTotp(op.totpSecret) });
    expect(after.sessionToken).not.toBe(before.sessionToken);
    expect(await before.api.platform.me()).toBeNull();
    expect(await before.api.platform.tenant.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.not_signed_in');
    expect(
      (await h.caller({ sessionToken: after.sessionToken }).platform.tenant.getMany()).length,
    ).toBeGreaterThan(0);
  });

  it('refuses an unknown operator exactly as a wrong password', async () => {
    const unknown = await h
      .caller()
      .platform.login({ username: 'nobody-here', password: 'Operator-pass-1' })
      .catch(codeOf);
    expect(unknown).toBe('UNAUTHORIZED auth.invalid_credentials');
  });
});
