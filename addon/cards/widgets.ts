/** Small builders shared by the cards, so each card reads as its content. */
import type { ActionName } from '../action-names';

type Card = GoogleAppsScript.Card_Service.Card;
type Section = GoogleAppsScript.Card_Service.CardSection;

export function card(title: string, subtitle?: string): GoogleAppsScript.Card_Service.CardBuilder {
  const header = CardService.newCardHeader().setTitle(title);
  if (subtitle) header.setSubtitle(subtitle);
  return CardService.newCardBuilder().setHeader(header);
}

export function section(header?: string): Section {
  const built = CardService.newCardSection();
  return header ? built.setHeader(escapeText(header)) : built;
}

export function action(
  name: ActionName,
  parameters: Record<string, string> = {},
): GoogleAppsScript.Card_Service.Action {
  return CardService.newAction().setFunctionName(name).setParameters(parameters);
}

export function button(
  text: string,
  onClick: GoogleAppsScript.Card_Service.Action,
  filled = false,
): GoogleAppsScript.Card_Service.TextButton {
  const built = CardService.newTextButton().setText(text).setOnClickAction(onClick);
  return filled ? built.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : built;
}

export function linkButton(text: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton()
    .setText(text)
    .setOpenLink(CardService.newOpenLink().setUrl(url));
}

export function buttons(...list: GoogleAppsScript.Card_Service.TextButton[]) {
  const set = CardService.newButtonSet();
  for (const item of list) set.addButton(item);
  return set;
}

export function paragraph(text: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(escapeText(text));
}

export function icon(name: string): GoogleAppsScript.Card_Service.IconImage {
  return CardService.newIconImage().setMaterialIcon(CardService.newMaterialIcon().setName(name));
}

/** Card text allows a little HTML; labels and addresses come from users. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function push(next: Card): GoogleAppsScript.Card_Service.ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(next))
    .build();
}

export function replace(next: Card): GoogleAppsScript.Card_Service.ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().updateCard(next))
    .build();
}
