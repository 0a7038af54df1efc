import type { PluginMessageKey } from '@linju/plugin-sdk';
import { type CaseScreenProps, caseScreen, type ProcedureResult } from '@linju/plugin-sdk/admin';
import { Alert, TextArea, TextField } from '@linju/ui';
import { Link } from 'react-router';
import type { messages } from '../messages.ts';
import type { PersonalDataKind } from '../personal-data.ts';
import type { page } from '../procedures/page.ts';

type Data = ProcedureResult<typeof page>;
type Key = PluginMessageKey<typeof messages>;
type Props = CaseScreenProps<Data, Key>;

/** The proposing screen under a case (the manifest's `propose` route, in the case's 法律知识 tools). */
export const proposeScreen = caseScreen<Data, Key>({
  id: 'propose',
  page: 'page',
  heading: (data, t) => ({
    title: t('reference-cases.propose.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    propose: {
      procedure: 'propose',
      fields: {
        title: 'reference-cases.field.title',
        summary: 'reference-cases.field.summary',
        resolution: 'reference-cases.field.resolution',
        statutes: 'reference-cases.field.statutes',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        title: form.title ?? '',
        summary: form.summary ?? '',
        resolution: form.resolution ?? '',
        statutes: form.statutes ?? '',
      }),
      done: 'proposed',
    },
  },
  Component: ProposePage,
});

function ProposePage({ data, slug, IntentForm, t, done }: Props) {
  const { case: c, proposal, draft, personalDataLeft } = data;
  const editable = c.closed && (!proposal || proposal.status === 'returned');
  const kinds = (list: readonly PersonalDataKind[]) =>
    list.map((kind) => t(`reference-cases.kind.${kind}`)).join('、');
  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t('reference-cases.done.proposed')}</p>
        </Alert>
      ) : null}
      <p>{t('reference-cases.propose.intro')}</p>
      {c.closed ? null : <Alert tone="info">{t('reference-cases.propose.not_closed')}</Alert>}
      {proposal ? <ProposalState proposal={proposal} slug={slug} t={t} /> : null}
      {proposal && proposal.status !== 'approved' && personalDataLeft.length > 0 ? (
        <Alert tone="warning">
          {t('reference-cases.propose.personal_data_warning', { kinds: kinds(personalDataLeft) })}
        </Alert>
      ) : null}
      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">{t('reference-cases.propose.removed_heading')}</h2>
        <p>
          {draft.removedCount > 0
            ? t('reference-cases.propose.removed_count', { count: draft.removedCount })
            : t('reference-cases.propose.removed_none')}
        </p>
        <blockquote className="admin-prewrap">
          {draft.pieces.map((piece, index) =>
            piece.removed ? (
              <mark key={index} title={t(`reference-cases.kind.${piece.removed}`)}>
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          )}
        </blockquote>
      </section>
      {editable ? (
        <IntentForm
          intent="propose"
          title={t('reference-cases.propose.form')}
          submit={t('reference-cases.propose.submit')}
        >
          {(f) => {
            const value = (name: string, fallback: string) => f(name).defaultValue ?? fallback;
            return (
              <>
                <TextField
                  {...f('title')}
                  label={t('reference-cases.field.title')}
                  defaultValue={value('title', proposal?.title ?? draft.title)}
                />
                <TextArea
                  {...f('summary')}
                  label={t('reference-cases.field.summary')}
                  hint={t('reference-cases.field.summary_hint')}
                  rows={8}
                  defaultValue={value(
                    'summary',
                    proposal?.summary ?? draft.pieces.map((p) => p.text).join(''),
                  )}
                />
                <TextArea
                  {...f('resolution')}
                  label={t('reference-cases.field.resolution')}
                  hint={t('reference-cases.field.resolution_hint')}
                  rows={5}
                  defaultValue={value('resolution', proposal?.resolution ?? '')}
                />
                <TextArea
                  {...f('statutes')}
                  label={t('reference-cases.field.statutes')}
                  hint={t('reference-cases.field.statutes_hint')}
                  rows={3}
                  defaultValue={value('statutes', proposal?.statutes ?? '')}
                />
              </>
            );
          }}
        </IntentForm>
      ) : null}
    </>
  );
}

/** Where the proposal stands: waiting, in the library, or returned with the reason. */
function ProposalState({
  proposal,
  slug,
  t,
}: {
  proposal: NonNullable<Data['proposal']>;
  slug: string;
  t: Props['t'];
}) {
  if (proposal.status === 'proposed')
    return <Alert tone="info">{t('reference-cases.propose.waiting')}</Alert>;
  if (proposal.status === 'returned') {
    return (
      <Alert tone="warning">
        {t('reference-cases.propose.returned', { reason: proposal.returnReason ?? '' })}
      </Alert>
    );
  }
  return (
    <Alert tone="success">
      <p>
        {t('reference-cases.propose.approved')}{' '}
        {/* The library's page of this case (the manifest's `library` route). */}
        <Link to={`/t/${slug}/reference-cases?case=${proposal.id}`}>
          {t('reference-cases.propose.view_in_library')}
        </Link>
      </p>
    </Alert>
  );
}
