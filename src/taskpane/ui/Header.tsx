/**
 * Title bar with the language switch (English / 日本語). Its band is the theme's brand background
 * (Fluent tokens, so it follows Office's light or dark theme through App's FluentProvider); the chosen
 * language is the light (or dark) chip on it, the other one text on the band.
 */
import { makeStyles, mergeClasses, ToggleButton, tokens } from "@fluentui/react-components";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  header: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    padding: "10px 12px",
    display: "flex",
    alignItems: "center",
    gap: "10px",
  },
  icon: { width: "28px", height: "28px" },
  titles: { flexGrow: 1, display: "flex", flexDirection: "column", lineHeight: "1.2" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tagline: { fontSize: tokens.fontSizeBase200, opacity: 0.9 },
  switch: { display: "flex", gap: "2px" },
  lang: { minWidth: "0", paddingLeft: "8px", paddingRight: "8px" },
  other: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ":hover:active": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
  },
});

const LANGUAGES: { id: Language; name: string }[] = [
  { id: "en", name: "English" },
  { id: "ja", name: "日本語" },
];

export function Header({ t, language, onLanguage }: { t: UiText; language: Language; onLanguage: (l: Language) => void }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <img className={s.icon} src="assets/icon-32.png" alt="" />
      <div className={s.titles}>
        <h1 className={s.title} id="title">
          {t.title}
        </h1>
        <span className={s.tagline}>{t.tagline}</span>
      </div>
      <div className={s.switch} role="group" aria-label={t.languageGroup}>
        {LANGUAGES.map((l) => (
          <ToggleButton
            key={l.id}
            id={`lang-${l.id}`}
            lang={l.id}
            className={language === l.id ? s.lang : mergeClasses(s.lang, s.other)}
            size="small"
            shape="rounded"
            checked={language === l.id}
            appearance={language === l.id ? "secondary" : "subtle"}
            onClick={() => onLanguage(l.id)}
          >
            {l.name}
          </ToggleButton>
        ))}
      </div>
    </header>
  );
}
