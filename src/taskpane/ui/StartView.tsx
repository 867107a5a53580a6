/** What the pane offers when the workbook has no scenarios yet: a blank set or a worked example. */
import { Body1, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import { EXAMPLES, Example } from "../model/example-data";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  intro: { color: tokens.colorNeutralForeground2 },
  // Each choice in a box drawn with the theme's tokens as Fluent's Card draws it (its surface, radius
  // and shadow): a static container, so the start view does without the Card package (28 KB of the
  // pane's first scripts; scripts/bench/cold-load.js).
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "10px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  heading: { display: "flex", flexDirection: "column" },
});

/** A choice's title and hint, as Fluent's CardHeader lays them out. */
function ChoiceHeading({ title, hint }: { title: string; hint: string }) {
  const s = useStyles();
  return (
    <div className={s.heading}>
      <Text weight="semibold">{title}</Text>
      <Caption1>{hint}</Caption1>
    </div>
  );
}

export function StartView(props: { t: UiText; language: Language; busy: boolean; onBlank: () => void; onExample: (id: Example["id"]) => void }) {
  const { t, language } = props;
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="start-heading" data-testid="start-view">
      <Subtitle2 as="h2" id="start-heading">
        {t.start.heading}
      </Subtitle2>
      <Body1 className={s.intro}>{t.start.intro}</Body1>
      <div className={s.card}>
        <ChoiceHeading title={t.start.blank} hint={t.start.blankHint} />
        <div>
          <Button appearance="primary" icon={<DocumentRegular />} disabled={props.busy} onClick={props.onBlank} data-testid="start-blank">
            {t.start.blank}
          </Button>
        </div>
      </div>
      <Subtitle2 as="h3">{t.start.examples}</Subtitle2>
      {EXAMPLES.map((e) => (
        <div key={e.id} className={s.card}>
          <ChoiceHeading title={e.title[language]} hint={e.about ? e.about[language] : t.start.exampleHint} />
          <div>
            <Button
              disabled={props.busy}
              onClick={() => props.onExample(e.id)}
              data-testid={`start-${e.id}`}
              aria-label={`${t.start.use}: ${e.title[language]}`}
            >
              {t.start.use}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
