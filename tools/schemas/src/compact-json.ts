/** Compact, stable JSON text for the files we generate (schemas/*.avsc, docs/asyncapi.json). */
const INLINE_WIDTH = 80;

/**
 * JSON for people: keys in their given order, two-space indent, and anything short
 * (`["null", "string"]`, `{"type": "array", "items": "string"}`) kept on one line, so a reviewer
 * reads fields rather than brackets. Only the parsed JSON matters to any tool.
 */
export function compactJson(value: unknown): string {
  return `${format(value, '')}\n`;
}

function format(value: unknown, indent: string): string {
  const oneLine = inline(value);
  if (value === null || typeof value !== 'object' || indent.length + oneLine.length <= INLINE_WIDTH) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + format(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}
