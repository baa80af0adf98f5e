import { syncCases, type SyncOutcome } from '../../actions/sync.ts';
import type { Werkplek } from '../context.ts';
import { redirect, type Reply } from '../reply.ts';

const UNREACHABLE =
  'Synchroniseren lukte niet: de gedeelde opslag is niet bereikbaar, of iemand anders wijzigde hetzelfde dossier. Er is niets samengevoegd en geen bestand beschadigd. Probeer het later opnieuw of vraag hulp.';

/** POST /synchroniseren: share and fetch, then back to the Overzicht with what happened. */
export async function postSync(app: Werkplek): Promise<Reply> {
  const said = await app.serial(async () => {
    const r = await syncCases(app.o.cases, app.git);
    app.index.changed();
    return syncWords(r);
  });
  return redirect(`/?melding=${app.flash(said)}`);
}

/** What Synchroniseren did, in the organizer's words. */
export function syncWords(r: SyncOutcome): string {
  const told =
    'renumbered' in r
      ? r.renumbered.map(
          ([old, id]) =>
            `Let op: nummer ${old} was intussen op een andere computer gebruikt voor een andere klacht. Uw klacht heeft nu nummer ${id}.`,
        )
      : [];
  const lines = (last: string) => [...told, last].join('\n');
  switch (r.kind) {
    case 'no-repo':
      return 'De dossiermap staat niet in Git: er is niets te synchroniseren. Alles wordt alleen op deze computer bewaard.';
    case 'no-remote':
      return 'Er is geen gedeelde opslag (remote) ingesteld: er is niets te synchroniseren. Alles staat in Git op deze computer.';
    case 'renumber-failed':
      return 'Synchroniseren lukte niet: een dossier dat hier is geregistreerd, kon niet worden hernummerd. Er is niets samengevoegd. Vraag hulp.';
    case 'unreachable':
      return lines(UNREACHABLE);
    case 'push-failed':
      return lines('Binnengehaald, maar versturen lukte niet. Probeer het later opnieuw.');
    case 'synced':
      return lines('Gesynchroniseerd: de wijzigingen van anderen zijn binnengehaald en de uwe gedeeld.');
  }
}
