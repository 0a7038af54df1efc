import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { executable, executableFromEnv, GoToolSetupError, goToolDir, onPath } from './go-tool.ts';

/**
 * Temporal's time-skipping test server is the Java SDK's `io.temporal.testserver.TestServer`. The
 * TypeScript SDK would download a native build of it at run time, which this machine cannot;
 * Maven Central serves the same server as a jar, so Maven fetches it, pinned, with its dependencies.
 */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export const temporalTestServerDir = () =>
  goToolDir({ binary: 'temporal-test-server', version: TEMPORAL_TEST_SERVER_VERSION });

const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>linju</groupId>
  <artifactId>temporal-test-server</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
    <!-- Its logging goes nowhere, without SLF4J's warning that no logger is bound. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
`;

// The SDK starts it as `<executable> <port>` (time skipping locked until a client unlocks it). The
// jars are found from the launcher's own path, so the folder can be built elsewhere and moved; a
// small heap and the serial collector keep it light on a 2-core machine.
const launcher = `#!/bin/sh
exec java -Xmx512m -XX:+UseSerialGC -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"
`;

/**
 * The time-skipping test server's launcher, in this order: `TEMPORAL_TEST_SERVER`, the cached one
 * in `~/.cache/linju/temporal-test-server-<version>/`, else fetches the jars from Maven Central
 * into the cache (seconds, once per machine). Needs `java` (17+) and `mvn` on PATH.
 */
export function ensureTemporalTestServer(progress: (message: string) => void = () => {}): string {
  const fromEnv = executableFromEnv('TEMPORAL_TEST_SERVER');
  if (fromEnv) return fromEnv;
  const cacheDir = temporalTestServerDir();
  const cached = join(cacheDir, 'temporal-test-server');
  if (executable(cached)) return cached;
  const mvn = onPath('mvn');
  if (!mvn || !onPath('java')) {
    throw new GoToolSetupError(
      `No Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} was found, and Java or Maven is not installed to fetch one.`,
      'Install them (apt-get install default-jdk-headless maven), or put a launcher of io.temporal.testserver.TestServer in TEMPORAL_TEST_SERVER.',
    );
  }
  progress(
    `Fetching the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} from Maven Central into ${cacheDir} — first run only`,
  );
  // Built beside the cache and renamed into place, so two runs at once never see half of it.
  const staging = `${cacheDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'pom.xml'), pom);
  const fetch = spawnSync(
    mvn,
    [
      '-B',
      '-q',
      '-f',
      join(staging, 'pom.xml'),
      `${DEPENDENCY_PLUGIN}:copy-dependencies`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${join(staging, 'lib')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (fetch.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const lastLine =
      `${fetch.stdout ?? ''}${fetch.stderr ?? ''}`.trim().split('\n').at(-1) ?? `exit ${fetch.status}`;
    throw new GoToolSetupError(
      `Fetching the Temporal test server failed: ${lastLine}`,
      'Check that Maven Central is reachable and retry; or set TEMPORAL_TEST_SERVER.',
    );
  }
  writeFileSync(join(staging, 'temporal-test-server'), launcher);
  chmodSync(join(staging, 'temporal-test-server'), 0o755);
  try {
    renameSync(staging, cacheDir);
  } catch (error) {
    // Another run got there first: its copy is the same.
    rmSync(staging, { recursive: true, force: true });
    if (!executable(cached)) throw error;
  }
  return cached;
}
