import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeNewFile } from '../../src/store/atomic-file.js';

describe('atomic files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-atomic-'));

  it('replaces a file whole, with exact private permissions and no temporary file left', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('creates missing folders when asked, with the mode given', async () => {
    const file = join(dir, 'x', 'y', 'b.bin');
    await writeFileAtomic(file, Buffer.from([1, 2, 3]), { mkdir: true, mode: 0o644 });
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('never overwrites with writeNewFile', async () => {
    const file = join(dir, 'c.txt');
    await writeNewFile(file, 'first');
    await expect(writeNewFile(file, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('first');
  });
});
