import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The build (swc) and the tests (ts-jest with isolatedModules) transpile without checking types,
 * so npm test runs tsc once, over the server, the scripts, the tests and the dashboard.
 */
describe('types', () => {
  it('check with tsc, server and dashboard', async () => {
    const root = path.join(__dirname, '..');
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const project of ['tsconfig.json', 'dashboard/tsconfig.json']) {
      const run = promisify(execFile)(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout || String(error),
      );
      expect(await run).toBe('');
    }
  }, 300_000);
});
