// `npm run token -- --role staff [--company <uuid>] [--subject <id>] [--expires-in 8h]`
// Prints a bearer token signed with the local development key (AUTH_DEV_SECRET, or its default).
import { parseArgs } from 'node:util';
import { type Role, ROLES } from '../principal';
import { DEFAULT_DEV_SECRET, signDevToken } from '../token-verifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'staff' },
      company: { type: 'string' },
      subject: { type: 'string' },
      'expires-in': { type: 'string', default: '8h' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'company' && !values.company) throw new Error('--company <company id> is required with --role company');
  if (values.company && !UUID.test(values.company)) throw new Error('--company must be a company id (a UUID)');
  const token = await signDevToken(
    { role, companyId: values.company, subject: values.subject, expiresIn: values['expires-in'] },
    process.env.AUTH_DEV_SECRET || DEFAULT_DEV_SECRET,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`token: ${error.message}\n`);
  process.exit(2);
});
