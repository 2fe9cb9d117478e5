// The command grammar matcher of the simulated IOS CLI. A grammar is a list of command specs
// (syntax + action) compiled into one automaton; a line is matched against every spec at once,
// token by token, the way the IOS parser walks its tree. That is what makes abbreviations,
// ambiguity and the position of the `^` marker come out as on a device:
// - a keyword matches any prefix of itself; an exact match wins over longer keywords;
// - a prefix of several keywords (none exact) at the same point is ambiguous;
// - the error is reported where the furthest attempt failed: past the end → incomplete.

import type { CliError } from '../contracts.js';
import { parseSyntax, SyntaxSpecError, type SyntaxElement } from './syntax.js';
import { REST_OF_LINE, tokenType, type TokenMatch, type TokenType } from './token-types.js';

export { registerTokenType, type TokenMatch, type TokenType } from './token-types.js';
export { SyntaxSpecError } from './syntax.js';

export interface CommandSpec<A> {
  syntax: string;
  action: A;
}

type Edge =
  | { kind: 'epsilon'; to: GrammarState }
  | { kind: 'keyword'; word: string; lower: string; to: GrammarState }
  | { kind: 'value'; label: string; read: TokenType | undefined; to: GrammarState };

/** A state of the compiled automaton (exported for the type of Grammar only). */
export interface GrammarState {
  id: number;
  edges: Edge[];
  /** Index of the spec that ends here. */
  accepts: number | undefined;
}

/** A compiled grammar; opaque to callers. */
export interface Grammar<A> {
  readonly specs: readonly CommandSpec<A>[];
  /** The states reachable from the start without input, in spec order. */
  readonly start: readonly GrammarState[];
}

export type MatchResult<A> =
  | { ok: true; action: A; syntax: string; words: string[]; args: Record<string, string>; text: string }
  | { ok: false; error: CliError };

export interface MatchOptions {
  /** Exec mode: a first word that is no command is `unknown` (IOS tries it as a host name). */
  unknownFirstWord?: 'invalid' | 'unknown';
}

/** Compiles specs; throws a SyntaxSpecError naming a malformed syntax string. */
export function compileGrammar<A>(specs: readonly CommandSpec<A>[]): Grammar<A> {
  let nextId = 0;
  const state = (): GrammarState => ({ id: nextId++, edges: [], accepts: undefined });
  const root = state();
  specs.forEach((spec, index) => {
    const elements = parseSyntax(spec.syntax);
    const entry = state();
    const exit = build(elements, entry, state, spec.syntax);
    exit.accepts = index;
    root.edges.push({ kind: 'epsilon', to: entry });
  });
  return { specs, start: closure([root]) };
}

/** Adds the states of `elements` after `from`; returns the state reached at their end. */
function build(elements: SyntaxElement[], from: GrammarState, state: () => GrammarState, syntax: string): GrammarState {
  let at = from;
  for (const element of elements) {
    const next = state();
    switch (element.kind) {
      case 'keyword':
        at.edges.push({ kind: 'keyword', word: element.word, lower: element.word.toLowerCase(), to: next });
        break;
      case 'value': {
        const read = element.type === REST_OF_LINE ? undefined : tokenType(element.type, element.range);
        if (element.type !== REST_OF_LINE && read === undefined) throw new SyntaxSpecError(syntax, `unknown value type "${element.type}"`);
        at.edges.push({ kind: 'value', label: element.label, read, to: next });
        break;
      }
      case 'optional':
        at.edges.push({ kind: 'epsilon', to: next });
        build(element.body, at, state, syntax).edges.push({ kind: 'epsilon', to: next });
        break;
      case 'choice':
        for (const option of element.options) build(option, at, state, syntax).edges.push({ kind: 'epsilon', to: next });
        break;
    }
    at = next;
  }
  return at;
}

/** `states` and every state reachable from them through epsilon edges, first arrival first. */
function closure(states: readonly GrammarState[]): GrammarState[] {
  const seen = new Set<number>();
  const out: GrammarState[] = [];
  const visit = (s: GrammarState): void => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push(s);
    for (const edge of s.edges) if (edge.kind === 'epsilon') visit(edge.to);
  };
  for (const s of states) visit(s);
  return out;
}

/** What was matched so far on one path, newest first (shared between paths). */
interface Trail {
  prev: Trail | undefined;
  word: string;
  label: string | undefined;
}

interface Thread {
  state: GrammarState;
  trail: Trail | undefined;
  keywords: number;
}

interface Token {
  text: string;
  lower: string;
  offset: number;
}

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push({ text: m[0], lower: m[0].toLowerCase(), offset: m.index });
  return out;
}

/** Matches one entered line against the grammar. */
export function matchCommand<A>(grammar: Grammar<A>, line: string, options: MatchOptions = {}): MatchResult<A> {
  const tokens = tokenize(line);
  const texts = tokens.map((t) => t.text);
  const n = tokens.length;
  // Threads waiting at each token index (values may take several tokens).
  const pending: Thread[][] = Array.from({ length: n + 1 }, () => []);
  pending[0] = grammar.start.map((state) => ({ state, trail: undefined, keywords: 0 }));
  let best: Thread | undefined;
  let furthest = -1;
  let ambiguousAt = -1;
  const failAt = (at: number): void => {
    furthest = Math.max(furthest, Math.min(at, n));
  };

  for (let i = 0; i <= n; i++) {
    const threads = i === 0 ? (pending[0] as Thread[]) : expand(pending[i] as Thread[]);
    if (i === n) {
      for (const t of threads) {
        if (t.state.accepts !== undefined && (best === undefined || better(t, best))) best = t;
        else if (t.state.edges.some((e) => e.kind !== 'epsilon')) failAt(n);
      }
      break;
    }
    const token = tokens[i] as Token;
    const keywordMoves: Array<{ thread: Thread; edge: Edge & { kind: 'keyword' } }> = [];
    let valueMoved = false;
    const reads = new Map<TokenType, TokenMatch>();
    for (const thread of threads) {
      let moved = false;
      for (const edge of thread.state.edges) {
        if (edge.kind === 'keyword') {
          if (edge.lower.startsWith(token.lower)) {
            keywordMoves.push({ thread, edge });
            moved = true;
          }
        } else if (edge.kind === 'value') {
          const read = readValue(edge, texts, i, line, token, reads);
          if ('errorOffset' in read) failAt(i + read.errorOffset);
          else {
            (pending[i + read.consumed] as Thread[]).push({
              state: edge.to,
              trail: { prev: thread.trail, word: read.value, label: edge.label },
              keywords: thread.keywords,
            });
            moved = valueMoved = true;
          }
        }
      }
      if (!moved) failAt(i);
    }
    const chosen = chooseKeywords(keywordMoves, token.lower);
    if (chosen === 'ambiguous') {
      if (!valueMoved) ambiguousAt = Math.max(ambiguousAt, i);
      failAt(i);
    } else {
      for (const { thread, edge } of chosen) {
        (pending[i + 1] as Thread[]).push({
          state: edge.to,
          trail: { prev: thread.trail, word: edge.word, label: undefined },
          keywords: thread.keywords + 1,
        });
      }
    }
  }

  if (best !== undefined) return success(grammar, best);
  return { ok: false, error: errorAt(furthest, ambiguousAt, tokens, line, options) };
}

/**
 * The threads and the states they reach without input. Where two paths reach one state, the one
 * with more keywords stays: IOS reads a token as a keyword before it reads it as a value.
 */
function expand(arrived: Thread[]): Thread[] {
  const threads = arrived.length > 1 ? [...arrived].sort((a, b) => b.keywords - a.keywords) : arrived;
  const seen = new Set<number>();
  const out: Thread[] = [];
  const visit = (t: Thread): void => {
    if (seen.has(t.state.id)) return;
    seen.add(t.state.id);
    out.push(t);
    for (const edge of t.state.edges) if (edge.kind === 'epsilon') visit({ ...t, state: edge.to });
  };
  for (const t of threads) visit(t);
  return out;
}

/** Reads a value at token i; `reads` caches each reader's answer at this position. */
function readValue(edge: Edge & { kind: 'value' }, texts: string[], i: number, line: string, token: Token, reads: Map<TokenType, TokenMatch>): TokenMatch {
  if (edge.read === undefined) return { consumed: texts.length - i, value: line.slice(token.offset).trimEnd() };
  let read = reads.get(edge.read);
  if (read === undefined) {
    read = edge.read(texts, i);
    reads.set(edge.read, read);
  }
  return read;
}

/** Exact keywords win; otherwise the prefix must name one keyword only. */
function chooseKeywords<T extends { edge: { word: string; lower: string } }>(moves: T[], lower: string): T[] | 'ambiguous' {
  const exact = moves.filter((m) => m.edge.lower === lower);
  if (exact.length > 0) return exact;
  const words = new Set(moves.map((m) => m.edge.lower));
  return words.size > 1 ? 'ambiguous' : moves;
}

/** More keywords is more specific than values; then the earlier spec. */
function better(a: Thread, b: Thread): boolean {
  if (a.keywords !== b.keywords) return a.keywords > b.keywords;
  return (a.state.accepts as number) < (b.state.accepts as number);
}

function success<A>(grammar: Grammar<A>, thread: Thread): MatchResult<A> {
  const spec = grammar.specs[thread.state.accepts as number] as CommandSpec<A>;
  const words: string[] = [];
  const args: Record<string, string> = {};
  for (let t = thread.trail; t !== undefined; t = t.prev) {
    words.push(t.word);
    if (t.label !== undefined && !(t.label in args)) args[t.label] = t.word;
  }
  words.reverse();
  return { ok: true, action: spec.action, syntax: spec.syntax, words, args, text: words.join(' ') };
}

function errorAt(furthest: number, ambiguousAt: number, tokens: Token[], line: string, options: MatchOptions): CliError {
  if (ambiguousAt >= 0 && ambiguousAt === furthest) return { kind: 'ambiguous', input: line.trim() };
  if (furthest >= tokens.length || furthest < 0) return { kind: 'incomplete' };
  if (furthest === 0 && options.unknownFirstWord === 'unknown') return { kind: 'unknown' };
  return { kind: 'invalid', offset: (tokens[furthest] as Token).offset };
}
