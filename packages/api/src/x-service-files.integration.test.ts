import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-x-files-')));
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));
const pdf = Buffer.from('%PDF-1.7\n% a scanned release certificate\n%%EOF\n');

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'x-files');
  const { sessionToken } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
  admin = h.caller({ sessionToken, files });
  await admin.xService.create({
    organisationId: district.organisations.stationA,
    name: 'resettlement',
    title: { 'zh-CN': '安置帮教', en: 'Resettlement help' },
    description: { 'zh-CN': '刑满释放人员安置帮教', en: 'Help for people released from prison' },
    form: [
      { key: 'need', label: { 'zh-CN': '需求', en: 'Need' }, type: 'text', required: true },
      {
        key: 'certificate',
        label: { 'zh-CN': '释放证明', en: 'Release certificate' },
        type: 'file',
        required: true,
      },
    ],
    deadlineWorkingDays: 5,
  });
});
afterAll(() => h.close());

const intake = (certificate: unknown) =>
  admin.case.create({
    channel: 'walk-in',
    resident: { name: '赵某', phone: '13700137000' },
    serviceType: 'x-resettlement',
    description: '刑满释放后求职困难',
    organisationId: district.organisations.stationA,
    form: { need: '就业帮扶', certificate },
  });

describe('file fields of a street-defined X service', () => {
  it('store the upload as a case document and keep its reference in the form', async () => {
    const created = await intake({
      fileName: '释放证明.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    const c = await admin.case.get({ caseId: created.id });
    const certificate = c.form.certificate as { documentId: string; fileName: string; sizeBytes: number };
    expect(certificate).toMatchObject({
      fileName: '释放证明.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    expect(JSON.stringify(c.form)).not.toContain('contentBase64');
    const document = await admin.case.getDocument({ caseId: created.id, documentId: certificate.documentId });
    expect(Buffer.from(document.contentBase64, 'base64')).toEqual(pdf);
  });

  it('refuse a missing file and a file whose content is not what it claims', async () => {
    await expect(intake(undefined)).rejects.toSatisfy((e) => codeOf(e) === 'BAD_REQUEST validation.failed');
    await expect(
      intake({
        fileName: 'fake.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('not a pdf').toString('base64'),
      }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'BAD_REQUEST case.document_content_mismatch');
  });
});
