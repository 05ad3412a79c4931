/**
 * The HTTP API between the add-on and the service: TypeBox schemas the service
 * validates with, and the static types both sides compile against. The add-on
 * imports types only (`import type`), so no schema code reaches its bundle.
 */
import { type Static, Type } from '@sinclair/typebox';

export const LABEL_MAX = 120;
export const RECIPIENTS_MAX = 50;
export const SUBJECT_MAX = 250;

const IsoTime = Type.String({ format: 'date-time' });
const LinkId = Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' });

export const EventKindSchema = Type.Union([
  Type.Literal('activated'),
  Type.Literal('inserted'),
  Type.Literal('proxy'),
  Type.Literal('opened'),
]);

export const TimelineEventSchema = Type.Object({
  at: IsoTime,
  /** The last fetch this event covers; equal to `at` for a single fetch. */
  lastAt: IsoTime,
  kind: EventKindSchema,
  who: Type.Union([
    Type.Literal('sender'),
    Type.Literal('recipient-infrastructure'),
    Type.Literal('recipient'),
    Type.Literal('unknown'),
  ]),
  confidence: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
  /** Namespaced codes such as `ua:gmail-prefetch` or `window:delivery`. */
  reasons: Type.Array(Type.String()),
  /** How many fetches (or signals) this event covers. */
  fetches: Type.Integer({ minimum: 0 }),
});

export const IgnoredFetchSchema = Type.Object({
  at: IsoTime,
  reasons: Type.Array(Type.String()),
});

export const TimelineSchema = Type.Object({
  events: Type.Array(TimelineEventSchema),
  ignored: Type.Array(IgnoredFetchSchema),
  /** Link-wide facts the card should state, as codes (e.g. `link:opted-out`). */
  notices: Type.Array(Type.String()),
});

export const LinkSummarySchema = Type.Object({
  id: LinkId,
  label: Type.String(),
  recipients: Type.Array(Type.String()),
  createdAt: IsoTime,
  pixelUrl: Type.String(),
  last: Type.Union([Type.Null(), Type.Object({ kind: EventKindSchema, at: IsoTime })]),
  opens: Type.Integer({ minimum: 0 }),
});

export const CreateLinkBodySchema = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: LABEL_MAX })),
    recipients: Type.Optional(
      Type.Array(Type.String({ maxLength: 320 }), { maxItems: RECIPIENTS_MAX }),
    ),
    subject: Type.Optional(Type.String({ maxLength: SUBJECT_MAX })),
  },
  { additionalProperties: false },
);

export const CreatedLinkSchema = Type.Object({
  id: LinkId,
  pixelUrl: Type.String(),
  html: Type.String(),
  createdAt: IsoTime,
  /** The recipient's opt-out page, present when the owner offers one. */
  optOutUrl: Type.Optional(Type.String()),
});

export const ListLinksQuerySchema = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

export const LinkListSchema = Type.Object({
  links: Type.Array(LinkSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const LinkParamsSchema = Type.Object({ id: LinkId });

export const LinkDetailSchema = Type.Object({
  link: LinkSummarySchema,
  timeline: TimelineSchema,
});

export const SignalBodySchema = Type.Object(
  {
    type: Type.Union([Type.Literal('inserted'), Type.Literal('sent'), Type.Literal('sender-view')]),
    /** For `sent`: the message's own date. */
    messageAt: Type.Optional(IsoTime),
  },
  { additionalProperties: false },
);

export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

/** How long a user's fetches and signals are kept, in days. */
export const RETENTION_CHOICES = [30, 90, 365] as const;

export const RetentionDaysSchema = Type.Union(RETENTION_CHOICES.map((days) => Type.Literal(days)));

export const SettingsSchema = Type.Object({
  retentionDays: RetentionDaysSchema,
  /** Whether inserted pixels carry a plain opt-out link for the recipient. */
  recipientOptOut: Type.Boolean(),
});

export const SettingsBodySchema = Type.Partial(SettingsSchema, { additionalProperties: false });

export const ExportLinkSchema = Type.Object({
  /** Serves the export without the ID token until `expiresAt`. */
  url: Type.String(),
  expiresAt: IsoTime,
});

const ExportedFetchSchema = Type.Object({
  id: Type.String(),
  at: IsoTime,
  expireAt: IsoTime,
  method: Type.String(),
  userAgent: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  network: Type.String(),
  ipPrefix: Type.String(),
});

const ExportedSignalSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  at: IsoTime,
  messageAt: Type.Optional(IsoTime),
  expireAt: IsoTime,
});

const ExportedLinkSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  recipients: Type.Array(Type.String()),
  createdAt: IsoTime,
  retentionDays: Type.Integer(),
  optedOutAt: Type.Union([IsoTime, Type.Null()]),
  fetches: Type.Array(ExportedFetchSchema),
  signals: Type.Array(ExportedSignalSchema),
});

/** Everything MailPing holds for one user, as one document. */
export const ExportSchema = Type.Object({
  exportedAt: IsoTime,
  /** The Google account id the data is keyed by. */
  account: Type.String(),
  settings: SettingsSchema,
  links: Type.Array(ExportedLinkSchema),
});

export type TimelineEvent = Static<typeof TimelineEventSchema>;
export type IgnoredFetch = Static<typeof IgnoredFetchSchema>;
export type Timeline = Static<typeof TimelineSchema>;
export type LinkSummary = Static<typeof LinkSummarySchema>;
export type CreateLinkBody = Static<typeof CreateLinkBodySchema>;
export type CreatedLink = Static<typeof CreatedLinkSchema>;
export type ListLinksQuery = Static<typeof ListLinksQuerySchema>;
export type LinkList = Static<typeof LinkListSchema>;
export type LinkDetail = Static<typeof LinkDetailSchema>;
export type SignalBody = Static<typeof SignalBodySchema>;
export type ApiError = Static<typeof ErrorSchema>;
export type RetentionDays = Static<typeof RetentionDaysSchema>;
export type Settings = Static<typeof SettingsSchema>;
export type SettingsBody = Static<typeof SettingsBodySchema>;
export type ExportLink = Static<typeof ExportLinkSchema>;
export type Export = Static<typeof ExportSchema>;
export type ExportedLink = Static<typeof ExportedLinkSchema>;
