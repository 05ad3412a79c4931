/**
 * The scenario file: a named sequence of signals and fetches at offsets from
 * the start, and the event kinds the timeline is expected to show. Files are
 * checked field by field, and every error names the file and the field.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseDuration } from './duration';

const FetchStepSchema = Type.Object(
  {
    at: Type.String(),
    fetch: Type.Object(
      {
        ip: Type.String(),
        method: Type.Optional(Type.String()),
        headers: Type.Optional(Type.Record(Type.String(), Type.String())),
      },
      { additionalProperties: false },
    ),
    /** The same fetch again `times` times in all, `every` apart. */
    repeat: Type.Optional(
      Type.Object(
        { times: Type.Integer({ minimum: 1, maximum: 10_000 }), every: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const SignalStepSchema = Type.Object(
  {
    at: Type.String(),
    signal: Type.Union([
      Type.Literal('created'),
      Type.Literal('inserted'),
      Type.Literal('sent'),
      Type.Literal('sender-view'),
    ]),
    /** For `sent`: the message's own date, when it differs from the report's. */
    messageAt: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const KindSchema = Type.Union([
  Type.Literal('activated'),
  Type.Literal('inserted'),
  Type.Literal('proxy'),
  Type.Literal('opened'),
]);

const ScenarioSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    recipients: Type.Optional(Type.Array(Type.String())),
    /** When the timeline is read; one day after the last step when absent. */
    now: Type.Optional(Type.String()),
    steps: Type.Array(Type.Union([FetchStepSchema, SignalStepSchema])),
    expect: Type.Optional(Type.Array(KindSchema)),
    /** The rule that decided each event, in order. */
    expectRules: Type.Optional(Type.Array(Type.String())),
    /** How many fetches the timeline hides. */
    expectIgnored: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The timeline's notices, in order. */
    expectNotices: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

/** A scenario as written in its file. */
export type Scenario = Static<typeof ScenarioSchema>;
/** One step of a scenario. */
export type Step = Scenario['steps'][number];
/** A step that fetches the pixel. */
export type FetchStep = Static<typeof FetchStepSchema>;

const dotted = (path: string) => path.slice(1).replaceAll('/', '.');

/**
 * A bad step fails both kinds of step at once; judge it as the kind its keys
 * say it is, so the error names the field that is wrong.
 */
function stepError(step: unknown, path: string): string {
  const keys = typeof step === 'object' && step !== null ? Object.keys(step) : [];
  const isFetch = keys.includes('fetch');
  if (isFetch === keys.includes('signal')) {
    return `${dotted(path)}: a step needs \`at\` and either \`fetch\` or \`signal\``;
  }
  const error = Value.Errors(isFetch ? FetchStepSchema : SignalStepSchema, step).First();
  return `${dotted(path + (error?.path ?? ''))}: ${error?.message ?? 'is not a step'}`;
}

function firstError(value: unknown): string | null {
  const error = Value.Errors(ScenarioSchema, value).First();
  if (!error) return null;
  if (/^\/steps\/\d+$/.test(error.path)) return stepError(error.value, error.path);
  return `${dotted(error.path) || '(top level)'}: ${error.message}`;
}

function durationErrors(scenario: Scenario): string | null {
  const fields: [string, string | undefined][] = [['now', scenario.now]];
  scenario.steps.forEach((step, i) => {
    fields.push([`steps.${i}.at`, step.at]);
    if ('repeat' in step) fields.push([`steps.${i}.repeat.every`, step.repeat?.every]);
    if ('messageAt' in step) fields.push([`steps.${i}.messageAt`, step.messageAt]);
  });
  const bad = fields.find(([, text]) => text !== undefined && parseDuration(text) === null);
  return bad ? `${bad[0]}: expected a duration such as "90s" or "1h30m", got "${bad[1]}"` : null;
}

/** The scenario in `text`; throws `file: field: problem` when it is not one. */
export function parseScenario(text: string, file: string): Scenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON: ${(error as Error).message}`);
  }
  const problem = firstError(value) ?? durationErrors(value as Scenario);
  if (problem) throw new Error(`${file}: ${problem}`);
  return value as Scenario;
}
