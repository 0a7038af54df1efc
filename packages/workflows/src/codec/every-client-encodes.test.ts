import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const folders = ['apps', 'packages', 'plugins', 'scripts', 'test', 'infra'];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'build', '.react-router'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

/** The text up to the call's closing parenthesis. */
function argumentsOf(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

/**
 * A Temporal client, worker or replayer without the codec would write personal text to Temporal in
 * clear (or fail to read what the others wrote): each one in the code takes a `dataConverter`. The
 * one exception reads histories as an outsider would, and says so with `raw:` on the line before.
 */
it('gives every Temporal client, worker and replayer the payload codec', () => {
  const missing: string[] = [];
  for (const folder of folders) {
    for (const file of sources(join(root, folder))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new Client\(|Worker\.create\(|runReplayHistor(y|ies)\(/g)) {
        const lines = text.slice(0, match.index).split('\n');
        const [before, line] = [lines.at(-2) ?? '', lines.at(-1) ?? ''];
        if (/^\s*(\*|\/\/)/.test(line) || before.includes('raw:')) continue;
        if (argumentsOf(text, match.index + match[0].length).includes('dataConverter')) continue;
        missing.push(`${relative(root, file)}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
  }
  expect(missing).toEqual([]);
});
