import type { Locale } from '@linju/plugin-sdk';
import { formatDate, type PluginTranslate } from '@linju/plugin-sdk/admin';
import type { ExpertPoolMessageKey } from '../messages.ts';
import type { OpinionRequest } from '../opinion-requests.ts';
import { fieldLabel } from './labels.ts';

type Props = {
  readonly request: OpinionRequest;
  readonly locale: Locale;
  readonly t: PluginTranslate<ExpertPoolMessageKey>;
};

/** Who asked, on which day and by when; then the question. */
export function Asked({ request, locale, t }: Props) {
  return (
    <>
      <p>
        {t('expert-pool.request.asked', {
          name: request.requestedByName,
          date: formatDate(locale, request.requestedOn),
          due: formatDate(locale, request.dueOn),
        })}
      </p>
      <p className="admin-prewrap">{request.question}</p>
    </>
  );
}

/** The opinion, the day it was given and who wrote it down when it was not the expert. */
export function Opinion({ request, locale, t }: Props) {
  return (
    <>
      <p className="admin-prewrap">{request.opinion}</p>
      <p>
        {t('expert-pool.request.answered', { date: formatDate(locale, request.answeredOn ?? '') })}
        {request.onBehalf
          ? ` · ${t('expert-pool.request.on_behalf', { name: request.recordedByName ?? '' })}`
          : ''}
      </p>
    </>
  );
}

/** An answer in a list of answers (an expert's own, or the bureau's view of one expert's). */
export function AnswerItem(props: Props) {
  const { request, locale, t } = props;
  return (
    <li>
      <p>
        <strong>
          {t('expert-pool.pool.case')} {request.caseNumber}
        </strong>{' '}
        · {fieldLabel(request.field, locale)}
      </p>
      <p className="admin-prewrap">{request.question}</p>
      <Opinion {...props} />
    </li>
  );
}
