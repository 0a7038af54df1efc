import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

const captured = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
};

describe('every process’s log', () => {
  it('never writes a person’s data or a secret, at the top of a line or one level down', () => {
    const { lines, stream } = captured();
    const log = createLogger('server', 'info', stream).child({ requestId: 'r-1' });
    log.info(
      {
        phone: '13812345678',
        password: 'Linju@demo2026',
        input: { name: '赵阿姨', idNumber: '310104198001011234', description: '房东不退押金' },
        session: { token: 'secret-token' },
      },
      'procedure failed',
    );
    const line = lines.join('');
    for (const secret of [
      '13812345678',
      'Linju@demo2026',
      '赵阿姨',
      '310104198001011234',
      '房东不退押金',
      'secret-token',
    ])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ name: 'server', requestId: 'r-1', phone: '[redacted]' });
  });
});
