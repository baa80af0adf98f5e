/** Why Git cannot record a change here; {@link gitProblemMessage} says it to the organizer. */
export type GitProblem =
  { kind: 'detached' } | { kind: 'stale-lock'; lock: string } | { kind: 'busy-lock' } | { kind: 'no-identity' } | { kind: 'failed' };

/** What went wrong in Git, and what to do, in the organizer's words. Never a Git message: those are English and technical. */
export function gitProblemMessage(p: GitProblem): string {
  switch (p.kind) {
    case 'detached':
      // for the helper: HEAD is detached; `git switch main` (or the branch's name) puts it back
      return 'De dossiermap staat in een stand waarin wijzigingen nooit gedeeld worden. Daarom is de wijziging niet aan de geschiedenis van het dossier toegevoegd; het dossier zelf is wel opgeslagen. Vraag hulp: wie de dossiermap beheert, zet haar terug op de gedeelde versie. Sla daarna opnieuw op of klik op Synchroniseren.';
    case 'stale-lock':
      return 'Het bijhouden van de geschiedenis is eerder onderbroken en liet een slot achter, terwijl er niets meer bezig is. Zolang dat slot er ligt, komt er niets bij in de geschiedenis. Klik op de pagina Synchroniseren op "Slot opzijzetten": de werkplek controleert nog eens dat niets meer bezig is en zet het slot opzij (het wordt niet verwijderd). Het dossier zelf is opgeslagen.';
    case 'busy-lock':
      return 'Een ander programma is nog bezig in deze dossiermap. Wacht tot dat klaar is en klik dan op Synchroniseren; het dossier zelf is opgeslagen.';
    case 'no-identity':
      return 'De werkplek weet nog niet wie u bent, en een wijziging zonder naam zegt later niet wie hem deed. Kies eerst wie u bent op de pagina "Wie ben ik"; daarna komt alles onder uw naam in de geschiedenis. Het dossier zelf is opgeslagen.';
    case 'failed':
      return 'De wijziging kon niet aan de geschiedenis van het dossier worden toegevoegd. Het dossier zelf is opgeslagen. Klik op Synchroniseren om het opnieuw te proberen, of vraag hulp.';
  }
}

/** How a command that talks to the shared remote ended, as the sharing needs it for {@link remoteFailureMessage}. */
export interface RemoteFailure {
  timedOut: boolean;
  /** Git's own (English) error output, only to tell refused access from an unreachable remote; never shown. */
  err: string;
  seconds: number;
}

/** Why sharing stopped, in the organizer's words. */
export function remoteFailureMessage(f: RemoteFailure): string {
  if (f.timedOut)
    return `de gedeelde opslag gaf binnen ${f.seconds} seconden geen antwoord (geen internet, of een haperende VPN?). Uw werk staat veilig op deze computer; klik later op Synchroniseren`;
  // an HTTP status as git reports it: a bare 401 or 403 also turns up in a port (http://127.0.0.1:40123/…)
  if (/denied|authenticat|returned error: 40[13]\b|could not read Username|Host key verification/i.test(f.err))
    return 'de gedeelde opslag weigerde de toegang (is uw inlog verlopen?). Uw werk staat veilig op deze computer; vraag hulp';
  return 'de gedeelde opslag is niet bereikbaar (geen internet?). Uw werk staat veilig op deze computer; klik later op Synchroniseren';
}

/** The identity an organizer's commits carry: her name, and her GitHub no-reply address (no real address in the history). */
export function identityOf(o: { name: string; github: string }): { name: string; email: string } {
  return { name: o.name, email: `${o.github}@users.noreply.github.com` };
}
