import { parseArgs } from 'node:util';
import { formatReport, loadKitIdentity, reportJson, runConformance } from '@linju/conformance';

const USAGE = `linju conformance <base-url> [--key DIR] [--org ORG] [--node-id ID] [--public-url URL] [--json]
linju conformance well-known [--key DIR] [--node-id ID] [--public-url URL]`;

/** Where the kit keeps its key unless told: pinned once by the node under test, so kept. */
const DEFAULT_KEY_DIR = '.conformance';
const DEFAULT_PUBLIC_URL = 'http://localhost:4999';

/**
 * `linju conformance`: the referral exchange's conformance kit (packages/conformance). `well-known`
 * prints the kit's document for the node under test to pin; `<base-url>` runs every check against
 * that node and prints the table; the exit code is 0 only if every check passed.
 */
export async function conformance(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: 'string', default: DEFAULT_KEY_DIR },
      org: { type: 'string' },
      'node-id': { type: 'string' },
      'public-url': { type: 'string', default: DEFAULT_PUBLIC_URL },
      json: { type: 'boolean', default: false },
    },
  });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new Error(`Usage:\n${USAGE}`);
  const kit = await loadKitIdentity({
    keyDir: values.key,
    publicUrl: values['public-url'],
    ...(values['node-id'] === undefined ? {} : { nodeId: values['node-id'] }),
  });
  if (target === 'well-known') {
    process.stdout.write(`${JSON.stringify(kit.wellKnown, null, 2)}\n`);
    return;
  }
  if (!URL.canParse(target)) throw new Error(`"${target}" is not a URL.\nUsage:\n${USAGE}`);
  const results = await runConformance({
    baseUrl: target,
    kit,
    ...(values.org === undefined ? {} : { orgId: values.org }),
  });
  process.stdout.write(values.json ? reportJson(results) : formatReport(results));
  if (!results.every((r) => r.pass)) process.exitCode = 1;
}
