import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** A terminal input: what `process.stdin` is when a person types. */
type TtyInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Reads one line that must not be shown: on a terminal in raw mode, so the typed characters are
 * never echoed (backspace works, Ctrl-C and Ctrl-D abort); from a pipe (`… | npm run
 * console:add-user -- anna`), the first line. `prompt` goes to `output` (standard error), the
 * secret nowhere. Rejects when the input ends or is aborted without a line.
 */
export async function readSecret(input: TtyInput, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  if (!input.isTTY || typeof input.setRawMode !== 'function') {
    const rl = createInterface({ input, terminal: false });
    try {
      for await (const line of rl) return line;
    } finally {
      rl.close();
    }
    throw new Error('no password given');
  }
  const setRawMode = input.setRawMode.bind(input);
  setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise<string>((resolve, reject) => {
    let secret = '';
    const done = (err?: Error) => {
      input.removeListener('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(secret);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('aborted'));
        if (ch === '\u007f' || ch === '\b') secret = secret.slice(0, -1);
        else if (ch >= ' ') secret += ch;
      }
    };
    input.on('data', onData);
  });
}
