// The preview page: shows the cards the server renders and sends each click
// back to it. Every call answers with the whole state, so the page only draws.

const byId = (id) => document.getElementById(id);

async function call(path, body) {
  document.body.dataset.busy = 'true';
  try {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.message || response.statusText);
    draw(data);
  } catch (error) {
    toast(`Preview error: ${error.message}`);
  } finally {
    document.body.dataset.busy = 'false';
  }
}

function toast(text) {
  const box = byId('toast');
  box.textContent = text || '';
  box.hidden = !text;
}

function drawPanel(name, html, depth) {
  const panel = byId(`${name}-panel`);
  panel.hidden = html === null;
  panel.querySelector('.panel-body').innerHTML = html || '';
  panel.querySelector('.back').hidden = depth < 2;
}

function drawClients(clients, ready) {
  const list = byId('clients');
  if (list.childElementCount === 0) {
    for (const client of clients) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'client';
      button.dataset.client = client.name;
      button.title = `User-Agent: ${client.userAgent}\nFrom: ${client.address}`;
      button.innerHTML = '<b></b><small></small>';
      button.querySelector('b').textContent = client.name;
      button.querySelector('small').textContent = client.note;
      list.append(button);
    }
  }
  for (const button of list.children) button.disabled = !ready;
}

function draw(state) {
  const { draft, sentAt } = state;
  byId('from').textContent = draft.from;
  if (document.activeElement !== byId('to')) byId('to').value = draft.to;
  if (document.activeElement !== byId('subject')) byId('subject').value = draft.subject;
  byId('draft').hidden = sentAt !== null;
  byId('sent').hidden = sentAt === null;
  byId('draft-pixel').hidden = !draft.pixelUrl;
  byId('sent-pixel').hidden = !draft.pixelUrl;
  byId('draft-pixel').title = draft.pixelUrl || '';
  byId('sent-subject').textContent = draft.subject;
  byId('sent-meta').textContent = sentAt
    ? `to ${draft.to} · ${new Date(sentAt).toLocaleString()}`
    : '';
  drawPanel('compose', state.compose, state.depth.compose);
  drawPanel('sidebar', state.sidebar, state.depth.sidebar);
  drawClients(state.clients, Boolean(draft.pixelUrl && sentAt));
  const log = byId('log');
  log.replaceChildren(
    ...state.log.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
  toast(state.notification);
}

function formOf(panel) {
  const form = {};
  for (const input of panel.querySelectorAll('input[name]')) form[input.name] = input.value;
  return form;
}

document.addEventListener('click', (event) => {
  const target = event.target.closest('[data-function], [data-url], [data-back], [data-client]');
  if (!target || document.body.dataset.busy === 'true') return;
  if (target.dataset.url) {
    window.open(target.dataset.url, '_blank', 'noopener');
  } else if (target.dataset.back) {
    call('/preview/back', { panel: target.dataset.back });
  } else if (target.dataset.client) {
    call('/preview/fetch', { client: target.dataset.client });
  } else {
    const panel = target.closest('[data-panel]');
    call('/preview/action', {
      panel: panel.dataset.panel,
      function: target.dataset.function,
      parameters: JSON.parse(target.dataset.parameters || '{}'),
      form: formOf(panel),
    });
  }
});

for (const id of ['to', 'subject']) {
  byId(id).addEventListener('change', async () => {
    await call('/preview/draft', { [id]: byId(id).value });
    await call('/preview/compose', {});
  });
}
byId('send').addEventListener('click', () => call('/preview/send', {}));
byId('open-addon').addEventListener('click', () => call('/preview/compose', {}));
byId('open-sent').addEventListener('click', () => call('/preview/open-sent', {}));
byId('reset').addEventListener('click', () => call('/preview/reset', {}));

call('/preview/open', {});
