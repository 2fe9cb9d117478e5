// Writing to the client. Writes made in one turn of the event loop go out as one (an echoed line,
// its output and the next prompt make one SSH packet, not dozens), and the latency faults pace
// the output. The session awaits each paced write before it reads on, so output stays in order
// whatever the delays.

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** A slow link: text goes out in chunks, each after `perByteMs` per byte of it. */
const CHUNK = 1024;

export class TerminalOutput {
  private pending = '';
  private flushScheduled = false;

  constructor(
    private readonly sink: (text: string) => void,
    /** False once the session is closed: late writes are dropped. */
    private readonly open: () => boolean,
  ) {}

  write(text: string): void {
    if (text === '' || !this.open()) return;
    this.pending += text;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Sends what is pending now (before the connection is closed, say). */
  flush(): void {
    this.flushScheduled = false;
    const text = this.pending;
    this.pending = '';
    if (text !== '' && this.open()) this.sink(text);
  }

  /** Writes `text`, paced at `perByteMs` per byte (at once when 0). */
  async writePaced(text: string, perByteMs: number): Promise<void> {
    if (perByteMs <= 0) {
      this.write(text);
      return;
    }
    for (let start = 0; start < text.length && this.open(); start += CHUNK) {
      const chunk = text.slice(start, start + CHUNK);
      await sleep(Buffer.byteLength(chunk) * perByteMs);
      this.write(chunk);
    }
  }
}
