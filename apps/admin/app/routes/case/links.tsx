import { caseLinkKindLabel, caseStatusLabel } from '@linju/i18n';
import { IntentForm, SelectField, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { CASE_LINK_KINDS } from '@linju/vocabulary';
import { Link } from 'react-router';
import { CaseSubmissionOutcome, failureIn, typedValue, useCasePage } from '../../components/case-page.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { serviceName } from '../../lib/service-name.ts';
import { tenantPaths, tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/links';

const isLinkKind = (kind: string): kind is (typeof CASE_LINK_KINDS)[number] =>
  (CASE_LINK_KINDS as readonly string[]).includes(kind);

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      link: intent({
        fields: ['otherNumber', 'kind', 'direction', 'note'],
        required: ['otherNumber'],
        check: (values) => ({ kind: isLinkKind(values.kind) ? undefined : 'validation.required' }),
        run: async (values, { refuse }) => {
          // Staff know the other matter by its number; the API links by id.
          const found = await caller.case.getMany({ number: values.otherNumber, limit: 1 });
          const other = found.cases.find((item) => item.number === values.otherNumber.toUpperCase());
          if (!other) return refuse({ otherNumber: 'case.link_number_unknown' });
          const onward = values.direction !== 'earlier';
          await caller.case.link({
            fromCaseId: onward ? caseId : other.id,
            toCaseId: onward ? other.id : caseId,
            kind: values.kind as (typeof CASE_LINK_KINDS)[number],
            note: values.note || null,
          });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'links') },
  );
}

/** The chain of matters this one belongs to (链条式), and linking another matter into it. */
export default function CaseLinks({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { case: c, chain, can } = useCasePage();
  const failure = failureIn(actionData);
  const value = (name: string, fallback: string) => typedValue(failure, 'link', name, fallback);
  return (
    <>
      <CaseSubmissionOutcome failure={failure} />
      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t('casePage.chain_heading')}</h2>
        {chain.cases.length <= 1 ? (
          <p className="admin-muted">{t('casePage.chain_none')}</p>
        ) : (
          <ol className="admin-chain">
            {chain.cases.map((link) => {
              const via = chain.links.find((l) => l.toCaseId === link.id);
              return (
                <li key={link.id} aria-current={link.id === c.id ? 'true' : undefined}>
                  {via ? <span className="admin-muted">{caseLinkKindLabel(locale, via.kind)} → </span> : null}
                  {link.restricted ? (
                    <span>
                      {link.number} {t('casePage.restricted')}
                    </span>
                  ) : (
                    <Link to={tenantPaths.case(tenant.slug, link.id)}>{link.number}</Link>
                  )}{' '}
                  · {serviceName(services, link.serviceType, locale)} · {caseStatusLabel(locale, link.status)}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {can.manage ? (
        <section id="actions" aria-labelledby="link-actions-heading">
          <h2 id="link-actions-heading">{t('casePage.actions_heading')}</h2>
          <IntentForm intent="link" title={t('casePage.link')} submit={t('casePage.link_submit')}>
            {(f) => (
              <>
                <TextField
                  {...f('otherNumber')}
                  label={t('casePage.link_number')}
                  hint={t('casePage.link_number_hint', { example: c.number })}
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={value('otherNumber', '')}
                  className="admin-field--short"
                />
                <SelectField
                  {...f('kind')}
                  label={t('casePage.link_kind')}
                  defaultValue={value('kind', 'other')}
                >
                  {CASE_LINK_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {caseLinkKindLabel(locale, kind)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  {...f('direction')}
                  label={t('casePage.link_direction')}
                  defaultValue={value('direction', 'onward')}
                >
                  <option value="onward">{t('casePage.link_direction_onward')}</option>
                  <option value="earlier">{t('casePage.link_direction_earlier')}</option>
                </SelectField>
                <TextArea {...f('note')} label={t('casePage.link_note')} rows={2} />
              </>
            )}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
