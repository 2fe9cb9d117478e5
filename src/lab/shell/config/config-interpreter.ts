// The configuration mode of a simulated IOS device, for one session: a stack of modes (global,
// interface, router, address family, …), each with its grammar. A line is matched in the
// current mode; a line the mode does not know is tried in the parent modes and, if one accepts
// it, the session leaves the sub-modes, as IOS does (that is how `interface Gi0/2` after the
// lines of Gi0/1 moves on). A line no mode accepts gets the current mode's error.

import type { ConfigNode } from '../../../ios/types.js';
import type { LabDevice } from '../../device/lab-device.js';
import type { CliError, ConfigInterpreter, ConfigPosition, LineResult } from '../contracts.js';
import { matchCommand, type MatchResult } from '../grammar/grammar.js';
import { applyEffect } from './apply-effect.js';
import { PROMPT_MODE, type CommandAction, type EffectContext, type EffectResult, type ModeId } from './command-def.js';
import { ensureSection } from './config-tree.js';
import { grammarOf } from './modes.js';
import { orderOf } from './show-order.js';

interface Frame {
  mode: ModeId;
  /** The section header; `''` for the top level. */
  header: string;
  /** The section's node, once found (looked up again if it left the tree). */
  node: ConfigNode | undefined;
  /** A mode without a section node (a numbered ACL edited through `ip access-list … N`). */
  virtual: boolean;
}

export function createConfigInterpreter(device: LabDevice, user: string): ConfigInterpreter {
  const frames: Frame[] = [{ mode: 'global', header: '', node: undefined, virtual: false }];
  const top = (): Frame => frames[frames.length - 1] as Frame;

  /** The lines of the section at `depth`, recreating sections another session removed. */
  function sectionLines(depth: number): ConfigNode[] | undefined {
    let lines = device.running;
    for (let d = 1; d <= depth; d++) {
      const frame = frames[d] as Frame;
      if (frame.virtual) return undefined;
      if (frame.node === undefined || !lines.includes(frame.node)) {
        const { node, created } = ensureSection(lines, frame.header, orderOf((frames[d - 1] as Frame).mode));
        if (created) device.touched(user);
        frame.node = node;
      }
      lines = frame.node.children;
    }
    return lines;
  }

  function run(match: MatchResult<CommandAction> & { ok: true }, depth: number, line: string): LineResult {
    const before = frames.slice();
    frames.length = depth + 1;
    const frame = top();
    const { negation } = match.action;
    const words = negation === undefined ? match.words : match.words.slice(1);
    const ctx: EffectContext = {
      device,
      user,
      mode: frame.mode,
      lines: sectionLines(depth),
      header: frame.header,
      text: words.join(' '),
      words,
      args: match.args,
      negation,
      line,
    };
    const result: EffectResult = applyEffect(match.action.effect, ctx);
    if (result.error) {
      // A refused command leaves the session where it was, as on IOS.
      frames.splice(0, frames.length, ...before);
      return { output: result.output ?? [], error: result.error };
    }
    if (result.changed) device.touched(user);
    if (result.leave && frames.length > 1) frames.pop();
    if (result.enter) frames.push({ ...result.enter, node: undefined, virtual: result.enter.virtual ?? false });
    const out: LineResult = { output: result.output ?? [] };
    if (result.pending) out.pending = result.pending;
    return out;
  }

  return {
    get position(): ConfigPosition {
      return { mode: PROMPT_MODE[top().mode], path: frames.slice(1).map((f) => f.header) };
    },
    enter(line: string): LineResult {
      const trimmed = line.trim();
      // `!` starts a comment in configuration text; blank lines do nothing.
      if (trimmed === '' || trimmed.startsWith('!')) return { output: [] };
      let error: CliError | undefined;
      for (let depth = frames.length - 1; depth >= 0; depth--) {
        const match = matchCommand(grammarOf((frames[depth] as Frame).mode), line);
        if (match.ok) return run(match, depth, line);
        error ??= match.error;
      }
      return { output: [], error };
    },
  };
}
