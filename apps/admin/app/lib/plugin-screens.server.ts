import type { MessageKey } from '@linju/i18n';
import { placementSpace } from '@linju/plugin-sdk';
import { pluginAdmins } from '@linju/plugins/admin';
import { redirect } from 'react-router';
import { DOCUMENT_FIELD_MESSAGES, declaredType } from './document-upload.ts';
import { honeypotFilled } from './honeypot.ts';
import { hostedScreen, publicScreens } from './hosted-screens.ts';
import { intent, intentAction } from './intent-action.ts';
import { publicSitePaths } from './public-site-paths.ts';
import { load } from './route-errors.ts';
import { tenantPaths } from './tenant-paths.ts';

type PluginCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/**
 * The plugin screen served at `path` (below a case, or below the district), as the installed
 * plugins declare it: a plugin's own screen only (a module of the admin app serves itself).
 * Anything else is the page's 404.
 */
export function screenAt<TKind extends 'case' | 'district'>(kind: TKind, path: string) {
  for (const admin of pluginAdmins) {
    const declared = admin.adminRoutes.find(
      (route) =>
        route.path === path &&
        !route.module &&
        route.placement.some((placement) => placementSpace(placement) === kind),
    );
    const found = declared ? hostedScreen(kind, admin.pluginId, declared.id) : undefined;
    if (found) return found;
  }
  throw new Response(null, { status: 404 });
}

/** The public screen served at `path` below the district's public pages; anything else is the page's 404. */
export function publicScreenAt(path: string) {
  const found = publicScreens().find(({ screen }) => screen.path === path);
  if (!found) throw new Response(null, { status: 404 });
  return found;
}

/** Calls `<plugin id>.<procedure>` on the request's caller (the API checks, validates and runs it). */
export function callPlugin(caller: unknown, pluginId: string, procedure: string, input: unknown) {
  const call = (caller as PluginCaller)[pluginId]?.[procedure];
  if (!call) throw new Error(`The API has no procedure ${pluginId}.${procedure}`);
  return call(input);
}

/**
 * The screen at `path` and its page query's answer, for a host's loader. The page's search
 * parameters go with the query (the office or the unit and month a page shows); its schema keeps
 * those it knows.
 */
export async function loadScreen(
  kind: 'case' | 'district',
  path: string,
  caller: unknown,
  caseId: string | null,
  url: URL,
) {
  const { pluginId, screen } = screenAt(kind, path);
  const input = { ...Object.fromEntries(url.searchParams), ...(caseId ? { caseId } : {}) };
  const data = await load(callPlugin(caller, pluginId, screen.page, input));
  return { pluginId, screenId: screen.id, caseId, data };
}

/**
 * The shared intent runner of a host's action: the posted intent must be one of the screen's, its
 * fields become the procedure's input, a refusal shows on the named fields in the user's
 * language, success redirects with `?done=<done>` (or to the case the answer opened).
 */
export function runScreenIntent(
  kind: 'case' | 'district',
  path: string,
  caller: unknown,
  request: Request,
  /** The page's address (React Router's `url`, without its `.data` suffix). */
  url: URL,
  caseId: string | null,
) {
  const { pluginId, screen } = screenAt(kind, path);
  const intents = screen.intents ?? {};
  const handlers = Object.fromEntries(
    Object.entries(intents).map(([name, screenIntent]) => [
      name,
      intent({
        fields: Object.keys(screenIntent.fields),
        check: (values) => (screenIntent.check?.(values) ?? {}) as Record<string, MessageKey | undefined>,
        run: async (values, { form }) => {
          // Fields posted once per ticked box, as lists.
          const lists = Object.fromEntries(
            (screenIntent.lists ?? []).map((list) => [
              list,
              form.getAll(list).filter((v): v is string => typeof v === 'string'),
            ]),
          );
          const result = await callPlugin(
            caller,
            pluginId,
            screenIntent.procedure,
            screenIntent.input(values, { caseId, lists }),
          );
          const opened = screenIntent.opensCase?.(result);
          // `/t/<slug>/…`: the district the screen is in.
          if (opened) return redirect(tenantPaths.case(url.pathname.split('/')[2] ?? '', opened));
        },
      }),
    ]),
  );
  // Back to what the page showed (its office, unit and month), with what was done.
  const shown = [...url.searchParams].filter(([key]) => key !== 'done' && key !== 'edit');
  return intentAction(request, handlers, {
    done: (name) =>
      `${url.pathname}?${new URLSearchParams([...shown, ['done', intents[name]?.done ?? name]])}`,
  });
}

/** The files chosen in one file input of a posted form, as a public procedure's input takes them. */
async function postedFiles(form: FormData, field: string) {
  const chosen = form.getAll(field).filter((v): v is File => typeof v !== 'string' && v.name !== '');
  return Promise.all(
    chosen.map(async (file) => ({
      fileName: file.name,
      contentType: declaredType(file.name, file.type),
      contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64'),
    })),
  );
}

/**
 * The intent runner of a public screen (a resident applying): a robot's post (honeypot filled)
 * goes back to the page with nothing done; otherwise its fields and files become the plugin's
 * public procedure's input, a refusal shows on the named fields (a refused file on its input), and
 * success shows the site's confirmation with the case number, or the screen again with what its
 * intent names (`showsAfter`).
 */
export async function runPublicScreenIntent(path: string, caller: unknown, request: Request, url: URL) {
  const { pluginId, screen } = publicScreenAt(path);
  const slug = url.pathname.split('/')[2] ?? '';
  const form = await request.formData();
  if (honeypotFilled(form)) return redirect(url.pathname);
  const handlers = Object.fromEntries(
    Object.entries(screen.intents ?? {}).map(([name, screenIntent]) => {
      const files = screenIntent.files ?? [];
      return [
        name,
        intent({
          fields: Object.keys(screenIntent.fields).filter((field) => !files.includes(field)),
          check: (values) => (screenIntent.check?.(values) ?? {}) as Record<string, MessageKey | undefined>,
          errors: {
            fields: files,
            fieldForPath: screenIntent.fieldForPath,
            fieldForMessage: Object.assign({}, ...files.map(DOCUMENT_FIELD_MESSAGES)),
          },
          run: async (values) => {
            const posted = Object.fromEntries(
              await Promise.all(files.map(async (field) => [field, await postedFiles(form, field)] as const)),
            );
            const result = await callPlugin(
              caller,
              pluginId,
              screenIntent.procedure,
              screenIntent.input(values, { form, files: posted }),
            );
            const shows = screenIntent.showsAfter?.(result);
            if (shows) return redirect(`${url.pathname}?${new URLSearchParams({ ...shows })}`);
            return redirect(publicSitePaths.applied(slug, screenIntent.caseNumber?.(result) ?? ''));
          },
        }),
      ];
    }),
  );
  return intentAction(form, handlers, { done: () => url.pathname });
}
