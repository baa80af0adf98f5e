import { randomUUID } from 'node:crypto';
import type { NewAttachment } from '../actions/attachments.ts';

/** What a read e-mail left for its registration: the attachments on offer and the mail itself. */
export interface StagedMail {
  /** In the mail's order; `inline`: an image inside the text; `refusal`: over the size limit, never kept. */
  attachments: (NewAttachment & { inline: boolean; refusal?: string })[];
  /** The .eml as it was dropped, to keep with the case when she ticks "bewaar de e-mail". */
  eml: NewAttachment;
}

/** How long a read e-mail waits for its registration, and how many wait at most (the oldest go first). */
export const STAGED_MINUTES = 120;
export const STAGED_MAX = 5;

/**
 * The attachments of e-mails read on Nieuwe klacht, kept in memory until the form is registered (never on disk:
 * nothing personal is left behind when she does not register). The form carries only a random key. After
 * {@link STAGED_MINUTES}, beyond {@link STAGED_MAX} mails, or when the werkplek stops, they are gone: the Dossier then
 * says so and she adds them there.
 */
export class IntakeStore {
  private readonly staged = new Map<string, { at: number; mail: StagedMail }>();
  private readonly now: () => number;
  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Keep a read mail; its key for the form. */
  put(mail: StagedMail): string {
    this.expire();
    const key = randomUUID();
    this.staged.set(key, { at: this.now(), mail });
    while (this.staged.size > STAGED_MAX) this.staged.delete(this.staged.keys().next().value!);
    return key;
  }

  /** The mail kept under `key`, left there (a refused registration shows its attachments again). */
  peek(key: string): StagedMail | undefined {
    this.expire();
    return this.staged.get(key)?.mail;
  }

  /** The mail kept under `key`, once; undefined when it expired or never was. */
  take(key: string): StagedMail | undefined {
    this.expire();
    const found = this.staged.get(key);
    this.staged.delete(key);
    return found?.mail;
  }

  private expire(): void {
    const oldest = this.now() - STAGED_MINUTES * 60_000;
    for (const [key, { at }] of this.staged) if (at < oldest) this.staged.delete(key);
  }
}
