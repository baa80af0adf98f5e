import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, escapeForOutput, formatProblem } from '../lib/problems/problems.ts';

/** A wrong command-line use: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  cases: { type: 'string', default: 'cases' },
  config: { type: 'string', default: 'organization.yml' },
  'no-cache': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Parse argv with node:util parseArgs; unknown options become a {@link UsageError}. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Run a command's main function: the one place a script exits. Input problems are printed one per line
 * (`path:line: field: message`) with exit code 1; no stack trace unless DEBUG is set.
 */
export async function runMain(name: string, main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const p of error.problems) console.error(formatProblem(p));
      console.error(`${name}: ${escapeForOutput(error.message)}`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(`${name}: ${escapeForOutput(error.message)}\nRun with --help for the options.`);
      process.exitCode = 2;
    } else {
      console.error(`${name}: ${escapeForOutput((error as Error)?.message ?? String(error))}`);
      if (process.env.DEBUG) console.error(error);
      process.exitCode = 1;
    }
  }
}
