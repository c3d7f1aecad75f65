import { strict as assert } from 'assert';
import { lineItemSlot, PALETTE_SLOTS } from '../../../src/webview/charts/line-item-colours';

describe('cost breakdown colours', () => {
  it('gives a line item the colour of its kind, whatever detail its name carries', () => {
    assert.equal(lineItemSlot('Compute (arm64)'), lineItemSlot('Compute (x86_64)'));
    assert.equal(lineItemSlot('Compute (arm64)'), 1);
    assert.equal(lineItemSlot('Requests'), 0);
    assert.equal(lineItemSlot('REST API requests'), 0);
    assert.equal(lineItemSlot('GET requests'), 0);
    assert.equal(lineItemSlot('PUT, COPY, POST, LIST requests'), 6);
    assert.equal(lineItemSlot('Storage (S3 Standard)'), 2);
    assert.equal(lineItemSlot('CloudWatch Logs storage (one month of logs)'), 9);
    assert.equal(lineItemSlot('NAT gateway hours (one gateway for the VPC)'), 4);
    assert.equal(lineItemSlot('Provisioned read capacity (5 RCU)'), 5);
    assert.equal(lineItemSlot('On-demand reads'), 6);
    assert.equal(lineItemSlot('On-demand writes'), 7);
  });

  it('gives an unknown kind the same slot every time, independent of the other items', () => {
    const slot = lineItemSlot('Edge function invocations');
    assert.ok(slot >= 0 && slot < PALETTE_SLOTS, `slot ${slot}`);
    assert.equal(lineItemSlot('Edge function invocations (per 1 KB)'), slot);
  });

  it("keeps apart the kinds that share a resource's bar", () => {
    const bars = [
      ['Requests', 'Compute (arm64)', 'CloudWatch Logs ingestion (Lambda volume tiers)', 'CloudWatch Logs storage'],
      ['Storage', 'On-demand reads', 'On-demand writes'],
      ['Storage', 'Provisioned read capacity (5 RCU)', 'Provisioned write capacity (5 WCU)'],
      ['Storage (S3 Standard)', 'PUT, COPY, POST, LIST requests', 'GET requests'],
      ['WebSocket messages (metered per 32 KB)', 'WebSocket connection minutes'],
    ];
    for (const bar of bars) assert.equal(new Set(bar.map(lineItemSlot)).size, bar.length, bar.join(', '));
  });
});
