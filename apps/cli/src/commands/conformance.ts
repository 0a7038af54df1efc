import { parseArgs } from 'node:util';
import {
  formatReport,
  loadKitIdentity,
  REFERRALS_TO_RECEIVE,
  reportJson,
  runConformance,
} from '@linju/conformance';

const USAGE = `linju conformance <base-url> [--key DIR] [--org ORG] [--listen HOST:PORT] [--wait SECONDS]
                  [--node-id ID] [--public-url URL] [--json]
linju conformance well-known [--key DIR] [--node-id ID] [--public-url URL]`;

/** Where the kit keeps its key unless told: pinned once by the node under test, so kept. */
const DEFAULT_KEY_DIR = '.conformance';
const DEFAULT_LISTEN = 'localhost:4999';

/** `HOST:PORT` of `--listen`. */
function listenAddress(text: string) {
  const match = /^(.+):(\d{1,5})$/.exec(text);
  if (!match) throw new Error(`--listen "${text}" is not HOST:PORT.\nUsage:\n${USAGE}`);
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

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
      'public-url': { type: 'string' },
      listen: { type: 'string' },
      wait: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new Error(`Usage:\n${USAGE}`);
  const listen = values.listen === undefined ? undefined : listenAddress(values.listen);
  const kit = await loadKitIdentity({
    keyDir: values.key,
    // The kit's document names where it listens: the node under test sends there.
    publicUrl: values['public-url'] ?? `http://${values.listen ?? DEFAULT_LISTEN}`,
    ...(values['node-id'] === undefined ? {} : { nodeId: values['node-id'] }),
  });
  if (target === 'well-known') {
    process.stdout.write(`${JSON.stringify(kit.wellKnown, null, 2)}\n`);
    return;
  }
  if (!URL.canParse(target)) throw new Error(`"${target}" is not a URL.\nUsage:\n${USAGE}`);
  const waitSeconds = Number(values.wait);
  if (!Number.isInteger(waitSeconds) || waitSeconds <= 0)
    throw new Error(`--wait "${values.wait}" is not a number of seconds.`);
  const results = await runConformance({
    baseUrl: target,
    kit,
    ...(values.org === undefined ? {} : { orgId: values.org }),
    ...(listen === undefined ? {} : { listen }),
    waitMs: waitSeconds * 1000,
    onWaiting: () => {
      process.stderr.write(
        `Waiting up to ${waitSeconds} s: send ${REFERRALS_TO_RECEIVE} referrals from the node under test to ${kit.address}, one of them with an attachment.\n`,
      );
    },
  });
  process.stdout.write(values.json ? reportJson(results) : formatReport(results));
  if (!results.every((r) => r.pass)) process.exitCode = 1;
}
