import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  codeOf,
  failure,
  pluginHarness,
  refusedField,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import { pdfText, undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let deskA: AppCaller;

const application = (form: Record<string, unknown>) =>
  admin.case.create({
    channel: 'walk-in',
    resident: {
      name: String(form.applicantName),
      phone: `137${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType: 'legal-aid',
    category: String(form.matter),
    description: '申请法律援助',
    organisationId: district.organisations.stationA,
    form,
  });

const supportClaim = (monthlyHouseholdIncome: number) =>
  application({
    applicantName: '马长友',
    matter: 'support-payments',
    summary: '子女拒绝支付赡养费，申请人年老多病无力起诉',
    hardship: { householdSize: 2, monthlyHouseholdIncome, incomeSources: '养老金', truthfulnessPledge: true },
  });

/** The legal-aid results queued for the applicant of a case (the outbox as the district admin sees it). */
const resultMessages = async (caseId: string) =>
  (await admin.message.getMany({ limit: 100 })).items.filter(
    (m) => m.caseId === caseId && m.templateKey === 'legal-aid-result',
  );

beforeAll(async () => {
  ({ district, admin } = await h.district('legal-aid', { enable: ['legal-aid'] }));
  deskA = await h.staff(district, 'desk-a');
});
afterAll(() => h.close());

describe('legal aid', () => {
  it('cannot grant a means-tested application before the district sets its threshold', async () => {
    const c = await supportClaim(3000);
    expect((await admin['legal-aid'].get({ caseId: c.id })).check).toMatchObject({
      eligible: false,
      reason: 'legal-aid.no_threshold',
    });
    expect(await failure(admin['legal-aid'].decide({ caseId: c.id, granted: true }))).toBe(
      'BAD_REQUEST legal-aid.no_threshold',
    );
  });

  it('lets only the bureau set the threshold, and checks applications against the one in force', async () => {
    expect(
      await failure(
        deskA['legal-aid'].setThreshold({
          effectiveFrom: '2026-01-01',
          monthlyPerCapitaIncome: 2690,
          basis: '本市最低工资标准',
        }),
      ),
    ).toBe('FORBIDDEN auth.forbidden');
    await admin['legal-aid'].setThreshold({
      effectiveFrom: '2020-01-01',
      monthlyPerCapitaIncome: 2690,
      basis: '本市最低工资标准',
    });
    expect((await admin['legal-aid'].thresholds({})).thresholds).toEqual([
      { effectiveFrom: '2020-01-01', monthlyPerCapitaIncome: 2690, basis: '本市最低工资标准' },
    ]);
    const atThreshold = await supportClaim(5380);
    const above = await supportClaim(5380.02);
    const record = await admin['legal-aid'].get({ caseId: atThreshold.id });
    expect(record.check).toEqual({
      eligible: true,
      route: 'hardship-check',
      perCapitaIncome: 2690,
      threshold: 2690,
    });
    expect((await admin['legal-aid'].get({ caseId: above.id })).check).toMatchObject({
      eligible: false,
      reason: 'legal-aid.above_threshold',
      perCapitaIncome: 2690.01,
    });
    expect(await failure(admin['legal-aid'].decide({ caseId: above.id, granted: true }))).toBe(
      'BAD_REQUEST legal-aid.above_threshold',
    );
    expect(await failure(admin['legal-aid'].decide({ caseId: above.id, granted: false }))).toBe(
      'BAD_REQUEST validation.failed',
    );
    const refused = await admin['legal-aid'].decide({
      caseId: above.id,
      granted: false,
      reason: '家庭人均收入高于本区标准',
    });
    expect(refused).toMatchObject({ granted: false, threshold: 2690, late: false });
    // The applicant hears the result by SMS with the decision's commit; the refused attempts sent nothing.
    expect(await resultMessages(above.id)).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'queued', caseId: above.id }),
    ]);
    expect(await resultMessages(atThreshold.id)).toEqual([]);

    // The refusal goes to the applicant in writing, with its reason (法律援助法 第四十三条).
    const { documents, number } = await admin.case.get({ caseId: above.id });
    const letter = documents.find((d) => d.fileName === `不予法律援助决定书-${number}.pdf`);
    expect(letter?.contentType).toBe('application/pdf');
    const file = await admin.case.getDocument({ caseId: above.id, documentId: String(letter?.id) });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = (await pdfText(bytes)).text.replaceAll(/\s/g, '');
    expect(text).toContain('不予法律援助决定书');
    expect(text).toContain('理由：家庭人均收入高于本区标准');
    expect(text).toContain('可以向设立本机构的司法行政部门提出');
  });

  it('checks the statute citations of the decision’s reason for its page', async () => {
    const c = await application({
      applicantName: '牛建军',
      matter: 'labour-remuneration',
      summary: '在工地务工半年，被拖欠工资两万元',
      migrantWorkerWageClaim: true,
    });
    const reason =
      '农民工追索劳动报酬，免予核查经济困难状况；劳动争议案件受理费依《诉讼费用交纳办法》第十三条每件十元，《民法典》第九千条不适用。';
    await admin['legal-aid'].decide({ caseId: c.id, granted: true, reason });
    const { reasonCitations } = await admin['legal-aid'].page({ caseId: c.id });
    expect(reasonCitations.map((x) => [x.written, x.index, x.verdict])).toEqual([
      ['《诉讼费用交纳办法》第十三条', reason.indexOf('《诉讼费用交纳办法》'), 'valid'],
      ['《民法典》第九千条', reason.indexOf('《民法典》'), 'missing'],
    ]);
  });

  it('grants a migrant worker’s wage claim without a means test, decides once, within seven days', async () => {
    const c = await application({
      applicantName: '马长友',
      matter: 'labour-remuneration',
      summary: '在工地务工八个月，包工头拖欠工资三万元',
      migrantWorkerWageClaim: true,
    });
    const record = await admin['legal-aid'].get({ caseId: c.id });
    expect(record.check).toMatchObject({ eligible: true, route: 'exempt-migrant-worker' });
    const decision = await admin['legal-aid'].decide({ caseId: c.id, granted: true });
    expect(decision).toMatchObject({ granted: true, route: 'exempt-migrant-worker', late: false });
    expect(decision.dueOn > decision.decidedOn).toBe(true);
    expect(await failure(admin['legal-aid'].decide({ caseId: c.id, granted: true }))).toBe(
      'CONFLICT legal-aid.already_decided',
    );
    expect(await resultMessages(c.id)).toHaveLength(1);

    await admin['legal-aid'].reportClosure({
      caseId: c.id,
      lawyerName: '张律师',
      outcome: 'won',
      amountRecovered: 30000,
      summary: '经劳动仲裁，用人单位支付拖欠工资三万元',
    });
    await admin['legal-aid'].recordSubsidy({
      caseId: c.id,
      recipient: '张律师',
      amount: 1500,
      basis: '民事案件办案补贴标准',
      paidOn: '2026-11-20',
    });
    await admin['legal-aid'].recordSubsidy({
      caseId: c.id,
      recipient: '张律师',
      amount: 300.5,
      basis: '交通补贴',
      paidOn: '2026-11-21',
    });
    const after = await admin['legal-aid'].get({ caseId: c.id });
    expect(after.closure).toMatchObject({ lawyerName: '张律师', outcome: 'won', amountRecovered: 30000 });
    expect(after.subsidies.map((s) => s.amount)).toEqual([1500, 300.5]);
    expect(after.subsidyTotal).toBe(1800.5);
  });

  it('pays subsidies and takes closure reports only for granted cases', async () => {
    const c = await supportClaim(1000);
    expect(
      await failure(
        admin['legal-aid'].recordSubsidy({
          caseId: c.id,
          recipient: '张律师',
          amount: 100,
          basis: '补贴',
          paidOn: '2026-11-20',
        }),
      ),
    ).toBe('BAD_REQUEST legal-aid.not_granted');
  });
});

describe('assigning the lawyer of a legal-aid case (指派承办律师)', () => {
  /** A lawyer of station A, who may handle its cases. */
  const lawyer = async (displayName: string) =>
    admin.staff.create({
      username: `la-${Math.random().toString(36).slice(2, 10)}`,
      displayName,
      organisationId: district.organisations.stationA,
      password: 'Test-password-1',
      roles: [{ role: 'lawyer', organisationId: district.organisations.stationA }],
    });
  const record = (staffMemberId: string, kind: 'negative-list' | 'misconduct', description: string) =>
    admin.provider.create({
      providerKind: 'lawyer',
      kind,
      staffMemberId,
      description,
      occurredOn: '2026-01-10',
      evidenceReference: '沪司罚〔2026〕3号',
    });
  /** The refusal's i18n key and the field it names (what the page turns into a question). */
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return { error: codeOf(error), field: refusedField(error) };
    }
    throw new Error('expected a refusal');
  };
  const assignmentEntries = async (caseId: string) =>
    (await admin.audit.getMany({ objectType: 'case', objectId: caseId })).entries.filter(
      (e) => e.action === 'case.assigned',
    );
  const assignedEvents = async (caseId: string) =>
    (await admin.case.get({ caseId })).timeline.filter((e) => e.kind === 'assigned');

  it('marks the candidates, refuses a negative-listed lawyer until a reason is given, and keeps the reason', async () => {
    const listed = await lawyer('名单律师');
    const recorded = await lawyer('记录律师');
    await record(listed.id, 'negative-list', '收取当事人额外费用');
    await record(recorded.id, 'misconduct', '未按时出庭');
    const c = await supportClaim(1000);

    const candidates = await deskA.case.assignees({ caseId: c.id });
    expect(candidates.find((p) => p.id === listed.id)?.providerRecords).toEqual({
      misconduct: 0,
      negativeListed: true,
    });
    expect(candidates.find((p) => p.id === recorded.id)?.providerRecords).toEqual({
      misconduct: 1,
      negativeListed: false,
    });

    expect(await refusal(deskA.case.assign({ caseId: c.id, assigneeId: listed.id }))).toEqual({
      error: 'CONFLICT case.assignee_negative_listed',
      field: 'negativeListReason',
    });
    // Refused as a whole: no assignee, nothing on the timeline, nothing in the audit log.
    expect((await admin.case.get({ caseId: c.id })).assigneeId).toBeNull();
    expect(await assignedEvents(c.id)).toEqual([]);
    expect(await assignmentEntries(c.id)).toEqual([]);

    const assigned = await deskA.case.assign({
      caseId: c.id,
      assigneeId: listed.id,
      negativeListReason: '申请人坚持委托该律师，已告知其负面清单情况',
    });
    expect(assigned.assigneeId).toBe(listed.id);
    expect(await assignedEvents(c.id)).toEqual([
      expect.objectContaining({ text: '申请人坚持委托该律师，已告知其负面清单情况' }),
    ]);
    const [entry] = await assignmentEntries(c.id);
    expect(entry?.after).toMatchObject({
      assigneeId: listed.id,
      text: '申请人坚持委托该律师，已告知其负面清单情况',
      negativeListReason: '申请人坚持委托该律师，已告知其负面清单情况',
      providerRecords: [expect.objectContaining({ kind: 'negative-list' })],
    });
  });

  it('assigns from the legal-aid page through the platform’s assignment, lawyers first, with the same refusals', async () => {
    const listed = await lawyer('页面律师');
    await record(listed.id, 'negative-list', '收取当事人额外费用');
    const c = await supportClaim(1000);
    const page = await deskA['legal-aid'].page({ caseId: c.id });
    expect(page.assignee).toBeNull();
    expect(page.record?.check).toMatchObject({ eligible: true, route: 'hardship-check' });
    expect(page.assignees?.length).toBeGreaterThan(0);
    expect(
      page.assignees?.every((p) => p.roles.includes('lawyer') || p.roles.includes('legal-aid-officer')),
    ).toBe(true);
    expect(page.assignees?.find((p) => p.id === listed.id)?.providerRecords).toEqual({
      misconduct: 0,
      negativeListed: true,
    });
    expect(await refusal(deskA['legal-aid'].assign({ caseId: c.id, assigneeId: listed.id }))).toEqual({
      error: 'CONFLICT case.assignee_negative_listed',
      field: 'negativeListReason',
    });
    expect(await assignmentEntries(c.id)).toEqual([]);
    await deskA['legal-aid'].assign({
      caseId: c.id,
      assigneeId: listed.id,
      negativeListReason: '申请人坚持委托该律师，已告知其负面清单情况',
    });
    expect((await deskA['legal-aid'].page({ caseId: c.id })).assignee).toEqual({
      id: listed.id,
      name: '页面律师',
    });
    expect(await assignedEvents(c.id)).toEqual([
      expect.objectContaining({ text: '申请人坚持委托该律师，已告知其负面清单情况' }),
    ]);
    // Whoever may read the case but not assign it sees who handles it, and no form.
    const reader = await h.staff(district, 'lawyer');
    expect(await reader['legal-aid'].page({ caseId: c.id })).toMatchObject({
      assignee: { id: listed.id, name: '页面律师' },
      assignees: null,
    });
    expect(await refusal(reader['legal-aid'].assign({ caseId: c.id, assigneeId: listed.id }))).toMatchObject({
      error: 'FORBIDDEN auth.forbidden',
    });
  });

  it('only warns about a misconduct record, which goes on the timeline with the assignment', async () => {
    const recorded = await lawyer('迟到律师');
    await record(recorded.id, 'misconduct', '未按时出庭');
    const c = await supportClaim(1000);
    const assigned = await deskA.case.assign({ caseId: c.id, assigneeId: recorded.id });
    expect(assigned.providerRecords).toEqual([
      expect.objectContaining({ kind: 'misconduct', description: '未按时出庭' }),
    ]);
    const [event] = await assignedEvents(c.id);
    expect(event?.data).toMatchObject({ providerRecords: [expect.objectContaining({ kind: 'misconduct' })] });
  });

  it('refuses a lawyer who acted for the other side until a reason is given', async () => {
    const counsel = await lawyer('代理律师');
    // The lawyer handled 马长友's son's own legal-aid matter; now the father claims support from him.
    const earlier = await application({
      applicantName: '马小军',
      matter: 'labour-remuneration',
      summary: '在工地务工八个月，包工头拖欠工资三万元',
      migrantWorkerWageClaim: true,
    });
    await deskA.case.assign({ caseId: earlier.id, assigneeId: counsel.id });
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '马长友', phone: '13712345678' },
      serviceType: 'legal-aid',
      category: 'support-payments',
      description: '申请法律援助',
      organisationId: district.organisations.stationA,
      parties: [{ role: 'adverse', name: '马小军' }],
      form: {
        applicantName: '马长友',
        matter: 'support-payments',
        summary: '儿子拒绝支付赡养费，申请人年老多病无力起诉',
        hardship: {
          householdSize: 1,
          monthlyHouseholdIncome: 900,
          incomeSources: '无',
          truthfulnessPledge: true,
        },
      },
    });
    expect(await refusal(deskA.case.assign({ caseId: c.id, assigneeId: counsel.id }))).toEqual({
      error: 'CONFLICT case.conflict_of_interest',
      field: 'conflictReason',
    });
    await deskA.case.assign({
      caseId: c.id,
      assigneeId: counsel.id,
      conflictReason: '前案已结，双方书面同意',
    });
    const [entry] = await assignmentEntries(c.id);
    expect(entry?.after).toMatchObject({
      text: '前案已结，双方书面同意',
      conflictReason: '前案已结，双方书面同意',
      conflicts: [expect.objectContaining({ caseId: earlier.id, relation: 'acted-for' })],
    });
  });
});
