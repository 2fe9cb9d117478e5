// The pieces of a vty that need no network: line editing, `--More--` paging, Telnet decoding.

import { describe, expect, it } from 'vitest';
import { TELNET_GREETING, TelnetDecoder } from '../../src/lab/server/telnet-protocol.js';
import { EnterKeyFolder, LineEditor, type KeyEvent } from '../../src/lab/shell/line-editor.js';
import { Pager, pagerKey } from '../../src/lab/shell/pager.js';

function typeKeys(text: string): KeyEvent[] {
  const editor = new LineEditor();
  const folder = new EnterKeyFolder();
  const events: KeyEvent[] = [];
  for (const raw of text) {
    const key = folder.fold(raw);
    if (key !== undefined) events.push(editor.key(key));
  }
  return events;
}

const lines = (events: KeyEvent[]): string[] => events.flatMap((e) => (e.kind === 'line' ? [e.line] : []));

describe('LineEditor', () => {
  it('ends lines at CR, LF and CRLF alike', () => {
    expect(lines(typeKeys('a\rb\nc\r\nd\r\r\n'))).toEqual(['a', 'b', 'c', 'd', '']);
  });

  it('edits with backspace and DEL, echoing the erase', () => {
    const events = typeKeys('shx\x7fow\b\bow\r');
    expect(lines(events)).toEqual(['show']);
    expect(events.map((e) => e.echo).join('')).toBe('shx\b \bow\b \b\b \bow\r\n');
  });

  it('swallows cursor-key escape sequences and other control characters', () => {
    expect(lines(typeKeys('sh\x1b[A\x1bOBow\x07 ver\r'))).toEqual(['show ver']);
  });

  it('reports Ctrl-Z with the typed text and Ctrl-C as a discarded line', () => {
    const events = typeKeys('end\x1aab\x03');
    expect(events.find((e) => e.kind === 'ctrl-z')).toEqual({ kind: 'ctrl-z', line: 'end', echo: '^Z\r\n' });
    expect(events.at(-1)?.kind).toBe('ctrl-c');
  });
});

describe('Pager', () => {
  const text = Array.from({ length: 10 }, (_, i) => `line ${i}`);

  it('shows length-1 rows a screen, one more line on Enter', () => {
    const pager = new Pager(text, 4, 80);
    expect(pager.nextPage()).toEqual(['line 0', 'line 1', 'line 2']);
    expect(pager.nextLine()).toEqual(['line 3']);
    expect(pager.nextPage()).toEqual(['line 4', 'line 5', 'line 6']);
    expect(pager.nextPage()).toEqual(['line 7', 'line 8', 'line 9']);
    expect(pager.done).toBe(true);
  });

  it('counts a line wider than the terminal as several rows', () => {
    const pager = new Pager(['x'.repeat(25), 'a', 'b', 'c'], 4, 10);
    expect(pager.nextPage()).toEqual(['x'.repeat(25)]);
    expect(pager.nextPage()).toEqual(['a', 'b', 'c']);
  });

  it('maps keys: space a page, Enter a line, anything else stops', () => {
    expect([' ', '\r', 'q', '\x03'].map(pagerKey)).toEqual(['page', 'line', 'stop', 'stop']);
  });
});

describe('TelnetDecoder', () => {
  const IAC = 255;

  it('offers echo and suppress-go-ahead', () => {
    expect([...TELNET_GREETING]).toEqual([IAC, 251, 1, IAC, 251, 3]);
  });

  it('strips negotiation, declines what it does not offer, keeps the text', () => {
    const decoder = new TelnetDecoder();
    const input = Buffer.from([IAC, 253, 1, IAC, 253, 24, IAC, 251, 31, ...Buffer.from('admin\r\0'), IAC, IAC]);
    const { text, reply } = decoder.decode(input);
    expect(text).toBe('admin\r\xff');
    expect(decoder.decode(Buffer.from('a\r\nb\r')).text + decoder.decode(Buffer.from('\nc\n')).text).toBe('a\rb\rc\n');
    expect([...reply]).toEqual([IAC, 252, 24, IAC, 254, 31]);
  });

  it('handles sequences split across chunks and sub-negotiation', () => {
    const decoder = new TelnetDecoder();
    const first = decoder.decode(Buffer.from([...Buffer.from('ab'), IAC, 250, 31, 0, 80]));
    const second = decoder.decode(Buffer.from([0, 24, IAC, 240, ...Buffer.from('c'), IAC]));
    const third = decoder.decode(Buffer.from([244]));
    expect(first.text + second.text + third.text).toBe('abc\x03');
  });
});
