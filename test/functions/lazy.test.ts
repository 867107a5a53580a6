/**
 * The functions associated at once and their code fetched on the first call (src/functions/lazy.ts),
 * with a stand-in for CustomFunctions.associate and for the chunk's import.
 */
import { associateLazily, unavailableMessage } from "../../src/functions/lazy";

type F = (...args: unknown[]) => unknown;

function setUp(load: () => Promise<Record<string, unknown>>) {
  const associated = new Map<string, F>();
  const order: string[] = [];
  associateLazily(
    [
      { id: "DCF", functionName: "dcf" },
      { id: "RANGE", functionName: "valuationRange" },
    ],
    load,
    (id, f) => {
      order.push(id);
      associated.set(id, f);
    },
    (e) => ({ code: "#N/A", message: unavailableMessage("could not be loaded ({message})", e) })
  );
  return { associated, order };
}

const implementations = {
  dcf: (rate: number, flows: number[][]) => flows.flat().reduce((pv, x, t) => pv + x / (1 + rate) ** (t + 1), 0),
  valuationRange: () => [["output", "low"]],
};

test("every id is associated at once, before any code is fetched", () => {
  const load = jest.fn(() => Promise.resolve(implementations));
  const { order } = setUp(load);
  expect(order).toEqual(["DCF", "RANGE"]);
  expect(load).not.toHaveBeenCalled();
});

test("the first calls return promises of the implementation's results, and the code is fetched once", async () => {
  const load = jest.fn(() => Promise.resolve(implementations));
  const { associated } = setUp(load);
  const first = associated.get("DCF")!(0.1, [[0], [0], [1000]]);
  const second = associated.get("RANGE")!();
  expect(first).toBeInstanceOf(Promise);
  expect(await first).toBeCloseTo(751.31, 2);
  expect(await second).toEqual([["output", "low"]]);
  expect(load).toHaveBeenCalledTimes(1);
});

test("once the code is in, a call returns the implementation's value itself, not a promise", async () => {
  const { associated } = setUp(() => Promise.resolve(implementations));
  await associated.get("RANGE")!(); // the first call takes the code in
  expect(associated.get("DCF")!(0.1, [[1100]])).toBeCloseTo(1000, 9);
});

test("a failed fetch answers each waiting call with the reason, and the next call fetches again", async () => {
  let attempts = 0;
  const load = jest.fn(() => (++attempts === 1 ? Promise.reject(new Error("chunk functions-impl failed")) : Promise.resolve(implementations)));
  const { associated } = setUp(load);
  const calls = [associated.get("DCF")!(0.1, [[1100]]), associated.get("RANGE")!()];
  for (const call of calls) await expect(call).rejects.toEqual({ code: "#N/A", message: "could not be loaded (chunk functions-impl failed)" });
  expect(await associated.get("DCF")!(0.1, [[1100]])).toBeCloseTo(1000, 9);
  expect(load).toHaveBeenCalledTimes(2);
});

test("an export the code does not have is an error of that call, not a silent undefined", async () => {
  const { associated } = setUp(() => Promise.resolve({ dcf: implementations.dcf }));
  await expect(associated.get("RANGE")!()).rejects.toThrow("the functions' code has no valuationRange");
});

test("the reason is put on one line (webpack's chunk error has two)", () => {
  expect(unavailableMessage("({message})", new Error("Loading chunk 473 failed.\n(error: https://host/functions-impl.js)"))).toBe(
    "(Loading chunk 473 failed. (error: https://host/functions-impl.js))"
  );
});

test("a long reason is cut to 200 characters in the message", () => {
  const message = unavailableMessage("({message})", new Error("x".repeat(500)));
  expect(message).toHaveLength(202);
  expect(message.endsWith("…)")).toBe(true);
});
