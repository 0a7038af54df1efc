import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createSecretBox, type DataKeyRing, dataKeyId, loadDataKeyRing } from '@linju/auth';
import {
  allowPeer,
  auditCheckpointDir,
  backfillAllRollups,
  CLI_PEER_CHANGE,
  checkpointAuditChains,
  createAuditCheckpointLog,
  createPlatformOperator,
  DomainError,
  disallowPeer,
  fillCaseSearchTerms,
  findTenantBySlug,
  initialisePlatform,
  onboardTenant,
  peerOverview,
  pinPeer,
  pinPeerFromUrl,
  previewPeer,
  rotateSealedValues,
  sealAuditChain,
  unpinPeer,
  useAuditKey,
  verifyAuditChain,
  verifyAuditCheckpoints,
} from '@linju/core';
import {
  type Database,
  isProduction,
  migrate as migrateDb,
  requireProductionSettings,
  SetupError,
  withTenant,
} from '@linju/db';
import { loadNodeKey, NODE_KEY_FILE, nodeKeyDir } from '@linju/federation';
import { pluginMigrations, pluginStatistics } from '@linju/plugins';
import { seedDemoDistrict } from '../seed/demo-district.ts';
import { DEMO_TENANT } from '../seed/demo-logins.ts';
import { appPassword } from '../stack/database.ts';
import { stackPublicUrl } from '../stack/node-id.ts';
import { dataDir } from '../stack/paths.ts';
import { withDb, withStackDatabase } from '../stack/with-db.ts';

/** The deployment's data key; the audit key of what the command writes or checks derives from it. */
function useDataKey(): DataKeyRing {
  const ring = loadDataKeyRing(dataDir());
  useAuditKey(ring);
  return ring;
}

/** The node's checkpoint log, signed with the node key the server and worker use (made by `init` in production). */
const checkpointLog = async () =>
  createAuditCheckpointLog(
    auditCheckpointDir(dataDir()),
    await loadNodeKey(dataDir(), { create: !isProduction() }),
  );

/**
 * The upgrade step, before anything serves: migrations, then values sealed by an older release
 * (or a retired key) re-sealed, so the conflict check never compares two index formats.
 */
export async function upgradeDatabase({ ownerUrl }: { ownerUrl: string }): Promise<void> {
  const box = createSecretBox(useDataKey());
  await migrateDb(ownerUrl, appPassword(dataDir()), { plugins: pluginMigrations });
  const { resealed } = await withDb(ownerUrl, (db) => rotateSealedValues(db, box));
  if (resealed > 0) process.stdout.write(`      Re-sealed ${resealed} values under the current data key.\n`);
  // Cases from before search by words (a no-op afterwards): their words, for the words' index.
  const filled = await withDb(ownerUrl, (db) => fillCaseSearchTerms(db));
  if (filled > 0) process.stdout.write(`      Gave ${filled} cases their search words.\n`);
}

// Cases from before the statistics roll-ups existed are counted once (a no-op afterwards).
export const backfillRollups = (appUrl: string) =>
  withDb(appUrl, (db) => backfillAllRollups(db, pluginStatistics));

/** `linju migrate`: the upgrade step on its own (production runs it before starting a new release). */
export async function migrate(): Promise<void> {
  await withStackDatabase(async (urls) => {
    await upgradeDatabase(urls);
    await backfillRollups(urls.appUrl);
  });
  process.stdout.write('Migrations applied.\n');
}

/** `linju seed`: the upgrade step, then the demo districts — never in production, whose logins they share a published password. */
export async function seed(): Promise<void> {
  if (isProduction())
    throw new SetupError(
      'Production mode (LINJU_ENV=production) never seeds the demo: its logins share a published password.',
      'Run linju migrate, then linju init to create the platform operator.',
    );
  const result = await withStackDatabase(async (urls) => {
    await upgradeDatabase(urls);
    const seeded = await withDb(urls.appUrl, seedDemoDistrict);
    await backfillRollups(urls.appUrl);
    return seeded;
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
  useDataKey();
  const result = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, (db) => onboardTenant(db, request, { operatorId: null, operatorName: 'linju CLI' })),
  );
  process.stdout.write(
    `${result.created ? 'Onboarded' : 'Already onboarded'}: ${result.tenant.slug} (${result.tenant.id})\n`,
  );
}

/**
 * `linju audit verify <tenant>`: recomputes the tenant's audit chain with its key, then checks
 * every checkpoint anchored for it still matches; exit 1 when either does not hold.
 */
export async function auditVerify(args: string[]): Promise<void> {
  const slug = args[0];
  if (!slug) throw new SetupError('audit verify needs a tenant slug.', 'linju audit verify xuhui');
  useDataKey();
  const log = await checkpointLog();
  const { sealing, chain, checkpoints } = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, async (db) => {
      const tenant = await findTenantBySlug(db, slug);
      if (!tenant) throw new DomainError('not-found', 'tenant.not_found');
      // What was written is chained first, as the worker's sealer would have moments later.
      return withTenant(db, tenant.id, async (tx) => ({
        sealing: await sealAuditChain(tx),
        chain: await verifyAuditChain(tx),
        checkpoints: await verifyAuditCheckpoints(tx, tenant.id, log),
      }));
    }),
  );
  const unkeyed = chain.unkeyed ? ` (the first ${chain.unkeyed} written before the chain was keyed)` : '';
  if (sealing.sealed > 0)
    process.stdout.write(`Sealed ${sealing.sealed} entries of ${slug} written since.\n`);
  if (chain.ok) process.stdout.write(`Audit chain of ${slug} holds: ${chain.entries} entries${unkeyed}.\n`);
  else if (chain.reason === 'forged') {
    process.stdout.write(
      `Audit log of ${slug} holds a FORGED entry (number ${chain.brokenAt} in the log, not written with the audit key); its ${chain.entries} chained entries hold.\n`,
    );
  } else {
    process.stdout.write(
      `Audit chain of ${slug} is BROKEN at entry ${chain.brokenAt} (${chain.reason}); ${chain.entries} entries before it hold.\n`,
    );
  }
  if (checkpoints.ok) process.stdout.write(`${checkpoints.checkpoints} checkpoints of ${slug} match.\n`);
  else if (checkpoints.reason === 'rewritten') {
    process.stdout.write(
      `Audit chain of ${slug} was REWRITTEN: entry ${checkpoints.seq} no longer matches checkpoint line ${checkpoints.line}.\n`,
    );
  } else {
    process.stdout.write(
      `Audit checkpoint line ${checkpoints.line} of ${slug} is NOT SIGNED by this node.\n`,
    );
  }
  if (!chain.ok || !checkpoints.ok) process.exitCode = 1;
}

/**
 * `linju audit checkpoint`: anchors every district's verified chain head in the checkpoint log
 * (outside the database, signed with the node key); exit 1 when a chain is broken.
 */
export async function auditCheckpoint(): Promise<void> {
  useDataKey();
  const log = await checkpointLog();
  const results = await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, (db) => checkpointAuditChains(db, log)),
  );
  for (const { slug, chain, checkpoint } of results) {
    if (!chain.ok) {
      process.stdout.write(
        `${slug}: chain BROKEN at entry ${chain.brokenAt} (${chain.reason}); not anchored.\n`,
      );
      process.exitCode = 1;
    } else if (checkpoint) process.stdout.write(`${slug}: anchored at entry ${checkpoint.seq}.\n`);
    else process.stdout.write(`${slug}: unchanged since its last checkpoint.\n`);
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
  const ring = useDataKey();
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
 * Written as the owner: the application role may only read operators, so a stolen app connection
 * cannot make itself one.
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
  const box = createSecretBox(useDataKey());
  const { totpSecret } = await withStackDatabase(({ ownerUrl }) =>
    withDb(ownerUrl, (db) =>
      createPlatformOperator(db, box, { username, displayName: name.join(' '), password }),
    ),
  );
  process.stdout.write(
    `Operator ${username} created. Enrol this key in an authenticator app now (shown once):\n  ${totpSecret}\n`,
  );
}

/** The first line on stdin, typed without echo at a terminal: a password never goes on the command line. */
async function passwordFromStdin(): Promise<string> {
  const terminal = process.stdin.isTTY;
  if (terminal) {
    process.stderr.write('Password of the platform operator: ');
    spawnSync('stty', ['-echo'], { stdio: 'inherit' });
  }
  try {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }))
      return line;
    return '';
  } finally {
    if (terminal) {
      spawnSync('stty', ['echo'], { stdio: 'inherit' });
      process.stderr.write('\n');
    }
  }
}

/**
 * `linju init <username> <display name> [--setup-link]`: sets up a deployment once — the upgrade
 * step, this node's signing key (production makes it nowhere else), and the first platform
 * operator: with the password read from stdin, or, with `--setup-link`, a one-time link (24 h)
 * where the operator chooses the password and enrols TOTP in the browser. Refused when the
 * deployment already has an operator.
 */
export async function init(args: string[]): Promise<void> {
  const setupLink = args.includes('--setup-link');
  const [username, ...name] = args.filter((arg) => arg !== '--setup-link');
  if (!username || name.length === 0)
    throw new SetupError(
      "init needs the operator's username and display name; the password comes on stdin (or --setup-link).",
      'printf \'%s\\n\' "$PASSWORD" | linju init ops 平台运维   or   linju init ops 平台运维 --setup-link',
    );
  if (setupLink) requireProductionSettings(['LINJU_PUBLIC_URL']);
  const password = setupLink ? undefined : await passwordFromStdin();
  if (password === '')
    throw new SetupError(
      'init read no password on stdin.',
      'printf \'%s\\n\' "$PASSWORD" | linju init ops 平台运维',
    );
  const box = createSecretBox(useDataKey());
  const nodeKey = await loadNodeKey(dataDir(), { create: true });
  const created = await withStackDatabase(async (urls) => {
    await upgradeDatabase(urls);
    await backfillRollups(urls.appUrl);
    return withDb(urls.ownerUrl, (db) =>
      initialisePlatform(db, box, { username, displayName: name.join(' '), password }),
    );
  });
  const operatorLines = created.setupLink
    ? [
        `Linju is set up. Operator ${username} chooses a password and enrols an authenticator app at this link,`,
        `valid once, until ${created.setupLink.expiresAt.toISOString()} (give it to them only; it is not shown again):`,
        `  ${stackPublicUrl()}/platform/setup/${created.setupLink.token}`,
      ]
    : [
        `Linju is set up. Operator ${username} signs in at /platform with this key in an authenticator app (shown once):`,
        `  ${created.totpSecret}`,
      ];
  process.stdout.write([...operatorLines, ...nodeKeyLines(nodeKey.kid), ''].join('\n'));
}

/** How every instance gets the key `init` made or was given: from a secret, the same everywhere. */
function nodeKeyLines(kid: string): string[] {
  if (process.env.LINJU_NODE_KEY?.trim() || process.env.LINJU_NODE_KEY_FILE?.trim())
    return [`This node signs as ${kid}, the key of LINJU_NODE_KEY(_FILE): give every instance the same.`];
  const file = join(nodeKeyDir(dataDir()), NODE_KEY_FILE);
  return [
    `This node signs as ${kid}, kept in ${file}. Back it up, and give every server and worker the same key:`,
    `  export LINJU_NODE_KEY_FILE=${file}   # a secret file each instance can read, or`,
    `  export LINJU_NODE_KEY="$(cat ${file})"`,
  ];
}

const PEER_USAGE =
  'linju peer pin --url U [--allow-private-network] [--node N --fingerprint F …] | pin --file F [--allow-private-network] | list | unpin <nodeId> | allow <nodeId> <orgId> | disallow <nodeId> <orgId>';

/** Repeated `--name value` options, in order. */
const optionValues = (args: string[], name: string) =>
  args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1] as string] : []));

/**
 * `linju peer pin --url U`: fetches the peer's `/.well-known/linju-node` the way the console does
 * and shows its keys' fingerprints; run again with each `--fingerprint` as confirmed with the
 * peer's operator, it pins — refused if the keys changed in between.
 */
async function pinByUrl(db: Database, url: string, rest: string[]): Promise<void> {
  const allowPrivateNetwork = rest.includes('--allow-private-network');
  const fingerprints = optionValues(rest, '--fingerprint');
  if (fingerprints.length === 0) {
    const preview = await previewPeer({ url, allowPrivateNetwork });
    const confirm = [
      ` --node ${preview.nodeId}`,
      ...preview.keys.map((k) => ` --fingerprint '${k.fingerprint}'`),
    ].join('');
    process.stdout.write(
      [
        `${preview.nodeId} (${preview.name}) at ${preview.baseUrl} signs with:`,
        ...preview.keys.map((k) => `  ${k.kid}\n    SHA-256 ${k.fingerprint}`),
        'Compare the fingerprints with its operator, then pin with:',
        `  linju peer pin --url ${url}${allowPrivateNetwork ? ' --allow-private-network' : ''}${confirm}`,
        '',
      ].join('\n'),
    );
    return;
  }
  const nodeId = optionValues(rest, '--node')[0];
  if (!nodeId) throw new SetupError('peer pin --fingerprint needs the --node it was shown for.', PEER_USAGE);
  const pinned = await pinPeerFromUrl(db, CLI_PEER_CHANGE, {
    url,
    allowPrivateNetwork,
    nodeId,
    fingerprints,
  });
  process.stdout.write(
    `Pinned ${pinned.nodeId} (${pinned.baseUrl}) with ${pinned.publicKeys.length} key(s). It may address nothing here until you run: linju peer allow ${pinned.nodeId} <orgId>\n`,
  );
}

/**
 * `linju peer pin --url U …` (see {@link pinByUrl}) or `--file <well-known.json>` (a document
 * fetched and checked by the operator), `--allow-private-network` letting this node call it at a
 * loopback or private address; `linju peer list`; `linju peer unpin <nodeId>`;
 * `linju peer allow|disallow <nodeId> <orgId>`: which of this node's organisations it may address.
 * The console's peers page calls the same functions; every change is audited.
 */
export async function peer(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  useDataKey();
  await withStackDatabase(({ appUrl }) =>
    withDb(appUrl, async (db) => {
      const url = optionValues(rest, '--url')[0];
      if (verb === 'pin' && url) {
        await pinByUrl(db, url, rest);
      } else if (verb === 'pin') {
        const file = rest[rest.indexOf('--file') + 1];
        if (!rest.includes('--file') || !file)
          throw new SetupError(
            'peer pin needs --url <base URL> or --file <well-known.json>.',
            'linju peer pin --url https://city.example.gov.cn',
          );
        const allowPrivateNetwork = rest.includes('--allow-private-network');
        const pinned = await pinPeer(db, JSON.parse(readFileSync(file, 'utf8')), {
          allowPrivateNetwork,
          by: CLI_PEER_CHANGE,
        });
        process.stdout.write(
          `Pinned ${pinned.nodeId} (${pinned.baseUrl}) with ${pinned.publicKeys.length} key(s)${allowPrivateNetwork ? ', private network allowed' : ''}. It may address nothing here until you run: linju peer allow ${pinned.nodeId} <orgId>\n`,
        );
      } else if (verb === 'list') {
        for (const p of await peerOverview(db)) {
          process.stdout.write(
            `${p.nodeId}\t${p.baseUrl}\t${p.keys.map((k) => `${k.kid} (${k.fingerprint})`).join(',')}\t${p.allowPrivateNetwork ? 'private-network' : 'public-only'}\tallowed: ${p.allowed.join(',') || '-'}\n`,
          );
        }
      } else if (verb === 'unpin' && rest[0]) {
        await unpinPeer(db, rest[0], CLI_PEER_CHANGE);
        process.stdout.write(`Unpinned ${rest[0]}.\n`);
      } else if ((verb === 'allow' || verb === 'disallow') && rest[0] && rest[1]) {
        const [nodeId, orgId] = rest as [string, string];
        if (verb === 'allow') await allowPeer(db, nodeId, orgId, CLI_PEER_CHANGE);
        else await disallowPeer(db, nodeId, orgId, CLI_PEER_CHANGE);
        process.stdout.write(
          verb === 'allow'
            ? `${nodeId} may address ${orgId}.\n`
            : `${nodeId} may no longer address ${orgId}.\n`,
        );
      } else {
        throw new SetupError(`Unknown peer command "${verb ?? ''}".`, PEER_USAGE);
      }
    }),
  );
}
