import { useState } from "react";
import { FormSection, Select, TextField } from "../../components/ui/form-fields";
import { getAtPointer, toPointer } from "../../model/json-pointer";
import { isJsonObject } from "../../model/json-value";
import { setValue } from "../../model/operations/document-edits";
import {
  addConnectionParameter,
  addParameterSet,
  AUTH_TYPES,
  disableParameterSets,
  enableParameterSets,
  parametersPointer,
  parseScopes,
  readParameterSets,
  removeParameterSet,
  setParameterSetField,
  type AuthType,
  type ParameterSetField,
} from "../../model/operations/security";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { selectDocument } from "../../store/workspace-store";
import { ConnectionParameterEditor } from "./connection-parameter-editor";

/**
 * Several authentication options (`connectionParameterSets`): the connection dialog lets the user pick one.
 * The fields are bound straight to the document (every keystroke is a merged command), so there is no
 * second copy to keep in sync.
 */
export function ParameterSetsEditor() {
  const store = useWorkspaceStoreApi();
  const doc = useWorkspace(selectDocument);
  const [newType, setNewType] = useState<AuthType>("oauth2");
  if (!doc) return null;
  const sets = readParameterSets(doc);
  const dispatch = (
    command: Parameters<ReturnType<typeof store.getState>["dispatch"]>[0],
    mergeKey?: string,
  ) => store.getState().dispatch(command, mergeKey ? { source: "form", mergeKey } : { source: "form" });
  const setField = (index: number, field: ParameterSetField, value: string) =>
    dispatch(
      setParameterSetField(index, field, value),
      `/properties/connectionParameterSets#${index}-${field}`,
    );

  if (!sets) {
    return (
      <FormSection
        title="Authentication options"
        description="Let people choose how to sign in (e.g. OAuth 2.0 or an API key). The original wizard cannot do this."
      >
        <button
          type="button"
          className="cs-button"
          data-pointer="/properties/connectionParameterSets"
          onClick={() => dispatch(enableParameterSets())}
        >
          Offer several authentication options
        </button>
      </FormSection>
    );
  }

  const base = "/properties/connectionParameterSets";
  return (
    <FormSection
      title="Authentication options"
      description="The connection dialog offers these choices; each has its own connection parameters."
    >
      <div className="cs-security__grid">
        <TextField
          label="Choice label"
          pointer={`${base}/uiDefinition/displayName`}
          value={sets.displayName}
          onChange={(event) => setField(0, "setDisplayName", event.target.value)}
        />
        <TextField
          label="Choice description"
          pointer={`${base}/uiDefinition/description`}
          value={sets.description}
          onChange={(event) => setField(0, "setDescription", event.target.value)}
        />
      </div>
      {sets.options.map((option) => {
        const optionPointer = `${base}/values/${option.index}`;
        const paramsBase = parametersPointer(option.index);
        const params = getAtPointer(doc.properties, paramsBase);
        const oauthNames = isJsonObject(params)
          ? Object.keys(params).filter((k) => isJsonObject(params[k]) && params[k].type === "oauthSetting")
          : [];
        return (
          <fieldset key={option.index} className="cs-security__option">
            <legend>Authentication option {option.displayName || option.name}</legend>
            <div className="cs-security__grid">
              <TextField
                label="Option name"
                pointer={`${optionPointer}/name`}
                value={option.name}
                spellCheck={false}
                onChange={(event) => setField(option.index, "name", event.target.value)}
              />
              <TextField
                label="Option display name"
                pointer={`${optionPointer}/uiDefinition/displayName`}
                value={option.displayName}
                onChange={(event) => setField(option.index, "displayName", event.target.value)}
              />
              <TextField
                label="Option description"
                pointer={`${optionPointer}/uiDefinition/description`}
                value={option.description}
                onChange={(event) => setField(option.index, "description", event.target.value)}
              />
            </div>
            {oauthNames.map((name) => {
              const settingsPointer = `${paramsBase}${toPointer([name])}/oAuthSettings`;
              const settings = getAtPointer(doc.properties, settingsPointer);
              const s = isJsonObject(settings) ? settings : {};
              const scopes = Array.isArray(s.scopes) ? s.scopes.join(" ") : "";
              return (
                <div key={name} className="cs-security__grid">
                  <TextField
                    label={`Application ID (${option.name})`}
                    pointer={`${settingsPointer}/clientId`}
                    value={typeof s.clientId === "string" ? s.clientId : ""}
                    hint={`Identity provider: ${typeof s.identityProvider === "string" ? s.identityProvider : "oauth2"}`}
                    onChange={(event) =>
                      dispatch(
                        setValue(
                          "properties",
                          `${settingsPointer}/clientId`,
                          event.target.value,
                          "Change client ID",
                        ),
                        `${settingsPointer}/clientId`,
                      )
                    }
                  />
                  <TextField
                    label={`OAuth scopes (${option.name})`}
                    pointer={`${settingsPointer}/scopes`}
                    key={scopes}
                    defaultValue={scopes}
                    onBlur={(event) =>
                      dispatch(
                        setValue(
                          "properties",
                          `${settingsPointer}/scopes`,
                          parseScopes(event.target.value),
                          "Change scopes",
                        ),
                      )
                    }
                  />
                </div>
              );
            })}
            {option.parameters
              .filter((p) => p.type !== "oauthSetting")
              .map((param) => (
                <ConnectionParameterEditor key={param.name} base={paramsBase} values={param} />
              ))}
            <div className="cs-security__row">
              <button
                type="button"
                className="cs-button"
                onClick={() => dispatch(addConnectionParameter(paramsBase))}
              >
                Add parameter to {option.displayName || option.name}
              </button>
              <button
                type="button"
                className="cs-button"
                disabled={sets.options.length <= 1}
                onClick={() => dispatch(removeParameterSet(option.index))}
              >
                Remove option {option.displayName || option.name}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="cs-security__row">
        <Select
          label="New option type"
          value={newType}
          onChange={(event) => setNewType(event.target.value as AuthType)}
          options={AUTH_TYPES.map((t) => ({ value: t.id, label: t.label }))}
        />
        <button type="button" className="cs-button" onClick={() => dispatch(addParameterSet(newType))}>
          Add authentication option
        </button>
        <button type="button" className="cs-button" onClick={() => dispatch(disableParameterSets())}>
          Use a single authentication
        </button>
      </div>
    </FormSection>
  );
}
