import { multipartBoundary, multipartParts } from './multipart-parts.ts';

/** A file of an upload form as it arrives: its bytes go to the store without being held whole. */
export type StreamedFile = {
  field: string;
  fileName: string;
  contentType: string;
  content: AsyncIterable<Uint8Array>;
};

/**
 * An action's form with its files streamed: the text fields come back as `FormData`; each file with
 * a name is handed to `onFile` with the fields before it (the intent, the ids), which stores it
 * or leaves it (then it is skipped unread). A form without files is read as usual.
 */
export async function streamedForm(
  request: Request,
  onFile: (file: StreamedFile, fields: FormData) => Promise<void>,
): Promise<FormData> {
  const boundary = multipartBoundary(request.headers.get('content-type'));
  if (!boundary) return request.formData();
  const fields = new FormData();
  for await (const part of multipartParts(request.body, boundary)) {
    if (part.kind === 'field') fields.append(part.name, part.value);
    // An empty file input still sends a part, without a name: nothing was chosen.
    else if (part.fileName)
      await onFile(
        { field: part.name, fileName: part.fileName, contentType: part.contentType, content: part.content },
        fields,
      );
  }
  return fields;
}

/**
 * An action's form whose files of one input (`multiple`) go to a single call as they arrive (a
 * partner's answer and its documents): at the first file of `field`, `onFiles` gets the fields
 * before it and that file and each next one of the field in turn, read straight off the body.
 * What it leaves unread is skipped; the fields after are read into the returned form.
 */
export async function streamedFiles(
  request: Request,
  field: string,
  onFiles: (files: AsyncIterable<StreamedFile>, fields: FormData) => Promise<void>,
): Promise<FormData> {
  const boundary = multipartBoundary(request.headers.get('content-type'));
  if (!boundary) return request.formData();
  const fields = new FormData();
  const parts = multipartParts(request.body, boundary);
  // Pulled by `onFiles` and then by the loop below, never by both at once.
  const nextFile = async (): Promise<StreamedFile | undefined> => {
    for await (const part of { [Symbol.asyncIterator]: () => ({ next: () => parts.next() }) }) {
      if (part.kind === 'field') fields.append(part.name, part.value);
      // An empty file input still sends a part, without a name: nothing was chosen.
      else if (part.name === field && part.fileName)
        return { field, fileName: part.fileName, contentType: part.contentType, content: part.content };
    }
    return undefined;
  };
  const first = await nextFile();
  if (first) {
    await onFiles(
      (async function* () {
        for (let file: StreamedFile | undefined = first; file; file = await nextFile()) yield file;
      })(),
      fields,
    );
    while (await nextFile()) {
      // skipped: files `onFiles` did not ask for
    }
  }
  return fields;
}

/**
 * The form with its files whole in memory, for readers that need a file whole (a 12345 export, an
 * assessment sheet): a file past `maxBytes` is not held further — its field is named in `tooLarge`
 * and the rest of it skipped unread.
 */
export async function cappedForm(
  request: Request,
  maxBytes: number,
): Promise<{ form: FormData; tooLarge: string | null }> {
  let tooLarge: string | null = null;
  const form = await streamedForm(request, async (file, fields) => {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    for await (const chunk of file.content) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        tooLarge = file.field;
        return;
      }
      chunks.push(new Uint8Array(chunk));
    }
    fields.append(file.field, new File(chunks, file.fileName, { type: file.contentType }));
  });
  return { form, tooLarge };
}

/** The cap of an upload, as the refusal shows it. */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What a call made while the form streamed came to, kept for the action to answer with once the form is read. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
