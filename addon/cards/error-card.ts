/** The card every failed entry point shows instead of a blank panel. */
import { card, paragraph, section } from './widgets';

export function errorCard(message: string): GoogleAppsScript.Card_Service.Card {
  return card('MailPing', 'Something went wrong')
    .addSection(section().addWidget(paragraph(message)))
    .build();
}
