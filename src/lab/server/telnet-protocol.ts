// Just enough of the Telnet protocol (RFC 854/857/858) for a device's vty: the server offers to
// echo and to suppress go-ahead, so the client neither echoes the password locally nor waits for
// GA; every other option the client asks for or offers is declined. Negotiation and
// sub-negotiation bytes are stripped from the input, and the line ends CR LF and CR NUL become
// one CR. The IAC state machine is the device layer's (one parser, two policies).

import { DO, DONT, ECHO, IAC, SUPPRESS_GO_AHEAD, TelnetParser, WILL, WONT, type TelnetPolicy } from '../../device/transport/telnet-codec.js';

/** Interrupt Process: what some clients send for Ctrl-C. */
const IP = 244;
const CTRL_C = 3;
const NUL = 0;
const CR = 13;
const LF = 10;

/** Sent when the connection opens: IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD. */
export const TELNET_GREETING = Buffer.from([IAC, WILL, ECHO, IAC, WILL, SUPPRESS_GO_AHEAD]);

const SERVER_OPTIONS = new Set([ECHO, SUPPRESS_GO_AHEAD]);

/** The server's policy: it does ECHO and SUPPRESS-GO-AHEAD itself; it wants no client option. */
const serverPolicy: TelnetPolicy = (verb, option) => {
  if (verb === DO && !SERVER_OPTIONS.has(option)) return WONT;
  if (verb === WILL) return DONT;
  return undefined;
};

export interface DecodedInput {
  /** The characters the user typed (Latin-1; the IOS CLI is ASCII). */
  text: string;
  /** Negotiation replies to send back (empty when none). */
  reply: Buffer;
}

/** Stateful across chunks: a sequence may be split anywhere. */
export class TelnetDecoder {
  private readonly parser = new TelnetParser(serverPolicy, (command) => (command === IP ? CTRL_C : undefined));
  private afterCr = false;

  decode(chunk: Buffer): DecodedInput {
    const text: number[] = [];
    const reply = this.parser.parse(chunk, (byte) => {
      // Telnet ends a line with CR LF and sends a bare CR as CR NUL: either is one CR.
      if (!((byte === NUL || byte === LF) && this.afterCr)) text.push(byte);
      this.afterCr = byte === CR;
    });
    return { text: Buffer.from(text).toString('latin1'), reply };
  }
}
