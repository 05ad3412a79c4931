/** The card beside an opened message. */
import { ActionName } from '../action-names';
import type { MessageView } from '../message';
import { timelineSections } from './timeline-card';
import { action, button, buttons, card, paragraph, section } from './widgets';

export function messageCard(view: MessageView): GoogleAppsScript.Card_Service.Card {
  if (view.timelines.length === 0) return noLinkCard(view.othersLinks);
  const built = card('MailPing', 'Tracked message');
  for (const timeline of view.timelines) {
    const open = action(ActionName.openTimeline, { id: timeline.id });
    built.addSection(
      section(timeline.label)
        .addWidget(paragraph(timeline.recipients))
        .addWidget(buttons(button('Open timeline', open))),
    );
    for (const part of timelineSections(timeline)) built.addSection(part);
  }
  return built.build();
}

function noLinkCard(othersLinks: number): GoogleAppsScript.Card_Service.Card {
  const text =
    othersLinks > 0
      ? 'This message holds a MailPing pixel that isn’t yours, so there is nothing to show.'
      : 'This message has no MailPing link.';
  return card('MailPing')
    .addSection(section().addWidget(paragraph(text)))
    .build();
}
