// Counting a unified diff's lines, to check the text diff's hunks in tests.

/** Added and removed lines of a unified diff: hunk lines only, file headers excluded. */
export function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  let oldLeft = 0; // lines still to come in the current hunk, per side
  let newLeft = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      const mark = line[0];
      if (mark === '\\') continue; // "\ No newline at end of file"
      if (mark !== '-') newLeft--;
      if (mark !== '+') oldLeft--;
      if (mark === '+') added++;
      else if (mark === '-') removed++;
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLeft = Number(hunk[1] ?? 1);
      newLeft = Number(hunk[2] ?? 1);
    }
  }
  return { added, removed };
}
