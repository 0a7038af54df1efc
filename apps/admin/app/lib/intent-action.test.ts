import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { intent, intentAction } from './intent-action.ts';

const posted = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const done = (name: string) => `/page?done=${name}`;

/** A `data()` answer's body and status (React Router's DataWithResponseInit). */
const answer = (result: unknown) => {
  const { data, init } = result as { data: unknown; init: { status: number } };
  return { status: init.status, data };
};

describe('intentAction', () => {
  it('runs the posted intent with its trimmed fields and redirects to its done page', async () => {
    const seen: unknown[] = [];
    const result = await intentAction(
      posted({ intent: 'note', text: '  called the resident ', other: 'x' }),
      { note: intent({ fields: ['text'], run: (values) => void seen.push(values) }) },
      { done },
    );
    expect(seen).toEqual([{ text: 'called the resident' }]);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get('Location')).toBe('/page?done=note');
  });

  it('reads the form of a request once', async () => {
    const request = new Request('http://admin.test/page', {
      method: 'POST',
      body: posted({ intent: 'code', x: '1' }),
    });
    const result = await intentAction(
      request,
      { code: intent({ run: () => ({ intent: 'code', code: 'A1' }) }) },
      { done },
    );
    expect(result).toEqual({ intent: 'code', code: 'A1' });
  });

  it('refuses an intent the page does not have', async () => {
    const result = await intentAction(
      posted({ intent: 'drop-table' }),
      { note: intent({ run: () => {} }) },
      { done },
    );
    expect(answer(result)).toEqual({
      status: 400,
      data: { intent: 'drop-table', errors: { form: ['validation.failed'], fields: {} }, values: {} },
    });
  });

  it('refuses an inherited name as an intent', async () => {
    const result = await intentAction(posted({ intent: 'toString' }), {}, { done });
    expect(answer(result).status).toBe(400);
  });

  it('checks required fields and its own checks before calling, keeping what was typed', async () => {
    let called = false;
    const result = await intentAction(
      posted({ intent: 'score', score: '9', comment: 'fine' }),
      {
        score: intent({
          fields: ['score', 'comment', 'reason'],
          required: ['reason'],
          check: (values) => ({ score: Number(values.score) <= 5 ? undefined : 'case.score_range' }),
          run: () => {
            called = true;
          },
        }),
      },
      { done },
    );
    expect(called).toBe(false);
    expect(answer(result)).toEqual({
      status: 400,
      data: {
        intent: 'score',
        errors: { form: [], fields: { reason: 'validation.required', score: 'case.score_range' } },
        values: { score: '9', comment: 'fine', reason: '' },
      },
    });
  });

  it("puts the API's refusal next to the field it names, in the form's own mapping", async () => {
    const result = await intentAction(
      posted({ intent: 'transfer', organisationId: 'o-1' }),
      {
        transfer: intent({
          fields: ['organisationId'],
          errors: { fields: ['status'] },
          run: () => {
            throw new TRPCError({ code: 'CONFLICT', message: 'case.not_open', cause: { field: 'status' } });
          },
        }),
      },
      { done },
    );
    expect(answer(result)).toEqual({
      status: 409,
      data: {
        intent: 'transfer',
        errors: { form: [], fields: { status: 'case.not_open' } },
        values: { organisationId: 'o-1' },
      },
    });
  });

  it('lets a handler refuse after parsing a value', async () => {
    const result = await intentAction(
      posted({ intent: 'amount', amount: '12,x' }),
      {
        amount: intent({
          fields: ['amount'],
          run: (_values, { refuse }) => refuse({ amount: 'validation.invalid' }),
        }),
      },
      { done },
    );
    expect(answer(result).data).toMatchObject({ errors: { fields: { amount: 'validation.invalid' } } });
  });

  it('throws a fault for the error boundary', async () => {
    const fault = new Error('database gone');
    await expect(
      intentAction(
        posted({ intent: 'note' }),
        { note: intent({ run: () => Promise.reject(fault) }) },
        { done },
      ),
    ).rejects.toBe(fault);
  });
});

describe('intentAction keeps the values naming what a form acts on', () => {
  it('keeps them with a refusal, which then concerns the form, not a field', async () => {
    const result = await intentAction(
      posted({ intent: 'fetch', referralId: 'r-1', sha256: 'ab' }),
      {
        fetch: intent({
          keep: ['referralId', 'sha256'],
          run: () => {
            throw new TRPCError({ code: 'CONFLICT', message: 'case.not_found', cause: { field: 'sha256' } });
          },
        }),
      },
      { done },
    );
    expect(answer(result).data).toEqual({
      intent: 'fetch',
      errors: { form: ['case.not_found'], fields: {} },
      values: { referralId: 'r-1', sha256: 'ab' },
    });
  });
});

describe('intentAction with one form per row', () => {
  it("names the failed form by its row, so only that row's form shows the refusal", async () => {
    const result = await intentAction(
      posted({ intent: 'remove', day: '2026-10-01' }),
      {
        remove: intent({
          keep: ['day'],
          failureKey: (values) => `remove:${values.day}`,
          run: () => {
            throw new TRPCError({ code: 'CONFLICT', message: 'case.not_found' });
          },
        }),
      },
      { done },
    );
    expect(answer(result).data).toMatchObject({
      intent: 'remove:2026-10-01',
      errors: { form: ['case.not_found'] },
    });
  });
});

describe('intentAction where a session ended', () => {
  it('sends the person where `redirectFor` says instead of showing the form again', async () => {
    const signIn = new Response(null, { status: 302, headers: { Location: '/platform/login' } });
    const result = await intentAction(
      posted({ intent: 'add' }),
      {
        add: intent({
          run: () => {
            throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' });
          },
        }),
      },
      { done, redirectFor: () => signIn },
    );
    expect(result).toBe(signIn);
  });

  it('asks before a destructive intent, and runs it only once the question is answered', async () => {
    const removed: string[] = [];
    const handlers = {
      remove: intent({
        keep: ['day', 'name'],
        confirm: ({ day, name }) => ({ question: 'holidays.remove_confirm', params: { day, name } }),
        run: ({ day }) => void removed.push(day),
      }),
    };
    const asked = await intentAction(
      posted({ intent: 'remove', day: '2026-10-01', name: '国庆节' }),
      handlers,
      { done },
    );
    expect(answer(asked)).toEqual({
      status: 200,
      data: {
        intent: 'remove',
        confirm: { question: 'holidays.remove_confirm', params: { day: '2026-10-01', name: '国庆节' } },
        values: { day: '2026-10-01', name: '国庆节' },
      },
    });
    expect(removed).toEqual([]);
    const confirmed = await intentAction(
      posted({ intent: 'remove', day: '2026-10-01', name: '国庆节', confirmed: 'yes' }),
      handlers,
      { done },
    );
    expect((confirmed as Response).headers.get('Location')).toBe('/page?done=remove');
    expect(removed).toEqual(['2026-10-01']);
  });

  it('asks nothing when the intent has no question for these values (switching a service on)', async () => {
    const switched: string[] = [];
    const result = await intentAction(
      posted({ intent: 'switch', enabled: 'true' }),
      {
        switch: intent({
          keep: ['enabled'],
          confirm: ({ enabled }) =>
            enabled === 'false' ? { question: 'catalogue.switch_off_confirm' } : undefined,
          run: ({ enabled }) => void switched.push(enabled),
        }),
      },
      { done },
    );
    expect(result).toBeInstanceOf(Response);
    expect(switched).toEqual(['true']);
  });
});
