import { describe, expect, it } from 'vitest';
import {
  brandPalette,
  contrastRatio,
  DEFAULT_BRAND_COLOUR,
  parseHexColour,
  relativeLuminance,
} from './brand-colours.ts';

function ratio(palette: { background: string; foreground: string }): number {
  const background = parseHexColour(palette.background);
  const foreground = parseHexColour(palette.foreground);
  if (!background || !foreground) throw new Error('palette colours must be hex');
  return contrastRatio(background, foreground);
}

describe('parseHexColour', () => {
  it('reads short and long hex forms', () => {
    expect(parseHexColour('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColour('#1D4F91')).toEqual([29, 79, 145]);
  });

  it('refuses anything else, so nothing but a colour reaches a style attribute', () => {
    expect(parseHexColour('red')).toBeUndefined();
    expect(parseHexColour('#12345')).toBeUndefined();
    expect(parseHexColour('#000; background:url(x)')).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 5);
  });
});

describe('brandPalette', () => {
  it('puts white text on a dark brand colour', () => {
    expect(brandPalette('#8b0000')).toEqual({ background: '#8b0000', foreground: '#ffffff' });
  });

  it('puts dark text on a light brand colour', () => {
    expect(brandPalette('#ffd700')).toEqual({ background: '#ffd700', foreground: '#111111' });
  });

  it('darkens a mid-tone that neither text colour can read on', () => {
    const palette = brandPalette('#777777');
    expect(palette.background).not.toBe('#777777');
    expect(palette.foreground).toBe('#ffffff');
    expect(ratio(palette)).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to the default colour for missing or invalid input', () => {
    expect(brandPalette(undefined).background).toBe(DEFAULT_BRAND_COLOUR);
    expect(brandPalette('javascript:alert(1)').background).toBe(DEFAULT_BRAND_COLOUR);
  });

  it('always reaches AA', () => {
    for (const colour of [
      '#000000',
      '#ffffff',
      '#ff0000',
      '#00ff00',
      '#0000ff',
      '#808080',
      '#1d4f91',
      '#c0c0c0',
    ]) {
      expect(ratio(brandPalette(colour)), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
