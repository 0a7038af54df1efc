import { describe, expect, it } from 'vitest';
import { distinctLabels, matchingChoices, resolveChoice, resolvePostedChoice } from './choice-match.ts';

const ROOM_ID = '0b9e8a52-1c1e-4e0f-9a43-5b2f2c8d7e01';
const rooms = [
  { id: ROOM_ID, label: '枫林路第三居委调解室', detail: '居村工作室 · 枫林路街道工作站' },
  { id: 'r2', label: '枫林路第十三居委调解室', detail: '居村工作室 · 枫林路街道工作站' },
  { id: 'r3', label: '天平路第三居委调解室', detail: '居村工作室 · 天平路街道工作站' },
  { id: 's1', label: 'Tianping Station', detail: 'Station' },
];

describe('what the picker lists as a person types', () => {
  it('keeps the choices whose name or detail contains the text, ignoring spaces and case', () => {
    expect(matchingChoices(rooms, '第三居委').map((c) => c.id)).toEqual([ROOM_ID, 'r3']);
    expect(matchingChoices(rooms, '枫林路 街道').map((c) => c.id)).toEqual([ROOM_ID, 'r2']);
    expect(matchingChoices(rooms, 'tianping').map((c) => c.id)).toEqual(['s1']);
    expect(matchingChoices(rooms, '  ')).toHaveLength(4);
  });
});

describe('reading what a picker posted', () => {
  it('takes an id, a whole label, or the one label containing the text', () => {
    expect(resolveChoice(rooms, ROOM_ID)).toEqual({ id: ROOM_ID });
    // 枫林路第三居委调解室 is also inside no other label, but the whole label wins over parts anyway.
    expect(resolveChoice(rooms, '枫林路第三居委调解室')).toEqual({ id: ROOM_ID });
    expect(resolveChoice(rooms, '十三居委')).toEqual({ id: 'r2' });
    expect(resolveChoice(rooms, '')).toEqual({ id: '' });
  });

  it('refuses text several labels contain rather than guessing, and text none contains', () => {
    expect(resolveChoice(rooms, '第三居委')).toEqual({ problem: 'validation.picker_ambiguous' });
    // Matching only a detail is not naming the choice: a street's name names none of its rooms.
    expect(resolveChoice(rooms, '枫林路街道工作站')).toEqual({ problem: 'validation.picker_unknown' });
    expect(resolveChoice(rooms, '徐家汇')).toEqual({ problem: 'validation.picker_unknown' });
  });

  it('passes an id or nothing on to the API unread, and loads the choices only for typed text', async () => {
    const never = () => {
      throw new Error('loaded');
    };
    expect(await resolvePostedChoice(ROOM_ID, never)).toEqual({ id: ROOM_ID });
    expect(await resolvePostedChoice('', never)).toEqual({ id: '' });
    expect(await resolvePostedChoice('十三居委', async () => rooms)).toEqual({ id: 'r2' });
  });
});

describe('labels a person can type', () => {
  it('adds the detail to labels two choices share, and numbers those that still share it', () => {
    const same = [
      { id: 'a', label: '调解室', detail: '枫林路' },
      { id: 'b', label: '调解室', detail: '天平路' },
      { id: 'c', label: '张伟', detail: '调解员' },
      { id: 'd', label: '张伟', detail: '调解员' },
      { id: 'e', label: '李娜', detail: '律师' },
    ];
    expect(distinctLabels(same).map((c) => c.label)).toEqual([
      '调解室（枫林路）',
      '调解室（天平路）',
      '张伟（调解员） 1',
      '张伟（调解员） 2',
      '李娜',
    ]);
  });
});
