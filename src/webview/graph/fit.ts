// Where "Fit" puts the graph: all of it when it fits at a readable size, else its start at a readable size,
// to pan from. Pure, so unit tests check it without a browser.

export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The smallest zoom Fit uses: the type line is 11 px (render.ts), which stays at 8.25 px or more, the
 * smallest size text is read at without effort; a graph too large for the view is panned instead.
 */
export const MIN_READABLE_ZOOM = 0.75;
/** A small graph is not blown up beyond this: larger text reads no better and hides the picture's shape. */
export const MAX_FIT_ZOOM = 1.25;
const MARGIN_PX = 16;

export function fitTransform(box: Box, view: Size): Transform {
  const k = Math.min(
    MAX_FIT_ZOOM,
    Math.max(
      MIN_READABLE_ZOOM,
      Math.min((view.width - 2 * MARGIN_PX) / box.width, (view.height - 2 * MARGIN_PX) / box.height),
    ),
  );
  // Centred on an axis where it fits; from its start (event sources on the left, the first row on top) where not.
  const along = (start: number, length: number, room: number): number =>
    length * k + 2 * MARGIN_PX <= room ? (room - length * k) / 2 - start * k : MARGIN_PX - start * k;
  return { k, x: along(box.x, box.width, view.width), y: along(box.y, box.height, view.height) };
}

/** The transform that shows `point` (graph coordinates) in the middle of the view at zoom `k`. */
export function centreOn(point: { x: number; y: number }, k: number, view: Size): Transform {
  return { k, x: view.width / 2 - point.x * k, y: view.height / 2 - point.y * k };
}
