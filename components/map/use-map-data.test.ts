import type { Map as MapLibre } from "maplibre-gl";
import { describe, expect, it, vi } from "vitest";
import { drawHeldFrames, drawOnceReloaded } from "./use-map-data";

/** Just what the hold touches of a maplibre map: its events, its loading state and its frame requests. */
class FakeMap {
  frames = 0;
  moving = false;
  tilesIn = false;
  handlers = new Map<string, Set<(e?: unknown) => void>>();
  triggerRepaint() {
    this.frames++;
  }
  on(type: string, f: (e?: unknown) => void) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)!.add(f);
  }
  off(type: string, f: (e?: unknown) => void) {
    this.handlers.get(type)?.delete(f);
  }
  fire(type: string, e?: unknown) {
    for (const f of [...(this.handlers.get(type) ?? [])]) f(e);
  }
  isMoving() {
    return this.moving;
  }
  isSourceLoaded() {
    return this.tilesIn;
  }
  areTilesLoaded() {
    return this.tilesIn;
  }
}

const asMap = (m: FakeMap) => m as unknown as MapLibre;

describe("a live update's frames", () => {
  it("are drawn once, when the last reloaded tile is in", () => {
    const map = new FakeMap();
    drawOnceReloaded(asMap(map));
    map.triggerRepaint();
    map.fire("sourcedata", { sourceDataType: "content" });
    map.triggerRepaint();
    expect(map.frames).toBe(0);
    // The worker's answer comes before the tiles are set reloading: not yet.
    map.tilesIn = true;
    map.fire("sourcedata", { sourceDataType: "metadata" });
    expect(map.frames).toBe(0);
    map.fire("sourcedata", { tile: {} });
    expect(map.frames).toBe(1);
    map.triggerRepaint();
    expect(map.frames).toBe(2);
  });

  it("are never held while the map moves, nor after a change the reader asked for", () => {
    const map = new FakeMap();
    drawOnceReloaded(asMap(map));
    map.moving = true;
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    map.moving = false;
    drawOnceReloaded(asMap(map));
    map.triggerRepaint();
    expect(map.frames).toBe(1);
    drawHeldFrames(asMap(map));
    expect(map.frames).toBe(2);
  });

  it("are drawn after a while even when a tile never comes", () => {
    vi.useFakeTimers();
    try {
      const map = new FakeMap();
      drawOnceReloaded(asMap(map));
      map.triggerRepaint();
      vi.advanceTimersByTime(10_000);
      expect(map.frames).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
