import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareActivityRollups,
  createLanguageModel,
  createLocalDocumentStore,
  createStaffMember,
  pluginDb,
  statuteLibrary,
  systemActor,
} from '@linju/core';
import {
  createTestDistrict,
  residentCodeSentTo,
  TEST_PASSWORD,
  type TestDistrict,
} from '@linju/core/testing';
import { type TenantTx, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { pdfText as pdfTextOf } from '@linju/documents/testing';
import type { LanguageModel, PluginDb } from '@linju/plugin-sdk';
import { pluginStatistics } from '@linju/plugins';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { TRPCError } from '@trpc/server';
import { inject } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';
import type { Logger } from './trpc.ts';

export { seededRandom, type TestDistrict } from '@linju/core/testing';
// A plugin's test may check what the platform stored for it (an attachment of its referral).
export { eq, schema } from '@linju/db';
export type { AppCaller, Logger };

/**
 * Test-only: what a plugin's integration test needs of the platform — a real district on the run's
 * PostgreSQL, the real API caller with every installed plugin mounted through the composition root,
 * staff signed in by username, and the plugin's own data handle. A plugin's test imports this file by
 * its relative path: a package dependency on the API (or the composition root) would be a cycle, and
 * this file resolves its own imports from the API's folder.
 */
export function pluginHarness() {
  const api = apiHarness();
  const connections: Connection[] = [];

  /** A Temporal client on the run's dev server with a task queue no worker polls: workflows start and wait. */
  async function idleTemporal(label: string) {
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    connections.push(connection);
    // The clients' and workers' payload codec key.
    const dataKeys = { current: randomBytes(32), retired: [] };
    return {
      client: new Client({ connection, namespace: 'default', dataConverter: linjuDataConverter(dataKeys) }),
      taskQueue: `${label}-test-${randomUUID()}`,
      nodeId: 'linju-test',
    };
  }

  /**
   * A test district (`createTestDistrict`) and its administrator signed in, with `enable`'s plugins
   * switched on at the centre; `temporal` and `files` give the administrator's calls an idle Temporal
   * client and a document store in a fresh temporary folder.
   */
  async function district(
    label: string,
    options: { enable?: readonly string[]; temporal?: boolean; files?: boolean } = {},
  ) {
    const created = await createTestDistrict(api.db, api.box, label);
    const services = {
      ...(options.temporal ? { temporal: await idleTemporal(label) } : {}),
      ...(options.files
        ? { files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), `linju-${label}-`))) }
        : {}),
    };
    const { sessionToken } = await api.signIn(created.slug, 'admin', TEST_PASSWORD, created.totpSecret);
    const admin: AppCaller = api.caller({ sessionToken, ...services });
    for (const pluginId of options.enable ?? []) {
      await admin.catalogue.setEnabled({
        organisationId: created.organisations.centreId,
        pluginId,
        enabled: true,
      });
    }
    return { district: created, admin };
  }

  /**
   * A test district's staff member (they need no second factor), signed in; `log` is their calls'
   * request log, for a test that checks what a hook logged; `languageModel` is the operator's model
   * their procedures get as `ctx.knowledge.languageModel` (none without it).
   */
  async function staff(
    of: { slug: string },
    username: string,
    options: { log?: Logger; languageModel?: LanguageModel } = {},
  ): Promise<AppCaller> {
    const { sessionToken } = await api.signIn(of.slug, username, TEST_PASSWORD);
    return api.caller({
      sessionToken,
      ...(options.log ? { log: options.log } : {}),
      ...(options.languageModel ? { languageModel: options.languageModel } : {}),
    });
  }

  /**
   * A new staff member of the district holding `role` on the unit `organisationId` only, signed in;
   * `files` gives their calls a document store in a fresh temporary folder.
   */
  async function member(
    of: TestDistrict,
    role: Role,
    organisationId: string,
    options: { files?: boolean } = {},
  ): Promise<AppCaller> {
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    await withTenant(api.db, of.tenantId, (tx) =>
      createStaffMember(
        tx,
        systemActor(of.tenantId, 'test'),
        {
          username,
          displayName: username,
          organisationId,
          password: TEST_PASSWORD,
          roles: [{ role, organisationId }],
          mustChangePassword: false,
        },
        api.box,
      ),
    );
    const { sessionToken } = await api.signIn(of.slug, username, TEST_PASSWORD);
    return api.caller({
      sessionToken,
      ...(options.files
        ? { files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), `linju-${role}-`))) }
        : {}),
    });
  }

  /**
   * A resident on the district's public site who proved `phone` by the SMS code sent to it (read
   * from the outbox), from the address `ip`; `files` and `languageModel` as for staff.
   */
  async function resident(
    of: TestDistrict,
    phone: string,
    options: { ip?: string; files?: boolean; languageModel?: LanguageModel } = {},
  ): Promise<AppCaller> {
    const site = { tenantSlugHint: of.slug, ...(options.ip ? { ip: options.ip } : {}) };
    await api.caller(site).residentSession.requestCode({ phone });
    const code = (await residentCodeSentTo(api.db, api.box, of.tenantId, phone)) ?? '';
    const { residentToken } = await api.caller(site).residentSession.verify({ phone, code });
    return api.caller({
      ...site,
      residentToken,
      ...(options.languageModel ? { languageModel: options.languageModel } : {}),
      ...(options.files
        ? { files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-resident-'))) }
        : {}),
    });
  }

  return {
    district,
    staff,
    member,
    resident,
    /** Someone on the district's public site who proved no phone (`languageModel` as for staff). */
    visitor: (of: TestDistrict, options: { languageModel?: LanguageModel; ip?: string } = {}): AppCaller =>
      api.caller({ tenantSlugHint: of.slug, ...options }),
    /** The operator's language model at `url` (a `startModelTestServer`), behind the platform's citation gate. */
    languageModelAt: (url: string) =>
      createLanguageModel({ url, model: 'test-model' }, statuteLibrary(api.db)),
    /** Another district, nobody signed in: to show a tenant sees none of its rows. */
    otherDistrict: (label: string) => createTestDistrict(api.db, api.box, label),
    /** Runs `run` with the plugin's own data handle in the tenant, as its procedures get it. */
    asPlugin: <T>(tenantId: string, pluginId: string, run: (db: PluginDb) => Promise<T>) =>
      withTenant(api.db, tenantId, (tx) => run(pluginDb(tx, systemActor(tenantId), pluginId))),
    /** Runs `run` in the tenant as the application role (RLS on), to read what the platform stored. */
    asTenant: <T>(tenantId: string, run: (tx: TenantTx) => Promise<T>) => withTenant(api.db, tenantId, run),
    /** Where the tenant's activity roll-ups differ from a full recount of every installed plugin's measures. */
    activityRecountDifferences: (tenantId: string) =>
      withTenant(api.db, tenantId, (tx) => compareActivityRollups(tx, pluginStatistics)),
    async close() {
      await Promise.all(connections.map((connection) => connection.close()));
      await api.close();
    },
  };
}

/** A line of a request log: its level, message and fields. */
export type LogLine = { level: keyof Logger; message: string | undefined; fields: Record<string, unknown> };

/**
 * A request log to hand `staff(…, { log })`, keeping its lines; `onLine` sees each as it is logged
 * (to check the database at that moment). `pluginLines` are those a plugin's hook logged.
 */
export function requestLog(onLine?: (line: LogLine) => void) {
  const lines: LogLine[] = [];
  const at =
    (level: keyof Logger) =>
    (fields: object, message?: string): void => {
      const line = { level, message, fields: fields as LogLine['fields'] };
      lines.push(line);
      onLine?.(line);
    };
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return {
    log,
    pluginLines: () => lines.filter((line) => line.fields.plugin !== undefined),
    clear: () => {
      lines.length = 0;
    },
  };
}

/** An API error as `CODE message` (`BAD_REQUEST legal-aid.no_threshold`), anything else as its text. */
export const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

/** What a call came to: `succeeded`, or its error as `codeOf` gives it. */
export const failure = (promise: Promise<unknown>) => promise.then(() => 'succeeded', codeOf);

/** The form field a refused call names (the form marks it), if it names one. */
export const refusedField = (e: unknown) =>
  e instanceof TRPCError ? (e.cause as { field?: string } | undefined)?.field : undefined;

/** The text of a PDF given as base64, whitespace removed (Chinese text lays out with spaces between runs). */
export async function pdfText(contentBase64: string) {
  const { text } = await pdfTextOf(Buffer.from(contentBase64, 'base64'));
  return text.replaceAll(/\s/g, '');
}
