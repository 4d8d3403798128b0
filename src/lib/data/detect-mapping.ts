import type { ColumnMapping, DateFormat, RawPreview } from './types';
import { profileColumns, type ColumnProfile } from './profile-columns';
import * as messages from '../messages/data';

export interface MappingDetection {
  mapping: ColumnMapping;
  /** How to read the date column (decided from its sampled values). */
  dateFormat: DateFormat;
  /** 0–1: 1 when date and sales were found by both name and values; low means "ask the user". */
  confidence: number;
  /** Plain sentences (from messages/data.ts) on choices the user may want to check. */
  notes: string[];
}

// Names, as lower-case words (see tokenize). Lists, not regexes, so adding a word is a one-word change. A few German,
// French and Spanish words are in because spreadsheet exports keep the user's language.
const DATE_WORDS = [
  'date', 'ds', 'day', 'week', 'month', 'period', 'time', 'timestamp', 'datetime', 'dt', 'yearmonth', 'datum', 'fecha',
];
const SALES_WORDS = [
  'sales', 'sale', 'units', 'unit', 'qty', 'quantity', 'demand', 'sold', 'volume', 'y', 'target',
  'menge', 'absatz', 'umsatz', 'ventes', 'quantite', 'ventas', 'cantidad',
];
const MEASURE_WORDS = [
  'revenue', 'amount', 'value', 'turnover', 'total', 'count', 'orders', 'customers', 'transactions', 'profit', 'margin',
  'returns',
];
const COVARIATE_WORDS = [
  'price', 'preis', 'prix', 'precio', 'promo', 'promotion', 'onpromotion', 'discount', 'holiday', 'isholiday', 'stockout',
  'oos', 'temperature', 'temp', 'cpi', 'fuel', 'markdown', 'unemployment', 'weather', 'rain', 'event', 'open', 'closed', 'advertising',
  'marketing', 'spend', 'inventory', 'stock', 'cost', 'flag', 'display', 'feature', 'coupon',
];
const KEY_WORDS = [
  'store', 'shop', 'item', 'product', 'sku', 'dept', 'department', 'category', 'subcategory', 'region', 'location',
  'branch', 'outlet', 'warehouse', 'channel', 'country', 'state', 'city', 'brand', 'family', 'article', 'customer',
  'client', 'segment', 'site', 'market', 'zone', 'territory', 'area', 'division', 'vendor', 'supplier', 'material',
  'upc', 'ean', 'asin', 'plant', 'class', 'subclass', 'cat', 'filiale', 'artikel', 'produkt', 'magasin', 'produit',
  'tienda', 'producto',
];
/** Names that identify a series without saying what it is: kept only when the named keys do not already. */
const GENERIC_KEY_WORDS = [
  'series', 'id', 'key', 'code', 'ts', 'unique', 'group', 'nr', 'no', 'num', 'number', 'nummer',
];
const LABEL_WORDS = ['name', 'desc', 'description', 'label', 'title', 'bezeichnung'];
/** A name or description of something a key already identifies (`product_name`, `Artikelname`). */
const isLabel = (p: ColumnProfile): boolean =>
  has(p, LABEL_WORDS) || LABEL_WORDS.some((word) => p.squashed.endsWith(word));
const CALENDAR_WORDS = [
  'year', 'yr', 'month', 'mon', 'week', 'wk', 'weekday', 'dow', 'dayofweek', 'day', 'doy', 'dayofyear', 'quarter', 'qtr',
  'weekofyear', 'hour',
];
const INDEX_NAMES = ['', 'index', 'unnamed0', 'row', 'rownum', 'rownumber', 'rowid'];

const has = (profile: ColumnProfile, words: readonly string[]): boolean =>
  profile.tokens.some((token) => words.includes(token)) || words.includes(profile.squashed);

/**
 * Whether the name is about a covariate or a series key: the last telling word decides, as the head of an English
 * compound does (`StateHoliday` is a holiday flag, `promo_store` a store, `store_sales` a measure: neither).
 */
function headRole(p: ColumnProfile): 'covariate' | 'key' | null {
  if (COVARIATE_WORDS.includes(p.squashed)) return 'covariate';
  for (let i = p.tokens.length - 1; i >= 0; i--) {
    const token = p.tokens[i]!;
    if (COVARIATE_WORDS.includes(token)) return 'covariate';
    if (KEY_WORDS.includes(token)) return 'key';
    if (SALES_WORDS.includes(token) || MEASURE_WORDS.includes(token)) return null;
  }
  // Compounds written as one word (`storenumber`, German `Artikelnummer`) start with the word that matters.
  return KEY_WORDS.some((word) => word.length >= 4 && p.squashed.startsWith(word)) ? 'key' : null;
}
/**
 * Whether sampled values make a column of a type: 80% of its filled cells, or half when its name already says so
 * (a sales column with a few `#VALUE!` cells is still the sales column, and validation will show those cells).
 */
const typedAs = (share: number, named = false): boolean => share >= (named ? 0.5 : 0.8);

/**
 * One value on nearly every sampled row and a few others on the rest: a column of exceptions (a holiday code, a status,
 * a closure), not of series. Rossmann's `StateHoliday` is '0' on 97% of rows; as a key it would split every store into
 * four "series", three of them a few scattered days long, and validation would report their gaps by the thousand.
 * A key's values split the rows into series of comparable length: for one value to cover 90% of the rows, its series
 * would need nine times the history of all the others together, and the others would be too short to forecast anyway.
 * 90% rather than higher because the sample's head (its first 50 rows, usually one series) already favours the first
 * value (a key whose first value holds 87% of the file's rows shows 90% in the sample), rather than lower so that
 * unbalanced but real keys keep their place. At least 20 filled cells: in a smaller sample one odd cell is no pattern.
 * A column with one value only is no such case: as a key it splits nothing (a file of one store).
 */
const MOSTLY_CONSTANT_SHARE = 0.9;
const MOSTLY_CONSTANT_MIN_FILLED = 20;
const isMostlyConstant = (p: ColumnProfile): boolean =>
  p.filled >= MOSTLY_CONSTANT_MIN_FILLED && p.distinct > 1 && p.topShare >= MOSTLY_CONSTANT_SHARE;
/** At least half of the cells off the common value are text: the exceptions, the only news the column carries, are no numbers. */
const exceptionsAreText = (p: ColumnProfile): boolean => !p.binary && 1 - p.numericShare >= (1 - p.topShare) / 2;

/**
 * Guesses which column is the date, which the sales, which identify series and which are covariates, from names and
 * sampled values together (a name alone lies: `week` may be a date or a week number; values alone cannot tell
 * `store` from `price`).
 *
 * 1. Date: the column whose values read as dates, preferring date-like names.
 * 2. Sales: a numeric column named like a quantity (sales, units, qty, demand, y…), else one named like a money
 *    measure (revenue, amount…), else the last numeric column no other rule claims.
 * 3. Keys: columns named like a store/product/place/category; text columns; generic ids (`series_id`, `id`) only
 *    when they add something to the named keys — a `series_id` that just combines store and item is redundant.
 *    A column holding one value on nearly every row (see isMostlyConstant) is no key, unless the sample shows it
 *    telling apart rows that share a date and the other keys. It becomes a covariate when it is 0/1 (yes/no), else it
 *    is left out; a note says which.
 * 4. Covariates: the remaining numeric columns (0/1 flags included). Left out, each with a note: row numbers,
 *    calendar parts (year, month, weekday: the features stage derives them), other measures of sales such as
 *    revenue next to units (unknown ahead of time, they would leak the answer), free text, and mostly-constant
 *    columns whose exceptions are text (Rossmann's `StateHoliday`: '0', or 'a', 'b', 'c' for the kind of holiday).
 */
export function detectMapping(preview: RawPreview): MappingDetection {
  const notes: string[] = [];
  const profiles = profileColumns(preview);

  // 1. Date.
  const dateCandidates = profiles
    .filter((p) => p.filled > 0 && typedAs(p.dateGuess.share, has(p, DATE_WORDS)))
    .map((p) => ({ p, score: p.dateGuess.share + (DATE_WORDS.includes(p.squashed) ? 2 : has(p, DATE_WORDS) ? 1 : 0) }))
    .sort((a, b) => b.score - a.score);
  // A column called just "date" is the date column even when its values do not read: validation says which do not.
  const date = dateCandidates[0]?.p ?? profiles.find((p) => DATE_WORDS.includes(p.squashed));
  if (date?.dateGuess.ambiguous) notes.push(messages.dateOrderAmbiguous(date.dateGuess.format));
  const rest = profiles.filter((p) => p !== date);

  // 2. Sales.
  const measureNamed = (p: ColumnProfile): boolean => has(p, SALES_WORDS) || has(p, MEASURE_WORDS);
  const numeric = rest.filter((p) => p.filled > 0 && typedAs(p.numericShare, measureNamed(p)));
  const claimed = (p: ColumnProfile): boolean =>
    has(p, KEY_WORDS) ||
    has(p, GENERIC_KEY_WORDS) ||
    has(p, COVARIATE_WORDS) ||
    INDEX_NAMES.includes(p.squashed) ||
    isCalendar(p, date);
  const salesRank = (p: ColumnProfile): number =>
    has(p, COVARIATE_WORDS) ? 0 : has(p, SALES_WORDS) ? 3 : has(p, MEASURE_WORDS) ? 2 : claimed(p) || p.binary ? 0 : 1;
  const ranked = numeric.map((p) => ({ p, rank: salesRank(p) })).filter(({ rank }) => rank > 0);
  const bestRank = Math.max(0, ...ranked.map(({ rank }) => rank));
  const top = ranked.filter(({ rank }) => rank === bestRank).map(({ p }) => p);
  // Among unnamed numeric columns: whole numbers (units) before decimals (prices), then the last one (exports put
  // the figures after the labels).
  // Among named ones, whole numbers too (units before money: Superstore's Quantity before its Sales), then the first.
  const byWhole = [...top.filter((p) => !p.integer), ...top.filter((p) => p.integer)];
  const sales =
    (bestRank === 1 ? byWhole[byWhole.length - 1] : (top.find((p) => p.integer) ?? top[0])) ??
    rest.find((p) => SALES_WORDS.includes(p.squashed) && p !== date);
  if (sales && top.length > 1 && bestRank > 1) {
    const others = top.filter((p) => p !== sales).map((p) => p.name);
    notes.push(messages.noteOtherCandidates('sales', sales.name, others));
  }

  // 3 and 4. Keys and covariates.
  const named: ColumnProfile[] = [];
  const generic: ColumnProfile[] = [];
  const covariates: ColumnProfile[] = [];
  for (const p of rest) {
    if (p === sales) continue;
    const role = headRole(p);
    const isNumeric = p.filled > 0 && typedAs(p.numericShare);
    if (INDEX_NAMES.includes(p.squashed) || (role !== 'key' && isNumeric && isRowNumber(p))) {
      notes.push(messages.noteIgnoredIndex(p.name));
    } else if (role === 'covariate') {
      // Numeric by the common value alone, but the exceptions would all read as missing and be filled away.
      if (isMostlyConstant(p) && exceptionsAreText(p)) notes.push(mostlyConstantNote(p, 'text'));
      else if (isNumeric || p.binary || p.filled === 0) covariates.push(p);
      else notes.push(messages.noteIgnoredText(p.name));
    } else if (role === 'key' && !isLabel(p)) named.push(p);
    else if (has(p, GENERIC_KEY_WORDS) || isLabel(p)) generic.push(p);
    else if (isCalendar(p, date)) notes.push(messages.noteIgnoredCalendar(p.name));
    else if (sales && (has(p, MEASURE_WORDS) || has(p, SALES_WORDS)) && isNumeric) {
      notes.push(messages.noteIgnoredOtherMeasure(p.name, sales.name));
    }
    else if (isNumeric) covariates.push(p);
    else if (p.filled > 0 && p.distinct === p.filled && p.filled >= 20) notes.push(messages.noteIgnoredText(p.name));
    else if (p.filled > 0) generic.push(p);
  }
  const keys = named.filter((p) => !isMostlyConstant(p));
  const doubtful = named.filter(isMostlyConstant);
  for (const p of generic) {
    if (keys.length > 0 && determines(keys, p)) notes.push(messages.noteRedundantKey(p.name, keys.map((k) => k.name)));
    else if (isMostlyConstant(p)) doubtful.push(p);
    else keys.push(p);
  }
  for (const p of doubtful) {
    // A real key with one big series still tells apart rows that share a date; a flag never does. Without a date
    // there is nothing to judge by, so the column stays a key as the name or values said.
    if (!date || !determines([date, ...keys], p)) keys.push(p);
    else if (p.binary) {
      covariates.push(p);
      notes.push(mostlyConstantNote(p, 'covariate'));
    } else notes.push(mostlyConstantNote(p, 'ignored'));
  }
  keys.sort((a, b) => a.index - b.index);
  covariates.sort((a, b) => a.index - b.index);

  const confidence =
    (date ? (has(date, DATE_WORDS) ? 0.5 : 0.35) : 0) + (sales ? (bestRank >= 2 ? 0.5 : 0.25) : 0);
  return {
    mapping: {
      date: date?.name ?? '',
      sales: sales?.name ?? '',
      keys: keys.map((p) => p.name),
      covariates: covariates.map((p) => p.name),
    },
    dateFormat: date?.dateGuess.format ?? 'ymd',
    confidence,
    notes,
  };
}

const mostlyConstantNote = (p: ColumnProfile, outcome: messages.MostlyConstantOutcome): string =>
  messages.noteMostlyConstant({ column: p.name, value: p.topValue, share: p.topShare, outcome });

/** A numeric part of the date (year 2020, month 1–12, weekday) rather than a date, next to a real date column. */
function isCalendar(p: ColumnProfile, date: ColumnProfile | undefined): boolean {
  return date !== undefined && has(p, CALENDAR_WORDS) && p.integer && typedAs(p.numericShare) && !has(p, KEY_WORDS);
}

/** 0/1, 2, 3… down the head of the sample and never repeated: a row number written by a spreadsheet or pandas. */
function isRowNumber(p: ColumnProfile): boolean {
  const head = p.values.slice(0, 20);
  if (head.length < 5) return false;
  const start = Number(head[0]);
  if (p.distinct !== p.filled || (start !== 0 && start !== 1)) return false;
  return head.every((value, i) => Number(value) === start + i);
}

/** True when the sampled values of `keys` fix those of `column`: it splits no series they identify. */
function determines(keys: readonly ColumnProfile[], column: ColumnProfile): boolean {
  const seen = new Map<string, string>();
  const rows = column.values.length;
  for (let r = 0; r < rows; r++) {
    const key = keys.map((k) => k.values[r] ?? '').join('\u001f');
    const value = column.values[r] ?? '';
    const before = seen.get(key);
    if (before === undefined) seen.set(key, value);
    else if (before !== value) return false;
  }
  return true;
}
