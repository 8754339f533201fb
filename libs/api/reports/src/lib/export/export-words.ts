import { formatDay } from '@simashe/api-core';
import { REPORT_STATUS_NAMES } from '@simashe/charts';
import { RTL_LANGUAGES, type Language, type ReportStatus } from '@simashe/contracts';
import { imageAltText, readActionItemAttributes } from '@simashe/editor';
import type { EmbeddedImage } from '../images/report-images.service';

interface Words {
  action: string;
  done: string;
  due: string;
  /** Between the parts of a list ("Amina, due …"). */
  comma: string;
  /** Before what follows a label (French puts a space before it). */
  colon: string;
  current: string;
  version: string;
  named: string;
  restored: string;
  automatic: string;
  chartMissing: string;
  imageMissing: string;
  imageNotShown: string;
  chart: string;
  image: string;
}

/**
 * An export's own words (what the writers add around what people wrote), in the exporting reader's language.
 * `{…}` are filled in by `fill`.
 */
const WORDS: Record<Language, Words> = {
  en: {
    action: 'Action',
    done: '[done]',
    due: 'due {date}',
    comma: ', ',
    colon: ': ',
    current: 'Current version ({status}), exported {exported}',
    version: '{version} of {at}, exported {exported}',
    named: 'Version “{name}”',
    restored: 'Restored from “{name}”',
    automatic: 'Automatic version',
    chartMissing: 'Chart not available',
    imageMissing: 'Image not available',
    imageNotShown: '{type} image, not shown in {format}',
    chart: 'Chart',
    image: 'Image',
  },
  fr: {
    action: 'Action',
    done: '[faite]',
    due: 'échéance le {date}',
    comma: ', ',
    colon: ' : ',
    current: 'Version actuelle ({status}), exportée le {exported}',
    version: '{version} du {at}, exportée le {exported}',
    named: 'Version « {name} »',
    restored: 'Restauration de « {name} »',
    automatic: 'Version automatique',
    chartMissing: 'Graphique non disponible',
    imageMissing: 'Image non disponible',
    imageNotShown: 'Image {type}, non affichée en {format}',
    chart: 'Graphique',
    image: 'Image',
  },
  es: {
    action: 'Acción',
    done: '[hecha]',
    due: 'vence el {date}',
    comma: ', ',
    colon: ': ',
    current: 'Versión actual ({status}), exportada el {exported}',
    version: '{version} del {at}, exportada el {exported}',
    named: 'Versión «{name}»',
    restored: 'Restauración de «{name}»',
    automatic: 'Versión automática',
    chartMissing: 'Gráfico no disponible',
    imageMissing: 'Imagen no disponible',
    imageNotShown: 'Imagen {type}, no se muestra en {format}',
    chart: 'Gráfico',
    image: 'Imagen',
  },
  ar: {
    action: 'إجراء',
    done: '[مُنجز]',
    due: 'الاستحقاق {date}',
    comma: '، ',
    colon: ': ',
    current: 'النسخة الحالية ({status})، صُدِّرت في {exported}',
    version: '{version} بتاريخ {at}، صُدِّرت في {exported}',
    named: 'النسخة «{name}»',
    restored: 'استعادة «{name}»',
    automatic: 'نسخة تلقائية',
    chartMissing: 'الرسم البياني غير متاح',
    imageMissing: 'الصورة غير متاحة',
    imageNotShown: 'صورة {type} لا تظهر في {format}',
    chart: 'رسم بياني',
    image: 'صورة',
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The words of one export: all four formats say the same, in the language of the person exporting. */
export class ExportWords {
  private readonly words: Words;

  constructor(readonly language: Language) {
    this.words = WORDS[language] ?? WORDS.en;
  }

  /** Whether the export's own lines read right to left. */
  get rightToLeft(): boolean {
    return RTL_LANGUAGES.includes(this.language);
  }

  /** "1 December 2026" for "2026-12-01" (as it is: a calendar day, in no zone). */
  day(day: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
    const [year, month, date] = day.split('-').map(Number);
    return formatDay(new Date(Date.UTC(year, month - 1, date)), this.language);
  }

  period(start: string, end: string): string {
    return `${this.day(start)} – ${this.day(end)}`;
  }

  /** `exported` and `at` are stamps already written for the reader (formatStamp). */
  currentStamp(status: ReportStatus, exported: string): string {
    return fill(this.words.current, { status: REPORT_STATUS_NAMES[this.language][status] ?? status, exported });
  }

  /** A version: named (its name), a restore (what it restored) or automatic. */
  versionStamp({ kind, name }: { kind: 'auto' | 'named' | 'restore'; name: string | null }, at: string, exported: string): string {
    const version = kind === 'auto' || !name ? this.words.automatic : fill(kind === 'restore' ? this.words.restored : this.words.named, { name });
    return fill(this.words.version, { version, at, exported });
  }

  /** "Action — Amina Otieno, due 1 December 2026: ", the prefix exports put before an action item's text. */
  actionItem(attrs: Record<string, unknown> | undefined): string {
    const { ownerName, dueDate, done } = readActionItemAttributes(attrs);
    const details = [ownerName, dueDate && fill(this.words.due, { date: this.day(dueDate) })].filter(Boolean).join(this.words.comma);
    return `${done ? `${this.words.done} ` : ''}${this.words.action}${details ? ` — ${details}` : ''}${this.words.colon}`;
  }

  /** Where a chart cannot be drawn for this reader. */
  chartMissing(attrs: Record<string, unknown> | undefined): string {
    const title = typeof attrs?.['title'] === 'string' ? attrs['title'].slice(0, 200) : '';
    return `[${this.words.chartMissing}${title ? `${this.words.colon}${title}` : ''}]`;
  }

  /** An image's name where it has no alternative text (Word asks for one). */
  get image(): string {
    return this.words.image;
  }

  /** A chart in Markdown: its caption. */
  chartCaption(title: string): string {
    return `[${this.words.chart}${this.words.colon}${title}]`;
  }

  /**
   * Where an image cannot be drawn: it is missing (another report's, or not found: `image` null), or its format cannot
   * go into this kind of file (`format`: pdfmake draws PNG and JPEG only; Word has no WebP).
   */
  imageMissing(attrs: Record<string, unknown> | undefined, image: EmbeddedImage | null = null, format?: string): string {
    const alt = imageAltText(attrs);
    const what = image && format ? fill(this.words.imageNotShown, { type: image.contentType.replace('image/', '').toUpperCase(), format }) : this.words.imageMissing;
    return `[${what}${alt ? `${this.words.colon}${alt}` : ''}]`;
  }
}
