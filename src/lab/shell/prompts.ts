// The fixed texts of a VTY session: prompts, error blocks and banners, as IOS prints them.

import type { ConfigNode } from '../../ios/types.js';
import type { LabDevice } from '../device/lab-device.js';
import { cliErrorMessage, type CliError, type ConfigMode } from './contracts.js';

/** `host>`, `host#`, `host(config)#`, `host(config-if)#`. */
export function promptText(hostname: string, privileged: boolean, configMode?: ConfigMode): string {
  if (configMode !== undefined) return `${hostname}(${configMode})#`;
  return hostname + (privileged ? '#' : '>');
}

/**
 * The lines IOS prints for a refused line. Only invalid input gets the caret line, under the
 * offending character (`lineColumn`: the terminal column where the entered line starts, after
 * the prompt); invalid and incomplete input are followed by an empty line.
 */
export function errorLines(error: CliError, lineColumn: number): string[] {
  const message = cliErrorMessage(error);
  switch (error.kind) {
    case 'invalid':
      return [`${' '.repeat(lineColumn + error.offset)}^`, message, ''];
    case 'incomplete':
      return [message, ''];
    case 'ambiguous':
    case 'unknown':
      return [message];
  }
}

export type BannerKind = 'motd' | 'login' | 'exec';

/**
 * The lines of a configured banner, with the `$(hostname)` and `$(domain)` tokens IOS expands,
 * or undefined when the banner is not configured.
 */
export function bannerLines(running: readonly ConfigNode[], kind: BannerKind, hostname: string): string[] | undefined {
  const banner = running.find((node) => node.text === `banner ${kind}`);
  if (banner?.body === undefined) return undefined;
  const domain = running.map((node) => /^ip domain[ -]name (\S+)/.exec(node.text)?.[1]).find((name) => name !== undefined) ?? '';
  return banner.body.replaceAll('$(hostname)', hostname).replaceAll('$(domain)', domain).split('\n');
}

/**
 * What a session shows after login, before its first prompt: the MOTD (unless the transport
 * showed it before login, as Telnet does) and the exec banner.
 */
export function sessionBanners(device: LabDevice, motdShown: boolean): string {
  const kinds: BannerKind[] = motdShown ? ['exec'] : ['motd', 'exec'];
  return kinds.map((kind) => terminalLines(bannerLines(device.running, kind, device.hostname()) ?? [])).join('');
}

/** Lines as written to a terminal: each ended by CRLF. */
export function terminalLines(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  // Entries may hold several lines (see LineResult): one native pass turns every end into CRLF.
  const text = lines.join('\n');
  // A show run has no CR: a plain replace is several times faster than the regex over 200 kB.
  return `${text.includes('\r') ? text.replace(/\r?\n/g, '\r\n') : text.replaceAll('\n', '\r\n')}\r\n`;
}
