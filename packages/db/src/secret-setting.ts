import { readFileSync } from 'node:fs';

type Env = Record<string, string | undefined>;

/** The variable pair of a secret setting, as production mode names it: either one is enough. */
export const secretSettingNames = (name: string) => [name, `${name}_FILE`] as const;

/**
 * A secret setting inline in `name`, or in the file `<name>_FILE` (as Kubernetes secrets and systemd
 * credentials are mounted), trimmed; undefined when neither is set. Both set is refused — which one
 * wins would be a guess an operator cannot see — and an unreadable file is named by its variable.
 * The one reader every process uses, so each secret takes a file the same way.
 */
export function secretSetting(env: Env, name: string): string | undefined {
  const inline = env[name]?.trim() || undefined;
  const file = env[`${name}_FILE`]?.trim() || undefined;
  if (inline && file) throw new Error(`Set ${name} or ${name}_FILE, not both.`);
  if (!file) return inline;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    throw new Error(
      `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}
