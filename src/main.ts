import { mount } from 'svelte';
import App from './ui/App.svelte';
import { AppErrors } from './state/app-errors.svelte';
import './ui/theme.css';

const errors = new AppErrors();
window.addEventListener('error', (event) => errors.report(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => errors.report(event.reason));

const target = document.getElementById('app');
if (!target) throw new Error('Forecast Lab: #app element missing from index.html');
// The notebook mounts in a task of its own, after this module's: the parser's end lays out the page inside the task
// that ran the module, and laying out an empty page there costs nothing; the mounted notebook's first layout then
// comes in the next frame's own step. Together they took ~200 ms in one task.
setTimeout(() => start(target), 0);

function start(target: HTMLElement) {
  target.textContent = '';
  try {
    mount(App, { target, props: { errors } });
  } catch (error) {
    // Never a blank page: if the app itself cannot start, say so in plain HTML. Styled through the CSSOM, since the
    // page's policy (index.html) refuses style attributes in markup.
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.style.font = '16px system-ui';
    alert.style.padding = '2rem';
    alert.textContent = `Forecast Lab could not start: ${String(error)}. Your stored data is untouched.`;
    target.replaceChildren(alert);
  }
}
