// What is typed in config mode, grouped into units that each end with exactly one prompt: a
// line, or a banner (its command line, text lines and closing delimiter, during which IOS
// prints no prompt). Plan commands are rendered by the engine (sections entered and left).

import { renderDeviceCommands } from '../ios/render.js';
import type { PlanCommand } from '../ios/types.js';

export interface ConfigUnit {
  /** The lines typed, as sent. */
  lines: string[];
  /** Indentation of the first line: a deeper next unit is inside the section this one opens. */
  depth: number;
  /** For a banner: the closing delimiter, so the reader can skip the echoed text. */
  delimiter?: string;
  /** Nothing is sent after it before its prompt is back (`end` leaves config mode). */
  barrier?: boolean;
}

/** Commands as lines (a string may hold a whole banner), or the engine's plan commands. */
export type PushInput = readonly string[] | readonly PlanCommand[];

const BANNER = /^\s*banner\s+\S+\s+(\^C|\S)(.*)$/i;

export function configLines(input: PushInput): string[] {
  if (input.length === 0) return [];
  if (typeof input[0] === 'string') return (input as readonly string[]).flatMap((text) => text.split(/\r?\n/));
  return renderDeviceCommands([...(input as readonly PlanCommand[])]);
}

export function configUnits(lines: readonly string[]): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trim().startsWith('!')) continue;
    const depth = line.length - line.trimStart().length;
    const banner = BANNER.exec(line);
    // A banner whose text does not close on its first line continues to the delimiter.
    if (banner && !(banner[2] ?? '').includes(banner[1] as string)) {
      const delimiter = banner[1] as string;
      const body = [line];
      while (++i < lines.length) {
        body.push(lines[i] as string);
        if ((lines[i] as string).includes(delimiter)) break;
      }
      units.push({ lines: body, depth, delimiter });
    } else {
      units.push({ lines: [line], depth, ...(/^\s*end\s*$/i.test(line) ? { barrier: true } : {}) });
    }
  }
  return units;
}
