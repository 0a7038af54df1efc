import { asc, eq, schema, type TenantTx } from '@linju/db';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { loadRound, ZRoundIdRequest } from './questionnaire-rounds.ts';

export type QuestionSummary = {
  id: string;
  kind: schema.QuestionKind;
  text: string;
  required: boolean;
  /** How many responses answered this question. */
  answered: number;
  /** Choice questions: each option with how many chose it. */
  options: { label: string; count: number }[];
  /** Scale questions: the mean (two decimals; null with no answers) and the count of each point 1–5. */
  mean: number | null;
  points: number[];
  /** Free-text questions: every answer, in submission order. */
  texts: string[];
};

/** The figures of each question over a round's responses. Pure. */
export function summariseAnswers(
  questions: readonly schema.Question[],
  responses: readonly (readonly schema.Answer[])[],
): QuestionSummary[] {
  return questions.map((q) => {
    const answers = responses.flatMap((r) => r.filter((a) => a.questionId === q.id));
    const options = (q.options ?? []).map((label, i) => ({
      label,
      count: answers.filter((a) => a.options?.includes(i)).length,
    }));
    const scales = answers.map((a) => a.scale).filter((s): s is number => typeof s === 'number');
    const mean =
      q.kind === 'scale' && scales.length > 0
        ? Math.round((scales.reduce((s, x) => s + x, 0) / scales.length) * 100) / 100
        : null;
    return {
      id: q.id,
      kind: q.kind,
      text: q.text,
      required: q.required,
      answered: answers.length,
      options,
      mean,
      points: q.kind === 'scale' ? [1, 2, 3, 4, 5].map((p) => scales.filter((s) => s === p).length) : [],
      texts: q.kind === 'text' ? answers.map((a) => a.text ?? '') : [],
    };
  });
}

async function roundWithResponses(tx: TenantTx, actor: Actor, roundId: string) {
  const { round, questionnaire, path } = await loadRound(tx, roundId);
  requirePermission(actor, 'questionnaire.read', path);
  const responses = await tx
    .select({
      via: schema.questionnaireResponse.via,
      answers: schema.questionnaireResponse.answers,
      submittedAt: schema.questionnaireResponse.submittedAt,
    })
    .from(schema.questionnaireResponse)
    .where(eq(schema.questionnaireResponse.roundId, round.id))
    .orderBy(asc(schema.questionnaireResponse.submittedAt), asc(schema.questionnaireResponse.id));
  return { round, questionnaire, responses };
}

/**
 * A round's summary: responses (by code and by link), the response rate of the invited (answers
 * by code over codes sent; none for a link-only round), and each question's figures.
 */
export async function getRoundSummary(tx: TenantTx, actor: Actor, request: z.input<typeof ZRoundIdRequest>) {
  const { round, questionnaire, responses } = await roundWithResponses(
    tx,
    actor,
    ZRoundIdRequest.parse(request).id,
  );
  const byCode = responses.filter((r) => r.via === 'code').length;
  return {
    round: {
      id: round.id,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      audienceMonth: round.audienceMonth,
      audienceOrganisationId: round.audienceOrganisationId,
      publicToken: round.publicToken,
      closedAt: round.closedAt,
    },
    questionnaire: {
      id: questionnaire.id,
      title: questionnaire.title,
      version: questionnaire.version,
      organisationId: questionnaire.organisationId,
    },
    invited: round.invited,
    responses: responses.length,
    responsesByCode: byCode,
    responsesByLink: responses.length - byCode,
    responseRate: round.invited > 0 ? Math.round((byCode / round.invited) * 1000) / 1000 : null,
    questions: summariseAnswers(
      questionnaire.questions,
      responses.map((r) => r.answers),
    ),
  };
}

const KIND_ZH: Record<schema.QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  scale: '1–5分',
  text: '文字',
};

/**
 * The round as an .xlsx workbook: a summary sheet (figures per question and option) and a sheet
 * of the responses, one row each. Audited as an export.
 */
export async function exportRoundXlsx(tx: TenantTx, actor: Actor, request: z.input<typeof ZRoundIdRequest>) {
  const summary = await getRoundSummary(tx, actor, request);
  const { questionnaire, responses } = await roundWithResponses(tx, actor, summary.round.id);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('汇总');
  sheet.addRow(['问卷', `${summary.questionnaire.title}（第${summary.questionnaire.version}版）`]);
  sheet.addRow(['开放期间', `${summary.round.opensOn} 至 ${summary.round.closesOn}`]);
  sheet.addRow(['邀请人数', summary.invited]);
  sheet.addRow(['答卷数', summary.responses]);
  sheet.addRow(['回复率', summary.responseRate ?? '—']);
  sheet.addRow([]);
  sheet.addRow(['题号', '题目', '题型', '回答数', '选项 / 分值', '人数', '平均分']).font = { bold: true };
  summary.questions.forEach((q, i) => {
    const head = [`${i + 1}`, q.text, KIND_ZH[q.kind], q.answered];
    if (q.kind === 'scale') {
      sheet.addRow([...head, '', '', q.mean ?? '—']);
      q.points.forEach((count, p) => {
        sheet.addRow(['', '', '', '', `${p + 1}分`, count]);
      });
    } else if (q.kind === 'text') {
      sheet.addRow(head);
      for (const t of q.texts) sheet.addRow(['', '', '', '', t]);
    } else {
      sheet.addRow(head);
      for (const o of q.options) sheet.addRow(['', '', '', '', o.label, o.count]);
    }
  });
  sheet.getColumn(2).width = 40;
  sheet.getColumn(5).width = 40;
  const answersSheet = workbook.addWorksheet('答卷');
  const questions = questionnaire.questions;
  answersSheet.addRow(['提交时间', '方式', ...questions.map((q, i) => `${i + 1}. ${q.text}`)]).font = {
    bold: true,
  };
  for (const r of responses) {
    answersSheet.addRow([
      r.submittedAt.toISOString(),
      r.via === 'code' ? '邀请码' : '公开链接',
      ...questions.map((q) => {
        const a = r.answers.find((x) => x.questionId === q.id);
        if (!a) return '';
        if (a.options) return a.options.map((o) => q.options?.[o] ?? '').join('；');
        return a.scale ?? a.text ?? '';
      }),
    ]);
  }
  const content = new Uint8Array(await workbook.xlsx.writeBuffer());
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.round_exported',
    objectType: 'questionnaire',
    objectId: questionnaire.id,
    after: { roundId: summary.round.id, responses: summary.responses },
  });
  return {
    fileName: `问卷结果-${summary.round.opensOn}-${summary.round.id.slice(0, 8)}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content,
  };
}
