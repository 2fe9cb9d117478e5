// The one redaction module. Every sink (logs, transcripts, push output, PR comments, API
// responses, SSE, metric labels) passes text through `redact` before it leaves the process.
// It masks: every secret CatNet has decrypted in this process (registered by the credentials
// loader, so no caller has to remember which secrets exist), the value after IOS's
// secret-bearing keywords in config lines (enable/username secrets and passwords, `key-string`,
// `key 7`, TACACS/RADIUS keys, SNMP communities, IKE pre-shared keys, OSPF, BGP, HSRP and VRRP
// authentication, WPA keys), and the inventory's own `redact` patterns.

export const MASK = '********';

// Each keeps its prefix (group 1) and masks the value after it.
const CONFIG_SECRETS = [
  /\b((?:secret|password|key-string)(?:[ \t]+[0-9]{1,2})?[ \t]+)(?!\*{8})\S+/gi,
  /\b((?:tacacs-server|radius-server|server-private[ \t]+\S+)[ \t]+key(?:[ \t]+[0-9])?[ \t]+)(?!\*{8})\S+/gi,
  // `key 7 <value>` under `tacacs server`/`radius server`; the type digit tells it from a key-chain `key 1`.
  /^([ \t]*key[ \t]+[067][ \t]+)(?!\*{8})\S+/gim,
  /\b(snmp-server[ \t]+community[ \t]+)(?!\*{8})\S+/gi,
  // IKE pre-shared keys: `crypto isakmp key <key> address …`, `pre-shared-key [local|remote] [0|6] <key>`.
  /\b(crypto[ \t]+isakmp[ \t]+key(?:[ \t]+[06])?[ \t]+)(?!\*{8})\S+/gi,
  /\b(pre-shared-key(?:[ \t]+(?:local|remote))?(?:[ \t]+[06])?[ \t]+)(?!\*{8})\S+/gi,
  // OSPF: `ip ospf authentication-key [0|7] <key>`, `ip ospf message-digest-key 1 md5 [0|7] <key>`.
  /\b(authentication-key(?:[ \t]+[07])?[ \t]+)(?!\*{8})\S+/gi,
  /\b(message-digest-key[ \t]+\d+[ \t]+md5(?:[ \t]+[07])?[ \t]+)(?!\*{8})\S+/gi,
  // HSRP / VRRP plain-text authentication: `standby 1 authentication <text>`, `vrrp 1 authentication text <text>`.
  /\b((?:standby|vrrp)[ \t]+\d+[ \t]+authentication(?:[ \t]+text)?[ \t]+)(?!(?:md5|text)\b)(?!\*{8})\S+/gi,
  // Wireless: `wpa-psk ascii|hex [0|7] <key>`.
  /\b(wpa-psk[ \t]+(?:ascii|hex)(?:[ \t]+[07])?[ \t]+)(?!\*{8})\S+/gi,
];
// Shorter strings would mask ordinary words: real credentials are never that short.
const MIN_SECRET_LENGTH = 4;

const secrets = new Set<string>();
let patterns: RegExp[] = [];

/** Makes `value` masked in every later `redact` call of this process. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/** Extra patterns from the inventory's `settings.redact`; the whole match is masked. */
export function setRedactionPatterns(sources: readonly string[]): void {
  patterns = sources.map((source) => new RegExp(source, 'g'));
}

/** `text` with every known secret masked. `extra`: secrets of this call only (a session's login). */
export function redact(text: string, extra: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const pattern of CONFIG_SECRETS) out = out.replace(pattern, (_all, prefix: string) => `${prefix}${MASK}`);
  for (const pattern of patterns) out = out.replace(pattern, MASK);
  // Longest first: a secret that contains another is masked whole.
  const all = [...secrets, ...extra.filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)].sort((a, b) => b.length - a.length);
  for (const secret of all) if (out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
}

/** Forgets registered secrets and patterns (tests, or a service reloading its inventory). */
export function resetRedaction(): void {
  secrets.clear();
  patterns = [];
}
