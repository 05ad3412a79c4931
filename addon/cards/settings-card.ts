/** Settings: retention, the recipient opt-out, export, erasing everything, the privacy policy. */
import { ActionName } from '../action-names';
import type { SettingsView } from '../settings';
import { action, button, buttons, card, linkButton, paragraph, section } from './widgets';

export function settingsCard(view: SettingsView): GoogleAppsScript.Card_Service.Card {
  const choices = view.choices.map((choice) =>
    button(
      choice.label,
      action(ActionName.setRetention, { days: String(choice.days) }),
      choice.current,
    ),
  );
  const toggle = view.optOutOn
    ? button('Turn off', action(ActionName.setRecipientOptOut, { on: 'false' }))
    : button('Turn on', action(ActionName.setRecipientOptOut, { on: 'true' }));
  const download = button('Download my data', action(ActionName.exportData));
  const erase = button('Delete all my data', action(ActionName.confirmDeleteAll));
  return card('Settings')
    .addSection(
      section('Data retention')
        .addWidget(paragraph(view.retention))
        .addWidget(buttons(...choices)),
    )
    .addSection(
      section('Recipient opt-out').addWidget(paragraph(view.optOut)).addWidget(buttons(toggle)),
    )
    .addSection(
      section('Your data')
        .addWidget(
          paragraph(
            'Download every link, fetch and signal MailPing holds for you as one file, ' +
              'or delete all of it.',
          ),
        )
        .addWidget(buttons(download, erase)),
    )
    .addSection(section().addWidget(buttons(linkButton('Privacy policy', view.privacyUrl))))
    .build();
}

export function confirmDeleteAllCard(): GoogleAppsScript.Card_Service.Card {
  const confirm = button('Yes, delete everything', action(ActionName.deleteAll), true);
  return card('Delete all your data?')
    .addSection(
      section()
        .addWidget(
          paragraph(
            'This deletes all your links and their timelines, and your settings, for good. ' +
              'Fetches of pixels already in sent messages are deleted by the next daily ' +
              'clean-up. This can’t be undone.',
          ),
        )
        .addWidget(buttons(confirm)),
    )
    .build();
}

export function deletedAllCard(): GoogleAppsScript.Card_Service.Card {
  return card('Settings')
    .addSection(section().addWidget(paragraph('All your MailPing data has been deleted.')))
    .build();
}
