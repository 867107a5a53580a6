/**
 * The shared-runtime page. It hosts the custom functions (the functions bundle is loaded beside this
 * one) and, for now, a short bilingual guide; the scenario editor replaces it in a later version.
 */
import { languageFor, Language, TEXT } from "./text";

function render(language: Language, inOffice: boolean): void {
  const t = TEXT[language];
  document.documentElement.lang = language;
  document.getElementById("title")!.textContent = t.title;
  document.getElementById("language")!.textContent = t.switchTo;
  document.getElementById("intro")!.textContent = t.intro;
  const list = document.getElementById("examples")!;
  list.replaceChildren(
    ...t.examples.map((e) => {
      const li = document.createElement("li");
      const [formula, what] = e.split(" — ");
      const code = document.createElement("code");
      code.textContent = formula;
      li.append(code, ` — ${what}`);
      return li;
    })
  );
  document.getElementById("note")!.textContent = t.note;
  document.getElementById("status")!.textContent = inOffice ? t.ready : t.outsideOffice;
}

Office.onReady((info) => {
  const inOffice = info.host !== null && info.host !== undefined;
  const display = inOffice ? Office.context.displayLanguage : undefined;
  let language = languageFor(display ?? navigator.language);
  render(language, inOffice);
  document.getElementById("language")!.addEventListener("click", () => {
    language = language === "ja" ? "en" : "ja";
    render(language, inOffice);
  });
});
