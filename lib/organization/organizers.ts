/** The organizer (begeleider) with this key in a list from organization.yml, or undefined. */
export const findOrganizer = <O extends { key: string }>(organizers: readonly O[], key: string): O | undefined =>
  organizers.find((o) => o.key === key);

/** The organizer's name as people read it; the key itself when the list does not have it. */
export const organizerName = (organizers: readonly { key: string; name: string }[], key: string): string =>
  findOrganizer(organizers, key)?.name ?? key;
