import { createHash } from 'node:crypto';

/**
 * Seeded pseudo-random numbers (mulberry32). Not for anything secret: for simulated traffic that the
 * same seed reproduces exactly. A stream is derived from the seed and the name of what it decides
 * (`randomFor(seed, 'answer', messageId)`), so a decision about one message does not depend on how
 * many others came before it: a replayed or reordered input gets the same answer.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the keys, with the probability of its weight among all weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
    if (total <= 0) throw new RangeError('weights must not all be zero');
    let point = this.next() * total;
    for (const [key, weight] of entries) {
      point -= Math.max(0, weight);
      if (point < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

function digest(seed: string, parts: readonly (string | number)[]): Buffer {
  return createHash('sha256').update([seed, ...parts.map(String)].join('\u0000'), 'utf8').digest();
}

/** The random stream for one named decision under a seed. */
export function randomFor(seed: string, ...parts: (string | number)[]): SeededRandom {
  return new SeededRandom(digest(seed, parts).readUInt32BE(0));
}

/** `count` decimal digits derived from the seed and the parts: serials of ECRIS ids and references. */
export function digitsFor(seed: string, count: number, ...parts: (string | number)[]): string {
  const hash = digest(seed, parts);
  const number = BigInt(`0x${hash.subarray(0, 16).toString('hex')}`) % 10n ** BigInt(count);
  return number.toString().padStart(count, '0');
}
