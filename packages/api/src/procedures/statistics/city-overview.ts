import {
  exportCityOverviewXlsx,
  getCityOverview,
  ZCityOverviewRequest,
  ZExportCityOverviewRequest,
} from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 市局首页: the districts side by side for a period, the city's totals and who has not reported. */
export const getOverview = permittedProcedure('statistics.read')
  .input(ZCityOverviewRequest)
  .query(({ ctx, input }) => getCityOverview(ctx.tx, ctx.actor, input));

/** The same table as XLSX (base64), headings in the person's language (Chinese by default). */
export const exportOverviewXlsx = permittedProcedure('statistics.read')
  .input(ZExportCityOverviewRequest)
  .query(({ ctx, input }) => exportCityOverviewXlsx(ctx.tx, ctx.actor, input));
