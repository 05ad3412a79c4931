/**
 * Rules for the sender's side: the add-on's check, and every fetch before the
 * message was sent (or, with no send reported, soon after the link was made).
 * None of these is ever an open: nobody else has the link yet.
 */
import type { Context, FetchView } from './context';
import { type Verdict, verdict } from './verdict';

/** What the sender-side rules remember from earlier fetches. */
export interface SenderState {
  activated: boolean;
}

/** True when `view` falls before the recipient could have the message. */
export function isSenderSide(view: FetchView, ctx: Context): boolean {
  return view.fetch.at < ctx.senderUntil;
}

function phase(ctx: Context): string {
  return ctx.sentAt === null ? 'window:unsent-sender' : 'phase:before-sent';
}

/** The sender-side verdict for `view`, or null when it is the recipient's. */
export function decideSenderSide(
  view: FetchView,
  ctx: Context,
  state: SenderState,
): Verdict | null {
  const net = `net:${view.fetch.network}`;
  // The add-on fetches from Apps Script whenever it checks; never a reader.
  if (view.family === 'apps-script') {
    if (state.activated) return verdict('repeat-check', 'high', ['ua:apps-script', net]);
    state.activated = true;
    return verdict('add-on-check', 'high', ['ua:apps-script', net]);
  }
  if (!isSenderSide(view, ctx)) return null;
  // A send report makes the split certain; the 10-minute guess does not.
  const confidence = ctx.sentAt === null ? 'medium' : 'high';
  if (!state.activated) {
    state.activated = true;
    return verdict('first-sender-fetch', confidence, [phase(ctx), net]);
  }
  return verdict('draft', confidence, [phase(ctx), `ua:${view.family}`, net]);
}
