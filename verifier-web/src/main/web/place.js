// The coarse area a user may choose to send with a check: a geohash cell, never a finer point.

const GEOHASH = '0123456789bcdefghjkmnpqrstuvwxyz';

/** The geohash cell of a point, {@code length} characters (5: about 5 km across). */
export function geohash(latitude, longitude, length = 5) {
  const lat = [-90, 90];
  const lon = [-180, 180];
  let cell = '';
  let value = 0;
  let bits = 0;
  for (let even = true; cell.length < length; even = !even) {
    const [range, point] = even ? [lon, longitude] : [lat, latitude];
    const mid = (range[0] + range[1]) / 2;
    value = value * 2 + (point >= mid ? 1 : 0);
    range[point >= mid ? 0 : 1] = mid;
    if (++bits === 5) {
      cell += GEOHASH[value];
      value = 0;
      bits = 0;
    }
  }
  return cell;
}
