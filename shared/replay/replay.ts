/**
 * Runs a scenario through the same two steps the service uses: each fetch is
 * annotated as it would be on arrival, then the timeline is built from what
 * was stored. Times print as offsets from the start, like the file's.
 */
import { annotateRequest } from '../annotate';
import type { EventKind, Fetch, LinkFacts, Signal } from '../domain';
import type { NetworkIndex } from '../networks/network-index';
import { buildTimeline } from '../timeline';
import { formatDuration, parseDuration } from './duration';
import type { FetchStep, Scenario } from './scenario';

/** Scenario time zero; any fixed instant would do. */
export const SCENARIO_START = Date.UTC(2024, 4, 6, 9, 0, 0);
const DAY_MS = 86_400_000;

/** One line of replay output. */
export interface ReplayResult {
  name: string;
  timeline: {
    at: string;
    kind: EventKind;
    who: string;
    confidence: string;
    reasons: string[];
    fetches: number;
  }[];
  ignored: { at: string; reasons: string[] }[];
  notices: string[];
}

const offset = (text: string) => parseDuration(text) ?? 0;

function fetchesOf(step: FetchStep, networks: NetworkIndex, linkId: string, n: number): Fetch[] {
  const { ip, method = 'GET', headers = {} } = step.fetch;
  const facts = annotateRequest({ method, headers, ip }, networks);
  const every = offset(step.repeat?.every ?? '0s');
  return Array.from({ length: step.repeat?.times ?? 1 }, (_, i) => ({
    ...facts,
    id: `f${n}-${i}`,
    linkId,
    at: SCENARIO_START + offset(step.at) + i * every,
  }));
}

/** The stored link, fetches and signals a scenario amounts to. */
export function storedFacts(scenario: Scenario, networks: NetworkIndex) {
  const linkId = 'scenario';
  const fetches: Fetch[] = [];
  const signals: Signal[] = [];
  let createdAt = SCENARIO_START;
  scenario.steps.forEach((step, n) => {
    const at = SCENARIO_START + offset(step.at);
    if ('fetch' in step) fetches.push(...fetchesOf(step, networks, linkId, n));
    else if (step.signal === 'created') createdAt = at;
    else {
      const messageAt = step.messageAt ? SCENARIO_START + offset(step.messageAt) : undefined;
      signals.push({ id: `s${n}`, linkId, type: step.signal, at, messageAt });
    }
  });
  const link: LinkFacts = { id: linkId, createdAt, recipients: scenario.recipients ?? [] };
  return { link, fetches, signals };
}

/** The replay output for one scenario. */
export function replayScenario(scenario: Scenario, networks: NetworkIndex): ReplayResult {
  const { link, fetches, signals } = storedFacts(scenario, networks);
  const last = Math.max(SCENARIO_START, ...fetches.map((f) => f.at), ...signals.map((s) => s.at));
  const now = scenario.now ? SCENARIO_START + offset(scenario.now) : last + DAY_MS;
  const timeline = buildTimeline({ link, fetches, signals, now });
  const since = (iso: string) => formatDuration(Date.parse(iso) - SCENARIO_START);
  return {
    name: scenario.name,
    timeline: timeline.events.map(({ at, kind, who, confidence, reasons, fetches: count }) => ({
      at: since(at),
      kind,
      who,
      confidence,
      reasons,
      fetches: count,
    })),
    ignored: timeline.ignored.map(({ at, reasons }) => ({ at: since(at), reasons })),
    notices: timeline.notices,
  };
}

function differs(label: string, expected: readonly unknown[], actual: unknown[]): string[] {
  if (expected.join() === actual.join()) return [];
  return [`${label}: expected [${expected.join(', ')}], got [${actual.join(', ')}]`];
}

/** Every way `result` differs from the file's expectations; empty when none. */
export function compareExpectations(result: ReplayResult, scenario: Scenario): string[] {
  const { expect, expectRules, expectIgnored, expectNotices } = scenario;
  const rules = result.timeline.map((event) => event.reasons[0]?.replace(/^rule:/, ''));
  return [
    ...(expect
      ? differs(
          'kinds',
          expect,
          result.timeline.map((e) => e.kind),
        )
      : []),
    ...(expectRules ? differs('rules', expectRules, rules) : []),
    ...(expectNotices ? differs('notices', expectNotices, result.notices) : []),
    ...(expectIgnored !== undefined
      ? differs('ignored', [expectIgnored], [result.ignored.length])
      : []),
  ];
}
