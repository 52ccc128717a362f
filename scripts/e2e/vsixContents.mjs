// vsixContents: lists the files inside a .vsix (a zip) by reading its central directory, so the
// harness can print and check what ships. Pure node:fs; must not unpack or modify the archive.
import fs from 'node:fs';

/** Returns [{ name, size }] for every entry of the zip at `file`. */
export function listVsix(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip archive (no end-of-central-directory record)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: corrupt central directory at ${at}`);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Problems with the packaged file list: what must ship (manifest, entry points) and what must not
 * (sources, tests, maps of sources, node_modules, scratch). Returns human-readable messages.
 */
export function vsixProblems(entries, manifest) {
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  const c = manifest.contributes ?? {};
  // every file the manifest points at must ship, or the installed extension breaks
  const referenced = [
    manifest.main,
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.debuggers ?? []).map((d) => d.program),
    ...(c.jsonValidation ?? []).map((j) => (/^https?:/.test(j.url) ? undefined : j.url)),
  ].filter(Boolean);
  const required = [
    'extension/package.json',
    ...referenced.map((f) => `extension/${f.replace(/^\.\//, '')}`),
  ];
  for (const r of required) if (!names.has(r)) problems.push(`missing ${r}`);
  const forbidden = /^extension\/(node_modules|out|test|client\/src|server\/src|scripts|\.e2e|\.ci)\//;
  for (const e of entries) if (forbidden.test(e.name)) problems.push(`should not ship ${e.name}`);
  return problems;
}
