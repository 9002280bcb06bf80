import type { SVGProps } from "react";

/**
 * The app's icons, drawn inline (no icon font or glyph that a system may lack). 16 px, stroked with the text
 * colour; decorative: the button or link around an icon carries its name.
 */
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      className="cs-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function UndoIcon() {
  return (
    <Icon>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5H10a3.5 3.5 0 0 1 0 7H7" />
    </Icon>
  );
}

export function RedoIcon() {
  return (
    <Icon>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5H6a3.5 3.5 0 0 0 0 7h3" />
    </Icon>
  );
}

export function PencilIcon() {
  return (
    <Icon>
      <path d="M11 2.5 13.5 5 6 12.5 2.5 13.5 3.5 10z" />
      <path d="m9.5 4 2.5 2.5" />
    </Icon>
  );
}

export function TrashIcon() {
  return (
    <Icon>
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
    </Icon>
  );
}

export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  );
}

/** Points right when closed, down when open. */
export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <Icon>
      <path d={open ? "m4 6 4 4 4-4" : "m6 4 4 4-4 4"} />
    </Icon>
  );
}

/** Points right when a side list is collapsed (opens it), left when it is open (collapses it). */
export function SidebarChevronIcon({ collapsed }: { collapsed: boolean }) {
  return (
    <Icon width="14" height="14">
      <path d={collapsed ? "M6 3.5 10.5 8 6 12.5" : "M10 3.5 5.5 8 10 12.5"} />
    </Icon>
  );
}

export function MoonIcon() {
  return (
    <Icon>
      <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" />
    </Icon>
  );
}

export function SunIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="2.8" />
      <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
    </Icon>
  );
}
