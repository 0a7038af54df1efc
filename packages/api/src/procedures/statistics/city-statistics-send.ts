import { randomUUID } from 'node:crypto';
import { DomainError, listCitySends, queueCitySend, ZCitySendRequest } from '@linju/core';
import {
  type CityStatisticsRunInput,
  citySendWorkflowId,
  type cityStatisticsWorkflow,
  REFERRAL_TASK_QUEUE,
} from '@linju/workflows';
import { permittedProcedure } from '../../trpc.ts';

/**
 * “Send now”: queues a finished month as its next revision and starts its delivery workflow
 * inside the request's transaction (a failed start rolls the sending back; the delivery retries
 * until the sending has committed). Delivery needs the worker, which holds the node key.
 */
export const create = permittedProcedure('statistics.city.manage')
  .input(ZCitySendRequest)
  .mutation(async ({ ctx, input }) => {
    const temporal = ctx.temporal;
    if (!temporal) throw new DomainError('bad-request', 'statistics.city_workflows_unavailable');
    const send = await queueCitySend(ctx.tx, ctx.actor, {
      month: input.month,
      trigger: 'manual',
      requestKey: `request:${randomUUID()}`,
    });
    const args: [CityStatisticsRunInput] = [{ tenantId: ctx.tenantId, sendId: send.id }];
    await temporal.client.workflow.start<typeof cityStatisticsWorkflow>('cityStatisticsWorkflow', {
      taskQueue: temporal.taskQueue ?? REFERRAL_TASK_QUEUE,
      workflowId: citySendWorkflowId(ctx.tenantId, send.id),
      args,
    });
    return { id: send.id, month: send.month.slice(0, 7), revision: send.revision, status: send.status };
  });

/** The record of every sending: month, revision, when, status, the city's receipt or error. */
export const getMany = permittedProcedure('statistics.read').query(({ ctx }) =>
  listCitySends(ctx.tx, ctx.actor),
);
