import { identityOf } from '../../lib/sharing/messages.ts';
import { readOrganizerChoice } from '../../lib/sharing/choices.ts';
import type { Werkplek } from '../context.ts';
import { html, type Html } from '../html.ts';
import { notice, page } from '../layout.ts';
import { pageReply, redirect, type Reply, type Request } from '../reply.ts';

/** GET /wie-ben-ik: who commits here, and the choice from organization.yml's organizers. */
export async function showWhoAmI(app: Werkplek, { url }: Request): Promise<Reply> {
  return pageReply(await whoAmIPage(app, { notice: app.takeFlash(url) }));
}

/** POST /wie-ben-ik: store the choice in this clone's Git configuration; her commits carry her name from now on. */
export async function postWhoAmI(app: Werkplek, { values }: Request): Promise<Reply> {
  const { org } = app.context();
  const chosen = readOrganizerChoice({ wie: typeof values.wie === 'string' ? values.wie : undefined }, org.organizers);
  if (!chosen.ok) return pageReply(await whoAmIPage(app, { error: chosen.error }), 422);
  const identity = identityOf(chosen.organizer);
  if (!(await app.sharing.git.setIdentity(identity, chosen.organizer.key)))
    return pageReply(
      await whoAmIPage(app, {
        notice: notice(
          'Dat lukte niet: deze dossiermap houdt geen geschiedenis bij, of de keuze kon niet worden bewaard. Vraag hulp.',
          'fout',
        ),
      }),
      500,
    );
  void app.sharing.share();
  return redirect(`/?melding=${app.flash(`U bent ${identity.name}. Wat u vanaf nu vastlegt, draagt uw naam.`)}`);
}

async function whoAmIPage(app: Werkplek, o: { notice?: Html; error?: string }): Promise<Html> {
  const { org } = app.context();
  const git = app.sharing.git;
  const [identity, key] = await Promise.all([git.identity(), git.organizerKey()]);
  const now = identity
    ? html`<p>Uw wijzigingen worden nu vastgelegd als <strong>${identity.name}</strong> (${identity.email}).</p>`
    : html`<p>De werkplek weet nog niet wie u bent: kies hieronder uw naam. Tot dan komt niets in de geschiedenis.</p>`;
  const id = (k: string) => `wie-${k}`;
  return page({
    title: 'Wie ben ik',
    article: '',
    current: '/wie-ben-ik',
    notice: o.notice,
    body: html`${now}
<form method="post" action="/wie-ben-ik"><fieldset class="veld${o.error && ' heeft-fout'}"${o.error && html` aria-describedby="wie-fout"`}><legend>Ik ben</legend>
${org.organizers.map((p) => html`<div class="vinkje"><input type="radio" id="${id(p.key)}" name="wie" value="${p.key}" required ${p.key === key && 'checked'}><label for="${id(p.key)}">${p.name}</label></div>`)}
${o.error && html`<p class="fout" id="wie-fout">${o.error}</p>`}</fieldset>
<p class="hint">Eenmalig per computer. Uw wijzigingen dragen uw naam en een adres dat niet uw echte e-mailadres is.</p>
<button type="submit">Opslaan</button></form>`,
  });
}
