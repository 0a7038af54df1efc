import { describe, expect, it } from 'vitest';
import { servicesFor, topicOf } from './topics.ts';

const offered = ['mediation', 'consultation', 'legal-aid', 'notary'].map((id) => ({ id }));
const fits = (question: string, laws: string[] = []) =>
  servicesFor(
    topicOf(
      question,
      laws.map((law) => ({ law })),
    ),
    offered,
  ).map((s) => s.id);

describe('the services that fit a question', () => {
  it('offers mediation, consultation and legal aid for money lent and not repaid', () => {
    expect(fits('朋友借钱不还怎么办，借了5万元')).toEqual(['mediation', 'consultation', 'legal-aid']);
    expect(fits('对方欠款两年了')).toEqual(['mediation', 'consultation', 'legal-aid']);
  });

  it('offers mediation and consultation for a divorce', () => {
    expect(fits('我想离婚，孩子归谁')).toEqual(['mediation', 'consultation']);
  });

  it('offers legal aid first for unpaid wages (migrant workers), then mediation', () => {
    expect(fits('老板拖欠工资三个月')).toEqual(['legal-aid', 'mediation', 'consultation']);
  });

  it('finds the matter from the retrieved articles when the words name none', () => {
    expect(fits('干了活老板不给钱', ['中华人民共和国劳动合同法'])).toEqual([
      'legal-aid',
      'mediation',
      'consultation',
    ]);
  });

  it('sends any other question to a lawyer', () => {
    expect(fits('遗嘱怎么写才有效')).toEqual(['consultation']);
  });

  it('offers only the services switched on in the district', () => {
    const onlyConsultation = [{ id: 'consultation' }];
    expect(servicesFor(topicOf('朋友借钱不还', []), onlyConsultation)).toEqual(onlyConsultation);
  });

  it('sets the kind of court case by the matter', () => {
    expect(topicOf('借钱不还', []).litigation).toBe('property');
    expect(topicOf('离婚', []).litigation).toBe('divorce');
    expect(topicOf('欠薪', []).litigation).toBe('labour');
    expect(topicOf('有人造谣损害我的名誉', []).litigation).toBe('personality-rights');
  });
});
