// The manufacturer's links for a product: what the resolver answers when an app asks a label or a GTIN
// for a GS1 link type (recall status, registration, instructions...). The contract checks every link and
// that the product is the caller's; this form only edits the list and shows what the ledger said.

// Common GS1 Web Vocabulary link types, offered as suggestions; the contract takes any GS1 link type but
// the resolver's own (verificationService, defaultLink).
const SUGGESTED = ['recallStatus', 'registerProduct', 'pip', 'instructions', 'quickStartGuide', 'support', 'serviceInfo',
  'safetyInfo', 'faqs', 'whatsInTheBox', 'relatedVideo', 'tutorial', 'certificationInfo', 'sustainabilityInfo',
  'productSustainabilityInfo', 'userAgreement', 'homepage', 'socialMedia', 'purchaseSuppliesOrAccessories'];

function input(row, name, label, value, attributes = {}) {
  const td = document.createElement('td');
  const field = document.createElement('input');
  field.name = name;
  field.value = value || '';
  field.setAttribute('aria-label', label);
  for (const [key, v] of Object.entries(attributes)) field.setAttribute(key, v);
  td.append(field);
  row.append(td);
}

function addRow(rows, link = {}) {
  const row = document.createElement('tr');
  const n = rows.children.length + 1;
  input(row, 'linkType', `Link ${n}: link type`, (link.linkType || 'gs1:recallStatus').replace(/^gs1:/, ''),
    { list: 'link-types', required: '', autocomplete: 'off' });
  input(row, 'href', `Link ${n}: target address (https)`, link.href, { type: 'url', required: '', placeholder: 'https://' });
  input(row, 'title', `Link ${n}: title people read`, link.title, { required: '', maxlength: '200' });
  input(row, 'hreflang', `Link ${n}: languages, such as en, fr-CA`, (link.hreflang || []).join(', '));
  const actions = document.createElement('td');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove link ${n}`);
  remove.addEventListener('click', () => row.remove());
  actions.append(remove);
  row.append(actions);
  rows.append(row);
  return row;
}

function linksOf(rows) {
  return [...rows.children].map((row) => {
    const value = (name) => row.querySelector(`[name=${name}]`).value.trim();
    const type = value('linkType');
    return {
      linkType: type.includes(':') ? type : `gs1:${type}`,
      href: value('href'),
      title: value('title'),
      hreflang: value('hreflang').split(/[\s,]+/).filter(Boolean),
    };
  });
}

/** Wires the form: load a product's links, edit them, save them all at once. */
export function productLinks(api, $) {
  const list = document.createElement('datalist');
  list.id = 'link-types';
  for (const type of SUGGESTED) list.append(new Option(type));
  document.body.append(list);
  const rows = $('links');
  const status = $('links-status');
  const gtin = () => $('links-gtin').value.trim();
  const shown = (visible) => { for (const id of ['links-table', 'links-add', 'links-save']) $(id).hidden = !visible; };
  $('links-load').addEventListener('click', async () => {
    rows.replaceChildren();
    try {
      const current = await api(`/api/products/${encodeURIComponent(gtin())}/links`);
      for (const link of current.links) addRow(rows, link);
      shown(true);
      status.textContent = current.links.length ? `${current.links.length} link(s) of GTIN ${current.gtin}.`
        : `GTIN ${current.gtin} has no links of its own yet: add one.`;
    } catch (e) {
      shown(false);
      status.textContent = e.message;
    }
  });
  $('links-add').addEventListener('click', () => addRow(rows).querySelector('input').focus());
  $('links-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const saved = await api(`/api/products/${encodeURIComponent(gtin())}/links`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ links: linksOf(rows) }),
      });
      status.textContent = `Saved on the ledger: GTIN ${saved.gtin} serves ${saved.links.length} link(s) of its own.`;
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  });
}
