// `npm run hash-password -- 'the password'`: prints an ADMIN_PASSWORD_HASH value.
import { hashPassword } from '../lib/auth/password';

const password = process.argv[2];
if (!password || password.length < 12) {
  console.error('Usage: npm run hash-password -- "<password of at least 12 characters>"');
  process.exit(1);
}
console.log(await hashPassword(password));
