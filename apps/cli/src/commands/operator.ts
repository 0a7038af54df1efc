import { readFileSync } from 'node:fs';
import { pluginMigrations } from '@linju/api';
import { createSecretBox, dataKeyId, loadDataKeyRing } from '@linju/auth';
import {
  backfillAllRollups,
  createPlatformOperator,
  DomainError,
  findTenantBySlug,
  listPeers,
  onboardTenant,
  pinPeer,
  rotateSealedValues,
  unpinPeer,
  verifyAuditChain,
} from '@linju/core';
import { migrate as migrateDb, SetupError, withTenant } from '@linju/db';
import { seedDemoDistrict } from '../seed/demo-district.ts';
import { DEMO_TENANT } from '../seed/demo-logins.ts';
import { appPassword } from '../stack/database.ts';
import { dataDir } from '../stack/paths.ts';
import { withDb, withStackDatabase } from '../stack/with-db.ts';

export async function migrate(): Promise<void> {
  await withStackDatabase(({ ownerUrl }) =>
    migrateDb(ownerUrl, appPassword(dataDir()), { plugins: pluginMigrations }),
  );
  process.stdout.write('Migrations applied.\n');
}

export async function seed(): Promise<void> {
  const result = await withStackDatabase(async ({ ownerUrl, appUrl }) => {
    await migrateDb(ownerUrl, appPassword(dataDir()), { plugins: pluginMigrations });
    // `npm start` runs this each time: values sealed by an older release (or a retired key) are
    // re-sealed before anything serves, so the conflict check never compares two index formats.
    const { resealed } = await withDb(ownerUrl, (db) =>
      rotateSealedValues(db, createSecretBox(loadDataKeyRing(dataDir()))),
    );
    if (resealed > 0)
      process.stdout.write(`      Re-sealed ${resealed} values under the current data key.\n`);
    return withDb(appUrl, async (db) => {
      const seeded = await seedDemoDistrict(db);
      // Cases from before the statistics roll-ups existed are counted once (a no-op afterwards).
      await backfillAllRollups(db);
      return seeded;
    });
  });
  process.stdout.write(
    result.created
      ? `      Created the demo district "${DEMO_TENANT}".\n`
      : '      The demo district is already there.\n',
  );
}

/** `linju tenant create --file tenant.json`: onboards a district from a JSON request (see ZOnboardTenantRequest). */
export async function tenantCreate(args: string[]): Promise<void> {
  const file = args[args.indexOf('--file') + 1];
  if (!args.includes('--file') || !file)
    throw new SetupError(
      'tenant create needs --file <request.json>.',
      'See docs/operations.md for the fields.',
    );
  const request = JSON.parse(readFileSync(file, 'utf8'));
  const result = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, (db) => onboardTenant(db, request, { operatorId: null, operatorName: 'linju CLI' })),
  );
  process.stdout.write(
    `${result.created ? 'Onboarded' : 'Already onboarded'}: ${result.tenant.slug} (${result.tenant.id})\n`,
  );
}

/** `linju audit verify <tenant>`: recomputes the tenant's audit hash chain; exit 1 when broken. */
export async function auditVerify(args: string[]): Promise<void> {
  const slug = args[0];
  if (!slug) throw new SetupError('audit verify needs a tenant slug.', 'linju audit verify xuhui');
  const report = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, async (db) => {
      const tenant = await findTenantBySlug(db, slug);
      if (!tenant) throw new DomainError('not-found', 'tenant.not_found');
      return withTenant(db, tenant.id, verifyAuditChain);
    }),
  );
  if (report.ok) process.stdout.write(`Audit chain of ${slug} holds: ${report.entries} entries.\n`);
  else {
    process.stdout.write(
      `Audit chain of ${slug} is BROKEN at entry ${report.brokenAt} (${report.reason}); ${report.entries} entries before it hold.\n`,
    );
    process.exitCode = 1;
  }
}

/**
 * `linju keys rotate [--tenant <slug>]`: re-seals every sealed value under the current data key
 * (per tenant, bound to its column) and recomputes the blind indexes, in batches of one
 * transaction each; safe beside a running stack and to run again after an interruption. Prints
 * each batch as it commits. `--tenant` does one district (and not the platform's rows).
 */
export async function keysRotate(args: string[]): Promise<void> {
  const slug = args.includes('--tenant') ? args[args.indexOf('--tenant') + 1] : undefined;
  if (args.includes('--tenant') && !slug)
    throw new SetupError('keys rotate --tenant needs a tenant slug.', 'linju keys rotate --tenant xuhui');
  const ring = loadDataKeyRing(dataDir());
  const box = createSecretBox(ring);
  const { resealed } = await withStackDatabase(({ ownerUrl }) =>
    withDb(ownerUrl, async (db) => {
      const tenant = slug === undefined ? undefined : await findTenantBySlug(db, slug);
      if (slug !== undefined && !tenant) throw new DomainError('not-found', 'tenant.not_found');
      return rotateSealedValues(db, box, {
        ...(tenant ? { tenantIds: [tenant.id] } : {}),
        onBatch: (b) =>
          process.stdout.write(`  ${b.tenant}: ${b.table}.${b.column} ${b.resealed} re-sealed\n`),
      });
    }),
  );
  process.stdout.write(
    `Re-sealed ${resealed} values under key ${dataKeyId(ring.current)}.${slug ? '' : ' Nothing stored needs a retired key any more: they may be removed.'}\n`,
  );
}

/**
 * `linju operator create <username> <display name>`: a platform operator, password from
 * LINJU_OPERATOR_PASSWORD (never on the command line, where `ps` shows it). Prints the TOTP key once.
 */
export async function operatorCreate(args: string[]): Promise<void> {
  const [username, ...name] = args;
  const password = process.env.LINJU_OPERATOR_PASSWORD;
  if (!username || name.length === 0 || !password) {
    throw new SetupError(
      'operator create needs a username, a display name and LINJU_OPERATOR_PASSWORD.',
      'LINJU_OPERATOR_PASSWORD=… npm run linju -- operator create ops 平台运维',
    );
  }
  const box = createSecretBox(loadDataKeyRing(dataDir()));
  const { totpSecret } = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, (db) =>
      createPlatformOperator(db, box, { username, displayName: name.join(' '), password }),
    ),
  );
  process.stdout.write(
    `Operator ${username} created. Enrol this key in an authenticator app now (shown once):\n  ${totpSecret}\n`,
  );
}

/**
 * `linju peer pin --file <well-known.json>` pins a peer node from its `/.well-known/linju-node`
 * document (fetched and checked by the operator); `linju peer list`; `linju peer unpin <nodeId>`.
 */
export async function peer(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, async (db) => {
      if (verb === 'pin') {
        const file = rest[rest.indexOf('--file') + 1];
        if (!rest.includes('--file') || !file)
          throw new SetupError(
            'peer pin needs --file <well-known.json>.',
            "Save the peer's /.well-known/linju-node first.",
          );
        const pinned = await pinPeer(db, JSON.parse(readFileSync(file, 'utf8')));
        process.stdout.write(
          `Pinned ${pinned.nodeId} (${pinned.baseUrl}) with ${pinned.publicKeys.length} key(s).\n`,
        );
      } else if (verb === 'list') {
        for (const p of await listPeers(db)) {
          process.stdout.write(`${p.nodeId}\t${p.baseUrl}\t${p.publicKeys.map((k) => k.kid).join(',')}\n`);
        }
      } else if (verb === 'unpin' && rest[0]) {
        await unpinPeer(db, rest[0]);
        process.stdout.write(`Unpinned ${rest[0]}.\n`);
      } else {
        throw new SetupError(
          `Unknown peer command "${verb ?? ''}".`,
          'linju peer pin --file F | peer list | peer unpin <nodeId>',
        );
      }
    }),
  );
}
