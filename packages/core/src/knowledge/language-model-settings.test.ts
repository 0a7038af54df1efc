import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageModelSettings } from './language-model-settings.ts';

describe('languageModelSettings', () => {
  it('is null without a URL: no model is the default', () => {
    expect(languageModelSettings({})).toBeNull();
  });

  it('reads the URL, the model and the key, the key from a secret file too', () => {
    const url = 'https://llm.example.cn/v1';
    expect(
      languageModelSettings({ LINJU_ASSISTANT_MODEL_URL: url, LINJU_ASSISTANT_MODEL_NAME: 'qwen-plus' }),
    ).toEqual({ url, model: 'qwen-plus' });
    const file = join(mkdtempSync(join(tmpdir(), 'model-key-')), 'key');
    writeFileSync(file, 'sk-secret\n');
    expect(
      languageModelSettings({
        LINJU_ASSISTANT_MODEL_URL: url,
        LINJU_ASSISTANT_MODEL_NAME: 'qwen-plus',
        LINJU_ASSISTANT_MODEL_KEY_FILE: file,
      }),
    ).toEqual({ url, model: 'qwen-plus', apiKey: 'sk-secret' });
  });

  it('names what is wrong or missing', () => {
    expect(() => languageModelSettings({ LINJU_ASSISTANT_MODEL_URL: 'llm.example.cn' })).toThrow(
      /LINJU_ASSISTANT_MODEL_URL/,
    );
    expect(() => languageModelSettings({ LINJU_ASSISTANT_MODEL_URL: 'https://llm.example.cn/v1' })).toThrow(
      /needs LINJU_ASSISTANT_MODEL_NAME/,
    );
    expect(() => languageModelSettings({ LINJU_ASSISTANT_MODEL_NAME: 'qwen-plus' })).toThrow(
      /LINJU_ASSISTANT_MODEL_URL is not set/,
    );
    expect(() =>
      languageModelSettings({
        LINJU_ASSISTANT_MODEL_URL: 'https://llm.example.cn/v1',
        LINJU_ASSISTANT_MODEL_NAME: 'm',
        LINJU_ASSISTANT_MODEL_KEY: 'a',
        LINJU_ASSISTANT_MODEL_KEY_FILE: '/x',
      }),
    ).toThrow(/not both/);
  });
});
