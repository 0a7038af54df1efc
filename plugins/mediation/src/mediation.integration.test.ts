import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  eq,
  failure,
  pdfText,
  pluginHarness,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import { undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
const terms = ['刘海燕于2026年12月31日前修复卫生间防水层。', '刘海燕赔偿陈建国维修费人民币8000元。'];

const mediationCase = () =>
  admin.case.create({
    channel: 'walk-in',
    resident: {
      name: '陈建国',
      phone: `138${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType: 'mediation',
    category: 'neighbours',
    description: '楼上漏水，楼下天花板霉变',
    organisationId: district.organisations.stationA,
    form: {
      summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。',
      parties: [
        { name: '陈建国', role: 'applicant' },
        { name: '刘海燕', role: 'respondent' },
      ],
    },
  });

// No worker polls the Temporal queue: the referral's workflow is started and waits, which is all the
// application for judicial confirmation does.
beforeAll(async () => {
  ({ district, admin } = await h.district('mediation', {
    enable: ['mediation', 'consultation', 'legal-aid', 'notary'],
    temporal: true,
    files: true,
  }));
});
afterAll(() => h.close());

describe('people’s mediation', () => {
  it('records mediators and sessions on the case', async () => {
    const c = await mediationCase();
    await admin.mediation.setMediators({
      caseId: c.id,
      mediators: [
        { name: '王调解', role: 'lead' },
        { name: '李助理', role: 'assistant' },
      ],
    });
    expect(
      await failure(
        admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '李助理', role: 'assistant' }] }),
      ),
    ).toBe('BAD_REQUEST validation.failed');
    await admin.mediation.createSession({
      caseId: c.id,
      heldAt: '2026-11-20T02:00:00Z',
      place: '甲街道人民调解室',
      summary: '双方到场，确认漏水事实，对赔偿金额分歧较大',
      outcome: 'continued',
    });
    const record = await admin.mediation.get({ caseId: c.id });
    expect(record.mediators).toEqual([
      { name: '王调解', role: 'lead' },
      { name: '李助理', role: 'assistant' },
    ]);
    expect(record.sessions).toMatchObject([{ place: '甲街道人民调解室', outcome: 'continued' }]);
    expect(record.agreement).toBeNull();
    // Each step's timeline entry keeps its action, which the case page names it by.
    const { timeline } = await admin.case.get({ caseId: c.id });
    expect(timeline.map((e) => [e.kind, e.data.action])).toEqual([
      ['created', 'case.created'],
      ['note', 'mediation.mediators.set'],
      ['note', 'mediation.session.recorded'],
    ]);
  });

  it('drafts the agreement as a Chinese PDF stored with the case', async () => {
    const c = await mediationCase();
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    const agreement = await admin.mediation.createAgreement({ caseId: c.id, terms });
    expect(agreement.terms).toEqual(terms);
    const document = await admin.case.getDocument({ caseId: c.id, documentId: agreement.documentId });
    expect(document.contentType).toBe('application/pdf');
    expect(document.fileName).toBe(`人民调解协议书-${c.number}.pdf`);
    expect(Buffer.from(document.contentBase64, 'base64').length).toBeLessThan(100_000);
    const flat = await pdfText(document.contentBase64);
    for (const expected of [
      '人民调解协议书',
      c.number,
      '申请人：陈建国',
      '被申请人：刘海燕',
      '王调解',
      '8000元',
      '甲街道工作站',
    ]) {
      expect(flat).toContain(expected);
    }
    // A redraft before anyone confirmed replaces it.
    const redraft = await admin.mediation.createAgreement({
      caseId: c.id,
      terms: [...terms, '双方再无其他争议。'],
    });
    expect(redraft.id).not.toBe(agreement.id);
    expect((await admin.mediation.get({ caseId: c.id })).agreement?.id).toBe(redraft.id);
  });

  it('checks the statute citations of the agreement’s terms for its page', async () => {
    const c = await mediationCase();
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    await admin.mediation.createAgreement({
      caseId: c.id,
      terms: [
        '双方可共同申请司法确认，依《诉讼费用交纳办法》第八条不交纳案件受理费。',
        '刘海燕依《民法典》第九千条赔偿陈建国。',
        '双方再无其他争议。',
      ],
    });
    const { termCitations } = await admin.mediation.page({ caseId: c.id });
    expect(termCitations.map((cited) => cited.map((x) => [x.written, x.verdict]))).toEqual([
      [['《诉讼费用交纳办法》第八条', 'valid']],
      [['《民法典》第九千条', 'missing']],
      [],
    ]);
  });

  it('takes each party’s confirmation, then applies to the court for judicial confirmation', async () => {
    const c = await mediationCase();
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    const agreement = await admin.mediation.createAgreement({ caseId: c.id, terms });
    const apply = () =>
      admin.mediation.applyJudicialConfirmation({
        caseId: c.id,
        agreementId: agreement.id,
        courtId: district.organisations.court,
      });
    expect(await failure(apply())).toBe('BAD_REQUEST mediation.agreement_not_confirmed');

    const first = await admin.mediation.confirmAgreement({
      caseId: c.id,
      agreementId: agreement.id,
      partyName: '陈建国',
      method: 'signature',
    });
    expect(first.confirmedByAll).toBe(false);
    expect(
      await failure(
        admin.mediation.confirmAgreement({
          caseId: c.id,
          agreementId: agreement.id,
          partyName: '张三',
          method: 'signature',
        }),
      ),
    ).toBe('BAD_REQUEST mediation.not_a_party');
    const second = await admin.mediation.confirmAgreement({
      caseId: c.id,
      agreementId: agreement.id,
      partyName: '刘海燕',
      method: 'fingerprint',
    });
    expect(second.confirmedByAll).toBe(true);
    expect(await failure(admin.mediation.createAgreement({ caseId: c.id, terms }))).toBe(
      'CONFLICT mediation.agreement_already_confirmed',
    );

    expect(await failure(apply())).toBe('BAD_REQUEST referral.consent_required');
    await admin.case.recordConsent({ caseId: c.id, partnerOrganisationId: district.organisations.court });
    const referral = await apply();
    expect(referral).toMatchObject({
      kind: 'judicial-confirmation',
      toOrganisationId: district.organisations.court,
    });
    expect((await admin.mediation.get({ caseId: c.id })).agreement?.judicialReferralId).toBe(referral.id);
    // The agreement's PDF goes with the referral as its attachment (the court reads it from its inbox).
    const pdf = await admin.case.getDocument({ caseId: c.id, documentId: agreement.documentId });
    const attached = await h.asTenant(district.tenantId, (tx) =>
      tx
        .select()
        .from(schema.referralAttachment)
        .where(eq(schema.referralAttachment.referralId, referral.id)),
    );
    expect(attached).toEqual([
      expect.objectContaining({
        documentId: agreement.documentId,
        sha256: createHash('sha256').update(Buffer.from(pdf.contentBase64, 'base64')).digest('hex'),
        mediaType: 'application/pdf',
      }),
    ]);
    expect(await failure(apply())).toBe('CONFLICT mediation.judicial_confirmation_already_applied');
    const referrals = await admin.referral.getMany({ caseId: c.id });
    expect(referrals.map((r) => r.kind)).toEqual(['judicial-confirmation']);
    // The court reads where the agreement is in words, never the document's id.
    const [sent] = await h.asTenant(district.tenantId, (tx) =>
      tx.select().from(schema.referral).where(eq(schema.referral.id, referral.id)),
    );
    expect(sent?.details).toContain('人民调解协议书见附件；协议条款：\n1. ');
    expect(sent?.details).not.toContain(agreement.documentId);
  });

  it('asks a court, not any partner, for judicial confirmation', async () => {
    const c = await mediationCase();
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    const agreement = await admin.mediation.createAgreement({ caseId: c.id, terms });
    for (const partyName of ['陈建国', '刘海燕']) {
      await admin.mediation.confirmAgreement({
        caseId: c.id,
        agreementId: agreement.id,
        partyName,
        method: 'signature',
      });
    }
    expect(
      await failure(
        admin.mediation.applyJudicialConfirmation({
          caseId: c.id,
          agreementId: agreement.id,
          courtId: district.organisations.stationB,
        }),
      ),
    ).toBe('BAD_REQUEST mediation.partner_not_a_court');
  });

  it('chains a failed mediation to legal aid with a linked case', async () => {
    const c = await mediationCase();
    const next = await admin.mediation.fail({ caseId: c.id, reason: '被申请人拒绝赔偿', next: 'legal-aid' });
    const created = await admin.case.get({ caseId: next.caseId });
    expect(created).toMatchObject({ serviceType: 'legal-aid', residentId: c.residentId });
    const chain = await admin.case.getChain({ caseId: c.id });
    expect(JSON.stringify(chain)).toContain(next.caseId);
  });

  it('takes the parties from the case when the mediation form was not filled in', async () => {
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '孙丽华', phone: '13911112222' },
      serviceType: 'mediation',
      category: 'family',
      description: '兄妹因父母房屋继承发生争执',
      organisationId: district.organisations.stationA,
      parties: [{ role: 'adverse', name: '孙立强' }],
    });
    expect((await admin.mediation.get({ caseId: c.id })).parties).toEqual([
      { name: '孙丽华', role: 'applicant' },
      { name: '孙立强', role: 'respondent' },
    ]);
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    const agreement = await admin.mediation.createAgreement({
      caseId: c.id,
      terms: ['房屋由孙丽华继承，孙丽华补偿孙立强人民币二十万元。'],
    });
    const document = await admin.case.getDocument({ caseId: c.id, documentId: agreement.documentId });
    expect(await pdfText(document.contentBase64)).toContain('被申请人：孙立强');
  });

  it('names each party with the particulars the case records, each opening audited', async () => {
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: {
        name: '王秀英',
        phone: '13916605012',
        idNumber: '31010419580312432X',
        address: '上海市徐汇区漕溪北路88弄3号502室',
      },
      serviceType: 'mediation',
      category: 'neighbours',
      description: '楼上住户装修噪声扰民，多次协商未果',
      organisationId: district.organisations.stationA,
      parties: [
        {
          role: 'adverse',
          name: '赵建国',
          idNumber: '310104197507085513',
          phone: '13816607788',
          address: '上海市徐汇区漕溪北路88弄3号602室',
        },
      ],
    });
    await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
    const agreement = await admin.mediation.createAgreement({
      caseId: c.id,
      terms: ['赵建国每日22时后停止装修施工。'],
    });
    const document = await admin.case.getDocument({ caseId: c.id, documentId: agreement.documentId });
    const bytes = Buffer.from(document.contentBase64, 'base64');
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = await pdfText(document.contentBase64);
    expect(text).toContain(
      '申请人：王秀英，女，1958年3月12日出生，公民身份号码：31010419580312432X，住址：上海市徐汇区漕溪北路88弄3号502室，联系电话：13916605012',
    );
    expect(text).toContain(
      '被申请人：赵建国，男，1975年7月8日出生，公民身份号码：310104197507085513，住址：上海市徐汇区漕溪北路88弄3号602室，联系电话：13816607788',
    );

    // Opening the sealed data for the agreement is on record: whose, which fields, what for.
    const revealed = async (objectType: string, objectId: string) =>
      (await admin.audit.getMany({ objectType, objectId })).entries
        .filter((e) => e.action === 'personal_data.revealed')
        .map((e) => e.after);
    expect(await revealed('resident', c.residentId)).toEqual([
      { fields: ['idNumber', 'phone'], caseId: c.id, purpose: 'mediation.agreement' },
    ]);
    expect(await revealed('case', c.id)).toEqual([
      {
        partyId: expect.any(String),
        fields: ['idNumber', 'phone', 'address'],
        purpose: 'mediation.agreement',
      },
    ]);
  });

  it('works on mediation cases only', async () => {
    const notary = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '周老太', phone: '13912345678' },
      serviceType: 'notary',
      category: 'kinship',
      description: '亲属关系公证',
      organisationId: district.organisations.stationA,
      form: { matterType: 'kinship', applicantName: '周老太' },
    });
    expect(await failure(admin.mediation.get({ caseId: notary.id }))).toBe(
      'BAD_REQUEST plugin.case_of_other_service',
    );
  });
});
