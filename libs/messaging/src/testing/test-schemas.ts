import { join } from 'node:path';
import { SchemaArchive } from '../avro/schema-archive';

/** Schemas used only by the messaging lib's own tests; never part of the ECRIS contract. */
export const TEST_SCHEMAS_DIR = join(__dirname, '..', '..', 'test-schemas');
export const TEST_EVENT = 'uk.ecris.test.TestEvent';

export function testSchemaArchive(): SchemaArchive {
  return SchemaArchive.load([TEST_SCHEMAS_DIR]);
}
