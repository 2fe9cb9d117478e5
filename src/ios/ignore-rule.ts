// Ignore rules as people write them (in `catnet diff --ignore` and the inventory's
// `settings.ignore`): `REGEX` ignores matching lines anywhere; `SECTION_REGEX>>REGEX` only
// inside sections whose header matches SECTION_REGEX.

import type { IgnoreRule } from './normalize.js';

export function parseIgnoreRule(spec: string): IgnoreRule {
  const [within, match] = spec.includes('>>') ? spec.split('>>', 2) : [undefined, spec];
  const rule: IgnoreRule = { match: compileRegex(match as string) };
  if (within !== undefined) rule.within = compileRegex(within);
  return rule;
}

/** A RegExp, or an error whose message names the source once and says what is wrong with it. */
export function compileRegex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    // V8 says `Invalid regular expression: /(/: Unterminated group`; the source is shown once.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
    throw new SyntaxError(`invalid regular expression ${JSON.stringify(source)}: ${reason}`);
  }
}
