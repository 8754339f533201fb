/** A driver diagram node as far as its shape goes: which node it hangs under (null: the aim). */
export interface DriverLink {
  id: string;
  parentId: string | null;
}

/** Primary drivers (0), secondary drivers (1) and change ideas (2): the API refuses a fourth level, the web offers none. */
export const DEEPEST_DRIVER_LEVEL = 2;

export function driverDepth(nodes: readonly DriverLink[], id: string): number {
  const parents = new Map(nodes.map((node) => [node.id, node.parentId]));
  let depth = 0;
  for (let parent = parents.get(id); parent; parent = parents.get(parent)) depth += 1;
  return depth;
}

/** How many levels hang below a node (0 for a leaf). */
export function driverHeight(nodes: readonly DriverLink[], id: string): number {
  const children = nodes.filter((node) => node.parentId === id);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => driverHeight(nodes, child.id)));
}

export function driverDescendants(nodes: readonly DriverLink[], id: string): Set<string> {
  const found = new Set<string>();
  const visit = (parent: string) => {
    for (const node of nodes) {
      if (node.parentId === parent && !found.has(node.id)) {
        found.add(node.id);
        visit(node.id);
      }
    }
  };
  visit(id);
  return found;
}

/** Whether a node, with everything under it, may hang under `parentId` (null: the aim): no loop, no fourth level. */
export function fitsUnder(nodes: readonly DriverLink[], id: string, parentId: string | null): boolean {
  if (parentId === null) return driverHeight(nodes, id) <= DEEPEST_DRIVER_LEVEL;
  if (parentId === id || driverDescendants(nodes, id).has(parentId)) return false;
  return driverDepth(nodes, parentId) + 1 + driverHeight(nodes, id) <= DEEPEST_DRIVER_LEVEL;
}
