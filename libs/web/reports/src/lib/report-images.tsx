import { MAX_REPORT_IMAGE_BYTES, REPORT_IMAGE_TYPES, type ReportImage as UploadedImage } from '@simashe/contracts';
import { imageAltText, MAX_IMAGE_ALT_LENGTH, ReportImage } from '@simashe/editor';
import { api, ApiError } from '@simashe/web-api-client';
import { Button, Dialog, TextField } from '@simashe/web-ui';
import { Extension, type AnyExtension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './toolbar-button';

const ACCEPT = Object.keys(REPORT_IMAGE_TYPES).join(',');

/** Where the editor hands pasted or dropped image files: set by `useImageUploads` while images can be added. */
export type ImageFilesHandler = (files: File[], position?: number) => void;

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
}

/**
 * Pasting or dropping image files into the text uploads them (into the report's own image store) and inserts them
 * where they were dropped or at the cursor. Anything else pasted or dropped is the editor's usual business.
 */
export const ImageDropPaste = Extension.create<{ handler: () => ImageFilesHandler | null }>({
  name: 'imageDropPaste',
  // A function, not the handler itself: Tiptap deep-copies plain objects passed to configure().
  addOptions: () => ({ handler: () => null }),
  addProseMirrorPlugins() {
    const handler = this.options.handler;
    return [
      new Plugin({
        key: new PluginKey('imageDropPaste'),
        props: {
          handlePaste: (_view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            const upload = handler();
            if (files.length === 0 || !upload) return false;
            event.preventDefault();
            upload(files);
            return true;
          },
          handleDrop: (view, event) => {
            const files = imageFiles(event.dataTransfer?.files);
            const upload = handler();
            if (files.length === 0 || !upload) return false;
            event.preventDefault();
            upload(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
            return true;
          },
        },
      }),
    ];
  },
});

/** The document extensions with images limited to this report's store (pasted HTML included). */
export function withReportImages(extensions: AnyExtension[], reportId: string | undefined): AnyExtension[] {
  return extensions.map((extension) => (extension.name === ReportImage.name ? ReportImage.configure({ reportId: reportId ?? null }) : extension));
}

/**
 * WebP and GIF pictures become PNG before they leave the browser: PDF (pdfmake) draws only PNG and JPEG, and Word
 * has no WebP, so a PNG is what every export can show (a GIF's animation is lost; a report is read on paper too).
 * The server still takes WebP and GIF from other clients. When the browser cannot convert, the original is sent.
 */
async function printable(file: File): Promise<File> {
  if (file.type !== 'image/webp' && file.type !== 'image/gif') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob || blob.size > MAX_REPORT_IMAGE_BYTES) return file;
    return new File([blob], `${file.name.replace(/\.(webp|gif)$/i, '') || 'image'}.png`, { type: 'image/png' });
  } catch {
    return file;
  }
}

interface UploadState {
  key: number;
  name: string;
  error?: string;
  /** Stored and inserted: said once (for screen readers too), then gone. */
  done?: boolean;
}

/**
 * Uploads image files to the report and inserts each one where it was asked for once it is stored. Files the
 * server would refuse (type, size) are refused here first, in the reader's language; the server's sentence
 * otherwise.
 */
export function useImageUploads(editor: Editor | null, reportId: string | undefined) {
  const { t } = useTranslation();
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const next = useRef(0);
  const update = (key: number, change: Partial<UploadState> | null) =>
    setUploads((current) => (change ? current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)) : current.filter((entry) => entry.key !== key)));

  const upload = useCallback<ImageFilesHandler>(
    (files, position) => {
      if (!reportId || !editor) return;
      for (const file of files) {
        const key = next.current++;
        const name = file.name || t('reportImages.insert');
        const problem = !(file.type in REPORT_IMAGE_TYPES)
          ? t('reportImages.wrongType')
          : file.size > MAX_REPORT_IMAGE_BYTES
            ? t('reportImages.tooLarge', { size: MAX_REPORT_IMAGE_BYTES / 1024 / 1024 })
            : null;
        setUploads((current) => [...current, { key, name, ...(problem ? { error: problem } : {}) }]);
        if (problem) continue;
        printable(file)
          .then((sent) => {
            const form = new FormData();
            form.append('file', sent, sent.name || 'image');
            return api.upload<UploadedImage>(`/reports/${reportId}/images`, form);
          })
          .then((image) => {
            update(key, { done: true });
            setTimeout(() => update(key, null), 4000);
            if (editor.isDestroyed) return;
            const content = { type: 'image', attrs: { src: image.src, alt: '' } };
            const at = position === undefined ? null : Math.min(position, editor.state.doc.content.size);
            // At the drop point, or in place of the selection (the cursor) when chosen or pasted.
            if (at === null) editor.chain().focus().insertContent(content).run();
            else editor.chain().focus().insertContentAt(at, content).run();
          })
          .catch((error: unknown) => update(key, { error: error instanceof ApiError ? error.message : String(error) }));
      }
    },
    [editor, reportId, t],
  );
  return { uploads, upload, dismiss: (key: number) => update(key, null) };
}

/**
 * The hidden file picker the toolbar button and the "/" menu open. While it is there (images can be added), pasted
 * and dropped files go to the same uploader (`handlerRef`, read by `ImageDropPaste`).
 */
export function ImageFileInput({ inputRef, handlerRef, onFiles }: { inputRef: (input: HTMLInputElement | null) => void; handlerRef: { current: ImageFilesHandler | null }; onFiles: ImageFilesHandler }) {
  const { t } = useTranslation();
  useEffect(() => {
    handlerRef.current = onFiles;
    return () => {
      handlerRef.current = null;
    };
  }, [handlerRef, onFiles]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Choosing the same file again must fire again.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return <input ref={inputRef} type="file" accept={ACCEPT} multiple hidden aria-label={t('reportImages.chooseFile')} data-testid="report-image-input" onChange={onChange} />;
}

/**
 * Uploads under way ("Uploading …", then "Image added.", announced politely) and failed ones (announced at once,
 * each dismissable).
 */
export function ImageUploadStatus({ uploads, dismiss }: { uploads: UploadState[]; dismiss: (key: number) => void }) {
  const { t } = useTranslation();
  const busy = uploads.filter((entry) => !entry.error);
  const failed = uploads.filter((entry) => entry.error);
  return (
    <>
      <p className="image-uploads" role="status" aria-live="polite">
        {busy.map((entry) => (
          <span key={entry.key} className="image-upload">
            {entry.done ? t('reportImages.uploaded') : t('reportImages.uploading', { name: entry.name })}
          </span>
        ))}
      </p>
      {failed.length > 0 && (
        <div className="alert alert-error image-upload-errors" role="alert">
          {failed.map((entry) => (
            <p key={entry.key}>
              <span>{t('reportImages.failed', { name: entry.name, reason: entry.error })}</span>{' '}
              <Button variant="secondary" onClick={() => dismiss(entry.key)}>
                {t('reportImages.dismiss')}
              </Button>
            </p>
          ))}
        </div>
      )}
    </>
  );
}

/** The selected image, when an image is selected: its position and alternative text. */
function selectedImage(editor: Editor): { position: number; alt: string } | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== ReportImage.name) return null;
  return { position: selection.from, alt: imageAltText(selection.node.attrs) };
}

function AltTextForm({ editor, image, onClose }: { editor: Editor; image: { position: number; alt: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(image.alt);
  const form = useRef<HTMLFormElement>(null);
  // The dialog opens (showModal) after this form mounts, so autoFocus alone would land on its close button.
  useEffect(() => {
    const frame = requestAnimationFrame(() => form.current?.querySelector('input')?.select());
    return () => cancelAnimationFrame(frame);
  }, []);
  const save = () => {
    // The image may have moved with others' edits: look for it where it was, and leave it alone if it is gone.
    const node = editor.state.doc.nodeAt(image.position);
    if (node?.type.name === ReportImage.name) {
      editor.chain().focus().setNodeSelection(image.position).updateAttributes(ReportImage.name, { alt: alt.trim() }).run();
    }
    onClose();
  };
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <TextField label={t('reportImages.altText')} hint={t('reportImages.altHint')} value={alt} maxLength={MAX_IMAGE_ALT_LENGTH} dir="auto" onChange={(event) => setAlt(event.target.value)} />
      <div className="button-row">
        <Button type="submit">{t('reportImages.save')}</Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The selected image's tools (shown only while an image is selected): its alternative text, edited in the app's
 * dialog. An image without one says so.
 */
export function ImageTools({ editor, editable }: { editor: Editor; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ position: number; alt: string } | null>(null);
  const image = editable ? selectedImage(editor) : null;
  return (
    <>
      {image && (
        <div className="toolbar image-tools" role="toolbar" aria-label={t('reportImages.tools')}>
          <ToolbarButton label={t('reportImages.altTitle')} onClick={() => setEditing(image)}>
            {t('reportImages.altButton')}
          </ToolbarButton>
          {!image.alt && <span className="muted">{t('reportImages.altMissing')}</span>}
        </div>
      )}
      <Dialog open={editing !== null} title={t('reportImages.altTitle')} onClose={() => setEditing(null)} size="small">
        {editing && <AltTextForm editor={editor} image={editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </>
  );
}
