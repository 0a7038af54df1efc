import { closeSync, openSync, readSync } from 'node:fs';

/** ELF `e_machine` values of the two architectures a release is built for. */
export const ELF_MACHINE = { x64: 62, arm64: 183 } as const;

/**
 * The `e_machine` of an ELF file (executable or shared object such as a `.node` addon), or null when
 * the file is not ELF. Read from the header: `file` is not on every build machine.
 */
export function elfMachine(path: string): number | null {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 20, 0) < 20) return null;
  } finally {
    closeSync(fd);
  }
  if (header.readUInt32BE(0) !== 0x7f454c46) return null;
  // EI_DATA (byte 5): 1 little-endian, 2 big-endian; e_machine is the half-word at 18.
  return header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18);
}
