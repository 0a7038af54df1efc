/**
 * The admin side of the plugin contract (`@linju/plugin-sdk/admin`): the screens a plugin
 * contributes, hosted by the admin app. Kept apart from the package's main entry so the server
 * never loads React.
 */
import { formatDate, referralStatusLabel, roleLabel } from '@linju/i18n';
import { useLocale } from '@linju/ui';

// Screens show dates and times as every admin page does (China Standard Time, the locale's style).
export { formatDate, formatDateTime } from '@linju/i18n';

import { type ComponentType, type ReactNode, useCallback } from 'react';
import type { Locale } from './localized-text.ts';
import { type PluginMessageParams, type PluginMessages, pluginMessage } from './messages.ts';
import type { PluginProcedure } from './procedures.ts';

// What a screen reads from its form and how it shows moments, without the server side of the SDK.
export * from './form-values.ts';

/** The typed values of a posted form (every field as text). */
export type FormValues = Readonly<Record<string, string>>;

/** A translation function over one plugin's keys, in the page's locale. */
export type PluginTranslate<TKey extends string> = (key: TKey, params?: PluginMessageParams) => string;

/** The props a field of an intent form spreads: its name, id, error (in the user's language) and what was typed. */
export interface IntentField {
  readonly name: string;
  readonly id: string;
  readonly error: string | undefined;
  /** What was typed when the form was refused, to fill it again. */
  readonly defaultValue: string | undefined;
}

/** One of a screen's forms, bound by the host to the page's last refusal: it posts `intent`. */
export type IntentFormComponent = ComponentType<{
  readonly intent: string;
  readonly title: string;
  readonly submit: string;
  readonly hidden?: Readonly<Record<string, string>>;
  /** For a form that sends files. */
  readonly multipart?: boolean;
  readonly children: (field: (name: string) => IntentField) => ReactNode;
}>;

/**
 * A form of a screen: the host's intent runner checks it is one of these, turns the posted
 * fields into the procedure's input, calls `<plugin id>.<procedure>`, shows a refusal on the named
 * fields (in the user's language) or redirects with `?done=<done>`.
 */
export interface ScreenIntent {
  /** The plugin procedure it calls (a key of the manifest's `procedures`). */
  readonly procedure: string;
  /**
   * The posted fields, each with the message key of its label (the error summary names the field
   * by it); a refusal naming another field is summarised under the first one's label.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** Fields posted once per ticked box (a checklist): `input` gets each as a list in `at.lists`. */
  readonly lists?: readonly string[];
  /**
   * Checks before the call (a choice the form must have): a message key for each field that is
   * wrong; the form comes back refused with what was typed, and the procedure is not called.
   */
  check?(form: FormValues): Readonly<Record<string, string | undefined>>;
  /** The procedure's input from the posted fields and where the screen is (the case's id, the lists). */
  input(
    form: FormValues,
    at: { readonly caseId: string | null; readonly lists?: Readonly<Record<string, readonly string[]>> },
  ): Record<string, unknown>;
  /** What the page says it did, `?done=<done>` (the screen's message). */
  readonly done: string;
  /**
   * The case the procedure's answer opened, to go to instead of coming back (a failed
   * mediation's follow-on case).
   */
  opensCase?(result: unknown): string;
}

/** What the host hands a screen's component. */
export interface ScreenProps<TData, TKey extends string = string> {
  /** The answer of the screen's `page` query. */
  readonly data: TData;
  readonly slug: string;
  readonly locale: Locale;
  readonly IntentForm: IntentFormComponent;
  /** The plugin's messages in the page's locale. */
  readonly t: PluginTranslate<TKey>;
  /** The `done` of the intent that just succeeded, if any. */
  readonly done: string | null;
}

/** A screen under a case also knows the case. */
export interface CaseScreenProps<TData, TKey extends string = string> extends ScreenProps<TData, TKey> {
  readonly caseId: string;
}

interface ScreenBase {
  /**
   * The id of the manifest's `adminRoutes` entry this screen renders: its path, label, permission
   * and placement are declared there, where the server (links, `catalogue.screens`) reads them
   * without loading React.
   */
  readonly id: string;
  /** The plugin query giving everything the screen shows, in one call (a key of `procedures`). */
  readonly page: string;
  readonly intents?: Readonly<Record<string, ScreenIntent>>;
}

/** A screen under one of the plugin's cases (`/t/<slug>/cases/<id>/<path>`); `page` gets `{ caseId }`. */
export interface CaseScreen<TData = never, TKey extends string = string> extends ScreenBase {
  readonly kind: 'case';
  /** The page's title and the case's number, for the header the host draws (title, errors, way back). */
  heading(data: TData, t: PluginTranslate<TKey>): { readonly title: string; readonly caseNumber: string };
  readonly Component: ComponentType<CaseScreenProps<TData, TKey>>;
}

/** A district page (`/t/<slug>/<path>`), in the navigation or on the settings page; `page` gets `{}`. */
export interface DistrictScreen<TData = never, TKey extends string = string> extends ScreenBase {
  readonly kind: 'district';
  /** The page's title, for the header the host draws. */
  heading(data: TData, t: PluginTranslate<TKey>): { readonly title: string };
  readonly Component: ComponentType<ScreenProps<TData, TKey>>;
}

/** A file a resident's form posted, as a public procedure's input takes it. */
export interface PostedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

/**
 * A form of a public screen by which a resident applies: the host checks it is one of these, turns
 * the posted fields and files into the input of the plugin's public mutation, shows a refusal on
 * the named fields, and on success shows the site's confirmation of the case the answer names.
 */
export interface PublicScreenIntent {
  /** The plugin's public procedure it calls (a key of the manifest's `procedures`). */
  readonly procedure: string;
  /** The posted fields, each with the message key of its label (as a screen intent's). */
  readonly fields: Readonly<Record<string, string>>;
  /** File inputs (each may send several files), handed to `input` in `at.files`; a refused file shows on its input. */
  readonly files?: readonly string[];
  /** An API path that is no field of the form, shown at this field (`form.hardship` → its first field). */
  readonly fieldForPath?: Readonly<Record<string, string>>;
  check?(form: FormValues): Readonly<Record<string, string | undefined>>;
  /** The procedure's input from the posted fields, the whole form (checkboxes, nested names) and the files. */
  input(
    form: FormValues,
    at: { readonly form: FormData; readonly files: Readonly<Record<string, readonly PostedFile[]>> },
  ): Record<string, unknown>;
  /** The number of the case the answer opened (or repeats), which the site's confirmation shows. */
  caseNumber?(result: unknown): string;
  /**
   * Instead of the site's confirmation: the screen again, with these search parameters (its
   * `page` query gets them), e.g. the booking just made for the screen's own confirmation.
   */
  showsAfter?(result: unknown): Readonly<Record<string, string>>;
}

/**
 * A resident-facing page (no staff session), for the resident site: the host shows `Component`
 * with its `page` answer. Its path is below the district's public site. A screen by which a
 * resident applies (`intents`) asks for a verified phone first (`resident: 'required'`).
 */
export interface PublicScreen<TData = never, TKey extends string = string> {
  readonly kind: 'public';
  readonly id: string;
  /** Kebab-case segments below the district's public site. */
  readonly path: string;
  /** The plugin's public query giving everything the screen shows (`publicProcedure`), with the page's search parameters. */
  readonly page: string;
  /**
   * How the site lists this screen (plugin message keys): on the page of what one can apply for
   * online (网上办理, `apply`, the default), on the booking page (预约, `book`), or among the home
   * page's quick links (`home`: a knowledge service a resident uses without applying, shown where
   * the district switched it on).
   */
  readonly offer?: { readonly title: TKey; readonly intro: TKey; readonly on?: 'apply' | 'book' | 'home' };
  /** `required`: the host sends a resident without a verified phone to prove it first, then back. */
  readonly resident?: 'required';
  readonly intents?: Readonly<Record<string, PublicScreenIntent>>;
  /** The page's title. */
  heading(data: TData, t: PluginTranslate<TKey>): { readonly title: string };
  readonly Component: ComponentType<Omit<ScreenProps<TData, TKey>, 'done'>>;
}

/** Any screen a plugin's `./admin` exports in `adminScreens`. */
// biome-ignore lint/suspicious/noExplicitAny: a list holds screens of every data type; each was typed where it was built
export type AdminScreen = CaseScreen<any, any> | DistrictScreen<any, any> | PublicScreen<any, any>;

/** Fields the intake form adds for this plugin's service (legal aid's hardship check). */
export interface IntakeExtras<TKey extends string = string> {
  /** Rendered in the intake form after the service's own fields, when this service is chosen. */
  readonly Component: ComponentType<{
    readonly t: PluginTranslate<TKey>;
    /** The service's answers as typed (what `toForm` read included), to fill the fields again. */
    readonly values: Readonly<Record<string, unknown>> | undefined;
    /** The error of a posted field, in the user's language. */
    readonly error: (name: string) => string | undefined;
  }>;
  /** The names of the fields it posts, where the API's refusals show. */
  readonly fields: readonly string[];
  /** A refusal at an API path that is no field of its own (`form.hardship`) shows at this field. */
  readonly fieldForPath?: Readonly<Record<string, string>>;
  /** The answers it adds to the service's form from the posted fields (none when left empty). */
  toForm(form: FormData): Record<string, unknown>;
}

/** The answer type of a plugin procedure, for a screen's `data`. */
export type ProcedureResult<TProcedure> =
  TProcedure extends PluginProcedure<infer _S, infer _I, infer TResult> ? Awaited<TResult> : never;

export const caseScreen = <TData, TKey extends string = string>(
  screen: Omit<CaseScreen<TData, TKey>, 'kind'>,
): CaseScreen<TData, TKey> => ({ ...screen, kind: 'case' });

export const districtScreen = <TData, TKey extends string = string>(
  screen: Omit<DistrictScreen<TData, TKey>, 'kind'>,
): DistrictScreen<TData, TKey> => ({ ...screen, kind: 'district' });

export const publicScreen = <TData, TKey extends string = string>(
  screen: Omit<PublicScreen<TData, TKey>, 'kind'>,
): PublicScreen<TData, TKey> => ({ ...screen, kind: 'public' });

export const intakeExtras = <TKey extends string = string>(extras: IntakeExtras<TKey>): IntakeExtras<TKey> =>
  extras;

/** The plugin's messages in the page's locale, typed over its keys. */
export function usePluginMessages<TKey extends string>(
  messages: PluginMessages<TKey>,
): PluginTranslate<TKey> {
  const locale = useLocale();
  return useCallback((key, params) => pluginMessage(messages, locale, key, params), [messages, locale]);
}

/** The platform's name of a referral's status (`sent`, `completed`…) in the page's locale. */
export function useReferralStatusLabel(): (status: string) => string {
  const locale = useLocale();
  return useCallback((status) => referralStatusLabel(locale, status), [locale]);
}

/** A date (`YYYY-MM-DD` or a moment) as the platform writes it in the page's locale (2026年3月2日). */
export function useFormatDate(): (value: string | Date) => string {
  const locale = useLocale();
  return useCallback((value) => formatDate(locale, value), [locale]);
}

/** The platform's name of a staff role (`lawyer`, `legal-aid-officer`…) in the page's locale. */
export function useRoleLabel(): (role: string) => string {
  const locale = useLocale();
  return useCallback((role) => roleLabel(locale, role), [locale]);
}
