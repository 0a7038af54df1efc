import { type ProcedureResult, publicScreen } from '@linju/plugin-sdk/admin';
import { Checkbox, SelectField, TextArea, TextField } from '@linju/ui';
import type { onlineApplication } from '../procedures/online-application.ts';
import { HardshipFields } from './hardship-fields.tsx';
import type { LegalAidKey } from './legal-aid-key.ts';
import { HARDSHIP_FIELDS, hardshipFieldName, readHardship } from './read-hardship.ts';

/** The file types the platform's document store takes (it checks their content again). */
const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.heif,.doc,.docx';

// Posted under the API's own paths, so its refusals land on the fields.
const FIELDS = {
  organisationId: 'legal-aid.public.place',
  'form.applicantName': 'legal-aid.public.applicant',
  'form.matter': 'legal-aid.public.matter',
  'form.summary': 'legal-aid.public.summary',
  'form.opposingParty': 'legal-aid.public.opposing_party',
  'form.exemptGroup': 'legal-aid.public.exempt_group',
  ...Object.fromEntries(
    HARDSHIP_FIELDS.map((key) => [hardshipFieldName(key), 'legal-aid.intake.hardship_legend']),
  ),
  documents: 'legal-aid.public.documents',
} satisfies Record<string, LegalAidKey>;

/**
 * The legal-aid application a resident sends online (网上申请): the same form as at the desk, with
 * the hardship declaration and the documents, for the phone they verified.
 */
export const onlineApplicationScreen = publicScreen<ProcedureResult<typeof onlineApplication>, LegalAidKey>({
  id: 'online-application',
  path: 'legal-aid/apply',
  page: 'onlineApplication',
  resident: 'required',
  offer: { title: 'legal-aid.public.title', intro: 'legal-aid.public.intro' },
  heading: (_data, t) => ({ title: t('legal-aid.public.title') }),
  intents: {
    apply: {
      procedure: 'applyOnline',
      fields: FIELDS,
      files: ['documents'],
      fieldForPath: {
        'form.hardship': hardshipFieldName('householdSize'),
        name: 'form.applicantName',
        description: 'form.summary',
        category: 'form.matter',
      },
      input: (values, { form, files }) => {
        const hardship = readHardship(form);
        const optional = (name: string) =>
          values[name] ? { [name.slice('form.'.length)]: values[name] } : {};
        return {
          organisationId: values.organisationId,
          form: {
            applicantName: values['form.applicantName'],
            matter: values['form.matter'],
            summary: values['form.summary'],
            ...optional('form.opposingParty'),
            ...optional('form.exemptGroup'),
            migrantWorkerWageClaim: form.get('form.migrantWorkerWageClaim') === 'on',
            ...(hardship ? { hardship } : {}),
          },
          documents: files.documents ?? [],
        };
      },
      caseNumber: (result) => (result as { number: string }).number,
    },
  },
  Component: ({ data, locale, t, IntentForm }) => (
    <>
      <p>{t('legal-aid.public.intro')}</p>
      <IntentForm
        intent="apply"
        title={t('legal-aid.public.form_title')}
        submit={t('legal-aid.public.submit')}
        multipart
      >
        {(f) => (
          <>
            <SelectField
              {...f('organisationId')}
              label={t('legal-aid.public.place')}
              hint={t('legal-aid.public.place_hint')}
            >
              <option value="">{t('legal-aid.public.choose')}</option>
              {data.places.map((place) => (
                <option key={place.id} value={place.id}>
                  {place.name[locale]}
                </option>
              ))}
            </SelectField>
            <TextField
              {...f('form.applicantName')}
              label={t('legal-aid.public.applicant')}
              autoComplete="name"
            />
            <SelectField {...f('form.matter')} label={t('legal-aid.public.matter')}>
              <option value="">{t('legal-aid.public.choose')}</option>
              {data.matters.map((matter) => (
                <option key={matter.id} value={matter.id}>
                  {matter.name[locale]}
                </option>
              ))}
            </SelectField>
            <TextArea
              {...f('form.summary')}
              label={t('legal-aid.public.summary')}
              hint={t('legal-aid.public.summary_hint')}
            />
            <TextField {...f('form.opposingParty')} label={t('legal-aid.public.opposing_party')} />
            <Checkbox
              name="form.migrantWorkerWageClaim"
              id="apply-migrant-worker"
              label={t('legal-aid.public.migrant_worker')}
            />
            <SelectField {...f('form.exemptGroup')} label={t('legal-aid.public.exempt_group')}>
              <option value="">{t('legal-aid.public.exempt_none')}</option>
              {data.exemptGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name[locale]}
                </option>
              ))}
            </SelectField>
            <HardshipFields
              t={t}
              values={{
                hardship: Object.fromEntries(
                  HARDSHIP_FIELDS.map((key) => [key, f(hardshipFieldName(key)).defaultValue]).filter(
                    ([, v]) => v,
                  ),
                ),
              }}
              error={(name) => f(name).error}
            />
            <TextField
              {...f('documents')}
              type="file"
              multiple
              accept={DOCUMENT_ACCEPT}
              label={t('legal-aid.public.documents')}
              hint={t('legal-aid.public.documents_hint')}
              defaultValue={undefined}
            />
          </>
        )}
      </IntentForm>
    </>
  ),
});
