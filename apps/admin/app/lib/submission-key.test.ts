import { describe, expect, it } from 'vitest';
import { submissionKeyOf } from './submission-key.ts';

const RENDER_KEY = '6f1c2a52-5a4b-4a39-9d53-2a7f4b3c1d10';

const posted = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

const intake = { submission: RENDER_KEY, csrf: 'token-1', name: '王芳', phone: '13800138000' };

describe('submissionKeyOf', () => {
  it('is the same for a second post of one rendering, with or without JavaScript', async () => {
    const first = await submissionKeyOf(posted(intake), '/t/xuhui/cases/new');
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await submissionKeyOf(posted(intake), '/t/xuhui/cases/new')).toBe(first);
    expect(await submissionKeyOf(posted({ ...intake, csrf: 'token-2' }), '/t/xuhui/cases/new.data')).toBe(
      first,
    );
  });

  it('differs for another form, another page, a corrected post or another rendering', async () => {
    const first = await submissionKeyOf(posted(intake), '/t/xuhui/cases/new');
    const others = await Promise.all([
      submissionKeyOf(posted({ ...intake, intent: 'refresh' }), '/t/xuhui/cases/new'),
      submissionKeyOf(posted(intake), '/t/xuhui/cases'),
      submissionKeyOf(posted({ ...intake, phone: '13900139000' }), '/t/xuhui/cases/new'),
      submissionKeyOf(
        posted({ ...intake, submission: '0d7c9f3e-1111-4a39-9d53-2a7f4b3c1d10' }),
        '/t/xuhui/cases/new',
      ),
    ]);
    expect(new Set([first, ...others]).size).toBe(5);
  });

  it('keeps nothing typed in the key', async () => {
    const key = await submissionKeyOf(posted(intake), '/t/xuhui/cases/new');
    expect(key).not.toContain('13800138000');
    expect(key).not.toContain(RENDER_KEY);
  });

  it('is none for a form without a per-render key, or with a made-up one', async () => {
    expect(await submissionKeyOf(posted({ name: '王芳' }), '/t/xuhui/cases/new')).toBeNull();
    expect(await submissionKeyOf(posted({ submission: "' or 1=1" }), '/t/xuhui/cases/new')).toBeNull();
  });
});
