// The coarse area the scan page may send: published geohash examples, and never finer than asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geohash } from '../../main/web/place.js';

test('points encode to their published geohash cells', () => {
  assert.equal(geohash(57.64911, 10.40744, 11), 'u4pruydqqvj');
  assert.equal(geohash(42.605, -5.603), 'ezs42');
  assert.equal(geohash(45.76, 4.84), 'u05kq'); // Lyon
});

test('the page sends five characters by default: a cell about 5 km across', () => {
  assert.equal(geohash(48.8566, 2.3522), 'u09tv');
  assert.equal(geohash(-33.8688, 151.2093).length, 5);
});
