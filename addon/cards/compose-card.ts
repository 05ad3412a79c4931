/** The compose panel: before minting a link, and once it is ready to insert. */
import { ActionName } from '../action-names';
import type { ComposeView, MintedLink } from '../compose';
import { action, button, buttons, card, paragraph, section } from './widgets';

export const LABEL_INPUT = 'label';

const ONE_LINK_NOTE = 'One link per message: each pixel belongs to the message you insert it into.';
const SELF_WARNING =
  'You are one of the recipients. MailPing can’t tell your own views of this message ' +
  'from the other recipients’ opens.';

export function composeCard(view: ComposeView): GoogleAppsScript.Card_Service.Card {
  const input = CardService.newTextInput()
    .setFieldName(LABEL_INPUT)
    .setTitle('Label (optional)')
    .setHint('Only you see it, in your list of links.')
    .setValue(view.defaultLabel);
  const main = section()
    .addWidget(input)
    .addWidget(buttons(button('Create tracking pixel', action(ActionName.createLink), true)))
    .addWidget(paragraph(ONE_LINK_NOTE));
  const built = card('Insert tracking pixel', recipientsLine(view.recipients));
  if (view.includesSender) built.addSection(section().addWidget(paragraph(SELF_WARNING)));
  return built.addSection(main).build();
}

export function readyCard(minted: MintedLink): GoogleAppsScript.Card_Service.Card {
  const { link } = minted;
  const insert = action(ActionName.insertIntoDraft, {
    id: link.id,
    pixelUrl: link.pixelUrl,
    ...(link.optOutUrl ? { optOutUrl: link.optOutUrl } : {}),
  });
  const url = CardService.newTextInput()
    .setFieldName('pixelUrl')
    .setTitle('Pixel URL')
    .setHint('To insert it yourself: Insert photo → Web address (URL).')
    .setValue(link.pixelUrl);
  const main = section()
    .addWidget(paragraph('Link activated: the pixel works from Google’s network.'))
    .addWidget(buttons(button('Insert into message', insert, true)))
    .addWidget(url)
    .addWidget(paragraph(ONE_LINK_NOTE));
  const built = card('Tracking pixel ready', minted.label || undefined);
  if (minted.includesSender) built.addSection(section().addWidget(paragraph(SELF_WARNING)));
  return built.addSection(main).build();
}

function recipientsLine(recipients: string[]): string {
  return recipients.length === 0 ? 'No recipients yet' : `To ${recipients.join(', ')}`;
}
