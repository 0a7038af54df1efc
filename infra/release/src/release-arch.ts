export const RELEASE_ARCHES = ['x64', 'arm64'] as const;
export type ReleaseArch = (typeof RELEASE_ARCHES)[number];

/** The architecture of this machine as a release names it, or null when no release is built for it. */
export const hostArch = (): ReleaseArch | null =>
  (RELEASE_ARCHES as readonly string[]).includes(process.arch) ? (process.arch as ReleaseArch) : null;
