import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import type { Actor } from '../actor.ts';
import { createLocalDocumentStore } from '../documents/index.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { getCase } from './case-service.ts';
import { type OnlineRequest, placesForResidents, sendOnlineRequest } from './online-request.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-online-')));
let d: TestDistrict;
let desk: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
let n = 0;
const send = (request: OnlineRequest, phone = `136${String(30_000_000 + n++ * 7901).slice(-8)}`) =>
  inTenant((tx) =>
    sendOnlineRequest(tx, { tenantId: d.tenantId, box, files, forms: undefined as never }, phone, request),
  );
const caseOf = (caseId: string) => inTenant((tx) => getCase(tx, desk, { caseId }));

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'online-request');
  desk = await actorOf(app.db, d.tenantId, d.people.desk);
});
afterAll(() => app.close());

describe('a request from the public site', () => {
  it('a question lands online in the chosen room, for triage, with its topic in the words', async () => {
    const sent = await send({
      kind: 'question',
      name: '陈先生',
      organisationId: d.organisations.roomA,
      topic: 'housing',
      question: '房东不退押金，合同到期已经两个月了',
    });
    const c = await caseOf(sent.caseId);
    expect(c).toMatchObject({
      channel: 'online',
      serviceType: 'undecided',
      currentOrganisationId: d.organisations.roomA,
      description: '网上咨询（房屋物业）：房东不退押金，合同到期已经两个月了',
    });
    expect(c.resident.name).toBe('陈先生');
  });

  it('a dispute names the other party as the case’s adverse party', async () => {
    const sent = await send({
      kind: 'dispute',
      name: '赵女士',
      organisationId: d.organisations.stationB,
      otherParty: '楼上住户',
      whatHappened: '楼上每晚十二点后还在拖动家具，沟通多次无果',
    });
    const c = await caseOf(sent.caseId);
    expect(c).toMatchObject({ currentOrganisationId: d.organisations.stationB });
    expect(c.parties).toEqual([expect.objectContaining({ role: 'adverse', name: '楼上住户' })]);
  });

  it('a home visit records the group as the resident’s key group and the address as theirs, out of the words', async () => {
    const sent = await send({
      kind: 'home-visit',
      name: '钱老伯',
      organisationId: d.organisations.roomA,
      forWhom: 'elderly',
      address: '甲小区3号楼502室',
      reason: '行动不便，想立一份遗嘱，需要上门指导',
    });
    const c = await caseOf(sent.caseId);
    expect(c.resident.keyGroups).toEqual(['elderly']);
    expect(c.description).toBe('上门服务申请（老年人）：行动不便，想立一份遗嘱，需要上门指导');
    const [resident] = await inTenant((tx) =>
      tx.select().from(schema.resident).where(eq(schema.resident.id, c.resident.id)),
    );
    expect(resident?.address).toBe('甲小区3号楼502室');
    expect(c.description).not.toContain('甲小区');
  });

  it('names the field left wrong', async () => {
    const error = await send({
      kind: 'question',
      name: '陈先生',
      organisationId: d.organisations.roomA,
      topic: 'housing',
      question: '押金',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['question', 'publicApply.too_short'],
    ]);
  });

  it('offers the open service points of the district, not its partners', async () => {
    const places = await inTenant((tx) => placesForResidents(tx));
    const ids = places.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([d.organisations.centreId, d.organisations.stationA, d.organisations.roomA]),
    );
    expect(ids).not.toContain(d.organisations.court);
  });
});
