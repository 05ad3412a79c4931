/**
 * Draws a recorded card (the JSON tree the CardService fake builds, in the
 * shape of Google's card JSON) as HTML for the preview page. Card text may
 * hold the little markup Gmail allows; only that survives, everything else
 * is shown as text.
 */
type Json = Record<string, unknown>;

const ALLOWED_TAG = /(<\/?(?:b|i|u)>|<br\s*\/?>)/;

/** Escapes text for an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Card text is already entity-escaped by the add-on; keep its few tags. */
function cardText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .split(ALLOWED_TAG)
    .map((part) =>
      ALLOWED_TAG.test(part) ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

/** Icons drawn as simple shapes, so the page needs no icon font. */
const ICONS: Record<string, string> = {
  bolt: '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
  add_photo_alternate:
    '<rect x="3" y="5" width="14" height="14" rx="2"/><path d="m5 17 4-5 3 3 2-2 3 4z"/>' +
    '<path d="M19 1v6M16 4h6" stroke-width="2"/>',
  dns:
    '<rect x="3" y="4" width="18" height="7" rx="1.5"/>' +
    '<rect x="3" y="13" width="18" height="7" rx="1.5"/>',
  drafts:
    '<g fill="none" stroke-width="2" stroke-linejoin="round">' +
    '<path d="M3 10 12 4l9 6v10H3z"/><path d="m3 10 9 6 9-6"/></g>',
};

function icon(json: Json | undefined): string {
  const name = ((json?.materialIcon as Json | undefined)?.name as string | undefined) ?? '';
  const shape = ICONS[name] ?? '<circle cx="12" cy="12" r="6"/>';
  const attributes = `class="icon icon-${escapeHtml(name)}" viewBox="0 0 24 24" aria-hidden="true"`;
  return `<svg ${attributes}>${shape}</svg>`;
}

/** A click target: an add-on action by function name, or a link. */
function clickAttributes(onClick: Json | undefined): string {
  const action = onClick?.action as Json | undefined;
  if (action?.function) {
    const list = (action.parameters as { key: string; value: string }[] | undefined) ?? [];
    const parameters = Object.fromEntries(list.map((p) => [p.key, p.value]));
    return (
      ` data-function="${escapeHtml(String(action.function))}"` +
      ` data-parameters="${escapeHtml(JSON.stringify(parameters))}"`
    );
  }
  const url = (onClick?.openLink as Json | undefined)?.url;
  return typeof url === 'string' ? ` data-url="${escapeHtml(url)}"` : '';
}

function button(json: Json): string {
  const style = json.type === 'FILLED' ? 'filled' : 'text';
  const click = clickAttributes(json.onClick as Json);
  const text = escapeHtml(String(json.text ?? ''));
  return `<button type="button" class="${style}"${click}>${text}</button>`;
}

function decoratedText(json: Json): string {
  const click = clickAttributes(json.onClick as Json | undefined);
  const lines = [
    json.topLabel ? `<div class="top">${cardText(json.topLabel)}</div>` : '',
    `<div class="text">${cardText(json.text)}</div>`,
    json.bottomLabel ? `<div class="bottom">${cardText(json.bottomLabel)}</div>` : '',
  ].join('');
  const start = json.startIcon ? icon(json.startIcon as Json) : '';
  const end = json.button ? button(json.button as Json) : '';
  const role = click ? ' role="button" tabindex="0"' : '';
  const opening = `<div class="decorated${click ? ' clickable' : ''}"${click}${role}>`;
  return `${opening}${start}<div class="lines">${lines}</div>${end}</div>`;
}

function textInput(json: Json): string {
  const hint = json.hintText ? `<small>${escapeHtml(String(json.hintText))}</small>` : '';
  return (
    `<label class="input"><span>${escapeHtml(String(json.label ?? ''))}</span>` +
    `<input name="${escapeHtml(String(json.name))}"` +
    ` value="${escapeHtml(String(json.value ?? ''))}">` +
    `${hint}</label>`
  );
}

function widget(json: Json): string {
  if (json.textParagraph) return `<p>${cardText((json.textParagraph as Json).text)}</p>`;
  if (json.decoratedText) return decoratedText(json.decoratedText as Json);
  if (json.textInput) return textInput(json.textInput as Json);
  if (json.divider) return '<hr>';
  if (json.buttonList) {
    const list = ((json.buttonList as Json).buttons as Json[]).map(button).join('');
    return `<div class="buttons">${list}</div>`;
  }
  return `<p class="unknown">${escapeHtml(Object.keys(json).join(', '))}</p>`;
}

function section(json: Json): string {
  const header = json.header ? `<h3>${cardText(json.header)}</h3>` : '';
  const widgets = ((json.widgets as Json[] | undefined) ?? []).map(widget).join('');
  return `<section>${header}${widgets}</section>`;
}

/** The HTML of one card. */
export function renderCard(card: Json): string {
  const header = card.header as Json | undefined;
  const head = header
    ? `<header><div class="title">${cardText(header.title)}</div>` +
      (header.subtitle ? `<div class="subtitle">${cardText(header.subtitle)}</div>` : '') +
      '</header>'
    : '';
  const sections = ((card.sections as Json[] | undefined) ?? []).map(section).join('');
  return `<div class="card">${head}${sections}</div>`;
}
