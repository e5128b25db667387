#!/usr/bin/env node
// Entry point: `--version` answers before anything heavy is loaded.
import { writeSync } from 'node:fs';
import module from 'node:module';
import { VERSION } from './cli/version.js';

const args = process.argv.slice(2);
/** The version, written at once; false when it cannot be (a full disk): the CLI then says why, exit 2. */
const printed = (): boolean => {
  try {
    return writeSync(1, VERSION + '\n') > 0;
  } catch {
    return false;
  }
};
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V') && printed()) {
  // Done.
} else {
  // Node 22.1+ can keep the compiled code of the modules for the next run (not in Node 20).
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(process.argv);
}
