/** The help page the manifest links to names every function the add-in registers. */
import * as fs from "fs";
import * as path from "path";

test("help.html lists every function id of functions.json", () => {
  const root = path.resolve(__dirname, "../..");
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8")) as { functions: { id: string }[] };
  const help = fs.readFileSync(path.join(root, "src", "taskpane", "help.html"), "utf8");
  const missing = metadata.functions.map((f) => f.id).filter((id) => !new RegExp(`\\b${id}\\b`).test(help));
  expect(missing).toEqual([]);
});
