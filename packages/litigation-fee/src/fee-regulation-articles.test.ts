import { describe, expect, it } from 'vitest';
import { FEE_REGULATION_ARTICLES } from './fee-regulation-articles.ts';
import { litigationFee } from './litigation-fee.ts';
import { resolutionPaths } from './resolution-paths.ts';

const CITED = /《诉讼费用交纳办法》((?:第[一二三四五六七八九十]+条[^、，]*、?)+)/;

describe('FEE_REGULATION_ARTICLES', () => {
  it('holds every article a fee or a resolution path cites', () => {
    const held = new Set(FEE_REGULATION_ARTICLES.map((a) => a.label));
    const bases = [
      litigationFee({ kind: 'property', amount: 1, simplified: true }).basis,
      litigationFee({ kind: 'enforcement' }).basis,
      ...resolutionPaths({ kind: 'labour' }).map((p) => p.basis),
    ];
    const cited = bases.flatMap((basis) => [
      ...(basis.match(CITED)?.[1] ?? '').matchAll(/第[一二三四五六七八九十]+条/g),
    ]);
    expect(cited.length).toBeGreaterThan(0);
    for (const [label] of cited) expect(held).toContain(label);
  });

  it('gives the tiers in the words the schedules encode', () => {
    const text = (label: string) => FEE_REGULATION_ARTICLES.find((a) => a.label === label)?.text ?? '';
    expect(text('第十三条')).toContain('超过2000万元的部分，按照0.5%交纳');
    expect(text('第十四条')).toContain('当事人申请保全措施交纳的费用最多不超过5000元');
    expect(text('第八条')).toContain('依照民事诉讼法规定的特别程序审理的案件');
    expect(text('第十六条')).toBe('适用简易程序审理的案件减半交纳案件受理费。');
  });
});
