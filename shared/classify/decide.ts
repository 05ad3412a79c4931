/**
 * Decides every fetch of a link in time order. Some rules depend on what came
 * before (the first sender fetch activates, the first Yahoo fetch is the
 * delivery check, a new client after an open is another reader), so the
 * fetches are walked once with a little state.
 */
import type { Network } from '../domain';
import type { ClientFamily } from './client-family';
import type { Decided } from './collapse';
import type { Context, FetchView } from './context';
import { decideRecipientSide, type RecipientState } from './recipient-rules';
import { decideSenderSide, type SenderState } from './sender-rules';
import { lowered, type Verdict } from './verdict';

interface Reader {
  family: ClientFamily;
  network: Network;
}

interface State extends SenderState, RecipientState {
  readers: Reader[];
}

// Another reader only when both the client and the network differ from every
// earlier open: one person's phone and laptop often share one of the two.
function markReader(view: FetchView, decided: Verdict, state: State): Verdict {
  if (decided.kind !== 'opened') return decided;
  const reader = { family: view.family, network: view.fetch.network };
  const isNew =
    state.readers.length > 0 &&
    state.readers.every((r) => r.family !== reader.family && r.network !== reader.network);
  state.readers.push(reader);
  return isNew ? { ...decided, reasons: [...decided.reasons, 'reader:another'] } : decided;
}

function decideOne(view: FetchView, ctx: Context, state: State): Verdict {
  const sender = decideSenderSide(view, ctx, state);
  if (sender) return sender;
  const decided = decideRecipientSide(view, ctx, state);
  // Without a send report, delivery windows are guesses: say so.
  const unsure = ctx.sentAt === null && decided.rule !== 'sender-view';
  return markReader(view, unsure ? lowered(decided, 'signal:no-sent') : decided, state);
}

/** Every fetch of `ctx` with the verdict of the rule that decided it. */
export function decideAll(ctx: Context): Decided[] {
  const state: State = { activated: false, yahooSeen: false, readers: [] };
  return ctx.views.map((view) => ({ view, verdict: decideOne(view, ctx, state) }));
}
