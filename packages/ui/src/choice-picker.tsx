import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type Choice, matchingChoices } from './choice-match.ts';
import { LabelledControl } from './field-parts.tsx';
import { useTranslate } from './locale-context.tsx';

export interface ChoicePickerProps {
  label: string;
  /** The form field: posts the chosen id, or (without JavaScript) what was typed, for `resolveChoice`. */
  name: string;
  id?: string | undefined;
  /** Replaces the default hint ("type part of the name…"). */
  hint?: string | undefined;
  error?: string | undefined;
  /** Labels unique among them (`distinctLabels`), in the order to list them. */
  choices: readonly Choice[];
  /** A choice's id, or text typed before a refusal (shown again as typed). */
  defaultValue?: string | undefined;
  /** Called with the posted field once a choice is made with JavaScript (the intake refreshes its services). */
  onChoose?: ((field: HTMLInputElement) => void) | undefined;
}

/**
 * One field choosing one of many (300 community rooms, a district's staff). Served as a text box
 * with a `<datalist>`: without JavaScript the browser suggests the choices containing what is typed,
 * and the server resolves the posted text (`resolveChoice`), naming the field when it fits none or
 * several. With JavaScript it becomes an ARIA combobox (list autocomplete): typing filters, arrows
 * move, Enter chooses, Escape closes, and the chosen id is posted.
 */
export function ChoicePicker({
  label,
  name,
  id,
  hint,
  error,
  choices,
  defaultValue = '',
  onChoose,
}: ChoicePickerProps) {
  const t = useTranslate();
  const listId = `${useId()}-choices`;
  const initial = choices.find((choice) => choice.id === defaultValue);
  const [enhanced, setEnhanced] = useState(false);
  const [text, setText] = useState(initial?.label ?? defaultValue);
  const [chosenId, setChosenId] = useState(initial?.id ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The server's rendering and the first on the client are the plain field; then it is enhanced.
  useEffect(() => setEnhanced(true), []);
  const matches = matchingChoices(choices, chosenId ? '' : text);
  useEffect(() => {
    if (active >= 0) list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (choice: Choice) => {
    setText(choice.label);
    setChosenId(choice.id);
    setOpen(false);
    setActive(-1);
    if (field.current) {
      // Set now, so a handler reading the form sees the choice before React renders it.
      field.current.value = choice.id;
      onChoose?.(field.current);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (event.altKey) return;
      setActive((at) => (event.key === 'ArrowDown' ? Math.min(at + 1, last) : Math.max(at - 1, 0)));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else {
        setText('');
        setChosenId('');
      }
      setActive(-1);
    }
  };

  return (
    <LabelledControl label={label} name={name} id={id} hint={hint ?? t('ui.picker_hint')} error={error}>
      {(control) =>
        enhanced ? (
          <div className="lj-picker">
            <input
              {...control}
              className="lj-field__input"
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
              value={text}
              onChange={(event) => {
                const typed = event.currentTarget.value;
                setText(typed);
                setChosenId(choices.find((choice) => choice.label === typed)?.id ?? '');
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onClick={() => setOpen(true)}
              onBlur={() => setOpen(false)}
            />
            <input ref={field} type="hidden" name={name} value={chosenId || text} />
            <div className="lj-picker__list" id={listId} role="listbox" aria-label={label} hidden={!open}>
              {open
                ? matches.map((choice, index) => (
                    <div
                      key={choice.id}
                      id={`${listId}-${index}`}
                      role="option"
                      // Focus stays in the field (aria-activedescendant); an option is never a tab stop.
                      tabIndex={-1}
                      aria-selected={index === active}
                      className="lj-picker__option"
                      // Chosen on mouse down, before the field's blur closes the list.
                      onMouseDown={(event) => {
                        event.preventDefault();
                        choose(choice);
                      }}
                    >
                      {choice.label}
                      {choice.detail ? <span className="lj-picker__detail">{choice.detail}</span> : null}
                    </div>
                  ))
                : null}
            </div>
            <p className="lj-visually-hidden" aria-live="polite">
              {open
                ? matches.length > 0
                  ? t('ui.picker_matches', { count: matches.length })
                  : t('ui.picker_no_match')
                : ''}
            </p>
          </div>
        ) : (
          <>
            <input
              {...control}
              className="lj-field__input"
              type="text"
              name={name}
              list={listId}
              autoComplete="off"
              defaultValue={text}
            />
            <datalist id={listId}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.label} label={choice.detail} />
              ))}
            </datalist>
          </>
        )
      }
    </LabelledControl>
  );
}
