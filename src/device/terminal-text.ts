// Turns what a terminal receives into plain text: ANSI escape sequences dropped, backspaces
// applied (IOS erases `--More--` and re-draws lines with them), CRLF and stray CR/NUL removed.
// Works chunk by chunk, keeping an incomplete escape sequence or CR for the next chunk, so
// a sequence split by TCP segmentation is still recognised. The text is kept as the list of
// cleaned chunks: a reader waiting for a prompt looks at the tail only, and joining (or slicing)
// a growing 200 kB show run at every arriving chunk made each wait quadratic.

// CSI sequences, charset selection and single-character escapes.
const ESCAPE = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[()][A-Za-z0-9]|[78=>DEHMc])/g;
const INCOMPLETE_TAIL = /(?:\x1b(?:\[[0-9;?]*[ -/]*|[()])?|\r)$/;
/** An unfinished escape sequence is short: only this much of a chunk's end is searched for one. */
const INCOMPLETE_SEARCH = 256;

export class TerminalText {
  private chunks: string[] = [];
  private size = 0;
  private carry = '';

  /** Characters of clean text not yet consumed. */
  get length(): number {
    return this.size;
  }

  /** Clean text not yet consumed by a reader. */
  get text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }

  /** The last `count` characters of the text (fewer when there are fewer), without joining the rest. */
  tail(count: number): string {
    let out = '';
    for (let i = this.chunks.length - 1; i >= 0 && out.length < count; i--) out = (this.chunks[i] as string).slice(-(count - out.length)) + out;
    return out;
  }

  append(raw: string): void {
    let chunk = this.carry + raw;
    const tail = INCOMPLETE_TAIL.exec(chunk.slice(-INCOMPLETE_SEARCH));
    this.carry = tail ? tail[0] : '';
    if (tail) chunk = chunk.slice(0, chunk.length - tail[0].length);
    chunk = clean(chunk);
    if (!chunk.includes('\b')) {
      if (chunk !== '') this.push(chunk);
      return;
    }
    let text = this.text;
    for (const part of chunk.split(/(\x08+)/)) {
      if (!part.startsWith('\b')) text += part;
      else {
        // A backspace never crosses a line end on a terminal.
        const lineStart = text.lastIndexOf('\n') + 1;
        text = text.slice(0, Math.max(lineStart, text.length - part.length));
      }
    }
    this.reset(text);
  }

  /** Removes and returns the first `length` characters. */
  take(length: number): string {
    const text = this.text;
    this.reset(text.slice(length));
    return text.slice(0, length);
  }

  private push(chunk: string): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  private reset(text: string): void {
    this.chunks = text === '' ? [] : [text];
    this.size = text.length;
  }
}

/** Escapes, CR (of CRLF or stray), NUL and BEL removed; each pass only when the chunk has one (most have none). */
function clean(chunk: string): string {
  let text = chunk.includes('\x1b') ? chunk.replace(ESCAPE, '') : chunk;
  if (text.includes('\r')) text = text.replaceAll('\r', '');
  if (text.includes('\0') || text.includes('\x07')) text = text.replace(/[\0\x07]/g, '');
  return text;
}
