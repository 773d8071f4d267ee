/**
 * A file's header row as column names: trimmed, an empty cell named by its place (`column 3`), a repeated name
 * numbered (`Name (2)`), so every column has one name a mapping can point at. The CSV and the xlsx readers share it.
 */
export function headerNames(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((h, i) => {
    const base = h.trim() || `column ${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
}
