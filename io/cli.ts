import type { ParseArgsConfig } from 'node:util';
import { InputError, escapeForOutput, formatProblem } from '../lib/problems/problems.ts';
import { isLanguage, setLanguage, t } from '../schemas/language.ts';
import { BrowserUnavailableError } from './browser-error.ts';

/** A wrong command-line use: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  cases: { type: 'string', default: 'cases' },
  config: { type: 'string', default: 'organization.yml' },
  'no-cache': { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Options of the deadline table and the deadline watch (`deadlines`, `check`). */
export const DEADLINE_OPTIONS = {
  today: { type: 'string' },
  json: { type: 'boolean', default: false },
  github: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'max-writes': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Write requests per deadline-watch run at most, unless --max-writes says otherwise. */
export const DEFAULT_MAX_WRITES = 100;

/** Check that the deadline-watch options go together; the write limit of the run. */
export function maxWritesOf(values: { json: boolean; github: boolean; 'dry-run': boolean; 'max-writes'?: string }): number {
  if (!values.github && (values['dry-run'] || values['max-writes'] !== undefined))
    throw new UsageError('--dry-run and --max-writes go with --github');
  if (values.github && values.json) throw new UsageError('--json and --github cannot be combined');
  const maxWrites = values['max-writes'] === undefined ? DEFAULT_MAX_WRITES : Number(values['max-writes']);
  if (!Number.isInteger(maxWrites) || maxWrites < 0)
    throw new UsageError(`--max-writes expects a whole number ≥ 0, got "${values['max-writes']}"`);
  return maxWrites;
}

/** One line for a command's --help about the message language. */
export const LANG_HELP = '  --lang nl|en       language of the messages (default: nl, or KLACHTEN_LANG)';

/** Set the message language from `--lang` or, without it, from the environment setting KLACHTEN_LANG (default Dutch). */
function chooseLanguage(flag: string | undefined, env: string | undefined): void {
  const value = flag ?? (env || undefined);
  if (value === undefined) return setLanguage('nl');
  if (!isLanguage(value)) throw new UsageError(`${flag !== undefined ? '--lang' : 'KLACHTEN_LANG'} must be nl or en, got "${value}"`);
  setLanguage(value);
}

/** Parse argv with node:util parseArgs; unknown options become a {@link UsageError}. `--lang` sets the message language. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = false) {
  let parsed;
  try {
    // node:util itself, not its ES module, which loads every part of it (its diff and colours: about 4 ms of each command)
    parsed = process.getBuiltinModule('node:util').parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const lang = (parsed.values as { lang?: unknown }).lang;
  if (typeof lang === 'string') chooseLanguage(lang, undefined);
  return parsed;
}

/**
 * Run a command's main function: the one place a script exits. Input problems are printed one per line
 * (`path:line: field: message`) with exit code 1; no stack trace unless DEBUG is set. Messages are Dutch,
 * or English with KLACHTEN_LANG=en (or --lang en).
 */
export async function runMain(name: string, main: () => Promise<number | void>): Promise<void> {
  try {
    chooseLanguage(undefined, process.env.KLACHTEN_LANG);
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const p of error.problems) console.error(formatProblem(p));
      console.error(`${name}: ${escapeForOutput(error.message)}`);
      process.exitCode = 1;
    } else if (error instanceof BrowserUnavailableError) {
      // no browser for the PDFs: the Dutch message names what to install, the hint how to point at one elsewhere
      console.error(`${name}: ${escapeForOutput(error.message)}\n${escapeForOutput(error.hint)}`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(`${name}: ${escapeForOutput(error.message)}\n${t('Zie --help voor de opties.', 'Run with --help for the options.')}`);
      process.exitCode = 2;
    } else {
      console.error(`${name}: ${escapeForOutput((error as Error)?.message ?? String(error))}`);
      if (process.env.DEBUG) console.error(error);
      process.exitCode = 1;
    }
  }
}
