// Page entry: loads the engine and shows the seed 001 forward pass it computes. A failure to load
// the module is shown on the page, never only in the console.
import { SEED001_EXAMPLE } from './presets.js';

const $ = (id) => document.getElementById(id);

function showLoadError(error) {
  $('engine-status').textContent = 'Engine unavailable';
  $('engine-status').classList.add('failed');
  $('load-error-detail').textContent = ` (${error.message ?? error})`;
  $('load-error').hidden = false;
  $('seed001-output').textContent = '—';
}

function formatRow(values) {
  return values.map((v) => Number(v).toFixed(4)).join(', ');
}

async function main() {
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

  const net = lab.network(SEED001_EXAMPLE.spec);
  try {
    net.setParameters(SEED001_EXAMPLE.parameters);
    const [output] = net.forward(SEED001_EXAMPLE.input, 1);
    $('seed001-output').textContent = output.toFixed(4);
    $('seed001-note').textContent = `rounded to two decimals: ${output.toFixed(2)}`;
    const p = net.getParameters();
    const rows = [
      ['W⁽¹⁾ (3×2)', [p.slice(0, 2), p.slice(2, 4), p.slice(4, 6)].map(formatRow).join(' ; ')],
      ['b⁽¹⁾', formatRow(p.slice(6, 9))],
      ['W⁽²⁾ (1×3)', formatRow(p.slice(9, 12))],
      ['b⁽²⁾', formatRow(p.slice(12, 13))],
    ];
    $('seed001-weights').replaceChildren(...rows.map(([name, values]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      const td = document.createElement('td');
      td.textContent = values;
      tr.append(th, td);
      return tr;
    }));
  } finally {
    net.dispose();
  }
}

main();
