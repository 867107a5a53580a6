/**
 * Scrambled Sobol points: the unscrambled points against SciPy's qmc.Sobol (a library we did not
 * write; test/fixtures/sobol, made by scripts/fixtures/sobol-directions.py), and the nets the
 * scrambling must keep.
 */
import { seededGenerator } from "../../src/engine/random";
import { SOBOL_DIMENSIONS, sobolDimension, sobolUniforms } from "../../src/engine/sobol";
import scipy from "../fixtures/sobol/scipy-unscrambled.json";
import Ajv2020 from "ajv/dist/2020";
import directions from "../../src/engine/data/sobol-directions.json";
import schema from "../../src/engine/data/sobol-directions.schema.json";

describe("the direction numbers, as data", () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  test("sobol-directions.json validates against its schema, and each dimension has one m_k per degree, odd and below 2^k", () => {
    expect(validate(directions)).toBe(true);
    for (const { poly, m } of directions.dimensions) {
      const degree = Math.max(1, 31 - Math.clz32(poly));
      expect(m.length).toBe(degree);
      m.forEach((x, k) => expect([x % 2, x < 2 ** (k + 1)]).toEqual([1, true]));
    }
  });
  test("a broken record is refused (the check can fail)", () => {
    expect(validate({ ...directions, dimensions: [{ poly: 7, m: [1, "3"] }] })).toBe(false);
  });
});

/** Dimension j's unscrambled points from `from` as 32-bit integers (uniform × 2^32, exact). */
const sobolIntegers = (j: number, n: number, from = 0) => Array.from(sobolUniforms(sobolDimension(j, null), n, undefined, from), (u) => u * 2 ** 32);

describe("Sobol points, unscrambled, are SciPy's", () => {
  test(`the first ${scipy.points.length} points in all ${SOBOL_DIMENSIONS} dimensions`, () => {
    expect(SOBOL_DIMENSIONS).toBe(scipy.points[0].length);
    let differ = 0;
    for (let j = 0; j < SOBOL_DIMENSIONS; j++) {
      const ours = sobolIntegers(j, scipy.points.length);
      scipy.points.forEach((row, i) => (differ += row[j] === ours[i] ? 0 : 1));
    }
    expect(differ).toBe(0);
  });

  test.each(Object.keys(scipy.far))("point %s, far along (every direction number up to the 32nd)", (at) => {
    const row = (scipy.far as Record<string, number[]>)[at];
    const ours = Array.from({ length: SOBOL_DIMENSIONS }, (_, j) => sobolIntegers(j, 1, Number(at))[0]);
    expect(ours).toEqual(row);
  });

  test("sobolUniforms walks the same sequence (Gray code) as the direct formula", () => {
    for (const j of [0, 1, 7, 79]) {
      const u = sobolUniforms(sobolDimension(j, null), 3000);
      const { v } = sobolDimension(j, null);
      // point i: the XOR of v_k over the bits k of gray(i) = i ^ (i >> 1)
      const x = Array.from({ length: 3000 }, (_, i) => {
        let w = 0;
        for (let k = 0, g = i ^ (i >> 1); g > 0; k++, g >>>= 1) if (g & 1) w ^= v[k];
        return w >>> 0;
      });
      expect(Array.from(u, (value, i) => value * 2 ** 32 === x[i]).every(Boolean)).toBe(true);
    }
  });
});

describe("scrambled Sobol points keep the nets", () => {
  test("the first 2^m points of every dimension hold one point per interval of width 2^-m", () => {
    const g = seededGenerator(11);
    for (let j = 0; j < SOBOL_DIMENSIONS; j++) {
      const u = sobolUniforms(sobolDimension(j, g), 1024);
      for (const m of [4, 10]) {
        const n = 2 ** m;
        const seen = new Uint8Array(n);
        for (let i = 0; i < n; i++) seen[Math.floor(u[i] * n)]++;
        expect(seen.every((c) => c === 1)).toBe(true);
      }
    }
  });

  test("dimensions 1 and 2 form a (0, m, 2)-net: one point in each elementary box of area 2^-m", () => {
    const g = seededGenerator(12);
    const a = sobolUniforms(sobolDimension(0, g), 256);
    const b = sobolUniforms(sobolDimension(1, g), 256);
    for (let k = 0; k <= 8; k++) {
      const rows = 2 ** k;
      const cols = 2 ** (8 - k);
      const seen = new Uint8Array(256);
      for (let i = 0; i < 256; i++) seen[Math.floor(a[i] * rows) * cols + Math.floor(b[i] * cols)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });

  test("no uniform is 0 or 1, the same seed gives the same bits, another seed other points", () => {
    const u1 = sobolUniforms(sobolDimension(3, seededGenerator(5)), 5000);
    const u2 = sobolUniforms(sobolDimension(3, seededGenerator(5)), 5000);
    const u3 = sobolUniforms(sobolDimension(3, seededGenerator(6)), 5000);
    expect(u1.every((u) => u > 0 && u < 1)).toBe(true);
    expect(Array.from(u1).every((u, i) => Object.is(u, u2[i]))).toBe(true);
    expect(Array.from(u1).filter((u, i) => u === u3[i]).length).toBe(0);
  });
});
