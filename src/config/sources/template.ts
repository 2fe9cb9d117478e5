// Renders Jinja2-syntax templates (nunjucks) whose files live in a ConfigSource, so that
// `{% include %}`, `{% extends %}` and `{% import %}` reach the other files of the same source.
//
// ConfigSource is async but nunjucks' `for` loops do not work with async loaders (an include
// inside a loop would need `asyncEach`), so the loader is synchronous over files held in memory:
// a render that asks for a file not loaded yet is noted, the file is fetched, and the render is
// run again. Templates are pure, so a re-run gives the same result; each file is fetched at most
// once per renderer, and one renderer is shared by a whole batch of devices.

import path from 'node:path';
import nunjucks from 'nunjucks';
import type { ConfigSource } from './source.js';
import { enableStrictLookup } from './strict-lookup.js';

/** A template that cannot be rendered, at `file:line` (`file` as the source locates it). */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'TemplateError';
  }
}

export class TemplateRenderer {
  /** Files fetched so far; undefined = not in the source. */
  private readonly files = new Map<string, string | undefined>();
  /** Names the last render asked for and did not find in `files`. */
  private readonly misses = new Set<string>();
  /** Fetches under way, so that renders running side by side fetch a file once. */
  private readonly loading = new Map<string, Promise<void>>();
  private readonly env: nunjucks.Environment;

  constructor(private readonly source: ConfigSource) {
    const loader = {
      getSource: (name: string) => {
        const text = this.files.get(name);
        if (text === undefined) {
          this.misses.add(name);
          return null as unknown as nunjucks.LoaderSource;
        }
        return { src: text, path: name, noCache: false };
      },
      // Names starting with ./ or ../ are relative to the including file, others to the root (as Jinja2).
      isRelative: (name: string) => name.startsWith('./') || name.startsWith('../'),
      resolve: (from: string, to: string) => path.posix.join(path.posix.dirname(from), to),
    };
    this.env = new nunjucks.Environment([loader as unknown as nunjucks.ILoader], {
      // Strict: printing an undefined variable is an error, never an empty string in a config.
      // nunjucks only checks output (`{% for v in missing %}` and `{% if missing %}` stay silent):
      // enableStrictLookup below makes any read of one an error (see strict-lookup.ts).
      throwOnUndefined: true,
      // Configs are not HTML: `&`, `<`, quotes must come out as written.
      autoescape: false,
      // Block tags on their own line leave no blank line nor indentation behind, so that
      // `{% for %}`/`{% if %}` on separate lines produce clean IOS config.
      trimBlocks: true,
      lstripBlocks: true,
    });
    enableStrictLookup(this.env);
  }

  /** Renders `file` (a path inside the source) with `context` as its variables. */
  async render(file: string, context: Record<string, unknown>): Promise<string> {
    const name = path.posix.normalize(file);
    for (;;) {
      // From clear() to reading `misses` nothing awaits, so renders sharing this renderer cannot mix.
      this.misses.clear();
      let output: string | undefined;
      let failure: unknown;
      try {
        output = this.env.render(name, context);
      } catch (error) {
        failure = error;
      }
      const wanted = [...this.misses].filter((m) => !this.files.has(m));
      if (wanted.length === 0) {
        if (failure !== undefined) throw this.toTemplateError(failure, name);
        return output ?? '';
      }
      // Even a successful render may have skipped an `{% include ... ignore missing %}` not loaded yet.
      await Promise.all(wanted.map((m) => this.load(m)));
    }
  }

  private load(name: string): Promise<void> {
    let pending = this.loading.get(name);
    if (pending === undefined) {
      pending = this.source.readFile(name).then((text) => void this.files.set(name, text));
      this.loading.set(name, pending);
    }
    return pending;
  }

  private toTemplateError(error: unknown, top: string): TemplateError {
    const message = (error as Error).message ?? String(error);
    // nunjucks nests `(file) [Line N, Column M]` headers per include level; the last is where it happened.
    const headers = [...message.matchAll(/(?:^|Template render error: )\(([^()\n]*)\)(?: \[Line (\d+), Column (\d+)\])?\n/gm)];
    const last = headers.at(-1);
    const file = last?.[1] || top;
    const line = last?.[2] === undefined ? undefined : Number(last[2]);
    let reason = (last === undefined ? message : message.slice(last.index + last[0].length))
      .trim()
      .replace(/^(Template render error: |Error: )/, '');
    if (reason.startsWith('attempted to output null or undefined value')) {
      const expression = line === undefined ? undefined : this.outputAt(file, line, Number(last?.[3]));
      reason = expression === undefined ? 'undefined variable' : `undefined variable: ${expression}`;
    }
    return new TemplateError(this.source.locate(file), line, reason);
  }

  /** The expression of the `{{ … }}` starting at 1-based `line`/`column` of `file`, if found. */
  private outputAt(file: string, line: number, column: number): string | undefined {
    const lines = this.files.get(file)?.split('\n');
    if (lines === undefined || line > lines.length) return undefined;
    const rest = [lines[line - 1]!.slice(column - 1), ...lines.slice(line)].join('\n');
    return /^\{\{-?\s*([\s\S]*?)\s*-?\}\}/.exec(rest)?.[1]?.replace(/\s+/g, ' ');
  }
}

/** Renders one template of `source`; use a TemplateRenderer to render many sharing their files. */
export function renderTemplate(source: ConfigSource, file: string, context: Record<string, unknown>): Promise<string> {
  return new TemplateRenderer(source).render(file, context);
}
