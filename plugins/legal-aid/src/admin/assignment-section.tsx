import type { IntentFormComponent, PluginTranslate, ProcedureResult } from '@linju/plugin-sdk/admin';
import { AssigneeFields } from '@linju/ui';
import { Link } from 'react-router';
import type { page } from '../procedures/page.ts';
import type { LegalAidKey } from './legal-aid-key.ts';

/**
 * Who handles the application, and the form assigning it (指派) for whoever may, with the platform's
 * assigning fields: each candidate's active provider records (负面清单, 不良执业记录) beside the name,
 * and the reason asked for once the platform refused a conflict of interest or a negative-listed lawyer.
 */
export function AssignmentSection({
  data,
  t,
  IntentForm,
}: {
  data: ProcedureResult<typeof page>;
  t: PluginTranslate<LegalAidKey>;
  IntentForm: IntentFormComponent;
}) {
  const { assignees } = data;
  return (
    <>
      <p>
        {t('legal-aid.page.handled_by', { name: data.assignee?.name ?? t('legal-aid.page.unassigned') })}{' '}
        <Link to=".." relative="path">
          {t('legal-aid.page.assign_on_case')}
        </Link>
      </p>
      {assignees && assignees.length > 0 ? (
        <IntentForm
          intent="assign"
          title={t('legal-aid.page.assign')}
          submit={t('legal-aid.page.assign_submit')}
        >
          {(f) => <AssigneeFields field={f} candidates={assignees} label={t('legal-aid.page.assignee')} />}
        </IntentForm>
      ) : null}
    </>
  );
}
