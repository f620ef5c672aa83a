import type { RawOutboundRecord } from '../ports';
import { OutboxMemory } from './outbox-memory';

const record = (value: string): RawOutboundRecord => ({ topic: 't', key: 'k', value: Buffer.from(value), headers: { ce_id: Buffer.from(value) } });

describe('OutboxMemory', () => {
  it('keeps committed rows by id until they are forgotten', () => {
    const memory = new OutboxMemory();
    memory.remember([
      { id: '1', record: record('a') },
      { id: '2', record: record('b') },
    ]);
    expect(memory.get('1')?.value?.toString()).toBe('a');
    memory.forget(['1']);
    expect(memory.get('1')).toBeUndefined();
    expect(memory.get('2')?.value?.toString()).toBe('b');
    expect(memory.size).toBe(1);
  });

  it('keeps no more than its byte bound: rows beyond it are left for the relay to read from the table', () => {
    // Each record counts 256 bytes of overhead plus its value and header bytes: 256 + 1000 + 5 + 1000.
    const memory = new OutboxMemory({ maxBytes: 5000 });
    const big = (id: string) => ({ id, record: { ...record('x'.repeat(1000)), headers: { ce_id: Buffer.alloc(1000) } } });
    memory.remember([big('1'), big('2'), big('3')]);
    expect(memory.size).toBe(2);
    expect(memory.get('3')).toBeUndefined();
    // Forgetting frees room again.
    memory.forget(['1']);
    memory.remember([big('4')]);
    expect(memory.get('4')).toBeDefined();
  });

  it('drops rows older than its age bound whenever it forgets (rows another process published, say)', () => {
    let now = 0;
    const memory = new OutboxMemory({ maxAgeMs: 1000, now: () => now });
    memory.remember([{ id: '1', record: record('old') }]);
    now = 600;
    memory.remember([{ id: '2', record: record('young') }]);
    now = 1200;
    memory.forget([]);
    expect(memory.get('1')).toBeUndefined();
    expect(memory.get('2')).toBeDefined();
  });
});
