import {
  type IntentFormComponent,
  type PluginTranslate,
  type ProcedureResult,
  useRoleLabel,
} from '@linju/plugin-sdk/admin';
import { Alert, SelectField, TextArea } from '@linju/ui';
import { Link } from 'react-router';
import type { page } from '../procedures/page.ts';
import type { LegalAidKey } from './legal-aid-key.ts';
import { hasProviderRecords, providerMark } from './provider-mark.ts';

/**
 * Who handles the application, and the form assigning it (指派) for whoever may: each candidate's
 * active provider records (负面清单, 不良执业记录) beside the name, and the reason the platform asks
 * for once it refused a conflict of interest or a negative-listed lawyer.
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
  const roleLabel = useRoleLabel();
  const { assignees } = data;
  const marked = assignees?.filter((p) => hasProviderRecords(p.providerRecords)) ?? [];
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
          {(f) => {
            // A reason is asked for once the platform refused without one (or kept when it was typed).
            const asksReason = (name: 'conflictReason' | 'negativeListReason') =>
              Boolean(f(name).error || f(name).defaultValue);
            return (
              <>
                <SelectField {...f('assigneeId')} label={t('legal-aid.page.assignee')}>
                  <option value="">—</option>
                  {assignees.map((p) => (
                    <option key={p.id} value={p.id}>
                      {`${p.displayName} · ${p.roles.map(roleLabel).join('、')}${providerMark(t, p.providerRecords)}`}
                    </option>
                  ))}
                </SelectField>
                {marked.length > 0 ? (
                  <Alert tone="warning">
                    <p>{t('legal-aid.page.provider_records_warning')}</p>
                    <ul aria-label={t('legal-aid.page.marked_lawyers')}>
                      {marked.map((p) => (
                        <li key={p.id}>
                          {p.displayName}
                          {providerMark(t, p.providerRecords)}
                        </li>
                      ))}
                    </ul>
                  </Alert>
                ) : null}
                {asksReason('conflictReason') ? (
                  <TextArea {...f('conflictReason')} label={t('legal-aid.page.conflict_reason')} rows={2} />
                ) : null}
                {asksReason('negativeListReason') ? (
                  <TextArea
                    {...f('negativeListReason')}
                    label={t('legal-aid.page.negative_list_reason')}
                    rows={2}
                  />
                ) : null}
              </>
            );
          }}
        </IntentForm>
      ) : null}
    </>
  );
}
