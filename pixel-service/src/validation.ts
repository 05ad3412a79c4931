/**
 * Request validation. JSON bodies are checked strictly: a wrong type or an
 * unknown field is refused, never coerced or silently dropped. Query strings
 * and params arrive as text, so only they are coerced to numbers.
 */
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function ajv(options: Options): Ajv {
  const instance = new Ajv({
    // The schemas are TypeBox's output, checked by the tests; checking them
    // against the JSON Schema meta-schema again costs tens of ms at start-up.
    validateSchema: false,
    allErrors: false,
    useDefaults: true,
    removeAdditional: false,
    ...options,
  });
  addFormats(instance);
  return instance;
}

const strict = ajv({ coerceTypes: false });
const textual = ajv({ coerceTypes: true });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : textual).compile(schema);
