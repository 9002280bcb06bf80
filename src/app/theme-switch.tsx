import { Button } from "../components/ui/button";
import { MoonIcon, SunIcon } from "../components/ui/icons";
import { setDarkTheme, useDarkTheme } from "../lib/theme";

/** The header's Dark theme switch: overrides the system's preference, remembered in this browser. */
export function ThemeSwitch() {
  const dark = useDarkTheme();
  return (
    <Button
      variant="quiet"
      role="switch"
      aria-checked={dark}
      className="cs-theme-switch"
      title={dark ? "Dark theme (on)" : "Dark theme (off)"}
      onClick={() => setDarkTheme(!dark)}
    >
      {dark ? <MoonIcon /> : <SunIcon />}
      <span className="cs-visually-hidden">Dark theme</span>
    </Button>
  );
}
