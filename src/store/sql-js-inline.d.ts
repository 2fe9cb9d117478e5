// sql.js's build with the WebAssembly inlined has the package's API; @types/sql.js types only
// the package entry.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
