// Turns what a terminal receives into plain text: ANSI escape sequences dropped, backspaces
// applied (IOS erases `--More--` and re-draws lines with them), CRLF and stray CR/NUL removed.
// Works chunk by chunk, keeping an incomplete escape sequence or CR for the next chunk, so
// a sequence split by TCP segmentation is still recognised.

// CSI sequences, charset selection and single-character escapes.
const ESCAPE = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[()][A-Za-z0-9]|[78=>DEHMc])/g;
const INCOMPLETE_TAIL = /(?:\x1b(?:\[[0-9;?]*[ -/]*|[()])?|\r)$/;

export class TerminalText {
  /** Clean text not yet consumed by a reader. */
  text = '';
  private carry = '';

  append(raw: string): void {
    let chunk = this.carry + raw;
    const tail = INCOMPLETE_TAIL.exec(chunk);
    this.carry = tail ? tail[0] : '';
    if (tail) chunk = chunk.slice(0, tail.index);
    chunk = chunk.replace(ESCAPE, '').replace(/\r+\n/g, '\n').replace(/[\r\0\x07]/g, '');
    if (!chunk.includes('\b')) {
      this.text += chunk;
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
    this.text = text;
  }

  /** Removes and returns the first `length` characters. */
  take(length: number): string {
    const taken = this.text.slice(0, length);
    this.text = this.text.slice(length);
    return taken;
  }
}
