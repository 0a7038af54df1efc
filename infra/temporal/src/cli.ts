import { ensureGoTool, executableFromEnv, GoToolSetupError, goToolDir, onPath } from './go-tool.ts';

/** Later tags carry a `replace` directive that `go install` refuses (STACK-NOTES.md). */
export const TEMPORAL_CLI_VERSION = '1.5.1';

export { GoToolSetupError as TemporalSetupError };

export const temporalCacheDir = () => goToolDir({ binary: 'temporal', version: TEMPORAL_CLI_VERSION });

/**
 * Finds the Temporal CLI, in this order: `TEMPORAL_CLI`, `temporal` on PATH, the cached build,
 * else builds it from the Go module proxy into the cache (minutes, once per machine).
 */
export function ensureTemporalCli(progress: (message: string) => void = () => {}): string {
  return (
    executableFromEnv('TEMPORAL_CLI') ??
    onPath('temporal') ??
    ensureGoTool(
      {
        pkg: 'github.com/temporalio/cli/cmd/temporal',
        version: TEMPORAL_CLI_VERSION,
        binary: 'temporal',
        takes: '4 minutes',
        otherwise: `put a temporal ${TEMPORAL_CLI_VERSION} binary on PATH or in TEMPORAL_CLI`,
      },
      progress,
    )
  );
}
