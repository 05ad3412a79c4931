/** The sidebar homepage: recent links, or how to start when there are none. */
import { ActionName } from '../action-names';
import type { HomeView, LinkRow } from '../homepage';
import { action, button, buttons, card, escapeText, icon, paragraph, section } from './widgets';

const HOW_TO_START = [
  'No tracked messages yet. There are two ways to add a pixel to a message:',
  '1. While writing, open MailPing from the add-on icon at the bottom of the draft and ' +
    'choose Insert tracking pixel.',
  '2. Or create the pixel there, copy its URL, and insert it yourself with Gmail’s ' +
    'Insert photo → Web address (URL).',
];

export function homeCard(view: HomeView, isFirstPage: boolean): GoogleAppsScript.Card_Service.Card {
  const list = section(isFirstPage ? 'Recent links' : 'Older links');
  if (view.rows.length === 0 && isFirstPage) {
    for (const line of HOW_TO_START) list.addWidget(paragraph(line));
  }
  for (const row of view.rows) list.addWidget(rowWidget(row));
  const controls = [button('Refresh', action(ActionName.refreshHome))];
  if (view.nextCursor) {
    controls.push(button('Older links', action(ActionName.moreLinks, { cursor: view.nextCursor })));
  }
  return card('MailPing', 'Who opened what you sent')
    .addSection(list)
    .addSection(section().addWidget(buttons(...controls)))
    .build();
}

function rowWidget(row: LinkRow): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText()
    .setTopLabel(escapeText(row.recipients))
    .setText(`<b>${escapeText(row.label)}</b>`)
    .setBottomLabel(escapeText(`${row.status} · ${row.opens}`))
    .setWrapText(true)
    .setStartIcon(icon(row.icon))
    .setOnClickAction(action(ActionName.openTimeline, { id: row.id }));
}
