/**
 * Request validation. JSON bodies are checked strictly: a wrong type or an
 * unknown field is refused, never coerced or silently dropped. Query strings
 * and params arrive as text, so only they are coerced to numbers.
 *
 * Each validator compiles on its route's first call, not at start-up: Cloud
 * Run starts instances on demand, often for a pixel fetch, and compiling
 * every API schema first held that image back by tens of milliseconds.
 */
import Ajv, { type Options, type ValidateFunction } from 'ajv';
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

/** The Ajv instance for a part of the request. */
export function validatorFor(httpPart: string | undefined): Ajv {
  return httpPart === 'body' ? strict : textual;
}

/**
 * A validator that compiles when first used. Fastify reads `errors` after a
 * failed call and passes the parent object when `schemaEnv` is present (so
 * Ajv can replace a coerced root value), so both are forwarded.
 */
export function compileOnFirstUse(compile: () => ValidateFunction): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const get = () => {
    compiled ??= compile();
    return compiled;
  };
  const validate = (data: unknown, context?: Parameters<ValidateFunction>[1]) =>
    get()(data, context);
  return Object.defineProperties(validate, {
    errors: { get: () => compiled?.errors },
    schemaEnv: { get: () => get().schemaEnv },
  }) as unknown as ValidateFunction;
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  compileOnFirstUse(() => validatorFor(httpPart).compile(schema));
