import { describe, expect, it } from 'vitest';
import { hotlineFilePayload } from './hotline-file.ts';

describe('hotlineFilePayload', () => {
  it('sends a workbook (a ZIP archive) as base64', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(hotlineFilePayload(bytes)).toEqual({ xlsxBase64: Buffer.from(bytes).toString('base64') });
  });

  it('sends anything else as CSV text, Chinese included, without the byte-order mark', () => {
    const bytes = new TextEncoder().encode('\ufeff工单编号,受理时间\n');
    expect(hotlineFilePayload(bytes)).toEqual({ csv: '工单编号,受理时间\n' });
  });
});
