#!/usr/bin/env node
// Builds the runnable CLI: src/cli/main.ts bundled by esbuild into dist/cli/main.js, and the
// modules its commands import on use into dist/cli/chunks/. One file per module (as tsc emits)
// made Node resolve, read, compile and link ~50 modules at every start: ~30 ms of `catnet diff`
// (docs/ios-engine.md, Performance). Type checking is `npm run typecheck`; this only emits.
//
//   node src/cli/build.mjs

import console from 'node:console';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Packages bundled in: small, pure JavaScript, and loaded at every start of the CLI (commander)
 * or by `catnet diff` (diff). Every other package stays in node_modules and is imported from
 * there, as before: native addons (better-sqlite3, ssh2's), files read beside a module
 * (sql.js's WebAssembly) and large libraries only some commands load.
 */
const BUNDLED = new Set(['commander', 'diff']);

const packagesOutside = {
  name: 'packages-outside',
  setup(b) {
    // Every bare import, Node's own modules (`node:fs`) included: only BUNDLED names are bundled.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const [first, second] = args.path.split('/');
      const name = first?.startsWith('@') ? `${first}/${second}` : first;
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * commander loads node:child_process (and with it net, dgram and streams: ~5 ms) at every start,
 * only to spawn executable subcommands, which CatNet has none of: here it loads it on first use.
 * The build fails if commander no longer reads it this way, rather than bundle it unchanged.
 */
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(CHILD_PROCESS)) return { errors: [{ text: `${args.path} no longer has "${CHILD_PROCESS}": update lazyChildProcess` }] };
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(CHILD_PROCESS, lazy), loader: 'js' };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  // One depth for every chunk: src/cli/commands/demo.ts finds the package root from its own
  // module URL, three levels down in both trees.
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true, // each command's modules load when it runs, as the dynamic imports say
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [packagesOutside, lazyChildProcess],
  // commander is CommonJS: its require() calls of Node modules need a require in an ES module.
  banner: { js: "import { createRequire as __catnetCreateRequire } from 'node:module';\nconst require = __catnetCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
}).catch((error) => {
  // esbuild has printed its errors already (logLevel): its stack trace would only hide them.
  if (!Array.isArray(error?.errors)) throw error;
  process.exit(1);
});

const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
console.log(`built dist/cli/main.js and ${files.length - 1} chunks (${result.warnings.length} warnings)`);
