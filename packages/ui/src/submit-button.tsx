import { useNavigation } from 'react-router';
import { Button, type ButtonProps } from './button.tsx';

/**
 * A form's submit button, disabled while the page is posting (with JavaScript): a second click
 * cannot send the form again. Without JavaScript the server's submission key makes a second post
 * answer like the first.
 */
export function SubmitButton({ disabled, ...rest }: Omit<ButtonProps, 'type'>) {
  const posting = useNavigation().state === 'submitting';
  return (
    <Button type="submit" disabled={disabled || posting} aria-disabled={posting || undefined} {...rest} />
  );
}
