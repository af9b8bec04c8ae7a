// One colour legend for the building table everywhere: the mini-program, the admin web and its
// printout take status colours from @hq/common (LEGEND / roomDisplay / STATUS_COLOURS) and never
// spell a legend colour themselves, so they cannot drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { STATUS_COLOURS } from '@hq/common';

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.(tsx?|css|scss|less)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe.each(['admin/src', 'miniapp/src'])('%s', (dir) => {
  const all = files(path.join(root, dir)).map((f) => ({ f: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));

  test('no legend colour is spelled outside common', () => {
    const colours = Object.values(STATUS_COLOURS).map((c) => c.colour.toLowerCase());
    const hits = all.flatMap(({ f, text }) => colours.filter((c) => text.toLowerCase().includes(c)).map((c) => `${f}: ${c}`));
    expect(hits).toEqual([]);
  });

  test('the building table takes its colours from the shared legend', () => {
    const users = all.filter(({ text }) => /from '@hq\/common'/.test(text) && /\b(LEGEND|roomDisplay|STATUS_COLOURS)\b/.test(text));
    expect(users.length).toBeGreaterThan(0);
  });
});
