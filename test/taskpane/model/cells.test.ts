/** How IPVALUE writes cells: texts Excel must keep as texts. */
import { asText } from "../../../src/taskpane/model/cells";

describe("text sent to Excel", () => {
  test.each([
    ["=A1", true],
    ["-悲観", true],
    ["2025", true],
    ["１２３", true],
    ["5%", true],
    ["true", true],
    ["2025/4/1", true],
    ["4月1日", true],
    ["'x", true],
    ["Base", false],
    ["シナリオ001 楽観", false],
    ["mid", false],
  ])("%s gets the apostrophe text prefix: %s", (text, prefixed) => {
    expect(asText(text)).toBe(prefixed ? `'${text}` : text);
  });
});
