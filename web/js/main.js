// Page entry and the only file that wires things together: the URL state, the tabs, the engine
// and the labs. A failure to load the engine is shown on the page, never only in the console.
import { changedProperties, LABS, pageOfHash, parseHash, StateStore, toHash } from './state.js';
import { useSchema } from './schema.js';
import { lookChanged } from './ui/chart-style.js';

const $ = (id) => document.getElementById(id);

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

/**
 * Draws the page for `view` ('normal' | 'projector'): lab.css sizes type, lines and points from the
 * root's data-view, and the charts redraw with the new look (their data and the run stay).
 */
function showView(view) {
  if (document.documentElement.dataset.view === view) return;
  document.documentElement.dataset.view = view;
  $('view-toggle').setAttribute('aria-pressed', String(view === 'projector'));
  lookChanged();
}

async function main() {
  // the tab and the view show at once; the rest of the link is read against the engine's schema
  const early = pageOfHash(window.location.hash);
  // until the store exists, a click on a tab or the view toggle only changes what is shown
  const page = {
    set: (changes) => {
      Object.assign(early, changes);
      selectTab(early.lab);
      showView(early.view);
    },
  };
  const selectTab = setUpTabs(page);
  selectTab(early.lab);
  showView(early.view);
  $('view-toggle').addEventListener('click', () => {
    const pressed = $('view-toggle').getAttribute('aria-pressed') === 'true';
    page.set({ view: pressed ? 'normal' : 'projector' });
  });

  let lab;
  try {
    const { createLab } = await import('./engine/engine.js');
    lab = await createLab();
  } catch (error) {
    showLoadError(error);
    return;
  }
  useSchema(lab);
  const { state, notes } = parseHash(window.location.hash);
  const store = new StateStore({ ...state, ...early });
  page.set = (changes) => store.set(changes);
  showNotes(notes);
  $('engine-status').textContent = 'Engine ready (WebAssembly)';
  $('engine-status').classList.add('ready');

  // The Step-through lab is built at once; the others (and Chart.js) on their first visit.
  const { FRESH_RUN, createStepLab } = await import('./step/step-lab.js');
  const { loadChartJs } = await import('./ui/chart-loader.js');
  const labs = { step: createStepLab($('step-lab'), { lab, store }) };
  const creators = {
    gradient: async () => {
      await loadChartJs();
      const { createGradientLab } = await import('./gradient/gradient-lab.js');
      return createGradientLab($('gradient-lab'), { lab, store });
    },
    train: async () => {
      await loadChartJs();
      const { createTrainLab } = await import('./train/train-lab.js');
      return createTrainLab($('train-lab'), {
        lab,
        store,
        // the network travels in the link ({hnet, hw, hx, hy}) unless `link.error` says why it cannot
        openInStepLab: (preset, link) => {
          labs.step.loadExternal(preset, link.error ?? null);
          const carried = link.error ? { hnet: null, hw: null, hx: null, hy: null } : link;
          store.set({ lab: 'step', preset: 'train', ...FRESH_RUN, lr: null, ...carried });
        },
      });
    },
  };
  creators.check = async () => {
    const { createCheckLab } = await import('./check/check-lab.js');
    return createCheckLab($('check-lab'), { lab, store });
  };
  const building = {};
  /** The lab called `name`, built on first use. */
  const labFor = (name) => {
    if (labs[name]) return Promise.resolve(labs[name]);
    building[name] ??= creators[name]().then((built) => { labs[name] = built; return built; });
    return building[name];
  };
  const show = async (current) => {
    selectTab(current.lab);
    try {
      const shown = await labFor(current.lab);
      if (store.state.lab === current.lab) await shown.show(store.state);
    } catch (error) {
      showLoadError(error);
    }
  };
  // a lab's show(state) takes the whole state: a link may change the lab and its settings at once
  store.subscribe((current, changes) => {
    if ('view' in changes) showView(current.view);
    if ('lab' in changes) show(current);
    else if (Object.keys(changes).some((key) => key !== 'view')) labs[current.lab]?.update?.(current, changes);
  });
  await show(store.state);

  // a link pasted into this tab, or the back and forward buttons: the page follows without a reload
  window.addEventListener('hashchange', () => {
    const { state, notes } = parseHash(window.location.hash);
    showNotes(notes);
    const changes = changedProperties(store.state, state);
    if (Object.keys(changes).length) store.set(changes);
    else window.history.replaceState(null, '', toHash(store.state));
  });

  document.addEventListener('keydown', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.closest('input, select, textarea, [role="tab"]')) return;
    labs[store.state.lab]?.onKey?.(event);
  });
  document.body.dataset.ready = 'true';
}

main();
