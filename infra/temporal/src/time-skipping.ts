import {
  TestWorkflowEnvironment,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';
import { ensureTemporalTestServer } from './test-server.ts';

// Its own entry (`@linju/infra-temporal/testing`): only tests load the SDK's testing package.
export type { TestWorkflowEnvironment };

/**
 * A time-skipping test environment on the cached test server (never a download): its clock stands
 * still until the test moves it (`env.sleep`) or awaits a workflow's result, then jumps to the next
 * timer, so deadlines days away pass in milliseconds.
 */
export function startTimeSkippingEnvironment(
  client?: TimeSkippingTestWorkflowEnvironmentOptions['client'],
): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: ensureTemporalTestServer() } },
    ...(client ? { client } : {}),
  });
}
