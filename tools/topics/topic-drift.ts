/**
 * How an existing topic differs from its registry entry. Pure, so the comparison is tested without a broker.
 */
export interface DeclaredTopic {
  readonly name: string;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

/** One line per difference, e.g. `partitions 3, registry says 6`; empty when the topic matches. */
export function topicDrift(declared: DeclaredTopic, actual: DeclaredTopic): string[] {
  const differences: string[] = [];
  if (actual.partitions !== declared.partitions) {
    differences.push(`partitions ${actual.partitions}, registry says ${declared.partitions}`);
  }
  for (const [name, wanted] of Object.entries(declared.config)) {
    const found = actual.config[name];
    if (found !== wanted) differences.push(`${name} ${found ?? '(unset)'}, registry says ${wanted}`);
  }
  return differences;
}
