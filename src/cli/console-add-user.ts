/**
 * `npm run console:add-user -- <name>`: asks for a password without showing it (or reads the
 * first line of standard input when it is a pipe) and prints the CONSOLE_USERS entry to add to
 * the configuration. The password is never echoed or printed.
 */
import { hashPassword } from '../console/ConsoleUsers';
import { readSecret } from './readSecret';

async function main(): Promise<void> {
  const name = (process.argv[2] ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,40}$/.test(name)) {
    console.error('usage: npm run console:add-user -- <name>   (2–40 letters, digits, . _ -); the password is read from the terminal (not shown) or standard input');
    process.exit(2);
  }
  let password: string;
  try {
    password = await readSecret(process.stdin, process.stderr, 'Password (at least 12 characters, not shown): ');
  } catch {
    console.error('no password given');
    process.exit(2);
  }
  if (password.length < 12) {
    console.error('the password must have at least 12 characters');
    process.exit(2);
  }
  console.log(`${name}=${hashPassword(password)}`);
  console.error('Add this entry to CONSOLE_USERS (entries separated by commas).');
}

void main();
