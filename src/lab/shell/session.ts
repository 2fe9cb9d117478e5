// One logged-in CLI session of a simulated IOS device, whatever the transport (SSH shell or exec
// channel, Telnet). It owns what a VTY line owns: banners, prompts, echo and line editing,
// enable/disable, entering and leaving config mode, `do`, questions and multi-line entry,
// `--More--` paging, and the per-command faults. The commands themselves are the interpreters'.
//
// Input is processed strictly in order: every chunk waits for the previous one, and a command
// waits for its (possibly delayed) output, so type-ahead is echoed after that output as on a
// real terminal.

import type { LabDevice } from '../device/lab-device.js';
import type { ConfigInterpreter, ExecInterpreter, ExecResult, LineResult, SessionAction } from './contracts.js';
import { createConfigInterpreter } from './config/config-interpreter.js';
import { createExecInterpreter } from './exec/exec-interpreter.js';
import { EnableAttempt, enableRefusal, PASSWORD_PROMPT } from './enable-secret.js';
import { EnterKeyFolder, LineEditor } from './line-editor.js';
import { ERASE_MORE_PROMPT, MORE_PROMPT, Pager, pagerKey } from './pager.js';
import { errorLines, promptText, sessionBanners, terminalLines } from './prompts.js';
import { applyConfigAccepted, commandFate, replyPacing, type OutputPacing } from './session-faults.js';
import { sleep, TerminalOutput } from './terminal-output.js';

/** `logout`: the user left (exit, logout, end of an exec command); `dropped`: a fault cut the line. */
export type SessionCloseReason = 'logout' | 'dropped';

export interface CliSessionOptions {
  device: LabDevice;
  user: string;
  remoteAddress: string;
  /** The client asked for a terminal: typed characters are echoed. Without one (piped input) nothing is. */
  pty: boolean;
  write(text: string): void;
  close(reason: SessionCloseReason): void;
  /** Telnet shows the MOTD before its login prompt; over SSH IOS shows it after login. */
  motdShown?: boolean;
  /** Terminal columns reported by the client; default 80. */
  width?: number;
  /**
   * SSH exec channel: run this one command, privileged, without banner, prompt or paging, then
   * close (`logout`) as soon as it is done.
   */
  command?: string;
}

const CONFIG_BANNER = 'Enter configuration commands, one per line.  End with CNTL/Z.';
const DEFAULT_LENGTH = 24;

type InputState =
  | { kind: 'command' }
  | { kind: 'secret'; attempt: EnableAttempt }
  | { kind: 'answer'; answer(reply: string): ExecResult; lineColumn: number }
  | { kind: 'collect'; collect(line: string): LineResult }
  | { kind: 'more'; pager: Pager; perByteMs: number; then: () => void }
  | { kind: 'stalled' }
  | { kind: 'closed' };

export class CliSession {
  private readonly device: LabDevice;
  private readonly exec: ExecInterpreter;
  private readonly out: TerminalOutput;
  private readonly editor = new LineEditor();
  private readonly enterKeys = new EnterKeyFolder();
  private state: InputState = { kind: 'command' };
  private queue: Promise<void> = Promise.resolve();
  private privileged: boolean;
  /** Set while in config mode. */
  private config: ConfigInterpreter | undefined;
  /** Ctrl-Z after a typed line: run it, then leave config mode at the next prompt. */
  private leaveConfigAtPrompt = false;
  private terminalLength: number;
  private terminalWidth: number;
  private commandsEntered = 0;
  /** Width of the prompt the current line was typed after: the caret column starts there. */
  private promptWidth = 0;

  constructor(private readonly options: CliSessionOptions) {
    this.device = options.device;
    this.exec = createExecInterpreter(options.device);
    this.out = new TerminalOutput(options.write, () => this.state.kind !== 'closed');
    const singleCommand = options.command !== undefined;
    this.privileged = singleCommand;
    this.terminalLength = singleCommand ? 0 : DEFAULT_LENGTH;
    this.terminalWidth = options.width ?? 80;
  }

  /** Shows the banners and the first prompt (or runs the exec-channel command). */
  start(): void {
    const { command } = this.options;
    this.enqueue(async () => {
      if (command !== undefined) return this.onLine(command);
      this.out.write(sessionBanners(this.device, this.options.motdShown === true));
      this.prompt();
    });
  }

  /** Raw input from the client, in any chunking. */
  input(data: string): void {
    const arrived = performance.now();
    this.enqueue(() => this.consume(data, arrived));
  }

  /** The client's window changed (SSH window-change). */
  resize(columns: number): void {
    if (columns > 0) this.terminalWidth = columns;
  }

  /** The transport closed: nothing more is written. */
  end(): void {
    this.state = { kind: 'closed' };
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      // A bug in the simulator shows in the client's transcript rather than hanging it.
      this.out.write(`\r\n% Lab simulator error: ${error instanceof Error ? error.message : String(error)}\r\n`);
      this.closeSession('dropped');
    });
  }

  /** `arrived`: when the data came in; a command's latency runs from then (see onCommand). */
  private async consume(data: string, arrived: number): Promise<void> {
    for (const raw of data) {
      if (this.state.kind === 'stalled' || this.state.kind === 'closed') return;
      const char = this.enterKeys.fold(raw);
      if (char === undefined) continue;
      if (this.state.kind === 'more') {
        await this.onMoreKey(this.state, char);
        continue;
      }
      const event = this.editor.key(char);
      if (this.options.pty && this.state.kind !== 'secret') this.out.write(event.echo);
      if (event.kind === 'line') await this.onLine(event.line, arrived);
      else if (event.kind === 'ctrl-z') await this.onCtrlZ(event.line);
      // Ctrl-C drops the typed line, leaves config mode and abandons a password or question.
      else if (event.kind === 'ctrl-c') this.leaveConfig();
    }
  }

  private async onLine(line: string, arrived = performance.now()): Promise<void> {
    const state = this.state;
    switch (state.kind) {
      case 'command':
        return this.onCommand(line, arrived);
      case 'secret':
        return this.onSecret(state.attempt, line);
      case 'answer':
        this.state = { kind: 'command' };
        return this.finish(state.answer(line), state.lineColumn, replyPacing(this.device));
      case 'collect':
        this.state = { kind: 'command' };
        return this.finish(state.collect(line), 0, replyPacing(this.device));
    }
  }

  private async onCommand(line: string, arrived = performance.now()): Promise<void> {
    if (line.trim() === '') return this.prompt();
    const fate = commandFate(this.device, { line, number: ++this.commandsEntered, configMode: this.config !== undefined });
    if (fate.kind === 'drop') return this.closeSession('dropped');
    if (fate.kind === 'stall') {
      this.state = { kind: 'stalled' };
      return;
    }
    // Latency is counted from the line's arrival, like a slow link's: lines sent together wait
    // together, so a client that pipelines pays it once, one that waits per line pays it per line.
    const wait = fate.delayMs - (performance.now() - arrived);
    if (wait > 0) await sleep(wait);
    if (this.state.kind === 'closed') return;
    if (!this.config) return this.finish(this.runExec(line, this.privileged), this.promptWidth, fate);
    const word = line.trim().toLowerCase();
    if (word === 'end' || (this.config.position.mode === 'config' && (word === 'exit' || word === 'exi'))) {
      return this.leaveConfig();
    }
    const doCommand = /^(\s*do\s+)(\S.*)$/i.exec(line);
    if (doCommand) {
      const [, prefix = '', execLine = ''] = doCommand;
      return this.finish(this.runExec(execLine, true), this.promptWidth + prefix.length, fate, true);
    }
    if (fate.rejectConfigLine) return this.finish({ output: [], error: { kind: 'invalid', offset: 0 } }, this.promptWidth, fate);
    const result = this.config.enter(line);
    if (!result.error) applyConfigAccepted(this.device, line);
    return this.finish(result, this.promptWidth, fate);
  }

  private runExec(line: string, privileged: boolean): ExecResult {
    return this.exec.run(line, { privileged, user: this.options.user, remoteAddress: this.options.remoteAddress });
  }

  /**
   * Writes what a line did (error block first, under the echoed line), paged if the command
   * asks for it, then carries out what it leads to. `viaDo`: run with `do` from config mode.
   */
  private async finish(result: ExecResult, lineColumn: number, pacing: OutputPacing, viaDo = false): Promise<void> {
    const lines = result.error ? [...errorLines(result.error, lineColumn), ...result.output] : result.output;
    const then = (): void => this.afterOutput(result, viaDo);
    if (pacing.dropMidOutput) {
      const text = terminalLines(lines);
      await this.out.writePaced(text.slice(0, Math.floor(text.length / 2)), pacing.perByteMs);
      return this.closeSession('dropped');
    }
    if (result.paged && this.terminalLength > 0) {
      const pager = new Pager(lines, this.terminalLength, this.terminalWidth);
      await this.out.writePaced(terminalLines(pager.nextPage()), pacing.perByteMs);
      if (!pager.done) {
        this.out.write(MORE_PROMPT);
        this.state = { kind: 'more', pager, perByteMs: pacing.perByteMs, then };
        return;
      }
    } else {
      await this.out.writePaced(terminalLines(lines), pacing.perByteMs);
    }
    then();
  }

  private async onMoreKey(state: Extract<InputState, { kind: 'more' }>, char: string): Promise<void> {
    this.out.write(ERASE_MORE_PROMPT);
    const key = pagerKey(char);
    if (key !== 'stop') {
      await this.out.writePaced(terminalLines(key === 'page' ? state.pager.nextPage() : state.pager.nextLine()), state.perByteMs);
      if (!state.pager.done) {
        this.out.write(MORE_PROMPT);
        return;
      }
    }
    this.state = { kind: 'command' };
    state.then();
  }

  private afterOutput(result: ExecResult, viaDo: boolean): void {
    const action = result.sessionAction;
    // `do` reaches exec commands, not the privilege level: IOS keeps config mode as it is.
    if (action && !(viaDo && (action.kind === 'enable' || action.kind === 'disable'))) {
      if (this.applySessionAction(action)) return;
    }
    if (result.question) {
      const { prompt, answer } = result.question;
      this.out.write(prompt.replace(/\r?\n/g, '\r\n'));
      this.state = { kind: 'answer', answer, lineColumn: prompt.length - prompt.lastIndexOf('\n') - 1 };
      return;
    }
    if (result.pending) {
      this.state = { kind: 'collect', collect: result.pending.collect };
      return;
    }
    if (result.enterConfig && !this.config) {
      this.out.write(terminalLines([CONFIG_BANNER]));
      this.config = createConfigInterpreter(this.device, this.options.user);
    }
    this.prompt();
  }

  /** Carries out an exec command's effect on the session; true if that took over the line. */
  private applySessionAction(action: SessionAction): boolean {
    switch (action.kind) {
      case 'enable':
        return this.startEnable();
      case 'disable':
        this.privileged = false;
        return false;
      case 'logout':
        this.closeSession('logout');
        return true;
      case 'terminal-length':
        this.terminalLength = action.lines;
        return false;
      case 'terminal-width':
        this.terminalWidth = action.columns;
        return false;
    }
  }

  /** `enable`: asks for the secret unless already privileged; true while it asks. */
  private startEnable(): boolean {
    if (this.privileged) return false;
    const refusal = enableRefusal(this.device);
    if (refusal) {
      this.out.write(terminalLines(refusal));
      return false;
    }
    this.out.write(PASSWORD_PROMPT);
    this.state = { kind: 'secret', attempt: new EnableAttempt(this.device) };
    return true;
  }

  private onSecret(attempt: EnableAttempt, secret: string): void {
    // The secret is not echoed; the line end is.
    if (this.options.pty) this.out.write('\r\n');
    const verdict = attempt.check(secret);
    if (verdict.kind === 'retry') return this.out.write(PASSWORD_PROMPT);
    if (verdict.kind === 'granted') this.privileged = true;
    else this.out.write(terminalLines(verdict.lines));
    this.prompt();
  }

  /** Ctrl-Z in config mode is `end`, after running what was typed before it. */
  private async onCtrlZ(line: string): Promise<void> {
    if (this.state.kind !== 'command' || !this.config) return this.leaveConfig();
    if (line.trim() === '') return this.leaveConfig();
    this.leaveConfigAtPrompt = true;
    return this.onCommand(line);
  }

  /** Back to the exec prompt (from config mode, or from an abandoned password or question). */
  private leaveConfig(): void {
    this.config = undefined;
    this.prompt();
  }

  private prompt(): void {
    if (this.leaveConfigAtPrompt) {
      this.leaveConfigAtPrompt = false;
      this.config = undefined;
    }
    this.state = { kind: 'command' };
    if (this.options.command !== undefined) return this.closeSession('logout');
    const text = promptText(this.device.hostname(), this.privileged, this.config?.position.mode);
    this.promptWidth = text.length;
    this.out.write(text);
  }

  private closeSession(reason: SessionCloseReason): void {
    if (this.state.kind === 'closed') return;
    this.out.flush();
    this.state = { kind: 'closed' };
    this.options.close(reason);
  }
}
