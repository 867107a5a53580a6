/**
 * What became of a workbook the pane wrote (the negotiator workbook, the committee report): opened in
 * a new Excel window, offered as a download where Excel cannot open it, or the reason it failed.
 * The test ids are `<prefix>-opened`, `-unsupported`, `-download` and `-error`.
 */
import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect } from "react";

export type Outcome = { kind: "opened" } | { kind: "download"; url: string; name: string } | { kind: "error"; message: string };

export interface OutcomeText {
  opened: string;
  unsupported: string;
  download: string;
  failed: (message: string) => string;
}

export function WorkbookOutcome({ outcome, x, prefix }: { outcome: Outcome | null; x: OutcomeText; prefix: string }) {
  if (outcome?.kind === "opened")
    return (
      <MessageBar intent="success" layout="multiline" data-testid={`${prefix}-opened`}>
        <MessageBarBody>{x.opened}</MessageBarBody>
      </MessageBar>
    );
  if (outcome?.kind === "download")
    return (
      <MessageBar intent="info" layout="multiline" data-testid={`${prefix}-unsupported`}>
        <MessageBarBody>
          {x.unsupported}{" "}
          <Link href={outcome.url} download={outcome.name} data-testid={`${prefix}-download`}>
            {x.download}
          </Link>
        </MessageBarBody>
      </MessageBar>
    );
  if (outcome?.kind === "error")
    return (
      <MessageBar intent="error" layout="multiline" data-testid={`${prefix}-error`}>
        <MessageBarBody>{x.failed(outcome.message)}</MessageBarBody>
      </MessageBar>
    );
  return null;
}

/** A download link (a Blob URL) lives as long as the outcome shows it. */
export function useDownloadLifetime(outcome: Outcome | null): void {
  useEffect(() => {
    const url = outcome?.kind === "download" ? outcome.url : null;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [outcome]);
}
