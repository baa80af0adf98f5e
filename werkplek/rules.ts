// What every page but the Overzicht needs from the organization's rules, loaded with the first such page
// (`later` in routes.ts, `Werkplek.loadRules`): organization.yml parsed and checked (js-yaml, zod), the case schema
// compiled, the letters' templates (mustache, micromark). The Overzicht takes its rules from the check cache, so the
// werkplek's start and first page load none of them.
export { caseSchemaFor } from '../schemas/case.ts';
export { templatesOf } from '../lib/documents/kinds.ts';
export { parseOrganization } from '../lib/organization/organization.ts';
