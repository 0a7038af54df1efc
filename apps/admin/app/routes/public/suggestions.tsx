import { formatDateTime } from '@linju/i18n';
import {
  Alert,
  Checkbox,
  CsrfField,
  FormProblems,
  SelectField,
  SubmitButton,
  TextArea,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { SUGGESTION_TOPICS } from '@linju/vocabulary';
import { Form, Link } from 'react-router';
import { useFieldError } from '../../components/form-errors.tsx';
import { PageError } from '../../components/page-error.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { HONEYPOT_FIELD, HoneypotField } from '../../components/public/honeypot-field.tsx';
import { getAdminContext } from '../../context.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { residentOf } from '../../lib/resident.server.ts';
import { verifyPath } from '../../lib/resident-next.ts';
import { load } from '../../lib/route-errors.ts';
import { failureOf } from '../../lib/submission.ts';
import { SUGGESTION_STATUS_PUBLIC_LABEL, SUGGESTION_TOPIC_LABEL } from '../../lib/suggestions.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/suggestions';

const FIELDS = ['topic', 'body', 'public', 'notifyMe', HONEYPOT_FIELD] as const;

/** 便民信箱: the form to leave a message, and the answers residents agreed to show. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const [answered, resident] = await Promise.all([
    load(caller.suggestion.answered()),
    residentOf({ context }),
  ]);
  const mine = resident ? await load(caller.suggestion.mine()) : [];
  return {
    slug: tenantSlugFrom(params),
    answered,
    resident: resident ? { phoneMasked: resident.phoneMasked } : null,
    mine,
    done: new URL(request.url).searchParams.get('done') === '1',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      leave: intent({
        fields: FIELDS,
        check: (values) => ({
          topic: (SUGGESTION_TOPICS as readonly string[]).includes(values.topic)
            ? undefined
            : 'publicOutreach.topic_required',
          body: values.body ? undefined : 'validation.required',
        }),
        run: async (values) => {
          await caller.suggestion.leave({
            topic: values.topic as (typeof SUGGESTION_TOPICS)[number],
            body: values.body,
            public: values.public === 'yes',
            notifyMe: values.notifyMe === 'yes',
            website: values[HONEYPOT_FIELD],
          });
        },
      }),
    },
    { done: () => `${publicSitePaths.suggestions(slug)}?done=1` },
  );
}

export default function PublicSuggestions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { answered, resident, mine, done, slug } = loaderData;
  const failure = failureOf(actionData, 'leave');
  const error = useFieldError(failure?.errors);
  const typed = failure?.values;
  return (
    <>
      <DocumentTitle title={t('publicOutreach.title')} />
      <h1>{t('publicOutreach.title')}</h1>
      <p>{t('publicOutreach.intro')}</p>
      {done ? <Alert tone="success">{t('publicOutreach.done')}</Alert> : null}
      <section aria-labelledby="leave-heading">
        <h2 id="leave-heading">{t('publicOutreach.form_heading')}</h2>
        <Form method="post" className="lj-form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="leave" />
          <FormProblems errors={failure?.errors} />
          <SelectField
            name="topic"
            label={t('publicOutreach.topic_label')}
            defaultValue={typed?.topic ?? ''}
            error={error('topic')}
            required
          >
            <option value="" disabled>
              —
            </option>
            {SUGGESTION_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(SUGGESTION_TOPIC_LABEL[topic])}
              </option>
            ))}
          </SelectField>
          <TextArea
            name="body"
            label={t('publicOutreach.body_label')}
            hint={t('publicOutreach.body_hint')}
            defaultValue={typed?.body}
            error={error('body')}
            maxLength={2000}
            rows={6}
            required
          />
          <Checkbox
            name="public"
            value="yes"
            label={t('publicOutreach.public_label')}
            defaultChecked={typed?.public === 'yes'}
          />
          {resident ? (
            <Checkbox
              name="notifyMe"
              value="yes"
              label={t('publicOutreach.notify_label', { phone: resident.phoneMasked })}
              defaultChecked={typed ? typed.notifyMe === 'yes' : true}
            />
          ) : (
            <p>
              {t('publicOutreach.notify_verify')}{' '}
              <Link to={verifyPath(slug, publicSitePaths.suggestions(slug))}>
                {t('publicOutreach.notify_verify_link')}
              </Link>
            </p>
          )}
          <HoneypotField />
          <SubmitButton>{t('publicOutreach.submit')}</SubmitButton>
        </Form>
      </section>
      {resident ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('publicOutreach.mine_heading')}</h2>
          {mine.length === 0 ? (
            <p>{t('publicOutreach.mine_empty')}</p>
          ) : (
            <ul className="resident-answers">
              {mine.map((item) => (
                <li key={item.id}>
                  <p>
                    <strong>{t('publicOutreach.answered_question')}</strong>{' '}
                    {t(SUGGESTION_TOPIC_LABEL[item.topic])} · {t(SUGGESTION_STATUS_PUBLIC_LABEL[item.status])}{' '}
                    · <span className="admin-prewrap">{item.body}</span>
                  </p>
                  {item.answer !== null ? (
                    <p>
                      <strong>{t('publicOutreach.answered_answer')}</strong>{' '}
                      <span className="admin-prewrap">{item.answer}</span>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading">{t('publicOutreach.answered_heading')}</h2>
        {answered.length === 0 ? (
          <p>{t('publicOutreach.answered_empty')}</p>
        ) : (
          <ul className="resident-answers">
            {answered.map((item) => (
              <li key={item.id}>
                <p>
                  <strong>{t('publicOutreach.answered_question')}</strong>{' '}
                  {t(SUGGESTION_TOPIC_LABEL[item.topic])} · <span className="admin-prewrap">{item.body}</span>
                </p>
                <p>
                  <strong>{t('publicOutreach.answered_answer')}</strong>{' '}
                  <span className="admin-prewrap">{item.answer}</span>
                </p>
                {item.answeredAt ? (
                  <p className="admin-muted">
                    {t('publicOutreach.answered_on', { date: formatDateTime(locale, item.answeredAt) })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
