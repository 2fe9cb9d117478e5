import { describe, expect, it } from 'vitest';
import { IosConfigError, parseConfig, type ConfigNode } from '../../src/ios/index.js';

/** The tree as nested [text, children] pairs: easy to read in expectations. */
function shape(nodes: ConfigNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? [n.text, shape(n.children)] : n.text));
}

function parseError(text: string): IosConfigError {
  try {
    parseConfig(text, { source: 'r1.cfg' });
  } catch (error) {
    if (error instanceof IosConfigError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseConfig', () => {
  it('builds sections from one-space show-run indentation and drops comments, exits and end', () => {
    const tree = parseConfig(
      ['hostname r1', '!', 'interface Loopback0', ' ip address 10.0.0.1 255.255.255.255', '!', 'router bgp 1',
        ' neighbor 10.0.0.2 remote-as 1', ' !', ' address-family ipv4', '  neighbor 10.0.0.2 activate',
        ' exit-address-family', '!', 'end', '!', ''].join('\n'),
    );
    expect(shape(tree.children)).toEqual([
      'hostname r1',
      ['interface Loopback0', ['ip address 10.0.0.1 255.255.255.255']],
      ['router bgp 1', ['neighbor 10.0.0.2 remote-as 1', ['address-family ipv4', ['neighbor 10.0.0.2 activate']]]],
    ]);
  });

  it.each([
    ['two-space', 'interface Gi0/1\n  description a\n  shutdown\n'],
    ['tab', 'interface Gi0/1\n\tdescription a\n\tshutdown\n'],
    ['CRLF line ends', 'interface Gi0/1\r\n description a\r\n shutdown\r\n'],
    ['a file indented as a whole', '  interface Gi0/1\n   description a\n   shutdown\n'],
  ])('accepts %s indentation', (_name, text) => {
    expect(shape(parseConfig(text).children)).toEqual([['interface Gi0/1', ['description a', 'shutdown']]]);
  });

  it('reads sections nested deeper than usual (the open levels grow past their first size)', () => {
    const depth = 40;
    const text = Array.from({ length: depth }, (_, k) => `${' '.repeat(k)}level ${k}`).join('\n') + '\nhostname r1\n';
    let node = parseConfig(text).children[0] as ConfigNode;
    for (let k = 1; k < depth; k++) node = node.children[0] as ConfigNode;
    expect(node.text).toBe(`level ${depth - 1}`);
    expect(parseConfig(text).children.map((n) => n.text)).toEqual(['level 0', 'hostname r1']);
  });

  it('keeps line numbers for error messages', () => {
    const tree = parseConfig('!\nhostname r1\n!\ninterface Lo0\n description x\n');
    expect(tree.children.map((n) => n.line)).toEqual([2, 4]);
    expect(tree.children[1]?.children[0]?.line).toBe(5);
  });

  it.each([
    ['^C multi-line (show run)', 'banner motd ^C\nAuthorised access only\n  line two\n^C\n', 'Authorised access only\n  line two'],
    ['one-line ^C', 'banner motd ^CHi there^C\n', 'Hi there'],
    ['ETX character', 'banner login \x03\nWelcome\n\x03\n', 'Welcome'],
    ['# delimiter', 'banner exec #\nexec banner\n#\n', 'exec banner'],
    ['% delimiter, text on the delimiter lines', 'banner motd %first\nsecond%\n', 'first\nsecond'],
    ['! inside the text is text, not a comment', 'banner motd ^C\n! not a comment\n^C\n', '! not a comment'],
  ])('reads banners: %s', (_name, text, body) => {
    const [banner] = parseConfig(`hostname r1\n${text}interface Lo0\n`).children.slice(1);
    expect(banner?.text).toMatch(/^banner (motd|login|exec)$/);
    expect(banner?.body).toBe(body);
  });

  it('reads a certificate chain up to quit, keeping the hex as the body', () => {
    const tree = parseConfig(
      'crypto pki certificate chain TP-self-signed-1\n certificate self-signed 01\n  3082022B 30820194\n  A0030201\n  \tquit\nhostname r1\n',
    );
    expect(tree.children[0]?.children[0]).toMatchObject({ text: 'certificate self-signed 01', body: '3082022B 30820194\nA0030201' });
    expect(tree.children[1]?.text).toBe('hostname r1');
  });

  it.each([
    ['an unterminated banner', 'hostname r1\nbanner motd ^C\nno end\n', 2, /banner motd is not terminated/],
    ['a banner without delimiter', 'banner motd\n', 1, /no delimiter/],
    ['an unterminated certificate', 'crypto pki certificate chain X\n certificate 01\n  AABB\n', 2, /not terminated by "quit"/],
    ['indentation between two levels', 'interface Gi0/1\n   description a\n  shutdown\n', 3, /impossible indentation/],
    ['a line less indented than the top level', '  hostname r1\n interface Gi0/1\n', 2, /impossible indentation/],
  ])('rejects %s with the file and line', (_name, text, line, message) => {
    const error = parseError(text);
    expect(error.kind).toBe('parse');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^r1\\.cfg:${line}: `));
    expect(error.message).toMatch(message);
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(parseConfig('\uFEFFhostname r1\n').children[0]?.text).toBe('hostname r1');
  });

  it('rejects configuration after end, naming both lines', () => {
    const error = parseError('hostname r1\nend\n!\nntp server 10.0.0.1\n');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^r1\.cfg:4: configuration after "end" \(line 2\) would be ignored/);
  });

  it('rejects binary input', () => {
    expect(parseError('hostname r1\0\n').message).toMatch(/binary data/);
  });
});
