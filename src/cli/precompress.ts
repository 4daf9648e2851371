import { webAssets } from '../channels/web/WebAssets';

/**
 * Makes the brotli and gzip copies of the chat page's files ahead of time (part of `npm run
 * build`), so the service serves them compressed from its first request; brotli at its best
 * setting needs many seconds for Web Chat's bundle. Web Chat's bundle without the other
 * languages' strings is made here too. Copies that exist are kept.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const assets = Object.values(webAssets({
    onTrim: (r) => process.stdout.write(r.untouched
      ? `Web Chat bundle kept whole: ${r.untouched}\n`
      : `Web Chat bundle: the strings of ${r.emptied} other languages emptied (${Math.round(r.removedChars / 1024)} KB)\n`),
  }));
  await Promise.all(assets.map((a) => a.ready));
  process.stdout.write(`precompressed ${assets.length} web chat files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`precompress: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
