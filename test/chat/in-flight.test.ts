import { describe, expect, it } from 'vitest';
import { interruptReplies, trackReply } from '../../src/chat/in-flight.js';

// Every reply is registered so a shutdown can stop it; the caller's own signal stops it too.

describe('trackReply', () => {
  it("aborts the reply's signal when the caller's signal aborts, with the caller's reason", () => {
    const caller = new AbortController();
    const tracked = trackReply(caller.signal);
    expect(tracked.signal.aborted).toBe(false);
    caller.abort(new Error('client went away'));
    expect(tracked.signal.aborted).toBe(true);
    expect((tracked.signal.reason as Error).message).toBe('client went away');
    tracked.settle();
  });

  it('starts aborted when the caller aborted already', () => {
    const caller = new AbortController();
    caller.abort();
    const tracked = trackReply(caller.signal);
    expect(tracked.signal.aborted).toBe(true);
    tracked.settle();
  });

  it('stops following the caller once settled, and a shutdown aborts only replies still running', async () => {
    const caller = new AbortController();
    const done = trackReply(caller.signal);
    done.settle();
    const running = trackReply(undefined);
    await interruptReplies(10);
    caller.abort();
    expect(done.signal.aborted).toBe(false);
    expect(running.signal.aborted).toBe(true);
    running.settle();
  });

  it('uses a signal registered already as it is, and a shutdown still stops that reply', async () => {
    const outer = trackReply(undefined);
    const inner = trackReply(outer.signal);
    expect(inner.signal).toBe(outer.signal);
    inner.settle();
    await interruptReplies(10);
    expect(outer.signal.aborted).toBe(true);
    outer.settle();
  });
});
