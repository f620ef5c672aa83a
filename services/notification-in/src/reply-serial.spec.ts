import { replySerialFor } from './reply-serial';

describe('replySerialFor', () => {
  it('is the same for the same message and step, and differs between steps and messages', () => {
    const a = replySerialFor('ES-GB-NOT-000000000000001');
    expect(a('nrs')).toBe(replySerialFor('ES-GB-NOT-000000000000001')('nrs'));
    expect(a('nrs')).not.toBe(a('fem'));
    expect(a('nrs')).not.toBe(replySerialFor('ES-GB-NOT-000000000000002')('nrs'));
  });

  it('always fits the 15 digits of an ECRIS id', () => {
    for (let i = 0; i < 200; i++) {
      const serial = replySerialFor(`FR-GB-NOT-${String(i).padStart(15, '0')}`)('nrs');
      expect(serial >= 0n && serial < 10n ** 15n).toBe(true);
    }
  });
});
