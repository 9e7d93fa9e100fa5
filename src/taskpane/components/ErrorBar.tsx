/** A failed recompute or revert: what went wrong and what to do, in the user's language. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useT } from "../i18n-context";

export function ErrorBar({ message }: { message: string }) {
  const t = useT();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
