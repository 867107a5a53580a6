/** The red "Internal / 社外秘" mark on scenarios and decisions that are not to be shared. */
import { Badge, Tooltip } from "@fluentui/react-components";
import { LockClosedFilled } from "@fluentui/react-icons";
import type { UiText } from "./strings";

export function InternalBadge({ t, size = "medium" }: { t: UiText; size?: "small" | "medium" }) {
  return (
    <Tooltip content={t.internalBadgeTitle} relationship="description">
      <Badge color="danger" appearance="filled" shape="rounded" size={size} icon={<LockClosedFilled />} data-testid="internal-badge">
        {t.internalBadge}
      </Badge>
    </Tooltip>
  );
}
