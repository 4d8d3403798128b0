import { dayToIso } from '../core/days';
import { createRng, type Rng } from '../random/rng';

/**
 * The built-in example: daily unit sales of `products` products in `stores` shops, simulated from a seed, with
 * the ingredients a forecaster meets in real shop data. The true ingredients come back beside the rows (`truth`)
 * so tests, and the notebook's explanations, can check what an analysis recovers.
 *
 * For store s, product p and day t (t = 0 on `start`; dow = Date#getUTCDay, 0 = Sunday … 6 = Saturday;
 * doy = days since 1 January of that year):
 *
 *   λ[s,p,t]    = level[p] × scale[s] × trend[p](t) × weekly[dow] × yearly(doy) × holiday(t)
 *                 × (price[s,p,t] / basePrice[p]) ^ elasticity[p] × (promo[s,p,t] ? promoUplift : 1)
 *   level[p]    = baseLevel × exp(levelSpread · N)          scale[s] = exp(storeSpread · N)
 *   trend[p](t) = (1 + growth[p]) ^ (t / 365.25)            growth[p] ~ N(trendMean, trendSd)
 *   yearly(doy) = 1 + yearlyAmplitude · cos(2π (doy − yearlyPeakDay) / 365.25)
 *   holiday(t)  = holidayUplift on a holiday, holidayLeadUplift on the holidayLeadDays days before one, else 1
 *                 (the larger where both apply); the holidays are listed at holidaysOfYear; the `holiday` column flags them.
 *   elasticity  ~ N(elasticityMean, elasticitySd), clipped to [−3, −0.5]
 *   price       = the product's regular price (chain-wide: basePrice × U(0.9, 1.2), redrawn on a day with chance
 *                 priceChangeRate, prices end in 9 cents), times (1 − discount) on promo days. A promotion starts on
 *                 a store-product day with the chance that makes about `promoShare` of days promo days, lasts
 *                 3–7 days, and takes one discount from U(promoDiscount), rounded to 5 %. So a promo day sells
 *                 promoUplift × (1 − discount)^elasticity times a regular day: with the defaults 1.4 × 0.8^−1.5 ≈ 2.
 *   demand      = Poisson(λ · G), G ~ Gamma(dispersion, 1/dispersion): negative binomial, mean λ, var λ + λ²/dispersion
 *                 (dispersion = Infinity gives plain Poisson)
 *   sales       = min(demand, inventory), stockout = 1 where demand > inventory. Inventory is unlimited except in a
 *                 shortage (a failed delivery: starts with chance shortageRate, lasts 1–3 days), when it is
 *                 ⌊λ · U(0.2, 0.9)⌋. So sales on a stockout row are censored and always below λ.
 *
 * Replay: the same options give the same rows, bit for bit (no Date.now, no locale; V8's Math functions are fdlibm
 * ports, identical on every platform). Each store, product and store-product series draws from its own stream,
 * forked from the seed in an order that depends only on its own indices, and draws day by day: adding products or
 * stores, or days at the end, leaves the existing series' rows unchanged.
 */

/** Every knob of the simulation; the equations at the top of this file say what each one moves. */
export interface GenerateSalesOptions {
  /** Integer seed of the whole simulation. */
  seed: number;
  stores: number; products: number;
  /** First day, YYYY-MM-DD (UTC calendar). */
  start: string;
  days: number;
  /** Median units a product sells per store-day at its base price, before the calendar effects. */
  baseLevel: number;
  /** Log-scale spreads of product levels (around baseLevel) and of store scales (around 1). */
  levelSpread: number; storeSpread: number;
  /** Mean and spread over products of the yearly growth rate (0.04 = +4 % a year). */
  trendMean: number; trendSd: number;
  /** Seven multipliers, index 0 = Sunday … 6 = Saturday; mean 1, so they move no level. */
  weekly: readonly number[];
  yearlyAmplitude: number;
  /** Day of the year (0 = 1 January) of the yearly peak. */
  yearlyPeakDay: number;
  holidayUplift: number; holidayLeadUplift: number; holidayLeadDays: number;
  elasticityMean: number; elasticitySd: number;
  /** Chance per product-day that the regular price changes. */
  priceChangeRate: number;
  /** About this share of store-product days are promo days. */
  promoShare: number;
  /** Multiplier on demand on a promo day, on top of the discounted price's effect. */
  promoUplift: number;
  /** Range [min, max] of the promo discount off the regular price, as fractions. */
  promoDiscount: readonly [number, number];
  /** Chance per store-product day that a shortage (1–3 days of short inventory) starts. */
  shortageRate: number;
  /** Negative-binomial dispersion of the count noise; Infinity for Poisson. */
  dispersion: number;
}

export const DEFAULT_GENERATE_OPTIONS: Readonly<GenerateSalesOptions> = Object.freeze({
  seed: 42, stores: 5, products: 10, start: '2022-01-01', days: 3 * 365 + 1,
  baseLevel: 20, levelSpread: 0.6, storeSpread: 0.35, trendMean: 0.04, trendSd: 0.03,
  // Busy weekends with a Saturday peak, a quiet start of the week.
  weekly: Object.freeze([1.05, 0.85, 0.85, 0.9, 0.95, 1.15, 1.25]),
  // Peak on 15 July in a common year: a summer product (drinks, ice cream); December comes from the holidays.
  yearlyAmplitude: 0.15, yearlyPeakDay: 195,
  holidayUplift: 1.6, holidayLeadUplift: 1.25, holidayLeadDays: 2,
  elasticityMean: -1.5, elasticitySd: 0.25, priceChangeRate: 1 / 180,
  promoShare: 0.04, promoUplift: 1.4, promoDiscount: Object.freeze([0.1, 0.3]) as readonly [number, number],
  shortageRate: 0.015, dispersion: 10,
});

/** The rows, in column form, sorted by store, product, date (store and product by index). */
export interface SalesColumns {
  /** Whole days since 1970-01-01 UTC. */
  date: Int32Array;
  /** Indices into `storeIds` and `productIds`. */
  store: Int32Array;
  product: Int32Array;
  /** Units sold (censored by stockouts). */
  sales: Int32Array;
  /** Shelf price that day, a whole number of cents (÷ 100). */
  price: Float64Array;
  promo: Uint8Array;
  holiday: Uint8Array;
  stockout: Uint8Array;
}

/** `date` is YYYY-MM-DD, `day` the same as days since 1970-01-01 UTC. */
export type Holiday = { name: string; date: string; day: number };

/** The simulation's true ingredients (see the equations at the top of this file). */
export interface SalesTruth {
  weekly: number[];
  /** The weekday with the largest weekly multiplier, 0 = Sunday … 6 = Saturday. */
  peakWeekday: number;
  yearly: { amplitude: number; peakDay: number };
  /** The multipliers and the holidays that fall inside the generated dates, in date order. */
  holidays: { uplift: number; leadUplift: number; leadDays: number; dates: Holiday[] };
  promoUplift: number;
  dispersion: number;
  /** Per store: scale[s]. Per product: level[p], growth[p] (a year), elasticity[p], basePrice[p] (currency units). */
  storeScale: number[];
  level: number[]; growth: number[]; elasticity: number[]; basePrice: number[];
  /** Per row: λ, the expected demand before noise and censoring. */
  expectedDemand: Float64Array;
  /** Per row: the noisy demand before censoring (equals sales where stockout = 0). */
  demand: Int32Array;
}

export interface GeneratedSales {
  options: GenerateSalesOptions;
  /** 'S1', 'S2', … */
  storeIds: string[];
  /** 'P01', 'P02', … (zero-padded to at least two digits). */
  productIds: string[];
  rowCount: number;
  columns: SalesColumns;
  truth: SalesTruth;
}

const MS_PER_DAY = 86_400_000;
const PROMO_DAYS: readonly [number, number] = [3, 7];
const SHORTAGE_DAYS: readonly [number, number] = [1, 3];

export function generateSales(options: Partial<GenerateSalesOptions> = {}): GeneratedSales {
  const o: GenerateSalesOptions = { ...DEFAULT_GENERATE_OPTIONS, ...options };
  const startDay = parseDay(o.start);
  checkOptions(o, startDay);
  const { stores, products, days } = o;

  // 1. Streams: one per store, per product and per store-product series, each fixed by its own indices.
  const root = createRng(o.seed);
  const storeRoot = root.fork();
  const productRoot = root.fork();
  const seriesRngs = forkSeriesStreams(root.fork(), stores, products);

  // 2. Calendar: weekly × yearly × holiday, shared by every series.
  const calendar = new Float64Array(days);
  const holidayFlag = new Uint8Array(days);
  const holidays = holidayMultipliers(o, startDay, calendar, holidayFlag);
  for (let t = 0; t < days; t++) {
    const day = startDay + t;
    const doy = day - Date.UTC(new Date(day * MS_PER_DAY).getUTCFullYear(), 0, 1) / MS_PER_DAY;
    const yearly = 1 + o.yearlyAmplitude * Math.cos((2 * Math.PI * (doy - o.yearlyPeakDay)) / 365.25);
    calendar[t] = calendar[t]! * (o.weekly[weekdayOf(day)] ?? 1) * yearly;
  }

  // 3. Stores and products: scale; level, growth, elasticity, base price and the regular price path.
  const storeScale = Array.from({ length: stores }, () => Math.exp(o.storeSpread * storeRoot.fork().normal()));
  const [level, growth, elasticity, baseCents]: [number[], number[], number[], number[]] = [[], [], [], []];
  const [productDay, regularCents]: [Float64Array[], Int32Array[]] = [[], []];
  for (let p = 0; p < products; p++) {
    const rng = productRoot.fork();
    level.push(o.baseLevel * Math.exp(o.levelSpread * rng.normal()));
    growth.push(o.trendMean + o.trendSd * rng.normal());
    elasticity.push(Math.min(-0.5, Math.max(-3, o.elasticityMean + o.elasticitySd * rng.normal())));
    const base = toPriceCents(Math.exp(Math.log(1.5) + rng.next() * Math.log(25 / 1.5)));
    baseCents.push(base);
    const path = new Int32Array(days);
    const lt = new Float64Array(days);
    let regular = base;
    for (let t = 0; t < days; t++) {
      if (rng.next() < o.priceChangeRate) regular = toPriceCents((base / 100) * (0.9 + 0.3 * rng.next()));
      path[t] = regular;
      lt[t] = level[p]! * Math.pow(1 + growth[p]!, t / 365.25) * calendar[t]!;
    }
    regularCents.push(path);
    productDay.push(lt);
  }

  // 4. Series: promotions, λ, noisy demand, shortages and censoring, day by day.
  const n = stores * products * days;
  const columns: SalesColumns = {
    date: new Int32Array(n), store: new Int32Array(n), product: new Int32Array(n), sales: new Int32Array(n),
    price: new Float64Array(n), promo: new Uint8Array(n), holiday: new Uint8Array(n), stockout: new Uint8Array(n),
  };
  const [expectedDemand, demand] = [new Float64Array(n), new Int32Array(n)];
  const meanPromoDays = (PROMO_DAYS[0] + PROMO_DAYS[1]) / 2;
  const promoStart = o.promoShare / (meanPromoDays * (1 - o.promoShare));
  const [discountMin, discountMax] = o.promoDiscount;
  const negativeBinomial = Number.isFinite(o.dispersion);
  for (let s = 0; s < stores; s++) {
    for (let p = 0; p < products; p++) {
      const rng = seriesRngs[s * products + p]!;
      const path = regularCents[p]!;
      const lt = productDay[p]!;
      const scale = storeScale[s]!;
      const e = elasticity[p]!;
      const base = baseCents[p]!;
      let [promoLeft, discount, shortLeft] = [0, 0, 0];
      for (let t = 0, i = (s * products + p) * days; t < days; t++, i++) {
        if (promoLeft === 0 && rng.next() < promoStart) {
          promoLeft = rng.int(PROMO_DAYS[0], PROMO_DAYS[1]);
          discount = Math.round((discountMin + (discountMax - discountMin) * rng.next()) * 20) / 20;
        }
        const promo = promoLeft > 0;
        if (promo) promoLeft--;
        const cents = promo ? Math.round(path[t]! * (1 - discount)) : path[t]!;
        const lambda = scale * lt[t]! * Math.pow(cents / base, e) * (promo ? o.promoUplift : 1);
        const mix = negativeBinomial ? gamma(rng, o.dispersion) / o.dispersion : 1;
        const wanted = poisson(rng, lambda * mix);
        if (shortLeft === 0 && rng.next() < o.shortageRate) shortLeft = rng.int(SHORTAGE_DAYS[0], SHORTAGE_DAYS[1]);
        let sold = wanted;
        if (shortLeft > 0) {
          shortLeft--;
          const inventory = Math.floor(lambda * (0.2 + 0.7 * rng.next()));
          if (wanted > inventory) {
            sold = inventory;
            columns.stockout[i] = 1;
          }
        }
        columns.date[i] = startDay + t;
        columns.store[i] = s;
        columns.product[i] = p;
        columns.sales[i] = sold;
        columns.price[i] = cents / 100;
        columns.promo[i] = promo ? 1 : 0;
        columns.holiday[i] = holidayFlag[t]!;
        expectedDemand[i] = lambda;
        demand[i] = wanted;
      }
    }
  }

  const weekly = [...o.weekly];
  return {
    options: { ...o, weekly, promoDiscount: [discountMin, discountMax] },
    storeIds: Array.from({ length: stores }, (_, s) => `S${s + 1}`),
    productIds: Array.from({ length: products }, (_, p) => `P${String(p + 1).padStart(Math.max(2, String(products).length), '0')}`),
    rowCount: n,
    columns,
    truth: {
      weekly,
      peakWeekday: weekly.indexOf(Math.max(...weekly)),
      yearly: { amplitude: o.yearlyAmplitude, peakDay: o.yearlyPeakDay },
      holidays: { uplift: o.holidayUplift, leadUplift: o.holidayLeadUplift, leadDays: o.holidayLeadDays, dates: holidays },
      promoUplift: o.promoUplift,
      dispersion: o.dispersion,
      storeScale, level, growth, elasticity, basePrice: baseCents.map((c) => c / 100),
      expectedDemand, demand,
    },
  };
}

/**
 * The holidays, every year: New Year's Day (1 Jan), Easter Monday (Gregorian Easter + 1), Black Friday (the day
 * after the fourth Thursday of November), Christmas Eve (24 Dec), Christmas Day (25 Dec; the shop is open) and
 * New Year's Eve (31 Dec).
 */
function holidaysOfYear(year: number): Omit<Holiday, 'date'>[] {
  const at = (month: number, date: number) => Date.UTC(year, month - 1, date) / MS_PER_DAY;
  const nov1 = at(11, 1);
  const thanksgiving = nov1 + ((4 - weekdayOf(nov1) + 7) % 7) + 21;
  return [
    { name: "New Year's Day", day: at(1, 1) },
    { name: 'Easter Monday', day: easterSunday(year) + 1 },
    { name: 'Black Friday', day: thanksgiving + 1 },
    { name: 'Christmas Eve', day: at(12, 24) },
    { name: 'Christmas Day', day: at(12, 25) },
    { name: "New Year's Eve", day: at(12, 31) },
  ];
}

/** Writes the holiday multiplier into `calendar` and the flag into `flag`; returns the holidays in range. */
function holidayMultipliers(o: GenerateSalesOptions, startDay: number, calendar: Float64Array, flag: Uint8Array): Holiday[] {
  calendar.fill(1);
  const firstYear = new Date(startDay * MS_PER_DAY).getUTCFullYear();
  const lastYear = new Date((startDay + o.days - 1) * MS_PER_DAY).getUTCFullYear();
  const inRange: Holiday[] = [];
  // One year past the end: next New Year's Day lifts the last days of December before it.
  for (let year = firstYear; year <= lastYear + 1; year++) {
    for (const h of holidaysOfYear(year)) {
      for (let lead = 0; lead <= o.holidayLeadDays; lead++) {
        const t = h.day - lead - startDay;
        if (t < 0 || t >= o.days) continue;
        calendar[t] = Math.max(calendar[t]!, lead === 0 ? o.holidayUplift : o.holidayLeadUplift);
        if (lead === 0) {
          flag[t] = 1;
          inRange.push({ ...h, date: dayToIso(h.day) });
        }
      }
    }
  }
  return inRange.sort((a, b) => a.day - b.day);
}

/**
 * Streams for every (store, product), taken by forking `root` in Cantor-pairing order (diagonal s + p, then p), so
 * a series' stream depends on (s, p) alone. Costs (stores + products)² / 2 forks: cheap up to a few hundred of each.
 */
function forkSeriesStreams(root: Rng, stores: number, products: number): Rng[] {
  const out: Rng[] = new Array<Rng>(stores * products);
  for (let diagonal = 0; diagonal <= stores + products - 2; diagonal++) {
    for (let p = 0; p <= diagonal; p++) {
      const rng = root.fork();
      const s = diagonal - p;
      if (s < stores && p < products) out[s * products + p] = rng;
    }
  }
  return out;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost below shape 1. */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Poisson(λ) by inversion: one uniform, then walk the cumulative distribution up from 0 (O(λ) cheap steps, fine
 * for shop-sized counts). Above λ = 500, e^−λ nears underflow, so split: Poisson(a) + Poisson(b) is Poisson(a + b).
 */
function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 500) return poisson(rng, lambda / 2) + poisson(rng, lambda / 2);
  const u = rng.next();
  let k = 0;
  let term = Math.exp(-lambda);
  let cdf = term;
  while (u > cdf) {
    k++;
    term *= lambda / k;
    // Once a term no longer moves the sum, the rest of the tail is below rounding: stop rather than run on.
    if (cdf + term === cdf) break;
    cdf += term;
  }
  return k;
}

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm), as days since epoch. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A price in cents ending in 9 (x.x9), at least 0.09. */
function toPriceCents(units: number): number {
  return Math.max(9, Math.round(units * 10) * 10 - 1);
}

function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY : NaN;
  if (!Number.isInteger(day) || dayToIso(day) !== text) throw new RangeError(`generateSales: start must be a YYYY-MM-DD date, got "${text}"`);
  return day;
}

function checkOptions(o: GenerateSalesOptions, startDay: number): void {
  const fail = (what: string) => {
    throw new RangeError(`generateSales: ${what}`);
  };
  for (const key of ['stores', 'products', 'days', 'seed'] as const) {
    if (!Number.isInteger(o[key]) || (key !== 'seed' && o[key] < 1)) fail(`${key} must be a whole number${key === 'seed' ? '' : ' ≥ 1'}`);
  }
  if (!Number.isInteger(o.holidayLeadDays) || o.holidayLeadDays < 0) fail('holidayLeadDays must be a whole number ≥ 0');
  if (o.weekly.length !== 7 || o.weekly.some((w) => !(w > 0))) fail('weekly must be seven positive multipliers');
  if (!(o.dispersion > 0)) fail('dispersion must be > 0 (Infinity for Poisson)');
  const [lo, hi] = o.promoDiscount;
  if (!(lo >= 0 && hi >= lo && hi < 1)) fail('promoDiscount must be [min, max] with 0 ≤ min ≤ max < 1');
  if (!(o.promoShare >= 0 && o.promoShare < 1)) fail('promoShare must be in [0, 1)');
  if (startDay + o.days > Date.UTC(10000, 0, 1) / MS_PER_DAY) fail('the dates must end before the year 10000');
}
