// Schema validation with two Ajv instances: JSON bodies are validated as sent,
// with no type coercion; only the parts that arrive as text (query string, URL
// parameters, headers) are coerced. Coercion has a hole worth avoiding: Ajv turns
// the text "1e309" into Infinity and then lets it pass integer and maximum checks.
// Numbers in query strings are therefore declared as patterned text (see NumericText).

import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const common: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  // Keeps each error's schema, so that the message can name the field by its title.
  verbose: true,
  strictNumbers: true,
  strict: false,
};

function instance(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes: coerce ? 'array' : false });
  addFormats.default(ajv);
  return ajv;
}

const forBody = instance(false);
const forText = instance(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? forBody : forText).compile(schema as object);
