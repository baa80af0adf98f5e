import { describe, expect, it } from 'vitest';
import { parseOrganization } from '../../../lib/organization/organization.ts';
import { findOrganizer, organizerName } from '../../../lib/organization/organizers.ts';
import { InputError } from '../../../lib/problems/problems.ts';
import { ORG_TEXT } from '../../helpers/fixtures.ts';

describe('parseOrganization', () => {
  it('an unknown field points to the organization schema, with its line', () => {
    const text = ORG_TEXT.replace('time_zone: Europe/Amsterdam', 'time_zone: Europe/Amsterdam\ntimezone: UTC');
    const line = text.split('\n').indexOf('timezone: UTC') + 1;
    try {
      parseOrganization('organization.yml', text);
      expect.unreachable('an unknown field must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems).toEqual([
        expect.objectContaining({
          file: 'organization.yml',
          line,
          field: 'timezone',
          message: expect.stringContaining('schemas/organization.schema.json'),
        }),
      ]);
    }
  });

  it('reads a file saved with a byte order mark', () => {
    expect(parseOrganization('organization.yml', '\uFEFF' + ORG_TEXT).time_zone).toBe('Europe/Amsterdam');
  });
});

describe('organizer lookup', () => {
  const organizers = [
    { key: 'anouk', name: 'Anouk de Groot' },
    { key: 'bram', name: 'Bram Visser' },
  ];
  it('finds by key, and names an unknown key by itself', () => {
    expect(findOrganizer(organizers, 'bram')?.name).toBe('Bram Visser');
    expect(findOrganizer(organizers, 'carla')).toBeUndefined();
    expect(organizerName(organizers, 'anouk')).toBe('Anouk de Groot');
    expect(organizerName(organizers, 'carla')).toBe('carla');
  });
});
