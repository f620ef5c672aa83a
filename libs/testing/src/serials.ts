/** Process-wide, so two generators made in the same millisecond still start apart. */
let lastStart = 0;

/** Serials each generator may hand out: the last three digits count them. */
const PER_GENERATOR = 1000;

/**
 * A generator of 15-digit ECRIS serials (the digits of `ES-GB-NOT-<serial>`) unique to this run:
 * 9 digits of the millisecond it was made (they repeat only after 11 days), 3 of the process id
 * (jest workers of one run differ), 3 counting its calls. It throws rather than repeat itself.
 */
export function uniqueSerials(): () => string {
  const start = Math.max(Date.now(), lastStart + 1);
  lastStart = start;
  const prefix = `${start % 1e9}`.padStart(9, '0') + `${process.pid % 1000}`.padStart(3, '0');
  let issued = 0;
  return () => {
    if (issued === PER_GENERATOR - 1) throw new Error(`uniqueSerials: a generator gives at most ${PER_GENERATOR - 1} serials; make another`);
    issued += 1;
    return `${prefix}${`${issued}`.padStart(3, '0')}`;
  };
}
