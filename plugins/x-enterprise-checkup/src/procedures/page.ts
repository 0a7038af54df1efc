import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { reportFileName } from '../report-document.ts';
import { riskReport } from '../risk-report.ts';
import { checkupAnswers } from './checkup-answers.ts';

/**
 * Everything the check-up page shows, in one call: the enterprise, its risk report (the level and
 * the findings, most serious first) and the report last issued, to download.
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'x-enterprise-checkup.case.view',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx) {
    const answers = checkupAnswers(ctx.case);
    const issued = (await ctx.case.documents()).filter((d) => d.fileName === reportFileName(ctx.case.number));
    const latest = issued.at(-1);
    return {
      case: { id: ctx.case.id, number: ctx.case.number },
      enterprise: { name: answers.enterpriseName, employees: answers.employees },
      report: riskReport(answers),
      issued: latest ? { documentId: latest.id, on: await ctx.calendar.dateOf(latest.uploadedAt) } : null,
    };
  },
});
