import { uniqueName } from './names-and-settings';

describe('uniqueName', () => {
  it('never repeats, even for the same prefix', () => {
    const names = Array.from({ length: 50 }, () => uniqueName('same'));
    expect(new Set(names).size).toBe(50);
  });

  it('is a valid Kafka topic and group name whatever the prefix, with room for a .dlq suffix', () => {
    for (const prefix of ['Some Test_Name!', 'ü/ñ', 'x'.repeat(400)]) {
      expect(uniqueName(prefix)).toMatch(/^[a-z0-9.-]{1,240}$/);
    }
  });

  it('keeps a readable trace of the prefix', () => {
    expect(uniqueName('Notification Out')).toMatch(/^notification-out\./);
  });
});
