// A writable that keeps what was written, for asserting on logger output.
import { Writable } from 'node:stream';

export function capture(): { stream: NodeJS.WritableStream; text: () => string; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = (): string => chunks.join('');
  return { stream, text, lines: () => text().split('\n').filter((line) => line !== '') };
}
