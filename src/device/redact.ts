// Masks secrets in text that leaves the device layer (transcripts, push output): the session's
// own credentials wherever they appear, and the value after IOS's secret-bearing keywords in
// echoed config lines (`username x secret 5 …`, `enable secret …`, `key-string …`).

const MASK = '********';
const CONFIG_SECRET = /\b(secret|password|key-string)(\s+[0-9]{1,2})?\s+(?!\*{8})\S+/gi;

export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(CONFIG_SECRET, (_all, word: string, type: string | undefined) => `${word}${type ?? ''} ${MASK}`);
  for (const secret of secrets) {
    // Short strings would mask ordinary words: credentials are never that short in practice.
    if (secret && secret.length >= 4) out = out.split(secret).join(MASK);
  }
  return out;
}
