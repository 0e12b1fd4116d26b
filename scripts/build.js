#!/usr/bin/env node
'use strict';
/**
 * `npm run build`: the TypeScript sources into dist/, with swc, in about a second, and not at all
 * when no source changed since the last build (so `npm run token` and `npm start` reuse it).
 *
 * swc, not tsc, because tsc took ~35 s of a first `npm start` on 2 cores; swc with
 * `decoratorMetadata` (.swcrc) emits the `design:type` metadata type-graphql and MikroORM read,
 * which tsx, esbuild and swc without that option do not. swc checks no types: `npm run
 * typecheck` does, in CI too (.ci/run). test/build.test.ts boots the built server.
 *
 *   node scripts/build.js [--out DIR] [--force]
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = path.resolve(ROOT, outIndex >= 0 ? args[outIndex + 1] : 'dist');
const FORCE = args.includes('--force');
/** What tsconfig.build.json includes: compiled to CommonJS for Node. */
const SERVER_DIRS = ['src', 'migrations', 'seeds', 'scripts', 'bench'];
/** The dashboard's browser script (dashboard/tsconfig.json): ES modules for the page. */
const DASHBOARD_DIR = 'dashboard';
const DASHBOARD_OPTIONS = {
  swcrc: false,
  configFile: false,
  jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
  module: { type: 'es6' },
  sourceMaps: false,
};

function tsFiles(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found.sort();
}

/** Changes whenever a source, the swc settings, swc itself or this script change. */
function fingerprint(files, swcVersion) {
  const hash = crypto.createHash('sha256');
  hash.update(`${swcVersion}\n${fs.readFileSync(__filename)}\n${fs.readFileSync(path.join(ROOT, '.swcrc'))}\n${OUT}\n`);
  for (const file of files) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

async function main() {
  const server = SERVER_DIRS.flatMap((dir) => tsFiles(path.join(ROOT, dir)));
  const dashboard = tsFiles(path.join(ROOT, DASHBOARD_DIR));
  const stampFile = path.join(OUT, '.build-stamp');
  // Read before loading swc: an up-to-date build costs a stat of each source and nothing more.
  const swcVersion = JSON.parse(fs.readFileSync(require.resolve('@swc/core/package.json'), 'utf8')).version;
  const stamp = fingerprint([...server, ...dashboard], swcVersion);
  if (!FORCE && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;

  const swc = require('@swc/core');
  const swcrc = path.join(ROOT, '.swcrc');
  const emit = async (file, outFile, options) => {
    const output = await swc.transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(outFile), file) });
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    if (output.map) {
      fs.writeFileSync(`${outFile}.map`, output.map);
      fs.writeFileSync(outFile, `${output.code}\n//# sourceMappingURL=${path.basename(outFile)}.map\n`);
    } else fs.writeFileSync(outFile, output.code);
  };
  const js = (rel) => rel.replace(/\.ts$/, '.js');
  await Promise.all([
    ...server.map((file) => emit(file, path.join(OUT, js(path.relative(ROOT, file))), { configFile: swcrc, swcrc: false })),
    ...dashboard.map((file) => emit(file, path.join(OUT, 'dashboard', js(path.relative(path.join(ROOT, DASHBOARD_DIR), file))), DASHBOARD_OPTIONS)),
  ]);
  fs.writeFileSync(stampFile, stamp);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
