// Its own module, so the commands' one exit point (io/cli.ts) knows it without loading io/chromium.ts.

/** No browser to print with, or it did not start: a Dutch message (the werkplek shows it), and a hint for the commands. */
export class BrowserUnavailableError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BrowserUnavailableError';
    this.hint = hint;
  }
}
