/**
 * A fake of Apps Script's CardService that records what the add-on draws as
 * a JSON tree shaped like Google's card JSON (header, sections, widgets,
 * onClick actions). Builders carry only methods the real service has, with
 * the same names, and refuse what the real one refuses: cards without
 * sections, buttons without actions, non-string action parameters.
 */
type Json = Record<string, unknown>;

class Built {
  constructor(readonly json: Json) {}
  printJson(): string {
    return JSON.stringify(this.json);
  }
}

function invalid(message: string): never {
  throw new Error(`Invalid argument: ${message}`);
}

class Action {
  json: Json = { parameters: [] };
  setFunctionName(name: string) {
    if (typeof name !== 'string' || !name) invalid('functionName');
    this.json.function = name;
    return this;
  }
  setParameters(parameters: Record<string, unknown>) {
    const list = Object.entries(parameters).map(([key, value]) => {
      if (typeof value !== 'string') invalid(`parameter ${key} must be a string`);
      return { key, value };
    });
    this.json.parameters = list;
    return this;
  }
  setLoadIndicator(indicator: string) {
    this.json.loadIndicator = indicator;
    return this;
  }
  done(): Json {
    if (!this.json.function) invalid('an action needs a function name');
    return { action: this.json };
  }
}

class OpenLink {
  json: Json = {};
  setUrl(url: string) {
    this.json.url = url;
    return this;
  }
  setOpenAs(openAs: string) {
    this.json.openAs = openAs;
    return this;
  }
  setOnClose(onClose: string) {
    this.json.onClose = onClose;
    return this;
  }
}

class MaterialIcon {
  json: Json = {};
  setName(name: string) {
    this.json.name = name;
    return this;
  }
  setFill(fill: boolean) {
    this.json.fill = fill;
    return this;
  }
}

class IconImage {
  json: Json = {};
  setIcon(icon: string) {
    this.json.knownIcon = icon;
    return this;
  }
  setIconUrl(url: string) {
    this.json.iconUrl = url;
    return this;
  }
  setMaterialIcon(icon: MaterialIcon) {
    this.json.materialIcon = icon.json;
    return this;
  }
  setAltText(text: string) {
    this.json.altText = text;
    return this;
  }
}

function onClick(target: Action | OpenLink): Json {
  return target instanceof Action ? target.done() : { openLink: target.json };
}

class TextButton {
  json: Json = {};
  setText(text: string) {
    this.json.text = text;
    return this;
  }
  setOnClickAction(action: Action) {
    this.json.onClick = onClick(action);
    return this;
  }
  setOpenLink(link: OpenLink) {
    this.json.onClick = onClick(link);
    return this;
  }
  setTextButtonStyle(style: string) {
    this.json.type = style;
    return this;
  }
  setDisabled(disabled: boolean) {
    this.json.disabled = disabled;
    return this;
  }
  done(): Json {
    if (!this.json.text) invalid('a text button needs text');
    if (!this.json.onClick) invalid('a button needs an action or a link');
    return this.json;
  }
}

class ButtonSet {
  buttons: TextButton[] = [];
  addButton(button: TextButton) {
    this.buttons.push(button);
    return this;
  }
  widget(): Json {
    return { buttonList: { buttons: this.buttons.map((b) => b.done()) } };
  }
}

class TextParagraph {
  json: Json = {};
  setText(text: string) {
    this.json.text = text;
    return this;
  }
  setMaxLines(lines: number) {
    this.json.maxLines = lines;
    return this;
  }
  widget(): Json {
    if (typeof this.json.text !== 'string') invalid('a text paragraph needs text');
    return { textParagraph: this.json };
  }
}

class DecoratedText {
  json: Json = {};
  setText(text: string) {
    this.json.text = text;
    return this;
  }
  setTopLabel(text: string) {
    this.json.topLabel = text;
    return this;
  }
  setBottomLabel(text: string) {
    this.json.bottomLabel = text;
    return this;
  }
  setWrapText(wrap: boolean) {
    this.json.wrapText = wrap;
    return this;
  }
  setStartIcon(icon: IconImage) {
    this.json.startIcon = icon.json;
    return this;
  }
  setOnClickAction(action: Action) {
    this.json.onClick = onClick(action);
    return this;
  }
  setOpenLink(link: OpenLink) {
    this.json.onClick = onClick(link);
    return this;
  }
  setButton(button: TextButton) {
    this.json.button = button.done();
    return this;
  }
  widget(): Json {
    if (typeof this.json.text !== 'string') invalid('decorated text needs text');
    return { decoratedText: this.json };
  }
}

class TextInput {
  json: Json = {};
  setFieldName(name: string) {
    this.json.name = name;
    return this;
  }
  setTitle(title: string) {
    this.json.label = title;
    return this;
  }
  setHint(hint: string) {
    this.json.hintText = hint;
    return this;
  }
  setValue(value: string) {
    this.json.value = value;
    return this;
  }
  setMultiline(multiline: boolean) {
    this.json.type = multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE';
    return this;
  }
  widget(): Json {
    if (!this.json.name) invalid('a text input needs a field name');
    return { textInput: this.json };
  }
}

class Divider {
  widget(): Json {
    return { divider: {} };
  }
}

type Widget = ButtonSet | TextParagraph | DecoratedText | TextInput | Divider;

class CardSection {
  header?: string;
  widgets: Widget[] = [];
  collapsible = false;
  setHeader(header: string) {
    this.header = header;
    return this;
  }
  setCollapsible(collapsible: boolean) {
    this.collapsible = collapsible;
    return this;
  }
  addWidget(widget: Widget) {
    if (!widget || typeof (widget as Divider).widget !== 'function') invalid('not a widget');
    this.widgets.push(widget);
    return this;
  }
  done(): Json {
    if (this.widgets.length === 0) invalid('a section needs at least one widget');
    return {
      ...(this.header === undefined ? {} : { header: this.header }),
      ...(this.collapsible ? { collapsible: true } : {}),
      widgets: this.widgets.map((w) => w.widget()),
    };
  }
}

class CardHeader {
  json: Json = {};
  setTitle(title: string) {
    this.json.title = title;
    return this;
  }
  setSubtitle(subtitle: string) {
    this.json.subtitle = subtitle;
    return this;
  }
  setImageUrl(url: string) {
    this.json.imageUrl = url;
    return this;
  }
  setImageStyle(style: string) {
    this.json.imageType = style;
    return this;
  }
}

class CardBuilder {
  header?: CardHeader;
  sections: CardSection[] = [];
  name?: string;
  setHeader(header: CardHeader) {
    this.header = header;
    return this;
  }
  setName(name: string) {
    this.name = name;
    return this;
  }
  addSection(section: CardSection) {
    this.sections.push(section);
    return this;
  }
  build(): Built {
    if (this.sections.length === 0) invalid('a card needs at least one section');
    return new Built({
      ...(this.name ? { name: this.name } : {}),
      ...(this.header ? { header: this.header.json } : {}),
      sections: this.sections.map((s) => s.done()),
    });
  }
}

function isCard(value: unknown): value is Built {
  return value instanceof Built && Array.isArray(value.json.sections);
}

class Navigation {
  steps: Json[] = [];
  pushCard(card: Built) {
    if (!isCard(card)) invalid('pushCard needs a built card');
    this.steps.push({ pushCard: card.json });
    return this;
  }
  updateCard(card: Built) {
    if (!isCard(card)) invalid('updateCard needs a built card');
    this.steps.push({ updateCard: card.json });
    return this;
  }
  popCard() {
    this.steps.push({ popCard: true });
    return this;
  }
  popToRoot() {
    this.steps.push({ popToRoot: true });
    return this;
  }
}

class Notification {
  json: Json = {};
  setText(text: string) {
    this.json.text = text;
    return this;
  }
}

class ActionResponseBuilder {
  action: Json = {};
  setNavigation(navigation: Navigation) {
    this.action.navigations = navigation.steps;
    return this;
  }
  setNotification(notification: Notification) {
    this.action.notification = notification.json;
    return this;
  }
  setOpenLink(link: OpenLink) {
    this.action.link = link.json;
    return this;
  }
  setStateChanged(changed: boolean) {
    this.action.stateChanged = changed;
    return this;
  }
  build(): Built {
    if (Object.keys(this.action).length === 0) invalid('an action response needs content');
    return new Built({ renderActions: { action: this.action } });
  }
}

class UniversalActionResponseBuilder {
  cards: Built[] = [];
  displayAddOnCards(cards: Built[]) {
    if (!Array.isArray(cards) || !cards.every(isCard)) invalid('displayAddOnCards needs cards');
    this.cards = cards;
    return this;
  }
  build(): Built {
    const navigations = this.cards.map((card) => ({ pushCard: card.json }));
    return new Built({ renderActions: { action: { navigations } } });
  }
}

class UpdateDraftBodyAction {
  contents: Json[] = [];
  type = 'IN_PLACE_INSERT';
  addUpdateContent(content: string, contentType: string) {
    if (typeof content !== 'string') invalid('content');
    this.contents.push({ content, contentType });
    return this;
  }
  setUpdateType(type: string) {
    this.type = type;
    return this;
  }
}

class UpdateDraftActionResponseBuilder {
  body?: UpdateDraftBodyAction;
  setUpdateDraftBodyAction(action: UpdateDraftBodyAction) {
    this.body = action;
    return this;
  }
  build(): Built {
    const updateBody = this.body
      ? { updateBody: { insertContents: this.body.contents, type: this.body.type } }
      : {};
    return new Built({ hostAppAction: { gmailAction: { updateDraftActionMarkup: updateBody } } });
  }
}

function enumOf<T extends string>(...names: T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

export function createCardService() {
  return {
    ContentType: enumOf('TEXT', 'MUTABLE_HTML', 'IMMUTABLE_HTML'),
    UpdateDraftBodyType: enumOf('IN_PLACE_INSERT', 'INSERT_AT_START', 'INSERT_AT_END'),
    TextButtonStyle: enumOf('OUTLINED', 'TEXT', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'),
    LoadIndicator: enumOf('SPINNER', 'NONE'),
    OpenAs: enumOf('FULL_SIZE', 'OVERLAY'),
    OnClose: enumOf('NOTHING', 'RELOAD', 'RELOAD_ADD_ON'),
    Icon: enumOf('NONE', 'CLOCK', 'EMAIL', 'PERSON', 'STAR', 'BOOKMARK', 'DESCRIPTION'),
    newAction: () => new Action(),
    newActionResponseBuilder: () => new ActionResponseBuilder(),
    newButtonSet: () => new ButtonSet(),
    newCardBuilder: () => new CardBuilder(),
    newCardHeader: () => new CardHeader(),
    newCardSection: () => new CardSection(),
    newDecoratedText: () => new DecoratedText(),
    newDivider: () => new Divider(),
    newIconImage: () => new IconImage(),
    newMaterialIcon: () => new MaterialIcon(),
    newNavigation: () => new Navigation(),
    newNotification: () => new Notification(),
    newOpenLink: () => new OpenLink(),
    newTextButton: () => new TextButton(),
    newTextInput: () => new TextInput(),
    newTextParagraph: () => new TextParagraph(),
    newUniversalActionResponseBuilder: () => new UniversalActionResponseBuilder(),
    newUpdateDraftActionResponseBuilder: () => new UpdateDraftActionResponseBuilder(),
    newUpdateDraftBodyAction: () => new UpdateDraftBodyAction(),
  };
}

/** The JSON tree of anything the fake built, as a test reads it. */
export function tree(built: unknown): Json {
  if (!built || typeof (built as Built).printJson !== 'function') {
    throw new Error('not something CardService built');
  }
  return JSON.parse((built as Built).printJson()) as Json;
}
