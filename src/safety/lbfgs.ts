/**
 * A small limited-memory BFGS minimiser for smooth convex functions of many variables (the crisis
 * net's weights). Full-batch and deterministic: the same function and start give the same steps.
 */

/** Settings of {@link minimise}. */
export interface MinimiseOptions {
  /** Stop once the gradient's norm ({@link MinimiseOptions.norm}) is at most this. */
  gradientTolerance: number;
  /** The gradient's norm for the stopping test; the Euclidean one unless given. */
  norm?: (gradient: Float64Array) => number;
  /** Give up after this many steps (the result says it did not converge). */
  maxIterations: number;
  /** How many recent steps shape the curvature estimate. */
  memory?: number;
}

/** Where {@link minimise} stopped. */
export interface Minimum {
  x: Float64Array;
  value: number;
  /** The gradient's norm at x (the options' norm). */
  gradientNorm: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimises `valueAndGradient` (which returns f(x) and writes ∇f(x) into its second argument)
 * from `start`, with L-BFGS steps and a backtracking line search (Armijo). For a strictly convex
 * function every step keeps the curvature pairs positive, so no safeguard beyond a restart on a
 * non-descent direction is needed.
 *
 * @returns the last point, its value, gradient norm and whether the tolerance was reached
 */
export function minimise(valueAndGradient: (x: Float64Array, gradient: Float64Array) => number, start: Float64Array, options: MinimiseOptions): Minimum {
  const n = start.length;
  const memory = options.memory ?? 10;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = valueAndGradient(x, g);
  // The last `memory` steps and gradient changes, oldest first; their arrays are reused.
  let s: Float64Array[] = [];
  let y: Float64Array[] = [];
  let rho: number[] = [];
  const spare: Float64Array[] = [];
  const alpha = new Float64Array(memory);
  const d = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let iterations = 0;
  const norm = options.norm ?? ((v: Float64Array) => Math.sqrt(dot(v, v)));
  let gNorm = norm(g);
  while (gNorm > options.gradientTolerance && iterations < options.maxIterations) {
    iterations++;
    // Two-loop recursion: d = -H g, H the inverse-Hessian estimate of the last `memory` steps.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], d);
      axpy(-alpha[k], y[k], d);
    }
    // Without history the first step is scaled to length 1; after, by the last step's curvature.
    const gamma = s.length ? 1 / (rho[s.length - 1] * dot(y[s.length - 1], y[s.length - 1])) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < n; i++) d[i] *= gamma;
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], d);
      axpy(alpha[k] - beta, s[k], d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Rounding made the estimate useless: forget it and go down the gradient.
      spare.push(...s, ...y);
      s = [];
      y = [];
      rho = [];
      const length = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) d[i] = -g[i] / length;
      slope = -length;
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = valueAndGradient(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew < f)) break; // no progress left at this precision
    const reuse = s.length === memory;
    const sk = reuse ? s.shift()! : (spare.pop() ?? new Float64Array(n));
    const yk = reuse ? y.shift()! : (spare.pop() ?? new Float64Array(n));
    if (reuse) rho.shift();
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 0) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    } else spare.push(sk, yk);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    gNorm = norm(g);
  }
  return { x, value: f, gradientNorm: gNorm, iterations, converged: gNorm <= options.gradientTolerance };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** b += k a */
function axpy(k: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) b[i] += k * a[i];
}
