/** What the pane offers when the workbook has no scenarios yet: a blank set or a worked example. */
import { Body1, Button, Caption1, Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import { EXAMPLES, Example } from "../model/examples";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  intro: { color: tokens.colorNeutralForeground2 },
  card: { padding: "10px 12px" },
});

export function StartView(props: { t: UiText; language: Language; busy: boolean; onBlank: () => void; onExample: (id: Example["id"]) => void }) {
  const { t, language } = props;
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="start-heading" data-testid="start-view">
      <Subtitle2 as="h2" id="start-heading">
        {t.start.heading}
      </Subtitle2>
      <Body1 className={s.intro}>{t.start.intro}</Body1>
      <Card className={s.card}>
        <CardHeader header={<Text weight="semibold">{t.start.blank}</Text>} description={<Caption1>{t.start.blankHint}</Caption1>} />
        <div>
          <Button appearance="primary" icon={<DocumentRegular />} disabled={props.busy} onClick={props.onBlank} data-testid="start-blank">
            {t.start.blank}
          </Button>
        </div>
      </Card>
      <Subtitle2 as="h3">{t.start.examples}</Subtitle2>
      {EXAMPLES.map((e) => (
        <Card key={e.id} className={s.card}>
          <CardHeader
            header={<Text weight="semibold">{e.title[language]}</Text>}
            description={<Caption1>{e.about ? e.about[language] : t.start.exampleHint}</Caption1>}
          />
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
        </Card>
      ))}
    </section>
  );
}
