/** Reading recorded card trees the way a person reads the card. */
type Json = Record<string, unknown>;

export interface ButtonView {
  text: string;
  function?: string;
  parameters: Record<string, string>;
  url?: string;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
}

const VISIBLE = [
  'title',
  'subtitle',
  'header',
  'text',
  'topLabel',
  'bottomLabel',
  'label',
  'value',
];

/** Every visible string on the card, markup removed, one per line. */
export function visibleText(card: unknown): string {
  const lines: string[] = [];
  walk(card, (key, value) => {
    if (VISIBLE.includes(key) && typeof value === 'string') {
      lines.push(value.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''));
    }
  });
  return lines.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function clickOf(onClick: Json | undefined) {
  const action = onClick?.action as Json | undefined;
  const params = (action?.parameters as { key: string; value: string }[] | undefined) ?? [];
  return {
    function: action?.function as string | undefined,
    parameters: Object.fromEntries(params.map((p) => [p.key, p.value])),
    url: (onClick?.openLink as Json | undefined)?.url as string | undefined,
  };
}

export function buttonsOf(card: unknown): ButtonView[] {
  const found: ButtonView[] = [];
  walk(card, (key, value) => {
    if (key !== 'buttonList') return;
    for (const b of (value as { buttons: Json[] }).buttons) {
      found.push({ text: b.text as string, ...clickOf(b.onClick as Json | undefined) });
    }
  });
  return found;
}

export function button(card: unknown, text: string): ButtonView {
  const found = buttonsOf(card).find((b) => b.text === text);
  if (!found) throw new Error(`no button "${text}" on the card`);
  return found;
}

/** The widgets of one kind (`decoratedText`, `textInput`...) in card order. */
export function widgets(card: unknown, kind: string): Json[] {
  const found: Json[] = [];
  walk(card, (key, value) => {
    if (key === kind) found.push(value as Json);
  });
  return found;
}

export function clickable(widget: Json) {
  return clickOf(widget.onClick as Json | undefined);
}

/** The card a navigation response shows, from its last push or update. */
export function shownCard(response: Json): Json {
  const action = (response.renderActions as Json | undefined)?.action as Json | undefined;
  const steps = (action?.navigations as Json[] | undefined) ?? [];
  const last = [...steps].reverse().find((s) => s.pushCard || s.updateCard);
  if (!last) throw new Error('the response shows no card');
  return (last.pushCard ?? last.updateCard) as Json;
}

/** What an UpdateDraftActionResponse puts into the draft body. */
export function draftInsertions(response: Json): { type: string; contents: Json[] } {
  const gmail = (response.hostAppAction as Json | undefined)?.gmailAction as Json | undefined;
  const markup = gmail?.updateDraftActionMarkup as Json | undefined;
  const body = markup?.updateBody as { type: string; insertContents: Json[] } | undefined;
  if (!body) throw new Error('the response does not update the draft body');
  return { type: body.type, contents: body.insertContents };
}
