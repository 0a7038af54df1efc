const tty = process.stdout.isTTY;
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Numbered steps on stdout, so a newcomer sees what the first (slow) run is doing. */
export function progress(total: number) {
  let n = 0;
  return {
    step(message: string) {
      n += 1;
      process.stdout.write(`${paint('36', `[${n}/${total}]`)} ${message}\n`);
    },
    note(message: string) {
      process.stdout.write(`      ${paint('2', message)}\n`);
    },
  };
}

export const fatalLine = (message: string, hint?: string) =>
  `${paint('31', `✖ ${message}`)}${hint ? `\n  ${paint('33', `→ ${hint}`)}` : ''}\n`;
