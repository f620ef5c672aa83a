import { loadReferenceData } from '@ecris/reference-data';
import { readForeignNotification, type ForeignNotification } from '../domain/foreign-notification';
import { translatedNotification } from '../testing/fixtures';
import { foreignPersonQueries } from './foreign-person-queries';
import { dayOf, registerSettingsFrom } from './register-settings';

const settings = registerSettingsFrom(loadReferenceData(), {});
const queriesOf = foreignPersonQueries(settings);

describe('foreignPersonQueries', () => {
  it('foresees exactly the search the handler makes for a first notification', () => {
    const value = translatedNotification({ surname: 'Sample' });
    const day = dayOf(value.sentAt, value.meta.time);
    const read = readForeignNotification(value, settings.tables, settings.countryOfOn(day), settings.ourStateOn(day)) as ForeignNotification;
    expect(queriesOf([value])).toEqual([read.person]);
  });

  it('foresees none for an update (it looks up its conviction), a translated answer, or a value it cannot read', () => {
    const update = translatedNotification({ updates: 'ES-C-000000000000001' });
    const answer = { ...translatedNotification(), messageType: 'RRS' };
    expect(queriesOf([update, answer, null, { convictionReference: 'T1' }])).toEqual([]);
  });

  it('foresees none about a person who is not one of our nationals', () => {
    const value = translatedNotification();
    const foreigner = { ...value, person: { ...value.person!, nationalityRefs: ['CO-00-724-ESP'] } };
    expect(queriesOf([foreigner])).toEqual([]);
  });
});
