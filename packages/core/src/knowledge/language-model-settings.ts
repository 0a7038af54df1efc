import { secretSetting } from '@linju/db';
import { z } from 'zod';
import type { LanguageModelSettings } from './language-model.ts';

type Env = Record<string, string | undefined>;

const ZLanguageModelEnv = z.object({
  LINJU_ASSISTANT_MODEL_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINJU_ASSISTANT_MODEL_NAME: z.string().trim().min(1).max(200).optional(),
});

/**
 * The operator's language model, from `LINJU_ASSISTANT_MODEL_URL` (the OpenAI-compatible API's
 * base), `LINJU_ASSISTANT_MODEL_NAME` and the secret `LINJU_ASSISTANT_MODEL_KEY` (or `_FILE`);
 * `null` without a URL (the default: the assistant answers from its templates). Read at start, so a
 * wrong setting stops the server naming it.
 */
export function languageModelSettings(env: Env = process.env): LanguageModelSettings | null {
  const parsed = ZLanguageModelEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Assistant model: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const { LINJU_ASSISTANT_MODEL_URL: url, LINJU_ASSISTANT_MODEL_NAME: model } = parsed.data;
  const apiKey = secretSetting(env, 'LINJU_ASSISTANT_MODEL_KEY');
  if (!url) {
    if (model || apiKey)
      throw new Error(
        'Assistant model: LINJU_ASSISTANT_MODEL_URL is not set, so nothing would use the name or key.',
      );
    return null;
  }
  if (!model)
    throw new Error(
      'Assistant model: LINJU_ASSISTANT_MODEL_URL needs LINJU_ASSISTANT_MODEL_NAME (the model to ask).',
    );
  return { url, model, ...(apiKey ? { apiKey } : {}) };
}
