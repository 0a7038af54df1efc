import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  codeOf,
  eq,
  failure,
  pluginHarness,
  refusedField,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

let n = 0;
const newPhone = () => `135${String(40_000_000 + n++ * 7919).slice(-8)}`;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const application = (over: Record<string, unknown> = {}) => ({
  organisationId: district.organisations.roomA,
  form: {
    applicantName: '马长友',
    matter: 'support-payments',
    summary: `子女拒绝支付赡养费，申请人年老多病无力起诉 ${n++}`,
    hardship: {
      householdSize: 2,
      monthlyHouseholdIncome: 1800,
      incomeSources: '养老金',
      truthfulnessPledge: true,
    },
    ...over,
  },
  documents: [{ fileName: '身份证.png', contentType: 'image/png', contentBase64: png.toString('base64') }],
});
/** The field a refusal names: a rule's, or the first of the validation's. */
const fieldOf = (e: unknown) =>
  refusedField(e) ??
  (e as { cause?: { issues?: { path: PropertyKey[] }[] } }).cause?.issues?.[0]?.path.join('.');
const casesOf = (caseId: string) =>
  h.asTenant(district.tenantId, (tx) =>
    tx.select().from(schema.legalCase).where(eq(schema.legalCase.id, caseId)),
  );

beforeAll(async () => {
  ({ district, admin } = await h.district('legal-aid-online', { enable: ['legal-aid'] }));
});
afterAll(() => h.close());

describe('the online legal-aid application', () => {
  it('lands as a legal-aid case, channel online, with the proved phone, its form and its document, and the receipt queued', async () => {
    const phone = newPhone();
    const resident = await h.resident(district, phone, { files: true });
    const sent = await resident['legal-aid'].applyOnline(application());
    expect(sent.repeated).toBe(false);
    const [row] = await casesOf(sent.caseId);
    expect(row).toMatchObject({
      number: sent.number,
      channel: 'online',
      serviceType: 'legal-aid',
      category: 'support-payments',
      currentOrganisationId: district.organisations.roomA,
      form: expect.objectContaining({ hardship: expect.objectContaining({ householdSize: 2 }) }),
    });
    const c = await admin.case.get({ caseId: sent.caseId });
    expect(c.resident.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(c.documents.map((d) => d.fileName)).toEqual(['身份证.png']);
    const messages = await h.asTenant(district.tenantId, (tx) =>
      tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, sent.caseId)),
    );
    expect(messages.map((m) => m.templateKey)).toEqual(['intake-receipt']);
    // Those who assign cases see it among the unassigned of Today, marked online.
    const unassigned = await admin.case.getMany({ queue: 'unassigned', limit: 50 });
    expect(unassigned.cases.find((x) => x.id === sent.caseId)).toMatchObject({ channel: 'online' });
  });

  it('holds the desk’s rules: the hardship declaration unless exempt, the summary, each named', async () => {
    const resident = await h.resident(district, newPhone());
    const noDeclaration = await resident['legal-aid']
      .applyOnline(application({ hardship: undefined }))
      .catch((e: unknown) => e);
    expect(fieldOf(noDeclaration)).toBe('form.hardship');
    const short = await resident['legal-aid']
      .applyOnline(application({ summary: '太短' }))
      .catch((e: unknown) => e);
    expect(fieldOf(short)).toBe('form.summary');
    // A migrant worker's wage claim takes the green channel: no declaration needed.
    const wages = await resident['legal-aid'].applyOnline(
      application({ matter: 'labour-remuneration', migrantWorkerWageClaim: true, hardship: undefined }),
    );
    expect(wages.repeated).toBe(false);
  });

  it('answers a repeat with the open case, and leaves nothing behind when a document is refused', async () => {
    const resident = await h.resident(district, newPhone(), { files: true });
    const first = await resident['legal-aid'].applyOnline(
      application({ summary: '子女拒绝支付赡养费，已经半年没有给钱了' }),
    );
    const again = await resident['legal-aid'].applyOnline(
      application({ summary: '子女拒绝支付赡养费，已经半年没有给钱了。' }),
    );
    expect(again).toEqual({ caseId: first.caseId, number: first.number, repeated: true });
    const before = await h.asTenant(district.tenantId, (tx) => tx.select().from(schema.legalCase));
    const refused = await resident['legal-aid']
      .applyOnline({
        ...application(),
        documents: [{ fileName: 'run.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' }],
      })
      .catch((e: unknown) => e);
    expect(codeOf(refused)).toMatch(/^BAD_REQUEST case\.document_/);
    const after = await h.asTenant(district.tenantId, (tx) => tx.select().from(schema.legalCase));
    expect(after.length).toBe(before.length);
  });

  it('is refused without a proved phone, and offers the district’s service points', async () => {
    const visitor = h.visitor(district);
    expect(await failure(visitor['legal-aid'].applyOnline(application()))).toBe(
      'UNAUTHORIZED resident.not_verified',
    );
    const page = await visitor['legal-aid'].onlineApplication({});
    expect(page.places.map((p) => p.id)).toContain(district.organisations.roomA);
    expect(page.places.map((p) => p.id)).not.toContain(district.organisations.court);
  });
});
