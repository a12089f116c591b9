// The engine, loaded on first use (see engine.ts). In the bundles `./engine` is dist/engine.js, a file of its own; in
// the compiled tests it is out/src/vscode/engine.js. Types come from engine.ts at compile time only.
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  loaded ??= require('./engine') as typeof Engine;
  return loaded;
}
