// Stops fixtures newest first; tries every one even when an earlier one fails, then reports all failures.
async function stopAll(fixtures) {
  const failures = [];
  for (const fixture of [...fixtures].reverse()) {
    try {
      await fixture.stop();
    } catch (error) {
      failures.push(`${fixture.origin}: ${error.message}`);
    }
  }
  if (failures.length > 0) throw new Error(`test fixtures did not stop cleanly:\n${failures.join('\n')}`);
}

module.exports = { stopAll };
