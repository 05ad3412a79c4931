/** The fake refuses what Apps Script refuses, so tests can't pass on a card Gmail rejects. */
import { createCardService } from './fakes/card-service';

const CardService = createCardService();

describe('fake CardService', () => {
  it('refuses a card without sections', () => {
    expect(() => CardService.newCardBuilder().build()).toThrow(/at least one section/);
  });

  it('refuses a button without an action', () => {
    const set = CardService.newButtonSet().addButton(CardService.newTextButton().setText('Go'));
    const card = CardService.newCardBuilder().addSection(
      CardService.newCardSection().addWidget(set),
    );

    expect(() => card.build()).toThrow(/needs an action/);
  });

  it('refuses action parameters that are not strings', () => {
    const action = CardService.newAction().setFunctionName('onGo');

    expect(() => action.setParameters({ count: 3 })).toThrow(/must be a string/);
  });
});
