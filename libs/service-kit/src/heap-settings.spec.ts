import { heapFlagsToSet, SERVICE_HEAP_GROWING_PERCENT } from './heap-settings';

describe('heapFlagsToSet', () => {
  it('sets the heap growing percent when the process was started without one', () => {
    expect(heapFlagsToSet(['--max-old-space-size=128'], '--max-semi-space-size=8')).toEqual([`--heap-growing-percent=${SERVICE_HEAP_GROWING_PERCENT}`]);
    expect(heapFlagsToSet([], undefined)).toEqual([`--heap-growing-percent=${SERVICE_HEAP_GROWING_PERCENT}`]);
  });

  it("leaves an operator's own value alone, however it is spelled", () => {
    expect(heapFlagsToSet(['--heap-growing-percent=50'], undefined)).toEqual([]);
    expect(heapFlagsToSet(['--heap_growing_percent=50'], undefined)).toEqual([]);
    expect(heapFlagsToSet(['--inspect', '--heap-growing-percent', '50'], '')).toEqual([]);
  });
});
