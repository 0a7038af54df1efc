import type { PluginMessageKey } from '@linju/plugin-sdk';
import type { CaseScreenProps, ProcedureResult } from '@linju/plugin-sdk/admin';
import { Fragment } from 'react';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';

export type CounsellingRecordData = ProcedureResult<typeof page>;

/** The counselling record of a case: the intake answers under the form's own labels. */
export function CounsellingRecord({
  data,
  locale,
}: CaseScreenProps<CounsellingRecordData, PluginMessageKey<typeof messages>>) {
  return (
    <dl className="admin-details">
      {data.answers.map((answer) => (
        <Fragment key={answer.key}>
          <dt>{answer.label[locale]}</dt>
          <dd>{answer.option?.[locale] ?? (answer.value === '' ? '—' : answer.value)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
