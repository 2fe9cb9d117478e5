// The input line of a terminal session, one key at a time, as a VTY line edits it: printable
// characters are inserted, backspace/DEL remove the last one, CR, LF and CRLF all end the line,
// cursor-key escape sequences are swallowed. Whether anything is echoed is the session's choice;
// the editor says what the echo would be.

export type KeyEvent =
  /** The line was edited; `echo` is what a terminal with echo shows ('' for nothing). */
  | { kind: 'edit'; echo: string }
  /** Enter: the completed line (without the line end). */
  | { kind: 'line'; line: string; echo: string }
  /** Ctrl-Z (in config mode: `end`), with the text typed before it. */
  | { kind: 'ctrl-z'; line: string; echo: string }
  /** Ctrl-C: the typed text is discarded. */
  | { kind: 'ctrl-c'; echo: string };

const CTRL_C = '\x03';
const CTRL_Z = '\x1a';
const ESC = '\x1b';
const NOTHING: KeyEvent = { kind: 'edit', echo: '' };

/** Folds CR, LF and CRLF into one Enter (`\r`), across chunk boundaries. */
export class EnterKeyFolder {
  private afterCr = false;

  /** The key to act on, or undefined for the LF of a CRLF pair. */
  fold(char: string): string | undefined {
    const afterCr = this.afterCr;
    this.afterCr = char === '\r';
    if (char === '\n') return afterCr ? undefined : '\r';
    return char;
  }
}

export class LineEditor {
  private buffer = '';
  /** Inside an ANSI escape sequence (arrow keys): 1 after ESC, 2 after ESC [. */
  private escape = 0;

  /** Acts on one key; Enter is `\r` (see EnterKeyFolder). */
  key(char: string): KeyEvent {
    if (this.escape > 0) return this.skipEscape(char);
    switch (char) {
      case '\r':
        return { kind: 'line', line: this.take(), echo: '\r\n' };
      case '\b':
      case '\x7f':
        if (this.buffer === '') return NOTHING;
        this.buffer = this.buffer.slice(0, -1);
        return { kind: 'edit', echo: '\b \b' };
      case CTRL_Z:
        return { kind: 'ctrl-z', line: this.take(), echo: '^Z\r\n' };
      case CTRL_C:
        this.buffer = '';
        return { kind: 'ctrl-c', echo: '^C\r\n' };
      case ESC:
        this.escape = 1;
        return NOTHING;
      case '\t':
        // No completion: a tab separates words as a space does.
        return this.insert(' ');
      default:
        return char < ' ' ? NOTHING : this.insert(char);
    }
  }

  private insert(char: string): KeyEvent {
    this.buffer += char;
    return { kind: 'edit', echo: char };
  }

  private take(): string {
    const line = this.buffer;
    this.buffer = '';
    return line;
  }

  /** ESC [ parameters… final-byte (0x40–0x7e), or ESC + one character. */
  private skipEscape(char: string): KeyEvent {
    if (this.escape === 1) this.escape = char === '[' || char === 'O' ? 2 : 0;
    else if (char >= '@' && char <= '~') this.escape = 0;
    return NOTHING;
  }
}
