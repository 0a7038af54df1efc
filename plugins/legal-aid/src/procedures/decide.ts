import { caseProcedure } from '@linju/plugin-sdk';
import { decisionLetter, decisionLetterFileName } from '../decision-letter.ts';
import { decide as decideApplication, ZDecideRequest } from '../legal-aid-records.ts';
import { legalAidCase } from './legal-aid-case.ts';

/**
 * Grants or refuses legal aid; granting needs a passed check (scope, exemption or threshold). The
 * decision letter the law requires in writing is filed on the case as a PDF, to print and hand over.
 */
export const decide = caseProcedure({
  kind: 'mutation',
  permission: 'legal-aid.application.decide',
  input: ZDecideRequest,
  run: async (ctx, input) => {
    const application = await legalAidCase(ctx);
    const decision = await decideApplication(ctx.db, application, input, ctx.actor.name);
    const organisation = await ctx.organisations.get(ctx.case.organisationId);
    const { documentId } = await ctx.attachDocument({
      caseId: ctx.case.id,
      // A Chinese legal document (法律援助法 第四十三条), whatever the screen's language.
      fileName: decisionLetterFileName(decision.granted, ctx.case.number),
      content: decisionLetter({
        caseNumber: ctx.case.number,
        intake: application.intake,
        receivedOn: application.receivedOn,
        decision,
        organisationName: organisation.name['zh-CN'],
      }),
    });
    await ctx.recordOnTimeline({
      text: decision.granted ? '决定给予法律援助' : `决定不予法律援助：${decision.reason ?? ''}`,
      action: 'legal-aid.decision.made',
      data: {
        event: 'decision',
        granted: decision.granted,
        route: decision.route,
        late: decision.late,
        documentId,
      },
    });
    // The applicant hears the result by SMS (the letter itself is handed over or fetched).
    await ctx.messageResident({
      template: 'legal-aid-result',
      params: { number: ctx.case.number, result: decision.granted ? '给予法律援助' : '不予法律援助' },
    });
    return decision;
  },
});
