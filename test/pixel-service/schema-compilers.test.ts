import { Kind, type TSchema } from '@sinclair/typebox';
import build, { type Schema } from 'fast-json-stringify';
import { serializerCompiler } from '../../pixel-service/src/serialization';
import { compileOnFirstUse, validatorFor } from '../../pixel-service/src/validation';
import * as contract from '../../shared/contract';

const schemas = Object.entries(contract as Record<string, unknown>).filter(
  (entry): entry is [string, TSchema] =>
    typeof entry[1] === 'object' && entry[1] !== null && Kind in entry[1],
);

describe('schema compilers', () => {
  // Compiling waits for a route's first call, so a schema that cannot
  // compile must be caught here rather than by a user.
  it.each(schemas)('compile %s for validation and serialization', (_name, schema) => {
    expect(typeof validatorFor('body').compile(schema)).toBe('function');
    expect(typeof validatorFor('querystring').compile(schema)).toBe('function');
    expect(typeof build(schema as object as Schema)).toBe('function');
  });

  it('finds the contract schemas it checks', () => {
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CreateLinkBodySchema', 'LinkDetailSchema', 'ExportSchema']),
    );
  });

  it('compile a validator once, on first use, and expose its errors', () => {
    const compile = jest.fn(() => validatorFor('body').compile({ type: 'number' }));
    const validate = compileOnFirstUse(compile);
    expect(compile).not.toHaveBeenCalled();
    expect(validate('five')).toBe(false);
    expect(validate.errors?.[0]?.message).toBe('must be number');
    expect(validate(5)).toBe(true);
    expect(validate.errors).toBeNull();
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('let Ajv replace a coerced root value through its parent', () => {
    const validate = compileOnFirstUse(() => validatorFor('params').compile({ type: 'number' }));
    const parent = { limit: '20' };
    expect(validate.schemaEnv).toBeDefined();
    const context = {
      instancePath: '',
      parentData: parent,
      parentDataProperty: 'limit',
      rootData: parent,
      dynamicAnchors: {},
    };
    expect(validate(parent.limit, context)).toBe(true);
    expect(parent.limit).toBe(20);
  });

  it('serialize only the fields a response schema names', () => {
    const serialize = serializerCompiler({
      schema: contract.SettingsSchema,
      method: 'GET',
      url: '/v1/me/settings',
      httpStatus: '200',
    });
    const json = serialize({ retentionDays: 90, recipientOptOut: false, email: 'a@example.com' });
    expect(JSON.parse(json)).toEqual({ retentionDays: 90, recipientOptOut: false });
  });
});
