import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonClassName } from "./button";

describe("Button", () => {
  it("names the design system's style: secondary unless told", () => {
    expect(buttonClassName()).toBe("cs-button cs-button-secondary");
    expect(buttonClassName({ variant: "primary", size: "large" })).toBe(
      "cs-button cs-button-primary cs-button-large",
    );
    expect(buttonClassName({ variant: "quiet", size: "small", danger: true })).toBe(
      "cs-button cs-button-quiet cs-button-small cs-button-danger",
    );
  });

  it("is a type=button (never submits a form by accident) and keeps the caller's class and attributes", () => {
    const html = renderToStaticMarkup(
      <Button variant="quiet" role="switch" aria-checked={true} className="cs-theme-switch">
        Dark theme
      </Button>,
    );
    expect(html).toBe(
      '<button type="button" class="cs-button cs-button-quiet cs-theme-switch" role="switch" aria-checked="true">Dark theme</button>',
    );
    expect(renderToStaticMarkup(<Button type="submit">Import</Button>)).toContain('type="submit"');
  });
});
