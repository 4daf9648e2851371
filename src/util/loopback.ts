import { isIP } from 'node:net';

/**
 * True when a host name (as `new URL(...).hostname` gives it, IPv6 with or without brackets)
 * is a loopback address: `localhost`, an IPv4 literal in 127.0.0.0/8, `::1`, or an IPv4-mapped
 * `::ffff:127.x.y.z`. Only literal addresses count; nothing is resolved, so `127.attacker.example`
 * (a name that merely starts like an address) is not loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === 'localhost.') return true;
  const family = isIP(h);
  if (family === 4) return h.split('.')[0] === '127';
  if (family !== 6) return false;
  // The URL parser writes every IPv6 literal in one canonical form: ::1, ::ffff:7f00:1.
  const canonical = new URL(`http://[${h}]/`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
