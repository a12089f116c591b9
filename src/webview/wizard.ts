// The wizard page (browser). It renders the questions and the ranking the extension computes; every answer change is
// sent at once, so the ranking follows live. State (answers, current step) survives hiding and reloading.
import type { Answers } from '../core/recommend/answers';
import type { WizardKnowledge, WizardQuestion } from '../core/knowledgeTypes';
import { isHostMessage, type HostMessage, type PageMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PageState {
  answers: Answers;
  step: number;
  faqOpen: boolean;
}

const vscode = acquireVsCodeApi();
const saved = vscode.getState() as Partial<PageState> | undefined;
let state: PageState = { answers: saved?.answers ?? {}, step: saved?.step ?? 0, faqOpen: saved?.faqOpen ?? false };
let steps: WizardKnowledge['steps'] = [];
let faq: WizardKnowledge['faq'] = [];
let prefilled: string[] = [];
let lastResult: Extract<HostMessage, { type: 'result' }> | undefined;
let sendTimer: number | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.type === 'init') {
    steps = message.steps;
    faq = message.faq;
    prefilled = message.prefilled;
    // Answers the page already had (restored state) win over the extension's suggestions.
    if (Object.keys(state.answers).length === 0) state.answers = message.answers;
    else send();
    state.step = Math.min(state.step, Math.max(0, steps.length - 1));
    render();
  } else if (message.type === 'result') {
    lastResult = message;
    renderResult();
  } else {
    showNotice(message.level, message.text);
  }
});
vscode.postMessage({ type: 'ready' });

function save(): void {
  vscode.setState(state);
}

function send(delay = 0): void {
  save();
  window.clearTimeout(sendTimer);
  sendTimer = window.setTimeout(() => vscode.postMessage({ type: 'answers', answers: state.answers }), delay);
}

function setAnswer(field: string, value: unknown): void {
  const answers = { ...state.answers } as Record<string, unknown>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[field];
  else answers[field] = value;
  state = { ...state, answers: answers as Answers };
}

/** Creates an element with attributes and children; text goes in as text nodes, never as HTML. */
function h(tag: string, attributes: Record<string, string | boolean | undefined> = {}, ...children: Array<Node | string | undefined>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}

function render(): void {
  const app = document.getElementById('app')!;
  app.replaceChildren(
    h('header', { class: 'top' },
      h('div', {},
        h('h1', {}, 'Choose a message queue'),
        h('p', { class: 'lead' }, 'There is no silver bullet. Answer what you know; the ranking on the right follows every answer, and each reason says which answer it comes from.')),
      h('button', { type: 'button', class: 'secondary', id: 'faq-toggle', 'aria-expanded': String(state.faqOpen), 'aria-controls': 'faq' }, state.faqOpen ? 'Hide common questions' : 'Common questions')),
    h('div', { class: 'layout' },
      h('section', { class: 'questions', 'aria-label': 'Questions' }, h('div', { class: 'leader', id: 'leader', role: 'group', 'aria-label': 'Leading choices' }), stepTabs(), stepForm(), stepNavigation()),
      h('section', { class: 'result', id: 'result', 'aria-label': 'Ranking', 'aria-live': 'polite', tabindex: '-1' })),
    faqPanel(),
    h('div', { class: 'notice', id: 'notice', role: 'status' }),
  );
  document.getElementById('faq-toggle')!.addEventListener('click', () => {
    state.faqOpen = !state.faqOpen;
    save();
    render();
    // The questions open below the fold: bring them into view and put focus on their heading.
    if (state.faqOpen) {
      const heading = document.getElementById('faq-heading');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    } else {
      document.getElementById('faq-toggle')?.focus();
    }
  });
  renderResult();
}

function stepTabs(): HTMLElement {
  const nav = h('div', { class: 'steps', role: 'tablist', 'aria-label': 'Steps' });
  steps.forEach((step, index) => {
    const answered = step.questions.filter((q) => (state.answers as Record<string, unknown>)[q.field] !== undefined).length;
    const tab = h('button', {
      type: 'button', role: 'tab', id: `tab-${index}`, 'aria-selected': String(index === state.step), 'aria-controls': 'step-panel',
      tabindex: index === state.step ? '0' : '-1', class: index === state.step ? 'step current' : 'step',
      title: step.title,
    }, h('span', { class: 'step-number' }, String(index + 1)), h('span', { class: 'step-title' }, step.title), h('span', { class: 'count' }, `${answered}/${step.questions.length}`));
    tab.addEventListener('click', () => goTo(index, 'tab'));
    tab.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        goTo((index + (event.key === 'ArrowRight' ? 1 : steps.length - 1)) % steps.length, 'tab');
      }
    });
    nav.append(tab);
  });
  return nav;
}

/** Shows a step. Focus goes where the user was: the tab (arrow keys) or the new step's questions (Back and Next). */
function goTo(index: number, focus: 'tab' | 'panel' | 'none' = 'none'): void {
  state.step = index;
  save();
  render();
  if (focus === 'tab') document.getElementById(`tab-${index}`)?.focus();
  if (focus === 'panel') {
    const panel = document.getElementById('step-panel');
    panel?.focus({ preventScroll: true });
    panel?.scrollIntoView({ block: 'nearest' });
  }
}

function stepForm(): HTMLElement {
  const step = steps[state.step];
  const form = h('form', { id: 'step-panel', role: 'tabpanel', 'aria-labelledby': `tab-${state.step}`, tabindex: '-1' });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const question of step?.questions ?? []) form.append(questionField(question));
  return form;
}

function questionField(question: WizardQuestion): HTMLElement {
  const value = (state.answers as Record<string, unknown>)[question.field];
  const id = `q-${question.field}`;
  const legend = h('legend', {}, question.title);
  const why = h('p', { class: 'why', id: `${id}-why` }, question.why);
  const fieldset = h('fieldset', { class: 'question', 'aria-describedby': `${id}-why`, 'data-field': question.field }, legend, why);
  if (prefilled.includes(question.field)) fieldset.append(h('p', { class: 'prefilled' }, 'Suggested from this workspace.'));
  const options = h('div', { class: question.type === 'multi' ? 'options multi' : 'options' });
  if (question.type === 'single' || question.type === 'boolean') {
    const choices = question.type === 'boolean'
      ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]
      : question.options ?? [];
    for (const choice of [...choices, { value: '', label: 'No preference' }]) {
      const current = value === undefined ? '' : String(value);
      const input = h('input', { type: 'radio', name: id, value: choice.value, id: `${id}-${choice.value || 'none'}`, checked: current === choice.value }) as HTMLInputElement;
      input.addEventListener('change', () => {
        const raw = input.value;
        setAnswer(question.field, question.type === 'boolean' ? (raw === '' ? undefined : raw === 'true') : raw);
        send();
        refreshCounts();
      });
      const hint = 'hint' in choice && choice.hint ? h('span', { class: 'hint' }, choice.hint) : undefined;
      options.append(h('label', { class: 'choice', for: input.id }, input, h('span', { class: 'label' }, choice.label), hint));
    }
  } else if (question.type === 'multi') {
    const selected = Array.isArray(value) ? (value as string[]) : [];
    for (const choice of question.options ?? []) {
      const input = h('input', { type: 'checkbox', name: id, value: choice.value, id: `${id}-${choice.value}`, checked: selected.includes(choice.value) }) as HTMLInputElement;
      input.addEventListener('change', () => {
        const now = Array.from(document.querySelectorAll<HTMLInputElement>(`input[name="${id}"]:checked`)).map((i) => i.value);
        setAnswer(question.field, now);
        send();
        refreshCounts();
      });
      options.append(h('label', { class: 'choice', for: input.id }, input, h('span', { class: 'label' }, choice.label)));
    }
  } else {
    const input = h('input', { type: 'number', min: '0', step: 'any', id, inputmode: 'decimal', value: value === undefined ? '' : String(value), 'aria-label': question.title }) as HTMLInputElement;
    input.addEventListener('input', () => {
      const number = input.value.trim() === '' ? undefined : Number(input.value);
      if (number !== undefined && (!Number.isFinite(number) || number < 0)) return;
      setAnswer(question.field, number);
      send(300);
      refreshCounts();
    });
    options.append(h('div', { class: 'number' }, input, question.unit ? h('span', { class: 'unit' }, question.unit) : undefined));
  }
  fieldset.append(options);
  return fieldset;
}

function refreshCounts(): void {
  steps.forEach((step, index) => {
    const answered = step.questions.filter((q) => (state.answers as Record<string, unknown>)[q.field] !== undefined).length;
    const count = document.querySelector(`#tab-${index} .count`);
    if (count) count.textContent = `${answered}/${step.questions.length}`;
  });
}

function stepNavigation(): HTMLElement {
  const back = h('button', { type: 'button', class: 'secondary', disabled: state.step === 0 }, 'Back');
  const next = h('button', { type: 'button', disabled: state.step >= steps.length - 1 }, 'Next');
  back.addEventListener('click', () => goTo(state.step - 1, 'panel'));
  next.addEventListener('click', () => goTo(state.step + 1, 'panel'));
  return h('div', { class: 'navigation' }, back, h('span', { class: 'position' }, `Step ${state.step + 1} of ${steps.length}`), next);
}

function renderResult(): void {
  const panel = document.getElementById('result');
  if (!panel || !lastResult) return;
  // A new ranking replaces the panel: keep what the user had open and where the keyboard was.
  const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement.id || 'result' : undefined;
  const open = { excluded: panel.querySelector('details.excluded')?.hasAttribute('open') ?? false, sources: panel.querySelector('details.sources')?.hasAttribute('open') ?? false };
  const { result, profile, starter, workspaceProfile, impliedProfile } = lastResult;
  const ranking = h('ol', { class: 'ranking' });
  result.ranking.forEach((r, index) => {
    const reasons = h('ul', { class: 'reasons' }, ...r.reasons.map((text) => h('li', {}, ...rich(text))));
    const cautions = h('ul', { class: 'cautions' }, ...r.cautions.map((text) => h('li', {}, ...rich(text))));
    const notes = r.notes && r.notes.length > 0 ? h('ul', { class: 'notes' }, ...r.notes.map((text) => h('li', {}, ...rich(text)))) : undefined;
    const card = h('li', { class: index === 0 ? 'card winner' : 'card', 'data-broker': r.broker },
      h('div', { class: 'card-head' },
        h('h3', {}, r.name),
        h('span', { class: 'score', 'aria-label': `score ${r.score} of 100` }, String(r.score))),
      h('div', { class: 'bar', role: 'presentation' }, h('span', { style: undefined })),
      r.reasons.length > 0 ? reasons : undefined,
      r.cautions.length > 0 ? cautions : undefined,
      notes);
    (card.querySelector('.bar span') as HTMLElement).style.width = `${r.score}%`;
    if (index < 3 || r.reasons.length > 0) ranking.append(card);
  });
  const shown = ranking.children.length;
  const rest = result.ranking.length - shown;
  const excluded = result.excluded.length > 0
    ? h('details', { class: 'excluded' }, h('summary', {}, `Ruled out (${result.excluded.length})`),
      h('ul', {}, ...result.excluded.map((e) => h('li', {}, h('strong', {}, e.name), ' ', ...rich(e.reasons.join(' '))))))
    : undefined;
  const winner = result.ranking[0];
  // Offer to change the workspace's profile only when the answers imply a different one.
  const setProfile = impliedProfile && impliedProfile !== workspaceProfile
    ? h('button', { type: 'button', class: 'secondary', id: 'apply-workload' }, `Use the ${impliedProfile} profile in this workspace`)
    : undefined;
  setProfile?.addEventListener('click', () => vscode.postMessage({ type: 'applyWorkload' }));
  const profileNote = !impliedProfile ? ' (this workspace\'s)' : impliedProfile === workspaceProfile ? ' (as in this workspace)' : ` (this workspace: ${workspaceProfile})`;
  const saveAdr = h('button', { type: 'button', id: 'save-adr', disabled: !winner }, 'Save decision record');
  saveAdr.addEventListener('click', () => vscode.postMessage({ type: 'saveAdr' }));
  const copy = h('button', { type: 'button', class: 'secondary', id: 'copy-summary' }, 'Copy summary');
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copySummary' }));
  const starterBlock = starter && winner
    ? h('section', { class: 'starter', 'aria-label': 'Starting configuration' },
      h('h3', {}, `Starting configuration: ${winner.name}, ${starter.profile} profile`),
      h('p', { class: 'file' }, starter.file),
      h('pre', { tabindex: '0' }, h('code', {}, starter.code)),
      h('ul', {}, ...starter.notes.map((n) => h('li', {}, ...rich(n)))))
    : undefined;
  const sources = winner ? (lastResult.brokerSources[winner.broker] ?? []) : [];
  const sourceList = sources.length > 0
    ? h('details', { class: 'sources' }, h('summary', {}, `Sources for ${winner!.name}`), h('ul', {}, ...sources.map(sourceItem)))
    : undefined;
  const children = [
    h('div', { class: 'result-head' }, h('h2', {}, 'Ranking'), h('span', { class: 'profile' }, 'Workload profile: ', h('strong', {}, profile), profileNote)),
    ranking,
    rest > 0 ? h('p', { class: 'muted' }, `${rest} more with no reason for or against: answer more questions to separate them.`) : undefined,
    excluded,
    h('div', { class: 'actions' }, saveAdr, copy, setProfile),
    starterBlock,
    sourceList,
  ];
  panel.replaceChildren(...children.filter((child): child is HTMLElement => child !== undefined));
  if (open.excluded) panel.querySelector('details.excluded')?.setAttribute('open', '');
  if (open.sources) panel.querySelector('details.sources')?.setAttribute('open', '');
  // The focused control may be gone (the profile button disappears once applied): fall back to the panel's actions.
  if (focused !== undefined) (document.getElementById(focused) ?? document.getElementById('save-adr') ?? panel).focus();
  renderLeader();
}

/**
 * On a narrow page the ranking sits below the questions: a strip above the questions keeps the leaders in view,
 * and a link jumps to the full ranking.
 */
function renderLeader(): void {
  const strip = document.getElementById('leader');
  if (!strip || !lastResult) return;
  const top = lastResult.result.ranking.slice(0, 3);
  const jump = h('a', { href: '#result' }, 'Full ranking');
  jump.addEventListener('click', (event) => {
    event.preventDefault();
    const result = document.getElementById('result');
    result?.scrollIntoView({ block: 'start' });
    result?.focus({ preventScroll: true });
  });
  strip.replaceChildren(h('span', { class: 'leader-label' }, 'Leading:'),
    ...top.map((r) => h('span', { class: 'leader-item' }, h('strong', {}, r.name), ` ${r.score}`)), jump);
}

/** Text with `code` spans: the backticked parts become code elements (as text, never as HTML). */
function rich(text: string): Array<Node | string> {
  const parts = text.split(/`([^`\n]+)`/);
  return parts.map((part, index) => (index % 2 === 1 ? h('code', {}, part) : part)).filter((part) => part !== '');
}

function sourceItem(source: string): HTMLElement {
  const match = /^(https:\/\/\S+)(.*)$/.exec(source);
  if (!match) return h('li', {}, source);
  const link = h('a', { href: '#' }, match[1]!);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openLink', url: match[1]! });
  });
  return h('li', {}, link, match[2]!);
}

function faqPanel(): HTMLElement {
  const panel = h('aside', { class: 'faq', id: 'faq', 'aria-labelledby': 'faq-heading', hidden: !state.faqOpen }, h('h2', { id: 'faq-heading', tabindex: '-1' }, 'Common questions'));
  for (const entry of faq) {
    panel.append(h('details', {}, h('summary', {}, entry.question), h('p', {}, ...rich(entry.answer)),
      h('ul', { class: 'faq-sources' }, ...entry.sources.map(sourceItem))));
  }
  return panel;
}

function showNotice(level: 'info' | 'error', text: string): void {
  const notice = document.getElementById('notice');
  if (!notice) return;
  notice.textContent = text;
  notice.className = `notice ${level} visible`;
  window.setTimeout(() => notice.classList.remove('visible'), 4000);
}
