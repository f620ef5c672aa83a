import { loadFixture } from './fixtures';

describe('loadFixture', () => {
  it('finds a golden fixture by short name or by Avro full name, and gives a fresh copy each time', () => {
    const byShortName = loadFixture<{ header: { messageId: string } }>('Notification', 1);
    const byFullName = loadFixture<{ header: { messageId: string } }>('uk.ecris.message.Notification', 1);
    expect(byFullName).toEqual(byShortName);
    byShortName.header.messageId = 'changed';
    expect(loadFixture<{ header: { messageId: string } }>('Notification', 1).header.messageId).not.toBe('changed');
  });

  it('tells which version is missing rather than return something else', () => {
    expect(() => loadFixture('Notification', 99)).toThrow(/Notification\.v99\.json/);
    expect(() => loadFixture('uk.ecris.message.Notification', 99)).toThrow();
  });
});
