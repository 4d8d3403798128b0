import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../../src/lib/data/detect-mapping';
import { previewCsv } from '../../../src/lib/data/preview-csv';
import { profileColumns } from '../../../src/lib/data/profile-columns';
import * as messages from '../../../src/lib/messages/data';
import { readSharedDataset } from './read-fixture';

const detect = (text: string) => detectMapping(previewCsv(text));
const csv = (header: string, rows: string[]): string => [header, ...rows].join('\n') + '\n';
const isoDate = (day: number): string => new Date(Date.UTC(2015, 0, 1 + day)).toISOString().slice(0, 10);

/**
 * A Rossmann-like daily file, newest date first as Kaggle's train.csv: stores closed on Sundays (Open 0, Sales 0),
 * StateHoliday '0' on most rows and 'a', 'b', 'c' (public holiday, Easter, Christmas) on a few days per store.
 */
function rossmannLike({ stores = 10, days = 90 } = {}): string {
  const rows: string[] = [];
  for (let d = days - 1; d >= 0; d--) {
    for (let store = 1; store <= stores; store++) {
      const holiday = d === 5 ? 'a' : d === 40 && store % 2 === 0 ? 'b' : d === 70 && store <= 3 ? 'c' : '0';
      const open = d % 7 === 3 || holiday !== '0' ? 0 : 1;
      const sales = open ? 4000 + 37 * store + ((d * 13) % 900) : 0;
      rows.push([isoDate(d), store, sales, open, d % 14 < 5 ? 1 : 0, holiday, d >= 60 && d < 75 ? 1 : 0].join(','));
    }
  }
  return csv('date,Store,Sales,Open,Promo,StateHoliday,SchoolHoliday', rows);
}

describe('detectMapping(preview)', () => {
  it('detectMapping(preview) prefers store and item over the composite series_id (store-item-demand-10-series.csv)', () => {
    const detection = detect(readSharedDataset('store-item-demand-10-series.csv'));
    expect(detection.mapping).toEqual({ date: 'date', sales: 'sales', keys: ['store', 'item'], covariates: [] });
    expect(detection.notes).toEqual([messages.noteRedundantKey('series_id', ['store', 'item'])]);
    expect(detection.confidence).toBe(1);
  });

  it('detectMapping(preview) maps store, dept and the isholiday flag (walmart-store1-top10-depts-weekly.csv)', () => {
    const detection = detect(readSharedDataset('walmart-store1-top10-depts-weekly.csv'));
    expect(detection.mapping).toEqual({ date: 'date', sales: 'sales', keys: ['store', 'dept'], covariates: ['isholiday'] });
  });

  it('detectMapping(preview) maps ds,y to date and sales (us-retail-sales-monthly.csv)', () => {
    const detection = detect(readSharedDataset('us-retail-sales-monthly.csv'));
    expect(detection.mapping).toEqual({ date: 'ds', sales: 'y', keys: [], covariates: [] });
    expect(detection.dateFormat).toBe('ymd');
  });

  it('detectMapping(preview) maps the app’s example header to keys store, product and four covariates', () => {
    const detection = detect(
      csv('date,store,product,sales,price,promo,holiday,stockout', [
        '2022-01-01,S1,P01,50,7.19,0,1,0',
        '2022-01-01,S1,P02,12,3.49,1,1,0',
        '2022-01-02,S2,P01,7,7.19,0,0,1',
      ]),
    );
    expect(detection.mapping).toEqual({
      date: 'date',
      sales: 'sales',
      keys: ['store', 'product'],
      covariates: ['price', 'promo', 'holiday', 'stockout'],
    });
  });

  it('detectMapping(preview) reads a Rossmann-style export: calendar parts, other measures and text flags left out', () => {
    const detection = detect(
      csv('Store,DayOfWeek,Date,Sales,Customers,Open,Promo,StateHoliday,SchoolHoliday', [
        '1,5,2015-07-31,5263,555,1,1,0,1',
        '2,5,2015-07-31,6064,625,1,1,a,1',
        '1,4,2015-07-30,5020,546,1,1,0,1',
        '2,4,2015-07-30,5567,601,1,1,b,1',
      ]),
    );
    expect(detection.mapping).toEqual({
      date: 'Date',
      sales: 'Sales',
      keys: ['Store'],
      covariates: ['Open', 'Promo', 'SchoolHoliday'],
    });
    expect(detection.notes).toEqual([
      messages.noteIgnoredCalendar('DayOfWeek'),
      messages.noteIgnoredOtherMeasure('Customers', 'Sales'),
      messages.noteIgnoredText('StateHoliday'),
    ]);
  });

  it('detectMapping(preview) does not take a mostly-constant holiday code (Rossmann’s StateHoliday) for a series key', () => {
    const preview = previewCsv(rossmannLike());
    const detection = detectMapping(preview);
    expect(detection.mapping).toEqual({
      date: 'date',
      sales: 'Sales',
      keys: ['Store'],
      covariates: ['Open', 'Promo', 'SchoolHoliday'],
    });
    const stateHoliday = profileColumns(preview).find((p) => p.name === 'StateHoliday')!;
    expect(stateHoliday.topValue).toBe('0');
    expect(stateHoliday.topShare).toBeGreaterThan(0.95);
    expect(stateHoliday.topShare).toBeLessThan(1);
    expect(detection.notes).toEqual([
      messages.noteMostlyConstant({ column: 'StateHoliday', value: '0', share: stateHoliday.topShare, outcome: 'text' }),
    ]);
  });

  it('detectMapping(preview) makes a mostly-constant yes/no column a covariate and a mostly-constant code nothing', () => {
    // Named neither key nor covariate: before, both became series keys and split every store's series.
    const rows = Array.from({ length: 60 }, (_, i) => {
      const store = `S${(i % 3) + 1}`;
      const clearance = i === 7 || i === 31 ? 'yes' : 'no';
      const status = i === 12 ? 'refit' : i === 40 ? 'audit' : 'normal';
      return `${isoDate(Math.floor(i / 3))},${store},${10 + (i % 7)},${clearance},${status}`;
    });
    const detection = detect(csv('date,store,units,Clearance,Status', rows));
    expect(detection.mapping).toEqual({ date: 'date', sales: 'units', keys: ['store'], covariates: ['Clearance'] });
    expect(detection.notes).toEqual([
      messages.noteMostlyConstant({ column: 'Clearance', value: 'no', share: 58 / 60, outcome: 'covariate' }),
      messages.noteMostlyConstant({ column: 'Status', value: 'normal', share: 58 / 60, outcome: 'ignored' }),
    ]);
  });

  it('detectMapping(preview) keeps an unbalanced key that holds 95% of rows when it tells rows of one date apart', () => {
    // Store S1 sells 19 items, S2 only item 1: without `store`, S2's item 1 would collide with S1's on every date.
    const rows: string[] = [];
    for (let d = 0; d < 3; d++) {
      for (let item = 1; item <= 19; item++) rows.push(`${isoDate(d)},S1,${item},${item + d}`);
      rows.push(`${isoDate(d)},S2,1,${5 + d}`);
    }
    const detection = detect(csv('date,store,item,sales', rows));
    expect(detection.mapping.keys).toEqual(['store', 'item']);
    expect(detection.notes).toEqual([]);
  });

  it('detectMapping(preview) keeps a key with one value on every row (a file of one store)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${isoDate(Math.floor(i / 2))},1,${(i % 2) + 1},${i}`);
    const detection = detect(csv('date,store,item,sales', rows));
    expect(detection.mapping.keys).toEqual(['store', 'item']);
    expect(detection.notes).toEqual([]);
  });

  it('detectMapping(preview) reads a European export: ; separator, DD.MM.YYYY, decimal commas, a name column', () => {
    const detection = detect(
      csv('Datum;Filiale;Artikelnummer;Artikelname;Menge;Preis', [
        '01.02.2024;Berlin;4711;Kölnisch Wasser;12;4,99',
        '01.02.2024;Berlin;4712;Seife;3;1,49',
        '02.02.2024;Berlin;4711;Kölnisch Wasser;10;4,99',
      ]),
    );
    expect(detection.mapping).toEqual({ date: 'Datum', sales: 'Menge', keys: ['Filiale', 'Artikelnummer'], covariates: ['Preis'] });
    expect(detection.dateFormat).toBe('dmy');
    expect(detection.notes).toEqual([messages.noteRedundantKey('Artikelname', ['Filiale', 'Artikelnummer'])]);
  });

  it('detectMapping(preview) reads a Superstore-style export: units over money, money and profit left out', () => {
    const detection = detect(
      csv('Order Date,Product ID,Product Name,Quantity,Sales,Profit', [
        '01/15/2024,P1,Chair,2,200.50,20.1',
        '01/16/2024,P2,Desk,1,300.00,45',
        '01/17/2024,P1,Chair,3,300.75,31',
      ]),
    );
    expect(detection.mapping).toEqual({ date: 'Order Date', sales: 'Quantity', keys: ['Product ID'], covariates: [] });
    expect(detection.dateFormat).toBe('mdy');
    expect(detection.notes).toContain(messages.noteIgnoredOtherMeasure('Profit', 'Quantity'));
  });

  it('detectMapping(preview) takes units over revenue and leaves revenue out as a leak', () => {
    const detection = detect(
      csv('order_date,sku,units_sold,revenue,unit_price', ['2024-01-01,A1,3,29.97,9.99', '2024-01-02,A1,5,49.95,9.99']),
    );
    expect(detection.mapping).toEqual({ date: 'order_date', sales: 'units_sold', keys: ['sku'], covariates: ['unit_price'] });
    expect(detection.notes).toContain(messages.noteIgnoredOtherMeasure('revenue', 'units_sold'));
  });

  it('detectMapping(preview) leaves out a pandas index column and keeps a generic id when nothing else names series', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},2024-01-0${1 + (i % 4)},${i < 4 ? 'a' : 'b'},${i * 2}`);
    const detection = detect(csv(',ds,unique_id,y', rows));
    expect(detection.mapping).toEqual({ date: 'ds', sales: 'y', keys: ['unique_id'], covariates: [] });
    expect(detection.notes).toEqual([messages.noteIgnoredIndex('')]);
  });

  it('detectMapping(preview) says when the date order is a guess', () => {
    const detection = detect(csv('date,sales', ['01/02/2024,5', '02/02/2024,6', '03/02/2024,7']));
    expect(detection.mapping.date).toBe('date');
    expect(detection.dateFormat).toBe('dmy');
    expect(detection.notes).toEqual([messages.dateOrderAmbiguous('dmy')]);
  });

  it('detectMapping(preview) leaves date and sales empty, with low confidence, when nothing fits', () => {
    const detection = detect(csv('name,comment', ['a,hello', 'b,world']));
    expect(detection.mapping.date).toBe('');
    expect(detection.mapping.sales).toBe('');
    expect(detection.confidence).toBe(0);
  });
});
