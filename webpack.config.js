/**
 * Build of the IPVALUE add-in, laid out like Microsoft's shared-runtime custom-functions template:
 * taskpane.html is the one page of the shared runtime and loads the functions bundle; functions.json
 * is generated from the JSDoc of the function families by custom-functions-metadata-plugin; functions-ja.json is made from it
 * and the Japanese translation table, and help.html / help-ja.html (each function's helpUrl) from both. office.js comes from Microsoft's CDN, as Microsoft requires for
 * AppSource and recommends for every add-in (the @microsoft/office-js package says it is not supported
 * for production); IPVALUE_OFFICE_JS=local builds a copy served from the add-in's own origin instead,
 * for firewalled or internal deployments. Nothing else is loaded from another host.
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeFunctions } = require("./scripts/localize-functions");
const { helpPage, helpPageName, helpTemplate } = require("./scripts/function-reference");
const { functionFiles } = require("./scripts/function-metadata");
const { certificateOptions } = require("./scripts/certs");

const urlDev = "https://localhost:3000/";
// Where the add-in is hosted in production; the manifest's dev URLs are rewritten to it.
const urlProd = process.env.IPVALUE_URL || urlDev;
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
// office.js: Microsoft's CDN (the default), or a copy of the pinned npm package on the add-in's origin.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const localOfficeJs = process.env.IPVALUE_OFFICE_JS === "local";
const officeJs = localOfficeJs
  ? {
      src: "office-js/office.js",
      scriptSrc: "'self'",
      note: "a copy of the pinned @microsoft/office-js package on the add-in's own origin (IPVALUE_OFFICE_JS=local)",
    }
  : { src: OFFICE_JS_CDN, scriptSrc: "'self' https://appsforoffice.microsoft.com", note: "Microsoft's CDN, as Microsoft requires" };

/** The pane's entry chunk (the start view), whose packages are split into initial chunks of their own. */
const startView = (chunk) => chunk.name === "taskpane";

/** Every occurrence of the dev origin rewritten to the hosted one (String.replace with a string stops at one). */
const hosted = (text) => text.replace(new RegExp(urlDev.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"), urlProd);

/**
 * Once functions.json exists: its helpUrls moved to the hosted origin (production), functions-<lang>.json
 * for every table in src/functions/locale, and the help pages (help.html, help-<lang>.html) written
 * from that same metadata, so each function's helpUrl finds its section.
 */
class LocalizedFunctionsPlugin {
  constructor({ rewrite }) {
    this.rewrite = rewrite;
  }
  apply(compiler) {
    const name = "LocalizedFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const source = compilation.getAsset("functions.json");
        if (!source) return; // the metadata plugin already reported why
        const text = this.rewrite(source.source.source().toString());
        compilation.updateAsset("functions.json", new webpack.sources.RawSource(text));
        const metadata = JSON.parse(text);
        const pages = [["en", metadata]];
        const dir = path.resolve(__dirname, "src/functions/locale");
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
          const lang = path.basename(file, ".json");
          compilation.fileDependencies.add(path.join(dir, file));
          try {
            const table = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
            const localized = localizeFunctions(metadata, table, lang);
            compilation.emitAsset(`functions-${lang}.json`, new webpack.sources.RawSource(JSON.stringify(localized, null, 2)));
            pages.push([lang, localized]);
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(e.message));
          }
        }
        for (const [lang, { functions }] of pages) {
          const page = helpPageName(lang);
          compilation.fileDependencies.add(path.resolve(__dirname, "src/taskpane", page));
          try {
            // minimized: kept as written (a readable page, and the text test/manifest/help.test.ts compares).
            compilation.emitAsset(page, new webpack.sources.RawSource(helpPage(helpTemplate(lang), functions, lang)), { minimized: true });
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(e.message));
          }
        }
      });
    });
  }
}

/**
 * The functions' entry (src/functions/register.ts) associates every id itself, each bound lazily to its
 * export (src/functions/lazy.ts): the metadata plugin's ids and export names are put into it as
 * FUNCTION_ASSOCIATIONS, and the plugin's loader, which would add CustomFunctions.associate calls to
 * the family files (run again, later, when their chunk arrives), is taken off those files.
 */
class LazyAssociationsPlugin {
  constructor({ input }) {
    this.input = input;
  }
  apply(compiler) {
    const name = "LazyAssociationsPlugin";
    const pluginLoader = path.join(path.dirname(require.resolve("custom-functions-metadata-plugin")), "loader.js");
    // After the metadata plugin's own tap (this plugin is listed after it), so its loader is there to take off.
    compiler.hooks.compilation.tap(name, (compilation) => {
      webpack.NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(name, (loaders) => {
        for (let i = loaders.length - 1; i >= 0; i--) if (loaders[i].loader === pluginLoader) loaders.splice(i, 1);
      });
    });
    new webpack.DefinePlugin({
      FUNCTION_ASSOCIATIONS: webpack.DefinePlugin.runtimeValue(() => {
        const result = CustomFunctionsMetadataPlugin.generateResults[this.input];
        // Missing only when the metadata has errors, which the metadata plugin reports.
        return JSON.stringify((result ? result.associate : []).map(({ id, functionName }) => ({ id, functionName })));
      }, true),
      // The one catalogue message the entry needs, without the catalogue (src/engine/messages/messages.json).
      FUNCTIONS_UNAVAILABLE: webpack.DefinePlugin.runtimeValue(
        () => JSON.stringify(JSON.parse(fs.readFileSync(MESSAGES, "utf8")).messages["functions-unavailable"]),
        { fileDependencies: [MESSAGES] }
      ),
    }).apply(compiler);
  }
}
const MESSAGES = path.resolve(__dirname, "src/engine/messages/messages.json");

module.exports = async (env, options) => {
  // One list for both plugins: the metadata plugin keys its results by it, and LazyAssociationsPlugin reads them by it.
  const families = functionFiles();
  const dev = options.mode === "development";
  const serving = !!env.WEBPACK_SERVE;
  return {
    devtool: "source-map",
    // The functions bundle owns the engine on the page: the pane depends on it (dependOn), so every module
    // functions.js holds (src/engine, src/model, pure-rand …) is left out of taskpane.js and its chunks and
    // runs once, in functions.js's webpack runtime, which the pane's chunks share. functions.js stays whole
    // by itself (Functions.Script.Url); taskpane.js needs it loaded first. taskpane.js is the pane's small
    // entry: the frame and the start view (ui/Shell.tsx); the editor (ui/App.tsx and what only it uses) is
    // the chunk editor.js, which Shell imports once the first view is up (test/manifest/bundles.test.ts).
    entry: {
      functions: "./src/functions/register.ts",
      taskpane: { import: "./src/taskpane/taskpane.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    // The pane's entry in three files, as Microsoft's template keeps React in an entry of its own: Chromium
    // parses each script off the main thread as it arrives, so three of about 210, 200 and 110 KB are ready
    // to run sooner than one of 600 KB (cold load to the start view about 40–100 ms sooner, interleaved
    // A/B runs of scripts/bench/cold-load.js). taskpane.html loads them after functions.js, in order.
    optimization: {
      splitChunks: {
        cacheGroups: {
          reactDom: { test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/, name: "react-dom", chunks: startView, enforce: true, priority: 10 },
          fluent: { test: /[\\/]node_modules[\\/]/, name: "fluent", chunks: startView, enforce: true, priority: 5 },
          // One copy of the engine on the page: the valuation core, the scenario set and the random
          // numbers, in one chunk that the functions' code (functions-impl) and the pane's chunks share.
          engine: {
            test: /[\\/](src[\\/](engine|model)|node_modules[\\/]pure-rand)[\\/]/,
            name: "engine",
            chunks: "async",
            enforce: true,
            priority: 20,
          },
          // The tables' read and write and their layout (what src/taskpane/office/store.ts gives) in one chunk,
          // which the editor's sheets and monitoring ask for too, rather than a copy of the layout in each
          // (too small for the default shared chunk once the engine is out of it).
          workbookTables: {
            test: /[\\/]src[\\/]taskpane[\\/](model[\\/](cells|storage-sheet|table-plan)|office[\\/]tables)\.ts$/,
            name: "workbook-tables",
            chunks: "async",
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck` (part of `npm test`); the bundle build only transpiles.
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
        },
      ],
    },
    performance: {
      // office.js is not bundled (the CDN's, or copied in a local build). functions.js is the runtime and the associations
      // (about 6 KB); the functions' code (functions-impl.js) and the engine (engine.js, shared with the pane) about 275 KB,
      // 80 KB gzipped, fetched on the first call; the task pane's entry (React DOM, the start view's Fluent components, the
      // shell) about 455 KB, 130 KB gzipped, in three files; the editor after it about 390 KB (editor.js, 81 KB, and its Fluent chunk).
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
      maxAssetSize: 1000000,
      maxEntrypointSize: 1000000,
      hints: "warning",
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        // The family files, in the entry's order: the plugin reads JSDoc from its inputs only, not
        // through functions.ts's re-exports, and adds each file's associate calls to that file.
        input: families,
      }),
      new LazyAssociationsPlugin({ input: families }),
      new LocalizedFunctionsPlugin({ rewrite: (text) => (dev ? text : hosted(text)) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions.js first: it carries the runtime and the engine that the pane's entry files depend on (all deferred, run in this order).
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // Placed by the template, before office.js (see the comment there).
        inject: false,
        scriptLoading: "defer",
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.css", to: "help.css", info: { minimized: true } },
          // pdf.js's worker and character maps on the add-in's own origin: the pane reads a PDF the user opens
          // offline, loaded only then (src/taskpane/ui/documents.ts).
          // As .js: every web server sends that as JavaScript (a module worker is refused with any other type), not all know .mjs.
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdfjs/pdf.worker.min.js", info: { minimized: true } },
          { from: "node_modules/pdfjs-dist/cmaps/*.bcmap", to: "pdfjs/cmaps/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : hosted(content.toString());
            },
          },
          ...(localOfficeJs
            ? [
                {
                  // office.js and the Excel host scripts it loads, from the pinned npm package.
                  from: "**/*",
                  context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
                  to: "office-js/",
                  info: { minimized: true }, // already minified by Microsoft; keeps Terser off 12 MB
                  globOptions: {
                    ignore: [
                      "**/*.debug.js",
                      "**/*.d.ts",
                      "**/office-vsdoc.js",
                      "**/ariatelemetry/**",
                      "**/{access,onenote,outlook,powerpoint,project,visio,word}*",
                    ],
                  },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      static: false, // everything is served from the compilation (office.js too, in a local build)
      host: "localhost", // confidential inputs: reachable from this machine only
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await certificateOptions() } : "https",
      port,
      // No reload client: the shared runtime would keep a socket open for nothing; rebuild and reload by hand.
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
