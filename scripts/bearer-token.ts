/**
 * The bearer token the roster import and the gap export send: `$WF_TOKEN`, the safe way, or
 * `--token`, kept for older command lines. A token on the command line is readable by anyone on
 * the machine in the process list, and npm prints it in its banner (`npm run` without `-s`) and
 * writes it to its debug log under ~/.npm/_logs (with `-s` too); an environment variable is not.
 */
export function bearerTokenFrom(args: string[], env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = console.error): string | undefined {
  const index = args.indexOf('--token');
  if (index >= 0) {
    warn('note: --token puts the token in the process list and in npm\'s banner and log; pass it in WF_TOKEN instead');
    return args[index + 1];
  }
  return env.WF_TOKEN || undefined;
}
