import 'reflect-metadata';
/**
 * Prints a signed access token for local use:
 *   npm run -s token -- --role HR_OFFICER --unit VN.HCM.NHA_BE [--sub alice] [--hours 12]
 * It signs with JWT_SECRET, or the development secret the server also uses when JWT_SECRET is unset.
 */
import { loadConfig } from '../src/config';
import { signToken } from '../src/auth/token';
import { Role } from '../src/graphql/enums';
import { canonicalUnitCode } from '../src/shared/unit-code';

/**
 * The subject a token gets without --sub: the role and the unit, so the audit trail tells the
 * HR officer of one unit from another's (`hr_officer.hcm.nha_be@local`); `admin@local` for ADMIN.
 */
export function defaultSubjectFor(role: Role, unitCode?: string | null): string {
  const unit = role === Role.ADMIN ? null : unitCode;
  return `${[role, unit].filter(Boolean).join('.').toLowerCase()}@local`;
}

const USAGE = 'usage: npm run -s token -- --role ADMIN|HR_OFFICER|POLICYMAKER|ANALYST [--unit CODE] [--sub NAME] [--hours N]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  if (args.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const role = option('role') as Role | undefined;
  if (!role || !Object.values(Role).includes(role)) usage(`--role must be one of ${Object.values(Role).join(', ')}`);
  const given = option('unit');
  // Unit codes are upper-case; `--unit vn.hcm.nha_be` means VN.HCM.NHA_BE, as it does in a query.
  const unit = given === undefined ? undefined : canonicalUnitCode(given);
  if (role !== Role.ADMIN && !unit) usage(`a ${role} token needs --unit (the root of its scope)`);
  const hours = Number(option('hours') ?? 12);
  if (!Number.isFinite(hours) || hours <= 0) usage('--hours must be a positive number');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  if (config.jwks) console.error('note: JWT_JWKS_URL is set, so a server with these settings accepts only its identity provider\'s tokens, not this one');
  const token = await signToken(
    { subject: option('sub') ?? defaultSubjectFor(role, unit), role, unitCode: role === Role.ADMIN ? null : unit, expiresInSeconds: Math.round(hours * 3600) },
    config.jwtSecret,
  );
  process.stdout.write(`${token}\n`);
}

if (require.main === module) void main();
