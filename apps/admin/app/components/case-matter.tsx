import {
  contactPreferenceLabel,
  formatNumber,
  keyGroupLabel,
  partyKindLabel,
  partyRoleLabel,
} from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Form, Link, useFormAction } from 'react-router';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { useCasePage } from './case-page.tsx';
import { CsrfField } from './csrf-field.tsx';
import { useTenantShell } from './tenant-shell.ts';

/** A resident's field shown in full, in the answer of its (audited) reveal only. */
export interface RevealedField {
  field: 'phone' | 'idNumber';
  value: string;
}

/**
 * The case page's left column, the same on every part: what the matter is, who came, the other
 * parties and the documents, with the ways to the parts that change them.
 */
export function CaseMatter({ revealed }: { revealed: RevealedField | undefined }) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { case: c, can } = useCasePage();
  const here = tenantPaths.case(tenant.slug, c.id);
  return (
    <>
      <section aria-labelledby="matter-heading">
        <h2 id="matter-heading">{t('casePage.matter_heading')}</h2>
        <p className="admin-prewrap">{c.description}</p>
      </section>
      <section id="resident" aria-labelledby="resident-heading">
        <h2 id="resident-heading">{t('casePage.resident_heading')}</h2>
        <dl className="admin-details admin-details--grid">
          <div className="admin-details__row">
            <dt>{t('intake.name')}</dt>
            <dd>{c.resident.name}</dd>
          </div>
          <div className="admin-details__row">
            <dt>{t('intake.phone')}</dt>
            <dd>
              {revealed?.field === 'phone' ? revealed.value : (c.resident.phoneMasked ?? '—')}
              {c.resident.phoneMasked && can.handle && revealed?.field !== 'phone' ? (
                <RevealButton field="phone" label={t('casePage.reveal_phone')} />
              ) : null}
            </dd>
          </div>
          <div className="admin-details__row">
            <dt>{t('intake.id_number')}</dt>
            <dd>
              {revealed?.field === 'idNumber' ? revealed.value : (c.resident.idNumberMasked ?? '—')}
              {c.resident.idNumberMasked && can.handle && revealed?.field !== 'idNumber' ? (
                <RevealButton field="idNumber" label={t('casePage.reveal_id')} />
              ) : null}
            </dd>
          </div>
          <div className="admin-details__row">
            <dt>{t('intake.key_groups')}</dt>
            <dd>{c.resident.keyGroups.map((g) => keyGroupLabel(locale, g)).join('、') || '—'}</dd>
          </div>
          <div className="admin-details__row">
            <dt>{t('intake.contact_preference')}</dt>
            <dd>{contactPreferenceLabel(locale, c.resident.contactPreference)}</dd>
          </div>
        </dl>
        <p className="admin-muted">{t('casePage.reveal_note')}</p>
      </section>
      <section aria-labelledby="matter-parties-heading">
        <h2 id="matter-parties-heading">{t('casePage.parties')}</h2>
        {c.parties.length === 0 ? <p className="admin-muted">{t('parties.none')}</p> : null}
        <ul className="admin-list">
          {c.parties.map((p) => (
            <li key={p.id}>
              {t('parties.line', {
                role: partyRoleLabel(locale, p.role),
                name: p.name,
                kind: partyKindLabel(locale, p.kind),
              })}
              {p.idNumberMasked ? ` · ${p.idNumberMasked}` : ''}
            </li>
          ))}
        </ul>
        <p>
          <Link to={`${here}/parties`}>{t('casePage.parties_open')}</Link>
        </p>
      </section>
      <section aria-labelledby="matter-documents-heading">
        <h2 id="matter-documents-heading">{t('casePage.documents_heading')}</h2>
        {c.documents.length === 0 ? <p className="admin-muted">{t('casePage.documents_none')}</p> : null}
        <ul className="admin-list">
          {c.documents.map((d) => (
            <li key={String(d.id)}>
              <a href={`${here}/documents/${String(d.id)}`}>{String(d.fileName)}</a> ·{' '}
              {formatNumber(locale, Number(d.sizeBytes ?? 0))} B
            </li>
          ))}
        </ul>
        <p>
          <Link to={`${here}/documents`}>{t('casePage.documents_open')}</Link>
        </p>
      </section>
    </>
  );
}

/** Shows one of the resident's fields in full: posted to the case page's layout, audited there. */
function RevealButton({ field, label }: { field: 'phone' | 'idNumber'; label: string }) {
  // The layout's own action (no `?index`), landing back on the resident.
  const action = `${useFormAction()}#resident`;
  return (
    <Form method="post" action={action} className="admin-inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="reveal" />
      <input type="hidden" name="field" value={field} />
      <button type="submit" className="lj-button lj-button--secondary admin-button--small">
        {label}
      </button>
    </Form>
  );
}
