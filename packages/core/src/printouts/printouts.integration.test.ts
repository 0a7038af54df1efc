import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { pdfText, undrawnCharacters } from '@linju/documents/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { addCaseParty } from '../cases/case-parties.ts';
import { intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE, TEST_SERVICES } from '../testing/test-service.ts';
import { printCase } from './case-printout.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
let caseId: string;
let number: string;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const textOf = async (contentBase64: string) =>
  (await pdfText(Buffer.from(contentBase64, 'base64'))).text.replaceAll(/\s/g, '');

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'printouts');
  [deskA, deskB] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.deskA, '前台甲'),
    actorOf(app.db, d.tenantId, d.people.deskB, '前台乙'),
  ]);
  const created = await inTenant((tx) =>
    intakeCase(tx, deskA, box, {
      channel: 'walk-in',
      resident: { name: '陈建国', phone: '13912345678' },
      serviceType: TEST_SERVICE,
      description: '楼上住户卫生间渗水导致楼下天花板霉变',
      organisationId: d.organisations.stationA,
    }),
  );
  caseId = created.id;
  number = created.number;
  await inTenant((tx) => addCaseParty(tx, deskA, box, { caseId, role: 'adverse', name: '刘海燕' }));
});
afterAll(() => app.close());

describe('printing a case', () => {
  it('hands the desk the intake receipt, named in words, every character drawn', async () => {
    const file = await inTenant((tx) =>
      printCase(tx, deskA, { caseId, printout: 'intake-receipt' }, TEST_SERVICES),
    );
    expect(file).toMatchObject({ fileName: `受理回执-${number}.pdf`, contentType: 'application/pdf' });
    expect(await undrawnCharacters(Buffer.from(file.contentBase64, 'base64'))).toEqual([]);
    const text = await textOf(file.contentBase64);
    expect(text).toContain(`编号：${number}`);
    expect(text).toContain('陈建国：');
    expect(text).toContain('甲街道工作站已受理');
    expect(text).toContain('测试服务');
    expect(text).toContain('受理人：desk-a'); // the test district's display name of desk A
  });

  it('prints the file cover with every party the case records', async () => {
    const file = await inTenant((tx) =>
      printCase(tx, deskA, { caseId, printout: 'case-file-cover' }, TEST_SERVICES),
    );
    expect(file.fileName).toBe(`案卷封面-${number}.pdf`);
    expect(await undrawnCharacters(Buffer.from(file.contentBase64, 'base64'))).toEqual([]);
    expect(await textOf(file.contentBase64)).toContain('当事人：陈建国（申请人）、刘海燕（被申请人）');
  });

  it('prints nothing for someone who may not read the case', async () => {
    const refused = await inTenant((tx) =>
      printCase(tx, deskB, { caseId, printout: 'intake-receipt' }, TEST_SERVICES),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
  });
});
