import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownerPath, parseLink, typedPath } from '../../main/web/link.js';

test('a link with lot, variant and dates names the serial, not the lot', () => {
  const link = parseLink('/01/09520123456788/22/V2/10/LOT-A/21/SN%2F1', '?17=291231&11=260101&sig=abc');
  assert.deepEqual(link, { gtin: '09520123456788', cpv: 'V2', lot: 'LOT-A', serial: 'SN/1', productionDate: '260101', expiryDate: '291231', sig: 'abc' });
  assert.equal(ownerPath(link, 'claim'), '/owner/items/09520123456788/SN%2F1/claim');
});

test('a plain link and a typed check', () => {
  assert.deepEqual(parseLink('/01/09520123456788/21/DEMO-0001', ''), { gtin: '09520123456788', serial: 'DEMO-0001' });
  assert.equal(typedPath('09520123456788', 'A B'), '/01/09520123456788/21/A%20B');
});

test('what is not a Digital Link is null', () => {
  for (const path of ['/app/', '/01/09520123456788', '/01/0952/10/L1', '/01/1/99/x/21/s', '/01/1/21/%E0%A4%A', '/01/1/21/a/21/b']) {
    assert.equal(parseLink(path, ''), null, path);
  }
});
