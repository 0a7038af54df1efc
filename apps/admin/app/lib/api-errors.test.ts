import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldErrorsFromIssues,
  fieldForApiPath,
  isTrpcError,
  localFailure,
  messageKeyForIssue,
  toFailedSubmission,
} from './api-errors.ts';

const loginFields = ['username', 'password'] as const;

function validationError(schema: z.ZodType, input: unknown): TRPCError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to fail validation');
  return new TRPCError({ code: 'BAD_REQUEST', message: 'validation.failed', cause: result.error });
}

/** The API's domain errors carry the field they concern and message parameters. */
class DomainError extends Error {
  override name = 'DomainError';
  readonly field: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(message: string, field?: string, params?: Record<string, string | number>) {
    super(message);
    this.field = field;
    this.params = params;
  }
}

describe('isTrpcError', () => {
  it('recognises the real TRPCError class by shape', () => {
    expect(isTrpcError(new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' }))).toBe(true);
    expect(isTrpcError(new Error('boom'))).toBe(false);
    expect(isTrpcError({ name: 'TRPCError', code: 'BAD_REQUEST' })).toBe(false);
  });
});

describe('toFailedSubmission', () => {
  it('maps a ZodError cause to field errors by path[0]', () => {
    const schema = z.object({
      username: z.string().min(1, { message: 'validation.required' }),
      password: z.string().min(8),
    });
    const failure = toFailedSubmission(validationError(schema, { username: '', password: 'short' }), {
      fields: loginFields,
    });
    expect(failure).toEqual({
      status: 400,
      errors: { form: [], fields: { username: 'validation.required', password: 'validation.too_short' } },
    });
  });

  it('keeps issues about fields the form does not have at form level', () => {
    const schema = z.object({ tenantSlug: z.string().regex(/^[a-z]+$/), username: z.string() });
    const failure = toFailedSubmission(validationError(schema, { tenantSlug: 'X!', username: 'wang' }), {
      fields: loginFields,
    });
    expect(failure?.errors).toEqual({ form: ['validation.invalid_format'], fields: {} });
  });

  it('shows an API error key in the summary, with the status of its code', () => {
    const cases = [
      ['UNAUTHORIZED', 'auth.invalid_credentials', 401],
      ['TOO_MANY_REQUESTS', 'auth.throttled', 429],
      ['NOT_FOUND', 'tenant.not_found', 404],
      ['FORBIDDEN', 'tenant.suspended', 403],
    ] as const;
    for (const [code, message, status] of cases) {
      expect(toFailedSubmission(new TRPCError({ code, message }), { fields: loginFields })).toEqual({
        status,
        errors: { form: [message], fields: {} },
      });
    }
  });

  it('puts an error next to the field the API names, with its parameters', () => {
    const tooWeak = new TRPCError({
      code: 'BAD_REQUEST',
      message: 'auth.password_too_weak',
      cause: new DomainError('auth.password_too_weak', 'newPassword'),
    });
    expect(toFailedSubmission(tooWeak, { fields: ['currentPassword', 'newPassword'] })?.errors).toEqual({
      form: [],
      fields: { newPassword: 'auth.password_too_weak' },
    });

    const throttled = new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: 'auth.throttled',
      cause: new DomainError('auth.throttled', undefined, { seconds: 30 }),
    });
    expect(toFailedSubmission(throttled, { fields: loginFields })?.errors).toEqual({
      form: ['auth.throttled'],
      fields: {},
      params: { seconds: 30 },
    });
  });

  it('can attach a known key to a field the API did not name', () => {
    const wrongCode = new TRPCError({ code: 'BAD_REQUEST', message: 'auth.totp_invalid' });
    expect(
      toFailedSubmission(wrongCode, { fields: ['code'], fieldForMessage: { 'auth.totp_invalid': 'code' } })
        ?.errors,
    ).toEqual({ form: [], fields: { code: 'auth.totp_invalid' } });
  });

  it('shows an unknown message key as an unexpected error rather than raw text', () => {
    const failure = toFailedSubmission(new TRPCError({ code: 'CONFLICT', message: 'Duplicate key value' }), {
      fields: loginFields,
    });
    expect(failure).toEqual({ status: 409, errors: { form: ['error.unexpected'], fields: {} } });
  });

  it('leaves server faults and non-API errors to the error boundary', () => {
    expect(
      toFailedSubmission(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }), { fields: [] }),
    ).toBeUndefined();
    expect(toFailedSubmission(new TypeError('x is undefined'), { fields: [] })).toBeUndefined();
    expect(toFailedSubmission(new Response(null, { status: 302 }), { fields: [] })).toBeUndefined();
  });
});

describe('fieldErrorsFromIssues', () => {
  it('keeps the first issue of each field', () => {
    const errors = fieldErrorsFromIssues(
      [
        { code: 'too_small', path: ['password'], message: 'Too small' },
        { code: 'custom', path: ['password'], message: 'auth.password_too_weak' },
      ],
      ['password'],
    );
    expect(errors).toEqual({ form: [], fields: { password: 'validation.too_short' } });
  });

  it('falls back to a generic key for unknown issue codes and a form error for path-less issues', () => {
    expect(fieldErrorsFromIssues([{ code: 'custom', path: [], message: 'Nope' }], ['password'])).toEqual({
      form: ['validation.invalid'],
      fields: {},
    });
    expect(messageKeyForIssue({ code: 'too_big', message: 'Too big' })).toBe('validation.too_long');
  });
});

describe('localFailure', () => {
  it('reports only the fields that have a problem', () => {
    expect(localFailure({ username: undefined, password: 'validation.required' })).toEqual({
      status: 400,
      errors: { form: [], fields: { password: 'validation.required' } },
    });
    expect(localFailure({ username: undefined })).toBeUndefined();
  });
});

describe('nested paths', () => {
  const organisationUpdate = z.object({
    id: z.string(),
    data: z.object({
      nameZh: z.string().min(1, { message: 'validation.required' }),
      latitude: z.number().max(90),
    }),
  });

  it('strips a path prefix such as `data` of `update({ id, data })`', () => {
    const failure = toFailedSubmission(
      validationError(organisationUpdate, { id: 'x', data: { nameZh: '', latitude: 123 } }),
      { fields: ['nameZh', 'latitude'], pathPrefix: 'data' },
    );
    expect(failure?.errors).toEqual({
      form: [],
      fields: { nameZh: 'validation.required', latitude: 'validation.out_of_range' },
    });
  });

  it('matches dotted field names exactly, then by their first segment', () => {
    const mapping = { fields: ['roles', 'roles.0.organisationId'] };
    expect(fieldForApiPath('roles.0.organisationId', mapping)).toBe('roles.0.organisationId');
    expect(fieldForApiPath('roles.2.role', mapping)).toBe('roles');
    expect(fieldForApiPath('username', mapping)).toBeUndefined();
  });

  it('follows explicit mappings for fields named differently', () => {
    const mapping = { fields: ['colour', 'adminUsername'], fieldForPath: { 'branding.colour': 'colour' } };
    expect(fieldForApiPath('branding.colour', mapping)).toBe('colour');
    // A mapping to a field the form does not have is ignored.
    expect(
      fieldForApiPath('branding.logoUrl', { ...mapping, fieldForPath: { 'branding.logoUrl': 'logo' } }),
    ).toBe(undefined);
  });

  it('puts a domain error naming a nested field next to it', () => {
    const mismatch = new TRPCError({
      code: 'BAD_REQUEST',
      message: 'staff.role_organisation_mismatch',
      cause: new DomainError('staff.role_organisation_mismatch', 'roles.1.organisationId'),
    });
    expect(toFailedSubmission(mismatch, { fields: ['roles', 'roles.1.organisationId'] })?.errors).toEqual({
      form: [],
      fields: { 'roles.1.organisationId': 'staff.role_organisation_mismatch' },
    });
  });

  it('says "out of range" for numbers and "required" for an empty list', () => {
    expect(messageKeyForIssue({ code: 'too_big', origin: 'number', message: 'Too big' })).toBe(
      'validation.out_of_range',
    );
    expect(messageKeyForIssue({ code: 'too_small', origin: 'array', message: 'Too small' })).toBe(
      'validation.required',
    );
    expect(messageKeyForIssue({ code: 'too_small', origin: 'string', message: 'Too small' })).toBe(
      'validation.too_short',
    );
  });
});
