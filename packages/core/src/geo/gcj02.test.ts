import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

const metresBetween = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_540);

describe('GCJ-02, the datum of China’s map services', () => {
  const peoplesSquare: [number, number] = [121.4737, 31.2304];

  it('lies a few hundred metres off GPS in Shanghai', () => {
    const shifted = wgs84ToGcj02(peoplesSquare);
    const offset = metresBetween(shifted, peoplesSquare);
    expect(offset).toBeGreaterThan(300);
    expect(offset).toBeLessThan(700);
  });

  it('converts back to GPS within a centimetre', () => {
    expect(metresBetween(gcj02ToWgs84(wgs84ToGcj02(peoplesSquare)), peoplesSquare)).toBeLessThan(0.01);
  });

  it('leaves points outside China as they are', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});
