import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { messages, recordText } from '../messages.ts';
import { reportDocument, reportFileName } from '../report-document.ts';
import { riskReport } from '../risk-report.ts';
import { checkupAnswers } from './checkup-answers.ts';

/**
 * Issues the check-up report: the PDF (in Chinese, laid out as an official document, issued by
 * the unit holding the case) is filed with the case's documents, to print and hand over, and the
 * timeline says so with the level. Issuing again files a new one; the page links the latest.
 */
export const issueReport = caseProcedure({
  kind: 'mutation',
  permission: 'x-enterprise-checkup.case.handle',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx, input) {
    const answers = checkupAnswers(ctx.case);
    const report = riskReport(answers);
    const unit = await ctx.organisations.get(ctx.case.organisationId);
    const { documentId } = await ctx.attachDocument({
      caseId: input.caseId,
      fileName: reportFileName(ctx.case.number),
      content: reportDocument({
        caseNumber: ctx.case.number,
        answers,
        report,
        issuer: unit.name['zh-CN'],
        date: await ctx.calendar.today(),
      }),
    });
    await ctx.recordOnTimeline({
      text: recordText('x-enterprise-checkup.timeline.report_issued', {
        level: messages['zh-CN'][`x-enterprise-checkup.level.${report.level}`],
      }),
      action: 'x-enterprise-checkup.report.issued',
      data: { documentId, level: report.level },
    });
    return { documentId, level: report.level };
  },
});
