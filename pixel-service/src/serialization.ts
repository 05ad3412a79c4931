/**
 * Response serialization with fast-json-stringify, Fastify's own serializer,
 * which also drops any field a response schema does not name. Like the
 * validators, each serializer compiles on its first response rather than at
 * start-up, so a new instance serves its first pixel sooner.
 */

import build, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';

// Fastify hands over whatever schema a route declared; ours are TypeBox objects.
export const serializerCompiler: FastifySerializerCompiler<object> = ({ schema }) => {
  let serialize: ((data: unknown) => string) | undefined;
  return (data) => {
    serialize ??= build(schema as Schema);
    return serialize(data);
  };
};
