/** The bin button that takes a row away (a milestone, a term of the offer), named for screen readers. */
import { Button } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";

export function RemoveButton({ label, onClick, testid }: { label: string; onClick: () => void; testid: string }) {
  return <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={label} title={label} onClick={onClick} data-testid={testid} />;
}
