// The receiving end of `scp` (`scp -t flash:FILE` on the exec channel), as IOS runs it with
// `ip scp server enable`: how a config file reaches flash for `configure replace`.
// Protocol: the sink acknowledges with a NUL byte; the source sends `C<mode> <size> <name>\n`,
// the sink acknowledges, the source sends <size> bytes and a NUL, the sink acknowledges.

const ACK = Buffer.from([0]);

/** The flash file a `scp -t` command targets, or undefined when the command is something else. */
export function scpSinkTarget(command: string): string | undefined {
  const match = /^scp(?:\s+-[a-zA-Z]+)*\s+-[a-zA-Z]*t[a-zA-Z]*\s+(?:flash:\/?)?(\S+)$/.exec(command.trim());
  return match?.[1];
}

export interface ScpSinkIo {
  write(data: Buffer): void;
  /** A file arrived whole. */
  file(name: string, data: Buffer): void;
  /** The transfer failed: tell the source, then close with a non-zero status. */
  fail(message: string): void;
}

export class ScpSink {
  private buffer = Buffer.alloc(0);
  private expecting: { name: string; size: number } | undefined;

  /** `target`: the file name the command gave; a single file is written under it. */
  constructor(
    private readonly target: string,
    private readonly io: ScpSinkIo,
  ) {
    io.write(ACK);
  }

  input(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (this.expecting) {
        const { size, name } = this.expecting;
        if (this.buffer.length < size + 1) return;
        const content = this.buffer.subarray(0, size);
        this.buffer = this.buffer.subarray(size + 1); // the source's NUL after the data
        this.expecting = undefined;
        this.io.file(name, Buffer.from(content));
        this.io.write(ACK);
        continue;
      }
      const end = this.buffer.indexOf(0x0a);
      if (end < 0) return;
      const line = this.buffer.subarray(0, end).toString('utf8');
      this.buffer = this.buffer.subarray(end + 1);
      if (!this.control(line)) return;
    }
  }

  /** One control line; false when the transfer failed. */
  private control(line: string): boolean {
    if (line.startsWith('T')) {
      // Times (`scp -p`): flash keeps none.
      this.io.write(ACK);
      return true;
    }
    const file = /^C[0-7]{4} (\d+) (.+)$/.exec(line);
    if (!file) {
      this.io.fail(`scp: ${line.startsWith('D') ? 'directories are not supported' : 'protocol error'}`);
      return false;
    }
    this.expecting = { size: Number(file[1]), name: this.target };
    this.io.write(ACK);
    return true;
  }
}
