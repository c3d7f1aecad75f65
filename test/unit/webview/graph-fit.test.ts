import { strict as assert } from 'assert';
import { centreOn, fitTransform, MAX_FIT_ZOOM, MIN_READABLE_ZOOM } from '../../../src/webview/graph/fit';

describe('architecture graph fit', () => {
  const view = { width: 600, height: 400 };

  it('shows a graph that fits whole and centred', () => {
    assert.deepEqual(fitTransform({ x: 0, y: 0, width: 568, height: 200 }, view), { k: 1, x: 16, y: 100 });
  });

  it('never blows a small graph up beyond the largest fit zoom', () => {
    assert.equal(fitTransform({ x: 0, y: 0, width: 100, height: 50 }, view).k, MAX_FIT_ZOOM);
  });

  it('never shrinks text below a readable size: a large graph starts at its top-left corner, to pan from', () => {
    const t = fitTransform({ x: 10, y: 20, width: 4000, height: 2500 }, view);
    assert.equal(t.k, MIN_READABLE_ZOOM);
    assert.ok(MIN_READABLE_ZOOM * 11 >= 8, 'the 11 px type line stays at 8 px or more');
    assert.deepEqual(t, { k: MIN_READABLE_ZOOM, x: 16 - 10 * MIN_READABLE_ZOOM, y: 16 - 20 * MIN_READABLE_ZOOM });
  });

  it('centres a wide, short graph vertically while it starts from the left', () => {
    const t = fitTransform({ x: 0, y: 0, width: 3000, height: 100 }, view);
    assert.deepEqual(t, { k: MIN_READABLE_ZOOM, x: 16, y: (400 - 100 * MIN_READABLE_ZOOM) / 2 });
  });

  it('centres the view on a found node', () => {
    assert.deepEqual(centreOn({ x: 500, y: 300 }, 1, view), { k: 1, x: -200, y: -100 });
  });
});
