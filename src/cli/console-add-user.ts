/**
 * `npm run console:add-user -- <name>`: reads a password from standard input (or
 * CONSOLE_PASSWORD) and prints the CONSOLE_USERS entry to add to the configuration.
 */
import { createInterface } from 'node:readline';
import { hashPassword } from '../console/ConsoleUsers';

async function main(): Promise<void> {
  const name = (process.argv[2] ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,40}$/.test(name)) {
    console.error('usage: npm run console:add-user -- <name>   (2–40 letters, digits, . _ -); the password is read from standard input');
    process.exit(2);
  }
  let password = process.env.CONSOLE_PASSWORD ?? '';
  if (!password) {
    process.stderr.write('Password (at least 12 characters): ');
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      password = line;
      break;
    }
    rl.close();
  }
  if (password.length < 12) {
    console.error('the password must have at least 12 characters');
    process.exit(2);
  }
  console.log(`${name}=${hashPassword(password)}`);
  console.error('Add this entry to CONSOLE_USERS (entries separated by commas).');
}

void main();
