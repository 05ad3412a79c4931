import { onConfirmDeleteAll, onDeleteAll, onSettings } from '../../addon/main';
import { tree } from './fakes/card-service';
import { button, shownCard, visibleText } from './fakes/card-tree';
import { actionEvent, homepageEvent, SENDER, startAddon } from './fakes/harness';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

describe('settings', () => {
  it('states the retention period and links to the privacy policy', () => {
    const card = shownCard(tree(onSettings(homepageEvent())));

    expect(visibleText(card)).toContain('deletes a link’s fetches 90 days after they happen');
    expect(button(card, 'Privacy policy').url).toBe('https://mailping.test/privacy');
  });

  it('uses the configured privacy policy address', () => {
    addon.apps.scriptProperties.setProperty('PRIVACY_POLICY_URL', 'https://mailping.test/legal');

    const card = shownCard(tree(onSettings(homepageEvent())));

    expect(button(card, 'Privacy policy').url).toBe('https://mailping.test/legal');
  });

  it('deletes all data only after confirmation', () => {
    addon.service.addLink(SENDER, { label: 'Offer letter' });
    const settings = shownCard(tree(onSettings(homepageEvent())));
    const ask = button(settings, 'Delete all my data');

    const confirm = shownCard(tree(onConfirmDeleteAll(actionEvent(ask.parameters))));
    expect(addon.service.deletedAccounts).toEqual([]);
    const yes = button(confirm, 'Yes, delete everything');
    const done = tree(onDeleteAll(actionEvent(yes.parameters)));

    expect(addon.service.deletedAccounts).toEqual([SENDER]);
    expect(addon.service.links.size).toBe(0);
    expect(visibleText(shownCard(done))).toContain('All your MailPing data has been deleted.');
  });

  it('says so when deleting fails', () => {
    addon.service.failWith = 503;

    const done = tree(onDeleteAll(actionEvent({})));

    expect(visibleText(shownCard(done))).toMatch(/having trouble/);
  });
});
