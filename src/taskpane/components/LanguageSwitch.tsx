/** zh-CN (default) / English. Both labels are written in their own language so either can find it. */
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../i18n";
import { useLang, useT } from "../i18n-context";

const useStyles = makeStyles({
  group: { display: "flex", gap: tokens.spacingHorizontalXXS },
});

export function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const styles = useStyles();
  const lang = useLang();
  const t = useT();
  return (
    <div role="group" aria-label={t("language.label")} className={styles.group}>
      <ToggleButton
        size="small"
        appearance="subtle"
        lang="zh-CN"
        checked={lang === "zh-CN"}
        data-testid="lang-zh"
        onClick={() => onChange("zh-CN")}
      >
        {t("language.zh")}
      </ToggleButton>
      <ToggleButton
        size="small"
        appearance="subtle"
        lang="en"
        checked={lang === "en"}
        data-testid="lang-en"
        onClick={() => onChange("en")}
      >
        {t("language.en")}
      </ToggleButton>
    </div>
  );
}
