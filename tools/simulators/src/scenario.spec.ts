import { SchemaNames } from '@ecris/contracts';
import { ecrisMessageTypeOfSchema, validateMessage, type EcrisMessages } from '@ecris/ecris-model';
import { AvroCodec, SchemaArchive, type OutboundMessage } from '@ecris/messaging';
import { isMemberStateWireCode, loadReferenceData } from '@ecris/reference-data';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import { buildScenario, DEFAULT_SCENARIO, type ScenarioSettings } from './scenario';

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
const isMemberState = isMemberStateWireCode(loadReferenceData(), '2026-03-04');
const settings: ScenarioSettings = { ...DEFAULT_SCENARIO, seed: 'spec', start: new Date('2026-03-04T09:00:00Z') };

function failures(message: OutboundMessage): string[] {
  const type = ecrisMessageTypeOfSchema(message.schema) as keyof EcrisMessages | undefined;
  if (!type) return [];
  const value = { ...(message.value as object), meta: message.meta } as EcrisMessages[typeof type];
  return validateMessage(type, value, { isMemberState }).map((failure) => `${failure.path} ${failure.code}`);
}

describe('the simulated day', () => {
  const scenario = buildScenario(settings);

  it('holds every stream, in time order', () => {
    const schemas = scenario.messages.map((m) => m.message.schema);
    expect(schemas.filter((s) => s === SchemaNames.convictionRecorded)).toHaveLength(settings.courtConvictions);
    expect(schemas).toContain(SchemaNames.convictionAmended);
    expect(schemas).toContain(SchemaNames.convictionRemoved);
    expect(schemas.filter((s) => s === SchemaNames.request)).toHaveLength(settings.foreignRequests);
    // Each foreign NOT, plus the updates and deletions that follow some of them.
    expect(schemas.filter((s) => s === SchemaNames.notification).length).toBeGreaterThan(settings.foreignNotifications);
    expect(scenario.submissions).toHaveLength(settings.agencyRequests);
    const times = scenario.messages.map((m) => m.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is schema-valid throughout: every value encodes with the published schemas', () => {
    for (const { message } of scenario.messages) {
      expect(() => codec.encode(message.schema, { ...(message.value as object), meta: message.meta })).not.toThrow();
    }
  });

  it('sends only valid ECRIS messages, except the share it deliberately breaks', () => {
    const ecris = scenario.messages.filter((m) => ecrisMessageTypeOfSchema(m.message.schema) !== undefined);
    const invalid = ecris.filter((m) => failures(m.message).length > 0);
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeLessThan(ecris.length * 0.2);
    for (const { message } of invalid) {
      // The two deliberate faults: an offence category no table has, a purpose reference of the wrong shape.
      expect(failures(message)).toEqual([expect.stringMatching(/^(conviction\.offences\[0\]\.commonCategoryRef|purposeCategoryRef) FE-90003$/)]);
    }
  });

  it('breaks nothing when told not to, and sends garbage only when told to', () => {
    const clean = buildScenario({ ...settings, invalidShare: 0 });
    expect(clean.messages.flatMap((m) => failures(m.message))).toEqual([]);
    expect(clean.messages.some((m) => m.garbage)).toBe(false);
    const poisoned = buildScenario({ ...settings, garbageShare: 1 });
    const inbound = poisoned.messages.filter((m) => m.message.topic === 'ecris.inbound.v1');
    expect(inbound.every((m) => m.garbage)).toBe(true);
  });

  it('is the same for the same seed and start, and another for another seed', () => {
    const again = buildScenario(settings);
    expect(JSON.stringify(again)).toBe(JSON.stringify(scenario));
    const other = buildScenario({ ...settings, seed: 'other' });
    const ids = (s: typeof scenario) => new Set(s.messages.map((m) => m.message.meta.id));
    expect([...ids(other)].filter((id) => ids(scenario).has(id))).toEqual([]);
  });

  it('writes the member states in their own languages, and their messages to GB', () => {
    const foreign = scenario.messages.filter((m) => m.message.schema === SchemaNames.notification).map((m) => m.message.value as EcrisMessages['NOT']);
    const languages = new Set(foreign.map((n) => n.conviction.offences[0]!.nationalTitle[0]!.lang));
    expect(languages.size).toBeGreaterThanOrEqual(4);
    expect(new Set(foreign.map((n) => n.header.receiver))).toEqual(new Set(['GB']));
    // Every notified person is a UK national, some of them dual nationals.
    expect(foreign.every((n) => n.person.nationalityRefs.includes('CO-00-826-GBR'))).toBe(true);
    expect(foreign.some((n) => n.person.nationalityRefs.length > 1)).toBe(true);
  });

  it('asks about people convicted here only after their conviction was recorded', () => {
    const recorded = new Map<string, number>();
    for (const { atMs, message } of scenario.messages) {
      if (message.schema !== SchemaNames.convictionRecorded) continue;
      const { person } = (message.value as { conviction: { person: { surname: string; dateOfBirth: object } } }).conviction;
      recorded.set(JSON.stringify([person.surname, person.dateOfBirth]), atMs);
    }
    const requests = scenario.messages.filter((m) => m.message.schema === SchemaNames.request);
    const known = requests.filter((m) => {
      const { person } = m.message.value as EcrisMessages['REQ'];
      const at = recorded.get(JSON.stringify([person.name.surname.text, person.birthDate]));
      if (at !== undefined) expect(at).toBeLessThan(m.atMs);
      return at !== undefined;
    });
    expect(known.length).toBeGreaterThan(0);
    expect(known.length).toBeLessThan(requests.length);
  });

  it('updates and deletes some foreign convictions later, naming the conviction they change', () => {
    const notifications = scenario.messages.filter((m) => m.message.schema === SchemaNames.notification);
    const updates = notifications.filter((m) => (m.message.value as EcrisMessages['NOT']).updatedConvictionReference !== null);
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      const value = update.message.value as EcrisMessages['NOT'];
      const original = notifications.find((m) => (m.message.value as EcrisMessages['NOT']).conviction.convictionId === value.updatedConvictionReference!.ecrisConvictionId);
      expect(original!.atMs).toBeLessThan(update.atMs);
    }
    const deletions = updates.filter((m) => (m.message.value as EcrisMessages['NOT']).conviction.decisions.some((d) => d.deleteConvictionFromRegister === 'Yes'));
    expect(deletions.length).toBeGreaterThan(0);
  });
});
