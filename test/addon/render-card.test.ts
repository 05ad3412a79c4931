import { renderCard } from '../../addon/preview/render-card';

const cardWith = (widgets: unknown[]) => ({
  header: { title: 'Offer <letter>', subtitle: 'To ada@example.org' },
  sections: [{ header: 'Timeline', widgets }],
});

describe('the preview’s card renderer', () => {
  it('keeps the few tags card text allows and shows everything else as text', () => {
    const html = renderCard(
      cardWith([
        { textParagraph: { text: '<b>Link activated</b><br><img src=x onerror=alert(1)>' } },
      ]),
    );

    expect(html).toContain('<b>Link activated</b><br>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<div class="title">Offer &lt;letter&gt;</div>');
  });

  it('turns buttons into the function and parameters the page sends back', () => {
    const html = renderCard(
      cardWith([
        {
          buttonList: {
            buttons: [
              {
                text: 'Delete link',
                type: 'FILLED',
                onClick: {
                  action: { function: 'onDeleteLink', parameters: [{ key: 'id', value: 'a"b' }] },
                },
              },
            ],
          },
        },
      ]),
    );

    expect(html).toContain('class="filled" data-function="onDeleteLink"');
    expect(html).toContain('data-parameters="{&quot;id&quot;:&quot;a\\&quot;b&quot;}"');
  });

  it('draws an event row with its time, text and icon', () => {
    const html = renderCard(
      cardWith([
        {
          decoratedText: {
            topLabel: '1 Mar 2025, 09:00',
            text: '<b>Email opened</b>',
            startIcon: { materialIcon: { name: 'drafts' } },
          },
        },
      ]),
    );

    expect(html).toMatch(/<svg class="icon icon-drafts"/);
    expect(html).toContain('<div class="top">1 Mar 2025, 09:00</div>');
    expect(html).toContain('<div class="text"><b>Email opened</b></div>');
  });
});
