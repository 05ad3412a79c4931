/** Settings: retention, erasing everything, and the privacy policy. */
import { ActionName } from '../action-names';
import type { SettingsView } from '../settings';
import { action, button, buttons, card, linkButton, paragraph, section } from './widgets';

export function settingsCard(view: SettingsView): GoogleAppsScript.Card_Service.Card {
  const erase = button('Delete all my data', action(ActionName.confirmDeleteAll));
  return card('Settings')
    .addSection(section('Data retention').addWidget(paragraph(view.retention)))
    .addSection(
      section('Your data')
        .addWidget(paragraph('Delete every link, fetch and signal MailPing holds for you.'))
        .addWidget(buttons(erase)),
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
            'This deletes all your links and their timelines for good. Pixels already in ' +
              'sent messages stop being recorded. This can’t be undone.',
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
