// The IOS driver: one logged-in session prepared for automation (paging off, privileged),
// and the operations the pipeline needs. It knows IOS only through the platform table; the
// bytes go through the channel; pushing config is push.ts.

import { Channel, type Answer } from './channel.js';
import { DeviceError } from './errors.js';
import type { HostKeyMode, KnownHosts } from './known-hosts.js';
import { ciscoIosDevice, findFailureInText, type DevicePlatform } from './platforms/cisco-ios.js';
import type { PushInput } from './config-units.js';
import { pushConfig, type PushOptions, type PushResult } from './push.js';
import { redact } from '../obs/redact.js';
import { openSsh } from './transport/ssh.js';
import { openTelnet } from './transport/telnet.js';
import { DEFAULT_TIMEOUTS, type Timeouts, type Transport } from './transport/types.js';

export interface IosConnectOptions {
  /** Inventory name, in every error and result. */
  device: string;
  host: string;
  port?: number;
  protocol?: 'ssh' | 'telnet';
  username: string;
  password: string;
  /** OpenSSH private key (PEM text) for SSH logins, tried before the password. */
  privateKey?: string;
  /** Without it, a session landing in user exec cannot be made privileged (`privilege` error). */
  enableSecret?: string;
  timeouts?: Partial<Timeouts>;
  algorithms?: 'modern' | 'legacy';
  keepaliveMs?: number;
  knownHosts?: KnownHosts;
  hostKeyMode?: HostKeyMode;
  platform?: DevicePlatform;
}

export interface CommandOptions {
  timeoutMs?: number;
  answers?: Answer[];
}

/** Opens, logs in and prepares a session; the caller closes it. */
export async function connectIos(options: IosConnectOptions): Promise<IosDriver> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const protocol = options.protocol ?? 'ssh';
  const target = { device: options.device, host: options.host, port: options.port ?? (protocol === 'ssh' ? 22 : 23), username: options.username, password: options.password, timeouts };
  const transport: Transport =
    protocol === 'ssh'
      ? await openSsh({ ...target, privateKey: options.privateKey, algorithms: options.algorithms, keepaliveMs: options.keepaliveMs, knownHosts: options.knownHosts, hostKeyMode: options.hostKeyMode })
      : await openTelnet(target);
  const driver = new IosDriver(new Channel(transport, options.device), options.platform ?? ciscoIosDevice, timeouts, [options.password, options.enableSecret]);
  try {
    await driver.prepare(options.enableSecret);
  } catch (error) {
    driver.close();
    throw error;
  }
  return driver;
}

export class IosDriver {
  /** As the device's prompt shows it; re-learned after every prompt. */
  hostname = '';
  /** `>` user exec, `#` privileged (config mode never outlives an operation). */
  private level = '>';

  constructor(
    readonly channel: Channel,
    readonly platform: DevicePlatform,
    readonly timeouts: Timeouts,
    /** Masked in everything this session hands out. */
    private readonly secrets: readonly (string | undefined)[] = [],
  ) {}

  /** The session as received, secrets masked. */
  get transcript(): string {
    return this.redact(this.channel.transcript);
  }

  redact(text: string): string {
    return redact(text, this.secrets);
  }

  get device(): string {
    return this.channel.device;
  }

  get privileged(): boolean {
    return this.level === '#';
  }

  /** Waits for the first prompt (after banners), escalates, turns paging off. */
  async prepare(enableSecret?: string): Promise<void> {
    await this.readPrompt('(login)', this.platform.anyPrompt, this.timeouts.operationMs).catch((error: unknown) => {
      // Output that never forms a prompt is a prompt problem (platform or hostname), not a slow device.
      const last = error instanceof DeviceError && error.kind === 'timeout' ? String(error.details.lastOutput ?? '') : '';
      if (last.trim() === '') throw error;
      throw new DeviceError('prompt', this.device, `no recognised ${this.platform.name} prompt after login; last output: ${JSON.stringify(last.slice(-80))}`, { ...(error as DeviceError).details }, { cause: error });
    });
    if (!this.privileged) await this.enable(enableSecret);
    for (const command of this.platform.sessionPrep) await this.command(command);
  }

  /** `enable` with the secret; a refusal is a `privilege` error with the device's words. */
  async enable(secret: string | undefined): Promise<void> {
    const { escalate } = this.platform;
    const promptOrPassword = (): RegExp => new RegExp(`${escalate.passwordPrompt.source}|${this.prompt().source}`);
    this.channel.sendLine(escalate.command);
    let answer = await this.channel.readUntil(promptOrPassword(), { command: escalate.command, timeoutMs: this.timeouts.operationMs });
    if (escalate.passwordPrompt.test(answer.text)) {
      if (secret === undefined) return this.abandonEnable('the session is not privileged and no enable secret is configured');
      this.channel.sendLine(secret);
      answer = await this.channel.readUntil(promptOrPassword(), { command: `${escalate.command} (secret)`, timeoutMs: this.timeouts.operationMs });
      // Asked again: the secret is wrong. Abandon the dialogue rather than guess.
      if (escalate.passwordPrompt.test(answer.text)) return this.abandonEnable('enable secret refused (the device asked for it again)');
    }
    this.learn(answer.match);
    if (this.privileged) return;
    const refusal = escalate.refused.exec(answer.text)?.[0];
    throw new DeviceError('privilege', this.device, `enable refused: ${refusal ?? 'still unprivileged'}`, { command: escalate.command, deviceText: refusal });
  }

  /** Ctrl-C out of the password question, back at the prompt, then the error. */
  private async abandonEnable(message: string): Promise<never> {
    this.channel.send('\x03');
    await this.readPrompt(this.platform.escalate.command, this.prompt(), this.timeouts.operationMs);
    throw new DeviceError('privilege', this.device, message, { command: this.platform.escalate.command });
  }

  /** Runs one exec command; returns its output without echo and prompt. */
  async command(command: string, options: CommandOptions = {}): Promise<string> {
    this.channel.discard();
    this.channel.sendLine(command);
    const answers = [...(options.answers ?? [])];
    const { text } = await this.readPrompt(command, this.prompt(), options.timeoutMs ?? this.timeouts.operationMs, answers);
    return stripEcho(text, command);
  }

  /** A show command; a refusal (`% Invalid input` …) is a `command_rejected` error. */
  async show(command: string, options: CommandOptions = {}): Promise<string> {
    const output = await this.command(command, options);
    const failure = findFailureInText(this.platform, output);
    if (failure) throw new DeviceError('command_rejected', this.device, `\`${command}\` refused: ${failure.line}`, { command, reason: failure.reason, deviceText: output });
    return output;
  }

  getRunningConfig(options: CommandOptions = {}): Promise<string> {
    return this.show(this.platform.showRunning, options);
  }

  pushConfig(commands: PushInput, options: PushOptions = {}): Promise<PushResult> {
    return pushConfig(this, commands, options);
  }

  /** Running → startup, answering the destination question. */
  async save(): Promise<string> {
    const { save } = this.platform;
    const output = await this.show(save.command, { answers: save.answers });
    if (!save.ok.test(output)) throw new DeviceError('command_rejected', this.device, `\`${save.command}\` did not confirm the save`, { command: save.command, deviceText: output });
    return output;
  }

  /** Arms IOS's rollback: unless `confirm()` comes within `minutes`, the device reverts. */
  async armRevertTimer(minutes: number): Promise<void> {
    const { configure } = this.platform;
    await this.show(configure.armRevert(minutes));
    await this.show(configure.exit);
  }

  /**
   * Replaces the whole running config with `text` (IOS `configure replace`): the file goes to
   * flash by scp, then IOS applies the difference itself. Needs SSH and `ip scp server enable`.
   */
  async configureReplace(text: string, options: CommandOptions = {}): Promise<string> {
    const { replace } = this.platform;
    const timeoutMs = options.timeoutMs ?? this.timeouts.operationMs;
    const { transport } = this.channel;
    if (!transport.upload) {
      throw new DeviceError('command_rejected', this.device, `configure replace needs a file upload (scp), which ${transport.protocol} cannot do`, { protocol: transport.protocol });
    }
    await transport.upload(replace.file, text, timeoutMs);
    const command = replace.command(replace.file);
    const output = await this.show(command, { timeoutMs });
    if (!replace.ok.test(output)) throw new DeviceError('command_rejected', this.device, `\`${command}\` did not complete`, { command, deviceText: output });
    return output;
  }

  async confirm(): Promise<void> {
    await this.show(this.platform.configure.confirm);
  }

  close(): void {
    this.channel.close();
  }

  /** The exact prompt of the current hostname (any mode), or any prompt before it is known. */
  prompt(): RegExp {
    return this.hostname ? this.platform.promptOf(this.hostname) : this.platform.anyPrompt;
  }

  /** Takes hostname and level from a prompt the device printed. */
  learn(match: RegExpExecArray | undefined): void {
    const groups = match?.groups;
    if (!groups?.host || !groups.level) return;
    this.hostname = groups.host;
    this.level = groups.level;
  }

  private async readPrompt(command: string, prompt: RegExp, timeoutMs: number, answers: Answer[] = []): Promise<{ text: string }> {
    const result = await this.channel.readUntil(prompt, { command, timeoutMs, answers, more: this.platform.more });
    this.learn(result.match);
    return result;
  }
}

/** Output without the echoed command line and the trailing prompt. */
export function stripEcho(text: string, command: string): string {
  // Cut at the first and last line ends rather than splitting a 5k-line show run into lines.
  const firstEnd = text.indexOf('\n');
  const lastEnd = text.lastIndexOf('\n');
  if (firstEnd < 0) return '';
  const echoed = text.slice(0, firstEnd).trimEnd().endsWith(command.trim());
  return text.slice(echoed ? firstEnd + 1 : 0, lastEnd);
}
