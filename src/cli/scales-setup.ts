// Scale and framework choice shared by the commands that score: --scale and --principles.
import type { PrincipleFramework } from '../scale/schema.js';
import { loadFramework, loadScale } from '../read/data-files.js';
import type { Scale } from '../scale/scale.js';
import type { ScaleResolver } from '../read/review-yaml.js';
import type { Problem } from '../shared/problems.js';

export const DEFAULT_SCALE = 'ips-25';

export interface ScaleChoice {
  resolve: ScaleResolver;
  frameworkFor(scale: Scale): PrincipleFramework;
  /** Warnings met while loading (a review declaring another scale than --scale, unmapped items). */
  warnings: Problem[];
}

export function scaleChoice(opts: { scale?: string; principles?: string }): ScaleChoice {
  const warnings: Problem[] = [];
  const frameworks = new Map<Scale, PrincipleFramework>();
  const warned = new Set<string>();
  return {
    warnings,
    resolve(declared) {
      const scale = loadScale(opts.scale ?? declared ?? DEFAULT_SCALE);
      if (opts.scale && declared && declared !== scale.id && !warned.has(declared)) {
        warned.add(declared);
        warnings.push({ file: opts.scale, severity: 'warning', key: 'scale.overridden', params: { declared, used: scale.id } });
      }
      return scale;
    },
    frameworkFor(scale) {
      let f = frameworks.get(scale);
      if (!f) {
        const loaded = loadFramework(opts.principles ?? '8', scale);
        warnings.push(...loaded.warnings.items);
        f = loaded.framework;
        frameworks.set(scale, f);
      }
      return f;
    },
  };
}
