import { describe, expect, it } from "vitest";
import {
  authorityWithoutCredentials,
  hasUrlCredentials,
  isCredentialName,
  withoutUrlCredentials,
} from "./credentials";

describe("isCredentialName", () => {
  it.each([
    "X-Functions-Key",
    "x-functions-key",
    "Ocp-Apim-Subscription-Key",
    "subscription-key",
    "api_key",
    "apiKey",
    "APIKEY",
    "key",
    "code",
    "Code",
    "sig",
    "access_token",
    "accesstoken",
    "X-Auth-Token",
    "auth",
    "Authorization",
    "client_secret",
    "clientSecret",
    "password",
    "X-Hub-Signature-256",
    "Cookie",
    "sessionId",
  ])("%s is a credential", (name) => expect(isCredentialName(name)).toBe(true));

  it.each([
    "country_code",
    "zipCode",
    "q",
    "limit",
    "author",
    "keyword",
    "design",
    "Accept-Language",
    "tokenUrl",
    "authorizationUrl",
    "passwordResetUri",
    "",
  ])("%s is not", (name) => expect(isCredentialName(name)).toBe(false));
});

describe("URL credentials", () => {
  it("removes user names and passwords from every URL of a text, and nothing else", () => {
    expect(withoutUrlCredentials("https://alice:pw@host.example.com/api?x=1")).toBe(
      "https://host.example.com/api?x=1",
    );
    expect(withoutUrlCredentials('see "https://u@a.com" and http://b:c@d.org:8080/')).toBe(
      'see "https://a.com" and http://d.org:8080/',
    );
    const plain = "https://api.example.com/users?email=a@b.com";
    expect(withoutUrlCredentials(plain)).toBe(plain);
    expect(hasUrlCredentials(plain)).toBe(false);
    expect(hasUrlCredentials("ftp://x:y@z")).toBe(true);
  });

  it("takes the host of an authority", () => {
    expect(authorityWithoutCredentials("alice:p@ss@host:8080")).toEqual({
      authority: "host:8080",
      withheld: true,
    });
    expect(authorityWithoutCredentials("host")).toEqual({ authority: "host", withheld: false });
  });
});
