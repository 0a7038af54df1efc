import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSecretBox,
  newTotpSecret,
  PERMISSIONS,
  SESSION_COOKIE,
  totpCodeFor,
  totpStepAt,
} from '@linju/auth';
import { createLocalDocumentStore, createStaffMember, systemActor } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, inArray, schema, sealedColumns, sql, withTenant } from '@linju/db';
import { ROLES, type Role } from '@linju/db/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * The role-ceiling walk, over HTTP against the real server: every manager who holds
 * `staff.manage` tries every role on every kind of person (themselves, a peer, a subordinate,
 * someone above them) with every administrator's action, and the answer must be the one the
 * rule gives — computed here from the permission registry, not from the code under test:
 * never on oneself; a role only if the manager holds, where it is granted, every permission it
 * carries; a password reset or a disabling only of someone all of whose roles the manager could
 * have granted. Each refusal must leave the district exactly as it was.
 */
const { db, close } = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
let server: Server;
let base: string;
let district: TestDistrict;
const totpSecret = newTotpSecret();

type ManagerRole = 'bureau-admin' | 'centre-director' | 'station-head';
type Place = 'centre' | 'stationA' | 'court';
type Target = 'self' | 'peer' | 'subordinate' | 'above';
type Manager = { role: ManagerRole; at: Place; above: { role: Role; at: Place } | null };
type Person = { home: Place; roles: { role: Role; at: Place }[] };

/** Each manager with the people around them, their own accounts so no case disturbs another. */
const MANAGERS: Manager[] = [
  { role: 'bureau-admin', at: 'centre', above: null },
  { role: 'centre-director', at: 'centre', above: { role: 'bureau-admin', at: 'centre' } },
  { role: 'station-head', at: 'stationA', above: { role: 'centre-director', at: 'centre' } },
];
const targetsOf = (m: Manager): Target[] => [
  'self',
  'peer',
  'subordinate',
  ...(m.above ? ['above' as const] : []),
];
function personAround(m: Manager, target: Target): Person {
  if (target === 'subordinate')
    return { home: 'stationA', roles: [{ role: 'desk-officer', at: 'stationA' }] };
  if (target === 'above' && m.above) return { home: m.above.at, roles: [m.above] };
  return { home: m.at, roles: [{ role: m.role, at: m.at }] };
}
const ids = new Map<string, string>();
const sessions = new Map<ManagerRole, string>();
const idOf = (m: Manager, target: Target) => ids.get(`${m.role}:${target}`) as string;
const orgId = (place: Place) =>
  place === 'centre' ? district.organisations.centreId : district.organisations[place];

// The rule, from the registry: what a role may do, and where a manager's grant reaches.
const permissionsOf = (role: Role) =>
  Object.entries(PERMISSIONS)
    .filter(([, roles]) => (roles as readonly Role[]).includes(role))
    .map(([permission]) => permission);
const reaches = (manager: Manager, place: Place) =>
  place === 'court'
    ? manager.at === 'centre' && permissionsOf(manager.role).includes('partner.manage')
    : manager.at === 'centre' || place === manager.at;
const mayHandOut = (manager: Manager, role: Role, at: Place) =>
  reaches(manager, at) &&
  (at === 'court' || permissionsOf(role).every((p) => permissionsOf(manager.role).includes(p)));

type Action = 'grant' | 'revoke' | 'resetPassword' | 'disable';
type Case = { manager: Manager; target: Target; action: Action; role?: Role };

function allowed({ manager, target, action, role }: Case): boolean {
  if (target === 'self') return false;
  const person = personAround(manager, target);
  if (action === 'grant' || action === 'revoke') {
    const at = role === 'partner-user' ? 'court' : manager.at;
    // A partner's user holds nothing of the network, and the people here all do.
    if (action === 'grant' && role === 'partner-user') return false;
    return mayHandOut(manager, role as Role, at);
  }
  return reaches(manager, person.home) && person.roles.every((r) => mayHandOut(manager, r.role, r.at));
}

const SELF_REFUSAL: Record<Action, string> = {
  grant: 'staff.cannot_change_own_roles',
  revoke: 'staff.cannot_change_own_roles',
  resetPassword: 'staff.cannot_reset_own_password',
  disable: 'staff.cannot_disable_self',
};

const cases: Case[] = MANAGERS.flatMap((manager) => {
  return targetsOf(manager).flatMap((target) => [
    ...(['grant', 'revoke'] as const).flatMap((action) =>
      ROLES.map((role): Case => ({ manager, target, action, role })),
    ),
    { manager, target, action: 'resetPassword' as const },
    { manager, target, action: 'disable' as const },
  ]);
});

async function trpc(sessionToken: string | null, path: string, input: unknown) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(sessionToken ? { cookie: `${SESSION_COOKIE}=${sessionToken}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  return response.ok
    ? { ok: true as const, data: body.result.data }
    : { ok: false as const, code: body.error.data.code as string, message: body.error.message as string };
}

/** Everything of the district an administrator's action could change, read past RLS. */
async function districtState() {
  const [state] = await owner.db.execute<Record<string, string>>(sql`
    select
      (select string_agg(staff_member_id::text || role || organisation_id::text, ',' order by staff_member_id, role, organisation_id) from role_grant where tenant_id = ${district.tenantId}) as grants,
      (select string_agg(id::text || password_hash || must_change_password::text || coalesce(disabled_at::text, '-') || organisation_id::text || display_name, ',' order by id) from staff_member where tenant_id = ${district.tenantId}) as staff,
      (select count(*) from session where tenant_id = ${district.tenantId}) as sessions,
      (select count(*) from audit_entry where tenant_id = ${district.tenantId}) as audit_entries`);
  return state;
}

type Saved = {
  grants: (typeof schema.roleGrant.$inferSelect)[];
  staff: typeof schema.staffMember.$inferSelect;
};
async function save(personId: string): Promise<Saved> {
  const grants = await owner.db
    .select()
    .from(schema.roleGrant)
    .where(eq(schema.roleGrant.staffMemberId, personId));
  const [staff] = await owner.db.select().from(schema.staffMember).where(eq(schema.staffMember.id, personId));
  return { grants, staff: staff as Saved['staff'] };
}
/** Puts a person back as they were, so the next case starts from the same district. */
async function restore(personId: string, saved: Saved) {
  await owner.db.delete(schema.roleGrant).where(eq(schema.roleGrant.staffMemberId, personId));
  await owner.db.insert(schema.roleGrant).values(saved.grants);
  const { passwordHash, mustChangePassword, disabledAt } = saved.staff;
  await owner.db
    .update(schema.staffMember)
    .set({ passwordHash, mustChangePassword, disabledAt })
    .where(eq(schema.staffMember.id, personId));
}

async function signIn(m: Manager) {
  const login = await trpc(null, 'auth.login', {
    tenantSlug: district.slug,
    username: `${m.role}.self`,
    password: TEST_PASSWORD,
  });
  if (!login.ok) throw new Error(`${m.role} could not sign in: ${login.message}`);
  const token = login.data.sessionToken as string;
  const code = totpCodeFor(totpSecret, totpStepAt(new Date()));
  const verified = await trpc(token, 'auth.verifyTotp', { code });
  if (!verified.ok) throw new Error(`${m.role} second factor: ${verified.message}`);
  // The second factor replaces the session: the one signed in with opens nothing now.
  sessions.set(m.role, verified.data.sessionToken as string);
}

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'ceiling');
  await withTenant(db, district.tenantId, async (tx) => {
    const actor = systemActor(district.tenantId, 'test');
    for (const m of MANAGERS) {
      for (const target of targetsOf(m)) {
        const person = personAround(m, target);
        const { id } = await createStaffMember(tx, actor, {
          username: `${m.role}.${target}`,
          displayName: `${m.role} ${target}`,
          organisationId: orgId(person.home),
          password: TEST_PASSWORD,
          roles: person.roles.map((r) => ({ role: r.role, organisationId: orgId(r.at) })),
          mustChangePassword: false,
        });
        ids.set(`${m.role}:${target}`, id);
      }
    }
    await tx
      .update(schema.staffMember)
      .set({ totpKeyEncrypted: box.encrypt(totpSecret, district.tenantId, sealedColumns.staffTotpKey) })
      .where(
        inArray(
          schema.staffMember.id,
          MANAGERS.map((m) => idOf(m, 'self')),
        ),
      );
  });
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  for (const m of MANAGERS) await signIn(m);
});
afterAll(async () => {
  server.close();
  await close();
  await owner.close();
});

const title = (c: Case) =>
  `${c.manager.role} ${c.action}${c.role ? ` ${c.role}` : ''} → ${c.target}: ${allowed(c) ? 'allowed' : 'refused'}`;

describe('the role-ceiling walk', () => {
  it('the rule is not vacuous: every manager is both allowed and refused something', () => {
    for (const m of MANAGERS) {
      const mine = cases.filter((c) => c.manager === m && c.target !== 'self');
      expect(mine.some(allowed)).toBe(true);
      expect(mine.some((c) => !allowed(c))).toBe(true);
    }
  });

  it.each(cases.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const person = { id: idOf(c.manager, c.target) };
    const saved = await save(person.id);
    const at = orgId(c.role === 'partner-user' ? 'court' : c.manager.at);
    const grant = { staffMemberId: person.id, role: c.role, organisationId: at };
    // A revoke needs something to revoke, a grant something not yet held (the manager keeps theirs).
    if (c.action === 'revoke')
      await owner.db
        .insert(schema.roleGrant)
        .values({ tenantId: district.tenantId, id: randomUUID(), ...grant, role: c.role as Role })
        .onConflictDoNothing();
    if (c.action === 'grant' && c.target !== 'self')
      await owner.db.execute(
        sql`delete from role_grant where staff_member_id = ${person.id} and role = ${c.role} and organisation_id = ${at}`,
      );
    const before = await districtState();
    const token = sessions.get(c.manager.role) as string;
    const answer =
      c.action === 'grant'
        ? await trpc(token, 'staff.grantRole', grant)
        : c.action === 'revoke'
          ? await trpc(token, 'staff.revokeRole', grant)
          : c.action === 'resetPassword'
            ? await trpc(token, 'staff.resetPassword', {
                staffMemberId: person.id,
                temporaryPassword: 'Temporary-pass-9',
              })
            : await trpc(token, 'staff.setDisabled', { staffMemberId: person.id, disabled: true });
    const after = await districtState();
    await restore(person.id, saved);
    // Had it gone through on oneself, the manager's session may be gone with it; the next case needs one.
    if (answer.ok && c.target === 'self') await signIn(c.manager);

    if (allowed(c)) {
      expect(answer).toMatchObject({ ok: true });
      expect(after).not.toEqual(before);
      expect(Number(after?.audit_entries)).toBe(Number(before?.audit_entries) + 1);
    } else {
      expect(answer.ok).toBe(false);
      if (c.target === 'self')
        expect(answer).toMatchObject({ code: 'BAD_REQUEST', message: SELF_REFUSAL[c.action] });
      else expect(answer).toMatchObject({ message: expect.stringMatching(/^(staff|auth)\./) });
      expect(after).toEqual(before);
    }
  });
});

describe('the same ceiling when creating and editing accounts', () => {
  const [, director, stationHead] = MANAGERS as [Manager, Manager, Manager];
  const newcomer = (role: Role) => ({
    username: `new-${role}-${randomBytes(2).toString('hex')}`,
    displayName: '新同事',
    organisationId: district.organisations.stationA,
    password: 'Newcomer-pass-12',
    roles: [{ role, organisationId: district.organisations.stationA }],
  });

  it('creates an account only with roles within the creator’s ceiling', async () => {
    const token = sessions.get(stationHead.role) as string;
    const before = await districtState();
    expect(await trpc(token, 'staff.create', newcomer('centre-director'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'staff.role_above_ceiling',
    });
    expect(await trpc(token, 'staff.create', newcomer('inspector'))).toMatchObject({
      message: 'staff.role_above_ceiling',
    });
    expect(await districtState()).toEqual(before);
    expect(await trpc(token, 'staff.create', newcomer('mediator'))).toMatchObject({ ok: true });
  });

  it('edits or moves nobody above the editor, and never moves oneself', async () => {
    const token = sessions.get(director.role) as string;
    const before = await districtState();
    expect(
      await trpc(token, 'staff.update', { id: idOf(director, 'above'), data: { displayName: '改名' } }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'staff.person_above_ceiling' });
    expect(
      await trpc(token, 'staff.update', {
        id: idOf(director, 'self'),
        data: { organisationId: district.organisations.stationA },
      }),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'staff.cannot_move_self' });
    expect(await districtState()).toEqual(before);
    expect(
      await trpc(token, 'staff.update', {
        id: idOf(director, 'subordinate'),
        data: { organisationId: district.organisations.stationB },
      }),
    ).toMatchObject({ ok: true });
  });
});
