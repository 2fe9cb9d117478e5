// The shape of the configuration grammar as data: each command of a mode is a syntax string and
// a named effect on the device's running config. Most commands need only the generic effects
// (set a line in place, remove it, toggle a default, enter a section); the few IOS behaviours
// that are not generic are named custom effects in the *-effects.ts files.

import type { LabDevice } from '../../device/lab-device.js';
import type { ConfigNode } from '../../../ios/types.js';
import type { CliError, ConfigMode, LineResult } from '../contracts.js';
import type { KeyRule } from './config-tree.js';

/** The kinds of section a config session can be in; several share one prompt. */
export type ModeId =
  | 'global'
  | 'interface'
  | 'subinterface'
  | 'router-ospf'
  | 'router-bgp'
  | 'bgp-af'
  | 'vrf'
  | 'vrf-af'
  | 'line'
  | 'std-nacl'
  | 'ext-nacl'
  | 'route-map'
  | 'vlan'
  | 'class-map'
  | 'policy-map'
  | 'policy-class'
  | 'archive';

/** The prompt of each mode: `host(config-router)#`. */
export const PROMPT_MODE: Readonly<Record<ModeId, ConfigMode>> = {
  global: 'config',
  interface: 'config-if',
  subinterface: 'config-subif',
  'router-ospf': 'config-router',
  'router-bgp': 'config-router',
  'bgp-af': 'config-router-af',
  vrf: 'config-vrf',
  'vrf-af': 'config-vrf-af',
  line: 'config-line',
  'std-nacl': 'config-std-nacl',
  'ext-nacl': 'config-ext-nacl',
  'route-map': 'config-route-map',
  vlan: 'config-vlan',
  'class-map': 'config-cmap',
  'policy-map': 'config-pmap',
  'policy-class': 'config-pmap-c',
  archive: 'config-archive',
};

/** What an effect sees: the device, where the command was entered, and what was entered. */
export interface EffectContext {
  device: LabDevice;
  /** Who is configuring: a change completed later (a banner's last line) is recorded for them. */
  user: string;
  mode: ModeId;
  /** The section's lines (`device.running` at the top); undefined for a numbered ACL's mode. */
  lines: ConfigNode[] | undefined;
  /** The section header (`''` at the top), e.g. `interface GigabitEthernet0/1`. */
  header: string;
  /** Canonical text of the command without a `no`/`default` prefix. */
  text: string;
  /** Canonical words of `text`. */
  words: string[];
  args: Record<string, string>;
  negation: 'no' | 'default' | undefined;
  /** The line as entered: refusals point their caret into it. */
  line: string;
}

export interface EffectResult {
  /** Whether running-config changed (the device records who changed it when). */
  changed: boolean;
  /** Lines the device prints (`% …` warnings and refusals). */
  output?: string[];
  /** The command is refused with an IOS error; nothing changed and the mode stays. */
  error?: CliError;
  /** Enter this section (a child of the current one) in this mode. */
  enter?: { mode: ModeId; header: string; virtual?: boolean };
  /** Leave the current section (`exit`, `exit-address-family`). */
  leave?: boolean;
  /** A multi-line entry follows (interactive banner). */
  pending?: LineResult['pending'];
}

export type CustomEffect = (ctx: EffectContext) => EffectResult;

export type ConfigEffect =
  /** Replace in place the line with the same key, or add it where IOS prints it. */
  | { kind: 'set'; key?: KeyRule; text?: string }
  /**
   * Remove the lines with the key of the entered text (or of `text` filled with the entered
   * values). Without a key: the lines that start with the entered words.
   */
  | { kind: 'remove'; key?: KeyRule; text?: string }
  /**
   * A feature with a default state: `line` on or off. `shown`: IOS prints the state either way
   * (`ip cef` / `no ipv6 cef`); otherwise only a state that differs from the default is printed.
   */
  | { kind: 'toggle'; line: string; defaultOn: boolean; shown: boolean }
  /**
   * Enter the section headed by the entered text, or by `header` filled with the entered values
   * (created where IOS prints it if missing).
   */
  | { kind: 'enter'; mode: ModeId; header?: string }
  /** Remove the section headed by the entered text or `header` (and everything under it). */
  | { kind: 'remove-section'; header?: string }
  | { kind: 'exit' }
  /** Accepted and without effect (`!` comments are not commands; this is for real commands). */
  | { kind: 'ignore' }
  | { kind: 'custom'; name: string; run: CustomEffect };

export interface CommandDef {
  syntax: string;
  effect: ConfigEffect;
  /**
   * The `no …` and `default …` forms: their syntax after the prefix (default: `syntax`), the
   * effect of `no` (default: the inverse of `effect`) and of `default` (default: as `no`).
   * `false`: IOS has no such forms.
   */
  negation?: false | { syntax?: string; effect?: ConfigEffect; defaultEffect?: ConfigEffect };
}

/** A compiled command: the effect and whether it was entered negated. */
export interface CommandAction {
  effect: ConfigEffect;
  negation: 'no' | 'default' | undefined;
}

// Constructors, so that the grammar files read as tables.

export function cmd(syntax: string, effect: ConfigEffect, negation?: CommandDef['negation']): CommandDef {
  return negation === undefined ? { syntax, effect } : { syntax, effect, negation };
}

export function set(key?: KeyRule, text?: string): ConfigEffect {
  return { kind: 'set', key, text };
}

export function remove(key?: KeyRule, text?: string): ConfigEffect {
  return { kind: 'remove', key, text };
}

export function toggle(line: string, defaultOn: boolean, shown = false): ConfigEffect {
  return { kind: 'toggle', line, defaultOn, shown };
}

export function enter(mode: ModeId, header?: string): ConfigEffect {
  return header === undefined ? { kind: 'enter', mode } : { kind: 'enter', mode, header };
}

export function custom(name: string, run: CustomEffect): ConfigEffect {
  return { kind: 'custom', name, run };
}

export const EXIT: ConfigEffect = { kind: 'exit' };
const REMOVE_SECTION: ConfigEffect = { kind: 'remove-section' };

/** A feature on or off with `X` / `no X` / `default X`, e.g. `toggleCommand('ip domain lookup', true)`. */
export function toggleCommand(line: string, defaultOn: boolean, shown = false): CommandDef {
  return { syntax: line, effect: toggle(line, defaultOn, shown) };
}

/** `no X` when `X` sets something: the same key, removed. */
export function inverse(effect: ConfigEffect): ConfigEffect {
  switch (effect.kind) {
    case 'set':
      return { kind: 'remove', key: effect.key };
    case 'enter':
      return effect.header === undefined ? REMOVE_SECTION : { kind: 'remove-section', header: effect.header };
    default:
      // Toggles and custom effects read the negation themselves.
      return effect;
  }
}
