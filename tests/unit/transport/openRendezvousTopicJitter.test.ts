import { describe, expect, it } from 'vitest';
import { openRendezvousTopic } from '../../../shared/transport/openRendezvousTopic.ts';
import { MemoryPubSub, NO_FAULTS } from '../../support/MemoryPubSub.ts';
import { prng } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('openRendezvousTopic connectJitterMs', () => {
  it('opens each socket a random time below the jitter after the topic opens', async () => {
    const scheduler = new VirtualScheduler();
    const pubsub = new MemoryPubSub(scheduler, prng(16), NO_FAULTS);
    const topic = openRendezvousTopic({
      sockets: pubsub.sockets(),
      urls: ['ws://a'],
      topic: 'invite',
      scheduler,
      random: () => 0.75,
      maxMessageChars: 1024,
      connectJitterMs: 2_000,
      onData: () => undefined,
      onConnect: () => undefined,
      onDrop: () => undefined,
    });
    await settle(); // the sockets are scheduled once the caller holds the topic
    await scheduler.advance(1_400, settle);
    expect(topic.connected()).toBe(false);
    expect(pubsub.subscribers('invite')).toBe(0);
    await scheduler.advance(200, settle);
    expect(topic.connected()).toBe(true);
    expect(pubsub.subscribers('invite')).toBe(1);
    topic.close();
  });
});
