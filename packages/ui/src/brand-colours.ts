/** An sRGB colour as three 0–255 channels. */
export type Rgb = readonly [number, number, number];

/** Linju's own blue, used when a tenant has no valid brand colour. White text on it is 8.1:1. */
export const DEFAULT_BRAND_COLOUR = '#1d4f91';
const DEFAULT_BRAND_RGB: Rgb = [0x1d, 0x4f, 0x91];

const LIGHT_TEXT: Rgb = [0xff, 0xff, 0xff];
const DARK_TEXT: Rgb = [0x11, 0x11, 0x11];
/** WCAG 2.x AA for normal-size text. */
const AA_CONTRAST = 4.5;

function mapChannels([r, g, b]: Rgb, map: (channel: number) => number): Rgb {
  return [map(r), map(g), map(b)];
}

/** Parses `#rgb` or `#rrggbb` (any case); anything else, including CSS keywords, gives `undefined`. */
export function parseHexColour(colour: string): Rgb | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  const hex = match?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const channel = (start: number) => Number.parseInt(full.slice(start, start + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = mapChannels(rgb, (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export interface BrandPalette {
  /** The brand colour to paint headers and primary buttons with. */
  background: string;
  /** Text colour on `background`, at least 4.5:1. */
  foreground: string;
}

/**
 * Turns a tenant's brand colour into a background and text colour pair that meets WCAG AA.
 * Tenants pick colours for their look, not for contrast: white or near-black text is chosen,
 * whichever reads better, and a mid-tone colour that neither reaches 4.5:1 on is darkened step by
 * step until white text does.
 */
export function brandPalette(colour: string | null | undefined): BrandPalette {
  const parsed = (colour && parseHexColour(colour)) || DEFAULT_BRAND_RGB;
  const onLight = contrastRatio(parsed, LIGHT_TEXT);
  const onDark = contrastRatio(parsed, DARK_TEXT);
  if (onLight >= AA_CONTRAST && onLight >= onDark) {
    return { background: toHex(parsed), foreground: toHex(LIGHT_TEXT) };
  }
  if (onDark >= AA_CONTRAST) return { background: toHex(parsed), foreground: toHex(DARK_TEXT) };
  let darker = parsed;
  while (contrastRatio(darker, LIGHT_TEXT) < AA_CONTRAST) {
    darker = mapChannels(darker, (channel) => channel * 0.95);
  }
  return { background: toHex(darker), foreground: toHex(LIGHT_TEXT) };
}
