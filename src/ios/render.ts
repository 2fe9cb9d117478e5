// Renderings of a plan's commands: what is typed on the device, and what people review.

import type { Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import type { CommandKind, PlanCommand } from './types.js';

const BANNER_DELIMITERS = ['^', '#', '%', '~', '@', '$', '&', '|'];

/** A delimiter character that does not occur in the banner text. */
export function bannerDelimiter(body: string): string {
  return BANNER_DELIMITERS.find((d) => !body.includes(d)) ?? '\x03';
}

/** The lines of one command: a banner is several lines, everything else one. */
export function commandLines(command: PlanCommand): string[] {
  if (command.body === undefined) return [command.text];
  const delimiter = bannerDelimiter(command.body);
  return [`${command.text} ${delimiter}`, ...command.body.split('\n'), delimiter];
}

interface Walk {
  /** A line to print at `depth`; `kind` is set for plan commands, absent for structure. */
  emit(depth: number, lines: string[], kind?: CommandKind): void;
}

/**
 * Walks the commands keeping track of the section the device is in: enters sections by their
 * header, leaves them with their exit command, and ends back at the top level.
 */
function walk(commands: PlanCommand[], platform: Platform, out: Walk, exits: boolean): void {
  const context: string[] = [];
  const leaveTo = (depth: number): void => {
    while (context.length > depth) {
      const header = context.pop() as string;
      if (exits) out.emit(context.length, [platform.sectionExit(header)]);
    }
  };
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i] as PlanCommand;
    let shared = 0;
    while (shared < context.length && shared < command.path.length && context[shared] === command.path[shared]) shared++;
    leaveTo(shared);
    for (const header of command.path.slice(shared)) {
      out.emit(context.length, [header]);
      context.push(header);
    }
    out.emit(context.length, commandLines(command), command.kind);
    // A header just sent is entered: the next command may be inside it.
    const next = commands[i + 1];
    if (next && command.kind !== 'remove' && next.path.length > context.length && next.path[context.length] === command.text) {
      context.push(command.text);
    }
  }
  leaveTo(0);
}

/** One command per line, children indented one space per level, ending at the top level. */
export function renderDeviceCommands(commands: PlanCommand[], platform: Platform = ciscoIos): string[] {
  const lines: string[] = [];
  walk(
    commands,
    platform,
    {
      emit(depth, text) {
        // Banner text goes to the device as written; only the command line is indented.
        lines.push(' '.repeat(depth) + (text[0] as string), ...text.slice(1));
      },
    },
    true,
  );
  return lines;
}

const MARKS: Record<CommandKind, string> = { add: '+', remove: '-', replace: '~' };

/** The same structure for review: each command marked + (add), - (remove) or ~ (replace). */
export function renderHumanCommands(commands: PlanCommand[], platform: Platform = ciscoIos): string[] {
  const lines: string[] = [];
  walk(
    commands,
    platform,
    {
      emit(depth, text, kind) {
        const mark = kind ? MARKS[kind] : ' ';
        const indent = '  '.repeat(depth);
        lines.push(`${mark} ${indent}${text[0]}`, ...text.slice(1).map((l) => `  ${indent}  ${l}`));
      },
    },
    false,
  );
  return lines;
}
