import { useState } from "react";
import { ModalDialog } from "../components/ui/modal-dialog";
import { pastedTextToFile } from "./import/read-input-files";
import { useShellActions } from "./shell-actions";

/** Paste Swagger, Postman or OpenAPI text to import it as a new connector. */
export function PasteDialog({ onClose }: { onClose(): void }) {
  const { importFiles } = useShellActions();
  const [text, setText] = useState("");
  const submit = () => {
    if (text.trim() === "") return;
    onClose();
    void importFiles([pastedTextToFile(text)]);
  };
  return (
    <ModalDialog
      title="Paste a definition"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="cs-button cs-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="cs-button cs-button-primary"
            onClick={submit}
            disabled={text.trim() === ""}
          >
            Import pasted text
          </button>
        </>
      }
    >
      <label className="cs-field-label" htmlFor="cs-paste-text">
        Swagger 2.0, Postman collection or OpenAPI 3 text (JSON or YAML)
      </label>
      <textarea
        id="cs-paste-text"
        className="cs-textarea"
        rows={14}
        spellCheck={false}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
    </ModalDialog>
  );
}
