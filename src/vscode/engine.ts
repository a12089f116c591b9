// What the extension uses of the engine (src/core and the knowledge base), in one module. The build makes it its own
// bundle, dist/engine.js, which `engine()` (lazyEngine.ts) requires on first use: activation registers providers and
// commands without compiling the analysers, and the knowledge (dist/knowledge.json) is parsed only when a file is
// first analysed or a note first shown.
export { analyzeText } from '../core/analyze';
export { brokerCardMarkdown } from '../core/brokerCard';
export { bundledClientIndex, bundledKeyIndex, knowledge } from '../core/bundledKnowledge';
export { detectsFile, detectText } from '../core/detect/detect';
export { formatOf } from '../core/formats';
export { keyNoteMarkdown, settingAt } from '../core/hover';
export { validateAnswers } from '../core/recommend/answers';
export { recommend } from '../core/recommend/recommend';
export { adrFileName, adrMarkdown, impliedProfile, profileFor, recommendationMarkdown, starterFor } from '../core/recommend/report';
export { holds, projectRootOf, readsFactsFrom, WorkspaceFactIndex, workspaceFactsOf } from '../core/workspace';
