// Writes the workspace the extension-host benchmark opens (see writeEditorWorkspace).
// usage: node out/bench/hostWorkspace.js DIR
import { writeEditorWorkspace } from './lib/generate';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: hostWorkspace.js DIR');
  process.exit(2);
}
console.log(JSON.stringify(writeEditorWorkspace(dir)));
