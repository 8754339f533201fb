import { PROGRESS_REPORT_TEMPLATE, SIMASHE_PROGRESS_SECTIONS } from '@simashe/editor';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in progress report's guidance becomes placeholders (an attribute of empty paragraphs, shown by the
 * editor and gone as soon as one types) instead of text the writer had to delete. Reports already created keep
 * their text; only new reports from the template start with placeholders.
 */
export class TemplateGuidance1763900000027 implements MigrationInterface {
  name = 'TemplateGuidance1763900000027';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE report_templates SET content = $1 WHERE built_in AND name = 'SIMASHE progress report'`, [JSON.stringify(PROGRESS_REPORT_TEMPLATE)]);
  }

  async down(db: QueryRunner): Promise<void> {
    const heading = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
    const withText = {
      type: 'doc',
      content: [
        heading(1, 'SIMASHE progress report'),
        ...SIMASHE_PROGRESS_SECTIONS.flatMap(([title, guidance]) => [heading(2, title), { type: 'paragraph', content: [{ type: 'text', text: guidance }] }]),
      ],
    };
    await db.query(`UPDATE report_templates SET content = $1 WHERE built_in AND name = 'SIMASHE progress report'`, [JSON.stringify(withText)]);
  }
}
