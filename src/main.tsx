// First: IndexedDB opens and reads the saved workspace while React and the app's code evaluate.
import "./app/persistence/start-early-read";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { startTheme } from "./lib/theme";

startTheme();
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
