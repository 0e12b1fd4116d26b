/* eslint-disable */
'use strict';
/**
 * Runs the TypeScript sources in a child process without a build step: `.ts` files are compiled
 * on require with typescript.transpileModule (decorator metadata kept, as tsc and ts-jest do).
 * No type checking: `npx tsc --noEmit` does that.
 *
 *   node test/helpers/ts-register.js src/main.ts      run a .ts entry point
 *   node -r ./test/helpers/ts-register.js …           or only register the hook
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.Node16, // CommonJS output that keeps a real import() for ES-only packages
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  resolveJsonModule: true,
  sourceMap: false,
  inlineSourceMap: true,
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};

if (require.main === module) {
  const entry = process.argv[2];
  if (!entry) {
    console.error('usage: node test/helpers/ts-register.js FILE.ts [args…]');
    process.exit(2);
  }
  process.argv.splice(1, 1); // the entry sees itself as argv[1], as under node
  require(path.resolve(entry));
}
