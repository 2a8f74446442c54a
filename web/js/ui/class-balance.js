// How many examples each class has: one horizontal bar per class (HTML and CSS, in the class's
// colour) with the count and its percentage of the total, readable by screen readers as a list.
import { classColor } from './palette.js';

/**
 * Replaces the content of `container` with the class balance.
 *   classNames: names of the classes (default '0', '1', …)
 *   counts: how many examples each class has
 *   caption: a title above the bars (default 'Examples per class')
 * Bars are scaled to the largest count; percentages are of the total, with one decimal.
 * Each row is an <li data-class="i"> whose text reads "name: count (percentage)".
 */
export function renderClassBalance(container, { classNames, counts, caption = 'Examples per class' }) {
  const values = Array.from(counts, (v) => (Number.isFinite(Number(v)) ? Number(v) : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const largest = Math.max(0, ...values);

  const figure = document.createElement('figure');
  figure.className = 'class-balance';
  const title = document.createElement('figcaption');
  title.textContent = caption;
  const totalText = document.createElement('span');
  totalText.className = 'class-balance-total';
  totalText.textContent = `${total.toLocaleString('en-US')} in all`;
  title.append(' ', totalText);

  const list = document.createElement('ul');
  values.forEach((count, i) => {
    const share = total > 0 ? count / total : 0;
    const item = document.createElement('li');
    item.dataset.class = String(i);
    const name = document.createElement('span');
    name.className = 'class-balance-name';
    name.textContent = String(classNames?.[i] ?? i);
    const track = document.createElement('span');
    track.className = 'class-balance-track';
    track.setAttribute('aria-hidden', 'true');
    const bar = document.createElement('span');
    bar.className = 'class-balance-bar';
    bar.style.width = `${largest > 0 ? (100 * count) / largest : 0}%`;
    bar.style.backgroundColor = classColor(i);
    track.append(bar);
    const numbers = document.createElement('span');
    numbers.className = 'class-balance-numbers';
    const separator = document.createElement('span');
    separator.className = 'visually-hidden';
    separator.textContent = ': ';
    const percentText = document.createElement('span');
    percentText.className = 'class-balance-percent';
    percentText.textContent = `${(100 * share).toFixed(1)}%`;
    numbers.append(`${count} (`, percentText, ')');
    item.append(name, separator, track, numbers);
    list.append(item);
  });
  figure.append(title, list);
  container.replaceChildren(figure);
}
