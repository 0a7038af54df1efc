import { TRPCError } from '@trpc/server';
import { isRouteErrorResponse } from 'react-router';
import { describe, expect, it } from 'vitest';
import { platformRedirectFor } from './platform-session.ts';
import { isForbidden, load, routeErrorFor } from './route-errors.ts';
import { failureOf } from './submission.ts';

/** What a thrown `data(...)` becomes once React Router handles it. */
function asRouteError(value: unknown): { status: number; data: unknown } {
  const { type, data, init } = value as { type: string; data: unknown; init: { status: number } };
  expect(type).toBe('DataWithResponseInit');
  return { status: init.status, data };
}

describe('routeErrorFor', () => {
  it('turns an expected API error into a response with its status and message key', () => {
    const forbidden = routeErrorFor(new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' }));
    expect(asRouteError(forbidden)).toEqual({ status: 403, data: { message: 'auth.forbidden' } });
    const notFound = routeErrorFor(new TRPCError({ code: 'NOT_FOUND', message: 'Some English text' }));
    expect(asRouteError(notFound)).toEqual({ status: 404, data: {} });
  });

  it('leaves faults alone, to be a 500', () => {
    const fault = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'boom' });
    expect(routeErrorFor(fault)).toBe(fault);
    const bug = new TypeError('x is undefined');
    expect(routeErrorFor(bug)).toBe(bug);
    expect(isRouteErrorResponse(bug)).toBe(false);
  });

  it('is what `load` throws', async () => {
    await expect(load(Promise.resolve(3))).resolves.toBe(3);
    const thrown = await load(
      Promise.reject(new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' })),
    ).catch((error: unknown) => error);
    expect(asRouteError(thrown).status).toBe(401);
    expect(isForbidden(new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' }))).toBe(true);
  });
});

describe('platformRedirectFor', () => {
  it('sends an operator to the step due', () => {
    const location = (error: unknown) => platformRedirectFor(error)?.headers.get('Location');
    expect(location(new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.totp_required' }))).toBe(
      '/platform/login/totp',
    );
    expect(location(new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' }))).toBe(
      '/platform/login',
    );
    // A district staff session is no operator's.
    expect(location(new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' }))).toBe('/platform/login');
    expect(
      platformRedirectFor(new TRPCError({ code: 'CONFLICT', message: 'tenant.slug_taken' })),
    ).toBeUndefined();
  });
});

describe('failureOf', () => {
  it('gives the errors only to the form that failed', () => {
    const failure = {
      intent: 'move',
      errors: { form: [], fields: { parentId: 'validation.required' } },
      values: {},
    };
    expect(failureOf(failure, 'move')).toBe(failure);
    expect(failureOf(failure, 'close')).toBeUndefined();
    expect(failureOf({ intent: 'move', ok: true }, 'move')).toBeUndefined();
    expect(failureOf(undefined, 'move')).toBeUndefined();
  });
});
