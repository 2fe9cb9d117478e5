// Strict variable lookups for nunjucks, as Jinja2's StrictUndefined.
//
// nunjucks' `throwOnUndefined` only checks what is printed: `{% for v in vlans %}` with `vlans`
// missing renders nothing and `{% if missing %}` is silently false. For a deploy tool that is
// dangerous: a config rendered without its VLANs makes the plan REMOVE them from the device.
// So every read of an undefined variable or attribute becomes an error naming it, except where
// Jinja2 idioms for optional values expect it: the operand of the `default`/`d` filter and of
// the `defined`/`undefined` tests (the whole `a.b.c` chain there, as Jinja2's ChainableUndefined).
//
// nunjucks compiles each template to JS source. Its Compiler emits variable reads
// (`runtime.contextOrFrameLookup(...)`, or the JS name of a variable the template bound) in
// compileSymbol and attribute reads (`runtime.memberLookup(...)`) in compileLookupVal; those two
// are wrapped here to emit checked reads, only while compiling for an environment passed to
// enableStrictLookup (nunjucks' module objects are shared by the whole process). Only `undefined`
// is an error: `none`/null set on purpose stays usable in logic.

import nunjucks from 'nunjucks';

/** The parts of nunjucks' parse tree nodes used here (nunjucks/src/nodes.js). */
interface Node {
  typename: string;
  lineno: number;
  colno: number;
  value?: unknown;
  target?: Node;
  val?: Node;
  name?: Node;
  args?: { children: Node[] };
  left?: Node;
  right?: Node;
  children?: Node[];
}

interface Compiler {
  compileSymbol(node: Node, frame: { lookup(name: string): string | undefined }): void;
  compileLookupVal(node: Node, frame: unknown): void;
  compileFilter(node: Node, frame: unknown): void;
  compileIs(node: Node, frame: unknown): void;
  _emit(code: string): void;
}

interface CompilerModule {
  compile(src: string, asyncFilters: unknown, extensions: unknown, name: string, opts?: object): string;
  Compiler: { prototype: Compiler };
}

interface Frame {
  lookup(name: string): unknown;
}
interface Context {
  lookup(name: string): unknown;
}

interface NunjucksInternals {
  compiler: CompilerModule;
  runtime: Record<string, unknown>;
  lib: { TemplateError: new (message: string, lineno: number, colno: number) => Error };
}

const internals = nunjucks as unknown as NunjucksInternals;

/** `opts` objects of the environments compiled strictly (nunjucks passes env.opts to compile). */
const strictOptions = new WeakSet<object>();
/** Whether the compile running now is strict (compile is synchronous), and the template's name. */
let strict = false;
let compiling: string | undefined;
/** Nodes read where undefined is expected: operands of `default`/`d` and `defined`/`undefined`. */
const lenient = new WeakSet<Node>();

const LENIENT_FILTERS = new Set(['default', 'd']);
const LENIENT_TESTS = new Set(['defined', 'undefined']);

/** Makes every template compiled by `env` from now on fail on a read of an undefined value. */
export function enableStrictLookup(env: nunjucks.Environment): void {
  install();
  strictOptions.add((env as unknown as { opts: object }).opts);
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const { compiler, runtime, lib } = internals;

  // nunjucks prefixes an error with the `(file) [Line N, Column M]` of the template being rendered,
  // which is not where the code runs for a macro imported from another file or a parent's block
  // reached through super(); so the message starts with its own header naming the file it was
  // compiled from. Being last, that header is the one TemplateRenderer reports.
  const fail = (name: string, file: string | undefined, lineno: number, colno: number): never => {
    const header = file === undefined ? '' : `\n(${file}) [Line ${lineno}, Column ${colno}]\n  `;
    throw new lib.TemplateError(`${header}undefined variable: ${name}`, lineno, colno);
  };
  runtime.catnetStrictLookup = (context: Context, frame: Frame, name: string, ...at: [string | undefined, number, number]) => {
    // As runtime.contextOrFrameLookup: a null in the frame hides the context.
    const found = frame.lookup(name);
    const value = found !== undefined ? found : context.lookup(name);
    return value === undefined ? fail(name, ...at) : value;
  };
  runtime.catnetStrictBound = (value: unknown, name: string, ...at: [string | undefined, number, number]) =>
    value === undefined ? fail(name, ...at) : value;

  const originalCompile = compiler.compile;
  compiler.compile = function (src, asyncFilters, extensions, name, opts) {
    const outer = [strict, compiling] as const;
    strict = opts !== undefined && strictOptions.has(opts);
    compiling = typeof name === 'string' ? name : undefined;
    try {
      return originalCompile.call(this, src, asyncFilters, extensions, name, opts);
    } finally {
      [strict, compiling] = outer;
    }
  };

  const proto = compiler.Compiler.prototype;
  const { compileSymbol, compileLookupVal, compileFilter, compileIs } = proto;

  proto.compileSymbol = function (node, frame) {
    if (!strict || lenient.has(node)) return compileSymbol.call(this, node, frame);
    const name = String(node.value);
    const bound = frame.lookup(name);
    if (bound) {
      // Bound by the template (loop variable, `set`, macro argument): undefined only when a macro
      // argument was not passed or a value came out undefined (e.g. `first` of an empty list).
      this._emit(`runtime.catnetStrictBound(${bound}, ${JSON.stringify(name)}, ${where(node)})`);
    } else {
      this._emit(`runtime.catnetStrictLookup(context, frame, ${JSON.stringify(name)}, ${where(node)})`);
    }
  };

  proto.compileLookupVal = function (node, frame) {
    if (!strict || lenient.has(node)) return compileLookupVal.call(this, node, frame);
    // memberLookup gives undefined for a missing key and for any key of undefined or null.
    this._emit('runtime.catnetStrictBound(');
    compileLookupVal.call(this, node, frame);
    this._emit(`, ${JSON.stringify(nameOf(node))}, ${where(node)})`);
  };

  proto.compileFilter = function (node, frame) {
    if (strict && LENIENT_FILTERS.has(String(node.name?.value))) markLenient(node.args?.children[0]);
    compileFilter.call(this, node, frame);
  };

  proto.compileIs = function (node, frame) {
    const right = node.right;
    const test = right?.name ? right.name.value : right?.value;
    if (strict && LENIENT_TESTS.has(String(test))) markLenient(node.left);
    compileIs.call(this, node, frame);
  };
}

/** The JS arguments locating `node` for fail(): file, 1-based line and column. */
function where(node: Node): string {
  return `${compiling === undefined ? 'undefined' : JSON.stringify(compiling)}, ${node.lineno + 1}, ${node.colno + 1}`;
}

/** Marks `node`, and the objects it reads attributes of, as allowed to be undefined. */
function markLenient(node: Node | undefined): void {
  while (node !== undefined) {
    lenient.add(node);
    if (node.typename === 'LookupVal') node = node.target;
    else if (node.typename === 'Group' && node.children?.length === 1) node = node.children[0];
    else return;
  }
}

/** How a template wrote a variable or attribute read, for the error: `site.vlans`, `ports[0]`. */
function nameOf(node: Node | undefined): string {
  if (node === undefined) return '?';
  switch (node.typename) {
    case 'Symbol':
      return String(node.value);
    case 'LookupVal': {
      const key = node.val;
      const target = nameOf(node.target);
      if (key?.typename === 'Literal' && typeof key.value === 'string' && /^[A-Za-z_]\w*$/.test(key.value)) {
        return `${target}.${key.value}`;
      }
      if (key?.typename === 'Literal') return `${target}[${JSON.stringify(key.value)}]`;
      return `${target}[${nameOf(key)}]`;
    }
    case 'FunCall':
      return `${nameOf(node.name)}(…)`;
    case 'Group':
      return node.children?.length === 1 ? nameOf(node.children[0]) : '(…)';
    default:
      return '…';
  }
}
