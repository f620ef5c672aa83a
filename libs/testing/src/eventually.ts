/**
 * Polls `condition` until it holds (or throws after `timeoutMs`): for outcomes that are not records on
 * a topic (a database row, a metric). Polling, not sleeping: it returns as soon as the condition holds.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  describe = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${describe} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
