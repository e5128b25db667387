#!/usr/bin/env node
// Entry point: `--version` answers before anything heavy is loaded.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version + '\n');
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(process.argv);
}
