import {
  computeSubsidyLedger,
  exportSubsidyLedgerXlsx,
  getSubsidyLedger,
  pluginSubsidySources,
} from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

const ZMonthInput = z.object({ month: z.string() });

export const getLedger = permittedProcedure('subsidy.manage')
  .input(ZMonthInput)
  .query(({ ctx, input }) => getSubsidyLedger(ctx.tx, ctx.actor, input));

/**
 * Adds the month's new entries; running it again adds nothing twice. Subsidies a plugin records
 * itself come in from the source its manifest declares, through its data handle (its tables are its own).
 */
export const compute = permittedProcedure('subsidy.manage')
  .input(ZMonthInput)
  .mutation(({ ctx, input }) =>
    computeSubsidyLedger(
      ctx.tx,
      ctx.actor,
      input,
      pluginSubsidySources(ctx.tx, ctx.actor, pluginRegistry.plugins),
    ),
  );

/** The month's ledger as XLSX (base64) for payment; audited. */
export const exportLedger = permittedProcedure('subsidy.manage')
  .input(z.object({ month: z.string(), locale: z.enum(['zh-CN', 'en']).default('zh-CN') }))
  .mutation(({ ctx, input }) => exportSubsidyLedgerXlsx(ctx.tx, ctx.actor, input));
