/** A link's timeline, and the small cards its actions lead to. */
import { ActionName } from '../action-names';
import type { EventRow, TimelineView } from '../timeline';
import { action, button, buttons, card, escapeText, icon, paragraph, section } from './widgets';

type Section = GoogleAppsScript.Card_Service.CardSection;

export function timelineCard(view: TimelineView): GoogleAppsScript.Card_Service.Card {
  const built = card(view.label, view.recipients);
  for (const part of timelineSections(view)) built.addSection(part);
  const id = { id: view.id };
  return built
    .addSection(
      section().addWidget(
        buttons(
          button('Refresh', action(ActionName.refreshTimeline, id)),
          button('Copy URL', action(ActionName.showPixelUrl, { pixelUrl: view.pixelUrl })),
          button('Delete link', action(ActionName.confirmDeleteLink, { ...id, label: view.label })),
        ),
      ),
    )
    .build();
}

/** The events and what was hidden; the message card reuses them. */
export function timelineSections(view: TimelineView): Section[] {
  const events = section('Timeline');
  if (view.rows.length === 0) events.addWidget(paragraph('Nothing has happened yet.'));
  for (const row of view.rows) events.addWidget(eventWidget(row));
  const facts = section().addWidget(paragraph(view.hiddenViews));
  for (const notice of view.notices) facts.addWidget(paragraph(notice));
  return [events, facts];
}

function eventWidget(row: EventRow): GoogleAppsScript.Card_Service.DecoratedText {
  const why = row.reasons.map((reason) => `• ${escapeText(reason)}`).join('<br>');
  const text = [`<b>${escapeText(row.title)}</b>`, escapeText(row.note), escapeText(row.who)];
  if (why) text.push(why);
  return CardService.newDecoratedText()
    .setTopLabel(escapeText(row.time))
    .setText(text.join('<br>'))
    .setWrapText(true)
    .setStartIcon(icon(row.icon));
}

export function pixelUrlCard(pixelUrl: string): GoogleAppsScript.Card_Service.Card {
  const url = CardService.newTextInput()
    .setFieldName('pixelUrl')
    .setTitle('Pixel URL')
    .setHint('Select it and copy.')
    .setValue(pixelUrl);
  return card('Pixel URL').addSection(section().addWidget(url)).build();
}

export function confirmDeleteLinkCard(
  id: string,
  label: string,
): GoogleAppsScript.Card_Service.Card {
  const confirm = button('Delete link', action(ActionName.deleteLink, { id }), true);
  return card('Delete this link?', label)
    .addSection(
      section()
        .addWidget(
          paragraph(
            'MailPing will forget this link and everything it recorded. The pixel in the ' +
              'message stays, but its fetches will no longer be recorded.',
          ),
        )
        .addWidget(buttons(confirm)),
    )
    .build();
}
