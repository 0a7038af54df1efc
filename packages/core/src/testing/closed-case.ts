import type { SecretBox } from '@linju/auth';
import type { TenantTx } from '@linju/db';
import type { Actor } from '../actor.ts';
import { assignCase, changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { recordResidentFeedback } from '../cases/resident-feedback.ts';
import { TEST_SERVICE } from './test-service.ts';

/**
 * A case of the test service taken in at `organisationId`, assigned to `assigneeId` (when given) and walked
 * through the state machine to closed, as staff would: in progress, resolved, the resident told.
 */
export async function closedCase(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  options: { organisationId: string; assigneeId?: string | null; description?: string },
) {
  const c = await intakeCase(tx, actor, box, {
    channel: 'walk-in',
    resident: { name: '居民', phone: '13700000009' },
    serviceType: TEST_SERVICE,
    description: options.description ?? '邻里纠纷',
    organisationId: options.organisationId,
  });
  if (options.assigneeId) await assignCase(tx, actor, { caseId: c.id, assigneeId: options.assigneeId });
  await changeCaseStatus(tx, actor, { caseId: c.id, status: 'in-progress' });
  await changeCaseStatus(tx, actor, { caseId: c.id, status: 'resolved' });
  await recordResidentFeedback(tx, actor, { caseId: c.id, summary: '电话告知结果' });
  return changeCaseStatus(tx, actor, { caseId: c.id, status: 'closed' });
}
