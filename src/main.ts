import { mount } from 'svelte';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Forecast Lab: #app element missing from index.html');
target.textContent = '';
mount(App, { target });
