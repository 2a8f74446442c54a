// Page entry and the only file that wires things together: the URL state, the tabs, the engine
// and the labs. A failure to load the engine is shown on the page, never only in the console.
import { parseHash, StateStore } from './state.js';

const $ = (id) => document.getElementById(id);
const LABS = ['step', 'gradient', 'train'];

function showLoadError(error) {
  $('engine-status').textContent = 'Engine unavailable';
  $('engine-status').classList.add('failed');
  $('load-error-detail').textContent = ` (${error.message ?? error})`;
  $('load-error').hidden = false;
}

function showNotes(notes) {
  const note = $('state-note');
  if (!notes.length) {
    note.hidden = true;
    return;
  }
  note.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = 'Part of this link could not be used: ';
  note.append(strong, notes.join('; '), '.');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => { note.hidden = true; });
  note.append(' ', close);
  note.hidden = false;
}

/** Tabs with the ARIA tab pattern: arrows move between tabs, the selected one is in the state. */
function setUpTabs(store) {
  const tabs = LABS.map((name) => $(`tab-${name}`));
  const select = (name) => {
    for (const tab of tabs) {
      const selected = tab.dataset.lab === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(`panel-${tab.dataset.lab}`).hidden = !selected;
    }
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => store.set({ lab: tab.dataset.lab }));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : null;
      if (next === null) return;
      event.preventDefault();
      const target = tabs[(next + tabs.length) % tabs.length];
      target.focus();
      store.set({ lab: target.dataset.lab });
    });
  }
  return select;
}

async function main() {
  const { state, notes } = parseHash(window.location.hash);
  const store = new StateStore(state);
  showNotes(notes);
  const selectTab = setUpTabs(store);
  selectTab(state.lab);

  let lab;
  try {
    const { createLab } = await import('./engine.js');
    lab = await createLab();
  } catch (error) {
    showLoadError(error);
    return;
  }
  $('engine-status').textContent = 'Engine ready (WebAssembly)';
  $('engine-status').classList.add('ready');

  const { createStepLab } = await import('./labs/step-lab.js');
  const { createGradientLab } = await import('./labs/gradient-lab.js');
  const { createTrainLab } = await import('./labs/train-lab.js');
  const labs = {
    step: createStepLab($('step-lab'), { lab, store }),
    gradient: createGradientLab($('gradient-lab'), { lab, store }),
  };
  labs.train = createTrainLab($('train-lab'), {
    lab,
    store,
    openInStepLab: (preset) => {
      labs.step.loadExternal(preset);
      store.set({ lab: 'step', preset: 'train', step: 0, sample: 0, params: null, input: null, target: null, lr: null });
    },
  });
  const show = (current) => {
    selectTab(current.lab);
    labs[current.lab]?.show(current);
  };
  store.subscribe((current, changes) => {
    if ('lab' in changes) show(current);
    else labs[current.lab]?.update?.(current, changes);
  });
  show(store.state);

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target.closest('input, select, textarea, [role="tab"]')) return;
    labs[store.state.lab]?.onKey?.(event);
  });
  document.body.dataset.ready = 'true';
}

main();
