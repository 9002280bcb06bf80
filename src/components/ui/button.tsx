import type { ButtonHTMLAttributes } from "react";

/**
 * The three button styles of the design system (src/app/app.css § buttons): `primary` for the one main
 * action of a place (Export, Test operation, a dialog's Import), `secondary` for the others, `quiet` for
 * tools in lists and rows. `danger` colours a quiet or secondary button that deletes.
 */
export type ButtonVariant = "primary" | "secondary" | "quiet";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "small" | "normal" | "large";
  danger?: boolean;
}

export function buttonClassName({
  variant = "secondary",
  size = "normal",
  danger = false,
}: Pick<ButtonProps, "variant" | "size" | "danger"> = {}): string {
  const classes = ["cs-button", `cs-button-${variant}`];
  if (size !== "normal") classes.push(`cs-button-${size}`);
  if (danger) classes.push("cs-button-danger");
  return classes.join(" ");
}

export function Button({ variant, size, danger, className, type = "button", ...props }: ButtonProps) {
  const base = buttonClassName({ variant, size, danger });
  return <button type={type} className={className ? `${base} ${className}` : base} {...props} />;
}
