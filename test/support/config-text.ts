// Small edits of config texts for tests: lines added before `end`, lines under a section.

/** `config` with `lines` added at the top level, before the final `end`. */
export function withLines(config: string, ...lines: string[]): string {
  return config.replace(/\nend\s*$/, `\n${lines.join('\n')}\nend\n`);
}

/** `config` with `lines` added (one space in) under the section headed exactly `header`. */
export function withSectionLines(config: string, header: string, ...lines: string[]): string {
  const at = config.indexOf(`\n${header}\n`);
  if (at < 0) throw new Error(`no section ${header}`);
  const end = at + header.length + 2;
  return config.slice(0, end) + lines.map((line) => ` ${line}\n`).join('') + config.slice(end);
}
