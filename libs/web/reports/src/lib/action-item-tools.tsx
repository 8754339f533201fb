import type { Editor } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionItemOwner {
  userId: string;
  name: string;
}

/**
 * Turns the current paragraph into an action item (and back), and sets its owner, due date and done state.
 * The owner's name is stored with the id so the document reads well in exports and for people who left.
 */
export function ActionItemTools({ editor, editable, owners }: { editor: Editor; editable: boolean; owners: ActionItemOwner[] }) {
  const { t } = useTranslation();
  const ids = { owner: useId(), due: useId(), done: useId() };
  const active = editor.isActive('actionItem');
  const attributes = editor.getAttributes('actionItem') as { ownerId?: string | null; dueDate?: string | null; done?: boolean };
  const update = (changes: Record<string, unknown>) => editor.chain().focus().updateAttributes('actionItem', changes).run();
  const toggle = () => (active ? editor.chain().focus().setParagraph().run() : editor.chain().focus().setNode('actionItem').run());

  return (
    <div className="action-item-tools" role="group" aria-label={t('editor.actionItemTools')}>
      <button type="button" className="tool" aria-pressed={active} disabled={!editable} onMouseDown={(e) => e.preventDefault()} onClick={toggle}>
        {t('editor.actionItem')}
      </button>
      {active && (
        <>
          {/* Each label with its field: on a narrow screen the pairs wrap, never a label away from its field. */}
          <span className="action-item-field">
            <label htmlFor={ids.owner}>{t('editor.owner')}</label>
            <select
              id={ids.owner}
              disabled={!editable}
              value={attributes.ownerId ?? ''}
              onChange={(event) => {
                const owner = owners.find((o) => o.userId === event.target.value);
                update({ ownerId: owner?.userId ?? null, ownerName: owner?.name ?? null });
              }}
            >
              <option value="">{t('editor.noOwner')}</option>
              {owners.map((owner) => (
                <option key={owner.userId} value={owner.userId}>
                  {owner.name}
                </option>
              ))}
            </select>
          </span>
          <span className="action-item-field">
            <label htmlFor={ids.due}>{t('editor.due')}</label>
            <input id={ids.due} type="date" disabled={!editable} value={attributes.dueDate ?? ''} onChange={(event) => update({ dueDate: event.target.value || null })} />
          </span>
          <label className="checkbox" htmlFor={ids.done}>
            <input id={ids.done} type="checkbox" disabled={!editable} checked={attributes.done === true} onChange={(event) => update({ done: event.target.checked })} /> {t('editor.done')}
          </label>
        </>
      )}
    </div>
  );
}
