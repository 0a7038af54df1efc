import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conformance } from './conformance.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'conformance-cli-'));
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

describe('linju conformance', () => {
  it('names what is wrong with its arguments, with the usage', async () => {
    await expect(conformance([])).rejects.toThrow(/Usage:\n.*linju conformance <base-url>/);
    await expect(conformance(['not a url', '--key', keyDir])).rejects.toThrow(/"not a url" is not a URL/);
    await expect(conformance(['http://127.0.0.1:1', '--key', keyDir, '--listen', 'nowhere'])).rejects.toThrow(
      /--listen "nowhere" is not HOST:PORT/,
    );
    await expect(conformance(['http://127.0.0.1:1', '--key', keyDir, '--wait', 'soon'])).rejects.toThrow(
      /--wait "soon" is not a number of seconds/,
    );
  });
});
