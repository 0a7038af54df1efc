import { formatNumber } from '@linju/i18n';
import { IntentForm, TextField, useLocale, useTranslate } from '@linju/ui';
import { CaseSubmissionOutcome, failureIn, useCasePage } from '../../components/case-page.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { CASE_PRINTOUTS } from '../../lib/case-printouts.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_FIELD_MESSAGES, declaredType } from '../../lib/document-upload.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { type Settled, settle, streamedForm } from '../../lib/streamed-form.ts';
import { tenantPaths, tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/documents';

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  // A document streams into the store, in its own attach's transaction, while the form arrives.
  let attached: Settled<unknown> | undefined;
  const form = await streamedForm(request, async (file, fields) => {
    if (formText(fields, 'intent') !== 'attach' || file.field !== 'file' || attached) return;
    attached = await settle(
      caller.case.attachDocument({
        caseId,
        fileName: file.fileName,
        contentType: declaredType(file.fileName, file.contentType),
        content: file.content,
      }),
    );
  });
  return intentAction(
    form,
    {
      attach: intent({
        errors: {
          fields: ['file'],
          fieldForPath: { contentBase64: 'file', fileName: 'file', contentType: 'file' },
          fieldForMessage: DOCUMENT_FIELD_MESSAGES('file'),
        },
        run: (_values, { refuse }) => {
          if (!attached) return refuse({ file: 'validation.required' });
          if (!attached.ok) throw attached.error;
          return undefined;
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'documents') },
  );
}

/** The case's documents: each to download, the printouts every case has, and adding one. */
export default function CaseDocuments({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { case: c, can, uploadMax } = useCasePage();
  return (
    <>
      <CaseSubmissionOutcome failure={failureIn(actionData)} />
      <section id="actions" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('casePage.documents_heading')}</h2>
        <ul className="admin-list">
          {c.documents.map((d) => (
            <li key={String(d.id)}>
              <a
                href={`${tenantPaths.case(tenant.slug, c.id)}/documents/${String(d.id)}`}
                aria-label={t('casePage.document_download', { name: String(d.fileName) })}
              >
                {String(d.fileName)}
              </a>{' '}
              · {formatNumber(locale, Number(d.sizeBytes ?? 0))} B
            </li>
          ))}
        </ul>
        <h3 id="printouts-heading">{t('casePage.printouts_heading')}</h3>
        <p className="admin-muted">{t('casePage.printouts_hint')}</p>
        <ul className="admin-list" aria-labelledby="printouts-heading">
          {CASE_PRINTOUTS.map((printout) => (
            <li key={printout}>
              <a href={`${tenantPaths.case(tenant.slug, c.id)}/printouts/${printout}`}>
                {t(`casePage.printout.${printout}`)}
              </a>
            </li>
          ))}
        </ul>
        {can.handle ? (
          <IntentForm
            intent="attach"
            title={t('casePage.attach')}
            submit={t('casePage.attach_submit')}
            multipart
          >
            {(f) => (
              <TextField
                {...f('file')}
                type="file"
                label={t('casePage.file')}
                hint={t('casePage.file_hint', { max: uploadMax })}
                accept={DOCUMENT_ACCEPT}
              />
            )}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}
