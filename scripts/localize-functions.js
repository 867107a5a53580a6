/**
 * Builds a localized custom-functions metadata file (functions-ja.json) from the functions.json that
 * custom-functions-metadata generates from the JSDoc, plus a translation table
 * (src/functions/locale/<lang>.json: per function id a description and, per parameter, a display
 * name and a description). A missing or stale translation is an error, so the Japanese
 * metadata can never silently fall behind the English. A helpUrl to help.html points at help-<lang>.html.
 */
function localizeFunctions(metadata, table, lang) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${lang}: translation for unknown function ${id}`);
  const functions = metadata.functions.map((f) => {
    const t = table[f.id];
    if (!t) {
      problems.push(`${lang}: no translation for function ${f.id}`);
      return f;
    }
    if (!t.description) problems.push(`${lang}: ${f.id} has no description`);
    const known = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters || {})) if (!known.has(name)) problems.push(`${lang}: ${f.id} translates unknown parameter ${name}`);
    const parameters = f.parameters.map((p) => {
      const tp = (t.parameters || {})[p.name];
      if (!tp || !tp.description || !tp.name) {
        problems.push(`${lang}: ${f.id} parameter ${p.name} needs a name and a description`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    // Excel's "Help on this function" opens the page of the metadata's language (help-ja.html).
    const helpUrl = f.helpUrl && f.helpUrl.replace(/\/help\.html(?=#|$)/, `/help-${lang}.html`);
    return { ...f, description: t.description, parameters, ...(helpUrl ? { helpUrl } : {}) };
  });
  if (problems.length > 0) throw new Error(`Localized function metadata is incomplete:\n  ${problems.join("\n  ")}`);
  return { ...metadata, functions };
}

module.exports = { localizeFunctions };
