/**
 * gcloud commands for firestore.indexes.json, so the indexes and TTL
 * policies the deploy creates are always the ones the repository declares.
 */
import type { Step } from './plan';

interface IndexField {
  fieldPath: string;
  order?: string;
}

interface IndexFile {
  indexes: { collectionGroup: string; queryScope: string; fields: IndexField[] }[];
  fieldOverrides: {
    collectionGroup: string;
    fieldPath: string;
    ttl?: boolean;
    indexes: { order?: string; queryScope: string }[];
  }[];
}

const scope = (queryScope: string) => queryScope.toLowerCase().replace('_', '-');

// Creating what already exists fails; on a second deploy that is success.
const EXISTS = 'already exists';

export function indexSteps(file: IndexFile, project: string): Step[] {
  const composite = file.indexes.map((index) => ({
    title: `Composite index on ${index.collectionGroup}`,
    args: [
      'firestore',
      'indexes',
      'composite',
      'create',
      `--collection-group=${index.collectionGroup}`,
      `--query-scope=${scope(index.queryScope)}`,
      ...index.fields.map(
        (f) => `--field-config=field-path=${f.fieldPath},order=${(f.order ?? '').toLowerCase()}`,
      ),
      `--project=${project}`,
      '--async',
    ],
    tolerate: EXISTS,
  }));
  const overrides = file.fieldOverrides.flatMap((o) => {
    const where = [`--collection-group=${o.collectionGroup}`, `--project=${project}`, '--async'];
    const steps: Step[] = [];
    if (o.ttl) {
      steps.push({
        title: `TTL policy on ${o.collectionGroup}.${o.fieldPath}`,
        args: ['firestore', 'fields', 'ttls', 'update', o.fieldPath, '--enable-ttl', ...where],
      });
    }
    const indexes =
      o.indexes.length === 0
        ? ['--disable-indexes']
        : o.indexes.map(
            (i) =>
              `--index=order=${(i.order ?? '').toLowerCase()},query-scope=${scope(i.queryScope)}`,
          );
    steps.push({
      title: `Single-field indexes of ${o.collectionGroup}.${o.fieldPath}`,
      args: ['firestore', 'indexes', 'fields', 'update', o.fieldPath, ...indexes, ...where],
    });
    return steps;
  });
  return [...composite, ...overrides];
}
