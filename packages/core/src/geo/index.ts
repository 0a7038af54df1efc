export * from './gcj02.ts';
export * from './map-frame.ts';
