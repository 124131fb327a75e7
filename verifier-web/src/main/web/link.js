// The one reading of the page's own address: a GS1 Digital Link, /01/<gtin>[/22/<cpv>][/10/<lot>]/21/<serial>
// with the dates and the signature in the query. Every part of the page that needs the item asks here.

const PATH_AIS = { '01': 'gtin', 22: 'cpv', 10: 'lot', 21: 'serial' };

/** The identifiers and signature of a Digital Link's path and query, or null if it is not one. */
export function parseLink(pathname, search) {
  const parts = pathname.split('/').slice(1);
  if (parts.length < 4 || parts.length % 2 !== 0 || parts[0] !== '01') return null;
  const link = {};
  for (let i = 0; i < parts.length; i += 2) {
    const name = PATH_AIS[parts[i]];
    if (!name || name in link) return null;
    try {
      link[name] = decodeURIComponent(parts[i + 1]);
    } catch {
      return null;
    }
  }
  if (!link.gtin || !link.serial) return null;
  const query = new URLSearchParams(search);
  for (const [ai, name] of [['11', 'productionDate'], ['17', 'expiryDate'], ['sig', 'sig']]) {
    if (query.get(ai)) link[name] = query.get(ai);
  }
  return link;
}

/** The api's path of an item's owner action, or of anything else under /owner/items/{gtin}/{serial}. */
export function ownerPath(link, action) {
  return `/owner/items/${encodeURIComponent(link.gtin)}/${encodeURIComponent(link.serial)}/${action}`;
}

/** The address of a typed check: the GTIN and serial alone, no signature. */
export function typedPath(gtin, serial) {
  return `/01/${encodeURIComponent(gtin)}/21/${encodeURIComponent(serial)}`;
}
