// Faults a simulated device can be told to show, so that tests and demos can exercise every
// failure path of CatNet. All are optional; a device without faults behaves like a healthy one.
// Patterns are regular-expression source strings (YAML-friendly), matched against the line as
// entered, case-insensitively.

export interface DeviceFaults {
  /** Delay of each command's output in milliseconds, counted from when the line arrived. */
  latencyMs?: number;
  /** Added per output byte, in milliseconds (slow links, long `show run`). */
  latencyPerByteMs?: number;
  /** Every login fails as if the password were wrong. */
  authFailure?: boolean;
  /** The device's port refuses connections (the listener is closed). */
  refuseConnections?: boolean;
  /** The session is dropped when the Nth command (1-based, counted per session) is entered. */
  disconnectAfterCommands?: number;
  /** The session is dropped halfway through the output of a command matching this pattern. */
  disconnectMidOutputOn?: string;
  /** A command matching this pattern never completes: no output, no prompt. */
  stallOn?: string;
  /** Config lines matching this pattern are refused with `% Invalid input detected …`. */
  rejectConfigLines?: string;
  /** Extra delay of `show running-config`, in milliseconds. */
  slowShowRunMs?: number;
  /**
   * After a config line matching `afterConfig` is entered, `interface` goes down (link and
   * protocol), as a cable pulled by a bad change would: for health-check failures.
   */
  interfaceDown?: { afterConfig: string; interface: string };
  /** `ping` to a matching address fails (0 percent), whatever the routing says. */
  pingFailures?: string;
  /** Random faults: each command fails (dropped session) with this probability, seeded. */
  random?: { seed: number; disconnectProbability: number };
}
