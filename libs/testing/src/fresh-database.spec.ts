import { testDatabaseName } from './fresh-database';

describe('testDatabaseName', () => {
  it('is a valid unquoted PostgreSQL name within 63 bytes, whatever the label, and keeps a trace of it', () => {
    for (const label of ['Request Out', 'register-update-crash', 'ü/ñ', '9lives', 'x'.repeat(200)]) {
      expect(testDatabaseName(label)).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
    }
    expect(testDatabaseName('Request Out')).toMatch(/^request_out_[0-9a-f]{12}$/);
    expect(testDatabaseName('!!!')).toMatch(/^test_[0-9a-f]{12}$/);
    expect(testDatabaseName('9lives')).toMatch(/^lives_[0-9a-f]{12}$/);
  });

  it('differs every time for the same label', () => {
    expect(new Set(Array.from({ length: 20 }, () => testDatabaseName('same'))).size).toBe(20);
  });
});
