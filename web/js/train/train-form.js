// The Train lab's configuration form: dataset, split, architecture editor with the live parameter
// count, and training settings. Every field writes one URL-state property; a value that is not
// allowed is refused next to its field with what is allowed, and the state keeps its last value.
import { parseProperty, propertiesOf } from '../state.js';
import { coefficientsOf, inRange, isFullBatch, optimizers, schemaRow } from '../schema.js';
import { COEFFICIENT_PROPERTIES, OUTPUTS, TASKS, countParameters, formatArchitecture, hiddenActivations, outputUnits, recipeOf, runConfig, taskKind } from './train-config.js';
import { classList, classesText, parseClassesField } from './train-classes.js';

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Parses a field's text for `name` with the URL-state table's rule; returns {value} or {error}. Empty text means "the recipe's value". */
export function parseField(name, text, label) {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const parsed = parseProperty(name, trimmed);
  return 'error' in parsed ? { error: `${label} must be ${parsed.error}; "${trimmed.slice(0, 20)}" is not allowed` } : parsed;
}

/** [name, label] pairs of a schema choice row, in the core's order. */
const choicePairs = (section, path) => schemaRow(section, path).choices.map((c) => [c.name, c.label]);
/** What the scale field means for a scheme: its label and the rule, shown beside it. */
function initScale(scheme) {
  const choice = schemaRow('spec', 'init.scheme').choices.find((c) => c.name === scheme);
  const label = choice.parameter ? choice.parameter[0].toUpperCase() + choice.parameter.slice(1) : 'Init scale (unused)';
  return { label, rule: choice.description };
}

/**
 * Builds the form in `root`. `catalog` lists the datasets; `onCsv(file)` handles an upload and
 * `onCsvOptions()` a new choice of a CSV's task or columns (csvOptions() reads them);
 * `classNames()` gives all the classes of the dataset shown (null for regression), to choose from.
 * Returns {render(state, info), foldCards(keys), setSplit(parts), setCsvError(message),
 * setCsvStatus(message), csvOptions(), setClassesError(message)}.
 */
export function createTrainForm(root, { store, catalog, onCsv, onCsvOptions, initDistributions, classNames }) {
  const numberField = (name, label, hint = '') => `
    <label class="field" for="f-${name}"><span>${label}</span>
      <input id="f-${name}" data-prop="${name}" type="text" inputmode="decimal" autocomplete="off" aria-describedby="f-${name}-error">
      ${hint ? `<small>${hint}</small>` : ''}
    </label>
    <p class="field-error" id="f-${name}-error" role="alert"></p>`;
  const select = (id, label, options, prop = '') => `
    <label class="field" for="${id}"><span>${label}</span>
      <select id="${id}" ${prop ? `data-prop="${prop}"` : ''}>${options.map(([v, t]) => `<option value="${v}">${escape(t)}</option>`).join('')}</select>
    </label>`;
  // a choice whose texts are long is a group of radio buttons: every text wraps and reads in full
  const choices = (id, legend, options, prop, described = '') => `
    <fieldset class="field choices" id="${id}" data-prop="${prop}"${described ? ` aria-describedby="${described}"` : ''}><legend>${legend}</legend>
      ${options.map(([v, t]) => `<label class="choice"><input type="radio" name="${id}" value="${v}"> <span>${escape(t)}</span></label>`).join('')}
    </fieldset>`;
  // a card that folds to its title and a one-line digest of its settings
  const card = (key, title, body) => `
    <section class="card form-card" aria-labelledby="f-${key}-title">
      <h2 class="card-title fold-title"><button type="button" class="fold" id="f-${key}-title" aria-expanded="true" aria-controls="f-${key}-body">${title}</button>
        <span class="fold-digest" id="f-${key}-digest"></span></h2>
      <div class="fold-body" id="f-${key}-body">${body}</div>
    </section>`;

  const groups = [['Generated, 2-D and regression', catalog.filter((d) => d.kind === 'generator')], ['Real data (bundled)', catalog.filter((d) => d.kind === 'bundled')]];
  root.innerHTML = `
    ${card('data', '1 · Data', `
      <label class="field" for="f-tdata"><span>Dataset</span>
        <select id="f-tdata" data-prop="tdata">${groups.map(([label, items]) => `<optgroup label="${label}">${items.map((d) => `<option value="${d.name}">${d.name.replace('_', ' ')}</option>`).join('')}</optgroup>`).join('')}<optgroup label="Your own"><option value="csv">uploaded CSV</option></optgroup></select>
      </label>
      <p class="dataset-description" id="f-description"></p>
      ${select('f-ttask', 'Task', [['', 'the dataset\'s own'], ...Object.entries(TASKS)], 'ttask')}
      <p class="init-note" id="f-task-note" data-testid="task-note"></p>
      <p class="split-note" id="f-split" data-testid="split-note"></p>
      <div class="field-row" id="f-generator">
        ${numberField('tn', 'Samples')}
        ${numberField('tnoise', 'Noise')}
        ${numberField('tclasses', 'Classes')}
        ${numberField('tdseed', 'Data seed')}
        ${numberField('tlam', 'λ of the optimum', 'ridge λ of w*')}
      </div>
      <div class="classes-choice" id="f-classes">
        <label class="field" for="f-tcls"><span>Classes to keep</span>
          <input id="f-tcls" type="text" autocomplete="off" placeholder="all" aria-describedby="f-tcls-error f-tcls-note">
          <small>numbers or names, in the order they are numbered</small>
        </label>
        <p class="field-error" id="f-tcls-error" role="alert"></p>
        <p class="init-note" id="f-tcls-note" data-testid="classes-note"></p>
      </div>
      <div class="csv-upload">
        <div class="field-row">
          ${select('f-csv-task', 'A CSV\'s task', [['classification', 'classification'], ['regression', 'regression']])}
          <label class="field" for="f-csv-columns"><span>Label or target columns</span>
            <input id="f-csv-columns" type="text" autocomplete="off" placeholder="the last column" aria-describedby="f-csv-error">
            <small>numbers or header names; several (regression), separated by commas</small></label>
        </div>
        <label class="field" for="f-csv"><span>Upload a CSV (a header row, numeric features; the label or targets as chosen above)</span>
          <input id="f-csv" type="file" accept=".csv,text/csv" aria-describedby="f-csv-error"></label>
        <p class="split-note" id="f-csv-status" aria-live="polite" data-testid="csv-status"></p>
        <p class="field-error" id="f-csv-error" role="alert" data-testid="csv-error"></p>
      </div>
      <div class="field-row">
        ${numberField('tval', 'Validation fraction')}
        ${numberField('ttest', 'Test fraction')}
      </div>
      ${select('f-tscale', 'Scaling', choicePairs('data', 'scaling'), 'tscale')}`)}

    ${card('arch', '2 · Architecture', `
      <ol class="layer-list" id="f-layers" aria-label="Hidden layers"></ol>
      <div class="button-row">
        <button type="button" id="f-add-dense">+ Dense layer</button>
        <button type="button" id="f-add-residual">+ Residual block</button>
      </div>
      ${select('f-tout', 'Output layer and loss', Object.entries(OUTPUTS).map(([k, o]) => [k, o.label]), 'tout')}
      ${select('f-tbias', 'Biases b of the dense layers', [['on', 'on: z = W a + b'], ['off', 'none: z = W a (seed 000 §1.2)']], 'tbias')}
      <p class="param-count" data-testid="param-count" id="f-params" aria-live="polite"></p>
      <details class="param-detail"><summary>How the count is made</summary><ul id="f-params-detail"></ul></details>
      ${numberField('tbudget', 'Parameter budget (optional)', 'warns when the network is larger')}
      <p class="budget-warning" id="f-budget-warning" role="status" hidden></p>`)}

    ${card('settings', '3 · Training settings', `
      <div class="field-row pair">
        ${select('f-tinit', 'Initialisation', choicePairs('spec', 'init.scheme'), 'tinit')}
        ${numberField('tiscale', 'Init scale')}
      </div>
      <p class="init-note" id="f-init-note" data-testid="init-note" aria-live="polite"></p>
      ${select('f-topt', 'Optimizer', optimizers().map((o) => [o.name, o.label]), 'topt')}
      <div id="f-coefficients" class="field-row">
        ${numberField('tmom', 'Momentum')}${numberField('trho', 'ρ (decay)')}${numberField('tbeta1', 'β₁')}${numberField('tbeta2', 'β₂')}${numberField('tmem', 'Memory m (pairs kept)')}
      </div>
      <p class="init-note" id="f-opt-note" data-testid="optimizer-note"></p>
      <div class="field-row">
        ${numberField('tlr', 'Learning rate η')}
        ${numberField('tbs', 'Batch size')}
        ${numberField('tep', 'Epochs')}
        ${numberField('tl2', 'L2 λ')}
      </div>
      <div class="field-row">
        ${numberField('tsfac', 'LR × factor', 'step schedule')}
        ${numberField('tsevery', 'every k epochs')}
        ${numberField('tseed', 'Seed', 'init, split, shuffle')}
      </div>
      ${choices('f-tstop', 'Early stopping', [['off', 'off: train every epoch'], ...choicePairs('settings', 'early_stopping.metric')], 'tstop', 'f-stop-note')}
      <div class="field-row">
        ${numberField('tpat', 'Patience (epochs)')}
        ${numberField('tmind', 'Minimum change Δ')}
      </div>
      <p class="init-note" id="f-stop-note" data-testid="stop-note"></p>
      ${choices('f-tmetrics', 'Training loss and accuracy per epoch', choicePairs('settings', 'epoch_metrics'), 'tmetrics')}
      <button type="button" id="f-recipe">Back to this dataset's recipe</button>`)}`;
  const $ = (id) => root.querySelector(`#${id}`);
  let current = store.state;
  let currentInfo = null;

  // numbers: validate on change, write the state or show what is allowed
  for (const input of root.querySelectorAll('input[data-prop]')) {
    input.addEventListener('change', () => {
      const name = input.dataset.prop;
      const label = input.closest('label').querySelector('span').textContent;
      const parsed = parseField(name, input.value, label);
      const error = $(`f-${name}-error`);
      if (parsed.error) {
        input.setAttribute('aria-invalid', 'true');
        error.textContent = parsed.error;
        return;
      }
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      store.set({ [name]: parsed.value });
    });
  }
  for (const element of root.querySelectorAll('select[data-prop]')) {
    element.addEventListener('change', () => {
      if (element.dataset.prop === 'tdata') {
        if (element.value === 'csv') {
          element.value = current.tdata;
          $('f-csv').click();
          return;
        }
        store.set(resetToRecipe({ tdata: element.value }));
        return;
      }
      // a task has its own recipe (an autoencoder's layers and output); the classes chosen stay
      if (element.dataset.prop === 'ttask') {
        store.set(resetToRecipe({ ttask: element.value || null, tcls: current.tcls }));
        return;
      }
      // a scale chosen for one scheme means something else for another (σ, a limit, a gain): a new
      // scheme starts from its default instead of silently multiplying He or Xavier
      if (element.dataset.prop === 'tinit') store.set({ tinit: element.value, tiscale: null });
      else store.set({ [element.dataset.prop]: element.value });
    });
  }
  for (const group of root.querySelectorAll('fieldset[data-prop]')) {
    group.addEventListener('change', (event) => store.set({ [group.dataset.prop]: /** @type {HTMLInputElement} */ (event.target).value }));
  }
  /** Checks the radio button of `value` in the group `id`. */
  const setChoice = (id, value) => {
    for (const input of root.querySelectorAll(`#${id} input`)) /** @type {HTMLInputElement} */ (input).checked = input.value === value;
  };
  // a card's title folds and unfolds it
  for (const button of root.querySelectorAll('button.fold')) button.addEventListener('click', () => fold(button, button.getAttribute('aria-expanded') === 'true'));
  function fold(button, folded) {
    button.setAttribute('aria-expanded', String(!folded));
    $(button.getAttribute('aria-controls')).hidden = folded;
  }
  $('f-csv').addEventListener('change', () => {
    const file = $('f-csv').files[0];
    if (file) onCsv(file);
    $('f-csv').value = '';
  });
  // a CSV read already is parsed again with the new choice
  for (const id of ['f-csv-task', 'f-csv-columns']) $(id).addEventListener('change', () => onCsvOptions());
  $('f-recipe').addEventListener('click', () => store.set(resetToRecipe({})));
  // the classes kept: numbers or names, written to the link as numbers
  $('f-tcls').addEventListener('change', () => {
    const input = /** @type {HTMLInputElement} */ ($('f-tcls'));
    const parsed = parseClassesField(input.value, classNames() ?? []);
    if (parsed.error) {
      input.setAttribute('aria-invalid', 'true');
      $('f-tcls-error').textContent = parsed.error;
      return;
    }
    input.removeAttribute('aria-invalid');
    $('f-tcls-error').textContent = '';
    store.set({ tcls: parsed.value });
  });

  // the architecture editor writes tarch
  const layersNow = () => runConfig(current).layers;
  const writeLayers = (layers) => store.set({ tarch: formatArchitecture(layers) });
  $('f-add-dense').addEventListener('click', () => {
    const layers = layersNow();
    const last = layers.findLast((l) => l.type === 'dense');
    writeLayers([...layers, { type: 'dense', units: last?.units ?? 8, activation: last?.activation ?? 'tanh' }]);
  });
  $('f-add-residual').addEventListener('click', () => {
    const layers = layersNow();
    writeLayers([...layers, { type: 'residual', units: null, activation: layers.at(-1)?.activation ?? 'tanh' }]);
  });

  function renderLayers(config) {
    const list = $('f-layers');
    list.replaceChildren();
    if (!config.layers.length) {
      const empty = document.createElement('li');
      empty.className = 'layer empty';
      empty.textContent = 'No hidden layers: the inputs go straight to the output layer.';
      list.append(empty);
    }
    config.layers.forEach((layer, i) => {
      const item = document.createElement('li');
      item.className = `layer ${layer.type}`;
      const name = `Hidden layer ${i + 1}`;
      const units = layer.type === 'dense'
        ? `<label>units <input type="text" inputmode="numeric" value="${layer.units}" data-units aria-label="${name} units"></label>`
        : '<span class="residual-note" title="x + W₂ f(W₁ x + b₁): keeps the width">same width</span>';
      item.innerHTML = `<span class="layer-kind">${layer.type === 'dense' ? 'Dense' : 'Residual'}</span>${units}
        <label>activation <select data-activation aria-label="${name} activation">${hiddenActivations().map((a) => `<option${a === layer.activation ? ' selected' : ''}>${a}</option>`).join('')}</select></label>
        <button type="button" class="icon" data-remove aria-label="Remove ${name.toLowerCase()}" title="Remove">✕</button>
        <p class="field-error" role="alert"></p>`;
      const update = (change) => {
        const layers = layersNow();
        layers[i] = { ...layers[i], ...change };
        writeLayers(layers);
      };
      item.querySelector('[data-units]')?.addEventListener('change', (event) => {
        const input = /** @type {HTMLInputElement} */ (event.target);
        const value = Number(input.value);
        const units = schemaRow('spec', 'layers.units');
        if (!inRange(units, value)) {
          input.setAttribute('aria-invalid', 'true');
          item.querySelector('.field-error').textContent = `units of ${name.toLowerCase()} must be ${units.allowed}; "${input.value.slice(0, 20)}" is not allowed`;
          return;
        }
        update({ units: value });
      });
      item.querySelector('[data-activation]').addEventListener('change', (event) => update({ activation: /** @type {HTMLSelectElement} */ (event.target).value }));
      item.querySelector('[data-remove]').addEventListener('click', () => writeLayers(layersNow().filter((_, j) => j !== i)));
      list.append(item);
    });
  }

  /** The scheme's rule and, for the fan-based ones, each layer's actual σ or limit (from the core). */
  function renderInitNote(config, scheme, info) {
    let perLayer = '';
    if (info && (scheme === 'xavier' || scheme === 'he')) {
      try {
        const blocks = initDistributions(config.spec(info.features, outputUnits(info, config.output)));
        // blocks of the same shape and value read as one group: "W1, W2 of layers 2–10 (10→10): σ = 0.447"
        const groups = [];
        for (const b of blocks) {
          const value = `${b.kind === 'uniform' ? '±' : 'σ = '}${Number(b.parameter.toPrecision(3))}`;
          const last = groups.at(-1);
          if (last && last.value === value && last.shape === `${b.cols}→${b.rows}`) {
            last.layers.add(b.layer);
            last.blocks.add(b.block);
          } else {
            groups.push({ value, shape: `${b.cols}→${b.rows}`, layers: new Set([b.layer]), blocks: new Set([b.block]) });
          }
        }
        const text = (g) => {
          const layers = [...g.layers];
          const where = layers.length === 1 ? `layer ${layers[0]}` : `layers ${layers[0]}–${layers.at(-1)}`;
          return `${[...g.blocks].join(', ')} of ${where} (${g.shape}): ${g.value}`;
        };
        perLayer = ` Here: ${groups.map(text).join('; ')}.`;
      } catch {
        perLayer = '';
      }
    }
    $('f-init-note').textContent = `${initScale(scheme).rule}${perLayer}`;
  }

  /** The one-line digest beside each card's title, shown while the card is folded. */
  function renderDigests(config) {
    const chosen = (id) => /** @type {HTMLSelectElement} */ ($(id)).selectedOptions[0]?.text ?? '';
    const count = $('f-params').dataset.count;
    const layers = config.layers.map((l) => (l.type === 'dense' ? `${l.units} ${l.activation}` : `residual ${l.activation}`));
    const s = config.settings;
    const names = classNames();
    $('f-data-digest').textContent = `${chosen('f-tdata')}${current.tcls ? ` · ${classesText(current.tcls, names)}` : ''}`;
    $('f-arch-digest').textContent = `${[...layers, chosen('f-tout')].join(' → ')}${count ? ` · ${Number(count).toLocaleString('en-US')} parameters` : ''}`;
    $('f-settings-digest').textContent = isFullBatch(s.optimizer.name)
      ? `${chosen('f-topt')}, m = ${s.optimizer.memory ?? schemaRow('settings', 'optimizer.memory').default}, ${s.epochs} epochs`
      : `${chosen('f-topt')}, η = ${s.learning_rate}, batch ${s.batch_size}, ${s.epochs} epochs`;
  }

  /** The classes field: the names chosen, every class with its number, and how the kept ones are renumbered. */
  function renderClasses(state) {
    const names = classNames();
    const input = /** @type {HTMLInputElement} */ ($('f-tcls'));
    $('f-classes').hidden = !names || names.length < 3;
    if (!names) return;
    if (document.activeElement !== input && input.getAttribute('aria-invalid') !== 'true') input.value = classesText(state.tcls, names);
    const list = classList(state.tcls);
    const all = names.map((n, k) => `${k} ${n}`).join(' · ');
    $('f-tcls-note').textContent = list
      ? `Training on ${list.length} of the ${names.length} classes, numbered again: ${list.map((k, i) => `${names[k] ?? k} → ${i}`).join(', ')}. All classes: ${all}.`
      : `All ${names.length} classes: ${all}. Type two or more (for example "${names[Math.min(6, names.length - 1)]}, ${names[Math.min(5, names.length - 2)]}") to train on those only.`;
  }

  function renderParameters(config, info) {
    if (!info) return;
    const spec = config.spec(info.features, outputUnits(info, config.output));
    const { total, perLayer } = countParameters(spec);
    $('f-params').innerHTML = `<strong>${total.toLocaleString('en-US')}</strong> parameters (weights and biases)`;
    $('f-params').dataset.count = String(total);
    $('f-params-detail').innerHTML = perLayer.map((l) => `<li>${escape(l.label)}: ${escape(l.formula)} = ${l.count.toLocaleString('en-US')}</li>`).join('');
    const budget = current.tbudget;
    const warning = $('f-budget-warning');
    warning.hidden = !(budget && total > budget);
    warning.textContent = budget && total > budget
      ? `Over budget: ${total.toLocaleString('en-US')} parameters is ${(total - budget).toLocaleString('en-US')} more than the budget of ${budget.toLocaleString('en-US')}.`
      : '';
  }

  return {
    /** Shows `state`; `info` (the dataset's info, or null while it loads) enables counts and task-specific choices. */
    render(state, info) {
      current = state;
      currentInfo = info ?? currentInfo;
      const config = runConfig(state);
      const recipe = recipeOf(state);
      const entry = catalog.find((d) => d.name === state.tdata);
      $('f-tdata').value = state.tdata;
      const own = state.tdata === 'csv' ? currentInfo : null;
      $('f-description').textContent = own ? `Your own data, ${own.name}: ${own.samples} samples, ${own.features} features, ${own.reconstruct ? 'reconstructed' : own.task}.` : entry?.description ?? '';
      $('f-tdata').querySelector('option[value="csv"]').textContent = own ? own.name : 'uploaded CSV';
      const generator = entry?.generator;
      $('f-generator').hidden = !generator;
      const shown = {
        tn: state.tn ?? generator?.page_samples,
        tnoise: state.tnoise ?? generator?.default_noise,
        tclasses: state.tclasses ?? generator?.classes?.default,
        tdseed: state.tdseed ?? 1,
        tlam: state.tlam ?? generator?.default_lambda ?? '',
        tval: config.split.validation,
        ttest: config.split.test,
        tiscale: state.tiscale ?? recipe.initScale,
        tmom: state.tmom ?? 0.9,
        trho: state.trho ?? 0.9,
        tbeta1: state.tbeta1 ?? 0.9,
        tbeta2: state.tbeta2 ?? 0.999,
        tmem: state.tmem ?? schemaRow('settings', 'optimizer.memory').default,
        tlr: config.settings.learning_rate,
        tbs: config.settings.batch_size,
        tep: config.settings.epochs,
        tl2: state.tl2 ?? recipe.l2,
        tsfac: config.settings.lr_schedule.type === 'step' ? config.settings.lr_schedule.factor : '',
        tsevery: config.settings.lr_schedule.type === 'step' ? config.settings.lr_schedule.every : '',
        tpat: config.settings.early_stopping.enabled === false ? '' : config.settings.early_stopping.patience,
        tmind: config.settings.early_stopping.enabled === false ? '' : config.settings.early_stopping.min_delta,
        tseed: config.settings.seed,
        tbudget: state.tbudget ?? '',
      };
      for (const [name, value] of Object.entries(shown)) {
        const input = $(`f-${name}`);
        if (document.activeElement !== input && input.getAttribute('aria-invalid') !== 'true') input.value = value ?? '';
      }
      renderClasses(state);
      const classes = generator?.classes;
      $('f-tclasses').disabled = !classes || classes.min === classes.max;
      $('f-tclasses').closest('label').hidden = !classes || classes.min === classes.max;
      $('f-tlam').closest('label').hidden = generator?.default_lambda === undefined;
      $('f-tbias').value = config.bias ? 'on' : 'off';
      setChoice('f-tstop', config.stop);
      for (const name of ['tpat', 'tmind']) $(`f-${name}`).closest('label').hidden = config.stop === 'off';
      $('f-stop-note').textContent = stopNote(config);
      $('f-tmind').closest('label').querySelector('span').textContent = config.stop === 'train_loss_change' ? 'ΔJ (stop below this change)' : 'Minimum improvement Δ';
      const scheme = state.tinit ?? recipe.init;
      $('f-tiscale').closest('label').querySelector('span').textContent = initScale(scheme).label;
      $('f-tiscale').disabled = scheme === 'zeros';
      $('f-tscale').value = config.scaling;
      $('f-ttask').value = state.ttask ?? '';
      $('f-task-note').textContent = config.reconstruct
        ? 'An autoencoder: the network learns to give back its input. The targets are the inputs as it sees them (after scaling), the loss is the mean squared error, and its last layer has one unit per feature. A narrow middle layer makes it compress the data.'
        : '';
      setChoice('f-tmetrics', config.settings.epoch_metrics);
      $('f-tinit').value = state.tinit ?? recipe.init;
      $('f-topt').value = config.settings.optimizer.name;
      // a coefficient's field shows when the chosen optimizer's rule uses it
      const used = coefficientsOf(config.settings.optimizer.name).map((c) => c.key);
      for (const [name, key] of Object.entries(COEFFICIENT_PROPERTIES)) {
        $(`f-${name}`).closest('label').hidden = !used.includes(key);
        $(`f-${name}-error`).hidden = !used.includes(key);
      }
      // the rule of the optimizer chosen, in the core's words; a full-batch one (lbfgs) ignores η and the batch size
      const chosenOptimizer = optimizers().find((o) => o.name === config.settings.optimizer.name);
      const fullBatch = isFullBatch(config.settings.optimizer.name);
      $('f-opt-note').textContent = chosenOptimizer ? `${chosenOptimizer.label}: ${chosenOptimizer.description}.` : '';
      for (const name of ['tlr', 'tbs']) $(`f-${name}`).disabled = fullBatch;
      const task = currentInfo ? taskKind(currentInfo) : null;
      for (const option of $('f-tout').options) option.disabled = Boolean(task) && !OUTPUTS[option.value].tasks.includes(task);
      $('f-tout').value = config.output;
      renderLayers(config);
      renderParameters(config, currentInfo);
      renderInitNote(config, scheme, currentInfo);
      renderDigests(config);
    },
    /** Folds the cards named in `keys` ('data', 'arch', 'settings') to their titles and digests. */
    foldCards(keys) {
      for (const key of keys) fold($(`f-${key}-title`), true);
    },
    /** The split in use, from the worker's ready message: {train, validation, test} sample counts. */
    setSplit(parts) {
      const n = (k) => parts[k].toLocaleString('en-US');
      $('f-split').textContent = parts ? `Split in use: ${n('train')} training, ${n('validation')} validation, ${n('test')} test samples.` : '';
    },
    setCsvError(message) { $('f-csv-error').textContent = message; },
    /** How a CSV is read: {task, label_column} (label_column left out for the last column). */
    csvOptions() {
      const columns = /** @type {HTMLInputElement} */ ($('f-csv-columns')).value.trim();
      const task = /** @type {HTMLSelectElement} */ ($('f-csv-task')).value;
      return columns ? { task, label_column: columns } : { task };
    },
    setCsvStatus(message) { $('f-csv-status').textContent = message; },
    /** The core's refusal of the link's classes (or '' to clear it), shown beside the field. */
    setClassesError(message) {
      $('f-tcls-error').textContent = message;
      if (message) $('f-tcls').setAttribute('aria-invalid', 'true');
    },
  };
}

/** The changes that bring every recipe-backed setting back to the dataset's recipe. */
export function resetToRecipe(changes) {
  const cleared = {};
  // the Train lab's run settings only: never another lab's (the Step-through lab's edited target)
  // the dataset and the task stay: a recipe is the dataset's for that task
  for (const p of propertiesOf('train')) if (p.name !== 'tdata' && p.name !== 'ttask' && !p.view) cleared[p.name] = null;
  return { ...cleared, ...changes };
}

/** What the chosen early-stopping rule does, in a sentence. */
function stopNote(config) {
  const es = config.settings.early_stopping;
  if (es.enabled === false) return '';
  if (es.metric === 'train_loss_change') {
    return `Stops once |J_t − J_{t−1}| < ΔJ = ${es.min_delta} between epochs${es.patience > 1 ? ` for ${es.patience} epochs in a row` : ''}, J the training loss (seed 002); the final weights are kept.`;
  }
  const what = es.metric === 'val_loss' ? 'validation loss has not fallen' : 'validation accuracy (or R²) has not risen';
  return `Stops when the ${what} by more than Δ = ${es.min_delta} for ${es.patience} epochs; the weights of the best epoch are put back. Needs a validation fraction above 0.`;
}
