/** Every module's entries in one object; a name that two modules define is refused (a spread would keep the last one silently). */
export function assemble<const T extends readonly object[]>(kind: string, ...modules: T): Assembled<T> {
  const all: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [name, value] of Object.entries(m)) {
      if (Object.hasOwn(all, name)) throw new Error(`The contract defines the ${kind} "${name}" twice`);
      all[name] = value;
    }
  }
  return all as Assembled<T>;
}
type Intersect<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Intersect<R> : unknown;
type Assembled<T extends readonly object[]> = { readonly [K in keyof Intersect<T>]: Intersect<T>[K] };
