import { describe, expect, it } from 'vitest';
import { casesToAssign, readAssignmentView } from './assignment.ts';

const A = '0b7e1c52-8a0d-4d4c-9a52-6a1f0f0e1a01';
const B = '0b7e1c52-8a0d-4d4c-9a52-6a1f0f0e1a02';

describe('the assignment page', () => {
  it('opens on 新转入 and ignores what is not a view, a unit id, a page or a page size', () => {
    expect(readAssignmentView(new URLSearchParams(''))).toEqual({
      view: 'transferred-in',
      unit: '',
      sort: 'received',
      page: 1,
      size: 20,
    });
    expect(readAssignmentView(new URLSearchParams(`view=unassigned&unit=${A}&page=2&size=50`))).toEqual({
      view: 'unassigned',
      unit: A,
      sort: 'received',
      page: 2,
      size: 50,
    });
    expect(readAssignmentView(new URLSearchParams('page=x&size=7'))).toMatchObject({ page: 1, size: 20 });
    expect(readAssignmentView(new URLSearchParams('view=mine&unit=station-a'))).toMatchObject({
      view: 'transferred-in',
      unit: '',
    });
  });

  it('assigns the ticked cases, or only the row whose own button was pressed', () => {
    const form = new FormData();
    for (const id of [A, B, A, 'not-an-id']) form.append('caseId', id);
    expect(casesToAssign(form)).toEqual([A, B]);
    form.set('only', B);
    expect(casesToAssign(form)).toEqual([B]);
    expect(casesToAssign(new FormData())).toEqual([]);
  });
});
