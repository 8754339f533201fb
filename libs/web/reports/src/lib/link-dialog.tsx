import { isSafeLinkHref } from '@simashe/editor';
import { Button, Dialog, TextField } from '@simashe/web-ui';
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The form, mounted each time the dialog opens: it starts from the link under the cursor, if any. */
function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const [existing] = useState(() => editor.getAttributes('link')['href'] as string | undefined);
  const [href, setHref] = useState(existing ?? 'https://');
  const [error, setError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  // The dialog opens (showModal) after this form mounts, so autoFocus alone would land on its close button.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const input = form.current?.querySelector('input');
      if (!input) return;
      // A link to change: all of it selected. A new one: the cursor after "https://".
      input.focus();
      if (existing) input.select();
      else input.setSelectionRange(input.value.length, input.value.length);
    });
    return () => cancelAnimationFrame(frame);
  }, [existing]);

  const apply = () => {
    const address = href.trim();
    if (address === '' || address === 'https://') {
      if (existing) editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!isSafeLinkHref(address)) {
      setError(t('editor.linkDialog.invalid'));
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: address }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <TextField
        label={t('editor.linkDialog.address')}
        hint={t('editor.linkDialog.hint')}
        error={error}
        type="url"
        dir="ltr"
        value={href}
        onChange={(event) => {
          setHref(event.target.value);
          setError(undefined);
        }}
      />
      <div className="button-row">
        <Button type="submit">{t('editor.linkDialog.apply')}</Button>
        {existing && (
          <Button variant="secondary" onClick={remove}>
            {t('editor.linkDialog.remove')}
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Adds, changes or removes the link on the selected text, in the app's own dialog (focus kept inside, Escape
 * closes, the keyboard goes back to the text). Only addresses the shared schema accepts (http(s), mailto, in-app)
 * are applied; anything else is refused at the field, never silently dropped.
 */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('editor.linkDialog.title')} onClose={onClose} size="small">
      <LinkForm editor={editor} onClose={onClose} />
    </Dialog>
  );
}
