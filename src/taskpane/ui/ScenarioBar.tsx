/**
 * The scenarios: one tab each (a lock on internal ones), and for the selected one rename, duplicate,
 * delete (after a confirmation), move left / right and the internal switch; below, a field to add one.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Switch,
  Tab,
  TabList,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { AddRegular, ArrowLeftRegular, ArrowRightRegular, CopyRegular, DeleteRegular, LockClosedFilled, RenameRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Text } from "../../engine";
import { addScenario, deleteScenario, duplicateScenario, moveScenario, renameScenario, ScenarioSet, setInternal } from "../../model/scenario-set";
import { useReturnFocus } from "./focus";
import type { Language, UiText } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  tabs: { flexWrap: "wrap" },
  lock: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px" },
  spacer: { flexGrow: 1 },
  inline: { display: "flex", gap: "6px", alignItems: "flex-start" },
  grow: { flexGrow: 1 },
});

/** Applies an edit; returns the refusal's reason when the model refuses it. */
export type TryUpdate = (edit: (set: ScenarioSet) => ScenarioSet) => Text | null;

export function ScenarioBar(props: {
  t: UiText;
  language: Language;
  set: ScenarioSet;
  selected: number;
  onSelect: (index: number) => void;
  tryUpdate: TryUpdate;
}) {
  const { t, language, set, selected, tryUpdate } = props;
  const s = useStyles();
  const [newName, setNewName] = useState("");
  const [addError, setAddError] = useState<Text | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<Text | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Back to Delete after the confirmation; to the selected tab when Delete is now disabled (one scenario left).
  const deleteButton = useReturnFocus<HTMLButtonElement>(confirmDelete, () =>
    document.querySelector<HTMLElement>('[data-testid="scenario-tab"][aria-selected="true"]')
  );
  const [actionError, setActionError] = useState<Text | null>(null);
  const current = set.scenarios[selected];
  const last = set.scenarios.length - 1;

  const add = () => {
    // A copy of the selected scenario, so that it starts from a full set of assumptions.
    const reason = tryUpdate((x) => addScenario(x, newName, selected));
    setAddError(reason);
    if (!reason) {
      setNewName("");
      props.onSelect(set.scenarios.length);
    }
  };
  const rename = () => {
    if (renaming === null) return;
    const reason = tryUpdate((x) => renameScenario(x, selected, renaming));
    setRenameError(reason);
    if (!reason) setRenaming(null);
  };
  const act = (edit: (x: ScenarioSet) => ScenarioSet, select?: number) => {
    const reason = tryUpdate(edit);
    setActionError(reason);
    if (!reason && select !== undefined) props.onSelect(select);
  };

  return (
    <section className={s.root} aria-label={t.scenarios.heading}>
      <TabList
        className={s.tabs}
        size="small"
        aria-label={t.scenarios.list}
        selectedValue={String(selected)}
        onTabSelect={(_, d) => {
          setRenaming(null);
          setActionError(null);
          props.onSelect(Number(d.value));
        }}
        data-testid="scenario-tabs"
      >
        {set.scenarios.map((sc, i) => (
          <Tab
            key={i}
            value={String(i)}
            icon={sc.internal ? <LockClosedFilled className={s.lock} aria-label={t.internalBadge} /> : undefined}
            data-testid="scenario-tab"
            data-name={sc.name}
          >
            {sc.name}
          </Tab>
        ))}
      </TabList>

      <div className={s.actions} role="toolbar" aria-label={t.scenarios.actions}>
        <Button size="small" icon={<RenameRegular />} onClick={() => (setRenaming(current.name), setRenameError(null))} data-testid="rename">
          {t.scenarios.rename}
        </Button>
        <Button size="small" icon={<CopyRegular />} onClick={() => act((x) => duplicateScenario(x, selected, language), selected + 1)} data-testid="duplicate">
          {t.scenarios.duplicate}
        </Button>
        <Button
          ref={deleteButton}
          size="small"
          icon={<DeleteRegular />}
          disabled={set.scenarios.length <= 1}
          onClick={() => setConfirmDelete(true)}
          data-testid="delete"
        >
          {t.scenarios.delete}
        </Button>
        <Tooltip content={t.scenarios.moveLeft} relationship="label">
          <Button
            size="small"
            icon={<ArrowLeftRegular />}
            disabled={selected === 0}
            onClick={() => act((x) => moveScenario(x, selected, selected - 1), selected - 1)}
            data-testid="move-left"
          />
        </Tooltip>
        <Tooltip content={t.scenarios.moveRight} relationship="label">
          <Button
            size="small"
            icon={<ArrowRightRegular />}
            disabled={selected === last}
            onClick={() => act((x) => moveScenario(x, selected, selected + 1), selected + 1)}
            data-testid="move-right"
          />
        </Tooltip>
        <span className={s.spacer} />
        <Tooltip content={t.scenarios.internalHint} relationship="description">
          <Switch
            label={t.scenarios.internal}
            checked={current.internal}
            onChange={(_, d) => act((x) => setInternal(x, selected, d.checked))}
            data-testid="scenario-internal"
          />
        </Tooltip>
      </div>
      {actionError && (
        <MessageBar intent="error" data-testid="scenario-error">
          <MessageBarBody>{actionError[language]}</MessageBarBody>
        </MessageBar>
      )}

      {renaming !== null && (
        <div className={s.inline}>
          <Field
            className={s.grow}
            label={t.scenarios.renameTo}
            size="small"
            validationState={renameError ? "error" : "none"}
            validationMessage={renameError?.[language]}
          >
            <Input
              value={renaming}
              autoFocus
              onChange={(_, d) => setRenaming(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") rename();
                if (e.key === "Escape") setRenaming(null);
              }}
              data-testid="rename-input"
            />
          </Field>
          <Button size="small" appearance="primary" style={{ marginTop: 22 }} onClick={rename} data-testid="rename-save">
            {t.scenarios.save}
          </Button>
          <Button size="small" style={{ marginTop: 22 }} onClick={() => setRenaming(null)}>
            {t.scenarios.cancel}
          </Button>
        </div>
      )}

      <div className={s.inline}>
        <Field className={s.grow} size="small" validationState={addError ? "error" : "none"} validationMessage={addError?.[language]}>
          <Input
            value={newName}
            placeholder={t.scenarios.newName}
            aria-label={t.scenarios.newName}
            onChange={(_, d) => setNewName(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") add();
            }}
            data-testid="new-scenario-name"
          />
        </Field>
        <Button size="small" icon={<AddRegular />} onClick={add} data-testid="add-scenario">
          {t.scenarios.add}
        </Button>
      </div>

      <Dialog open={confirmDelete} onOpenChange={(_, d) => setConfirmDelete(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.scenarios.deleteTitle(current.name)}</DialogTitle>
            <DialogContent>{t.scenarios.deleteBody}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmDelete(false)}>
                {t.scenarios.cancel}
              </Button>
              <Button
                appearance="primary"
                data-testid="confirm-delete"
                onClick={() => {
                  setConfirmDelete(false);
                  act((x) => deleteScenario(x, selected), Math.max(0, Math.min(selected, last - 1)));
                }}
              >
                {t.scenarios.confirmDelete}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
