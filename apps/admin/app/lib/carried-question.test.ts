import { describe, expect, it } from 'vitest';
import {
  CARRIED_QUESTION_MAX,
  carriedQuestionFrom,
  carryQuestion,
  clearCarriedQuestion,
} from './carried-question.ts';

/** The request a browser sends back after being given `setCookie`. */
const requestWith = (setCookie: string) =>
  new Request('http://localhost/t/xuhui/public/apply', {
    headers: { cookie: `linju_large_text=1; ${setCookie.split(';')[0]}` },
  });

describe('a question carried into the apply page', () => {
  it('comes back as posted, held by the district’s public site only, never readable by scripts', () => {
    const cookie = carryQuestion('  朋友借钱不还怎么办，借了5万元 ', 'xuhui', { secure: true });
    expect(cookie).toContain('Path=/t/xuhui/public');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).not.toContain('借钱');
    expect(carriedQuestionFrom(requestWith(cookie))).toBe('朋友借钱不还怎么办，借了5万元');
  });

  it('is cut to what a cookie holds', () => {
    const cookie = carryQuestion('借'.repeat(CARRIED_QUESTION_MAX + 100), 'xuhui', { secure: false });
    expect(cookie.length).toBeLessThan(4096);
    expect(carriedQuestionFrom(requestWith(cookie))).toBe('借'.repeat(CARRIED_QUESTION_MAX));
  });

  it('is none without the cookie, and once cleared', () => {
    expect(carriedQuestionFrom(new Request('http://localhost/'))).toBeNull();
    const cleared = clearCarriedQuestion('xuhui', { secure: false });
    expect(cleared).toContain('Max-Age=0');
    expect(carriedQuestionFrom(requestWith(cleared))).toBeNull();
  });
});
