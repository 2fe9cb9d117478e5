// The syntax language of command specs, parsed into a small tree that grammar.ts compiles:
//   keyword            a bare word, matched case-insensitively by any unambiguous prefix
//   <label:type>       a value (`num(1-4094)` carries a range)
//   [ … ]              optional
//   { a | b c | … }    alternatives, each a sequence
// Tokens are separated by spaces; brackets, braces and bars may also touch words (`[secondary]`).

export type SyntaxElement =
  | { kind: 'keyword'; word: string }
  | { kind: 'value'; label: string; type: string; range: readonly [number, number] | undefined }
  | { kind: 'optional'; body: SyntaxElement[] }
  | { kind: 'choice'; options: SyntaxElement[][] };

/** A syntax string that cannot be compiled; the message names it. */
export class SyntaxSpecError extends Error {
  constructor(syntax: string, problem: string) {
    super(`malformed command syntax "${syntax}": ${problem}`);
    this.name = 'SyntaxSpecError';
  }
}

const LEXEME = /\s*(\[|\]|\{|\}|\||<[^>]*>|[^\s[\]{}|<>]+)/y;
const VALUE = /^<([A-Za-z][\w-]*):([a-z][\w-]*)(?:\((\d+)-(\d+)\))?>$/;

export function parseSyntax(syntax: string): SyntaxElement[] {
  const lexemes = lex(syntax);
  let at = 0;
  const fail = (problem: string): never => {
    throw new SyntaxSpecError(syntax, problem);
  };

  // sequence := element*, ending at `]`, `}`, `|` or the end.
  const sequence = (): SyntaxElement[] => {
    const out: SyntaxElement[] = [];
    for (;;) {
      const lexeme = lexemes[at];
      if (lexeme === undefined || lexeme === ']' || lexeme === '}' || lexeme === '|') return out;
      at++;
      if (lexeme === '[') {
        const body = sequence();
        if (lexemes[at++] !== ']') fail('"[" without its "]"');
        if (body.length === 0) fail('empty "[ ]"');
        out.push({ kind: 'optional', body });
      } else if (lexeme === '{') {
        const options = [sequence()];
        while (lexemes[at] === '|') {
          at++;
          options.push(sequence());
        }
        if (lexemes[at++] !== '}') fail('"{" without its "}"');
        if (options.some((o) => o.length === 0)) fail('an empty alternative in "{ }"');
        out.push({ kind: 'choice', options });
      } else if (lexeme.startsWith('<')) {
        out.push(value(lexeme, fail));
      } else {
        out.push({ kind: 'keyword', word: lexeme });
      }
    }
  };

  const elements = sequence();
  if (at < lexemes.length) fail(`unexpected "${lexemes[at] as string}"`);
  if (elements.length === 0) fail('no words');
  checkRestOfLineIsLast(elements, true, fail);
  return elements;
}

function lex(syntax: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    LEXEME.lastIndex = at;
    const m = LEXEME.exec(syntax);
    if (m === null) break;
    out.push(m[1] as string);
    at = LEXEME.lastIndex;
  }
  const rest = syntax.slice(at).trim();
  if (rest !== '') throw new SyntaxSpecError(syntax, `cannot read "${rest}"`);
  return out;
}

function value(lexeme: string, fail: (problem: string) => never): SyntaxElement {
  const m = VALUE.exec(lexeme);
  if (!m) return fail(`bad value "${lexeme}" (expected <label:type>)`);
  const type = m[2] as string;
  if (m[3] === undefined) return { kind: 'value', label: m[1] as string, type, range: undefined };
  if (type !== 'num') return fail(`only num takes a range, not "${type}"`);
  const range = [Number(m[3]), Number(m[4])] as const;
  if (range[0] > range[1]) fail(`empty range in "${lexeme}"`);
  return { kind: 'value', label: m[1] as string, type, range };
}

/** A `line` value takes the rest of the line: nothing may follow it. */
function checkRestOfLineIsLast(sequence: SyntaxElement[], atEnd: boolean, fail: (problem: string) => never): void {
  sequence.forEach((element, i) => {
    const last = atEnd && i === sequence.length - 1;
    if (element.kind === 'value' && element.type === 'line' && !last) fail(`<${element.label}:line> must come last`);
    if (element.kind === 'optional') checkRestOfLineIsLast(element.body, last, fail);
    if (element.kind === 'choice') for (const option of element.options) checkRestOfLineIsLast(option, last, fail);
  });
}
