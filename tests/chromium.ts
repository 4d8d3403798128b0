// Debian's Chromium, never a downloaded one (downloads fail on these machines). Flags from ../shared/TOOLING.md:
// SwiftShader gives WebGL2 headless; the networking flags stop Chromium calling home on a closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
