// Core data of the IOS config engine. Everything here is plain, JSON-serialisable data.

/**
 * One configuration line and, for a section header, the lines under it. The trees of a pair
 * (preparePair) share the nodes of blocks written the same on both sides, and lines without
 * children there share one frozen empty array: read such trees, do not change them.
 */
export interface ConfigNode {
  /** Normalised text of the line, without indentation. For a banner: `banner motd`. */
  text: string;
  /** 1-based line number in the source text (a shared node: in the running config); 0 for lines created by the engine. */
  line: number;
  children: ConfigNode[];
  /** Multi-line payload without delimiters: banner text or certificate hex. */
  body?: string;
}

/** A parsed configuration: the top-level lines. */
export interface ConfigTree {
  children: ConfigNode[];
}

export type CommandKind = 'add' | 'remove' | 'replace';

/** One command of a plan, entered in the section given by `path`. */
export interface PlanCommand {
  /** Section headers from the top level down to the section the command belongs to. */
  path: string[];
  /** The command as typed on the device (for a banner: `banner motd`). */
  text: string;
  kind: CommandKind;
  /** Why the command is there, for people. */
  reason: string;
  /** Banner text, sent between delimiters. */
  body?: string;
}

export type RiskLevel = 'low' | 'medium' | 'high';
export type RiskCategory =
  | 'management'
  | 'routing'
  | 'interface_state'
  | 'security'
  | 'disruptive'
  | 'general';

export interface RiskItem {
  level: RiskLevel;
  category: RiskCategory;
  /** The command as rendered for people, with its section path. */
  command: string;
  path: string[];
  reason: string;
}

export interface RiskSummary {
  /** The highest level among the items; `none` for an empty plan. */
  level: RiskLevel | 'none';
  items: RiskItem[];
}

/** The remediation of one device: what to send, what changes, how risky it is. */
export interface ConfigPlan {
  commands: PlanCommand[];
  /** Unified diff of normalised running vs intended config, with section context (made when first read). */
  diff: string;
  risk: RiskSummary;
  stats: { add: number; remove: number; replace: number };
}
