// Prompt-aware reading and writing over a transport. Output is cleaned as it arrives
// (terminal-text.ts); a wait ends when its pattern matches the tail of the buffer (never the
// whole buffer: a 5k-line show run is not re-scanned per chunk), answers `--More--` and the
// caller's interactive prompts on the way, and fails with a DeviceError that names the command
// and the pattern it was waiting for. Everything received is kept in a raw transcript (IOS
// does not echo secrets, so none are in it).

import { DeviceError } from './errors.js';
import { TerminalText } from './terminal-text.js';
import type { Transport } from './transport/types.js';

/** How much of the buffer's end a prompt pattern is tested against. */
const TAIL = 512;

export interface Answer {
  /** Tested against the buffer tail, like a prompt: `\[confirm\]$`. */
  pattern: RegExp;
  reply: string;
}

export interface ReadOptions {
  /** What was sent, for the error message ("which command"). */
  command: string;
  timeoutMs: number;
  answers?: Answer[];
  /** Pattern of the pager marker; answered with a space. */
  more?: RegExp;
}

/** The pending text as a wait sees it. */
export type Screen = Pick<TerminalText, 'length' | 'text' | 'tail'>;

interface Waiter {
  check(): boolean;
  fail(error: DeviceError): void;
}

/**
 * Characters of raw transcript a session keeps: the most recent ones. A run keeps one session per
 * device for all its steps, and each 5k-line `show running-config` is ~200 kB, so an unbounded
 * transcript would grow by megabytes per device.
 */
export const TRANSCRIPT_LIMIT = 512 * 1024;

export class Channel {
  private readonly screen = new TerminalText();
  private raw: string[] = [];
  /** Characters kept in `raw`, and dropped from its front. */
  private kept = 0;
  private dropped = 0;
  private waiter: Waiter | undefined;
  private closedBy: DeviceError | undefined;
  private closed = false;

  constructor(
    readonly transport: Transport,
    readonly device: string,
  ) {
    transport.onData((text) => {
      this.raw.push(text);
      this.kept += text.length;
      while (this.kept > TRANSCRIPT_LIMIT && this.raw.length > 1) {
        const oldest = this.raw.shift() as string;
        this.kept -= oldest.length;
        this.dropped += oldest.length;
      }
      this.screen.append(text);
      this.waiter?.check();
    });
    transport.onClose((error) => {
      this.closed = true;
      this.closedBy = error ?? new DeviceError('closed', device, 'session closed');
      this.waiter?.fail(this.closedBy);
    });
  }

  get newline(): string {
    return this.transport.newline;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** The raw session as received (the last TRANSCRIPT_LIMIT characters); unredacted: the driver masks it. */
  get transcript(): string {
    return this.raw.join('');
  }

  /** Characters received so far: a position for `transcriptBetween`. */
  get received(): number {
    return this.dropped + this.kept;
  }

  /** What was received between two positions (`received` then and now), as far as it is still kept. */
  transcriptBetween(from: number, to = this.received): string {
    const cut = from < this.dropped ? `[… ${this.dropped - from} characters not kept]\n` : '';
    // Only the chunks in range are copied: the kept transcript is up to TRANSCRIPT_LIMIT long.
    const start = Math.max(from, this.dropped);
    const parts: string[] = [];
    let position = this.dropped;
    for (const chunk of this.raw) {
      if (position >= to) break;
      const next = position + chunk.length;
      if (next > start) parts.push(chunk.slice(Math.max(0, start - position), Math.min(chunk.length, to - position)));
      position = next;
    }
    return cut + parts.join('');
  }

  /** Clean text received and not consumed yet. */
  get pending(): string {
    return this.screen.text;
  }

  send(text: string): void {
    if (this.closed) throw this.closedBy ?? new DeviceError('closed', this.device, 'session closed');
    this.transport.write(text);
  }

  sendLine(line: string): void {
    this.send(line + this.transport.newline);
  }

  /** Drops whatever is pending (stale output before a new command). */
  discard(): void {
    this.screen.take(this.screen.text.length);
  }

  /**
   * Waits until `prompt` matches the buffer's tail; returns the text up to and including the
   * match and keeps what follows it.
   */
  readUntil(prompt: RegExp, options: ReadOptions): Promise<{ text: string; match: RegExpExecArray }> {
    let answeredAt = -1;
    return this.waitFor(
      (screen) => {
        const tail = screen.tail(TAIL);
        const offset = screen.length - tail.length;
        const match = prompt.exec(tail);
        if (match) return { length: offset + match.index + match[0].length, value: match };
        if (screen.length === answeredAt) return undefined;
        if (options.more?.test(tail)) {
          answeredAt = screen.length;
          this.send(' ');
          return undefined;
        }
        for (const answer of options.answers ?? []) {
          if (!answer.pattern.test(tail)) continue;
          answeredAt = screen.length;
          this.sendLine(answer.reply);
          return undefined;
        }
        return undefined;
      },
      { command: options.command, awaiting: String(prompt), timeoutMs: options.timeoutMs },
    ).then(({ text, value }) => ({ text, match: value }));
  }

  /**
   * The general wait: `check` sees the pending text at each arrival (its tail, or all of it when
   * the wait's output is short) and says how much of it is done (consumed) once it is satisfied.
   */
  waitFor<T>(
    check: (screen: Screen) => { length: number; value: T } | undefined,
    what: { command: string; awaiting: string; timeoutMs: number },
  ): Promise<{ text: string; value: T }> {
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiter = undefined;
      };
      const timer = setTimeout(() => {
        finish();
        const last = this.screen.text.slice(-200);
        reject(
          new DeviceError('timeout', this.device, `\`${what.command}\`: no ${what.awaiting} within ${what.timeoutMs} ms (last output: ${JSON.stringify(last)})`, {
            command: what.command,
            awaiting: what.awaiting,
            timeoutMs: what.timeoutMs,
            lastOutput: last,
          }),
        );
      }, what.timeoutMs);
      this.waiter = {
        check: () => {
          const done = check(this.screen);
          if (!done) return false;
          finish();
          resolve({ text: this.screen.take(done.length), value: done.value });
          return true;
        },
        fail: (error) => {
          finish();
          const partial = this.screen.text;
          reject(new DeviceError(error.kind, this.device, `\`${what.command}\`: ${error.message.replace(`${this.device}: `, '')}`, { ...error.details, command: what.command, awaiting: what.awaiting, partialOutput: partial.slice(-2000) }));
        },
      };
      if (this.closed) return this.waiter.fail(this.closedBy as DeviceError);
      this.waiter.check();
    });
  }

  close(): void {
    this.transport.close();
  }
}
