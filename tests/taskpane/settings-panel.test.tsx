/** @jest-environment jsdom */
import "./dom-shims";
import { fireEvent, render, screen } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { PROFILES } from "../../src/domain/profiles";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";

test("settings that arrive after the panel is open replace what the threshold box shows", () => {
  const onChange = jest.fn();
  const { rerender } = render(
    <SettingsPanel settings={{ ...DEFAULT_SETTINGS }} profiles={PROFILES} onChange={onChange} />
  );
  fireEvent.click(screen.getByRole("button", { name: /设置/ }));
  expect(screen.getByTestId("setting-threshold")).toHaveValue(130);

  rerender(
    <SettingsPanel
      settings={{ ...DEFAULT_SETTINGS, overTargetThreshold: 1.5 }}
      profiles={PROFILES}
      onChange={onChange}
    />
  );
  expect(screen.getByTestId("setting-threshold")).toHaveValue(150);
  expect(onChange).not.toHaveBeenCalled();
});

test("every profile is offered by its Chinese name", () => {
  render(
    <SettingsPanel settings={{ ...DEFAULT_SETTINGS }} profiles={PROFILES} onChange={jest.fn()} />
  );
  fireEvent.click(screen.getByRole("button", { name: /设置/ }));
  const options = [...screen.getByTestId("setting-profile").querySelectorAll("option")];
  expect(options.map((o) => o.value)).toEqual(PROFILES.map((p) => p.id));
  expect(options[0].textContent).toBe(PROFILES[0].name["zh-CN"]);
});
