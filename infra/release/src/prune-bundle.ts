import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CJK_FONT_FILES } from '@linju/documents';
import type { ReleaseArch } from './release-arch.ts';

/** The Rust target whose prebuilt addon `@temporalio/core-bridge` loads on each architecture. */
const CORE_BRIDGE_TARGET: Record<ReleaseArch, string> = {
  x64: 'x86_64-unknown-linux-gnu',
  arm64: 'aarch64-unknown-linux-gnu',
};

/** The one folder of the pnpm store under `node_modules/.pnpm` holding `name`, if installed. */
function storeFolder(app: string, name: string): string | null {
  const store = join(app, 'node_modules', '.pnpm');
  const prefix = `${name.replace('/', '+')}@`;
  const folder = readdirSync(store).find((entry) => entry.startsWith(prefix));
  return folder ? join(store, folder, 'node_modules', name) : null;
}

/**
 * Removes what a production install carries but never runs, and what the other architecture needs:
 * `@temporalio/core-bridge` ships its addon for five platforms and its Rust sources (140 MB), the
 * font packages every weight of Noto Sans SC and Noto Serif SC (about 90 MB each) where the
 * documents use two of each.
 */
export function pruneBundle(app: string, arch: ReleaseArch) {
  const bridge = storeFolder(app, '@temporalio/core-bridge');
  if (!bridge) throw new Error('@temporalio/core-bridge is missing from the production install.');
  for (const entry of readdirSync(join(bridge, 'releases'))) {
    if (entry !== CORE_BRIDGE_TARGET[arch]) rmSync(join(bridge, 'releases', entry), { recursive: true });
  }
  if (!existsSync(join(bridge, 'releases', CORE_BRIDGE_TARGET[arch]))) {
    throw new Error(`@temporalio/core-bridge ships no addon for ${CORE_BRIDGE_TARGET[arch]}.`);
  }
  for (const sources of ['sdk-core', 'src', 'bridge-macros', 'Cargo.toml', 'Cargo.lock']) {
    rmSync(join(bridge, sources), { recursive: true, force: true });
  }

  // Each file is `<scope>/<package>/<weight>/<file>.ttf`: keep those weight folders of each package.
  const kept = new Map<string, Set<string>>();
  for (const file of Object.values(CJK_FONT_FILES)) {
    const [scope, name, weight = ''] = file.split('/');
    const fontPackage = `${scope}/${name}`;
    kept.set(fontPackage, (kept.get(fontPackage) ?? new Set()).add(weight));
  }
  for (const [fontPackage, weights] of kept) {
    const fonts = storeFolder(app, fontPackage);
    if (!fonts) throw new Error(`${fontPackage} is missing from the production install.`);
    for (const weight of readdirSync(fonts, { withFileTypes: true })) {
      if (weight.isDirectory() && !weights.has(weight.name))
        rmSync(join(fonts, weight.name), { recursive: true });
    }
  }
}
