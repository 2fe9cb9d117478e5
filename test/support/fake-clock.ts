// A LabClock for tests: time stands still until the test moves it, and timers fire when it
// passes their deadline, in deadline order. No real waiting.

import type { LabClock } from '../../src/lab/device/lab-device.js';

interface FakeTimer {
  at: number;
  fire: () => void;
  cancelled: boolean;
}

export class FakeClock implements LabClock {
  private time: number;
  private readonly timers: FakeTimer[] = [];

  constructor(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
    this.time = start;
  }

  now(): Date {
    return new Date(this.time);
  }

  setTimer(ms: number, fire: () => void): { cancel(): void } {
    const timer: FakeTimer = { at: this.time + ms, fire, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** Timers armed and neither fired nor cancelled. */
  get pendingTimers(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }

  /** Moves time forward by `ms`, firing every timer whose deadline is reached on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.time = due.at;
      due.cancelled = true;
      due.fire();
    }
    this.time = end;
  }
}
