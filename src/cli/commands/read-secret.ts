// Reading a password: typed on a terminal without echo (asked twice), or the first line of
// stdin when it is piped (`--password-stdin`, scripts, CI).

import { createInterface } from 'node:readline';

export async function readSecret(prompt: string, options: { confirm: boolean }): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await askHidden(prompt);
  if (options.confirm && (await askHidden('Again: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (error?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer): void => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
