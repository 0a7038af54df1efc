import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMAS = join(import.meta.dirname, 'hsds-3.0');
/** Where the specification publishes its schemas; relative `$ref`s resolve against it. */
const SPECIFICATION = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** The HSDS objects, by the name of their schema file (`service`, `service_at_location`, …). */
export type HsdsObjectName = string;

/**
 * Validates objects against the official HSDS 3.0 schemas (vendored in `hsds-3.0/`) with a JSON
 * Schema 2020-12 validator and its formats (uuid, uri, email, date-time). Not strict: the schemas
 * carry Open Referral's own keywords (`constraints`, `core`, `datapackage_metadata`).
 */
export function hsdsSchemaValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), `${SPECIFICATION}${file}`);
  }
  /** The schema errors of one object, each as `<where> <what>`; none when it is valid. */
  return (object: HsdsObjectName, value: unknown): string[] => {
    const validate = ajv.getSchema(`${SPECIFICATION}${object}.json`);
    if (!validate) throw new Error(`No HSDS schema "${object}"`);
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${object}${e.instancePath} ${e.message ?? e.keyword}`);
  };
}
