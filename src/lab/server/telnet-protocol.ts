// Just enough of the Telnet protocol (RFC 854/857/858) for a device's vty: the server offers to
// echo and to suppress go-ahead, so the client neither echoes the password locally nor waits for
// GA; every other option the client asks for or offers is declined. Negotiation and
// sub-negotiation bytes are stripped from the input, and the line ends CR LF and CR NUL become
// one CR.

const IAC = 255;
const DONT = 254;
const DO = 253;
const WONT = 252;
const WILL = 251;
const SB = 250;
const SE = 240;
/** Interrupt Process: what some clients send for Ctrl-C. */
const IP = 244;
const ECHO = 1;
const SUPPRESS_GO_AHEAD = 3;
const NUL = 0;
const CR = 13;
const LF = 10;

/** Sent when the connection opens: IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD. */
export const TELNET_GREETING = Buffer.from([IAC, WILL, ECHO, IAC, WILL, SUPPRESS_GO_AHEAD]);

const SERVER_OPTIONS = new Set([ECHO, SUPPRESS_GO_AHEAD]);

type DecoderState = 'data' | 'command' | 'option' | 'subnegotiation' | 'subnegotiation-iac';

export interface DecodedInput {
  /** The characters the user typed (Latin-1; the IOS CLI is ASCII). */
  text: string;
  /** Negotiation replies to send back (empty when none). */
  reply: Buffer;
}

/** Stateful across chunks: a sequence may be split anywhere. */
export class TelnetDecoder {
  private state: DecoderState = 'data';
  private verb = 0;
  private afterCr = false;

  decode(chunk: Buffer): DecodedInput {
    const text: number[] = [];
    const reply: number[] = [];
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'command';
          // Telnet ends a line with CR LF and sends a bare CR as CR NUL: either is one CR.
          else if (!((byte === NUL || byte === LF) && this.afterCr)) text.push(byte);
          this.afterCr = byte === CR;
          break;
        case 'command':
          this.state = 'data';
          if (byte === IAC) text.push(IAC);
          else if (byte === IP) text.push(3);
          else if (byte === SB) this.state = 'subnegotiation';
          else if (byte >= WILL && byte <= DONT) {
            this.verb = byte;
            this.state = 'option';
          }
          break;
        case 'option':
          this.state = 'data';
          if (this.verb === DO && !SERVER_OPTIONS.has(byte)) reply.push(IAC, WONT, byte);
          else if (this.verb === WILL) reply.push(IAC, DONT, byte);
          break;
        case 'subnegotiation':
          if (byte === IAC) this.state = 'subnegotiation-iac';
          break;
        case 'subnegotiation-iac':
          this.state = byte === SE ? 'data' : 'subnegotiation';
          break;
      }
    }
    return { text: Buffer.from(text).toString('latin1'), reply: Buffer.from(reply) };
  }
}
