// User-facing texts for the installed, offline app: the web app manifest and the update prompt.

/** The web app manifest's words: what an install dialog, a launcher and the task switcher show. */
export const appManifestTexts = {
  name: 'Forecast Lab',
  shortName: 'Forecast Lab',
  description: 'An in-browser notebook for the whole machine-learning lifecycle of product-sales forecasting. Works offline once opened.',
} as const;

export const updatePromptTexts = {
  /** A newer version has been downloaded; the page keeps running the old one until the reader agrees. */
  newVersion: 'A new version of Forecast Lab is ready.',
  reload: 'Reload',
  later: 'Later',
  /** Every file the app needs is stored in this browser: it opens and runs without a network from now on. */
  offlineReady: 'Ready to work offline: Forecast Lab is stored in this browser.',
  dismiss: 'OK',
} as const;

/** Shown in the console only: the app works as before online, it just cannot be opened without a network. */
export const serviceWorkerFailed = (detail: string): string =>
  `Forecast Lab could not be stored for offline use (${detail}); it keeps working while online.`;
