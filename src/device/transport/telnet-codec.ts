// Telnet (RFC 854/857/858): the IAC state machine that strips negotiation from the data stream
// and answers it by a policy. The client side (here) accepts the server's ECHO and
// SUPPRESS-GO-AHEAD, so IOS echoes as on SSH, and declines everything else; the lab's vty is
// the other side of the same parser with a server policy (src/lab/server/telnet-protocol.ts).

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
const SB = 250;
const SE = 240;
export const ECHO = 1;
export const SUPPRESS_GO_AHEAD = 3;

/** The reply bytes (without IAC) to the peer's `verb option`, or undefined for none. */
export type TelnetPolicy = (verb: number, option: number) => number | undefined;

type State = 'data' | 'command' | 'option' | 'sub' | 'sub-iac';

/** Stateful across chunks: a sequence may be split anywhere. */
export class TelnetParser {
  private state: State = 'data';
  private verb = 0;

  /**
   * @param policy how to answer WILL/DO/WONT/DONT
   * @param command other commands (`IAC IP`, …): what to put in the data, if anything
   */
  constructor(
    private readonly policy: TelnetPolicy,
    private readonly command: (byte: number) => number | undefined = () => undefined,
  ) {}

  /** Calls `data` for every data byte of the chunk; returns the negotiation replies to send. */
  parse(chunk: Buffer, data: (byte: number) => void): Buffer {
    const reply: number[] = [];
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'command';
          else data(byte);
          break;
        case 'command': {
          this.state = 'data';
          if (byte === IAC) data(IAC);
          else if (byte === SB) this.state = 'sub';
          else if (byte >= WILL && byte <= DONT) {
            this.verb = byte;
            this.state = 'option';
          } else {
            const mapped = this.command(byte);
            if (mapped !== undefined) data(mapped);
          }
          break;
        }
        case 'option': {
          this.state = 'data';
          const answer = this.policy(this.verb, byte);
          if (answer !== undefined) reply.push(IAC, answer, byte);
          break;
        }
        case 'sub':
          if (byte === IAC) this.state = 'sub-iac';
          break;
        case 'sub-iac':
          this.state = byte === SE ? 'data' : 'sub';
          break;
      }
    }
    return Buffer.from(reply);
  }
}

const CLIENT_ACCEPTS = new Set([ECHO, SUPPRESS_GO_AHEAD]);

/** The client's policy: let the server echo and suppress go-ahead; refuse the rest. */
const clientPolicy: TelnetPolicy = (verb, option) => {
  if (verb === WILL) return CLIENT_ACCEPTS.has(option) ? DO : DONT;
  if (verb === DO) return WONT;
  return undefined;
};

/** The client side: data bytes of a chunk and the replies to send back. */
export class TelnetDecoder {
  private readonly parser = new TelnetParser(clientPolicy);

  decode(chunk: Buffer): { data: Buffer; reply: Buffer } {
    const data: number[] = [];
    const reply = this.parser.parse(chunk, (byte) => data.push(byte));
    return { data: Buffer.from(data), reply };
  }
}

export function telnetEncode(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (!bytes.includes(IAC)) return bytes;
  const out: number[] = [];
  for (const byte of bytes) out.push(...(byte === IAC ? [IAC, IAC] : [byte]));
  return Buffer.from(out);
}
