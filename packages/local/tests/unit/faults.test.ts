import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/faults.js';

const draws = (injector: FaultInjector, count: number): boolean[] => Array.from({ length: count }, () => injector.failRecord());

describe('fault injection', () => {
  it('decides the same way for the same seed and stream', () => {
    expect(draws(new FaultInjector(5, 's', { recordFailureRate: 0.5 }), 64)).toEqual(draws(new FaultInjector(5, 's', { recordFailureRate: 0.5 }), 64));
  });

  it('decides differently for another stream or seed', () => {
    const base = draws(new FaultInjector(5, 's', { recordFailureRate: 0.5 }), 64);
    expect(draws(new FaultInjector(5, 't', { recordFailureRate: 0.5 }), 64)).not.toEqual(base);
    expect(draws(new FaultInjector(6, 's', { recordFailureRate: 0.5 }), 64)).not.toEqual(base);
  });

  it('never fails at rate 0 and always fails at rate 1', () => {
    expect(draws(new FaultInjector(1, 's', {}), 100).some(Boolean)).toBe(false);
    expect(draws(new FaultInjector(1, 's', { recordFailureRate: 1 }), 100).every(Boolean)).toBe(true);
  });

  it('keeps kinds independent: other faults do not shift the per-record decisions', () => {
    const quiet = new FaultInjector(9, 's', { recordFailureRate: 0.5 });
    const busy = new FaultInjector(9, 's', { recordFailureRate: 0.5, callFailureRate: 0.5, redeliveryRate: 0.5 });
    const quietDraws: boolean[] = [];
    const busyDraws: boolean[] = [];
    for (let index = 0; index < 50; index += 1) {
      quietDraws.push(quiet.failRecord());
      busy.failCall();
      busy.redeliver();
      busyDraws.push(busy.failRecord());
    }
    expect(busyDraws).toEqual(quietDraws);
  });

  it('holds slow answers back by slowResponseMs, 2,000 ms by default', () => {
    expect(new FaultInjector(1, 's', { slowResponseRate: 1, slowResponseMs: 250 }).responseDelay()).toBe(250);
    expect(new FaultInjector(1, 's', { slowResponseRate: 1 }).responseDelay()).toBe(2000);
    expect(new FaultInjector(1, 's', {}).responseDelay()).toBe(0);
  });
});
