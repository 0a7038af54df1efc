import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { eq, schema, withTenant } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * A form's post carrying a submission key (`ctx.submission`, set by the admin app from the form's
 * per-render key): each change it makes is made once per key, in the change's own transaction.
 */
const h = apiHarness();
let district: TestDistrict;
let deskToken: string;
let desk: AppCaller;
let otherDeskToken: string;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'form-submission');
  ({ api: desk, sessionToken: deskToken } = await h.signIn(district.slug, 'desk', TEST_PASSWORD));
  ({ sessionToken: otherDeskToken } = await h.signIn(district.slug, 'desk-b', TEST_PASSWORD));
});
afterAll(() => h.close());

/** The same form posted again: a new request (its own counter) with the same key. */
const post = (key: string, sessionToken = deskToken) =>
  h.caller({ sessionToken, submission: { key, calls: 0 } });

const intake = (phone: string, description = '楼上漏水，协商不成，申请调解') => ({
  channel: 'walk-in' as const,
  organisationId: district.organisations.centreId,
  serviceType: TEST_SERVICE,
  description,
  resident: { name: '赵六', phone },
});

const casesOf = async (phone: string) => (await desk.case.getMany({ phone, limit: 10 })).cases;

describe('a keyed form post', () => {
  it('takes a matter in once when 受理 is posted twice: the second post answers with the first case', async () => {
    const first = await post('double-click').case.create(intake('13700000001'));
    const second = await post('double-click').case.create(intake('13700000001'));
    expect(second.id).toBe(first.id);
    expect(second.number).toBe(first.number);
    expect((await casesOf('13700000001')).map((c) => c.id)).toEqual([first.id]);
  });

  it('makes one matter of two posts arriving together', async () => {
    const [a, b] = await Promise.all([
      post('together').case.create(intake('13700000002')),
      post('together').case.create(intake('13700000002')),
    ]);
    expect(a.id).toBe(b.id);
    expect(await casesOf('13700000002')).toHaveLength(1);
  });

  it('makes each change of a post once, in order, however many the answer makes', async () => {
    const run = async () => {
      const api = post('several');
      const created = await api.case.create(intake('13700000003'));
      await api.case.get({ caseId: created.id }); // a read takes no turn
      await api.case.addNote({ caseId: created.id, text: '已约双方周三到场' });
      return created.id;
    };
    const caseId = await run();
    expect(await run()).toBe(caseId);
    const notes = (await desk.case.get({ caseId })).timeline.filter((e) => e.text === '已约双方周三到场');
    expect(notes).toHaveLength(1);
  });

  it('leaves the key to the corrected post when the change was refused', async () => {
    await expect(post('corrected').case.create(intake('13700000004', ''))).rejects.toBeInstanceOf(TRPCError);
    const created = await post('corrected').case.create(intake('13700000004'));
    expect((await casesOf('13700000004')).map((c) => c.id)).toEqual([created.id]);
  });

  it("refuses another person's post under someone's key", async () => {
    await post('mine').case.create(intake('13700000005'));
    const refusal = await post('mine', otherDeskToken)
      .case.create(intake('13700000005'))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).code).toBe('CONFLICT');
    expect((refusal as TRPCError).message).toBe('form.submission_reused');
    expect(await casesOf('13700000005')).toHaveLength(1);
  });

  it('changes nothing for posts without a key: two posts are two matters', async () => {
    await desk.case.create(intake('13700000006'));
    await desk.case.create(intake('13700000006'));
    expect(await casesOf('13700000006')).toHaveLength(2);
  });

  it('keeps the answer sealed, not as the resident typed it', async () => {
    await post('sealed').case.create(intake('13700000007'));
    const rows = await withTenant(h.db, district.tenantId, (tx) =>
      tx
        .select({ answer: schema.formSubmission.answerSealed })
        .from(schema.formSubmission)
        .where(eq(schema.formSubmission.submissionKey, 'sealed#0')),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answer.startsWith(h.box.currentPrefix)).toBe(true);
    expect(rows[0]?.answer).not.toContain('赵六');
  });
});
