import {
  onConfirmDeleteAll,
  onDeleteAll,
  onExportData,
  onSetRecipientOptOut,
  onSetRetention,
  onSettings,
} from '../../addon/main';
import { tree } from './fakes/card-service';
import { button, buttonsOf, shownCard, visibleText } from './fakes/card-tree';
import { actionEvent, homepageEvent, SENDER, startAddon } from './fakes/harness';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

const settingsCard = () => shownCard(tree(onSettings(homepageEvent())));

describe('settings', () => {
  it('states the retention the service holds, marks it, and links to the privacy policy', () => {
    addon.service.settings[SENDER] = { retentionDays: 30, recipientOptOut: false };

    const card = settingsCard();

    expect(visibleText(card)).toContain('30 days after they happen');
    expect(buttonsOf(card).map((b) => b.text)).toEqual(
      expect.arrayContaining(['✓ 30 days', '90 days', '365 days']),
    );
    expect(button(card, 'Privacy policy').url).toBe('https://mailping.test/privacy');
  });

  it('uses the configured privacy policy address', () => {
    addon.apps.scriptProperties.setProperty('PRIVACY_POLICY_URL', 'https://mailping.test/legal');

    expect(button(settingsCard(), 'Privacy policy').url).toBe('https://mailping.test/legal');
  });

  it('saves a new retention with the service and redraws the card with it', () => {
    const choose = button(settingsCard(), '365 days');

    const redrawn = shownCard(tree(onSetRetention(actionEvent(choose.parameters))));

    expect(addon.service.settingsOf(SENDER).retentionDays).toBe(365);
    expect(visibleText(redrawn)).toContain('365 days after they happen');
    expect(buttonsOf(redrawn).map((b) => b.text)).toContain('✓ 365 days');
  });

  it('refuses a retention the service does not offer, changing nothing', () => {
    const response = tree(onSetRetention(actionEvent({ days: '7' })));

    expect(visibleText(shownCard(response))).toMatch(/not one MailPing offers/);
    expect(addon.service.settingsOf(SENDER).retentionDays).toBe(90);
  });

  it('turns the recipient opt-out on and off', () => {
    expect(visibleText(settingsCard())).toContain('Off: new pixels carry no opt-out link.');

    const on = shownCard(
      tree(onSetRecipientOptOut(actionEvent(button(settingsCard(), 'Turn on').parameters))),
    );
    expect(addon.service.settingsOf(SENDER).recipientOptOut).toBe(true);
    expect(visibleText(on)).toContain('Read receipt requested — opt out');

    tree(onSetRecipientOptOut(actionEvent(button(on, 'Turn off').parameters)));
    expect(addon.service.settingsOf(SENDER).recipientOptOut).toBe(false);
  });

  it('opens the export as a short-lived signed link in the browser', () => {
    const ask = button(settingsCard(), 'Download my data');

    const response = tree(onExportData(actionEvent(ask.parameters)));

    const [handed] = addon.service.exportLinks;
    expect(handed?.owner).toBe(SENDER);
    const openLink = (response.renderActions as { action: { link: { url: string } } }).action.link;
    expect(openLink.url).toBe(handed?.url);
  });

  it('deletes all data only after confirmation', () => {
    addon.service.addLink(SENDER, { label: 'Offer letter' });
    addon.service.settings[SENDER] = { retentionDays: 365, recipientOptOut: true };
    const ask = button(settingsCard(), 'Delete all my data');

    const confirm = shownCard(tree(onConfirmDeleteAll(actionEvent(ask.parameters))));
    expect(addon.service.deletedAccounts).toEqual([]);
    const yes = button(confirm, 'Yes, delete everything');
    const done = tree(onDeleteAll(actionEvent(yes.parameters)));

    expect(addon.service.deletedAccounts).toEqual([SENDER]);
    expect(addon.service.links.size).toBe(0);
    expect(addon.service.settings[SENDER]).toBeUndefined();
    expect(visibleText(shownCard(done))).toContain('All your MailPing data has been deleted.');
  });

  it('says so when the service cannot be reached', () => {
    addon.service.failWith = 503;

    expect(visibleText(settingsCard())).toMatch(/having trouble/);
    expect(visibleText(shownCard(tree(onDeleteAll(actionEvent({})))))).toMatch(/having trouble/);
  });
});
