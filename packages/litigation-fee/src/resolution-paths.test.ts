import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { resolutionPaths } from './resolution-paths.ts';

describe('resolutionPaths', () => {
  it('sets litigation beside free people’s mediation and judicial confirmation, each with its basis', () => {
    expect(resolutionPaths({ kind: 'property', amount: 100_000 })).toEqual([
      { path: 'litigation', fee: 2_300, basis: '《诉讼费用交纳办法》第十三条第（一）项' },
      { path: 'people-mediation', fee: 0, basis: '《人民调解法》第四条' },
      {
        path: 'judicial-confirmation',
        fee: 0,
        basis: '《人民调解法》第三十三条、《诉讼费用交纳办法》第八条',
      },
    ]);
  });

  it('offers labour arbitration, free, for a labour dispute only', () => {
    const paths = resolutionPaths({ kind: 'labour' });
    expect(paths.map((p) => p.path)).toEqual([
      'litigation',
      'people-mediation',
      'judicial-confirmation',
      'labour-arbitration',
    ]);
    expect(paths[0]).toMatchObject({ fee: 10 });
    expect(paths[3]).toEqual({
      path: 'labour-arbitration',
      fee: 0,
      basis: '《劳动争议调解仲裁法》第五十三条',
    });
  });

  it('carries a range kind’s range', () => {
    expect(resolutionPaths({ kind: 'divorce' })[0]).toEqual({
      path: 'litigation',
      fee: 300,
      feeRange: { min: 50, max: 300 },
      basis: '《诉讼费用交纳办法》第十三条第（二）项第1目',
    });
  });

  it('takes disputes only: an application fee has no other way round', () => {
    expect(() => resolutionPaths({ kind: 'enforcement' } as never)).toThrow(ZodError);
  });
});
